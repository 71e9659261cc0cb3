/**
 * BigInt fixed point as a Field: a value v stands for v·2^-bits. Addition is exact; multiplication,
 * division and square root have absolute error ≤ 2^-bits. Meant for quantities of order one (the
 * eigensolver scales its matrix to unit norm first), where it is several times faster than
 * decimal.js at the same number of digits (see bench/).
 */
import type { Field } from './field.js';
import { decimalContext } from './decimal.js';
import { parseRational, type Rational } from './rational.js';

export interface FixedField extends Field<bigint> {
  readonly kind: 'fixed';
  readonly bits: number;
}

/** Integer square root ⌊√n⌋ by Newton's method. */
export function isqrt(n: bigint): bigint {
  if (n < 0n) throw new RangeError('isqrt of a negative number');
  if (n < 2n) return n;
  let x = 1n << BigInt((n.toString(2).length >> 1) + 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

const cache = new Map<number, FixedField>();

const PLAIN_DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * A decimal string as num/10^k without reducing by the gcd (the fixed-point rounding divides once
 * anyway; reduction cost more than the arithmetic when converting whole matrices). Anything else
 * (fractions, odd forms) goes through parseRational, which validates.
 */
export function parseUnreduced(s: string): Rational {
  const m = PLAIN_DECIMAL.exec(s);
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) return parseRational(s);
  const frac = m[3] ?? '';
  const exp = m[4] === undefined ? 0 : Number(m[4]);
  let num = BigInt(m[2] + frac || '0');
  if (m[1] === '-') num = -num;
  const shift = exp - frac.length;
  return shift >= 0 ? { num: num * 10n ** BigInt(shift), den: 1n } : { num, den: 10n ** BigInt(-shift) };
}

/** Bits needed to carry `digits` decimal digits. */
export const bitsForDigits = (digits: number): number => Math.ceil(digits * Math.log2(10));

export function fixedField(bits: number): FixedField {
  const hit = cache.get(bits);
  if (hit) return hit;
  if (!Number.isInteger(bits) || bits < 8 || bits > 100000) throw new RangeError(`fixedField: bits must be an integer in [8, 100000], got ${bits}`);
  const B = BigInt(bits);
  const ONE = 1n << B;
  const HALF = 1n << (B - 1n);
  const digits = Math.floor(bits * Math.log10(2));
  const D = decimalContext(digits + 20);
  const denom = new D(2).pow(bits);
  const fromRational = (q: Rational): bigint => {
    const n = q.num << B;
    // round half away from zero
    const t = (2n * (n < 0n ? -n : n) + q.den) / (2n * q.den);
    return n < 0n ? -t : t;
  };
  const F: FixedField = {
    kind: 'fixed',
    name: `fixed(${bits} bits)`,
    bits,
    digits,
    unitRoundoff: 2 ** -bits,
    errorModel: 'absolute',
    epsilon: 1n,
    zero: 0n,
    one: ONE,
    fromNumber: (x) => {
      if (!Number.isFinite(x)) throw new RangeError(`${F.name}: ${x} is not finite`);
      return fromRational(parseRational(String(x)));
    },
    fromRational,
    fromString: (s) => fromRational(parseUnreduced(s)),
    add: (a, b) => a + b,
    sub: (a, b) => a - b,
    mul: (a, b) => (a * b + HALF) >> B,
    mulWide: (a, b) => a * b,
    reduceWide: (a) => (a + HALF) >> B,
    div: (a, b) => {
      if (b === 0n) throw new RangeError(`${F.name}: division by zero`);
      return (a << B) / b;
    },
    neg: (a) => -a,
    abs: (a) => (a < 0n ? -a : a),
    sqrt: (a) => isqrt(a << B),
    scale2: (a, k) => (k >= 0 ? a << BigInt(k) : a >> BigInt(-k)),
    cmp: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
    sign: (a) => (a < 0n ? -1 : a > 0n ? 1 : 0),
    isZero: (a) => a === 0n,
    toNumber: (a) => {
      // keep 64 significant bits whatever the magnitude, then scale (exact power-of-two steps)
      const len = (a < 0n ? -a : a).toString(2).length;
      const shift = Math.max(0, len - 64);
      return Number(a >> BigInt(shift)) * 2 ** (shift - bits);
    },
    toString: (a, d = digits) => new D(a.toString()).div(denom).toSignificantDigits(Math.max(1, d)).toString(),
  };
  cache.set(bits, F);
  return F;
}
