/**
 * slicedFromRationals (src/numeric/sliced-rational.ts) against the BigInt route it replaces: each
 * entry q·2^-scaleExp correctly rounded into fixedField(L·K) (ties away from zero), then
 * slicedFromBigInt. The two must give the same Sliced bit for bit (the digits, the sign of zero
 * digits, the slice maxima) and refuse the same entries.
 *
 * Order: refusals; edge rows (zero, ±1, ties, the largest float64-route numerators and
 * denominators, exponents of both signs, huge entries); then seeded random matrices of every kind.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedField } from '../../src/numeric/fixed.js';
import { rational, RZERO, type Rational } from '../../src/numeric/rational.js';
import { SLICE_BITS, type Sliced, slicedFromBigInt } from '../../src/numeric/sliced-fixed.js';
import { slicedFromRationals } from '../../src/numeric/sliced-rational.js';
import { Rng } from '../../src/random/rng.js';
import { fcParams } from '../arbitraries.js';
import { randomBig } from './random-big.js';

const L = SLICE_BITS;

/** The reference: the BigInt route of eigh.ts (scaled exactly, rounded into fixed point, then sliced). */
function reference(n: number, K: number, re: readonly Rational[], im: readonly Rational[], scaleExp: number): Sliced {
  const F = fixedField(L * K);
  const conv = (q: Rational): bigint =>
    F.fromRational(scaleExp >= 0 ? { num: q.num, den: q.den << BigInt(scaleExp) } : { num: q.num << BigInt(-scaleExp), den: q.den });
  return slicedFromBigInt(n, K, re.map(conv), im.map(conv), F.bits);
}

/** Bytes, so that −0 and 0 differ. */
const bytes = (x: Float64Array): number[] => Array.from(new Uint8Array(x.buffer, x.byteOffset, x.byteLength));

function expectSame(n: number, K: number, re: readonly Rational[], im: readonly Rational[], scaleExp: number): void {
  const want = reference(n, K, re, im, scaleExp);
  const got = slicedFromRationals(n, K, re, im, scaleExp);
  expect([got.n, got.K]).toEqual([n, K]);
  expect(Array.from(got.data)).toEqual(Array.from(want.data));
  expect(bytes(got.data)).toEqual(bytes(want.data));
  expect(bytes(got.maxAbs)).toEqual(bytes(want.maxAbs));
}

const q = (num: bigint | number, den: bigint | number = 1n): Rational => rational(BigInt(num), BigInt(den));
const P53 = 2n ** 53n;
const P33 = 2n ** 33n;

describe('slicedFromRationals refuses', () => {
  it('entries that do not fit n×n, a K below 1, a non-integer exponent', () => {
    expect(() => slicedFromRationals(2, 3, [RZERO], [RZERO], 0)).toThrow(RangeError);
    expect(() => slicedFromRationals(1, 0, [RZERO], [RZERO], 0)).toThrow(RangeError);
    expect(() => slicedFromRationals(1, 2, [RZERO], [RZERO], 0.5)).toThrow(RangeError);
  });
  it.each([
    ['2^53 at exponent 0 (first digit 2^73)', q(P53), 0],
    ['1 at exponent −33 (first digit 2^53)', q(1), -33],
    ['a BigInt-route entry: 2^60/3 at exponent 0', q(2n ** 60n, 3n), 0],
    ['(2^53 − 1)/2^20 at exponent −13 (first digit about 2^66)', q(P53 - 1n, 2n ** 20n), -13],
    ['1/(2^33 − 3) at exponent −990 (the float64 route)', q(1n, P33 - 3n), -990],
  ])('as the BigInt route does: %s', (_, x, e) => {
    expect(() => reference(1, 3, [x], [RZERO], e)).toThrow('sliced: an entry is too large for fixed point');
    expect(() => slicedFromRationals(1, 3, [x], [RZERO], e)).toThrow('sliced: an entry is too large for fixed point');
  });
});

describe('slicedFromRationals equals the BigInt route', () => {
  const K = 4; // unit 2^-80
  it.each([
    ['zero', RZERO, 0],
    ['one', q(1), 0],
    ['minus one (zero digits are −0)', q(-1), 0],
    ['1/3 and −1/3', q(1, 3), 0],
    ['−1/3 at exponent 5', q(-1, 3), 5],
    ['a tie: 1/2^81, rounded away from zero', q(1n, 2n ** 81n), 0],
    ['a negative tie: −3/2^81', q(-3n, 2n ** 81n), 0],
    ['a tie on the float64 route: 3/2^21 at exponent 60', q(3n, 2n ** 21n), 60],
    ['a negative tie on the float64 route: −5/2^21 at exponent 60', q(-5n, 2n ** 21n), 60],
    ['a tie inside the integer part: 3 at exponent 82', q(3n), 82],
    ['just below a tie: (2^52 − 1)/2^133', q(P53 / 2n - 1n, 2n ** 133n), 0],
    ['a negative entry that rounds to zero (+0 digits)', q(-1n, 2n ** 82n), 0],
    ['a carry through every digit: 1 − 2^-81', q(2n ** 81n - 1n, 2n ** 81n), 0],
    ['the largest float64-route numerator: (2^53 − 1)/7', q(P53 - 1n, 7n), 40],
    ['the largest float64-route denominator: 5/(2^33 − 1)', q(5n, P33 - 1n), 0],
    ['the smallest BigInt-route denominator: 5/(2^33 + 1)', q(5n, P33 + 1n), 0],
    ['den 2^33 exactly', q(-7n, P33), 3],
    ['den 1, negative exponent', q(-12345n), -12],
    ['den 1, exponent −32 (first digit 2^52)', q(1n), -32],
    ['exponent 20 (first digit from the integer part alone)', q(987654321n, 3n), 20],
    ['exponent 77 (digits from the integer part, then the remainder)', q(2n ** 52n + 12345n, 11n), 77],
    ['exponent 1000 (everything below the last digit)', q(P53 - 1n, 3n), 1000],
    ['exponent 1001 (the BigInt route)', q(P53 - 1n, 3n), 1001],
    ['exponent −1000, a tiny entry', q(1n, 2n ** 1000n + 1n), -1000],
    ['a huge numerator and denominator', q(3n ** 200n, 2n ** 310n + 1n), -2],
  ])('%s', (_, x, e) => {
    for (const [re, im] of [
      [x, RZERO],
      [RZERO, x],
      [x, x],
    ])
      expectSame(1, K, [re], [im], e);
  });

  it('K = 1 (a single digit holds the whole rounded value)', () => {
    expectSame(2, 1, [q(1, 3), q(-5, 7), q(7n, 2n ** 21n), q(1n - 2n ** 40n, 3n)], [RZERO, q(1, 2), q(-1n, 2n ** 21n), q(1n, 2n ** 22n)], 10);
  });

  it('on seeded matrices: both signs, safe and BigInt entries, den near 2^33, exponents of both signs, ties', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: -60, max: 80 }),
        (seed, n, K, scaleExp) => {
          const rng = new Rng(seed, ['sliced-rational']);
          // the entries' size follows the exponent, so that most stay below the 2^53 of a first digit
          const size = Math.max(1, Math.min(90, scaleExp + 30));
          const den = BigInt(rng.int(1, 2 ** 20)) * BigInt(rng.int(1, 2 ** 13));
          const entry = (): Rational => {
            switch (rng.int(0, 7)) {
              case 0:
                return RZERO;
              case 1: // a common denominator below 2^33
                return q(randomBig(rng, Math.min(53, size)), den);
              case 2: // den near 2^33, below and above
                return q(randomBig(rng, Math.min(52, size)), P33 + BigInt(rng.int(-3, 3)));
              case 3: // den 1
                return q(randomBig(rng, Math.min(53, Math.max(1, size - 20))));
              case 4: // a tie or nearly one at the last digit
                return q(BigInt(2 * rng.int(0, 2 ** 20) + 1) + BigInt(rng.int(-1, 1)) * 2n, 2n ** BigInt(Math.max(L * K + 1 - scaleExp, 0)));
              case 5: // huge numerator and denominator (the BigInt route)
                return q(randomBig(rng, size + 60), (randomBig(rng, 60) * 2n) | 1n);
              case 6: // safe numerator at 2^53 − small
                return q(((P53 - BigInt(rng.int(1, 100))) * (rng.int(0, 1) === 0 ? 1n : -1n)) >> BigInt(Math.max(0, 53 - size)), BigInt(rng.int(1, 2 ** 30)));
              default:
                return q(randomBig(rng, Math.min(40, size)), BigInt(rng.int(1, 1000)));
            }
          };
          // some entries are the very same object (as a matrix file's equal strings are), in either part
          const drawn: Rational[] = [];
          const shared = (): Rational => {
            if (drawn.length > 0 && rng.int(0, 2) === 0) return drawn[rng.int(0, drawn.length - 1)];
            const x = entry();
            drawn.push(x);
            return x;
          };
          const re = Array.from({ length: n * n }, shared);
          const im = Array.from({ length: n * n }, shared);
          let want: Sliced | null = null;
          try {
            want = reference(n, K, re, im, scaleExp);
          } catch (e) {
            expect((e as Error).message).toBe('sliced: an entry is too large for fixed point');
          }
          if (want === null) {
            expect(() => slicedFromRationals(n, K, re, im, scaleExp)).toThrow('sliced: an entry is too large for fixed point');
            return;
          }
          const got = slicedFromRationals(n, K, re, im, scaleExp);
          expect(bytes(got.data)).toEqual(bytes(want.data));
          expect(bytes(got.maxAbs)).toEqual(bytes(want.maxAbs));
        },
      ),
      fcParams('slicedFromRationals against the BigInt route', 400),
    );
  });

  it('a 64×64 exact state with a common denominator, at the K and exponent of a 50-digit refinement', () => {
    const rng = new Rng(64, ['sliced-rational-state']);
    const n = 64;
    const den = 243659n;
    const re = Array.from({ length: n * n }, () => q(rng.int(-800, 800), den));
    const im = Array.from({ length: n * n }, () => q(rng.int(-800, 800), den));
    expectSame(n, 10, re, im, 1);
    // the same values with every equal value one shared object (as read from a file)
    const pool = new Map<string, Rational>();
    const share = (x: Rational): Rational => {
      const key = `${x.num}/${x.den}`;
      if (!pool.has(key)) pool.set(key, x);
      return pool.get(key) as Rational;
    };
    expectSame(n, 10, re.map(share), im.map(share), 1);
  });

  it('one object in every entry of both parts, and equal values in distinct objects', () => {
    const x = q(-7, 3);
    expectSame(3, 5, new Array(9).fill(x), new Array(9).fill(x), -2);
    expectSame(2, 5, [q(1, 3), q(1, 3), RZERO, q(1, 3)], [RZERO, q(1, 3), RZERO, q(-1, 3)], 0);
  });
});
