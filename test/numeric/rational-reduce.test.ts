/**
 * rational(num, den) in lowest terms: decimal and dyadic denominators (2^a·5^b) are reduced by
 * counting factors 2 and 5, the others by Euclid's algorithm; both must give the reference
 * reduction (a plain Euclid, written here) on edge rows and on seeded numerators and denominators.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rational } from '../../src/numeric/rational.js';
import { Rng } from '../../src/random/rng.js';
import { fcParams } from '../arbitraries.js';
import { randomBig } from './random-big.js';

/** The reference: sign to the numerator, then divide by Euclid's gcd. */
function reference(num: bigint, den: bigint): { num: bigint; den: bigint } {
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  let a = num < 0n ? -num : num;
  let b = den;
  while (b !== 0n) [a, b] = [b, a % b];
  return { num: num / a, den: den / a };
}

describe('rational reduces to lowest terms', () => {
  it('refuses a zero denominator', () => expect(() => rational(1n, 0n)).toThrow(RangeError));

  it.each([
    [0n, 7n],
    [0n, -1000n],
    [5n, 1n],
    [-6n, -1n],
    [250n, 1000n],
    [-3n * 5n ** 40n, 10n ** 30n],
    [2n ** 90n * 3n, 2n ** 100n],
    [7n * 5n ** 20n * 2n ** 3n, 5n ** 35n * 2n ** 2n],
    [10n ** 60n + 1n, 10n ** 61n],
    [123456789n, -(2n ** 17n) * 5n ** 17n],
    [6n, 15n],
    [2n ** 64n, 3n * 2n ** 70n],
    [5n ** 33n, 5n ** 33n * 11n],
  ])('%s/%s', (num, den) => expect(rational(num, den)).toEqual(reference(num, den)));

  it('equals Euclid on seeded numerators and denominators (decimal, dyadic, mixed)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const rng = new Rng(seed, ['rational-reduce']);
        const factor = (): bigint => 2n ** BigInt(rng.int(0, 80)) * 5n ** BigInt(rng.int(0, 50));
        const other = [1n, 1n, 3n, 7n, BigInt(rng.int(1, 10 ** 6))][rng.int(0, 4)];
        const num = randomBig(rng, rng.int(1, 200)) * (rng.int(0, 1) === 0 ? factor() : 1n);
        const den = (factor() * other || 1n) * (rng.int(0, 3) === 0 ? -1n : 1n);
        expect(rational(num, den)).toEqual(reference(num, den));
      }),
      fcParams('rational against Euclid', 500),
    );
  });
});
