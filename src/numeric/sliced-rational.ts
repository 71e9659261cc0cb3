/**
 * Exact rationals straight into sliced fixed point (sliced-fixed.ts): each entry q·2^-scaleExp
 * rounded to the nearest multiple of 2^(−L·K), ties away from zero, as K slices of L-bit digits.
 * The result is the Sliced that slicedFromBigInt gives for the same entries correctly rounded into
 * fixedField(L·K) (whose fromRational also rounds ties away from zero), bit for bit: digits, the
 * sign of zero digits (a negative entry's zero digits are −0 there) and the slice maxima.
 *
 * Why: that route divides a BigInt per entry and then prints and re-reads every digit. Here each
 * distinct entry object is converted once (a matrix file's equal strings share one Rational), and
 * an entry whose numerator is below 2^53 and whose denominator is below 2^33 (most matrix files) is
 * divided in float64, by long division one slice at a time: every partial remainder r < den gives
 * r·2^L < 2^53, so each quotient digit and remainder is an exact float64 integer. Other entries
 * (or exponents beyond ±1000) take the BigInt route, digit by digit from the same rounding.
 */
import { fixedField } from './fixed.js';
import type { Rational } from './rational.js';
import { SLICE_BITS, blankSliced, sharedEngine, type RealProduct, type Sliced } from './sliced-fixed.js';

const L = SLICE_BITS;
const RADIX = 2 ** L;
/** First digits must stay below this (slicedFromBigInt refuses larger entries alike). */
const EXACT = 2 ** 53;
/** Float64 long division: numerators below 2^53, denominators below 2^(53 − L). */
const MAX_DEN = 2 ** (53 - L);
/** Beyond this |scaleExp| the powers of two the float64 route uses could leave the normal range. */
const MAX_SCALE = 1000;

/**
 * The n×n matrix with entries (re[k] + i·im[k])·2^-scaleExp, row-major, as K slices of
 * sliced-fixed.ts: each part rounded to the nearest multiple of 2^(−L·K), ties away from zero.
 * Exact but for that one rounding. Throws RangeError, as slicedFromBigInt does, when an entry's
 * first digit reaches 2^53 (the entry is too large for fixed point at this scale).
 */
export function slicedFromRationals(n: number, K: number, re: readonly Rational[], im: readonly Rational[], scaleExp: number): Sliced {
  const nn = n * n;
  if (re.length !== nn || im.length !== nn) throw new RangeError(`slicedFromRationals: ${re.length} and ${im.length} entries for an ${n}×${n} matrix`);
  if (!Number.isInteger(K) || K < 1) throw new RangeError(`slicedFromRationals: K must be an integer ≥ 1, got ${K}`);
  if (!Number.isSafeInteger(scaleExp)) throw new RangeError(`slicedFromRationals: scaleExp must be an integer, got ${scaleExp}`);
  // Each distinct entry (by identity: a matrix file's equal strings share one Rational) is
  // converted once, into row k of the table T (digit s at T[s·R + k]), and then copied into place.
  const at = new Int32Array(2 * nn);
  const distinct: Rational[] = [];
  const row = new Map<Rational, number>();
  for (let e = 0; e < 2 * nn; e++) {
    const q = e < nn ? re[e] : im[e - nn];
    let k = row.get(q);
    if (k === undefined) {
      k = distinct.length;
      distinct.push(q);
      row.set(q, k);
    }
    at[e] = k;
  }
  const R = distinct.length;
  const T = new Float64Array(K * R);
  const out = blankSliced(n, K);
  const engine = sharedEngine();
  tableDigits(engine, distinct, K, scaleExp, T, out.maxAbs);
  // the table's rows into the slices' layout on the engine: T, the rows of each entry, the slices
  const tAt = 0;
  const atAt = K * R;
  const outAt = atAt + 2 * nn;
  engine.reserve(outAt + 2 * K * nn);
  const mem = engine.mem();
  mem.set(T, tAt);
  mem.set(at, atAt);
  for (let s = 0; s < K; s++) maxAbsOf(out.maxAbs, s, engine.maxAbs(tAt + s * R, R));
  for (let part = 0; part < 2; part++) for (let s = 0; s < K; s++) engine.gather(tAt + s * R, outAt + (part * K + s) * nn, nn, atAt + part * nn);
  out.data.set(mem.subarray(outAt, outAt + 2 * K * nn));
  return out;
}

function maxAbsOf(maxAbs: Float64Array, s: number, x: number): void {
  if (x > maxAbs[s]) maxAbs[s] = x;
}

/**
 * The digits of the R entries q (see slicedFromRationals) into T (digit s of entry k at T[s·R + k]),
 * the largest |digit| of each slice of the entries taking the BigInt route into maxAbs (the caller
 * takes the others' from the table). The float64 route runs slice by slice over all its
 * entries; with w = L − scaleExp ≥ 0 the first digit ⌊(a/b)·2^w⌋ comes from the long division too.
 */
function tableDigits(engine: RealProduct, q: readonly Rational[], K: number, scaleExp: number, T: Float64Array, maxAbs: Float64Array): void {
  const R = q.length;
  const w = L - scaleExp;
  const fast = w >= 0 && scaleExp >= -MAX_SCALE;
  const a = new Float64Array(R);
  const b = new Float64Array(R); // 0: the entry is done already, by entryDigits
  const r = new Float64Array(R);
  const digits = new Float64Array(K);
  for (let k = 0; k < R; k++) {
    const num = Number(q[k].num);
    const den = Number(q[k].den);
    // a BigInt that converts below 2^53 (or 2^33) in magnitude is below it exactly: rounding is monotone
    if (fast && Math.abs(num) < EXACT && den < MAX_DEN) {
      a[k] = num;
      b[k] = den;
      // |a|/b = I + r/b: the first digit before the w more bits below
      const x = Math.abs(num);
      const I = floorDiv(x, den);
      r[k] = x - I * den;
      T[k] = I;
    } else {
      entryDigits(q[k], K, scaleExp, digits);
      for (let s = 0; s < K; s++) {
        T[s * R + k] = digits[s];
        maxAbs[s] = Math.max(maxAbs[s], Math.abs(digits[s]));
      }
    }
  }
  for (let left = w; left > 0; left -= L) if (firstDigitBits(b, r, T, 0, R, 2 ** Math.min(L, left))) throw tooLarge();
  // the other digits on the engine: b, r, then the table (whose entries of the BigInt route it keeps)
  if (K > 1) {
    const bAt = 0;
    const rAt = R;
    const tAt = 2 * R;
    engine.reserve(tAt + K * R);
    const mem = engine.mem();
    mem.set(b, bAt);
    mem.set(r, rAt);
    mem.set(T, tAt);
    engine.longDivide(bAt, rAt, R, K - 1, tAt + R, R);
    T.set(mem.subarray(tAt, tAt + K * R));
    r.set(mem.subarray(rAt, rAt + R));
  }
  for (let k = 0; k < R; k++) {
    if (b[k] === 0) continue;
    if (2 * r[k] >= b[k]) roundUp(T, k, R, K);
    if (T[k] >= EXACT) throw tooLarge();
  }
  // signs (the caller takes the slice maxima, of |digit|, from the table)
  for (let k = 0; k < R; k++) if (a[k] < 0 && b[k] !== 0) negate(T, k, R, K);
}

/**
 * c more bits (c = 2^bits, bits ≤ L) of ⌊|a|/b·2^w⌋ into the first digits at data[at + e], from
 * the remainders r (b = 0: skip); true if one reaches 2^53. Exact as the engine's longDivide is
 * (sliced-fixed.ts).
 */
function firstDigitBits(b: Float64Array, r: Float64Array, data: Float64Array, at: number, count: number, c: number): boolean {
  let big = false;
  for (let e = 0; e < count; e++) {
    if (b[e] === 0) continue;
    const t = r[e] * c;
    const d = (t / b[e]) | 0;
    r[e] = t - d * b[e];
    const first = data[at + e] * c + d;
    if (first >= EXACT) big = true;
    data[at + e] = first;
  }
  return big;
}

/** Add one unit of the last digit to the K digits at data[at + s·stride], carrying. */
function roundUp(data: Float64Array, at: number, stride: number, K: number): void {
  let s = K - 1;
  data[at + s * stride] += 1;
  while (s > 0 && data[at + s * stride] === RADIX) {
    data[at + s * stride] = 0;
    s--;
    data[at + s * stride] += 1;
  }
}

/** Negate the K digits at data[at + s·stride], zero digits to −0, unless all are zero (an entry rounded to 0 stays +0). */
function negate(data: Float64Array, at: number, stride: number, K: number): void {
  let zero = true;
  for (let s = 0; s < K && zero; s++) zero = data[at + s * stride] === 0;
  if (zero) return;
  for (let s = 0; s < K; s++) data[at + s * stride] = -data[at + s * stride];
}

const tooLarge = (): RangeError => new RangeError('sliced: an entry is too large for fixed point');

/** ⌊t/b⌋ for integers 0 ≤ t < 2^53 and 1 ≤ b < 2^53, exactly (the float64 quotient is off by one at most). */
function floorDiv(t: number, b: number): number {
  // one below the rounded quotient: never above ⌊t/b⌋, so d·b ≤ t is exact, and at most two short
  let d = Math.max(0, Math.floor(t / b) - 1);
  let r = t - d * b;
  while (r >= b) {
    d++;
    r -= b;
  }
  return d;
}

/** The K signed digits of q·2^-scaleExp rounded into units of 2^(−L·K) (see slicedFromRationals), into `out`. */
function entryDigits(q: Rational, K: number, scaleExp: number, out: Float64Array): void {
  const num = Number(q.num);
  const b = Number(q.den);
  // a BigInt that converts below 2^53 (or 2^33) in magnitude is below it exactly: rounding is monotone
  if (!(Math.abs(num) < EXACT && b < MAX_DEN && Math.abs(scaleExp) <= MAX_SCALE)) {
    entryDigitsBigInt(q, K, scaleExp, out);
    return;
  }
  const a = Math.abs(num);
  // a/b = I + r/b
  const I = floorDiv(a, b);
  let r = a - I * b;
  // d_1 = ⌊(a/b)·2^w⌋, w = L − scaleExp. What is left after the digits taken so far, in units of
  // the last one, is H/2^p + r/(b·2^p): H the p low bits of I not yet taken (p > 0 only when
  // w < 0), r the remainder of the long division.
  const w = L - scaleExp;
  let H = 0;
  let p = 0;
  if (w >= 0) {
    let Q = I;
    for (let left = w; left > 0; ) {
      const c = Math.min(L, left);
      const t = r * 2 ** c;
      const d = floorDiv(t, b);
      r = t - d * b;
      Q = Q * 2 ** c + d;
      if (Q >= EXACT) throw tooLarge();
      left -= c;
    }
    out[0] = Q;
  } else {
    p = -w;
    const P = 2 ** p;
    out[0] = Math.floor(I / P); // a division by a power of two: exact (normal range, |scaleExp| ≤ 1000)
    H = I - out[0] * P;
  }
  for (let s = 1; s < K; s++) {
    let d: number;
    if (p >= L) {
      const P = 2 ** (p - L);
      d = Math.floor(H / P);
      H -= d * P;
      p -= L;
    } else if (p > 0) {
      const c = L - p;
      const t = r * 2 ** c;
      const low = floorDiv(t, b);
      r = t - low * b;
      d = H * 2 ** c + low;
      H = 0;
      p = 0;
    } else {
      // r < b < 2^33: t/b < 2^20 stays more than half a unit in the last place (2^-33) from the
      // next integer, so the rounded quotient has the right floor
      const t = r * RADIX;
      d = Math.floor(t / b);
      r = t - d * b;
    }
    out[s] = d;
  }
  // the rest is at least half a unit: H ≥ 2^(p−1) (r/b < 1 cannot make up a missing integer), or 2r ≥ b
  if (p > 0 ? H >= 2 ** (p - 1) : 2 * r >= b) roundUp(out, 0, 1, K);
  if (out[0] >= EXACT) throw tooLarge();
  if (num < 0) negate(out, 0, 1, K);
}

/** entryDigits through BigInt: the rounding of fixedField(L·K).fromRational, then L bits a digit. */
function entryDigitsBigInt(q: Rational, K: number, scaleExp: number, out: Float64Array): void {
  const scaled = scaleExp >= 0 ? { num: q.num, den: q.den << BigInt(scaleExp) } : { num: q.num << BigInt(-scaleExp), den: q.den };
  const x = fixedField(L * K).fromRational(scaled);
  let m = x < 0n ? -x : x;
  const mask = BigInt(RADIX - 1);
  for (let s = K - 1; s >= 1; s--) {
    out[s] = Number(m & mask);
    m >>= BigInt(L);
  }
  if (m >= BigInt(EXACT)) throw tooLarge();
  out[0] = Number(m);
  if (x < 0n) negate(out, 0, 1, K);
}
