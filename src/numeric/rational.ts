/**
 * Exact rational numbers over BigInt, always in lowest terms with a positive denominator.
 * Used to read user input exactly ("79/272", "0.125", JSON numbers as written) and to decide
 * input checks (Hermiticity, unit trace) without rounding.
 */
import { InputError } from '../errors.js';

export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

const absBig = (a: bigint): bigint => (a < 0n ? -a : a);

export function gcd(a: bigint, b: bigint): bigint {
  a = absBig(a);
  b = absBig(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * num/den in lowest terms for safe integers num and den > 0: Euclid in float64 arithmetic, exact
 * on safe integers and much cheaper than on BigInt (most entries of a matrix file are such).
 */
export function rationalOfSafeIntegers(num: number, den: number): Rational {
  let a = Math.abs(num);
  let b = den;
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return { num: BigInt(num / a), den: BigInt(den / a) };
}

export function rational(num: bigint, den: bigint = 1n): Rational {
  if (den === 0n) throw new RangeError('rational: zero denominator');
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  if (den === 1n) return { num, den };
  if (num === 0n) return { num, den: 1n };
  const g = commonFactor(num, den);
  return g > 1n ? { num: num / g, den: den / g } : { num, den };
}

/** 5^16, the step of the count of factors 5. */
const FIVE16 = 5n ** 16n;

/** The exponents of 2 and of 5 in m > 0 and what is left, m = 2^a·5^b·rest. */
function twosFivesRest(m: bigint): [number, number, bigint] {
  const low = m & -m; // the lowest set bit, 2^a
  const a = low.toString(2).length - 1;
  m >>= BigInt(a);
  let b = 0;
  while (m % FIVE16 === 0n) {
    m /= FIVE16;
    b += 16;
  }
  while (m % 5n === 0n) {
    m /= 5n;
    b++;
  }
  return [a, b, m];
}

/**
 * gcd(num, den) for num ≠ 0 and den > 1. Denominators of decimals and of dyadic numbers are
 * 2^a·5^b: then the gcd is 2^min(a, a')·5^min(b, b') with a', b' those of num, found by counting
 * (Euclid's algorithm on numbers of a hundred digits takes a few hundred BigInt divisions).
 */
function commonFactor(num: bigint, den: bigint): bigint {
  const [a, b, rest] = twosFivesRest(den);
  if (rest !== 1n) return gcd(num, den);
  const [an, bn] = twosFivesRest(num < 0n ? -num : num);
  return (1n << BigInt(Math.min(a, an))) * 5n ** BigInt(Math.min(b, bn));
}

/** A complex matrix read exactly from user input, row-major. */
export interface RationalMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly re: Rational[];
  readonly im: Rational[];
  /** True if any entry was given as a non-integer JSON number (float64 input: float64 tolerances apply). */
  readonly hasFloatEntries: boolean;
}

export const RZERO: Rational = { num: 0n, den: 1n };
export const RONE: Rational = { num: 1n, den: 1n };

export const radd = (a: Rational, b: Rational): Rational => rational(a.num * b.den + b.num * a.den, a.den * b.den);
export const rsub = (a: Rational, b: Rational): Rational => rational(a.num * b.den - b.num * a.den, a.den * b.den);
export const rmul = (a: Rational, b: Rational): Rational => rational(a.num * b.num, a.den * b.den);
export const rneg = (a: Rational): Rational => ({ num: -a.num, den: a.den });
export const rabs = (a: Rational): Rational => ({ num: absBig(a.num), den: a.den });
export function rdiv(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new RangeError('rational: division by zero');
  return rational(a.num * b.den, a.den * b.num);
}
/** Sign of a − b: −1, 0 or 1. */
export function rcmp(a: Rational, b: Rational): -1 | 0 | 1 {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}
export const requals = (a: Rational, b: Rational): boolean => a.num === b.num && a.den === b.den;
export const risZero = (a: Rational): boolean => a.num === 0n;

/** 10^0 … 10^15, each exact in float64 (parsed, not computed). */
const POWERS_OF_10 = Array.from({ length: 16 }, (_, k) => Number(`1e${k}`));

/** m·10^-k in lowest terms when m is a safe integer and 0 ≤ k ≤ 15 (reduced in float64, exactly), else null. */
export function rationalOfSafeDecimal(m: number, k: number): Rational | null {
  return Number.isSafeInteger(m) && k >= 0 && k <= 15 ? rationalOfSafeIntegers(m, POWERS_OF_10[k]) : null;
}

const DECIMAL = /^([+-]?)(\d+)?(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const FRACTION = /^([+-]?\d+)\s*\/\s*(\d+)$/;

/**
 * Parse a decimal string ("0.125", "-1.5e-3", "2") or a fraction ("79/272") exactly.
 * Throws InputError naming the offending text otherwise.
 */
export function parseRational(text: string): Rational {
  const s = text.trim();
  const f = FRACTION.exec(s);
  if (f) {
    if (f[1].length <= 16 && f[2].length <= 15) {
      const a = Number(f[1]);
      const b = Number(f[2]);
      if (b !== 0 && Number.isSafeInteger(a) && Number.isSafeInteger(b)) return rationalOfSafeIntegers(a, b);
    }
    const den = BigInt(f[2]);
    if (den === 0n) throw new InputError(`"${text}" has a zero denominator`);
    return rational(BigInt(f[1]), den);
  }
  const m = DECIMAL.exec(s);
  if (!m || (m[2] === undefined && (m[3] === undefined || m[3] === ''))) {
    throw new InputError(`"${text}" is not a number (expected a decimal such as "0.125" or a fraction such as "79/272")`);
  }
  const intPart = m[2] ?? '';
  const frac = m[3] ?? '';
  const exp = m[4] === undefined ? 0 : Number(m[4]);
  if (!Number.isSafeInteger(exp) || Math.abs(exp) > 100000) throw new InputError(`"${text}": exponent out of range`);
  const digits = intPart + frac;
  const shift = exp - frac.length;
  if (digits.length <= 15) {
    // below 10^15 < 2^53, so Number() reads it exactly
    const value = Number(digits);
    const small = rationalOfSafeDecimal(m[1] === '-' ? -value : value, -shift);
    if (small) return small;
  }
  let num = BigInt(digits.replace(/^0+(?=\d)/, '') || '0');
  if (m[1] === '-') num = -num;
  return shift >= 0 ? rational(num * 10n ** BigInt(shift), 1n) : rational(num, 10n ** BigInt(-shift));
}

/**
 * A finite JSON number, read as the shortest decimal that round-trips to it (i.e. as the user
 * most likely wrote it, for up to 17 significant digits).
 */
export function rationalFromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new InputError(`${x} is not a finite number`);
  return parseRational(String(x));
}

export function rationalToString(a: Rational): string {
  return a.den === 1n ? a.num.toString() : `${a.num}/${a.den}`;
}

/** Nearest float64, correctly rounded (ties to even), subnormal results included; ±Infinity beyond the float64 range. */
export function rationalToNumber(a: Rational): number {
  if (a.num === 0n) return 0;
  const mag = absBig(a.num);
  const sign = a.num < 0n ? -1 : 1;
  const e = mag.toString(2).length - a.den.toString(2).length; // |a| ∈ [2^(e−1), 2^(e+1))
  if (e <= -1021) {
    // |a| < 2^-1020, possibly subnormal: round once, exactly, to a multiple of 2^-1074; below 2^53
    // such units the result is representable and the scaling below is exact.
    const scaled = mag << 1074n;
    let q = scaled / a.den;
    const twiceRem = 2n * (scaled - q * a.den);
    if (twiceRem > a.den || (twiceRem === a.den && (q & 1n) === 1n)) q += 1n;
    if (q < 1n << 53n) return (sign * Number(q)) / 2 ** 1000 / 2 ** 74;
  }
  // |a| ≥ 2^-1021 here, so the result is normal. A quotient of ≥ 65 bits plus a sticky bit for a
  // nonzero remainder makes the one rounding in Number() a correct rounding of the true quotient
  // (truncation alone could fake a tie); the power-of-two scaling is then exact (in two steps, as
  // 2^shift itself may overflow).
  const shift = Math.max(0, 66 - e);
  const scaled = mag << BigInt(shift);
  let q = scaled / a.den;
  if (q * a.den !== scaled) q |= 1n;
  const x = shift > 1000 ? Number(q) / 2 ** 1000 / 2 ** (shift - 1000) : Number(q) / 2 ** shift;
  return sign * x;
}
