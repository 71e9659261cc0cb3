import { describe, expect, it } from 'vitest';
import { groundSteadyCoherence, groundSteadyErgotropy, twoQubitSteadyCoherence, twoQubitErgotropy } from '../../src/figures/closed-forms.js';
import { twoQubitCurves, groundStateRows, TWO_QUBIT_CURVE_BETAS } from '../../src/figures/steady-state-curves.js';
import { float64 as F } from '../../src/numeric/float64.js';
import { twoQubitCollectiveSteadyState } from '../../src/physics/states.js';
import { l1Coherence } from '../../src/physics/coherence.js';

// Tolerances: the computed points carry a few hundred roundings of O(1) numbers (exact map, eigh,
// sums over ≤ 4096 entries); the closed forms near r = 1 lose up to ~1e-13 to cancellation in
// r^{N+1} − 1 (β = 0.3). 1e-11 absolute is far above both and far below any plotted difference.
const TOL = 1e-11;

describe('two-qubit curves (exact map + numeric layer) against the two-qubit closed forms', () => {
  const pts = twoQubitCurves(1, 40);
  it('covers c ∈ [0, 1] for β = 0.01, 1, 10', () => {
    expect(pts).toHaveLength(3 * 41);
    expect([...new Set(pts.map((p) => p.beta))]).toEqual([...TWO_QUBIT_CURVE_BETAS]);
  });
  it.each(pts.map((p) => [p.beta, p.c, p] as const))('β = %s, c = %s', (beta, c, p) => {
    expect(Math.abs(p.Cl1 - twoQubitSteadyCoherence(c, beta, 1)), `C_l1 ${p.Cl1} vs Eq. (8)`).toBeLessThan(TOL);
    expect(Math.abs(p.W - twoQubitErgotropy(c, beta, 1)), `W ${p.W} vs closed form`).toBeLessThan(TOL);
    expect(Math.abs(p.Cl1 - l1Coherence(F, twoQubitCollectiveSteadyState(F, { beta, omega: 1, c })))).toBeLessThan(TOL);
  });
  it('ω ≠ 1 scales W and keeps C_l1 (β·ω is what matters)', () => {
    const p = twoQubitCurves(2.5, 4, [0.4]);
    for (const q of p) {
      expect(Math.abs(q.Cl1 - twoQubitSteadyCoherence(q.c, 0.4, 2.5))).toBeLessThan(TOL);
      expect(Math.abs(q.W - twoQubitErgotropy(q.c, 0.4, 2.5))).toBeLessThan(TOL);
    }
  });
});

describe('ground-state rows against (2^N − N − 1)/(N + 1), N(N − 1)/(2(N + 1)) and Eqs. (15)–(16)', () => {
  for (const beta of [0, 0.3, 1, 5]) {
    it(`β = ${beta}, N = 2 … 6`, () => {
      for (const r of groundStateRows(beta, 1, 6)) {
        expect(Math.abs(r.Cl1 - groundSteadyCoherence(r.N, beta, 1)), `N=${r.N} C_l1`).toBeLessThan(TOL * 10);
        expect(Math.abs(r.W - groundSteadyErgotropy(r.N, beta, 1)), `N=${r.N} W`).toBeLessThan(TOL * 10);
      }
    });
  }
  it('β = 0 values are the printed limits exactly in form', () => {
    for (const r of groundStateRows(0, 1, 6)) {
      expect(r.Cl1).toBeCloseTo((2 ** r.N - r.N - 1) / (r.N + 1), 11);
      expect(r.W).toBeCloseTo((r.N * (r.N - 1)) / (2 * (r.N + 1)), 11);
    }
  });
});
