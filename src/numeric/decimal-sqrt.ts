/**
 * The square root of a decimal-field value, correctly rounded to the field's precision
 * (ROUND_HALF_EVEN): the same value as decimal.js's own sqrt, which is correctly rounded too, from
 * one BigInt integer square root (Newton's method from a float64 start) instead of decimal.js's
 * iteration on base-10^7 digit arrays.
 *
 * The integer root and its exact remainder decide the rounding. (A tie cannot even occur for a
 * P-digit x: a (P+1)-digit decimal ending in 5 squares to 2P + 1 digits or more.)
 */
import type { Dec, DecimalField } from './decimal.js';

const DECIMAL = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/** ⌊√n⌋ for n > 0 by Newton's method from `guess` > 0: the first step lands at or above it, then the iterates decrease to it. */
function isqrtFrom(n: bigint, guess: bigint): bigint {
  let x = (guess + n / guess) >> 1n;
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** √x rounded to D's precision, half to even; x a finite value of D (a negative x gives decimal.js's NaN). */
export function sqrtHalfEven(D: DecimalField, x: Dec): Dec {
  if (!(x.isFinite() && x.isPositive()) || x.isZero()) return x.sqrt();
  const m = DECIMAL.exec(x.toString());
  if (!m) return x.sqrt();
  const P = D.precision;
  // x = X·10^e with X an integer of `digits` digits
  const frac = m[2] ?? '';
  const mantissa = (m[1] + frac).replace(/^0+/, '');
  const e = (m[3] === undefined ? 0 : Number(m[3])) - frac.length;
  // N = X·10^s with at least 2(P + 1) digits and e − s even: √x = √N·10^((e − s)/2)
  let s = Math.max(0, 2 * (P + 1) - mantissa.length);
  if ((e - s) % 2 !== 0) s += 1;
  const text = mantissa + '0'.repeat(s);
  const N = BigInt(text);
  // a float64 start good to about eight digits: √(leading 15 or 16 digits)·10^(rest/2)
  const lead = text.length % 2 === 0 ? 16 : 15;
  const top = Math.sqrt(Number(text.slice(0, lead)));
  const guess = BigInt(Math.floor(top) + 1) * 10n ** BigInt((text.length - Math.min(lead, text.length)) / 2);
  const r = isqrtFrom(N, guess);
  // r has at least P + 1 digits: keep P, round the rest (r² < N: the true root is above r)
  const rText = r.toString();
  const L = rText.length - P;
  const unit = 10n ** BigInt(L);
  let q = r / unit;
  const rem = r - q * unit;
  const half = 5n * 10n ** BigInt(L - 1);
  // a tie (rem = half, r² = N) cannot occur for a P-digit x (see above); rounded to even all the same
  if (rem > half || (rem === half && (r * r !== N || q % 2n === 1n))) q += 1n;
  return D.fromString(`${q}e${L + (e - s) / 2}`);
}
