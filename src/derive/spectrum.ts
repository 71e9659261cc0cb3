/**
 * Exact spectra of real symmetric matrices over Q(parameters) (density matrices such as the
 * two-qubit steady states): connected blocks, the rank (null space) of each block, the
 * characteristic polynomial of the block restricted to its range (Faddeev–LeVerrier, exact), its
 * factors linear in λ, and the eigenvectors as null spaces of (B − λI).
 *
 * Linear factors: a candidate λ = r (a diagonal entry, a row sum, or the mean of the block) is
 * accepted when p(r) is the zero rational function and divided out exactly; a remaining factor of
 * degree 2 splits when its discriminant is a perfect square in Q(parameters) (polySqrt). A factor of
 * degree ≥ 3 with no such root, or a quadratic with a non-square discriminant, is refused with a
 * SpectrumRefusal naming the block: the pipeline never returns a numerical eigenvalue here.
 */
import { InputError } from '../errors.js';
import type { CMatrix } from '../numeric/matrix.js';
import { rfadd, rfConst, rfdiv, rfisZero, rfmul, rfneg, rfsub, identical, type RatFunc } from '../symbolic/ratfunc.js';
import { connectedBlocks, echelon, nullSpace, type RfMatrix } from './exact-linear-algebra.js';
import { rfReduce } from './polynomial-gcd.js';
import { ratFuncSqrt } from './polynomial-root.js';

const ZERO = rfConst(0);
const ONE = rfConst(1);

/** A block that the pipeline cannot split into linear factors over Q(parameters). */
export class SpectrumRefusal extends Error {
  constructor(
    message: string,
    readonly block: readonly number[],
    readonly degree: number,
  ) {
    super(message);
    this.name = 'SpectrumRefusal';
  }
}

export interface Eigenspace {
  /** The eigenvalue, a rational function of the parameters. */
  readonly value: RatFunc;
  /** Its multiplicity (algebraic = geometric: the matrix is symmetric). */
  readonly multiplicity: number;
  /** A basis of the eigenspace (unnormalised vectors over Q(parameters), full length). */
  readonly vectors: readonly (readonly RatFunc[])[];
}

export interface ExactSpectrum {
  /** Distinct eigenvalues (exactly distinct as rational functions), each with its eigenspace. */
  readonly eigenspaces: readonly Eigenspace[];
  /** The connected blocks (basis indices) the matrix splits into. */
  readonly blocks: readonly (readonly number[])[];
  /** How it was obtained, for reports. */
  readonly how: string;
}

const sameValue = (a: RatFunc, b: RatFunc): boolean => identical(a, b).identical;

/** Coefficients (constant term first, monic) of det(λI − A) by Faddeev–LeVerrier; exact over Q(params). */
export function characteristicPolynomial(A: RfMatrix): RatFunc[] {
  const n = A.length;
  const coeffs = new Array<RatFunc>(n + 1).fill(ZERO);
  coeffs[n] = ONE;
  let M: RfMatrix = A.map((r) => r.map(() => ZERO));
  for (let k = 1; k <= n; k++) {
    // M_k = A·M_{k−1} + c_{n−k+1} I,  c_{n−k} = −tr(A·M_k)/k
    const AM = A.map((row) => M[0].map((_, j) => row.reduce((s, a, l) => (rfisZero(a) || rfisZero(M[l][j]) ? s : rfadd(s, rfmul(a, M[l][j]))), ZERO)));
    M = AM.map((row, i) => row.map((x, j) => rfReduce(i === j ? rfadd(x, coeffs[n - k + 1]) : x)));
    let tr = ZERO;
    for (let i = 0; i < n; i++) for (let l = 0; l < n; l++) if (!rfisZero(A[i][l]) && !rfisZero(M[l][i])) tr = rfadd(tr, rfmul(A[i][l], M[l][i]));
    coeffs[n - k] = rfReduce(rfneg(rfdiv(tr, rfConst(k))));
  }
  return coeffs;
}

/** p(r) for p given by coefficients (constant first). */
export function evalAt(p: readonly RatFunc[], r: RatFunc): RatFunc {
  let s = ZERO;
  for (let k = p.length - 1; k >= 0; k--) s = rfadd(rfmul(s, r), p[k]);
  return s;
}

/** p/(λ − r) for a root r (synthetic division; the remainder is checked to be zero by the caller). */
function deflate(p: readonly RatFunc[], r: RatFunc): RatFunc[] {
  const n = p.length - 1;
  const q = new Array<RatFunc>(n).fill(ZERO);
  let carry = ZERO;
  for (let k = n; k >= 1; k--) {
    carry = rfadd(p[k], rfmul(carry, r));
    q[k - 1] = carry = rfReduce(carry);
  }
  return q;
}

/** The roots (with repetition) of a monic polynomial over Q(params), or a refusal. */
function linearFactors(p: readonly RatFunc[], candidates: readonly RatFunc[], block: readonly number[]): RatFunc[] {
  let q = p.slice();
  const roots: RatFunc[] = [];
  const tried: RatFunc[] = [];
  for (const r of candidates) if (!tried.some((t) => sameValue(t, r))) tried.push(r);
  for (let progress = true; progress && q.length - 1 >= 2; ) {
    progress = false;
    for (const r of tried)
      if (rfisZero(evalAt(q, r))) {
        roots.push(r);
        q = deflate(q, r);
        progress = true;
        break;
      }
  }
  const deg = q.length - 1;
  if (deg === 1) roots.push(rfReduce(rfneg(q[0])));
  else if (deg === 2) {
    // λ² + bλ + c: λ = (−b ± √(b² − 4c))/2
    const b = q[1];
    const disc = rfsub(rfmul(b, b), rfmul(rfConst(4), q[0]));
    const s = ratFuncSqrt(disc);
    if (!s)
      throw new SpectrumRefusal(
        `the characteristic polynomial of block [${block.join(', ')}] has a quadratic factor whose discriminant is not a square in Q(parameters): its eigenvalues are not rational functions`,
        block,
        2,
      );
    const half = rfConst({ num: 1n, den: 2n });
    roots.push(rfReduce(rfmul(half, rfadd(rfneg(b), s))), rfReduce(rfmul(half, rfsub(rfneg(b), s))));
  } else if (deg >= 3) {
    throw new SpectrumRefusal(
      `block [${block.join(', ')}]: a factor of degree ${deg} of its characteristic polynomial has no root among the candidate eigenvalues (diagonal entries, row sums): not split`,
      block,
      deg,
    );
  }
  return roots;
}

/** Multiply out: A·B for small dense matrices. */
function matMul(A: RfMatrix, B: RfMatrix): RfMatrix {
  return A.map((row) => B[0].map((_, j) => row.reduce((s, a, l) => (rfisZero(a) || rfisZero(B[l][j]) ? s : rfadd(s, rfmul(a, B[l][j]))), ZERO)));
}

/**
 * The exact spectrum of a real symmetric matrix over Q(parameters). Throws InputError for a
 * matrix with an imaginary part or that is not symmetric, SpectrumRefusal when a block does not split.
 */
export function exactSpectrum(M: CMatrix<RatFunc>): ExactSpectrum {
  const n = M.rows;
  if (M.cols !== n) throw new InputError(`exactSpectrum: the matrix is ${M.rows}×${M.cols}, not square`);
  if (!M.im.every(rfisZero)) throw new InputError('exactSpectrum: only real symmetric matrices are handled (the imaginary part is not zero)');
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      if (!sameValue(M.re[i * n + j], M.re[j * n + i])) throw new InputError(`exactSpectrum: the matrix is not symmetric at (${i}, ${j})`);
  const blocks = connectedBlocks(n, (i, j) => !rfisZero(M.re[i * n + j]));
  const spaces: { value: RatFunc; vectors: RatFunc[][] }[] = [];
  const addVector = (value: RatFunc, v: RatFunc[]): void => {
    const hit = spaces.find((s) => sameValue(s.value, value));
    if (hit) hit.vectors.push(v);
    else spaces.push({ value, vectors: [v] });
  };
  let largest = 1;
  for (const B of blocks) {
    const A: RfMatrix = B.map((i) => B.map((j) => M.re[i * n + j]));
    const embed = (v: readonly RatFunc[]): RatFunc[] => {
      const full = new Array<RatFunc>(n).fill(ZERO);
      B.forEach((i, k) => (full[i] = v[k]));
      return full;
    };
    if (B.length === 1) {
      addVector(rfReduce(A[0][0]), embed([ONE]));
      continue;
    }
    largest = Math.max(largest, B.length);
    // Kernel first, then the block restricted to its range: A·V = V·C with V the pivot columns of A.
    const ker = nullSpace(A);
    for (const v of ker.basis) addVector(ZERO, embed(v));
    const r = ker.rank;
    if (r === 0) continue;
    const E = echelon(A);
    const V: RfMatrix = A.map((row) => E.pivotColumns.map((j) => row[j]));
    // C = (VᵀV)⁻¹ Vᵀ A V, solved from (VᵀV) C = Vᵀ A V by elimination
    const Vt = V[0].map((_, j) => V.map((row) => row[j]));
    const G = matMul(Vt, V);
    const R = matMul(Vt, matMul(A, V));
    const aug = echelon(G.map((row, i) => [...row, ...R[i]]));
    const C: RfMatrix = aug.rows.map((row) => row.slice(r).map(rfReduce));
    const p = characteristicPolynomial(C);
    const candidates: RatFunc[] = [];
    for (let i = 0; i < C.length; i++) candidates.push(C[i][i], rfReduce(C[i].reduce((s, x) => rfadd(s, x), ZERO)));
    for (let i = 0; i < A.length; i++) candidates.push(A[i][i], rfReduce(A[i].reduce((s, x) => rfadd(s, x), ZERO)));
    const roots = linearFactors(p, candidates, B);
    const distinct: RatFunc[] = [];
    for (const x of roots) if (!distinct.some((d) => sameValue(d, x))) distinct.push(x);
    for (const lambda of distinct) {
      if (rfisZero(lambda))
        throw new SpectrumRefusal(`block [${B.join(', ')}]: zero is a root of the range's characteristic polynomial (a nilpotent part?)`, B, r);
      const mult = roots.filter((x) => sameValue(x, lambda)).length;
      const ns = nullSpace(A.map((row, i) => row.map((x, j) => (i === j ? rfsub(x, lambda) : x))));
      if (ns.basis.length !== mult)
        throw new SpectrumRefusal(`block [${B.join(', ')}]: eigenvalue of multiplicity ${mult} has a ${ns.basis.length}-dimensional eigenspace`, B, r);
      for (const v of ns.basis) addVector(lambda, embed(v));
    }
  }
  const eigenspaces = spaces.map((s) => ({ value: s.value, multiplicity: s.vectors.length, vectors: s.vectors }));
  const how = `${blocks.length} connected block${blocks.length === 1 ? '' : 's'} (largest ${largest}×${largest}); per block: kernel by exact elimination, characteristic polynomial of the range (Faddeev–LeVerrier over Q(parameters)), linear factors checked exactly, eigenvectors as null spaces of B − λI`;
  return { eigenspaces, blocks, how };
}

/** The spectrum as levels (value, multiplicity) for orderings and passive pairing. */
export const levelsOf = (s: ExactSpectrum): { value: RatFunc; multiplicity: number }[] =>
  s.eigenspaces.map((e) => ({ value: e.value, multiplicity: e.multiplicity }));
