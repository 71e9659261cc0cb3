/**
 * Certified Hermitian eigendecomposition at any precision.
 *
 *   eigh(float64, A)         → the float64 specialisation (eigh-float64.ts); residuals in float64
 *                              with a-priori rounding bounds.
 *   eigh(decimalField(p), A) → the same algorithm run in BigInt fixed point with p + guard digits
 *                              (A scaled to unit norm; several times faster than decimal.js, see
 *                              bench/), residuals evaluated with 64 more bits.
 * Values come back ascending, vectors as columns, with a certificate bounding the distance of each
 * computed eigenvalue from the true one (see certificate.ts).
 */
import type { Field } from './field.js';
import type { CMatrix } from './matrix.js';
import { convertMatrix } from './matrix.js';
import type { DecimalField } from './decimal.js';
import { GUARD_DIGITS, decimalField } from './decimal.js';
import { bitsForDigits, fixedField, parseUnreduced, type FixedField } from './fixed.js';
import type { Rational, RationalMatrix } from './rational.js';
import { residualBoundsFixed } from './certificate-fixed.js';
import { FIXED_KERNEL_HEADROOM_BITS, eighKernel } from './eigh-kernel.js';
import { finishBound, residualBounds, residualBoundsFloat64, type EigenCertificate, type NormBounds } from './certificate.js';
import { float64 } from './float64.js';
import { eighFloat64Kernel } from './eigh-float64.js';
import { heevWasm } from './eigh-float64-wasm.js';
import { SLICE_BITS, withSliceArena, simdProduct, slicedEntryBigInt, slicedToDD, type RealProduct, type Sliced } from './sliced-fixed.js';
import { ascendingOrder, permuteColumns, rayleighQuotients, refineEigh, residualBoundsSliced, type Refined } from './eigh-refine.js';
import { katoTempleBound } from './kato-temple.js';
import { slicedFromRationals } from './sliced-rational.js';

export type { EigenCertificate } from './certificate.js';

export interface Eigen<T> {
  /** Eigenvalues, ascending. */
  values: T[];
  /** Orthonormal eigenvectors as columns, in the order of `values`. */
  vectors: CMatrix<T>;
  /**
   * Rigorous bound on |λ_k(A) − values[k]|; absent only when `certify: false` was asked for. A
   * second-order bound ("Kato–Temple" in `evaluatedIn`) is derived from vectors refined to about half
   * the precision (their Rayleigh quotients are the values): its `residual` and `orthogonality` are
   * those vectors', and `vectors` are refined to the full precision when first read.
   */
  certificate?: EigenCertificate<T>;
}

export interface EighOptions {
  /** Compute the a-posteriori certificate (default true). */
  certify?: boolean;
  /**
   * How a certified decimal decomposition is made: 'refine' refines float64 eigenpairs
   * (eigh-refine.ts) and falls back to the direct kernel when the certificate is not tight,
   * 'direct' runs the kernel only, 'auto' (default) refines from n = 32 on; above 150 digits the
   * kernel is used whatever is asked. The certificate's
   * `evaluatedIn` starts with "refinement" when the refinement made the result ("refinement,
   * Kato–Temple" for a second-order bound).
   */
  method?: 'auto' | 'refine' | 'direct';
}

/** Extra bits the certificate is evaluated with, beyond the kernel's. */
const CERTIFICATE_EXTRA_BITS = 64;

function checkSquare<T>(F: Field<T>, A: CMatrix<T>): void {
  if (A.rows !== A.cols) throw new RangeError(`eigh: matrix is ${A.rows}×${A.cols}, not square`);
  if (F.kind === 'float64') {
    for (let k = 0; k < A.re.length; k++)
      if (!Number.isFinite(A.re[k] as number) || !Number.isFinite(A.im[k] as number)) throw new RangeError('eigh: matrix has a non-finite entry');
  }
}

/** Eigenvalues and eigenvectors of the Hermitian matrix A (lower triangle used by the algorithm; the whole of A by the certificate). */
export function eigh<T>(F: Field<T>, A: CMatrix<T>, options: EighOptions = {}): Eigen<T> {
  checkSquare(F, A);
  const wantCertificate = options.certify ?? true;
  if (F.kind === 'float64') return eighFloat64(A as unknown as CMatrix<number>, wantCertificate) as unknown as Eigen<T>;
  if (F.kind === 'decimal')
    return eighDecimal(F as unknown as DecimalField, A as unknown as CMatrix<DecimalValue>, wantCertificate, options.method ?? 'auto') as unknown as Eigen<T>;
  throw new RangeError(`eigh: use eighKernel directly for ${F.name}; eigh serves float64 and decimal fields`);
}

/** Eigenvalues only (ascending), uncertified: the cheapest path. */
export function eigvalsh<T>(F: Field<T>, A: CMatrix<T>): T[] {
  checkSquare(F, A);
  if (F.kind === 'float64') return eighFloat64Kernel(A as unknown as CMatrix<number>, false).values as unknown as T[];
  if (F.kind === 'decimal') {
    const D = F as unknown as DecimalField;
    const Ad = A as unknown as CMatrix<DecimalValue>;
    const { K, scaleExp, Ak } = toKernel(D, Ad.rows, exactEntries(Ad), () => Ad);
    return eighKernel(K, Ak, false).values.map((x) => fromKernel(D, K, x, scaleExp)) as unknown as T[];
  }
  throw new RangeError(`eigvalsh: unsupported field ${F.name}`);
}

function eighFloat64(A: CMatrix<number>, wantCertificate: boolean): Eigen<number> {
  const { values, vectors } = eighFloat64Kernel(A, true);
  const V = vectors!;
  return wantCertificate ? { values, vectors: V, certificate: certify(float64, A, V, values) } : { values, vectors: V };
}

/**
 * Certify any claimed eigenpairs (V, values ascending) of the Hermitian matrix A: a rigorous bound
 * on |λ_k(A) − values[k]|. float64: evaluated in float64 with a-priori rounding bounds; decimal:
 * evaluated in BigInt fixed point with 64 bits more than the working precision.
 */
export function certify<T>(F: Field<T>, A: CMatrix<T>, V: CMatrix<T>, values: readonly T[]): EigenCertificate<T> {
  checkSquare(F, A);
  if (V.rows !== A.rows || V.cols !== A.rows || values.length !== A.rows) throw new RangeError('certify: V must be n×n and values of length n');
  if (F.kind === 'float64') {
    const nb = residualBoundsFloat64(A as unknown as CMatrix<number>, V as unknown as CMatrix<number>, values as unknown as number[]);
    return finishBound(float64, nb, 1, float64.name) as unknown as EigenCertificate<T>;
  }
  if (F.kind === 'decimal')
    return certifyDecimal(
      F as unknown as DecimalField,
      A as unknown as CMatrix<DecimalValue>,
      V as unknown as CMatrix<DecimalValue>,
      values as unknown as DecimalValue[],
    ) as unknown as EigenCertificate<T>;
  throw new RangeError(`certify: unsupported field ${F.name}`);
}

type DecimalValue = DecimalField['zero'];

/** Smallest k with ‖A‖_F ≤ 2^k (k ≥ 0 never needed below 1: values then stay O(1)). */
function scaleExponent(D: DecimalField, A: CMatrix<DecimalValue>): number {
  let s = D.zero;
  for (let k = 0; k < A.re.length; k++) s = s.plus(A.re[k].times(A.re[k])).plus(A.im[k].times(A.im[k]));
  if (s.isZero()) return 0;
  // log2 of √s, rounded up, with one bit of margin for the rounding of s
  return Math.ceil(s.log(2).toNumber() / 2) + 1;
}

/**
 * scaleExponent from the exact entries in float64 when they are within its range (each entry and
 * the sum of squares then carry a relative error far below the bit of margin); null otherwise.
 */
function scaleExponentFloat64(q: readonly Rational[]): number | null {
  let s = 0;
  for (let k = 0; k < q.length; k++) {
    const x = q[k];
    const v = Number(x.num) / Number(x.den);
    if (!Number.isFinite(v) || (v === 0 && x.num !== 0n) || (v !== 0 && Math.abs(v) < 1e-150)) return null;
    s += v * v;
  }
  if (!Number.isFinite(s)) return null;
  return s === 0 ? 0 : Math.ceil(Math.log2(s) / 2) + 1;
}

/** The kernel's field for an n×n matrix at D's precision. */
const kernelField = (D: DecimalField, n: number) =>
  fixedField(bitsForDigits(D.precision + GUARD_DIGITS) + Math.ceil(Math.log2(n + 1)) + FIXED_KERNEL_HEADROOM_BITS);

/** The entries of A as exact rationals (re then im), each parsed once. */
const exactEntries = (A: CMatrix<DecimalValue>): Rational[] => [...A.re, ...A.im].map((x) => parseUnreduced(x.toString()));

function toKernel(D: DecimalField, n: number, q: readonly Rational[], A: () => CMatrix<DecimalValue>) {
  const scaleExp = scaleExponentFloat64(q) ?? scaleExponent(D, A());
  const K = kernelField(D, n);
  const conv = scaledInto(K, scaleExp);
  const Ak: CMatrix<bigint> = { rows: n, cols: n, re: q.slice(0, n * n).map(conv), im: q.slice(n * n).map(conv) };
  return { K, scaleExp, Ak };
}

/** x·2^-scaleExp correctly rounded into fixed point K, from the exact value of x (no decimal division). */
function scaledInto(K: ReturnType<typeof fixedField>, scaleExp: number): (q: Rational) => bigint {
  return (q) => K.fromRational(scaleExp >= 0 ? { num: q.num, den: q.den << BigInt(scaleExp) } : { num: q.num << BigInt(-scaleExp), den: q.den });
}

/**
 * x·2^-K.bits·2^scaleExp into D, as D.scale2(D.fromString(K.toString(x, K.digits)), scaleExp) gives
 * it, digit for digit: each of those correctly rounded operations is the same rounding of an exact
 * value, here formed in BigInt (x/2^b = x·5^b/10^b) instead of by decimal long divisions.
 */
export function fromKernel(D: DecimalField, K: ReturnType<typeof fixedField>, x: bigint, scaleExp: number): DecimalValue {
  // K.toString: the quotient rounded to K's working digits (K.digits + 20), then to K.digits
  const q = exactDecimal(D, x, -K.bits)
    .toSignificantDigits(K.digits + 20)
    .toSignificantDigits(K.digits);
  // D.fromString, then D.scale2's one rounding of the exact scaled value
  const v = new D.Decimal(q.toString()).toSignificantDigits(D.precision);
  if (scaleExp === 0 || v.isZero()) return v;
  const [mantissa, exponent] = decimalParts(v);
  return exactDecimal(D, mantissa, scaleExp, exponent).toSignificantDigits(D.precision);
}

/** The exact value x·2^e·10^p as a decimal of D's constructor (not rounded: a Decimal holds every digit given). */
function exactDecimal(D: DecimalField, x: bigint, e: number, p = 0): DecimalValue {
  // x·2^e = x·5^-e·10^e for e < 0
  const m = e >= 0 ? x << BigInt(e) : x * 5n ** BigInt(-e);
  return new D.Decimal(`${m.toString()}e${p + Math.min(0, e)}`);
}

/** [m, p] with d = m·10^p exactly, m an integer. */
function decimalParts(d: DecimalValue): [bigint, number] {
  // toFixed: every digit, no exponent
  const fixed = d.toFixed();
  const dot = fixed.indexOf('.');
  return [BigInt(fixed.replace('.', '')), dot < 0 ? 0 : -(fixed.length - dot - 1)];
}

type Method = NonNullable<EighOptions['method']>;

function eighDecimal(D: DecimalField, A: CMatrix<DecimalValue>, wantCertificate: boolean, method: Method): Eigen<DecimalValue> {
  return eighOfEntries(D, A.rows, exactEntries(A), () => A, wantCertificate, method);
}

/**
 * The certified eigendecomposition at D's precision of the Hermitian matrix with the exact entries
 * Q (no rounding into D first: the certificate bounds the distance of each returned value from the
 * eigenvalues of Q itself).
 */
export function eighExact(D: DecimalField, Q: RationalMatrix, options: Pick<EighOptions, 'method'> = {}): Eigen<DecimalValue> {
  if (Q.rows !== Q.cols) throw new RangeError(`eigh: matrix is ${Q.rows}×${Q.cols}, not square`);
  const toD = (): CMatrix<DecimalValue> => ({ rows: Q.rows, cols: Q.cols, re: Q.re.map((x) => D.fromRational(x)), im: Q.im.map((x) => D.fromRational(x)) });
  return eighOfEntries(D, Q.rows, Q.re.concat(Q.im), toD, true, options.method ?? 'auto');
}

/** eighDecimal for the exact entries q (re then im) of a matrix A, which is made only if the last fallback needs it. */
function eighOfEntries(
  D: DecimalField,
  n: number,
  q: readonly Rational[],
  lazyA: () => CMatrix<DecimalValue>,
  wantCertificate: boolean,
  method: Method,
): Eigen<DecimalValue> {
  let A: CMatrix<DecimalValue> | undefined;
  const getA = () => (A ??= lazyA());
  if (wantCertificate && n >= 2 && D.precision <= REFINE_DIGITS && (method === 'refine' || (method === 'auto' && n >= REFINE_FROM))) {
    const refined = eighRefined(D, q, n);
    if (refined) return refined;
  }
  const { K, scaleExp, Ak } = toKernel(D, n, q, getA);
  const { values: vk, vectors: Vk } = eighKernel(K, Ak, true);
  const values = vk.map((x) => fromKernel(D, K, x, scaleExp));
  // The vectors in D only when asked for: the ergotropy and the positivity check use the values
  // and the certificate alone.
  const toD = (x: bigint) => D.fromString(K.toString(x, D.precision + 5));
  let vectors: CMatrix<DecimalValue> | undefined;
  const lazy = (certificate?: EigenCertificate<DecimalValue>): Eigen<DecimalValue> => ({
    values,
    get vectors() {
      vectors ??= { rows: n, cols: n, re: Vk!.re.map(toD), im: Vk!.im.map(toD) };
      return vectors;
    },
    ...(certificate ? { certificate } : {}),
  });
  if (!wantCertificate) return lazy();
  // The kernel's own vectors are certified, at their binary point; the values as returned.
  const certificate = certifyKernelVectors(D, q, n, scaleExp, K.bits, Vk!, values);
  // A backward-stable decomposition certifies to about D's unit roundoff times ‖A‖ (≤ 2^scaleExp).
  // Should the fixed-point kernel ever fall short of that (its vectors once came out mixed inside
  // a cluster of tiny eigenvalues: values right, residual of the cluster's width), the certificate
  // shows it, and the floating kernel at the same precision then gives the decomposition.
  const expected = D.epsilon.times(new D.Decimal(2).pow(scaleExp)).times(n);
  if (certificate.valid && certificate.bound.lte(expected)) return lazy(certificate);
  const Wd = decimalField(D.precision + GUARD_DIGITS);
  const { values: vd, vectors: Vd } = eighKernel(Wd, convertMatrix(D, Wd, getA()), true);
  const values2 = vd.map((x) => D.fromString(x.toString()));
  const vectors2 = convertMatrix(Wd, D, Vd!);
  const certificate2 = certifyDecimal(D, getA(), vectors2, values2, q);
  return certificate2.valid && (!certificate.valid || certificate2.bound.lt(certificate.bound))
    ? { values: values2, vectors: vectors2, certificate: certificate2 }
    : lazy(certificate);
}

let engine: RealProduct | null = null;

/** Below this size the direct fixed-point kernel costs less than refinement's set-up (npm run bench). */
const REFINE_FROM = 32;
/**
 * Above this many digits the refinement's double-double corrections add only about 100 bits a step
 * (and its float64 bounds approach the end of float64's exponent range); the direct kernel serves
 * those precisions.
 */
const REFINE_DIGITS = 150;

/**
 * The decomposition by refinement of float64 eigenpairs (eigh-refine.ts), certified; null when the
 * certificate is not as tight as a backward-stable decomposition at D's precision would be (close
 * eigenvalues the refinement could not separate), and the direct kernel is then used instead.
 */
function eighRefined(D: DecimalField, q: readonly Rational[], n: number): Eigen<DecimalValue> | null {
  // a refinement takes up to about forty matrices of K slices, about seventeen of them at once
  // (a step's temporaries go back to the region as it ends: one region of twenty, at most 64 MiB,
  // holds them), and the products need about ten more in WebAssembly memory: beyond 1 GiB in all,
  // the direct kernel's BigInt matrices are the smaller
  const matrixSlots = 2 * Math.ceil((bitsForDigits(D.precision) + 60) / SLICE_BITS) * n * n;
  if (50 * matrixSlots * 8 > 2 ** 30) return null;
  return withSliceArena(Math.min(2 ** 23, 20 * matrixSlots), () => eighRefinedIn(D, q, n));
}

function eighRefinedIn(D: DecimalField, q: readonly Rational[], n: number): Eigen<DecimalValue> | null {
  const scaleExp = scaleExponentFloat64(q) ?? null;
  if (scaleExp === null) return null;
  // Accuracy aimed at: D's unit roundoff over n, with a margin (the tightness test below asks for
  // n·u·‖A‖); the slices carry log2 n + 10 bits more for the rounding of the products.
  const log2n = Math.ceil(Math.log2(n));
  const targetBits = bitsForDigits(D.precision) + log2n + 8;
  const K = Math.ceil((targetBits + log2n + 10) / SLICE_BITS);
  const F = fixedField(SLICE_BITS * K);
  const conv = scaledInto(F, scaleExp);
  // A's entries correctly rounded into the slices (as conv would round them)
  const As = slicedFromRationals(n, K, q.slice(0, n * n), q.slice(n * n), scaleExp);
  const { hi } = slicedToDD(As);
  let start: ReturnType<typeof heevWasm>;
  try {
    start = heevWasm(n, hi.subarray(0, n * n), hi.subarray(n * n));
  } catch {
    return null;
  }
  engine ??= simdProduct();
  const expected = D.epsilon.times(new D.Decimal(2).pow(scaleExp)).times(n);
  const input = { A: As, X0re: start.re, X0im: start.im, values0: start.values, targetBits };
  // First the vectors to half the target and their Rayleigh quotients, certified to second order;
  // where that cannot separate the eigenvalues, the full refinement and the first-order certificate.
  const half = refineEigh(engine, { ...input, beforeFinal: true });
  if (half.beforeFinal) {
    // the vectors, when read, from the full refinement (the same columns, so the same order)
    const second = secondOrderDecomposition(D, F, As, half, scaleExp, expected, () => refineEigh(engine!, input).X);
    if (second) return second;
  }
  const r = half.beforeFinal ? refineEigh(engine, input) : half;
  const gBits = F.bits + 8;
  // The values certified are those returned (rounded into D), taken back into the slices' unit
  // (half a unit each); A's entries are correctly rounded into the slices (half a unit each).
  const order = ascendingOrder(r.values);
  const values = order.map((i) => fromKernel(D, F, r.values[i], scaleExp));
  // certified in X's column order (the norms are the same for any order of the pairs)
  const certified: bigint[] = new Array(n);
  order.forEach((i, k) => {
    certified[i] = conv(parseUnreduced(values[k].toString()));
  });
  const nb = residualBoundsSliced(engine, As, r.X, certified, 0.5, 0.5, gBits, r.last);
  const certificate = finishInD(D, fixedField(gBits), nb, scaleExp, 'refinement, ');
  if (!certificate.valid || certificate.bound.gt(expected)) return null;
  return withVectors(D, F, values, () => r.X, order, certificate);
}

/**
 * The decomposition from vectors X refined to about half the target (RefineInput.beforeFinal):
 * the values are their Rayleigh quotients, accurate to about the square of the vectors' error, and
 * the bound is Kato–Temple's (kato-temple.ts) on the first-order certificate's matching; null where
 * a value is not apart enough from its neighbours, or the bound not as tight as D's precision asks.
 */
function secondOrderDecomposition(
  D: DecimalField,
  F: FixedField,
  As: Sliced,
  half: Refined,
  scaleExp: number,
  expected: DecimalValue,
  fullVectors: () => Sliced,
): Eigen<DecimalValue> | null {
  const n = As.n;
  const rq = rayleighQuotients(engine!, As, half.X, half.values);
  const order = ascendingOrder(rq.values);
  const values = order.map((i) => fromKernel(D, F, rq.values[i], scaleExp));
  const conv = scaledInto(F, scaleExp);
  const certified: bigint[] = new Array(n);
  order.forEach((i, k) => {
    certified[i] = conv(parseUnreduced(values[k].toString()));
  });
  const gBits = F.bits + 8;
  const nb = residualBoundsSliced(engine!, As, half.X, certified, 0.5, 0.5, gBits, { AX: rq.AX, G: rq.G });
  const linear = finishInD(D, fixedField(gBits), nb, scaleExp, 'refinement, ');
  if (!linear.valid) return null;
  // In units of 2^-F.bits of the scaled matrix. The first-order bound is for A's exact entries;
  // Kato–Temple applies to A as used (its entries rounded into the slices by half a unit each, so
  // ‖A_used − A‖₂ ≤ ‖·‖_F ≤ n units), whose eigenvalues are within n units of A's.
  const delta = parseUnreduced(linear.bound.toString());
  const shift = F.bits - scaleExp;
  const [num, den] = shift >= 0 ? [delta.num << BigInt(shift), delta.den] : [delta.num, delta.den << BigInt(-shift)];
  const matching = (num + den - 1n) / den + BigInt(n);
  const rhoError = BigInt(Math.ceil(rq.error));
  const distance = order.map((i) => {
    const d = certified[i] - rq.values[i];
    return (d < 0n ? -d : d) + rhoError;
  });
  // ε ≤ ‖A x − v x‖/‖x‖ + |v − ρ| for the returned value v: the column's residual over √(x†x)
  const residual = order.map((i, k) => {
    if (!(rq.normSq[i] > 0.5)) return -1n;
    return BigInt(Math.ceil((nb.colResidual[i] / Math.sqrt(rq.normSq[i])) * (1 + 2 ** -40))) + distance[k];
  });
  if (residual.some((e) => e < 0n)) return null;
  const kt = katoTempleBound({ values: order.map((i) => certified[i]), matching, distance, residual });
  if (kt === null) return null;
  // back from A as used to A (n units), and from the certified units to the returned decimals (a unit)
  const units = kt + BigInt(n) + 1n;
  const B = decimalField(D.precision + 10);
  const exact = new B.Decimal(units.toString()).times(new B.Decimal(2).pow(-shift)).times('1.0000000001');
  const bound = new D.Decimal(exact.toSignificantDigits(6, D.Decimal.ROUND_UP).toString());
  if (bound.gt(expected)) return null;
  const certificate: EigenCertificate<DecimalValue> = {
    residual: linear.residual,
    orthogonality: linear.orthogonality,
    bound,
    valid: true,
    evaluatedIn: `refinement, Kato–Temple, ${fixedField(gBits).name}`,
  };
  return withVectors(D, F, values, fullVectors, order, certificate);
}

/** The decomposition with the values, certificate and (made when first read) vectors: X's columns in `order`. */
function withVectors(
  D: DecimalField,
  F: FixedField,
  values: DecimalValue[],
  Xs: () => Sliced,
  order: readonly number[],
  certificate: EigenCertificate<DecimalValue>,
): Eigen<DecimalValue> {
  const n = values.length;
  let vectors: CMatrix<DecimalValue> | undefined;
  const toD = (x: bigint) => D.fromString(F.toString(x, D.precision + 5));
  return {
    values,
    get vectors() {
      if (!vectors) {
        const X = permuteColumns(Xs(), order);
        const re: DecimalValue[] = [];
        const im: DecimalValue[] = [];
        for (let k = 0; k < n * n; k++) {
          re.push(toD(slicedEntryBigInt(X, 0, k)));
          im.push(toD(slicedEntryBigInt(X, 1, k)));
        }
        vectors = { rows: n, cols: n, re, im };
      }
      return vectors;
    },
    certificate,
  };
}

/** The certificate's field: 64 bits finer than the kernel's. */
const certificateField = (D: DecimalField, n: number) => fixedField(kernelField(D, n).bits + CERTIFICATE_EXTRA_BITS);

/**
 * certifyDecimal for the kernel's vectors V (units of 2^-vBits) as they are, and A given by its
 * exact entries q (re then im) scaled by 2^-scaleExp: no conversion of V, the products exact.
 */
function certifyKernelVectors(
  D: DecimalField,
  q: readonly Rational[],
  n: number,
  scaleExp: number,
  vBits: number,
  V: CMatrix<bigint>,
  values: readonly DecimalValue[],
): EigenCertificate<DecimalValue> {
  const G = certificateField(D, n);
  const toGScaled = scaledInto(G, scaleExp);
  const A: CMatrix<bigint> = { rows: n, cols: n, re: q.slice(0, n * n).map(toGScaled), im: q.slice(n * n).map(toGScaled) };
  const nb = residualBoundsFixed(
    G.bits,
    vBits,
    A,
    V,
    values.map((x) => toGScaled(parseUnreduced(x.toString()))),
  );
  return finishInD(D, G, nb, scaleExp);
}

function certifyDecimal(
  D: DecimalField,
  A: CMatrix<DecimalValue>,
  V: CMatrix<DecimalValue>,
  values: readonly DecimalValue[],
  q: readonly Rational[] = exactEntries(A),
): EigenCertificate<DecimalValue> {
  // The claimed values and vectors against the exact entries q of A, in fixed point finer than the kernel's.
  const n = A.rows;
  const scaleExp = scaleExponentFloat64(q) ?? scaleExponent(D, A);
  const G = certificateField(D, n);
  const toG = (x: DecimalValue) => G.fromString(x.toString());
  const toGScaled = scaledInto(G, scaleExp);
  const nb = residualBounds(
    G,
    { rows: n, cols: n, re: q.slice(0, n * n).map(toGScaled), im: q.slice(n * n).map(toGScaled) },
    { rows: n, cols: n, re: V.re.map(toG), im: V.im.map(toG) },
    values.map((x) => toGScaled(parseUnreduced(x.toString()))),
  );
  return finishInD(D, G, nb, scaleExp);
}

/** The eigenvalue bound from norm bounds in G's units, handed back in D rounded up. */
function finishInD(D: DecimalField, G: FixedField, nb: NormBounds<bigint>, scaleExp: number, how = ''): EigenCertificate<DecimalValue> {
  const B = decimalField(D.precision + 10);
  const fromG = (x: bigint) => B.fromString(G.toString(x, B.precision));
  const cert = finishBound(
    B,
    { r1: fromG(nb.r1), rInf: fromG(nb.rInf), e1: fromG(nb.e1), eInf: fromG(nb.eInf), a1: fromG(nb.a1), aInf: fromG(nb.aInf), lambdaMax: fromG(nb.lambdaMax) },
    new B.Decimal(2).pow(scaleExp),
    how + G.name,
  );
  // Hand the bound back in the caller's context, rounded up.
  const up = (x: DecimalValue) => new D.Decimal(x.toSignificantDigits(6, D.Decimal.ROUND_UP).toString());
  return { residual: up(cert.residual), orthogonality: up(cert.orthogonality), bound: up(cert.bound), valid: cert.valid, evaluatedIn: cert.evaluatedIn };
}
