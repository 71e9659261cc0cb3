/**
 * sqrtHalfEven against decimal.js's own sqrt (correctly rounded too, by an independent algorithm):
 * the same value, digit for digit. Edge rows first (0, exact squares, powers of ten, the ends of
 * the digit range, tiny and huge exponents), then seeded decimals of every length and magnitude,
 * and values with more digits than the field.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalField } from '../../src/numeric/decimal.js';
import { sqrtHalfEven } from '../../src/numeric/decimal-sqrt.js';
import { fcParams } from '../arbitraries.js';

const PRECISIONS = [1, 2, 5, 17, 30, 50, 60, 100, 300];

describe('sqrtHalfEven', () => {
  describe.each(PRECISIONS)('at %i digits', (P) => {
    const D = decimalField(P);
    const same = (s: string) => {
      const x = new D.Decimal(s);
      expect(sqrtHalfEven(D, x).toString(), `√${s}`).toBe(x.sqrt().toString());
    };

    it.each(['0', '1', '4', '2', '0.25', '1e-400', '4e-401', '9e+500', '99', '0.01', '1e-7', '123456789', '0.999999999999999999', '3'])(
      '√%s as decimal.js',
      (s) => same(s),
    );

    it('negative input is left to decimal.js (NaN)', () => {
      expect(sqrtHalfEven(D, new D.Decimal(-2)).isNaN()).toBe(true);
    });

    it('seeded decimals of every length and exponent, the field’s own values and longer ones', () => {
      fc.assert(
        fc.property(fc.bigInt({ min: 1n, max: 10n ** BigInt(P + 12) }), fc.integer({ min: -60, max: 60 }), fc.boolean(), (m, e, round) => {
          const x = new D.Decimal(`${m}e${e}`);
          same((round ? x.toSignificantDigits(P) : x).toString());
        }),
        fcParams(`sqrtHalfEven ${P}`, 300),
      );
    });

    it('squares of P-digit values and their neighbours (roots next to a P-digit decimal)', () => {
      fc.assert(
        fc.property(fc.bigInt({ min: 1n, max: 10n ** BigInt(P) - 1n }), fc.integer({ min: -30, max: 30 }), fc.constantFrom(-1n, 0n, 1n), (m, e, d) => {
          same(`${m * m + d}e${2 * e}`);
        }),
        fcParams(`sqrtHalfEven squares ${P}`, 200),
      );
    });
  });
});
