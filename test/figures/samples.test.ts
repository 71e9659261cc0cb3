/**
 * The samples of Fig. 3 (src/figures/samples.ts): the reduced-state draws have the law of the
 * dense ensembles they stand for, and the kernel refuses malformed reduced states.
 */
import { describe, expect, it } from 'vitest';
import { float64 as F } from '../../src/numeric/float64.js';
import { collectiveCoupling } from '../../src/physics/lindblad.js';
import { collectiveSteadyState } from '../../src/physics/steady-state.js';
import { ergotropy } from '../../src/physics/ergotropy.js';
import { l1Coherence } from '../../src/physics/coherence.js';
import { h0 } from '../../src/physics/qubits.js';
import { SteadyKernel } from '../../src/physics/steady-kernel.js';
import { randomState } from '../../src/random/ensembles.js';
import { Rng } from '../../src/random/rng.js';
import { haarVectorFloat64, sampleReduced } from '../../src/figures/samples.js';
import { haarStateVector } from '../../src/random/haar.js';
import { stat } from '../../src/figures/random-state-statistics.js';

describe('hs samples (Wishart blocks) and bures samples (reflections drawn directly) have the laws of randomState (2000 samples each, 5 combined standard errors)', () => {
  // Independent route: dense states from src/random's generic generators, steady states by the generic map.
  for (const [ensemble, N, beta] of [
    ['hs', 2, 0],
    ['hs', 3, 0],
    ['hs', 3, 0.8],
    ['bures', 2, 0],
    ['bures', 3, 0.8],
  ] as const)
    it(`${ensemble}, N = ${N}, β = ${beta}: means of C_l1 and W, and their standard deviations to 10 %`, () => {
      const n = 2000;
      const model = collectiveCoupling(F, N, { omega: 1, beta, gamma0: 1, timeScale: 'normalised' });
      const H = h0(F, N, 1);
      const rng = new Rng(77);
      const dense = { Cl1: [] as number[], W: [] as number[] };
      for (let i = 0; i < n; i++) {
        const rho = collectiveSteadyState(F, model, randomState(F, rng, ensemble, 2 ** N)).rho;
        dense.Cl1.push(l1Coherence(F, rho));
        dense.W.push(ergotropy(F, rho, H).ergotropy);
      }
      const k = new SteadyKernel(N, Math.exp(-beta), 1);
      const blocks = { Cl1: [] as number[], W: [] as number[] };
      for (let i = 0; i < n; i++) {
        const q = k.evaluateReduced(sampleReduced(k, ensemble, 78, N, i));
        blocks.Cl1.push(q.Cl1);
        blocks.W.push(q.W);
      }
      for (const key of ['Cl1', 'W'] as const) {
        const a = stat(dense[key]);
        const b = stat(blocks[key]);
        expect(Math.abs(a.mean - b.mean), `${key}: dense ${a.mean} ± ${a.sem}, blocks ${b.mean} ± ${b.sem}`).toBeLessThan(5 * Math.hypot(a.sem, b.sem));
        expect(Math.abs(a.std / b.std - 1), `${key} std: dense ${a.std}, blocks ${b.std}`).toBeLessThan(0.1);
      }
    });
});

describe('SteadyKernel.evaluateReduced refuses malformed reduced states', () => {
  const k = new SteadyKernel(2, 1, 1); // families: j = 1 (mult 1), j = 0 (mult 1)
  const one = (x: number) => ({ r: 1, re: Float64Array.of(x), im: Float64Array.of(0) });
  it('the wrong number of blocks', () => expect(() => k.evaluateReduced([one(1)])).toThrow(/1 blocks for 2 spin families/));
  it('a block of the wrong shape', () =>
    expect(() => k.evaluateReduced([one(1), { r: 2, re: Float64Array.of(1), im: Float64Array.of(0) }])).toThrow(/block 1 must be 1 × 2/));
  it('a non-finite entry', () => expect(() => k.evaluateReduced([one(NaN), one(0)])).toThrow(/block 0 has a non-finite entry/));
  it('total trace ≠ 1', () => expect(() => k.evaluateReduced([one(1), one(1)])).toThrow(/Σ_j Tr M_j = 2, not 1/));
  it('a sample for another N', () => expect(() => sampleReduced(k, 'hs', 1, 3, 0)).toThrow(/kernel is for 2 qubits, sample for 3/));
  it('an unnormalised factor through evaluate', () =>
    expect(() => k.evaluate({ m: 1, re: Float64Array.of(1, 0, 0, 1), im: new Float64Array(4) })).toThrow(/not 1/));
  it('a valid one: M = ½ in both blocks gives ρ_ss = ⅙ I_triplet + ½ |ψ−⟩⟨ψ−|, C_l1 = W = 1/3', () => {
    // By hand: the |10⟩⟨01| entry is ⅙·½ − ½·½ = −⅙ (twice: C_l1 = ⅓); spectrum ½, ⅙, ⅙, ⅙ with
    // energy ⅙(2 + 1 + 0) + ½·1 = 1 and passive energy ½·0 + ⅙(1 + 1 + 2) = ⅔, so W = ⅓.
    const q = k.evaluateReduced([one(Math.SQRT1_2), one(Math.SQRT1_2)]);
    expect(q.Cl1).toBeCloseTo(1 / 3, 14);
    expect(q.W).toBeCloseTo(1 / 3, 14);
  });
});

describe('haarVectorFloat64 is haarStateVector(float64) bit for bit', () => {
  it.each([1, 2, 7, 128])('dim %s, three seeds', (dim) => {
    for (const seed of [1, 2, 99]) {
      const a = haarVectorFloat64(new Rng(seed), dim);
      const b = haarStateVector(F, new Rng(seed), dim);
      expect(Array.from(a.re)).toEqual(b.re);
      expect(Array.from(a.im)).toEqual(b.im);
    }
  });
});
