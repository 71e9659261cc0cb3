import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { Rng } from '../../src/random/rng.js';
import { probeIdentity, type ProbeOptions } from '../../src/symbolic/probe.js';
import { eq15Sum } from '../../bench/symbolic.bench.js';

const RANGES: ProbeOptions['ranges'] = {
  c: { lo: 0, hi: 0.5 },
  beta: { lo: 0.01, hi: 5 },
  omega: { lo: 0.2, hi: 3 },
  r: { lo: 0.05, hi: 0.95 },
  N: { lo: 1, hi: 12, integer: true },
};
const opts = (seed: string, extra: Partial<ProbeOptions> = {}): ProbeOptions => ({ rng: new Rng(seed), ranges: RANGES, ...extra });

const EQ10 = 'omega*(1 - c*(1 + 3*cosh(beta*omega) + sinh(beta*omega))/(1 + 2*cosh(beta*omega)))';
const EQ10_EXP = 'omega*(1 - c - c*exp(2*beta*omega)/(1 + exp(beta*omega) + exp(2*beta*omega)))';

describe('probe: what it refuses', () => {
  it.each<[string, () => unknown, RegExp]>([
    ['a variable without a range', () => probeIdentity('c + d', 'c', opts('x')), /no range declared for the variable "d"/],
    ['a precision below 50 digits', () => probeIdentity('c', 'c', opts('x', { precision: 30 })), /precision must be an integer ≥ 50/],
    ['zero points', () => probeIdentity('c', 'c', opts('x', { points: 0 })), /points must be a positive integer/],
    ['an empty range', () => probeIdentity('c', 'c', opts('x', { ranges: { c: { lo: 1, hi: 1 } } })), /range of "c" is empty/],
    [
      'an ω range without 1',
      () => probeIdentity('omega', 'omega', opts('x', { ranges: { omega: { lo: 2, hi: 3 } } })),
      /must contain 1 and values other than 1/,
    ],
    [
      'an ω range that is only 1',
      () => probeIdentity('omega', 'omega', opts('x', { ranges: { omega: { lo: 0, hi: 1 } } })),
      /must contain 1 and values other than 1/,
    ],
    [
      'an integer range with fractional ends',
      () => probeIdentity('N', 'N', opts('x', { ranges: { N: { lo: 0.5, hi: 3, integer: true } } })),
      /needs integer ends/,
    ],
  ])('refuses %s', (_what, f, message) => {
    expect(f).toThrow(InputError);
    expect(f).toThrow(message);
  });
});

describe('probe: rejects wrong identities', () => {
  it('Eq. (10) with the factor ω dropped: invisible at ω = 1, caught at ω ≠ 1', () => {
    const r = probeIdentity(EQ10, EQ10.replace(/^omega\*/, ''), opts('drop-omega'));
    expect(r.pass).toBe(false);
    expect(r.omegaCovered).toBe(true);
    const atOne = r.points.filter((p) => p.at.omega === '1');
    expect(atOne).toHaveLength(1);
    expect(atOne[0].pass).toBe(true); // the ω = 1 point alone would have passed
    expect(r.points.filter((p) => p.at.omega !== '1').every((p) => !p.pass)).toBe(true);
  });
  it('Eq. (10) with the sign of sinh flipped', () => {
    const r = probeIdentity(EQ10, EQ10.replace('+ sinh', '- sinh'), opts('flip'));
    expect(r.pass).toBe(false);
    expect(Number(r.maxRelDeviation)).toBeGreaterThan(1e-6);
  });
  it('Eq. (15) with r^(N+1) → r^N', () => {
    const r = probeIdentity('(r - 1)*(r + 1)^N/(r^(N + 1) - 1) - 1', '(r - 1)*(r + 1)^N/(r^N - 1) - 1', opts('eq15'));
    expect(r.pass).toBe(false);
  });
  it('a difference of 1e-30 relative is still caught at 50 digits', () => {
    const r = probeIdentity('c + 1', 'c + 1 + 1e-30', opts('tiny'));
    expect(r.pass).toBe(false);
  });
  it('a point where a side is undefined fails the probe with the reason', () => {
    const r = probeIdentity('sqrt(c - 1)', 'sqrt(c - 1)', opts('domain'));
    expect(r.pass).toBe(false);
    expect(r.points[0].error).toMatch(/sqrt of a negative number/);
  });
});

describe('probe: accepts true identities', () => {
  it('Eq. (10), cosh/sinh form vs exponential form', () => {
    const r = probeIdentity(EQ10, EQ10_EXP, opts('eq10'));
    expect(r.pass, JSON.stringify(r.points.filter((p) => !p.pass))).toBe(true);
    expect(r.precision).toBe(50);
    expect(r.tolerance).toBe('1e-40');
    expect(r.points).toHaveLength(7);
    expect(r.points.filter((p) => p.at.omega === '1')).toHaveLength(1);
  });
  it('Eq. (8) inside the absolute value, with Z and Z+ as definitions', () => {
    const r = probeIdentity('abs(c*Z/Zp - 1)', 'abs(-1 + c + c/(1 + 2*cosh(beta*omega)))', {
      ...opts('eq8'),
      ranges: { ...RANGES, c: { lo: 0, hi: 1 } },
      definitions: { Z: '1 + 2*exp(-omega*beta) + exp(-2*omega*beta)', Zp: '1 + exp(-omega*beta) + exp(-2*omega*beta)' },
    });
    expect(r.pass).toBe(true);
  });
  it('Eq. (15), sum vs closed form, at a random N in [1, 12] (no ω: no ω points)', () => {
    const N = 9;
    const { sum, closed } = eq15Sum(N);
    const r = probeIdentity(sum, closed, { ...opts('eq15-true', { ranges: { r: RANGES.r } }), definitions: { N: String(N) } });
    expect(r.pass).toBe(true);
    expect(r.omegaCovered).toBe(false);
    expect(r.points).toHaveLength(6);
  });
  it('at 80 digits too', () => {
    const r = probeIdentity(EQ10, EQ10_EXP, opts('eq10-80', { precision: 80, points: 3 }));
    expect(r.pass).toBe(true);
    expect(r.workingDigits).toBe(100);
    expect(r.points[1].lhs.replace(/^-?0\.0*/, '').replace('.', '').length).toBeGreaterThanOrEqual(70);
  });
});

describe('probe: reproducible points', () => {
  it('the same seed gives the same points; another seed other points', () => {
    const a = probeIdentity(EQ10, EQ10_EXP, opts('seed-1'));
    const b = probeIdentity(EQ10, EQ10_EXP, opts('seed-1'));
    const c = probeIdentity(EQ10, EQ10_EXP, opts('seed-2'));
    expect(b.points.map((p) => p.at)).toEqual(a.points.map((p) => p.at));
    expect(c.points.map((p) => p.at)).not.toEqual(a.points.map((p) => p.at));
  });
  it('points lie in their declared ranges, integers are integers', () => {
    const r = probeIdentity('omega*N + c', 'c + N*omega', opts('ranges', { points: 20 }));
    for (const p of r.points) {
      const [n, d] = p.at.N.split('/');
      expect(d).toBeUndefined();
      expect(Number(n)).toBeGreaterThanOrEqual(1);
      expect(Number(n)).toBeLessThanOrEqual(12);
      const c = p.at.c.split('/').map(Number);
      expect(c.length === 1 ? c[0] : c[0] / c[1]).toBeLessThan(0.5);
    }
    expect(r.pass).toBe(true);
  });
});
