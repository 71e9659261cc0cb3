/**
 * The float64 screens of the exact density checks decide exactly: maxEntrySum (the largest
 * |Re Q_ij| + |Im Q_ij|, screened in float64, near-maxima compared exactly) and the unit-trace test
 * of checkDensityExact (an integer sum over a safe common denominator) agree with plain rational
 * arithmetic, on edge rows first (ties closer than a float64 rounding, entries beyond 2^53,
 * sums that reach 2^53), then on seeded random matrices; last, the positivity allowance (the
 * largest entry is looked for only when it decides) on both sides of its edge.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { RONE, RZERO, rabs, radd, rational, rcmp, rsub, type Rational, type RationalMatrix } from '../../src/numeric/rational.js';
import { decimalField } from '../../src/numeric/decimal.js';
import { checkDensityExact, maxEntrySum } from '../../src/physics/density.js';
import { ergotropyOfExactState } from '../../src/physics/ergotropy.js';
import { Rng } from '../../src/random/rng.js';
import { fcParams } from '../arbitraries.js';
import { randomBig } from '../numeric/random-big.js';

const q = (num: bigint | number, den: bigint | number = 1n): Rational => rational(BigInt(num), BigInt(den));

/** The reference: the largest |Re| + |Im| by reduced rational sums and comparisons. */
function referenceMax(Q: RationalMatrix): Rational {
  let best = RZERO;
  for (let k = 0; k < Q.re.length; k++) {
    const s = radd(rabs(Q.re[k]), rabs(Q.im[k]));
    if (rcmp(s, best) > 0) best = s;
  }
  return best;
}

/** A 1×m "matrix" (maxEntrySum looks at the entries only). */
const row = (re: Rational[], im: Rational[] = re.map(() => RZERO)): RationalMatrix => ({ rows: 1, cols: re.length, re, im, hasFloatEntries: false });

/** The n×n diagonal matrix diag(d). */
function diagonal(d: Rational[]): RationalMatrix {
  const n = d.length;
  const re = new Array<Rational>(n * n).fill(RZERO);
  d.forEach((x, i) => (re[i * n + i] = x));
  return { rows: n, cols: n, re, im: new Array<Rational>(n * n).fill(RZERO), hasFloatEntries: false };
}

const traceIsOne = (d: Rational[]): boolean => rcmp(d.reduce(radd, RZERO), RONE) === 0;

/** The InputError message of checkDensityExact on diag(d), or null when it passes. */
function traceRefusal(d: Rational[], tolerance = 0): string | null {
  try {
    checkDensityExact(diagonal(d), tolerance, 'ρ');
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
}

const P53 = 2n ** 53n;
/** The double nearest 1/3: |1/3 − THIRD_DOUBLE| ≈ 1.9e-17, well inside a float64 rounding of 1/3. */
const THIRD_DOUBLE = q(6004799503160661n, 18014398509481984n);

describe('maxEntrySum: the exact largest |Re| + |Im|', () => {
  it.each([
    ['all zero', row([RZERO, RZERO]), RZERO],
    ['one entry', row([q(-3, 7)]), q(3, 7)],
    ['signs do not matter', row([q(1, 2), q(-3, 4)], [q(-1, 4), q(0)]), q(3, 4)],
    ['a tie by value in different parts: the reduced value', row([q(1, 2), q(3, 4)], [q(1, 4), RZERO]), q(3, 4)],
    ['1/3 beats its double, closer than a rounding (first)', row([q(1, 3), THIRD_DOUBLE]), q(1, 3)],
    ['1/3 beats its double, closer than a rounding (last)', row([THIRD_DOUBLE, q(1, 3)]), q(1, 3)],
    ['its double (1/3 − 1.9e-17) beats 1/3 − 2^-55 (1/3 − 2.8e-17)', row([rsub(q(1, 3), q(1n, 2n ** 55n)), THIRD_DOUBLE]), THIRD_DOUBLE],
    ['1/3 − 2^-60 beats the double', row([THIRD_DOUBLE, rsub(q(1, 3), q(1n, 2n ** 60n))]), rsub(q(1, 3), q(1n, 2n ** 60n))],
    ['safe fractions 1/(3(2^53 − 1)) apart: 1/3 wins', row([q(3002399751580330n, P53 - 1n), q(1, 3)]), q(1, 3)],
    ['safe fractions 2/(3(2^53 − 1)) apart: the other wins', row([q(3002399751580331n, P53 - 1n), q(1, 3)]), q(3002399751580331n, P53 - 1n)],
    [
      'a safe near-tie in the sums of both parts',
      row([q(1, 3), q(3002399751580331n, P53 - 1n)], [q(-1, 3), q(1, 3)]),
      radd(q(3002399751580331n, P53 - 1n), q(1, 3)),
    ],
    // fl(fl(433/744) + fl(30/541)) exceeds fl(B) though B is larger by 2.8e-19: B must still be found
    [
      'a sum rounded above a larger single entry',
      row([q(433, 744), q(130490184534959n, 204709073971381n)], [q(30, 541), RZERO]),
      q(130490184534959n, 204709073971381n),
    ],
    ['… the same, larger', row([q(783, 449), q(6552874485783491n, 1801439850948085n)], [q(481, 254), RZERO]), q(6552874485783491n, 1801439850948085n)],
    ['a numerator beyond 2^53 (not screened) wins', row([q(1), q(P53 + 1n, P53)]), q(P53 + 1n, P53)],
    ['a denominator beyond 2^53 (not screened) loses', row([q(1, 2), q(P53 - 1n, 2n * P53 + 1n)]), q(1, 2)],
    ['huge and tiny', row([q(10n ** 40n, 3), q(1n, 10n ** 40n)], [q(1, 3), q(1)]), q(10n ** 40n + 1n, 3)],
    ['the largest safe numerator and denominator', row([q(P53 - 1n, P53 - 2n), q(P53 - 2n, P53 - 3n)]), q(P53 - 2n, P53 - 3n)],
  ] as const)('%s', (_, Q, expected) => {
    expect(maxEntrySum(Q)).toEqual(expected);
    expect(referenceMax(Q)).toEqual(expected);
  });

  it('equals the reference on seeded matrices of near-equal, small, huge and mixed entries', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 40 }), (seed, m) => {
        const rng = new Rng(seed, ['max-entry-sum']);
        const base = q(rng.int(1, 2 ** 29), rng.int(2 ** 29, 2 ** 30));
        // c/d nearest base with d up to 2^53: safe, and within about a float64 rounding of base
        const near = (): Rational => {
          const d = BigInt(rng.int(2 ** 21, 2 ** 22)) * BigInt(rng.int(2 ** 30, 2 ** 31 - 1));
          return q((base.num * d) / base.den + BigInt(rng.int(-1, 1)), d);
        };
        const entry = (): Rational => {
          switch (rng.int(0, 7)) {
            case 0:
              return RZERO;
            case 1: // the base value moved by far less than a float64 rounding (not screened: den > 2^53)
              return radd(base, q(randomBig(rng, 8), 2n ** 70n));
            case 6:
            case 7:
              return rng.int(0, 1) === 0 ? base : near();
            case 2:
              return q(randomBig(rng, 52), BigInt(rng.int(1, 2 ** 31)) * BigInt(rng.int(1, 2 ** 22)));
            case 3: // beyond 2^53
              return q(randomBig(rng, 90), randomBig(rng, 70) * 2n + 1n);
            default:
              return q(randomBig(rng, 20), BigInt(rng.int(1, 1000)));
          }
        };
        const re = Array.from({ length: m }, entry);
        const im = Array.from({ length: m }, entry);
        const Q = row(re, im);
        expect(maxEntrySum(Q)).toEqual(referenceMax(Q));
      }),
      fcParams('maxEntrySum against rational comparisons', 300),
    );
  });
});

describe('checkDensityExact: unit trace decided exactly', () => {
  const L = P53 - 1n; // the largest safe common denominator
  it.each([
    ['1/2 + 1/2', [q(1, 2), q(1, 2)], true],
    ['sums reaching the largest safe denominator', [q(L - 3n, L), q(2, L)], false],
    ['… and exactly one there', [q(L - 3n, L), q(2, L), q(1, L)], true],
    ['an integer sum of 2^53 over L (beyond the float64 screen)', [q(L - 1n, L), q(2, L)], false],
    ['coprime denominators whose product passes 2^53', [q(1n, P53 - 1n), q(P53 - 2n, P53 - 1n), q(1, 3), q(-1, 3)], true],
    ['a denominator beyond 2^53', [q(P53, P53 + 1n), q(1n, P53 + 1n)], true],
    ['off by 1/2^80', [q(1, 2), radd(q(1, 2), q(1n, 2n ** 80n))], false],
    ['negative entries', [q(3, 2), q(-1, 2)], true],
    ['numerators beyond 2^53', [q(P53 * 3n, P53 * 2n + 1n), q(-(P53 + 1n), P53 * 2n + 1n)], false],
  ] as const)('%s', (_, d, one) => {
    expect(traceIsOne([...d])).toBe(one);
    const message = traceRefusal([...d]);
    if (one) expect(message).toBeNull();
    else expect(message).toMatch(/^ρ has trace .*, not 1 \(off by .*, tolerance 0\)$/);
  });

  it('a trace off by less than the tolerance passes, by more is refused', () => {
    expect(traceRefusal([q(1, 2), radd(q(1, 2), q(1, 10 ** 9))], 1e-6)).toBeNull();
    expect(traceRefusal([q(1, 2), q(1, 3)], 0.1)).toBe('ρ has trace 0.833333, not 1 (off by -1.667e-1, tolerance 0.1)');
  });

  it('agrees with the exact rational sum on seeded diagonals (shared, coprime and huge denominators)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 12 }), (seed, n) => {
        const rng = new Rng(seed, ['unit-trace']);
        const dens = [BigInt(rng.int(1, 2 ** 20)), BigInt(rng.int(1, 2 ** 26)) * 2n, P53 - BigInt(rng.int(1, 9)), 2n ** 70n + 1n];
        const d = Array.from({ length: n - 1 }, () => q(randomBig(rng, rng.int(1, 60)), dens[rng.int(0, rng.int(0, 1) === 0 ? 1 : 3)]));
        const last = rsub(RONE, d.reduce(radd, RZERO));
        // exactly one, or off by a little: 1/den, or less than a float64 rounding of the sum
        const off = [RZERO, q(1, dens[0]), q(-1, dens[2]), q(1n, 2n ** 60n)][rng.int(0, 3)];
        const diag = [...d, radd(last, off)];
        expect(traceRefusal(diag) === null).toBe(traceIsOne(diag));
      }),
      fcParams('unit trace against the rational sum', 300),
    );
  });
});

describe('the screens on a matrix (not only a diagonal)', () => {
  it('maxEntrySum sees the imaginary parts and every entry of a seeded 12×12 matrix', () => {
    const rng = new Rng(7, ['max-entry-sum-matrix']);
    const n = 12;
    const re = Array.from({ length: n * n }, () => q(randomBig(rng, 12), BigInt(rng.int(1, 97))));
    const im = Array.from({ length: n * n }, () => q(randomBig(rng, 12), BigInt(rng.int(1, 97))));
    const Q: RationalMatrix = { rows: n, cols: n, re, im, hasFloatEntries: false };
    expect(maxEntrySum(Q)).toEqual(referenceMax(Q));
    expect(rcmp(maxEntrySum(Q), RZERO)).toBe(1);
  });
});

describe('positivity of exact input: the rounding allowance still counts when it decides', () => {
  // diag(1 + δ, −δ): λ_min = −δ; at 50 digits the allowance 2n·ε·max|ρ_ij| is 2·2·(½·10^-49)·(1 + δ) ≈ 2e-49
  const state = (k: number) => diagonal([radd(RONE, q(1n, 10n ** BigInt(k))), rsub(RZERO, q(1n, 10n ** BigInt(k)))]);
  const D = decimalField(50);
  it('λ_min = −10^-51, inside the allowance (and below −bound): accepted', () => {
    expect(() => ergotropyOfExactState(D, state(51), { qubits: 1, omega: RONE })).not.toThrow();
  });
  it('λ_min = −10^-48, beyond it: refused, with the same message as ever', () => {
    expect(() => ergotropyOfExactState(D, state(48), { qubits: 1, omega: RONE }, { what: 'ρ' })).toThrow(
      /^ρ is not positive semidefinite: smallest eigenvalue -1e-48 \(certified to ±.*, tolerance 0\)$/,
    );
  });
});
