import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseRational, rational, radd, rcmp, rationalFromNumber, rationalOfSafeDecimal, rationalToString } from '../../src/numeric/rational.js';
import { fcParams } from '../arbitraries.js';

describe('parseRational', () => {
  it.each(['', 'abc', '1/0', '1.2.3', '--1', 'NaN', 'Infinity', '1e', '/3'])('refuses %j', (s) => {
    expect(() => parseRational(s)).toThrow(InputError);
  });
  it.each([
    ['0', '0'],
    ['-0', '0'],
    ['0.125', '1/8'],
    ['-1.5e-3', '-3/2000'],
    ['79/272', '79/272'],
    ['-6/4', '-3/2'],
    ['2', '2'],
    ['.5', '1/2'],
    ['5.', '5'],
    ['1E+2', '100'],
  ])('reads %j exactly as %s', (s, want) => {
    expect(rationalToString(parseRational(s))).toBe(want);
  });
  it('reads JSON numbers as written', () => {
    expect(rationalToString(rationalFromNumber(0.1))).toBe('1/10');
    expect(() => rationalFromNumber(NaN)).toThrow(InputError);
  });
  it('adds and compares exactly', () => {
    const third = rational(1n, 3n);
    expect(rcmp(radd(radd(third, third), third), rational(1n))).toBe(0);
  });
});

// Short entries are reduced in float64 (Euclid on safe integers); the reference here is the BigInt
// route alone: BigInt parts reduced by rational()'s BigInt gcd.
describe('parseRational: the float64 reduction of short entries against BigInt', () => {
  const bigFraction = (a: bigint, b: bigint) => rational(a, b);
  // integers of every length up to 17 digits, the safe-integer and 10^15 edges included
  const edges = [
    0n,
    1n,
    2n,
    5n,
    10n,
    999_999_999_999_999n,
    10n ** 15n,
    10n ** 15n + 1n,
    2n ** 53n - 1n,
    2n ** 53n,
    2n ** 53n + 1n,
    10n ** 16n,
    10n ** 17n - 1n,
  ];
  const integer = fc.oneof(
    fc.constantFrom(...edges),
    fc.bigInt({ min: 0n, max: 10n ** 17n - 1n }),
    fc.integer({ min: 0, max: 17 }).chain((d) => fc.bigInt({ min: 0n, max: 10n ** BigInt(d) })),
    // many factors 2 and 5, so that reductions happen
    fc
      .tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 999 }))
      .map(([a, b, c]) => 2n ** BigInt(a) * 5n ** BigInt(b) * BigInt(c)),
  );
  const same = (s: string, want: { num: bigint; den: bigint }) => {
    const q = parseRational(s);
    expect([q.num, q.den], s).toEqual([want.num, want.den]);
  };

  it.each([
    ['-0/7', 0n, 1n],
    ['9007199254740991/9007199254740990', 9007199254740991n, 9007199254740990n],
    ['9007199254740992/4', 2251799813685248n, 1n],
    ['-999999999999999/999999999999999', -1n, 1n],
    ['0.000000000000001', 1n, 10n ** 15n],
    ['-0.000000000000000', 0n, 1n],
    ['123456789012345e-15', 24691357802469n, 200000000000000n],
    ['1234567890123456e-15', 19290123283179n, 15625000000000n],
  ])('reads the edge %j exactly', (s, num, den) => same(s, { num, den }));

  it('reads seeded fractions "a/b" as BigInt reduction does', () => {
    fc.assert(
      fc.property(fc.boolean(), integer, integer, (neg, a, b) => {
        const den = b === 0n ? 1n : b;
        same(`${neg ? '-' : ''}${a}/${den}`, bigFraction(neg ? -a : a, den));
      }),
      fcParams('parseRational fractions vs BigInt', 3000),
    );
  });

  it('reads seeded decimals "d.ddd[e±x]" as BigInt reduction does', () => {
    fc.assert(
      fc.property(fc.boolean(), integer, fc.integer({ min: 0, max: 20 }), fc.integer({ min: -20, max: 20 }), (neg, m, point, exp) => {
        const digits = m.toString().padStart(point + 1, '0');
        const text = `${neg ? '-' : ''}${digits.slice(0, digits.length - point)}.${digits.slice(digits.length - point)}e${exp}`;
        const shift = exp - point;
        const num = neg ? -m : m;
        same(text, shift >= 0 ? bigFraction(num * 10n ** BigInt(shift), 1n) : bigFraction(num, 10n ** BigInt(-shift)));
      }),
      fcParams('parseRational decimals vs BigInt', 3000),
    );
  });

  it('rationalOfSafeDecimal declines what float64 cannot hold exactly', () => {
    expect(rationalOfSafeDecimal(2 ** 53, 3)).toBeNull();
    expect(rationalOfSafeDecimal(0.5, 1)).toBeNull();
    expect(rationalOfSafeDecimal(7, 16)).toBeNull();
    expect(rationalOfSafeDecimal(7, -1)).toBeNull();
    expect(rationalOfSafeDecimal(-(2 ** 53) + 1, 15)).toEqual(rational(-(2n ** 53n) + 1n, 10n ** 15n));
  });
});
