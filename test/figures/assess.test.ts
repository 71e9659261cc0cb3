import { describe, expect, it } from 'vitest';
import { assessRandomStateScaling } from '../../src/figures/assess.js';
import type { RandomStateRow } from '../../src/figures/random-state-statistics.js';
import type { GroundStateRow } from '../../src/figures/steady-state-curves.js';

// Ground rows at β = 0: C_l1 = (2^N − N − 1)/(N + 1), W = N(N − 1)/(2(N + 1)).
const ground: GroundStateRow[] = [2, 3, 4, 5].map((N) => ({ N, Cl1: (2 ** N - N - 1) / (N + 1), W: (N * (N - 1)) / (2 * (N + 1)) }));
const st = (mean: number, std: number, n = 1e5) => ({ mean, std, sem: std / Math.sqrt(n) });
const row = (N: number, c: number, w: number, wStd: number, n = 1e5): RandomStateRow => ({ N, samples: n, Cl1: st(c, 0.3, n), W: st(w, wStd, n) });

describe('assessRandomStateScaling on synthetic rows', () => {
  it('no rows: nothing holds (edge row)', () => {
    expect(assessRandomStateScaling([], ground).map((s) => s.holds)).toEqual([false, false, false]);
  });
  it('rows without a matching ground row are ignored', () => {
    expect(assessRandomStateScaling([row(9, 1, 1, 0.1), row(10, 2, 1.5, 0.05)], ground).every((s) => !s.holds)).toBe(true);
  });
  it('the paper’s picture: all three statements hold', () => {
    const rows = [2, 3, 4, 5].map((N, i) => row(N, 0.7 * ground[i].Cl1 ** 0.95, 0.6 * ground[i].W, 0.15 - 0.02 * i));
    const a = assessRandomStateScaling(rows, ground);
    expect(a.map((s) => [s.id, s.holds])).toEqual([
      ['coherence-growth', true],
      ['ergotropy-scaling', true],
      ['ergotropy-spread', true],
    ]);
    expect(a[0].evidence).toMatch(/N=2→3: C ×/);
  });
  it('coherence growing as fast as for ground states fails (a)', () => {
    const rows = [2, 3, 4, 5].map((N, i) => row(N, 0.5 * ground[i].Cl1, 0.6 * ground[i].W, 0.15 - 0.02 * i));
    expect(assessRandomStateScaling(rows, ground)[0].holds).toBe(false);
  });
  it('ergotropy flat while ground W grows fails (b)', () => {
    const rows = [2, 3, 4, 5].map((N, i) => row(N, 0.7 * ground[i].Cl1 ** 0.95, 0.4, 0.15 - 0.02 * i));
    expect(assessRandomStateScaling(rows, ground)[1].holds).toBe(false);
  });
  it('a spread that grows, or shrinks by less than the noise, fails (c)', () => {
    const grow = [2, 3, 4, 5].map((N, i) => row(N, 0.7 * ground[i].Cl1 ** 0.95, 0.6 * ground[i].W, 0.1 + 0.02 * i));
    expect(assessRandomStateScaling(grow, ground)[2].holds).toBe(false);
    const noisy = [2, 3, 4, 5].map((N, i) => row(N, 0.7 * ground[i].Cl1 ** 0.95, 0.6 * ground[i].W, 0.15 - 0.001 * i, 100));
    expect(assessRandomStateScaling(noisy, ground)[2].holds).toBe(false);
  });
});
