/**
 * certifiedErgotropy (src/physics/passive-energy.ts): the rigorous assembly of passive energy and
 * ergotropy from certified spectra. Order: refusals; hand cases; the bound formula; a property
 * with spectra perturbed by known amounts, checked exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InternalError } from '../../src/errors.js';
import { decimalField } from '../../src/numeric/decimal.js';
import { float64 } from '../../src/numeric/float64.js';
import { exactValue } from '../../src/numeric/exact-bounds.js';
import { parseRational, rabs, radd, rational, rcmp, rmul, rsub, type Rational } from '../../src/numeric/rational.js';
import { certifiedErgotropy } from '../../src/physics/passive-energy.js';
import { fcParams } from '../arbitraries.js';

const D = decimalField(30);
const q = (s: string): Rational => parseRational(s);
const exact = { value: q('1'), bound: q('0') };

describe('refusals', () => {
  it('populations and levels of different lengths', () =>
    expect(() => certifiedErgotropy(D, exact, { values: [q('1')], bound: q('0') }, { values: [q('0'), q('1')], bound: q('0') })).toThrow(
      /1 populations but 2 levels/,
    ));
  it('a negative bound', () =>
    expect(() => certifiedErgotropy(D, exact, { values: [q('1')], bound: q('-1/10') }, { values: [q('0')], bound: q('0') })).toThrow(/negative/));
  it('an energy below the passive energy by more than the bounds (impossible for true inputs)', () =>
    expect(() =>
      certifiedErgotropy(D, { value: q('0'), bound: q('1/100') }, { values: [q('1/2'), q('1/2')], bound: q('0') }, { values: [q('1'), q('2')], bound: q('0') }),
    ).toThrow(InternalError));
});

describe('hand cases', () => {
  it('exact spectra and energy: exact results, zero bounds except the rounding into the field', () => {
    // ρ with eigenvalues 2/3, 1/3; levels 0, 1 → passive energy 1/3; energy 1 → W = 2/3
    const r = certifiedErgotropy(D, exact, { values: [q('1/3'), q('2/3')], bound: q('0') }, { values: [q('1'), q('0')], bound: q('0') });
    expect(r.exact.passiveEnergy).toEqual(q('1/3'));
    expect(r.exact.ergotropy).toEqual(q('2/3'));
    expect(r.exact.bound.ergotropy).toEqual(q('0'));
    // 2/3 rounded to 30 digits: the bound is exactly that rounding, rounded up to 6 digits
    expect(r.ergotropy.toString()).toBe('0.666666666666666666666666666667');
    const err = rabs(rsub(exactValue(D, r.ergotropy), q('2/3')));
    expect(rcmp(err, exactValue(D, r.ergotropyBound)) <= 0).toBe(true);
    expect(rcmp(exactValue(D, r.ergotropyBound), rmul(err, q('1.00001'))) <= 0).toBe(true);
    expect(r.populations.map(String)).toEqual(['0.666666666666666666666666666667', '0.333333333333333333333333333333']);
  });

  it('the passive-energy bound is βr·Σ(|ε̃| + βε) + βε·Σ|r̃|, exactly', () => {
    const r = certifiedErgotropy(
      D,
      { value: q('3'), bound: q('1/1000') },
      { values: [q('1/4'), q('3/4')], bound: q('1/100') },
      { values: [q('-2'), q('5')], bound: q('1/10') },
    );
    const expected = radd(rmul(q('1/100'), radd(q('7'), rmul(q('2'), q('1/10')))), rmul(q('1/10'), q('1')));
    expect(r.exact.bound.passiveEnergy).toEqual(expected);
    expect(r.exact.bound.ergotropy).toEqual(radd(expected, q('1/1000')));
    expect(r.exact.passiveEnergy).toEqual(radd(rmul(q('3/4'), q('-2')), rmul(q('1/4'), q('5'))));
  });

  it('float64 fields: results and bounds in float64, the bound ≥ the exact error', () => {
    const r = certifiedErgotropy(float64, { value: 0.1, bound: 0 }, { values: [0.7, 0.3], bound: 1e-17 }, { values: [0, 1 / 3], bound: 0 });
    const trueW = rsub(exactValue(float64, 0.1), rmul(exactValue(float64, 0.3), exactValue(float64, 1 / 3)));
    expect(rcmp(rabs(rsub(exactValue(float64, r.ergotropy), trueW)), exactValue(float64, r.ergotropyBound)) <= 0).toBe(true);
  });
});

describe('property: true values within the bounds for spectra perturbed by at most their bounds', () => {
  it('holds for every returned value', () => {
    const n = fc.integer({ min: 1, max: 8 });
    const small = fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 97 })).map(([a, b]) => rational(BigInt(a), BigInt(b)));
    const arb = n.chain((k) =>
      fc.tuple(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: k, maxLength: k }),
        fc.array(small, { minLength: k, maxLength: k }),
        fc.array(fc.integer({ min: -10, max: 10 }), { minLength: 2 * k, maxLength: 2 * k }),
        fc.integer({ min: 20, max: 35 }),
        fc.integer({ min: 18, max: 30 }),
      ),
    );
    fc.assert(
      fc.property(arb, ([w, levels, shifts, digits, k]) => {
        const total = w.reduce((a, b) => a + b, 0) || 1;
        const r = w.map((x) => rational(BigInt(x), BigInt(total)));
        const beta = rational(1n, 10n ** BigInt(k));
        // computed values: true ones moved by at most β (multiples of β/10)
        const rt = r.map((x, i) => radd(x, rmul(beta, rational(BigInt(shifts[i]), 10n))));
        const et = levels.map((x, i) => radd(x, rmul(beta, rational(BigInt(shifts[r.length + i]), 10n))));
        const energy = r.reduce((a, x, i) => radd(a, rmul(x, levels[(i * 3) % levels.length])), rational(0n));
        const trueP = [...r].sort((a, b) => rcmp(b, a)).reduce((a, x, i) => radd(a, rmul(x, [...levels].sort(rcmp)[i])), rational(0n));
        // an energy that is ≥ the passive energy: the passive energy plus a nonnegative amount
        const E = rcmp(energy, trueP) >= 0 ? energy : trueP;
        const F = decimalField(digits);
        const c = certifiedErgotropy(F, { value: E, bound: rational(0n) }, { values: rt, bound: beta }, { values: et, bound: beta });
        const within = (x: Rational, t: Rational, b: Rational) => rcmp(rabs(rsub(x, t)), b) <= 0;
        const B = exactValue(F, c.errorBound);
        expect(within(exactValue(F, c.passiveEnergy), trueP, exactValue(F, c.passiveEnergyBound))).toBe(true);
        expect(within(exactValue(F, c.ergotropy), rsub(E, trueP), exactValue(F, c.ergotropyBound))).toBe(true);
        expect(within(exactValue(F, c.ergotropy), rsub(E, trueP), B)).toBe(true);
        const rs = [...r].sort((a, b) => rcmp(b, a));
        c.populations.forEach((x, i) => expect(within(exactValue(F, x), rs[i], exactValue(F, c.populationBound))).toBe(true));
      }),
      fcParams('certifiedErgotropy', 400),
    );
  });
});
