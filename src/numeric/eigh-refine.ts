/**
 * A Hermitian eigendecomposition at high precision by refinement: eigenvectors computed in float64
 * are refined by the iteration of Ogita and Aishima (Japan J. Indust. Appl. Math. 35, 2018) for
 * symmetric matrices, written for Hermitian ones,
 *
 *   R = I − X†X,  S = X†AX,  λ_i = s_ii/(1 − r_ii),
 *   F_ij = (s_ij + λ_j r_ij)/(λ_j − λ_i)  (λ_i, λ_j apart),  F_ij = r_ij/2  (otherwise),
 *   X ← X + XF,
 *
 * which doubles the number of correct bits per step, so each step's products need only about twice
 * the precision of its input: the early steps are cheap and the O(n³) work is done by exact float64
 * products of fixed-point slices (sliced-fixed.ts). The corrections F are formed in double-double
 * arithmetic; nothing about the result is assumed: `residualBoundsSliced` evaluates R = AX − XΛ and
 * X†X − I for the final pairs with every rounding bounded, for the certificate of certificate.ts.
 * Refinement cannot separate eigenvalues closer than its own accuracy; the caller falls back to a
 * direct method when the certificate is not as tight as the precision asks.
 */
import type { NormBounds } from './certificate.js';
import { type DDMatrix, rayleighValues } from './double-double.js';
import {
  SLICE_BITS,
  type RealProduct,
  type Sliced,
  type SlicedResult,
  carryEngineLevels,
  sharedEngine,
  slicedCombine,
  slicedAbsUpper,
  slicedEntryBigInt,
  slicedToDD,
  slicedFromDD,
  slicedFromFloat64,
  slicedIdentity,
  slicedProduct,
  blankSliced,
  releaseSliced,
  zeroSliced,
} from './sliced-fixed.js';

const L = SLICE_BITS;

/**
 * The corrections F of one step (double-double.ts's `corrections`) on `engine`: S and R as
 * double-doubles, the values λ (lamH + lamL) and the separation threshold δ, into the real and
 * imaginary hi and lo arrays (n² each, row-major); returns max |Re F_ij| + |Im F_ij| of the leading parts.
 */
export function refinementCorrections(
  engine: RealProduct,
  n: number,
  S: DDMatrix,
  R: DDMatrix,
  lamH: Float64Array,
  lamL: Float64Array,
  delta: number,
  out: { reHi: Float64Array; reLo: Float64Array; imHi: Float64Array; imLo: Float64Array },
): number {
  const nn = n * n;
  const at = {
    Shi: 0,
    Slo: 2 * nn,
    Rhi: 4 * nn,
    Rlo: 6 * nn,
    lamH: 8 * nn,
    lamL: 8 * nn + n,
    reHi: 8 * nn + 2 * n,
    reLo: 9 * nn + 2 * n,
    imHi: 10 * nn + 2 * n,
    imLo: 11 * nn + 2 * n,
  };
  engine.reserve(12 * nn + 2 * n);
  const mem = engine.mem();
  mem.set(S.hi.subarray(0, 2 * nn), at.Shi);
  mem.set(S.lo.subarray(0, 2 * nn), at.Slo);
  mem.set(R.hi.subarray(0, 2 * nn), at.Rhi);
  mem.set(R.lo.subarray(0, 2 * nn), at.Rlo);
  mem.set(lamH.subarray(0, n), at.lamH);
  mem.set(lamL.subarray(0, n), at.lamL);
  const maxF = engine.corrections(n, at, delta);
  out.reHi.set(mem.subarray(at.reHi, at.reHi + nn));
  out.reLo.set(mem.subarray(at.reLo, at.reLo + nn));
  out.imHi.set(mem.subarray(at.imHi, at.imHi + nn));
  out.imLo.set(mem.subarray(at.imLo, at.imLo + nn));
  return maxF;
}

export interface RefineInput {
  /** A (scaled to ‖A‖_F ≤ 1) at the full precision, `K` slices. */
  A: Sliced;
  /** Starting eigenvectors (columns, row-major re/im) from a float64 eigensolver. */
  X0re: ArrayLike<number>;
  X0im: ArrayLike<number>;
  /** Accuracy wanted of the eigenpairs, in bits (≤ L·A.K − 8). */
  targetBits: number;
  /**
   * The float64 eigenvalues that came with X0 (in A's scaling), if known: S = X†AX is then formed
   * at full precision as GΛ̃ + X†(AX − XΛ̃), whose product with the small residual costs a
   * fraction of X†·AX (Λ̃ the previous step's values, or these).
   */
  values0?: ArrayLike<number>;
  /**
   * Stop before the step that would reach the target at full precision (when the vectors are
   * already accurate to about half the target): their Rayleigh quotients (rayleighQuotients) are
   * then accurate to the target, for a certificate of second order (kato-temple.ts).
   */
  beforeFinal?: boolean;
  /** Steps allowed before giving up (the certificate then shows how far it got); by default one more than the growth described in refineEigh needs. */
  maxSteps?: number;
}

export interface Refined {
  /** The refined eigenvectors (columns), A.K slices; columns in the order of `values`. */
  X: Sliced;
  /** Eigenvalues in units of 2^(−L·A.K), in the order of X's columns (not sorted). */
  values: bigint[];
  /** Steps taken, and the estimated accuracy reached in bits. */
  steps: number;
  accuracyBits: number;
  /** Whether it stopped before the final step (RefineInput.beforeFinal); `values` are then the last step's, about twice as accurate as the vectors. */
  beforeFinal?: boolean;
  /**
   * The last step's products when it ran at A's precision: X = before + update exactly, and AX, G
   * are A·before and before†·before with their error bounds, which the certificate reuses.
   */
  last?: LastStep;
}

export interface LastStep {
  before: Sliced;
  update: Sliced;
  AX: SlicedResult;
  G: SlicedResult;
}

/** Refine float64 eigenpairs of the Hermitian A to `targetBits` (see the file comment). */
export function refineEigh(engine: RealProduct, input: RefineInput): Refined {
  const { A } = input;
  const n = A.n;
  const nn = n * n;
  const Kfull = A.K;
  // the correct bits double per step from the forty or so of float64 vectors up to about 180, then
  // grow by about 100 a step (the double-double corrections); one step more than that
  const maxSteps = input.maxSteps ?? 4 + Math.ceil(Math.max(0, input.targetBits - 180) / 100);
  // float64 vectors: 53 significant bits in 3 slices for entries above 2^-7, exact otherwise to 2^-60
  let X = slicedFromFloat64(n, 3, input.X0re, input.X0im);
  let accuracy = 40;
  let values: bigint[] = [];
  let valuesK = Kfull;
  let steps = 0;
  let last: LastStep | undefined;
  const lamH = new Float64Array(n);
  const lamL = new Float64Array(n);
  const corr = { reHi: new Float64Array(nn), reLo: new Float64Array(nn), imHi: new Float64Array(nn), imLo: new Float64Array(nn) };
  // Λ̃, the values S is formed around (any real diagonal would do; near the eigenvalues the
  // residual below is small): the float64 values to start with, then each step's values
  let around: { values: bigint[]; K: number } | null = input.values0
    ? { values: Array.from(input.values0, (v) => BigInt(Math.round(v * 2 ** (L * 3)))), K: 3 }
    : null;
  let stopped = false;
  while (steps < maxSteps) {
    // products just precise enough for what this step must reach (stepGoal); the step that can
    // reach the target runs at the full precision (its products serve the certificate too)
    const goal = stepGoal(accuracy, input.targetBits);
    if (input.beforeFinal && goal >= input.targetBits && steps > 0) {
      stopped = true;
      break;
    }
    steps++;
    const K = goal >= input.targetBits ? Kfull : Math.min(Kfull, Math.ceil((goal + Math.log2(n) + 8) / L));
    const AXr = slicedProduct(engine, A, X, K);
    const AX = AXr.value;
    const Gr = slicedProduct(engine, X, X, K, { conjugateLeft: true });
    const G = Gr.value;
    // at full precision, where X†·AX costs most, around Λ̃ (below, its sums and scalings cost
    // about as much as the product they save)
    const S = around && K === Kfull ? rayleighMatrix(engine, X, AXr, Gr, around, K).value : slicedProduct(engine, X, AX, K, { conjugateLeft: true }).value;
    const I = slicedIdentity(n, K);
    const R = slicedCombine(I, G, K, -1).value;
    releaseSliced(I);
    // λ_i = s_ii/(1 − r_ii), in double-double for the corrections and exactly (to the unit) for the values
    const Sd = slicedToDD(S, engine);
    const Rd = slicedToDD(R, engine);
    rayleighValues(n, Sd, Rd, lamH, lamL);
    // ‖R‖_F² and the off-diagonal part of ‖S‖_F² (entries scaled to keep their squares normal)
    const s = Math.floor((L * K) / 2);
    const offR = sumOfSquares(engine, Rd.hi, 2 * nn, s);
    const offS = sumOfSquares(engine, Sd.hi, 2 * nn, s, n);
    // Ogita–Aishima's separation threshold δ = 2(‖S − Λ‖ + ‖A‖‖R‖), with ‖A‖ ≤ 1
    const delta = 2 * (Math.sqrt(offS) + Math.sqrt(offR));
    const maxF = refinementCorrections(engine, n, Sd, Rd, lamH, lamL, delta, corr);
    // the values, from this step's S and R (accurate to about the square of the vectors' error)
    values = [];
    valuesK = K;
    const ONE = 1n << BigInt(L * K);
    for (let i = 0; i < n; i++) {
      const s = slicedEntryBigInt(S, 0, i * n + i);
      const r = slicedEntryBigInt(R, 0, i * n + i);
      values.push(divRound(s * ONE, ONE - r));
    }
    releaseSliced(S);
    releaseSliced(R);
    around = { values, K };
    const F = slicedFromDD(n, K, corr.reHi, corr.reLo, corr.imHi, corr.imLo, engine);
    const XF = slicedProduct(engine, X, F, K).value;
    releaseSliced(F);
    // exact: both operands have at most K slices
    const next = slicedCombine(X, XF, K).value;
    if (K === Kfull) {
      if (last) releaseLast(last);
      last = { before: X, update: XF, AX: AXr, G: Gr };
    } else {
      // (a step below full precision after one at it leaves no reusable products)
      if (last) releaseLast(last);
      last = undefined;
      releaseSliced(AX);
      releaseSliced(G);
      releaseSliced(XF);
      releaseSliced(X);
    }
    X = next;
    // the new error is about the square of the correction (the next correction comes out close to
    // it), limited by the double-double corrections (about 100 bits below their size) and by the
    // precision of this step's products; an estimate only: the certificate decides
    const fBits = maxF > 0 ? -Math.log2(maxF) : L * K;
    accuracy = Math.min(2 * fBits - 4, fBits + 98, L * K - Math.log2(n) - 8);
    if (accuracy >= input.targetBits && K === Kfull) break;
  }
  if (X.K < Kfull) X = slicedCombine(X, zeroSliced(n, Kfull), Kfull).value;
  const shift = BigInt(L * (Kfull - valuesK));
  return { X, values: values.map((v) => v << shift), steps, accuracyBits: accuracy, ...(last ? { last } : {}), ...(stopped ? { beforeFinal: true } : {}) };
}

/**
 * S = X†AX at K slices as GΛ̃ + X†(AX − XΛ̃), with G = X†X: the same matrix (each product's rounding
 * aside) for any real diagonal Λ̃, and the residual AX − XΛ̃ is small when Λ̃ is close to the
 * eigenvalues, so its product with X† has only its significant slices to form. `error` bounds
 * |S − X†A_used X| per real or imaginary part (units of 2^(−L·K)), from AX's and G's errors as given.
 */
function rayleighMatrix(
  engine: RealProduct,
  X: Sliced,
  AX: SlicedResult,
  G: SlicedResult,
  around: { values: readonly bigint[]; K: number },
  K: number,
): SlicedResult {
  const n = X.n;
  const shift = L * (K - around.K);
  const used = around.values.map((v) => (shift >= 0 ? v << BigInt(shift) : divRound(v, 1n << BigInt(-shift))));
  const lam = slicedFromBigIntColumn(used, K);
  const XL = scaleColumns(engine, X, lam, K);
  const residual = slicedCombine(AX.value, XL.value, K, -1);
  releaseSliced(XL.value);
  const XR = slicedProduct(engine, X, residual.value, K, { conjugateLeft: true });
  releaseSliced(residual.value);
  const GL = scaleColumns(engine, G.value, lam, K);
  const S = slicedCombine(GL.value, XR.value, K);
  releaseSliced(GL.value);
  releaseSliced(XR.value);
  // X†·(error of the residual): each part ≤ 2·Σ_k (|Re x_ki| + |Im x_ki|)·(its error per part)
  let colMax = 0;
  for (const c of rowColumnSums(engine, slicedAbsUpper(X, 0, engine), n).col) colMax = Math.max(colMax, c);
  let lamMax = 0;
  for (const v of used) lamMax = Math.max(lamMax, Math.abs(Number(v)) * 2 ** (-L * K));
  const residualError = AX.error + XL.error + residual.error;
  const error = G.error * lamMax + GL.error + XR.error + 2 * residualError * colMax + S.error;
  return { value: S.value, error: error * (1 + 4 * (n + 8) * 2 ** -52) };
}

export interface RayleighQuotients {
  /** ρ_i = x_i†Ax_i / x_i†x_i for the columns of X (A as used), in units of 2^(−L·K), rounded. */
  values: bigint[];
  /** A bound on |computed − exact| of every value, in those units. */
  error: number;
  /** x_i†x_i, rounded down (float64). */
  normSq: Float64Array;
  /** A·X and X†X at K slices, with their error bounds (for residualBoundsSliced, which consumes them). */
  AX: SlicedResult;
  G: SlicedResult;
}

/**
 * The Rayleigh quotients of X's columns at A's precision (K = A.K): S = X†AX formed around the
 * values `around` (units of 2^(−L·K)) as rayleighMatrix does, then s_ii/g_ii from the diagonals.
 */
export function rayleighQuotients(engine: RealProduct, A: Sliced, X: Sliced, around: readonly bigint[]): RayleighQuotients {
  const n = A.n;
  const K = A.K;
  const AX = slicedProduct(engine, A, X, K);
  const G = slicedProduct(engine, X, X, K, { conjugateLeft: true });
  const S = rayleighMatrix(engine, X, AX, G, { values: around, K }, K);
  const ONE = 1n << BigInt(L * K);
  const values: bigint[] = [];
  const normSq = new Float64Array(n);
  let worst = 0;
  for (let i = 0; i < n; i++) {
    const s = slicedEntryBigInt(S.value, 0, i * n + i);
    const g = slicedEntryBigInt(G.value, 0, i * n + i);
    values.push(divRound(s * ONE, g));
    // x_i†x_i ≥ g − error (units): rounded down into float64
    const low = Number(g - BigInt(Math.ceil(G.error))) * 2 ** (-L * K) * (1 - 2 ** -50);
    normSq[i] = low;
    // |s/g − s*/g*| ≤ (|s − s*| + |ρ*|·|g − g*|)/g, with |ρ*| ≤ ‖A‖₂ ≤ 1 (‖A‖_F ≤ 1) and g ≥ low
    worst = Math.max(worst, (S.error + G.error) / low);
  }
  releaseSliced(S.value);
  // the division's rounding (half a unit); the float64 operations rounded up
  return { values, error: worst * (1 + 2 ** -40) + 0.5, normSq, AX, G };
}

/**
 * Row and column sums of the n×n matrix m (row-major) on `engine`, as the products m·1 and 1ᵀ·m
 * (float64 sums of n terms each, in increasing index: callers bound their rounding).
 */
function rowColumnSums(engine: RealProduct, m: Float64Array, n: number): { row: Float64Array; col: Float64Array } {
  const nn = n * n;
  // m, a row of ones, then the sums
  const onesAt = nn;
  const rowAt = onesAt + n;
  const colAt = rowAt + n;
  engine.reserve(colAt + n);
  const mem = engine.mem();
  mem.set(m.subarray(0, nn), 0);
  mem.fill(1, onesAt, rowAt);
  mem.fill(0, rowAt, colAt + n);
  engine.product(0, onesAt, rowAt, n, n, 1, n);
  engine.product(onesAt, 0, colAt, 1, n, n, n);
  return { row: mem.slice(rowAt, rowAt + n), col: mem.slice(colAt, colAt + n) };
}

/**
 * Σ x² over the `count` entries of x, computed as (Σ (|x|·2^s)²)·2^(−2s) on `engine` so that
 * entries far below 1 do not underflow when squared (an estimate: for thresholds, not bounds);
 * with `skipDiagonalOf` = n, x is the real then imaginary parts of an n×n matrix whose diagonal
 * entries are left out.
 */
function sumOfSquares(engine: RealProduct, x: Float64Array, count: number, s: number, skipDiagonalOf = 0): number {
  // |x|·2^s, x as given, then the sum
  const src = count;
  const out = 2 * count;
  engine.reserve(out + 1);
  const mem = engine.mem();
  mem.fill(0, 0, count);
  mem.set(x.subarray(0, count), src);
  mem[out] = 0;
  engine.absAccumulate(src, 0, count, 2 ** s);
  // the diagonals of real and imaginary parts left out, when asked: not subtracted afterwards, which
  // would lose a small off-diagonal part to the diagonal's rounding
  const n = skipDiagonalOf;
  for (let i = 0; i < n; i++) {
    mem[i * n + i] = 0;
    mem[n * n + i * n + i] = 0;
  }
  engine.product(0, 0, out, 1, count, 1, count);
  return mem[out] * 2 ** (-2 * s);
}

function releaseLast(last: LastStep): void {
  releaseSliced(last.before);
  releaseSliced(last.update);
  releaseSliced(last.AX.value);
  releaseSliced(last.G.value);
}

/**
 * The accuracy in bits a step from `accuracy` must reach on the way to `target`: a step makes about
 * min(2a − 4, a + 98) bits of a (see refineEigh), so going back from the target, each step needs
 * its input at max((b + 4)/2, b − 98) for an output of b; this step's goal is the first of those
 * requirements it can meet, which puts each step's products at the least precision that keeps
 * the number of steps the fewest.
 */
export function stepGoal(accuracy: number, target: number): number {
  let goal = target;
  for (;;) {
    const input = Math.max(Math.ceil((goal + 4) / 2), goal - 98);
    if (input <= accuracy || input >= goal) return goal;
    goal = input;
  }
}

/** The ascending order of `values` (ties by index). */
export function ascendingOrder(values: readonly bigint[]): number[] {
  return values.map((_, i) => i).sort((a, b) => (values[a] < values[b] ? -1 : values[a] > values[b] ? 1 : a - b));
}

/** x/d rounded to nearest (d > 0). */
function divRound(x: bigint, d: bigint): bigint {
  if (d <= 0n) return 0n;
  const q = x / d;
  const r = x - q * d;
  const twice = 2n * (r < 0n ? -r : r);
  if (twice < d) return q;
  return x < 0n ? q - 1n : q + 1n;
}

/** The columns of X in the given order (a permutation of 0 … n − 1), on `engine` (by default a shared WebAssembly one). */
export function permuteColumns(X: Sliced, order: readonly number[], engine: RealProduct = sharedEngine()): Sliced {
  const { n, K } = X;
  const nn = n * n;
  const size = 2 * K * nn;
  if (order.length !== n) throw new RangeError(`permuteColumns: ${order.length} columns for ${n}`);
  // X's slices, the order, then the permuted slices
  const orderAt = size;
  const outAt = orderAt + n;
  engine.reserve(outAt + size);
  const mem = engine.mem();
  mem.set(X.data.subarray(0, size), 0);
  for (let j = 0; j < n; j++) mem[orderAt + j] = order[j];
  for (let b = 0; b < 2 * K; b++) engine.gatherColumns(b * nn, outAt + b * nn, n, orderAt);
  const out = blankSliced(n, K);
  out.data.set(mem.subarray(outAt, outAt + size));
  out.maxAbs.set(X.maxAbs);
  return out;
}

/**
 * Norm bounds of R = AX − XΛ and E = X†X − I (certificate.ts) for A, X at K slices and values in
 * units of 2^(−L·K), each bound rounded up into units of 2^−gBits. `aRounding` bounds |A_used − A|
 * per real or imaginary part of an entry (the rounding of the exact A into slices) and
 * `valueRounding` |λ_used − λ| for each value (the values certified are those returned, which the
 * caller may have rounded), both in units of 2^(−L·K). Every product's dropped digits and rounding are added entry by entry; the float64 sums of
 * non-negative bounds are inflated by their own relative error.
 */
export function residualBoundsSliced(
  engine: RealProduct,
  A: Sliced,
  X: Sliced,
  values: readonly bigint[],
  aRounding: number,
  valueRounding: number,
  gBits: number,
  reuse?: LastStep | { AX: SlicedResult; G: SlicedResult },
): NormBounds<bigint> & { colResidual: Float64Array } {
  const n = A.n;
  const K = A.K;
  let AX: SlicedResult;
  let G: SlicedResult;
  if (reuse && !('before' in reuse)) {
    // A·X and X†X already formed at K slices (rayleighQuotients)
    AX = reuse.AX;
    G = reuse.G;
  } else if (reuse && reuse.before.K <= K && reuse.update.K <= K) {
    // X = B + P exactly: AX = AB + AP and X†X = B†B + B†P + (B†P)† + P†P, the products with the
    // small P costing only its significant slices; the errors add.
    const { before: B, update: P } = reuse;
    const AP = slicedProduct(engine, A, P, K);
    const sum = slicedCombine(reuse.AX.value, AP.value, K);
    releaseSliced(AP.value);
    AX = { value: sum.value, error: reuse.AX.error + AP.error + sum.error };
    const BP = slicedProduct(engine, B, P, K, { conjugateLeft: true });
    const PP = slicedProduct(engine, P, P, K, { conjugateLeft: true });
    const g1 = slicedCombine(reuse.G.value, BP.value, K);
    const PB = conjugateTranspose(engine, BP.value);
    releaseSliced(BP.value);
    const g2 = slicedCombine(g1.value, PB, K);
    releaseSliced(g1.value);
    releaseSliced(PB);
    const g3 = slicedCombine(g2.value, PP.value, K);
    releaseSliced(g2.value);
    releaseSliced(PP.value);
    G = { value: g3.value, error: reuse.G.error + 2 * BP.error + PP.error + g1.error + g2.error + g3.error };
  } else {
    AX = slicedProduct(engine, A, X, K);
    G = slicedProduct(engine, X, X, K, { conjugateLeft: true });
  }
  // XΛ: column j of X times λ_j, exactly, then rounded to K slices with the product
  const lam = slicedFromBigIntColumn(values, K);
  const XL = scaleColumns(engine, X, lam, K);
  const R = slicedCombine(AX.value, XL.value, K, -1);
  releaseSliced(XL.value);
  releaseSliced(AX.value);
  // |(A − A_used) X|_ij ≤ aRounding·Σ_k (|Re x_kj| + |Im x_kj|) units, for each part
  const sumsX = rowColumnSums(engine, slicedAbsUpper(X, 0, engine), n);
  const colAbsX = sumsX.col;
  const I = slicedIdentity(n, K);
  const E = slicedCombine(G.value, I, K, -1);
  releaseSliced(I);
  releaseSliced(G.value);
  const margin = 1 + 4 * (n + K + 4) * 2 ** -52;
  // R and E in units of 2^(−L·K) (they are tiny), A absolute; a bound beyond float64 becomes
  // Infinity, which leaves the certificate invalid rather than wrong
  const rErr = AX.error + XL.error + R.error;
  const eErr = G.error + E.error;
  const aErrAbs = aRounding * 2 ** Math.max(-L * K, -1074);
  // the row and column sums of the entries' bounds: of |R|, |E|, |A| (float64 sums, n terms each)
  // plus, per entry, the rounding allowances and |(A − A_used) X|_ij ≤ aRounding·Σ_k (|Re x_kj| +
  // |Im x_kj|), |x_ij|·|λ_used − λ_j| ≤ (|Re x_ij| + |Im x_ij|)·valueRounding; `margin` covers the sums
  const sR = rowColumnSums(engine, slicedAbsUpper(R.value, L * K, engine), n);
  const sE = rowColumnSums(engine, slicedAbsUpper(E.value, L * K, engine), n);
  const sA = rowColumnSums(engine, slicedAbsUpper(A, 0, engine), n);
  let allAbsX = 0;
  for (let j = 0; j < n; j++) allAbsX += colAbsX[j];
  const rowR = new Float64Array(n);
  const colR = new Float64Array(n);
  const rowE = new Float64Array(n);
  const colE = new Float64Array(n);
  const rowA = new Float64Array(n);
  const colA = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    rowR[i] = sR.row[i] + 2 * n * rErr + (2 * aRounding * allAbsX + sumsX.row[i] * valueRounding) * margin;
    colR[i] = sR.col[i] + 2 * n * rErr + (2 * n * aRounding * colAbsX[i] + colAbsX[i] * valueRounding) * margin;
    rowE[i] = sE.row[i] + 2 * n * eErr;
    colE[i] = sE.col[i] + 2 * n * eErr;
    rowA[i] = sA.row[i] + 2 * n * aErrAbs;
    colA[i] = sA.col[i] + 2 * n * aErrAbs;
  }
  const units = (x: number): bigint => ceilScaled(x * margin, gBits - L * K);
  const absolute = (x: number): bigint => ceilScaled(x * margin, gBits);
  const max = (xs: Float64Array): number => xs.reduce((p, q) => Math.max(p, q), 0);
  // max |λ| rounded up into units of 2^−gBits, its rounding included
  let lambdaMax = 0n;
  const shift = BigInt(gBits - L * K);
  for (const l of values) {
    const a = (l < 0n ? -l : l) + BigInt(Math.ceil(valueRounding));
    const g = shift >= 0n ? a << shift : -(-a >> -shift);
    if (g > lambdaMax) lambdaMax = g;
  }
  // each column's 1-norm of R (a bound of its 2-norm), in units of 2^(−L·K), rounded up
  const colResidual = colR.map((x) => x * margin);
  return {
    colResidual,
    r1: units(max(colR)),
    rInf: units(max(rowR)),
    e1: units(max(colE)),
    eInf: units(max(rowE)),
    a1: absolute(max(colA)),
    aInf: absolute(max(rowA)),
    lambdaMax,
  };
}

/** X† (digits conjugated and transposed; exact), on `engine`. */
function conjugateTranspose(engine: RealProduct, X: Sliced): Sliced {
  const { n, K } = X;
  const nn = n * n;
  const size = 2 * K * nn;
  // X's slices, then X†'s
  engine.reserve(2 * size);
  const mem = engine.mem();
  mem.set(X.data.subarray(0, size), 0);
  for (let b = 0; b < 2 * K; b++) engine.transpose(b * nn, size + b * nn, n, b < K ? 1 : -1);
  const out = blankSliced(n, K);
  out.data.set(mem.subarray(size, 2 * size));
  out.maxAbs.set(X.maxAbs);
  return out;
}

/**
 * ⌈x·2^k⌉ exactly, for x ≥ 0 in float64 (x = m·2^e with m an integer below 2^54); a non-finite x
 * gives 2^(k + 64), a bound no certificate accepts.
 */
function ceilScaled(x: number, k: number): bigint {
  if (!Number.isFinite(x)) return 1n << BigInt(Math.max(0, k + 64));
  if (x <= 0) return 0n;
  const e = Math.max(-1074, Math.floor(Math.log2(x)) - 52);
  const M = BigInt(Math.ceil(x / 2 ** e));
  const s = e + k;
  return s >= 0 ? M << BigInt(s) : (M + (1n << BigInt(-s)) - 1n) >> BigInt(-s);
}

/** The digits of each value (units 2^(−L·K)) as K slices: digits[j·K + s − 1]. */
function slicedFromBigIntColumn(values: readonly bigint[], K: number): Float64Array {
  const out = new Float64Array(values.length * K);
  const mask = (1n << BigInt(L)) - 1n;
  values.forEach((v, j) => {
    const neg = v < 0n;
    let a = neg ? -v : v;
    for (let s = K; s >= 1; s--) {
      const d = s === 1 ? Number(a) : Number(a & mask);
      out[j * K + s - 1] = neg ? -d : d;
      a >>= BigInt(L);
    }
  });
  return out;
}

/**
 * X·diag(λ) rounded to K slices: digit products up to level K + 2 are formed, the rest bounded
 * (by max|digit of X|·max|digit of λ| per entry and part), as in slicedProduct.
 */
function scaleColumns(engine: RealProduct, X: Sliced, lam: Float64Array, K: number): SlicedResult {
  const n = X.n;
  const nn = n * n;
  const U = K + 2;
  const block = 2 * nn;
  // the engine's memory: levels 0 … U, X's slices, one digit of every λ_j, then the carry's scratch
  const stageX = (U + 1) * block;
  const digitAt = stageX + 2 * X.K * nn;
  const free = digitAt + n;
  engine.reserve(free);
  const mem = engine.mem();
  mem.fill(0, 0, stageX);
  mem.set(X.data.subarray(0, 2 * X.K * nn), stageX);
  const lamMax = new Float64Array(K);
  for (let j = 0; j < n; j++) for (let t = 1; t <= K; t++) lamMax[t - 1] = Math.max(lamMax[t - 1], Math.abs(lam[j * K + t - 1]));
  let dropped = 0;
  for (let t = 1; t <= K; t++) {
    // digit t of every λ_j, contiguous in j
    for (let j = 0; j < n; j++) mem[digitAt + j] = lam[j * K + t - 1];
    for (let s = 1; s <= X.K; s++) {
      if (X.maxAbs[s - 1] === 0 || lamMax[t - 1] === 0) continue;
      if (s + t > U) {
        dropped += X.maxAbs[s - 1] * lamMax[t - 1] * 2 ** (-L * (s + t - K));
        continue;
      }
      for (let part = 0; part < 2; part++) engine.scaleColumns(stageX + (part * X.K + s - 1) * nn, digitAt, (s + t) * block + part * nn, n, n);
    }
  }
  const r = carryEngineLevels(engine, U, n, K, free);
  return { value: r.value, error: r.error + dropped * (1 + 1e-12) };
}
