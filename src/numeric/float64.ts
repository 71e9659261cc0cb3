/** IEEE-754 double precision as a Field: every operation correctly rounded (unit roundoff 2^-53). */
import type { AnalyticField } from './field.js';
import { rationalToNumber } from './rational.js';

export const float64: AnalyticField<number> = {
  kind: 'float64',
  name: 'float64',
  digits: 15,
  unitRoundoff: 2 ** -53,
  errorModel: 'relative',
  epsilon: 2 ** -53,
  zero: 0,
  one: 1,
  fromNumber: (x) => x,
  fromRational: (q) => rationalToNumber(q),
  fromString: (s) => {
    // Number('') and Number('  ') are 0; decimal.js (whose grammar this follows) refuses them.
    const x = s.trim() === '' ? NaN : Number(s);
    if (Number.isNaN(x)) throw new RangeError(`float64: cannot parse "${s}"`);
    return x;
  },
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  mulWide: (a, b) => a * b,
  reduceWide: (a) => a,
  div: (a, b) => a / b,
  neg: (a) => -a,
  abs: (a) => Math.abs(a),
  sqrt: (a) => Math.sqrt(a),
  scale2: (a, k) => a * 2 ** k,
  cmp: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  sign: (a) => (a < 0 ? -1 : a > 0 ? 1 : 0),
  isZero: (a) => a === 0,
  toNumber: (a) => a,
  // Strip trailing zeros of the fraction only: toPrecision(3) of 100.4 is "100", whose zeros count.
  toString: (a, digits = 17) =>
    Number.isInteger(a) && Math.abs(a) < 1e21
      ? String(a)
      : a
          .toPrecision(Math.max(1, Math.min(17, digits)))
          .replace(/\.(\d*?)0+(e|$)/, '.$1$2')
          .replace(/\.(e|$)/, '$1'),
  exp: (a) => Math.exp(a),
  ln: (a) => Math.log(a),
  pow: (a, b) => a ** b,
};
