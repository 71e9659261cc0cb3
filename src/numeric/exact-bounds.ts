/**
 * Exact bookkeeping for rigorous error bounds: the exact rational value of a field element, sums
 * rounded to a fixed binary point with every rounding counted, and the conversion of a bound or a
 * result to a field or a printed decimal string with the conversion's own error accounted.
 *
 * Nothing here trusts a rounding claim of another library: where a value is rounded, its exact
 * distance from the unrounded one is computed in rational arithmetic.
 */
import type { Field } from './field.js';
import { RZERO, rabs, radd, rational, rcmp, rsub, type Rational } from './rational.js';

const absBig = (a: bigint): bigint => (a < 0n ? -a : a);

/** The exact value of a float64 (a dyadic rational). */
export function rationalOfNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`rationalOfNumber: ${x} is not finite`);
  if (x === 0) return RZERO;
  let den = 1n;
  let y = x;
  // at most 1074 doublings; each is exact
  while (!Number.isInteger(y)) {
    y *= 2;
    den *= 2n;
  }
  return rational(BigInt(y), den);
}

const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/** The exact value of a decimal string as printed by decimal.js ("-1.25e-30", "0.5", "12"). */
export function rationalOfDecimalString(s: string): Rational {
  const m = DECIMAL_TEXT.exec(s);
  if (!m) throw new RangeError(`rationalOfDecimalString: "${s}" is not a finite decimal`);
  const frac = m[3] ?? '';
  let num = BigInt(m[2] + frac);
  if (m[1] === '-') num = -num;
  const shift = (m[4] === undefined ? 0 : Number(m[4])) - frac.length;
  return shift >= 0 ? rational(num * 10n ** BigInt(shift), 1n) : rational(num, 10n ** BigInt(-shift));
}

/** The exact value of an element of F (decimal, float64 or fixed point). */
export function exactValue<T>(F: Field<T>, x: T): Rational {
  if (F.kind === 'float64') return rationalOfNumber(x as unknown as number);
  if (F.kind === 'fixed') return rational(x as unknown as bigint, 1n << BigInt((F as unknown as { bits: number }).bits));
  if (F.kind === 'decimal') return rationalOfDecimalString(String(x));
  throw new RangeError(`exactValue: unsupported field ${F.name}`);
}

/** ⌊log2 |q|⌋ for q ≠ 0, exactly. */
export function floorLog2(q: Rational): number {
  const a = absBig(q.num);
  if (a === 0n) throw new RangeError('floorLog2 of zero');
  let e = a.toString(2).length - q.den.toString(2).length; // |q| ∈ [2^(e−1), 2^(e+1))
  // |q| ≥ 2^e ⇔ a ≥ den·2^e
  const ge = (k: number) => (k >= 0 ? a >= q.den << BigInt(k) : a << BigInt(-k) >= q.den);
  if (!ge(e)) e -= 1;
  return e;
}

/**
 * A sum of exact rationals accumulated at the fixed binary point 2^-bits: each term is rounded to
 * the nearest multiple of 2^-bits (ties away from zero) and the rounding errors are added up
 * exactly, so `value` is within `error` of the exact sum. Cheap where an exact rational sum would
 * let the denominators grow (n² entries of unrelated fractions).
 */
export class FixedPointSum {
  private acc = 0n;
  private err = 0n; // in units of 2^-(bits+1): each rounding costs at most one such half unit
  constructor(readonly bits: number) {}

  add(q: Rational): void {
    const n = q.num << BigInt(this.bits);
    if (n % q.den === 0n) {
      this.acc += n / q.den;
      return;
    }
    const t = (2n * absBig(n) + q.den) / (2n * q.den);
    this.acc += n < 0n ? -t : t;
    this.err += 1n;
  }

  /** Add a·b (rationals given by numerator and denominator, not necessarily reduced). */
  addProduct(aNum: bigint, aDen: bigint, bNum: bigint, bDen: bigint): void {
    const num = aNum * bNum;
    if (num === 0n) return;
    this.add({ num, den: aDen * bDen });
  }

  get value(): Rational {
    return rational(this.acc, 1n << BigInt(this.bits));
  }

  get error(): Rational {
    return rational(this.err, 1n << BigInt(this.bits + 1));
  }
}

/**
 * Bits of a fixed binary point fine enough that a sum of `terms` roundings costs far less than one
 * unit in the `digits`-th significant digit of a sum whose terms are at most 2^maxLog2 in size.
 */
export function bitsForSum(digits: number, maxLog2: number, terms: number): number {
  return Math.max(8, Math.ceil(digits * Math.log2(10)) + 40 + Math.ceil(Math.log2(terms + 2)) - maxLog2);
}

/** The smallest decimal with `digits` significant digits that is ≥ q (q ≥ 0), as "m.mmm" or "m.mme-k". */
export function ceilDecimalString(q: Rational, digits = 3): string {
  if (q.num < 0n) throw new RangeError('ceilDecimalString: a bound must be ≥ 0');
  if (q.num === 0n) return '0';
  // e with 10^e ≤ q < 10^(e+1), starting from the bit lengths and corrected exactly
  let e = Math.floor((q.num.toString(2).length - q.den.toString(2).length) * Math.log10(2));
  const cmpPow = (k: number): number => {
    // sign of q − 10^k
    const lhs = k >= 0 ? q.num : q.num * 10n ** BigInt(-k);
    const rhs = k >= 0 ? q.den * 10n ** BigInt(k) : q.den;
    return lhs < rhs ? -1 : lhs > rhs ? 1 : 0;
  };
  while (cmpPow(e) < 0) e -= 1;
  while (cmpPow(e + 1) >= 0) e += 1;
  // m = ⌈q·10^(digits−1−e)⌉, 10^(digits−1) ≤ m ≤ 10^digits
  const s = digits - 1 - e;
  const num = s >= 0 ? q.num * 10n ** BigInt(s) : q.num;
  const den = s >= 0 ? q.den : q.den * 10n ** BigInt(-s);
  let m = (num + den - 1n) / den;
  if (m === 10n ** BigInt(digits)) {
    m = 10n ** BigInt(digits - 1);
    e += 1;
  }
  let mant = m.toString().replace(/0+$/, '');
  if (mant.length > 1) mant = `${mant[0]}.${mant.slice(1)}`;
  // plain notation in decimal.js's range (1e-7 ≤ x < 1e21), exponent notation outside it
  if (e >= -7 && e < 21) {
    const digitsOnly = mant.replace('.', '');
    if (e >= 0) {
      const intLen = e + 1;
      return digitsOnly.length <= intLen ? digitsOnly + '0'.repeat(intLen - digitsOnly.length) : `${digitsOnly.slice(0, intLen)}.${digitsOnly.slice(intLen)}`;
    }
    return `0.${'0'.repeat(-e - 1)}${digitsOnly}`;
  }
  return `${mant}e${e >= 0 ? '+' : ''}${e}`;
}

/** A value of F that is ≥ q (q ≥ 0): an upper bound carried into the field. */
export function upperBoundIn<T>(F: Field<T>, q: Rational): T {
  if (F.kind === 'float64') {
    let x = F.fromRational(q) as unknown as number;
    if (rcmp(rationalOfNumber(x), q) < 0) x = x + Math.max(Math.abs(x) * 2 ** -52, Number.MIN_VALUE);
    return x as unknown as T;
  }
  const x = F.fromString(ceilDecimalString(q, Math.min(F.digits, 6)));
  // fromString of a ≤ F.digits-digit decimal is exact in decimal fields; check anyway
  if (rcmp(exactValue(F, x), q) < 0) throw new RangeError(`upperBoundIn: ${F.name} cannot hold ${ceilDecimalString(q)} exactly`);
  return x;
}

/** q rounded into F, and the exact distance of the result from q. */
export function roundInto<T>(F: Field<T>, q: Rational): { value: T; error: Rational } {
  const value = F.fromRational(q);
  return { value, error: rabs(rsub(exactValue(F, value), q)) };
}

/** max(a, b) of rationals. */
export const rmax = (a: Rational, b: Rational): Rational => (rcmp(a, b) >= 0 ? a : b);

/** Sum of rationals. */
export const rsum = (xs: readonly Rational[]): Rational => xs.reduce((a, b) => radd(a, b), RZERO);

/** A bound x of F printed with `digits` significant digits, rounded up so the string still bounds. */
export function boundString<T>(F: Field<T>, x: T, digits = 3): string {
  return ceilDecimalString(exactValue(F, x), digits);
}
