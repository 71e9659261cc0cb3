import { describe, expect, it } from 'vitest';
import { float64 as F } from '../../src/numeric/float64.js';
import { collectiveCoupling } from '../../src/physics/lindblad.js';
import { collectiveSteadyState } from '../../src/physics/steady-state.js';
import { ergotropy } from '../../src/physics/ergotropy.js';
import { l1Coherence } from '../../src/physics/coherence.js';
import { h0 } from '../../src/physics/qubits.js';
import { SteadyKernel, kernelBasis } from '../../src/physics/steady-kernel.js';
import { sampleDensity, sampleFactor, sampleReduced } from '../../src/figures/samples.js';
import { groundSteadyCoherence, groundSteadyErgotropy } from '../../src/figures/closed-forms.js';
import { ENSEMBLES } from '../../src/random/ensembles.js';

describe('SteadyKernel refuses what it cannot do', () => {
  it('r = 0 (β = ∞) and r > 1', () => {
    expect(() => new SteadyKernel(3, 0, 1)).toThrow(/r = e\^\(−βω\) must lie in \(0, 1\]/);
    expect(() => new SteadyKernel(3, 1.5, 1)).toThrow(RangeError);
  });
  it('ω ≤ 0', () => expect(() => new SteadyKernel(3, 1, 0)).toThrow(/ω must be finite and > 0/));
  it('N outside 1 … 14', () => expect(() => new SteadyKernel(15, 1, 1)).toThrow(/number of qubits must be an integer in \[1, 14\], got 15/));
  it('a factor of the wrong size', () =>
    expect(() => new SteadyKernel(3, 1, 1).evaluate({ m: 1, re: new Float64Array(4), im: new Float64Array(4) })).toThrow(/factor must be 8 × 1/));
});

describe('kernel basis', () => {
  it('levels are the excitation numbers with binomial multiplicity', () => {
    expect(Array.from(kernelBasis(3).levels)).toEqual([0, 1, 1, 1, 2, 2, 2, 3]);
  });
});

describe('the fast kernel equals the generic route (collectiveSteadyState + ergotropy + l1Coherence) to 1e-10', () => {
  // 1e-10: both routes are float64 with errors ≲ 1e-14 (measured ≤ 5e-15 for N ≤ 5): far below any plotted difference.
  for (const { name } of ENSEMBLES)
    for (const [beta, omega] of [
      [0, 1],
      [0.7, 1.3],
    ])
      it(`${name}, β = ${beta}, ω = ${omega}, N = 1 … 5, 3 samples each`, () => {
        for (let N = 1; N <= 5; N++) {
          const model = collectiveCoupling(F, N, { omega, beta, gamma0: 1, timeScale: 'normalised' });
          const k = new SteadyKernel(N, Math.exp(-beta * omega), omega);
          for (let i = 0; i < 3; i++) {
            const q = k.evaluateReduced(sampleReduced(k, name, 11, N, i));
            const rho = collectiveSteadyState(F, model, sampleDensity(name, 11, N, i)).rho;
            const c = l1Coherence(F, rho);
            const w = ergotropy(F, rho, h0(F, N, omega)).ergotropy;
            expect(Math.abs(q.Cl1 - c), `N=${N} sample ${i} C_l1 ${q.Cl1} vs ${c}`).toBeLessThan(1e-10);
            expect(Math.abs(q.W - w), `N=${N} sample ${i} W ${q.W} vs ${w}`).toBeLessThan(1e-10);
          }
        }
      });
  it('haar at N = 6 (pure-state path with wide families), 2 samples', () => {
    const N = 6;
    const model = collectiveCoupling(F, N, { omega: 1, beta: 0.2, gamma0: 1, timeScale: 'normalised' });
    const k = new SteadyKernel(N, Math.exp(-0.2), 1);
    for (let i = 0; i < 2; i++) {
      const q = k.evaluate(sampleFactor('haar', 3, N, i));
      const rho = collectiveSteadyState(F, model, sampleDensity('haar', 3, N, i)).rho;
      expect(Math.abs(q.Cl1 - l1Coherence(F, rho))).toBeLessThan(1e-10);
      expect(Math.abs(q.W - ergotropy(F, rho, h0(F, N, 1)).ergotropy)).toBeLessThan(1e-10);
    }
  });
  it('haar and hs at N = 7, β = 0 (sectors of odd size; the spin-flip symmetry halves the sectors evaluated), 1 sample each', () => {
    const N = 7;
    const model = collectiveCoupling(F, N, { omega: 1, beta: 0, gamma0: 1, timeScale: 'normalised' });
    const k = new SteadyKernel(N, 1, 1);
    for (const ens of ['haar', 'hs'] as const) {
      const q = k.evaluateReduced(sampleReduced(k, ens, 5, N, 0));
      const rho = collectiveSteadyState(F, model, sampleDensity(ens, 5, N, 0)).rho;
      expect(Math.abs(q.Cl1 - l1Coherence(F, rho))).toBeLessThan(1e-10);
      expect(Math.abs(q.W - ergotropy(F, rho, h0(F, N, 1)).ergotropy)).toBeLessThan(1e-10);
    }
  });
  it('the all-ground state gives Eqs. (15)–(16) up to N = 10', () => {
    for (const beta of [0, 0.5])
      for (let N = 2; N <= 10; N++) {
        const re = new Float64Array(2 ** N);
        re[2 ** N - 1] = 1;
        const q = new SteadyKernel(N, Math.exp(-beta), 1).evaluate({ m: 1, re, im: new Float64Array(2 ** N) });
        expect(Math.abs(q.Cl1 - groundSteadyCoherence(N, beta, 1)) / groundSteadyCoherence(N, beta, 1)).toBeLessThan(1e-11);
        expect(Math.abs(q.W - groundSteadyErgotropy(N, beta, 1)) / groundSteadyErgotropy(N, beta, 1)).toBeLessThan(1e-11);
      }
  });
});
