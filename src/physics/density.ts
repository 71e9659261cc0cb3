/**
 * Validated density matrices. A `DensityMatrix<T>` is a CMatrix that has been checked to be
 * Hermitian, of unit trace and positive semidefinite (within stated tolerances); the type keeps
 * unchecked matrices out of the figures of merit.
 */
import { Decimal } from 'decimal.js';
import { InputError } from '../errors.js';
import type { Field } from '../numeric/field.js';
import type { CMatrix } from '../numeric/matrix.js';
import { hermiticityDefect, trace } from '../numeric/matrix.js';
import { eigh, eighExact, type Eigen } from '../numeric/eigh.js';
import type { DecimalField } from '../numeric/decimal.js';
import { float64 } from '../numeric/float64.js';
import { provesPositiveFloat64 } from '../numeric/psd-float64.js';
import { rationalOfNumber } from '../numeric/exact-bounds.js';
import type { Rational, RationalMatrix } from '../numeric/rational.js';
import { RONE, RZERO, gcd, rabs, radd, rational, rationalToNumber, rcmp, rmul, rsub } from '../numeric/rational.js';

export type { RationalMatrix } from '../numeric/rational.js';

declare const densityBrand: unique symbol;
export type DensityMatrix<T> = CMatrix<T> & { readonly [densityBrand]: true };

/** Default tolerance for Hermiticity and trace of float64 input (per unit of dimension). */
export const FLOAT_INPUT_TOLERANCE = 2 ** -50;

/** The tolerance the checks use for input Q unless the user gives one: 0 for exact input, d·2^-50 for float64 input. */
export const defaultTolerance = (Q: RationalMatrix): number => (Q.hasFloatEntries ? Q.rows * FLOAT_INPUT_TOLERANCE : 0);

/** Exact input in messages: decimal.js has the exponent range for 1e-5000 or 1e999, float64 has not. */
const MESSAGE_DECIMAL = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -7, toExpPos: 21 });
const dec = (q: Rational): Decimal => new MESSAGE_DECIMAL(q.num.toString()).div(q.den.toString());
const fmt = (q: Rational): string => dec(q).toExponential(3);
/** `q` with enough significant digits to tell it from `ref` (its distance to it shows). */
function fmtNear(q: Rational, ref: Rational): string {
  const d = dec(rsub(q, ref)).abs();
  const x = dec(q);
  const digits = d.isZero() || x.isZero() ? 6 : Math.max(6, x.abs().log(10).floor().toNumber() - d.log(10).floor().toNumber() + 3);
  if (digits <= 45) return x.toSignificantDigits(digits).toString();
  // too many digits to read: the reference and the difference
  return `${dec(ref).toString()} ${dec(rsub(q, ref)).isNeg() ? '−' : '+'} ${fmt(rabs(rsub(q, ref)))}`;
}

/**
 * Check, exactly in rational arithmetic, that Q is square, Hermitian and of unit trace within
 * `tolerance` (absolute, on each |Q_ij − conj Q_ji| and on |Tr Q − 1|). Throws InputError naming
 * the first violation.
 */
export function checkDensityExact(Q: RationalMatrix, tolerance: number, what = 'matrix'): void {
  checkHermitianExact(Q, tolerance, what);
  const n = Q.rows;
  const tol = toRational(tolerance);
  if (traceIsExactlyOne(Q)) return;
  let tr = RZERO;
  for (let i = 0; i < n; i++) tr = radd(tr, Q.re[i * n + i]);
  // the deviation is printed too: a trace of 1 + 1e-40 would otherwise read "has trace 1, not 1"
  if (rcmp(rabs(rsub(tr, RONE)), tol) > 0)
    throw new InputError(`${what} has trace ${fmtNear(tr, RONE)}, not 1 (off by ${fmt(rsub(tr, RONE))}, tolerance ${tolerance})`);
}

/**
 * True if Tr Q = 1 exactly, decided in float64 integer arithmetic when the diagonal entries are
 * fractions of safe integers with a safe common denominator L: Tr Q = S/L with S = Σ num·(L/den),
 * every product and partial sum checked to stay below 2^53 (so each is exact). False when Tr Q ≠ 1
 * or when it cannot tell: the exact rational sum then decides (and words any refusal).
 */
function traceIsExactlyOne(Q: RationalMatrix): boolean {
  const n = Q.rows;
  let L = 1;
  for (let i = 0; i < n; i++) {
    const den = Number(Q.re[i * n + i].den);
    if (!(den <= Number.MAX_SAFE_INTEGER)) return false;
    L = (L / gcdOfSafeIntegers(L, den)) * den;
    if (!(L <= Number.MAX_SAFE_INTEGER)) return false;
  }
  let S = 0;
  for (let i = 0; i < n; i++) {
    const q = Q.re[i * n + i];
    // an integer result below 2^53 as computed is below 2^53 exactly (rounding is monotone), hence exact
    const term = Number(q.num) * (L / Number(q.den));
    S += term;
    if (!(Math.abs(term) <= Number.MAX_SAFE_INTEGER && Math.abs(S) <= Number.MAX_SAFE_INTEGER)) return false;
  }
  return S === L;
}

/** gcd of safe integers a, b ≥ 0 (Euclid in float64: exact on safe integers). */
function gcdOfSafeIntegers(a: number, b: number): number {
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/**
 * Q_ij = conj(Q_ji), decided without arithmetic: entries are in lowest terms, so equal values are
 * equal numerator–denominator pairs.
 */
function exactlyHermitianPair(Q: RationalMatrix, i: number, j: number): boolean {
  const n = Q.rows;
  const a = Q.re[i * n + j];
  const b = Q.re[j * n + i];
  const c = Q.im[i * n + j];
  const d = Q.im[j * n + i];
  return a.num === b.num && a.den === b.den && c.num === -d.num && c.den === d.den;
}

/** Check exactly that Q is square and Hermitian within `tolerance` (see checkDensityExact). */
export function checkHermitianExact(Q: RationalMatrix, tolerance: number, what = 'matrix'): void {
  if (Q.rows !== Q.cols) throw new InputError(`${what} is ${Q.rows}×${Q.cols}, not square`);
  if (Q.rows === 0) throw new InputError(`${what} is empty`);
  const n = Q.rows;
  const tol = toRational(tolerance);
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      if (exactlyHermitianPair(Q, i, j)) continue;
      const dr = rabs(rsub(Q.re[i * n + j], Q.re[j * n + i]));
      const di = rabs(radd(Q.im[i * n + j], Q.im[j * n + i]));
      // exact test of |Q_ij − conj Q_ji|² > tol²
      if (rcmp(radd(rmul(dr, dr), rmul(di, di)), rmul(tol, tol)) > 0) {
        if (i === j)
          throw new InputError(
            `${what} is not Hermitian: diagonal entry (${i + 1},${i + 1}) has imaginary part ${fmt(Q.im[i * n + i])} (a diagonal entry must be real; tolerance ${tolerance})`,
          );
        const modulus = dec(radd(rmul(dr, dr), rmul(di, di)))
          .sqrt()
          .toExponential(3);
        throw new InputError(`${what} is not Hermitian: entries (${i + 1},${j + 1}) and (${j + 1},${i + 1}) differ by ${modulus} (tolerance ${tolerance})`);
      }
    }
}

function toRational(x: number): Rational {
  if (!(x >= 0) || !Number.isFinite(x)) throw new InputError(`tolerance must be a finite number ≥ 0, got ${x}`);
  return rationalOfNumber(x); // the exact binary value of the double
}

/** Convert an exact matrix to field F (each entry correctly rounded where F rounds). */
export function rationalToField<T>(F: Field<T>, Q: RationalMatrix): CMatrix<T> {
  return { rows: Q.rows, cols: Q.cols, re: Q.re.map((q) => F.fromRational(q)), im: Q.im.map((q) => F.fromRational(q)) };
}

export interface DensityCheckOptions {
  /** Absolute tolerance for Hermiticity, trace and positivity (default: `defaultTolerance`). */
  tolerance?: number;
  /** Name used in error messages. */
  what?: string;
  /** Called before positivity falls back to a certified eigendecomposition (O(n³) at working precision), e.g. to say how long it takes. */
  beforeEigen?: (n: number) => void;
}

/**
 * Validate exact input Q as a density matrix and return it in field F (float64 or decimal).
 * Positivity: the smallest eigenvalue, certified to ±bound, must be ≥ −(bound + rounding of Q to F
 * + tolerance); a matrix that is exactly positive semidefinite therefore always passes. Most
 * full-rank states are proved positive semidefinite in float64 first (Cholesky, no eigensolver),
 * states of rank ≤ 8 exactly (fraction-free elimination); otherwise the eigensolver decides, in a
 * decimal field on the exact entries of Q.
 */
export function densityFromRational<T>(F: Field<T>, Q: RationalMatrix, options: DensityCheckOptions = {}): DensityMatrix<T> {
  const what = options.what ?? 'matrix';
  const tolerance = options.tolerance ?? defaultTolerance(Q);
  checkDensityExact(Q, tolerance, what);
  const M = rationalToField(F, Q);
  if (provedPositiveExact(Q) || provedPositiveFast(F, M, tolerance) || provedPositiveLowRank(Q)) return M as DensityMatrix<T>;
  options.beforeEigen?.(Q.rows);
  // a decimal field decomposes the exact entries themselves (the allowance is kept all the same)
  const eigen = F.kind === 'decimal' ? (eighExact(F as unknown as DecimalField, Q) as unknown as Eigen<T>) : eigh(F, M);
  assertPositiveSpectrum(F, M, eigen, tolerance, what);
  return M as DensityMatrix<T>;
}

/**
 * Validate a matrix already in field F (Hermiticity and trace to within tolerance plus the
 * rounding of F, positivity as in densityFromRational).
 */
export function asDensityMatrix<T>(F: Field<T>, M: CMatrix<T>, options: DensityCheckOptions = {}): DensityMatrix<T> {
  const what = options.what ?? 'matrix';
  if (M.rows !== M.cols) throw new InputError(`${what} is ${M.rows}×${M.cols}, not square`);
  if (M.rows === 0) throw new InputError(`${what} is empty`);
  const n = M.rows;
  for (let k = 0; k < M.re.length; k++) {
    if (!Number.isFinite(F.toNumber(M.re[k])) || !Number.isFinite(F.toNumber(M.im[k])))
      throw new InputError(`${what} has a non-finite entry at (${Math.floor(k / n) + 1},${(k % n) + 1})`);
  }
  const tol = F.add(F.fromNumber(options.tolerance ?? 0), F.mul(F.fromNumber(8 * n), F.epsilon));
  const h = hermiticityDefect(F, M);
  if (F.cmp(h, tol) > 0) throw new InputError(`${what} is not Hermitian: max |ρ_ij − conj ρ_ji| = ${F.toString(h, 4)} (tolerance ${F.toString(tol, 3)})`);
  const tr = trace(F, M).re;
  if (F.cmp(F.abs(F.sub(tr, F.one)), tol) > 0)
    throw new InputError(`${what} has trace ${F.toString(tr, 17)}, not 1 (off by ${F.toString(F.sub(tr, F.one), 4)}, tolerance ${F.toString(tol, 3)})`);
  assertPositive(F, M, options.tolerance ?? 0, what);
  return M as DensityMatrix<T>;
}

/** The positivity test of densityFromRational on M (in F, checked Hermitian and of unit trace already); throws InputError. */
export function assertPositive<T>(F: Field<T>, M: CMatrix<T>, tolerance: number, what: string, beforeEigen?: (n: number) => void): void {
  if (provedPositiveFast(F, M, tolerance)) return;
  beforeEigen?.(M.rows);
  assertPositiveSpectrum(F, M, eigh(F, M), tolerance, what);
}

/**
 * The positivity test of densityFromRational on a certified decomposition already made of M (so a
 * caller that needs the spectrum anyway decomposes once). `epsilon` is the unit roundoff the
 * rounding allowance is charged at (default F's; a caller working in a wider field than the one
 * the user asked for passes the narrower field's, to keep the documented allowance).
 */
export function assertPositiveSpectrum<T>(F: Field<T>, M: CMatrix<T>, eigen: Eigen<T>, tolerance: number, what: string, epsilon: T = F.epsilon): void {
  const maxEntry = (): T => {
    let max = F.zero;
    for (let k = 0; k < M.re.length; k++) {
      const a = F.add(F.abs(M.re[k]), F.abs(M.im[k]));
      if (F.cmp(a, max) > 0) max = a;
    }
    return max;
  };
  assertSpectrumAllowed(F, M.rows, maxEntry, eigen, tolerance, what, epsilon);
}

/**
 * assertPositiveSpectrum for a certified decomposition of the exact matrix Q itself (see
 * eighExact), with the same allowance: the largest |Re Q_ij| + |Im Q_ij| is found exactly and
 * rounded into F once, and Q is never converted to F as a whole.
 */
export function assertPositiveSpectrumExact<T>(F: Field<T>, Q: RationalMatrix, eigen: Eigen<T>, tolerance: number, what: string, epsilon: T = F.epsilon): void {
  assertSpectrumAllowed(F, Q.rows, () => F.fromRational(maxEntrySum(Q)), eigen, tolerance, what, epsilon);
}

/**
 * max over the entries of |Re Q_ij| + |Im Q_ij|, exactly. A float64 screen first: for an entry of
 * safe-integer numerators and denominators, fl(|a|) + fl(|b|) (two divisions and a sum of exact
 * doubles) is within a factor (1 ± u)² of |a| + |b|, so an entry whose double is below the largest
 * double times 1 − 2^-48 cannot be the maximum. The others (and every entry the screen cannot
 * judge) are compared exactly, by cross-multiplication, and the winner is reduced once.
 */
export function maxEntrySum(Q: RationalMatrix): Rational {
  const m = Q.re.length;
  const screen = new Float64Array(m);
  let top = 0;
  for (let k = 0; k < m; k++) {
    const s = absSumDouble(Q.re[k], Q.im[k]);
    screen[k] = s;
    if (s > top) top = s;
  }
  // 2^-48 > (1 + u)²/(1 − u)² − 1 and the rounding of this product
  const threshold = top * (1 - 2 ** -48);
  const candidates: number[] = [];
  for (let k = 0; k < m; k++) if (!(screen[k] < threshold)) candidates.push(k); // NaN (not screened) is a candidate
  return exactMaxAbsSum(Q, candidates);
}

/** max of |Re Q_k| + |Im Q_k| over the indices k given, exactly (compared unreduced, reduced once). */
function exactMaxAbsSum(Q: RationalMatrix, indices: readonly number[]): Rational {
  let num = 0n;
  let den = 1n;
  for (const k of indices) {
    const a = Q.re[k];
    const b = Q.im[k];
    const an = a.num < 0n ? -a.num : a.num;
    const bn = b.num < 0n ? -b.num : b.num;
    // |a| + |b| as an unreduced fraction: no gcd per entry
    const [sn, sd] = bn === 0n ? [an, a.den] : an === 0n ? [bn, b.den] : a.den === b.den ? [an + bn, a.den] : [an * b.den + bn * a.den, a.den * b.den];
    if (sn * den > num * sd) {
      num = sn;
      den = sd;
    }
  }
  return rational(num, den);
}

/** |a| + |b| in float64 when both are fractions of safe integers (see maxEntrySum), else NaN. */
function absSumDouble(a: Rational, b: Rational): number {
  const an = Math.abs(Number(a.num));
  const ad = Number(a.den);
  const bn = Math.abs(Number(b.num));
  const bd = Number(b.den);
  // a conversion that rounds lands on 2^53 or beyond, so this admits exact conversions only
  if (!(an <= Number.MAX_SAFE_INTEGER && ad <= Number.MAX_SAFE_INTEGER && bn <= Number.MAX_SAFE_INTEGER && bd <= Number.MAX_SAFE_INTEGER)) return NaN;
  return an / ad + bn / bd;
}

/**
 * λ_min ≥ −(bound + 2n·ε·max|ρ_ij| + tolerance), else InputError. The largest entry is looked for
 * only when λ_min ≥ −(bound + tolerance) fails: the rounding term is ≥ 0 and the sums in F are
 * monotone, so a spectrum that passes without it passes with it, and the decision is unchanged.
 */
function assertSpectrumAllowed<T>(F: Field<T>, n: number, maxEntry: () => T, eigen: Eigen<T>, tolerance: number, what: string, epsilon: T): void {
  const lmin = eigen.values[0];
  const certificate = eigen.certificate!;
  if (F.cmp(lmin, F.neg(F.add(certificate.bound, F.fromNumber(tolerance)))) >= 0) return;
  const rounding = F.mul(F.mul(F.fromNumber(2 * n), epsilon), maxEntry());
  const allowed = F.add(F.add(certificate.bound, rounding), F.fromNumber(tolerance));
  if (F.cmp(lmin, F.neg(allowed)) < 0) {
    throw new InputError(
      `${what} is not positive semidefinite: smallest eigenvalue ${F.toString(lmin, 6)} (certified to ±${F.toString(certificate.bound, 2)}, tolerance ${tolerance})`,
    );
  }
}

const U = 2 ** -53;
const ETA = 2 ** -1074;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** q correctly rounded to float64 (a quotient of two exact doubles is correctly rounded by IEEE division). */
const toDouble = (q: Rational): number => (q.den <= MAX_SAFE && q.num <= MAX_SAFE && q.num >= -MAX_SAFE ? Number(q.num) / Number(q.den) : rationalToNumber(q));

/**
 * A float64 proof that the Hermitian part of the exact Q is positive semidefinite, for Q whose
 * smallest eigenvalue clears the float64 rounding (most full-rank states); false when it cannot
 * tell. X = fl(Q) − tI (each entry rounded to nearest, then the diagonal shifted down by t, rounded
 * again), E = Q − X − tI: every entry of E is within u/(1 − u) of the double it is rounded to, or
 * of 2^-1075 below the normal range, so ‖E‖₂ ≤ ‖E‖_F ≤ δ below. provesPositiveFloat64 proves
 * λ_min(X) ≥ −(t − δ), hence λ_min(Q) ≥ λ_min(X) + t − ‖E‖₂ ≥ 0 (Weyl). t is a few times the
 * rounding of the Cholesky test itself, so that a state with λ_min well above it passes.
 */
function provedPositiveExact(Q: RationalMatrix): boolean {
  const n = Q.rows;
  const re = new Array<number>(n * n);
  const im = new Array<number>(n * n);
  let frob2 = 0;
  for (let k = 0; k < n * n; k++) {
    const a = toDouble(Q.re[k]);
    const b = toDouble(Q.im[k]);
    if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
    re[k] = a;
    im[k] = b;
    frob2 += a * a + b * b;
  }
  let traceAbs = 0;
  let maxDiag = 0;
  for (let i = 0; i < n; i++) {
    traceAbs += Math.abs(re[i * n + i]);
    maxDiag = Math.max(maxDiag, Math.abs(re[i * n + i]));
  }
  // A float64 sum of n² squares is within (n² + 2)u of the true one: the factor 1.01 covers it up
  // to n = 2^20. Below 2^-900 the subnormal terms would need their own accounting: left to the eigensolver.
  const frob = Math.sqrt(frob2) * 1.01;
  if (n > 2 ** 20 || !(frob >= 2 ** -900)) return false;
  const g = (2 * (n + 4) * U) / (1 - 2 * (n + 4) * U);
  const cholesky = g * traceAbs * 1.01 + 2 * U * maxDiag + 2 * U * frob + 8 * (n + 1) * (2 * (n + 2) + maxDiag) * ETA;
  const t = 8 * (cholesky + 4 * U * frob);
  let diag2 = 0;
  for (let i = 0; i < n; i++) {
    re[i * n + i] -= t;
    diag2 += re[i * n + i] * re[i * n + i];
  }
  // ‖E‖_F ≤ u'·(‖fl(Q)‖_F + ‖diag X‖) + (√2·n + √n)·2^-1075, u' = u/(1 − u); 2u in place of u'
  // leaves u·‖fl(Q)‖_F ≥ 2^-953 of room, which covers the subnormal terms and this line's roundings
  const delta = 2 * U * (frob + Math.sqrt(diag2) * 1.01);
  const margin = (t - delta) * (1 - 2 ** -20);
  return margin > 0 && provesPositiveFloat64(float64, { rows: n, cols: n, re, im }, margin);
}

/** Pivots the exact low-rank test takes at most before it leaves the decision to the eigensolver. */
const LOW_RANK_PIVOTS = 8;
/** The largest common denominator of the entries the exact low-rank test works with (2^4096). */
const LOW_RANK_MAX_DENOMINATOR = 1n << 4096n;

/**
 * An exact proof that Q is positive semidefinite, for exactly Hermitian Q of low rank (pure states
 * and mixtures of a few, which the float64 test cannot decide: their zero eigenvalues sit at its
 * limit). A Hermitian [[p, b†], [b, C]] with p > 0 is positive semidefinite iff C − bb†/p is, and
 * one with a zero diagonal entry iff that row is zero and the rest is; so eliminating with positive
 * diagonal pivots until the rest is exactly zero proves it. Fraction-free (Bareiss) on Q times the
 * common denominator of its entries: every division is exact, and each entry after k steps is the
 * Schur complement's times a positive number, so signs and zeros are those of the Schur
 * complement. False (undecided) for any other outcome, or after LOW_RANK_PIVOTS pivots.
 */
function provedPositiveLowRank(Q: RationalMatrix): boolean {
  const n = Q.rows;
  // exactly Hermitian only
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) if (!exactlyHermitianPair(Q, i, j)) return false;
  // the common denominator; unrelated denominators would make it (and the elimination) huge: left to the eigensolver
  let L = 1n;
  for (const q of [...Q.re, ...Q.im]) {
    if (L % q.den !== 0n) L = (L / gcd(L, q.den)) * q.den;
    if (L > LOW_RANK_MAX_DENOMINATOR) return false;
  }
  const re = Q.re.map((q) => q.num * (L / q.den));
  const im = Q.im.map((q) => q.num * (L / q.den));
  let rest = Array.from({ length: n }, (_, i) => i);
  let previous = 1n;
  for (let pivots = 0; ; pivots++) {
    // drop zero rows; a zero diagonal with a nonzero row, or a negative diagonal: not decided here
    const kept: number[] = [];
    for (const i of rest) {
      const d = re[i * n + i];
      if (d < 0n) return false;
      if (d === 0n) {
        for (const j of rest) if (re[i * n + j] !== 0n || im[i * n + j] !== 0n) return false;
      } else kept.push(i);
    }
    rest = kept;
    if (rest.length === 0) return true;
    if (pivots === LOW_RANK_PIVOTS) return false;
    let k = rest[0];
    for (const i of rest) if (re[i * n + i] > re[k * n + k]) k = i;
    const p = re[k * n + k];
    rest = rest.filter((i) => i !== k);
    for (const i of rest)
      for (const j of rest) {
        if (j < i) continue;
        // A_ij ← (p·A_ij − A_ik·A_kj) / previous, upper triangle, mirrored
        const [ar, ai, br, bi] = [re[i * n + k], im[i * n + k], re[k * n + j], im[k * n + j]];
        const nr = p * re[i * n + j] - (ar * br - ai * bi);
        const ni = p * im[i * n + j] - (ar * bi + ai * br);
        const vr = nr / previous;
        const vi = ni / previous;
        if (vr * previous !== nr || vi * previous !== ni) return false; // exact by Bareiss; refuse to guess otherwise
        re[i * n + j] = vr;
        im[i * n + j] = vi;
        re[j * n + i] = vr;
        im[j * n + i] = -vi;
      }
    previous = p;
  }
}

/**
 * The float64 Cholesky test first (O(n³/6) float64 instead of a certified eigendecomposition at
 * working precision): it proves λ_min ≥ −(rounding + tolerance) with the same rounding allowance
 * as below, minus the certificate's bound, so it passes nothing the eigenvalue test would refuse.
 */
function provedPositiveFast<T>(F: Field<T>, M: CMatrix<T>, tolerance: number): boolean {
  const n = M.rows;
  let maxEntry = 0;
  for (let k = 0; k < M.re.length; k++) maxEntry = Math.max(maxEntry, Math.abs(F.toNumber(M.re[k])) + Math.abs(F.toNumber(M.im[k])));
  // a float64 lower bound of 2n·ε·max|ρ_ij| + tolerance
  const margin = (2 * n * F.toNumber(F.epsilon) * maxEntry + tolerance) * (1 - 1e-9);
  return provesPositiveFloat64(F, M, margin);
}
