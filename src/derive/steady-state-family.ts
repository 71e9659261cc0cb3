/**
 * The stationary states of the master equation, derived: the null space of the generator on
 * Hermitian matrices (exact elimination over Q(y, ω, f), block by block), the conserved quantities
 * (its left null space) and the map from an initial state to the steady state it reaches,
 *
 *   x_ss = R (ℓR)⁻¹ ℓ x0        (R: kernel basis, ℓ: conserved functionals, x in Hermitian coordinates),
 *
 * the unique stationary state with the same conserved quantities as ρ0. This is the limit of
 * e^{tL}ρ0 whenever the zero eigenvalue is semisimple and every other eigenvalue has a negative real
 * part (true for the collective and individual models at finite temperature); it is exact.
 *
 * Blocks: the generator's matrix splits into connected blocks (a conserved quantity such as the
 * excitation difference between ket and bra shows up as such a split). A block whose rank at a
 * seeded rational point is full is non-singular over Q(params) (the rank can only drop under
 * specialisation), so only the singular blocks are eliminated symbolically. The result is the
 * generic one; `validWhere` lists the pivots it divided by.
 */
import type { CMatrix } from '../numeric/matrix.js';
import type { Rational } from '../numeric/rational.js';
import { ratFuncField as Rf } from '../symbolic/ratfunc-field.js';
import { identical, rfadd, rfConst, rfdiv, rfisZero, rfmul, type RatFunc } from '../symbolic/ratfunc.js';
import { rfReduce } from './polynomial-gcd.js';
import { exactSpectrum } from './spectrum.js';
import { connectedBlocks, echelon, nullSpace, rankAt, transpose, type RfMatrix } from './exact-linear-algebra.js';
import { coordinatesOf, generatorMatrix, hermitianFromCoordinates, type GeneratorModel, type HermitianCoordinate } from './generator.js';

const ZERO = rfConst(0);

/** A rational point at which no pivot of the models here vanishes: used only to prove full rank. */
export const GENERIC_POINT: Readonly<Record<string, Rational>> = {
  y: { num: 3n, den: 7n },
  omega: { num: 5n, den: 3n },
  f: { num: 2n, den: 11n },
  c: { num: 2n, den: 9n },
};

export interface SteadyStateFamily {
  readonly model: GeneratorModel;
  readonly dimension: number;
  readonly coordinates: readonly HermitianCoordinate[];
  /** Basis of the stationary Hermitian matrices (coordinate vectors). */
  readonly kernel: RfMatrix;
  /** Basis of the conserved linear functionals (ℓ with ℓ·L(x) = 0 for every x). */
  readonly conserved: RfMatrix;
  /** The blocks of the generator, with the dimension of the kernel found in each. */
  readonly blocks: readonly {
    readonly size: number;
    readonly nullity: number;
    readonly decidedBy: 'rank at a rational point' | 'elimination over Q(parameters)';
  }[];
  /** Pivots divided by in the symbolic eliminations (the result holds where none vanishes). */
  readonly validWhere: readonly RatFunc[];
  readonly how: string;
}

/** Stationary states and conserved quantities of the model, derived from its generator. */
export function steadyStateFamily(model: GeneratorModel, point: Readonly<Record<string, Rational>> = GENERIC_POINT): SteadyStateFamily {
  const { coordinates, S } = generatorMatrix(model);
  const n = coordinates.length;
  const groups = connectedBlocks(n, (i, j) => !rfisZero(S[i][j]));
  const kernel: RfMatrix = [];
  const conserved: RfMatrix = [];
  const validWhere: RatFunc[] = [];
  const blocks: SteadyStateFamily['blocks'][number][] = [];
  for (const B of groups) {
    const sub: RfMatrix = B.map((i) => B.map((j) => S[i][j]));
    if (rankAt(sub, point) === B.length) {
      blocks.push({ size: B.length, nullity: 0, decidedBy: 'rank at a rational point' });
      continue;
    }
    const right = nullSpace(sub);
    const left = nullSpace(transpose(sub));
    validWhere.push(...right.pivots, ...left.pivots);
    const embed = (v: readonly RatFunc[]): RatFunc[] => {
      const full = new Array<RatFunc>(n).fill(ZERO);
      B.forEach((i, k) => (full[i] = v[k]));
      return full;
    };
    kernel.push(...right.basis.map(embed));
    conserved.push(...left.basis.map(embed));
    blocks.push({ size: B.length, nullity: right.basis.length, decidedBy: 'elimination over Q(parameters)' });
  }
  const singular = blocks.filter((b) => b.nullity > 0);
  const how =
    `generator of the ${model.coupling} model for N = ${model.N} as a ${n}×${n} matrix over Q(y, ω, f) on Hermitian coordinates; ` +
    `${groups.length} connected blocks, ${groups.length - singular.length} proved non-singular by their rank at a rational point, ` +
    `${singular.length} eliminated exactly: ${kernel.length} stationary states, ${conserved.length} conserved quantities`;
  return { model, dimension: n, coordinates, kernel, conserved, blocks, validWhere, how };
}

const dot = (a: readonly RatFunc[], b: readonly RatFunc[]): RatFunc =>
  a.reduce((s, x, k) => (rfisZero(x) || rfisZero(b[k]) ? s : rfadd(s, rfmul(x, b[k]))), ZERO);

/** The steady state reached from the Hermitian ρ0 (entries over Q(params)): R (ℓR)⁻¹ ℓ x0, exactly. */
export function steadyStateFrom(family: SteadyStateFamily, rho0: CMatrix<RatFunc>): CMatrix<RatFunc> {
  const x0 = coordinatesOf(rho0);
  const R = family.kernel;
  const L = family.conserved;
  const k = R.length;
  // (ℓR) t = ℓ x0, then x_ss = Σ t_i R_i
  const G: RfMatrix = L.map((l) => R.map((r) => dot(l, r)));
  const rhs = L.map((l) => dot(l, x0));
  const E = echelon(G.map((row, i) => [...row, rhs[i]]));
  if (E.rows.length !== k || E.pivotColumns.some((c, i) => c !== i))
    throw new RangeError('steadyStateFrom: the conserved quantities do not determine the stationary state (ℓR is singular)');
  const t = E.rows.map((row) => rfReduce(row[k]));
  const x = R[0] ? R[0].map((_, j) => R.reduce((s, r, i) => (rfisZero(r[j]) || rfisZero(t[i]) ? s : rfadd(s, rfmul(t[i], r[j]))), ZERO)) : [];
  return hermitianFromCoordinates(rho0.rows, x.map(rfReduce));
}

/**
 * The conserved quantities as observables: Hermitian Q with Tr(Qρ) = ℓ·x for every Hermitian ρ
 * (Q_aa = ℓ_aa, Q_ab = (ℓ_re + i ℓ_im)/2 for a < b).
 */
export function conservedObservables(family: SteadyStateFamily): CMatrix<RatFunc>[] {
  const d = 2 ** family.model.N;
  const half = rfConst({ num: 1n, den: 2n });
  return family.conserved.map((l) => {
    const Q = { rows: d, cols: d, re: new Array<RatFunc>(d * d).fill(Rf.zero), im: new Array<RatFunc>(d * d).fill(Rf.zero) };
    family.coordinates.forEach((c, k) => {
      const v = l[k];
      if (rfisZero(v)) return;
      if (c.kind === 'diag') Q.re[c.a * d + c.a] = v;
      else if (c.kind === 're') Q.re[c.a * d + c.b] = Q.re[c.b * d + c.a] = rfmul(half, v);
      else {
        Q.im[c.a * d + c.b] = rfmul(half, v);
        Q.im[c.b * d + c.a] = rfmul(rfConst(-1), rfmul(half, v));
      }
    });
    return Q;
  });
}

/** One sector of a commutative algebra of conserved quantities: a minimal projection and the steady state it carries. */
export interface SteadySector {
  /** The conserved projection P (Tr(Pρ0) is the weight of this sector in the steady state). */
  readonly projector: CMatrix<RatFunc>;
  readonly rank: number;
  /** The steady state reached from P/Tr P (unit trace). */
  readonly state: CMatrix<RatFunc>;
}

/**
 * The sectors of the steady-state family when the conserved quantities commute: the minimal
 * projections P_k of their algebra (the spectral projections of a combination with distinct seeded
 * weights, from its exact spectrum) and σ_k, the steady state of P_k/Tr P_k. Then
 * ρ_ss(ρ0) = Σ_k Tr(P_k ρ0) σ_k for every ρ0. Throws RangeError when the conserved quantities do
 * not commute (a non-commutative fixed-point algebra has no such decomposition) or are not real.
 */
export function steadySectors(family: SteadyStateFamily): SteadySector[] {
  const Qs = conservedObservables(family);
  const d = 2 ** family.model.N;
  if (Qs.some((Q) => !Q.im.every(rfisZero))) throw new RangeError('steadySectors: the conserved quantities are not all real');
  const prod = (A: CMatrix<RatFunc>, B: CMatrix<RatFunc>): RatFunc[] =>
    Array.from({ length: d * d }, (_, k) => {
      const i = Math.floor(k / d);
      const j = k % d;
      let s = ZERO;
      for (let l = 0; l < d; l++) if (!rfisZero(A.re[i * d + l]) && !rfisZero(B.re[l * d + j])) s = rfadd(s, rfmul(A.re[i * d + l], B.re[l * d + j]));
      return s;
    });
  for (let a = 0; a < Qs.length; a++)
    for (let b = a + 1; b < Qs.length; b++) {
      const ab = prod(Qs[a], Qs[b]);
      const ba = prod(Qs[b], Qs[a]);
      if (ab.some((x, k) => !identical(x, ba[k]).identical))
        throw new RangeError('steadySectors: the conserved quantities do not commute (non-commutative fixed-point algebra)');
    }
  const X = { rows: d, cols: d, re: new Array<RatFunc>(d * d).fill(ZERO), im: new Array<RatFunc>(d * d).fill(ZERO) };
  Qs.forEach((Q, i) => Q.re.forEach((x, k) => (X.re[k] = rfadd(X.re[k], rfmul(rfConst(2 * i + 3), x)))));
  const spec = exactSpectrum(X);
  if (spec.eigenspaces.length !== Qs.length)
    throw new RangeError(
      `steadySectors: ${spec.eigenspaces.length} spectral projections for ${Qs.length} conserved quantities (the seeded combination is not generic)`,
    );
  return spec.eigenspaces.map((e) => {
    const P = projectorOnto(e.vectors, d);
    const tr = P.re.filter((_, k) => k % (d + 1) === 0).reduce((s, x) => rfadd(s, x), ZERO);
    const start = { rows: d, cols: d, re: P.re.map((x) => (rfisZero(x) ? x : rfdiv(x, tr))), im: P.im };
    return { projector: P, rank: e.multiplicity, state: steadyStateFrom(family, start) };
  });
}

/** The orthogonal projector V(VᵀV)⁻¹Vᵀ onto the span of real vectors V (exact). */
export function projectorOnto(vectors: readonly (readonly RatFunc[])[], d: number): CMatrix<RatFunc> {
  const k = vectors.length;
  const G: RfMatrix = vectors.map((u) => vectors.map((v) => dot(u, v)));
  const inv = echelon(G.map((row, i) => [...row, ...G.map((_, j) => (i === j ? rfConst(1) : ZERO))])).rows.map((r) => r.slice(k).map(rfReduce));
  const re = new Array<RatFunc>(d * d).fill(ZERO);
  for (let a = 0; a < d; a++)
    for (let b = 0; b < d; b++) {
      let s = ZERO;
      for (let i = 0; i < k; i++)
        for (let j = 0; j < k; j++)
          if (!rfisZero(vectors[i][a]) && !rfisZero(vectors[j][b]) && !rfisZero(inv[i][j])) s = rfadd(s, rfmul(rfmul(vectors[i][a], inv[i][j]), vectors[j][b]));
      re[a * d + b] = rfReduce(s);
    }
  return { rows: d, cols: d, re, im: new Array<RatFunc>(d * d).fill(ZERO) };
}

/** Σ_k w_k σ_k: the steady state with sector weights w_k (e.g. 1 − c and c), exactly. */
export function mixSectors(sectors: readonly SteadySector[], weights: readonly RatFunc[]): CMatrix<RatFunc> {
  if (weights.length !== sectors.length) throw new RangeError(`mixSectors: ${weights.length} weights for ${sectors.length} sectors`);
  const d = sectors[0].state.rows;
  const re = new Array<RatFunc>(d * d).fill(ZERO);
  const im = new Array<RatFunc>(d * d).fill(ZERO);
  sectors.forEach((s, i) => {
    s.state.re.forEach((x, k) => (re[k] = rfisZero(x) ? re[k] : rfadd(re[k], rfmul(weights[i], x))));
    s.state.im.forEach((x, k) => (im[k] = rfisZero(x) ? im[k] : rfadd(im[k], rfmul(weights[i], x))));
  });
  return { rows: d, cols: d, re: re.map(rfReduce), im: im.map(rfReduce) };
}
