/**
 * decimal.js as a Field: every operation correctly rounded to `precision` significant digits
 * (ROUND_HALF_EVEN), unit roundoff ½·10^(1−precision).
 *
 * Each field owns its own `Decimal.clone` with every setting explicit, so nothing depends on
 * decimal.js's shared global configuration (which some dependencies change on import).
 */
import { Decimal } from 'decimal.js';
import type { AnalyticField } from './field.js';
import type { Rational } from './rational.js';

export type Dec = Decimal;
export type DecimalCtor = typeof Decimal;

/** Default working precision of ergocheck, in significant digits. */
export const DEFAULT_PRECISION = 50;
/** Extra digits carried inside computations on top of the requested precision. */
export const GUARD_DIGITS = 10;

export interface DecimalField extends AnalyticField<Decimal> {
  readonly kind: 'decimal';
  readonly Decimal: DecimalCtor;
  readonly precision: number;
}

/** A private decimal.js constructor with every configuration setting explicit. */
export function decimalContext(precision: number): DecimalCtor {
  if (!Number.isInteger(precision) || precision < 1 || precision > 1e6) {
    throw new RangeError(`decimalContext: precision must be an integer in [1, 1e6], got ${precision}`);
  }
  return Decimal.clone({
    precision,
    rounding: Decimal.ROUND_HALF_EVEN,
    toExpNeg: -7,
    toExpPos: 21,
    minE: -9e15,
    maxE: 9e15,
    modulo: Decimal.ROUND_DOWN,
    crypto: false,
    defaults: false,
  });
}

const cache = new Map<number, DecimalField>();

/** The decimal field at `precision` significant digits (memoised: same precision, same object). */
export function decimalField(precision: number = DEFAULT_PRECISION): DecimalField {
  const hit = cache.get(precision);
  if (hit) return hit;
  const D = decimalContext(precision);
  const zero = new D(0);
  const one = new D(1);
  const F: DecimalField = {
    kind: 'decimal',
    name: `decimal(${precision})`,
    Decimal: D,
    precision,
    digits: precision,
    unitRoundoff: 0.5 * 10 ** (1 - precision),
    errorModel: 'relative',
    // 5·10^-precision, exactly (written, not computed)
    epsilon: new D(`5e-${precision}`),
    zero,
    one,
    fromNumber: (x) => {
      if (!Number.isFinite(x)) throw new RangeError(`${F.name}: ${x} is not finite`);
      return new D(x);
    },
    fromRational: (q: Rational) => new D(q.num.toString()).div(q.den.toString()),
    fromString: (s) => new D(s).toSignificantDigits(precision),
    add: (a, b) => a.plus(b),
    sub: (a, b) => a.minus(b),
    mul: (a, b) => a.times(b),
    mulWide: (a, b) => a.times(b),
    reduceWide: (a) => a,
    div: (a, b) => a.div(b),
    neg: (a) => a.neg(),
    abs: (a) => a.abs(),
    sqrt: (a) => a.sqrt(),
    // One correctly rounded operation with the exact 2^|k| (D(2).pow(|k|) is itself rounded for |k| > 166 at 50 digits).
    scale2: (a, k) => {
      const p = new D((1n << BigInt(Math.abs(k))).toString());
      return k >= 0 ? a.times(p) : a.div(p);
    },
    cmp: (a, b) => a.cmp(b) as -1 | 0 | 1,
    sign: (a) => (a.isZero() ? 0 : a.isNeg() ? -1 : 1),
    isZero: (a) => a.isZero(),
    toNumber: (a) => a.toNumber(),
    toString: (a, digits = precision) => a.toSignificantDigits(Math.max(1, digits)).toString(),
    exp: (a) => a.exp(),
    ln: (a) => a.ln(),
    pow: (a, b) => a.pow(b),
  };
  cache.set(precision, F);
  return F;
}
