import { describe, expect, it } from 'vitest';
import { groundSteadyCoherence, groundSteadyErgotropy, twoQubitSteadyCoherence, twoQubitErgotropy } from '../../src/figures/closed-forms.js';

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
