/**
 * The master-equation generator of N qubits over Q(y, ω, f), exactly: the Lindbladian divided by
 * n̄ + 1 (time in units of n̄ + 1, the same stationary states and conserved quantities), with
 * y = e^{−βω} = n̄/(n̄ + 1):
 *
 *   L(ρ)/(n̄+1) = −i(1 − y)[H, ρ] + Σ_ij γ_ij (σ⁻_j ρ σ⁺_i − ½{σ⁺_iσ⁻_j, ρ}) + y Σ_ij γ_ij (σ⁺_j ρ σ⁻_i − ½{σ⁻_iσ⁺_j, ρ}),
 *   H = ω Σ_i σ⁺_iσ⁻_i + f Σ_{i≠j} σ⁺_iσ⁻_j,
 *
 * with γ_ij = 1 for collective coupling (f the dipole coupling) and γ_ij = δ_ij, f = 0 for
 * individual coupling. Basis convention of src/physics/qubits.ts (bit 0 = excited, qubit 0 most
 * significant). Operators are sparse (each term flips one or two bits), so one application costs a
 * few rational-function operations per non-zero entry of ρ.
 *
 * `generatorMatrix` gives the real matrix of the generator on Hermitian matrices, in the coordinates
 * x_aa = ρ_aa and, for a < b, u_ab = Re ρ_ab, v_ab = Im ρ_ab (L maps Hermitian matrices to
 * Hermitian matrices, so its complex null space is spanned by Hermitian ones).
 */
import { InputError } from '../errors.js';
import type { CMatrix } from '../numeric/matrix.js';
import { ratFuncField as Rf } from '../symbolic/ratfunc-field.js';
import { rfadd, rfConst, rfisZero, rfmul, rfneg, rfsub, rfVar, type RatFunc } from '../symbolic/ratfunc.js';
import type { RfMatrix } from './exact-linear-algebra.js';

export type Coupling = 'collective' | 'individual';

export interface GeneratorModel {
  readonly N: number;
  readonly coupling: Coupling;
  /** Dipole coupling f_ij = f (collective only); default the variable f. */
  readonly f?: RatFunc;
  /** The Boltzmann factor y = e^{−βω}; default the variable y. */
  readonly y?: RatFunc;
  /** The qubit frequency; default the variable omega. */
  readonly omega?: RatFunc;
}

/** A sparse real operator: key row·d + col → non-zero entry. */
type Sparse = Map<number, RatFunc>;
/** A sparse complex matrix. */
export interface SparseMatrix {
  readonly d: number;
  readonly re: Sparse;
  readonly im: Sparse;
}

const ONE = rfConst(1);
const HALF = rfConst({ num: 1n, den: 2n });

function addTo(M: Sparse, k: number, v: RatFunc): void {
  if (rfisZero(v)) return;
  const old = M.get(k);
  const s = old ? rfadd(old, v) : v;
  if (rfisZero(s)) M.delete(k);
  else M.set(k, s);
}

function mulSparse(A: Sparse, B: Sparse, d: number): Sparse {
  const byRow = new Map<number, [number, RatFunc][]>();
  for (const [k, v] of B) {
    const r = Math.floor(k / d);
    const list = byRow.get(r);
    if (list) list.push([k % d, v]);
    else byRow.set(r, [[k % d, v]]);
  }
  const out: Sparse = new Map();
  for (const [k, a] of A) {
    const list = byRow.get(k % d);
    if (!list) continue;
    const r = Math.floor(k / d);
    for (const [c, b] of list) addTo(out, r * d + c, rfmul(a, b));
  }
  return out;
}

const scaled = (A: Sparse, s: RatFunc): Sparse =>
  new Map(
    [...A]
      .filter(([, v]) => !rfisZero(v))
      .map(([k, v]) => [k, rfmul(s, v)] as [number, RatFunc])
      .filter(([, v]) => !rfisZero(v)),
  );

function sum(...As: Sparse[]): Sparse {
  const out: Sparse = new Map();
  for (const A of As) for (const [k, v] of A) addTo(out, k, v);
  return out;
}

/** The operators of the model, compiled once per model. */
interface Compiled {
  readonly d: number;
  readonly H: Sparse;
  readonly K: Sparse;
  readonly jumps: readonly { readonly left: Sparse; readonly right: Sparse; readonly rate: RatFunc }[];
  readonly hamiltonianFactor: RatFunc;
}

function checkModel(m: GeneratorModel): void {
  if (!Number.isInteger(m.N) || m.N < 1 || m.N > 6) throw new InputError(`generator: N must be an integer in [1, 6], got ${m.N}`);
  if (m.coupling !== 'collective' && m.coupling !== 'individual')
    throw new InputError(`generator: coupling must be 'collective' or 'individual', got ${String(m.coupling)}`);
  if (m.coupling === 'individual' && m.f !== undefined && !rfisZero(m.f)) throw new InputError('generator: individual coupling has no dipole term (f_ij ≈ 0)');
}

function compile(m: GeneratorModel): Compiled {
  checkModel(m);
  const { N } = m;
  const d = 2 ** N;
  const y = m.y ?? rfVar('y');
  const omega = m.omega ?? rfVar('omega');
  const f = m.coupling === 'collective' ? (m.f ?? rfVar('f')) : rfConst(0);
  const mask = (i: number): number => 1 << (N - 1 - i);
  // σ⁺_i: basis index with qubit i ground (bit set) → excited (bit cleared); σ⁻_i the transpose.
  const sp: Sparse[] = [];
  const sm: Sparse[] = [];
  for (let i = 0; i < N; i++) {
    const P: Sparse = new Map();
    const Mn: Sparse = new Map();
    for (let c = 0; c < d; c++) {
      if ((c & mask(i)) !== 0) P.set((c ^ mask(i)) * d + c, ONE);
      else Mn.set((c ^ mask(i)) * d + c, ONE);
    }
    sp.push(P);
    sm.push(Mn);
  }
  const pairs: [number, number][] = [];
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) if (m.coupling === 'collective' || i === j) pairs.push([i, j]);
  const number: Sparse = new Map();
  for (let c = 0; c < d; c++) {
    let k = 0;
    for (let i = 0; i < N; i++) if ((c & mask(i)) === 0) k++;
    if (k) number.set(c * d + c, rfConst(k));
  }
  const hop = sum(...pairs.filter(([i, j]) => i !== j).map(([i, j]) => mulSparse(sp[i], sm[j], d)));
  const H = sum(scaled(number, omega), scaled(hop, f));
  const K = sum(...pairs.map(([i, j]) => mulSparse(sp[i], sm[j], d)), ...pairs.map(([i, j]) => scaled(mulSparse(sm[i], sp[j], d), y)));
  const jumps = [...pairs.map(([i, j]) => ({ left: sm[j], right: sp[i], rate: ONE })), ...pairs.map(([i, j]) => ({ left: sp[j], right: sm[i], rate: y }))];
  return { d, H, K, jumps, hamiltonianFactor: rfsub(ONE, y) };
}

const compiled = new WeakMap<GeneratorModel, Compiled>();
function compiledOf(m: GeneratorModel): Compiled {
  let c = compiled.get(m);
  if (!c) compiled.set(m, (c = compile(m)));
  return c;
}

/** L(ρ)/(n̄+1) for a sparse complex ρ; exact. */
export function applyGeneratorSparse(model: GeneratorModel, rho: SparseMatrix): SparseMatrix {
  const C = compiledOf(model);
  const { d } = C;
  if (rho.d !== d) throw new InputError(`generator: ρ must be ${d}×${d} for N = ${model.N}`);
  const part = (X: Sparse): Sparse => {
    const terms: Sparse[] = [];
    for (const J of C.jumps) terms.push(scaled(mulSparse(mulSparse(J.left, X, d), J.right, d), J.rate));
    terms.push(scaled(sum(mulSparse(C.K, X, d), mulSparse(X, C.K, d)), rfneg(HALF)));
    return sum(...terms);
  };
  // −i(1−y)[H, X + iY] = (1−y)[H, Y] − i(1−y)[H, X]
  const comm = (X: Sparse): Sparse => sum(mulSparse(C.H, X, d), scaled(mulSparse(X, C.H, d), rfConst(-1)));
  const re = sum(part(rho.re), scaled(comm(rho.im), C.hamiltonianFactor));
  const im = sum(part(rho.im), scaled(comm(rho.re), rfneg(C.hamiltonianFactor)));
  return { d, re, im };
}

/** L(ρ)/(n̄+1) for a dense ρ over Q(params) (e.g. a state built with the generic matrix code); exact. */
export function applyGenerator(model: GeneratorModel, rho: CMatrix<RatFunc>): CMatrix<RatFunc> {
  const d = rho.rows;
  const toSparse = (a: RatFunc[]): Sparse => new Map(a.map((v, k) => [k, v] as [number, RatFunc]).filter(([, v]) => !rfisZero(v)));
  const out = applyGeneratorSparse(model, { d, re: toSparse(rho.re), im: toSparse(rho.im) });
  const M = { rows: d, cols: d, re: new Array<RatFunc>(d * d).fill(Rf.zero), im: new Array<RatFunc>(d * d).fill(Rf.zero) };
  for (const [k, v] of out.re) M.re[k] = v;
  for (const [k, v] of out.im) M.im[k] = v;
  return M;
}

/** One real coordinate of a Hermitian d×d matrix. */
export type HermitianCoordinate = { readonly kind: 'diag'; readonly a: number } | { readonly kind: 're' | 'im'; readonly a: number; readonly b: number };

/** The d² coordinates: diagonal entries first, then Re and Im of each entry above the diagonal. */
export function hermitianCoordinates(d: number): HermitianCoordinate[] {
  const out: HermitianCoordinate[] = [];
  for (let a = 0; a < d; a++) out.push({ kind: 'diag', a });
  for (let a = 0; a < d; a++)
    for (let b = a + 1; b < d; b++) {
      out.push({ kind: 're', a, b });
      out.push({ kind: 'im', a, b });
    }
  return out;
}

/** The Hermitian matrix with coordinate vector x. */
export function hermitianFromCoordinates(d: number, x: readonly RatFunc[]): CMatrix<RatFunc> {
  const M = { rows: d, cols: d, re: new Array<RatFunc>(d * d).fill(Rf.zero), im: new Array<RatFunc>(d * d).fill(Rf.zero) };
  hermitianCoordinates(d).forEach((c, k) => {
    if (rfisZero(x[k])) return;
    if (c.kind === 'diag') M.re[c.a * d + c.a] = x[k];
    else if (c.kind === 're') {
      M.re[c.a * d + c.b] = x[k];
      M.re[c.b * d + c.a] = x[k];
    } else {
      M.im[c.a * d + c.b] = x[k];
      M.im[c.b * d + c.a] = rfneg(x[k]);
    }
  });
  return M;
}

/** The coordinate vector of a Hermitian matrix (its upper triangle is read). */
export function coordinatesOf(M: CMatrix<RatFunc>): RatFunc[] {
  const d = M.rows;
  return hermitianCoordinates(d).map((c) => (c.kind === 'diag' ? M.re[c.a * d + c.a] : c.kind === 're' ? M.re[c.a * d + c.b] : M.im[c.a * d + c.b]));
}

/** The generator as a real d²×d² matrix on Hermitian coordinates: column k is L(basis element k). */
export function generatorMatrix(model: GeneratorModel): { readonly coordinates: HermitianCoordinate[]; readonly S: RfMatrix } {
  const { d } = compiledOf(model);
  const coords = hermitianCoordinates(d);
  const index = new Map<string, number>(coords.map((c, k) => [c.kind === 'diag' ? `d${c.a}` : `${c.kind}${c.a},${c.b}`, k]));
  const n = coords.length;
  const S: RfMatrix = Array.from({ length: n }, () => new Array<RatFunc>(n).fill(Rf.zero));
  coords.forEach((c, col) => {
    const re: Sparse = new Map();
    const im: Sparse = new Map();
    if (c.kind === 'diag') re.set(c.a * d + c.a, ONE);
    else if (c.kind === 're') {
      re.set(c.a * d + c.b, ONE);
      re.set(c.b * d + c.a, ONE);
    } else {
      im.set(c.a * d + c.b, ONE);
      im.set(c.b * d + c.a, rfConst(-1));
    }
    const out = applyGeneratorSparse(model, { d, re, im });
    for (const [k, v] of out.re) {
      const a = Math.floor(k / d);
      const b = k % d;
      if (a === b) S[index.get(`d${a}`)!][col] = v;
      else if (a < b) S[index.get(`re${a},${b}`)!][col] = v;
    }
    for (const [k, v] of out.im) {
      const a = Math.floor(k / d);
      const b = k % d;
      if (a < b) S[index.get(`im${a},${b}`)!][col] = v;
    }
  });
  return { coordinates: coords, S };
}
