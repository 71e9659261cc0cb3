/**
 * Exact bookkeeping for bounds (src/numeric/exact-bounds.ts). Order: refusals; edge rows; tables;
 * properties checked in exact rational arithmetic (never against a number pasted from a run).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalField } from '../../src/numeric/decimal.js';
import { float64 } from '../../src/numeric/float64.js';
import { fixedField } from '../../src/numeric/fixed.js';
import {
  FixedPointSum,
  ceilDecimalString,
  exactValue,
  floorLog2,
  rationalOfDecimalString,
  rationalOfNumber,
  roundInto,
  upperBoundIn,
} from '../../src/numeric/exact-bounds.js';
import { parseRational, rabs, radd, rational, rcmp, rmul, rsub, type Rational } from '../../src/numeric/rational.js';
import { fcParams } from '../arbitraries.js';

const ratArb = fc
  .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 30n }), fc.integer({ min: -60, max: 30 }))
  .map(([p, q, e]) => (e >= 0 ? rational(p * 10n ** BigInt(e), q) : rational(p, q * 10n ** BigInt(-e))));

describe('refusals', () => {
  it('ceilDecimalString refuses a negative bound', () => expect(() => ceilDecimalString(rational(-1n, 3n))).toThrow(/≥ 0/));
  it('floorLog2 refuses zero', () => expect(() => floorLog2(rational(0n))).toThrow(/zero/));
  it('rationalOfNumber refuses non-finite numbers', () => expect(() => rationalOfNumber(Infinity)).toThrow(/not finite/));
  it('rationalOfDecimalString refuses non-decimals', () => expect(() => rationalOfDecimalString('NaN')).toThrow(/not a finite decimal/));
});

describe('ceilDecimalString: the smallest 3-digit decimal ≥ q', () => {
  it.each([
    ['0', '0'],
    ['1', '1'],
    ['1/3', '0.334'],
    ['2/3', '0.667'],
    ['9995/10', '1000'],
    ['999', '999'],
    ['4.85e-30', '4.85e-30'],
    ['4.8500001e-30', '4.86e-30'],
    ['1e21', '1e+21'],
    ['1e-7', '0.0000001'],
    ['1.0001e-8', '1.01e-8'],
    ['123456', '124000'],
  ])('%s → %s', (q, s) => expect(ceilDecimalString(parseRational(q), 3)).toBe(s));

  it('is ≥ q and less than one unit of its third digit above it', () => {
    fc.assert(
      fc.property(
        ratArb.map(rabs).filter((q) => q.num !== 0n),
        (q) => {
          const s = parseRational(ceilDecimalString(q, 3));
          expect(rcmp(s, q) >= 0).toBe(true);
          // k with 10^k ≤ q < 10^(k+1), exactly; one unit of the third digit is 10^(k−2)
          const pow10 = (k: number): Rational => (k >= 0 ? rational(10n ** BigInt(k)) : rational(1n, 10n ** BigInt(-k)));
          let k = Math.floor(floorLog2(q) * Math.log10(2)) - 1;
          while (rcmp(pow10(k + 1), q) <= 0) k++;
          expect(rcmp(rsub(s, q), pow10(k - 2)) < 0).toBe(true);
          // and it is what decimal.js gives rounding the same value up (at 80 digits, far from a tie)
          const D = decimalField(80);
          expect(s).toEqual(parseRational(D.fromRational(q).toSignificantDigits(3, 0).toString()));
        },
      ),
      fcParams('ceilDecimalString', 300),
    );
  });
});

describe('exact values of field elements', () => {
  it.each([
    [0.1, '3602879701896397/36028797018963968'],
    [-0.5, '-1/2'],
    [2 ** -1074, `1/${2n ** 1074n}`],
    [3, '3'],
  ])('float64 %s', (x, q) => expect(exactValue(float64, x)).toEqual(parseRational(q)));
  it('decimal strings, plain and exponent forms', () => {
    const D = decimalField(30);
    for (const s of ['1.25e-30', '-7', '0.000123', '1e+21', '123.456']) expect(exactValue(D, new D.Decimal(s))).toEqual(parseRational(s));
  });
  it('fixed point', () => expect(exactValue(fixedField(16), 3n)).toEqual(rational(3n, 65536n)));
  it.each([
    ['1', 0],
    ['3/4', -1],
    ['1/2', -1],
    ['7', 2],
    ['8', 3],
    ['-1/1024', -10],
  ])('floorLog2(%s) = %i', (q, e) => expect(floorLog2(parseRational(q))).toBe(e));
});

describe('FixedPointSum', () => {
  it('is within its error of the exact sum, and exact for terms on its grid', () => {
    fc.assert(
      fc.property(fc.array(ratArb, { minLength: 1, maxLength: 30 }), fc.integer({ min: 8, max: 300 }), (terms, bits) => {
        const S = new FixedPointSum(bits);
        terms.forEach((t) => S.add(t));
        const exact = terms.reduce(radd, rational(0n));
        expect(rcmp(rabs(rsub(S.value, exact)), S.error) <= 0).toBe(true);
        const G = new FixedPointSum(bits);
        G.addProduct(3n, 1n, 5n, 4n); // 15/4 is on any grid of ≥ 2 bits
        expect(G.value).toEqual(rational(15n, 4n));
        expect(G.error).toEqual(rational(0n));
      }),
      fcParams('FixedPointSum', 200),
    );
  });
});

describe('rounding into a field, bounds into a field', () => {
  it('roundInto measures the exact rounding error; upperBoundIn is ≥ q', () => {
    fc.assert(
      fc.property(ratArb, fc.constantFrom(float64, decimalField(20), decimalField(35)), (q, F) => {
        const { value, error } = roundInto(F as typeof float64, q);
        expect(rabs(rsub(exactValue(F as typeof float64, value), q))).toEqual(error);
        const ub = upperBoundIn(F as typeof float64, rabs(q));
        expect(rcmp(exactValue(F as typeof float64, ub), rabs(q)) >= 0).toBe(true);
      }),
      fcParams('roundInto', 300),
    );
  });
  it('upperBoundIn(float64) steps past a value that rounds down', () => {
    const q: Rational = radd(rationalOfNumber(1), rmul(rational(1n, 3n), rationalOfNumber(2 ** -52)));
    expect(rcmp(rationalOfNumber(upperBoundIn(float64, q)), q) >= 0).toBe(true);
  });
});
