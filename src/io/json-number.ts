/**
 * The exact value a JSON number denotes in a matrix file: the shortest decimal that reads back as
 * the double JSON.parse gave (what the user most likely wrote, for up to 17 significant digits).
 * Equal to `rationalFromNumber` of numeric/rational.ts, computed without a regular expression and
 * without Euclid's algorithm on BigInt: when numerator and power of ten are safe integers they are
 * reduced in float64 (exact there); otherwise the common factor of the fraction is a power of 2
 * times a power of 5, found by counting.
 */
import { rationalOfSafeDecimal, type Rational } from '../numeric/rational.js';

const ZERO: Rational = { num: 0n, den: 1n };

/** 5^k as a BigInt, memoised (k ≤ 360 or so for doubles). */
const powersOf5: bigint[] = [1n];
function pow5(k: number): bigint {
  while (powersOf5.length <= k) powersOf5.push(powersOf5[powersOf5.length - 1] * 5n);
  return powersOf5[k];
}

/** Exponent of 2 and of 5 in m (> 0), each capped at `cap`. */
function twosAndFives(m: bigint, cap: number): [number, number] {
  let twos = 0;
  while (twos < cap && (m & 1n) === 0n) {
    m >>= 1n;
    twos++;
  }
  let fives = 0;
  while (fives < cap && m % 5n === 0n) {
    m /= 5n;
    fives++;
  }
  return [twos, fives];
}

/**
 * The exact value, in lowest terms, of the shortest decimal that rounds to the finite double x
 * (±0 give 0). Throws RangeError for a non-finite x; the callers have refused those already.
 */
export function decimalOfNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`decimalOfNumber: ${x} is not finite`);
  if (x === 0) return ZERO;
  // String(x) is the shortest round-trip decimal: "-1.2345e-7", "0.1", "123", "1e+21"
  const s = String(x);
  const e = s.indexOf('e');
  const mantissa = e < 0 ? s : s.slice(0, e);
  const exponent = e < 0 ? 0 : Number(s.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  const shift = exponent - (dot < 0 ? 0 : mantissa.length - dot - 1);
  // the sign is part of `digits`; BigInt("-0012") is -12n
  // A safe integer `digits` (a Number() result ≤ 2^53 − 1 in size is exact) over 10^k, k ≤ 15:
  // reduced in float64 arithmetic, no BigInt division.
  const small = shift <= 0 ? rationalOfSafeDecimal(Number(digits), -shift) : null;
  if (small) return small;
  const m = BigInt(digits);
  if (shift >= 0) return { num: m * 10n ** BigInt(shift), den: 1n };
  const k = -shift;
  const [twos, fives] = twosAndFives(m < 0n ? -m : m, k);
  const num = m / ((1n << BigInt(twos)) * pow5(fives));
  return { num, den: (1n << BigInt(k - twos)) * pow5(k - fives) };
}
