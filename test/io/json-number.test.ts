/**
 * decimalOfNumber: the exact value of the shortest decimal of a double, against the route of
 * numeric/rational.ts (rationalFromNumber: String(x) through a regular expression) and against
 * String(x) reduced by BigInt's gcd alone. Edge rows first, then seeded doubles of every magnitude.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalOfNumber } from '../../src/io/json-number.js';
import { type Rational, rational, rationalFromNumber, rationalToNumber, rationalToString } from '../../src/numeric/rational.js';
import { fcParams } from '../arbitraries.js';

/** String(x) reduced by BigInt alone (rational()'s gcd): independent of the float64 reduction both routes use for short decimals. */
function bigIntDecimal(x: number): Rational {
  const [mantissa, exponent = '0'] = String(x).split('e');
  const [whole, fraction = ''] = mantissa.split('.');
  const m = BigInt(whole + fraction);
  const shift = Number(exponent) - fraction.length;
  return shift >= 0 ? rational(m * 10n ** BigInt(shift)) : rational(m, 10n ** BigInt(-shift));
}

const same = (x: number) => {
  const q = decimalOfNumber(x);
  const r = rationalFromNumber(x);
  expect([q.num, q.den], `x = ${x}`).toEqual([r.num, r.den]);
  const b = bigIntDecimal(x);
  expect([q.num, q.den], `x = ${x} (BigInt route)`).toEqual([b.num, b.den]);
  // and the decimal reads back as x (±0 as +0)
  expect(Object.is(rationalToNumber(q), x === 0 ? 0 : x)).toBe(true);
};

describe('decimalOfNumber', () => {
  it('refuses a non-finite number', () => {
    for (const x of [NaN, Infinity, -Infinity]) expect(() => decimalOfNumber(x)).toThrow(RangeError);
  });

  it.each([
    // [double, exact value]: ±0, the extremes, subnormals, integers written with an exponent, powers of 2, 5, 10
    [0, '0'],
    [-0, '0'],
    [5e-324, `1/2${'0'.repeat(323)}`], // 5·10^-324
    [1, '1'],
    [-7, '-7'],
    [0.5, '1/2'],
    [0.1, '1/10'],
    [-0.125, '-1/8'],
    [0.30000000000000004, '7500000000000001/25000000000000000'],
    [1e21, '1000000000000000000000'],
    [1.5e3, '1500'],
    [2 ** 60, '1152921504606847000'], // the shortest decimal, not the binary value 1152921504606846976
    [0.04, '1/25'],
    [1e-30, '1/1000000000000000000000000000000'],
    [12345.678, '6172839/500'],
  ] as const)('%s → %s', (x, exact) => {
    expect(rationalToString(decimalOfNumber(x))).toBe(exact);
    same(x);
  });

  it('equals rationalFromNumber on seeded doubles of every magnitude, subnormals and the largest included', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => same(x)),
      fcParams('decimalOfNumber any double', 2000),
    );
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -1, max: 1 }), (x) => same(x)),
      fcParams('decimalOfNumber in [-1, 1]', 2000),
    );
    // short decimals with many factors 2 and 5 (k/2^a/5^b) and decimals of few digits
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 6), max: 10 ** 6 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 25 }), (k, a, b) =>
        same(k / 2 ** a / 5 ** b),
      ),
      fcParams('decimalOfNumber dyadic-quinary', 1000),
    );
  });
});
