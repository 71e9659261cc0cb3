/**
 * The number fields: float64, decimalField(p) (decimal.js), fixedField(bits) (BigInt fixed point),
 * and the exact rational ↔ float64 conversion they rest on.
 *
 * Every accuracy claim is checked against the exact value: a field value is turned back into an
 * exact rational (`toExact`: a double's binary expansion, decimal.js's full digit string, v/2^bits
 * for fixed point) and compared in rational arithmetic, so the tests need no reference field and
 * no tolerance beyond the documented error model (relative u·|x| for float64 and decimal, absolute
 * 2^-bits for fixed point).
 *
 * Order: refusals; metadata; tables (edge rows first); properties; decimal.js global configuration.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalContext, decimalField } from '../../src/numeric/decimal.js';
import type { Field } from '../../src/numeric/field.js';
import { convert, fmax, fmin, fsum } from '../../src/numeric/field.js';
import { fixedField, isqrt, type FixedField } from '../../src/numeric/fixed.js';
import { float64 } from '../../src/numeric/float64.js';
import { parseRational, rabs, radd, rational, rationalToNumber, rationalToString, rcmp, rdiv, rmul, rsub, type Rational } from '../../src/numeric/rational.js';
import { D50, exactRational, fcParams } from '../arbitraries.js';

const X256 = fixedField(256);
const FIELDS: readonly (readonly [string, Field<unknown>])[] = [
  ['float64', float64 as Field<unknown>],
  ['decimal(50)', D50 as unknown as Field<unknown>],
  ['fixed(256)', X256 as unknown as Field<unknown>],
];

/** The exact value of a field element. */
function toExact<T>(F: Field<T>, x: T): Rational {
  if (F.kind === 'float64') return exactRational(x as unknown as number);
  if (F.kind === 'fixed') return rational(x as unknown as bigint, 1n << BigInt((F as unknown as FixedField).bits));
  return parseRational((x as unknown as Decimal).toString()); // decimal.js prints every stored digit
}

/** The field's unit u as an exact rational (2^-53; 5·10^-p; 2^-bits). */
function unit<T>(F: Field<T>): Rational {
  if (F.kind === 'float64') return rational(1n, 1n << 53n);
  if (F.kind === 'fixed') return rational(1n, 1n << BigInt((F as unknown as FixedField).bits));
  return rational(5n, 10n ** BigInt(F.digits));
}

/** |got − want| ≤ bound, all exact. */
function expectWithin(got: Rational, want: Rational, bound: Rational, what: string): void {
  const err = rabs(rsub(got, want));
  expect(rcmp(err, bound) <= 0, `${what}: |${rationalToNumber(got)} − ${rationalToNumber(want)}| = ${rationalToNumber(err)} > ${rationalToNumber(bound)}`).toBe(
    true,
  );
}

/** The documented error of one rounding of the exact value q: u·|q| (relative) or u/2 (fixed, round to nearest). */
const roundingBound = <T>(F: Field<T>, q: Rational): Rational => (F.errorModel === 'relative' ? rmul(unit(F), rabs(q)) : rmul(unit(F), rational(1n, 2n)));

const R = (s: string): Rational => parseRational(s);
const pow2 = (k: number): Rational => (k >= 0 ? rational(1n << BigInt(k)) : rational(1n, 1n << BigInt(-k)));

// ---------------------------------------------------------------------------------------------
// Refusals
// ---------------------------------------------------------------------------------------------

describe('refusals', () => {
  describe.each(FIELDS)('%s fromString refuses text that is not a number', (_, F) => {
    it.each(['', '   ', 'abc', '1.2.3', '--1', '1e', '.', '1,5'])('%j', (s) => {
      expect(() => F.fromString(s)).toThrow();
    });
  });
  it('decimal and fixed fromNumber refuse NaN and ±Infinity (a field holds finite numbers)', () => {
    for (const F of [D50, X256] as Field<unknown>[]) for (const x of [NaN, Infinity, -Infinity]) expect(() => F.fromNumber(x)).toThrow(/is not finite/);
  });
  it.each([
    ['decimalField(0)', () => decimalField(0), /precision must be an integer in \[1, 1e6\], got 0/],
    ['decimalField(2.5)', () => decimalField(2.5), /got 2\.5/],
    ['decimalContext(1e7)', () => decimalContext(1e7), /got 10000000/],
    ['fixedField(7)', () => fixedField(7), /bits must be an integer in \[8, 100000\], got 7/],
    ['fixedField(64.5)', () => fixedField(64.5), /got 64\.5/],
  ] as const)('%s', (_, f, message) => {
    expect(f).toThrow(RangeError);
    expect(f).toThrow(message);
  });
  it('fixed point: division by zero and the square root of a negative number throw', () => {
    expect(() => X256.div(X256.one, X256.zero)).toThrow(/division by zero/);
    expect(() => X256.sqrt(X256.neg(X256.one))).toThrow(/isqrt of a negative number/);
  });
  it('float64 and decimal: the square root of a negative number is NaN, not an exception (callers must guard)', () => {
    expect(Number.isNaN(float64.sqrt(-1))).toBe(true);
    expect(D50.sqrt(D50.fromNumber(-1)).isNaN()).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Metadata
// ---------------------------------------------------------------------------------------------

describe('field metadata', () => {
  it.each([
    // name, field, kind, digits, unitRoundoff, error model — as documented in field.ts and each file
    ['float64', float64 as Field<unknown>, 'float64', 15, 2 ** -53, 'relative'],
    ['decimal(50)', D50 as unknown as Field<unknown>, 'decimal', 50, 5e-50, 'relative'],
    ['decimal(10)', decimalField(10) as unknown as Field<unknown>, 'decimal', 10, 5e-10, 'relative'],
    ['fixed(256 bits)', X256 as unknown as Field<unknown>, 'fixed', 77, 2 ** -256, 'absolute'],
  ] as const)('%s', (name, F, kind, digits, u, model) => {
    expect([F.kind, F.name, F.digits, F.unitRoundoff, F.errorModel]).toEqual([kind, name, digits, u, model]);
    // epsilon is unitRoundoff as a field value, exactly
    expect(rcmp(toExact(F, F.epsilon), unit(F))).toBe(0);
    expect(F.isZero(F.zero) && F.cmp(F.one, F.fromNumber(1)) === 0).toBe(true);
  });
  it('fields are memoised (same precision, same object)', () => {
    expect(decimalField(50)).toBe(D50);
    expect(fixedField(256)).toBe(X256);
  });
});

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

describe.each(FIELDS)('tables in %s', (_, F) => {
  it.each([
    // edge rows: zero, ±1, the tiniest and largest magnitudes, then ordinary values
    '0',
    '-0',
    '1',
    '-1',
    '1/2^256', // written out below
    '1e-60',
    '1e-80',
    '1e30',
    '1/3',
    '-2/3',
    '-7/8',
    '1/10',
    '79/272',
    '123456789.123456789123456789',
    '0.30000000000000004',
  ])('fromRational and fromString of %s: within one rounding of the exact value', (text) => {
    const q = text === '1/2^256' ? pow2(-256) : R(text);
    const a = F.fromRational(q);
    expectWithin(toExact(F, a), q, roundingBound(F, q), `fromRational(${text})`);
    if (!text.includes('/')) {
      const b = F.fromString(text);
      expectWithin(toExact(F, b), q, roundingBound(F, q), `fromString(${text})`);
    }
  });

  it('values that are exact in every field come back exactly', () => {
    for (const s of ['0', '1', '-1', '0.5', '-7/8', '3/4', '1024', '-0.0078125']) expect(rcmp(toExact(F, F.fromRational(R(s))), R(s))).toBe(0);
  });

  it.each([
    // [x, √x] — edge rows 0 and 1, then perfect squares, then irrational roots and tiny values
    ['0', '0'],
    ['1', '1'],
    ['4', '2'],
    ['1/4', '1/2'],
    ['2', null],
    ['1/3', null],
    ['1e-60', null],
    ['1e10', '1e5'],
  ] as const)('sqrt(%s)', (xs, rootText) => {
    const x = F.fromRational(R(xs));
    const s = F.sqrt(x);
    const xe = toExact(F, x); // the represented input
    const se = toExact(F, s);
    if (F.kind === 'fixed') {
      // documented: ⌊√(v·2^bits)⌋, i.e. s ≤ √x < s + 2^-bits: exact BigInt identity
      const v = x as unknown as bigint;
      const w = s as unknown as bigint;
      expect(w * w <= v << 256n && (w + 1n) * (w + 1n) > v << 256n).toBe(true);
    } else {
      // correctly rounded: (s − h)² ≤ x ≤ (s + h)² with h half an ulp of s (float64) or u·|s| (decimal)
      const h = F.kind === 'float64' ? halfUlp(se) : rmul(unit(F), rabs(se));
      const lo = rsub(se, h);
      const hi = radd(se, h);
      expect(rcmp(rmul(lo, lo), xe) <= 0 || rcmp(lo, R('0')) < 0).toBe(true);
      expect(rcmp(xe, rmul(hi, hi)) <= 0).toBe(true);
    }
    if (rootText !== null) expect(rcmp(se, R(rootText))).toBe(0); // perfect squares: exact
  });

  it.each([
    // [x, k, x·2^k] — exact wherever the result is representable
    ['3', -2, '3/4'],
    ['1', 10, '1024'],
    ['-5', 0, '-5'],
    ['1/3', 1, null], // 1/3 itself is rounded: only the doubling is checked
    ['1', 200, null],
    ['1', -200, null],
    ['-3/8', -3, '-3/64'],
  ] as const)('scale2(%s, %i)', (xs, k, want) => {
    const x = F.fromRational(R(xs));
    const got = toExact(F, F.scale2(x, k));
    const exact = rmul(toExact(F, x), pow2(k));
    // one correct rounding (decimal); exact (float64, fixed with k ≥ 0); floor (fixed, k < 0)
    const bound = F.kind === 'fixed' ? (k >= 0 ? R('0') : unit(F)) : F.kind === 'float64' ? R('0') : roundingBound(F, exact);
    expectWithin(got, exact, bound, `scale2(${xs}, ${k})`);
    if (want !== null && F.kind !== 'decimal') expect(rcmp(got, R(want))).toBe(0);
  });

  it('cmp, sign, isZero, abs, neg, fmax/fmin, fsum', () => {
    const v = (s: string) => F.fromRational(R(s));
    expect(F.cmp(v('0'), F.neg(v('0')))).toBe(0); // ±0
    expect(F.sign(F.neg(v('0')))).toBe(0);
    expect(F.isZero(F.neg(v('0')))).toBe(true);
    expect([F.cmp(v('1'), v('2')), F.cmp(v('2'), v('1')), F.cmp(v('1/3'), v('1/3'))]).toEqual([-1, 1, 0]);
    expect([F.cmp(v('-1e-60'), v('0')), F.sign(v('-1e-60')), F.sign(v('1e-60'))]).toEqual([-1, -1, 1]);
    expect(F.cmp(F.abs(v('-3/4')), v('3/4'))).toBe(0);
    expect(F.cmp(fmax(F, v('-1'), v('2')), v('2'))).toBe(0);
    expect(F.cmp(fmin(F, v('-1'), v('2')), v('-1'))).toBe(0);
    expect(F.cmp(fsum(F, [v('1/2'), v('1/4'), v('1/4')]), F.one)).toBe(0);
    expect(F.isZero(fsum(F, []))).toBe(true);
  });

  it.each([
    // [value, expected double] — toNumber is the nearest double to within an ulp (fixed: plus 2^-bits)
    ['0', 0],
    ['1', 1],
    ['-1/3', -1 / 3],
    ['1e-60', 1e-60],
    ['1e30', 1e30],
    ['79/272', 79 / 272],
  ] as const)('toNumber(%s) ≈ %d', (xs, want) => {
    const x = F.fromRational(R(xs));
    const got = F.toNumber(x);
    // float64 and decimal: the double nearest the field value (≤ 1 ulp from `want` after the field's
    // own rounding); fixed: the represented value is within 2^-257 of xs, then ≤ 1 ulp more.
    const slack = Math.abs(want) * 2 ** -52 + (F.kind === 'fixed' ? 2 ** -256 : 0);
    expect(Math.abs(got - want)).toBeLessThanOrEqual(slack);
  });

  it('tiny values in fixed point: 1e-60 is carried to ~17 significant digits, 1e-80 underflows to 0', () => {
    const tiny = F.fromString('1e-60');
    expect(Math.abs(F.toNumber(tiny) / 1e-60 - 1)).toBeLessThanOrEqual(F.kind === 'fixed' ? 2 ** -52 + 2 ** -257 / 1e-60 : 2 ** -52);
    const tinier = F.fromString('1e-80');
    if (F.kind === 'fixed')
      expect(F.isZero(tinier)).toBe(true); // 1e-80 < 2^-257: rounds to zero
    else expect(F.toNumber(tinier)).toBe(1e-80);
  });

  it('toString: edge rows and digit counts', () => {
    expect(F.toString(F.zero)).toBe('0');
    expect(F.toString(F.one)).toBe('1');
    expect(F.toString(F.fromRational(R('-3/4')))).toBe('-0.75');
    expect(F.toString(F.fromRational(R('1/3')), 5)).toBe('0.33333');
    // integers keep their significant zeros when fewer digits than the integer part are asked for
    expect(F.toString(F.fromRational(R('1004/10')), 3)).toBe('100');
    expect(F.toString(F.fromRational(R('1025/100')), 2)).toBe('10');
    expect(F.toString(F.fromRational(R('-2')), 1)).toBe('-2');
  });
});

/** Half an ulp of a positive normal double given exactly. */
function halfUlp(q: Rational): Rational {
  const x = Math.abs(rationalToNumber(q));
  if (x === 0) return R('0');
  const e = Math.floor(Math.log2(x));
  // guard against log2 rounding at powers of two
  const exp = 2 ** e > x ? e - 1 : 2 ** (e + 1) <= x ? e + 1 : e;
  return pow2(exp - 53);
}

describe('float64.fromRational (rationalToNumber) is correctly rounded', () => {
  it.each([
    // [rational, expected double, why]
    [
      rational((1n << 100n) + (1n << 47n) + 1n, 1n << 100n),
      1 + 2 ** -52,
      'just above the tie 1 + 2^-53: rounds up (truncating to 64 bits would fake a tie and round to 1)',
    ],
    [rational((1n << 53n) + 1n, 1n << 53n), 1, 'the tie 1 + 2^-53 rounds to even (1)'],
    [rational((1n << 53n) + 3n, 1n << 53n), 1 + 2 ** -51, 'the tie 1 + 3·2^-53 rounds to even (1 + 2^-51)'],
    [rational(-1n, 3n), -1 / 3, 'negative'],
    [rational(1n, 1n << 1074n), 2 ** -1074, 'the smallest subnormal'],
    [rational(3n, 1n << 1075n), 2 ** -1073, 'the subnormal tie 3·2^-1075 rounds to even (2·2^-1074)'],
    [rational(1n, 1n << 1075n), 0, 'half the smallest subnormal rounds to even (0)'],
    [R('5e-324'), 5e-324, 'the shortest decimal of the smallest subnormal'],
    [R('2.2250738585072014e-308'), 2.2250738585072014e-308, 'the smallest normal'],
    [R('1.7976931348623157e308'), Number.MAX_VALUE, 'the largest double'],
    [rational(1n << 1024n), Infinity, 'beyond the range: Infinity'],
  ] as const)('%#: %s', (q, want, _why) => {
    expect(Object.is(rationalToNumber(q), want)).toBe(true);
    expect(Object.is(float64.fromRational(q), want)).toBe(true);
  });

  it('the exact value of every double converts back to it, and so does its shortest decimal', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const y = x === 0 ? 0 : x; // −0 is read as 0
        expect(Object.is(rationalToNumber(exactRational(x)), y)).toBe(true);
        expect(Object.is(rationalToNumber(R(String(x))), y)).toBe(true);
      }),
      fcParams('rationalToNumber doubles', 500),
    );
  });

  it('subnormals in particular (uniform over the subnormal range)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 52 - 1 }), fc.boolean(), (m, negative) => {
        const x = (negative ? -m : m) * 2 ** -1074;
        expect(rationalToNumber(R(String(x)))).toBe(x);
        // x plus just under / just over half a unit rounds to x / to its neighbour
        const q = rational(BigInt(m) * 4n + 1n, 1n << 1076n);
        expect(rationalToNumber(q)).toBe(m * 2 ** -1074);
        expect(rationalToNumber(rational(BigInt(m) * 4n + 3n, 1n << 1076n))).toBe((m + 1) * 2 ** -1074);
      }),
      fcParams('rationalToNumber subnormals', 300),
    );
  });
});

describe('decimal scale2 is one correct rounding for every k (exact powers of two)', () => {
  it('against x·2^k rounded once from the exact product, k ∈ [−700, 700]', () => {
    fc.assert(
      fc.property(fc.integer({ min: -700, max: 700 }), fc.bigInt({ min: 1n, max: 10n ** 50n - 1n }), fc.boolean(), (k, digits, negative) => {
        const x = D50.fromRational(rational(negative ? -digits : digits, 10n ** 50n)); // 50-digit values in (−1, 1)
        const got = D50.scale2(x, k);
        const want = D50.fromRational(rmul(toExact(D50, x), pow2(k)));
        expect(got.eq(want), `${x.toString()}·2^${k}: ${got.toString()} vs ${want.toString()}`).toBe(true);
      }),
      fcParams('decimal scale2', 300),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: arithmetic within the documented error model, round trips
// ---------------------------------------------------------------------------------------------

/** Values in [−4, 4] as exact dyadic rationals with up to 60 fractional bits. */
const operand = fc.tuple(fc.bigInt({ min: -(1n << 62n), max: 1n << 62n }), fc.integer({ min: 0, max: 60 })).map(([m, k]) => rational(m, 1n << BigInt(k + 2)));

describe.each(FIELDS)('arithmetic in %s is within the documented error of the exact result', (label, F) => {
  it('add, sub, mul, div', () => {
    fc.assert(
      fc.property(operand, operand, (qa, qb) => {
        const a = F.fromRational(qa);
        const b = F.fromRational(qb);
        const [ea, eb] = [toExact(F, a), toExact(F, b)];
        const check = (got: unknown, exact: Rational, op: string, bound: Rational) =>
          expectWithin(toExact(F, got as never), exact, bound, `${op}(${rationalToString(ea)}, ${rationalToString(eb)})`);
        // relative fields: each result is correctly rounded (u·|r|). fixed: add/sub exact, mul rounds
        // to nearest (u/2), div truncates (< u).
        const rel = (r: Rational) => roundingBound(F, r);
        check(F.add(a, b), radd(ea, eb), 'add', F.kind === 'fixed' ? R('0') : rel(radd(ea, eb)));
        check(F.sub(a, b), rsub(ea, eb), 'sub', F.kind === 'fixed' ? R('0') : rel(rsub(ea, eb)));
        check(F.mul(a, b), rmul(ea, eb), 'mul', rel(rmul(ea, eb)));
        if (eb.num !== 0n) check(F.div(a, b), rdiv(ea, eb), 'div', F.kind === 'fixed' ? unit(F) : rel(rdiv(ea, eb)));
      }),
      fcParams(`arithmetic ${label}`, 300),
    );
  });

  it('toString(x, digits + 5) round-trips exactly through fromString (fixed: for |x| ≤ 4, its O(1) domain)', () => {
    fc.assert(
      fc.property(operand, (q) => {
        const x = F.fromRational(q);
        expect(F.cmp(F.fromString(F.toString(x, F.digits + 5)), x)).toBe(0);
      }),
      fcParams(`toString round trip ${label}`, 300),
    );
  });

  it('convert to decimal(80) and back is the identity (80 digits hold every value exactly enough)', () => {
    const D80 = decimalField(80);
    fc.assert(
      fc.property(operand, (q) => {
        const x = F.fromRational(q);
        expect(F.cmp(convert(D80, F, convert(F, D80, x)), x)).toBe(0);
      }),
      fcParams(`convert round trip ${label}`, 200),
    );
  });
});

describe('float64 toString', () => {
  it('round-trips every double with the default 17 digits', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(float64.fromString(float64.toString(x)) === x).toBe(true); // (−0 prints as "0")
      }),
      fcParams('float64 toString round trip', 500),
    );
  });
  it('with d digits, a non-integer reads back as toPrecision(d) does (no significant zero lost)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e25, max: 1e25, noNaN: true, noDefaultInfinity: true }).filter((x) => !Number.isInteger(x)),
        fc.integer({ min: 1, max: 17 }),
        (x, d) => {
          expect(Number(float64.toString(x, d))).toBe(Number(x.toPrecision(d)));
        },
      ),
      fcParams('float64 toString digits', 500),
    );
  });
});

describe('fixed point: isqrt', () => {
  it.each([0n, 1n, 2n, 3n, 4n, 15n, 16n, 17n, (1n << 200n) - 1n, 1n << 200n, 10n ** 77n])('isqrt(%s) = ⌊√n⌋', (n) => {
    const r = isqrt(n);
    expect(r * r <= n && (r + 1n) * (r + 1n) > n).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// decimal.js global configuration
// ---------------------------------------------------------------------------------------------

describe('decimal fields do not depend on decimal.js’s global configuration', () => {
  it('Decimal.set({ precision: 5, rounding: ROUND_DOWN, toExpNeg: −2 }) changes nothing in decimalField(50), old or new', () => {
    const compute = (D: typeof D50) => {
      const third = D.div(D.one, D.fromNumber(3));
      return [
        D.toString(third),
        D.toString(D.sqrt(D.fromNumber(2))),
        D.toString(D.exp(D.one)),
        D.toString(D.fromRational(R('79/272'))),
        D.toString(D.fromString('0.123456789012345678901234567890123456789012345678901234')),
        D.toString(D.scale2(third, -300)),
        D.toString(D.fromNumber(1e-9)),
        D.toString(D.mul(third, third)),
      ];
    };
    const before = compute(D50);
    const saved = { precision: Decimal.precision, rounding: Decimal.rounding, toExpNeg: Decimal.toExpNeg, toExpPos: Decimal.toExpPos };
    try {
      Decimal.set({ precision: 5, rounding: Decimal.ROUND_DOWN, toExpNeg: -2 });
      expect(new Decimal(1).div(3).toString()).toBe('0.33333'); // the global really changed
      expect(compute(D50)).toEqual(before);
      // a field created while the global is changed is just as independent
      const D49 = decimalField(49);
      expect(D49.toString(D49.div(D49.one, D49.fromNumber(3)))).toBe('0.' + '3'.repeat(49));
      expect(D49.toString(D49.fromNumber(1e-9))).toBe('1e-9');
    } finally {
      Decimal.set(saved);
    }
    expect(Decimal.precision).toBe(saved.precision);
    // sanity of the values themselves: 50 significant digits of 1/3, round half even
    expect(before[0]).toBe('0.' + '3'.repeat(50));
    // 54 digits rounded to 50 (the 51st is 1: down); decimal.js prints no trailing zero
    expect(before[4]).toBe('0.1234567890123456789012345678901234567890123456789');
  });
});
