/**
 * The decimal end of the ergotropy assembly: a decimal population is rounded into the caller's
 * field from its string (one toSignificantDigits), which must give the value the exact fraction
 * divided out gives (both correctly rounded, ties to even); certifiedErgotropy's results are the
 * same for decimal populations and for the same values as exact fractions; the levels of an exact
 * ergotropy are rounded when read, once.
 *
 * Order: the rounding identity on edge rows (ties, carries, negative, tiny and huge) and seeded
 * strings; then certifiedErgotropy both ways; then the levels.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalField } from '../../src/numeric/decimal.js';
import { parseUnreduced } from '../../src/numeric/fixed.js';
import { parseRational } from '../../src/numeric/rational.js';
import { ergotropyOfExactState, workingField } from '../../src/physics/ergotropy.js';
import { certifiedErgotropy } from '../../src/physics/passive-energy.js';
import { Rng } from '../../src/random/rng.js';
import { fcParams } from '../arbitraries.js';

/** fromString(s) and fromRational(exact s) in decimalField(p): the same value and the same string. */
function expectSameRounding(s: string, p: number): void {
  const D = decimalField(p);
  const byString = D.fromString(s);
  const byDivision = D.fromRational(parseUnreduced(s));
  expect(byString.eq(byDivision)).toBe(true);
  expect(byString.toString()).toBe(byDivision.toString());
}

describe('a decimal rounded from its string equals the exact fraction divided out', () => {
  it.each([
    ['0.125', 2], // a tie: to even, 0.12
    ['0.135', 2], // a tie: to even, 0.14
    ['-0.125', 2],
    ['0.99999', 3], // the carry makes a new leading digit
    ['-9.9995', 4],
    ['1.5e-90', 1], // tie, tiny
    ['2.5e+40', 1], // tie, huge
    ['0', 5],
    ['0.0000000000000000000000000000000000000000000000000123456789012345678901234567890123456789', 50],
    ['3.000000000000000000000000000000000000000000000000049999999999', 50],
    ['3.000000000000000000000000000000000000000000000000050000000000', 50],
    ['3.000000000000000000000000000000000000000000000000150000000000', 50],
  ] as const)('%s at %i digits', (s, p) => expectSameRounding(s, p));

  it('on seeded strings of 1 to 90 digits, both signs, exponents of both signs, ties included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 70 }), (seed, p) => {
        const rng = new Rng(seed, ['decimal-rounding']);
        const length = rng.int(1, 90);
        let digits = String(rng.int(1, 9));
        for (let k = 1; k < length; k++) digits += String(rng.int(0, 9));
        // a tie at digit p + 1 now and then
        if (rng.int(0, 2) === 0 && length > p) digits = digits.slice(0, p) + '5' + '0'.repeat(length - p - 1);
        const point = rng.int(0, length);
        const s = `${rng.int(0, 1) === 0 ? '-' : ''}${digits.slice(0, point) || '0'}.${digits.slice(point) || '0'}e${rng.int(-60, 60)}`;
        expectSameRounding(s, p);
      }),
      fcParams('decimal fromString against fromRational', 500),
    );
  });
});

describe('certifiedErgotropy: decimal populations and their exact fractions give the same results', () => {
  it('on seeded spectra at 30 and 50 digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom(30, 50), (seed, n, p) => {
        const rng = new Rng(seed, ['assembly-both-ways']);
        const W = workingField(p);
        const D = decimalField(p);
        // populations with more digits than D keeps (as the working field gives them)
        const pops = Array.from({ length: n }, () => W.fromRational(parseRational(`${rng.int(-5, 10 ** 6)}/${rng.int(1, 10 ** 6)}`)));
        const levels = Array.from({ length: n }, () => parseRational(`${rng.int(-9, 9)}/${rng.int(1, 7)}`));
        // an energy far above any passive energy of these spectra (|r| ≤ 10^6 · 12, |ε| ≤ 9)
        const energy = { value: parseRational('1000000000'), bound: parseRational('1/10000000000000000000000000000000000000000') };
        const bound = parseRational('1/1000000000000000000000000000000000000000000000000000');
        const a = certifiedErgotropy(D, energy, { values: pops, bound }, { values: levels, bound: parseRational('0') });
        const b = certifiedErgotropy(
          D,
          energy,
          { values: pops.map((x) => parseUnreduced(x.toString())), bound },
          { values: levels, bound: parseRational('0') },
        );
        expect(a.populations.map(String)).toEqual(b.populations.map(String));
        expect(String(a.populationBound)).toBe(String(b.populationBound));
        expect([a.ergotropy, a.errorBound, a.passiveEnergy].map(String)).toEqual([b.ergotropy, b.errorBound, b.passiveEnergy].map(String));
      }),
      fcParams('certifiedErgotropy decimal and exact populations', 60),
    );
  });
});

describe('levels of an exact ergotropy', () => {
  it('are H0’s levels ω·m, increasing, rounded into D when read, the same array each time', () => {
    const D = decimalField(20);
    const q = (s: string) => parseRational(s);
    const z = q('0');
    // the maximally mixed state of 2 qubits, ω = 1/3
    const Q = {
      rows: 4,
      cols: 4,
      re: [q('1/4'), z, z, z, z, q('1/4'), z, z, z, z, q('1/4'), z, z, z, z, q('1/4')],
      im: new Array(16).fill(z),
      hasFloatEntries: false,
    };
    const r = ergotropyOfExactState(D, Q, { qubits: 2, omega: q('1/3') });
    expect(r.levels.map(String)).toEqual(['0', '0.33333333333333333333', '0.33333333333333333333', '0.66666666666666666667']);
    expect(r.levels).toBe(r.levels);
    expect(r.ergotropy.abs().lte(r.errorBound)).toBe(true);
  });
});
