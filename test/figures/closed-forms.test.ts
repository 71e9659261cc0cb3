import { describe, expect, it } from 'vitest';
import { groundSteadyCoherence, groundSteadyErgotropy, twoQubitSteadyCoherence, twoQubitErgotropy } from '../../src/figures/closed-forms.js';
import { fig1Points, fig2Rows, FIG1_BETAS } from '../../src/figures/fig12.js';
import { float64 as F } from '../../src/numeric/float64.js';
import { twoQubitCollectiveSteadyState } from '../../src/physics/states.js';
import { l1Coherence } from '../../src/physics/coherence.js';

// Tolerances: the computed points carry a few hundred roundings of O(1) numbers (exact map, eigh,
// sums over ≤ 4096 entries); the closed forms near r = 1 lose up to ~1e-13 to cancellation in
// r^{N+1} − 1 (β = 0.3). 1e-11 absolute is far above both and far below any plotted difference.
const TOL = 1e-11;

describe('closed forms: edge rows first', () => {
  it('Eq. (8) vanishes at c = Z₊/Z and is 1 at c = 0 for every β', () => {
    for (const beta of [0, 0.01, 1, 10]) {
      const y = Math.exp(-beta);
      expect(twoQubitSteadyCoherence(0, beta, 1)).toBe(1);
      expect(twoQubitSteadyCoherence((1 + y + y * y) / (1 + y) ** 2, beta, 1)).toBeLessThan(1e-15);
    }
  });
  it('two-qubit W reduces to Eq. (12) at β = 0 and Eq. (11) at large β; ωy²/Z₊ at c = 1 (not Eq. (10)’s ω/Z₊)', () => {
    for (const c of [0, 0.25, 0.5, 0.75, 0.9, 1]) {
      expect(twoQubitErgotropy(c, 0, 1)).toBeCloseTo(Math.abs(1 - (4 * c) / 3), 15);
      expect(twoQubitErgotropy(c, 60, 1)).toBeCloseTo(Math.max(0, 1 - 2 * c), 15);
    }
    const y = Math.exp(-1);
    expect(twoQubitErgotropy(1, 1, 1)).toBeCloseTo((y * y) / (1 + y + y * y), 15);
  });
  it('Eqs. (15)–(16) approach their β = 0 values continuously', () => {
    for (let N = 2; N <= 7; N++) {
      expect(groundSteadyCoherence(N, 1e-6, 1)).toBeCloseTo(groundSteadyCoherence(N, 0, 1), 4);
      expect(groundSteadyErgotropy(N, 1e-6, 1)).toBeCloseTo(groundSteadyErgotropy(N, 0, 1), 4);
    }
  });
});

describe('Fig. 1 points (exact map + numeric layer) against Eq. (8) and the two-qubit closed form', () => {
  const pts = fig1Points(1, 40);
  it('covers c ∈ [0, 1] for β = 0.01, 1, 10', () => {
    expect(pts).toHaveLength(3 * 41);
    expect([...new Set(pts.map((p) => p.beta))]).toEqual([...FIG1_BETAS]);
  });
  it.each(pts.map((p) => [p.beta, p.c, p] as const))('β = %s, c = %s', (beta, c, p) => {
    expect(Math.abs(p.Cl1 - twoQubitSteadyCoherence(c, beta, 1)), `C_l1 ${p.Cl1} vs Eq. (8)`).toBeLessThan(TOL);
    expect(Math.abs(p.W - twoQubitErgotropy(c, beta, 1)), `W ${p.W} vs closed form`).toBeLessThan(TOL);
    expect(Math.abs(p.Cl1 - l1Coherence(F, twoQubitCollectiveSteadyState(F, { beta, omega: 1, c })))).toBeLessThan(TOL);
  });
  it('ω ≠ 1 scales W and keeps C_l1 (β·ω is what matters)', () => {
    const p = fig1Points(2.5, 4, [0.4]);
    for (const q of p) {
      expect(Math.abs(q.Cl1 - twoQubitSteadyCoherence(q.c, 0.4, 2.5))).toBeLessThan(TOL);
      expect(Math.abs(q.W - twoQubitErgotropy(q.c, 0.4, 2.5))).toBeLessThan(TOL);
    }
  });
});

describe('Fig. 2 rows against (2^N − N − 1)/(N + 1), N(N − 1)/(2(N + 1)) and Eqs. (15)–(16)', () => {
  for (const beta of [0, 0.3, 1, 5]) {
    it(`β = ${beta}, N = 2 … 6`, () => {
      for (const r of fig2Rows(beta, 1, 6)) {
        expect(Math.abs(r.Cl1 - groundSteadyCoherence(r.N, beta, 1)), `N=${r.N} C_l1`).toBeLessThan(TOL * 10);
        expect(Math.abs(r.W - groundSteadyErgotropy(r.N, beta, 1)), `N=${r.N} W`).toBeLessThan(TOL * 10);
      }
    });
  }
  it('β = 0 values are the printed limits exactly in form', () => {
    for (const r of fig2Rows(0, 1, 6)) {
      expect(r.Cl1).toBeCloseTo((2 ** r.N - r.N - 1) / (r.N + 1), 11);
      expect(r.W).toBeCloseTo((r.N * (r.N - 1)) / (2 * (r.N + 1)), 11);
    }
  });
});
