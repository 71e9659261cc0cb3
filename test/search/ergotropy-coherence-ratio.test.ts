import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ascend, better, RatioObjective, searchRatio, startingPoint, startRng } from '../../src/search/ergotropy-coherence-ratio.js';
import { certifyRatio, integerFactor } from '../../src/search/certify.js';
import { SteadyKernel } from '../../src/physics/steady-kernel.js';
import { basisIndex } from '../../src/physics/qubits.js';
import { expectRefusal, runCli } from '../cli/run-cli.js';

describe('the ratio objective', () => {
  it.each([
    [3, 0, Infinity],
    [4, 0.7, Infinity],
    [5, 0, Infinity],
    [5, 1.3, 1],
  ])('N = %i, β = %f, rank ≤ %f: W and C_l1 equal the Fig. 3 kernel’s (independent code) at seeded points', (N, beta, rank) => {
    const obj = new RatioObjective(N, Math.exp(-beta), rank);
    const kernel = new SteadyKernel(N, Math.exp(-beta), 1);
    for (let s = 0; s < 4; s++) {
      const x = startingPoint(obj, startRng(11, N, beta, s), s);
      const v = obj.evaluate(x);
      const k = kernel.evaluateReduced(obj.reduced(x));
      expect(Math.abs(v.W - k.W)).toBeLessThan(1e-12);
      expect(Math.abs(v.Cl1 - k.Cl1)).toBeLessThan(1e-12);
      expect(v.ratio).toBeCloseTo(v.W / v.Cl1, 14);
    }
  });

  it.each([
    [3, 0, 0],
    [4, 0.5, 0],
    [4, 0, 1e-4],
    [5, 1, 0],
  ])('N = %i, β = %f, smoothing %f: the gradient equals central differences', (N, beta, eps) => {
    const obj = new RatioObjective(N, Math.exp(-beta));
    const x = startingPoint(obj, startRng(12, N, beta, 0), 0);
    const g = obj.evaluate(x, true, eps).grad!;
    let worst = 0;
    let scale = 0;
    for (let i = 0; i < obj.dimension; i++) {
      const h = 1e-6;
      const xp = Float64Array.from(x);
      const xm = Float64Array.from(x);
      xp[i] += h;
      xm[i] -= h;
      const fd = (obj.evaluate(xp, false, eps).ratio - obj.evaluate(xm, false, eps).ratio) / (2 * h);
      worst = Math.max(worst, Math.abs(fd - g[i]));
      scale = Math.max(scale, Math.abs(g[i]));
    }
    expect(scale).toBeGreaterThan(1e-3);
    expect(worst).toBeLessThan(1e-6 * Math.max(1, scale));
  });

  it('the ratio is scale-free (homogeneous of degree 0 in the factors)', () => {
    const obj = new RatioObjective(4, Math.exp(-0.4));
    const x = startingPoint(obj, startRng(13, 4, 0.4, 1), 1);
    const y = x.map((v) => v * 7.5);
    expect(obj.evaluate(y).ratio).toBeCloseTo(obj.evaluate(x).ratio, 13);
  });
});

describe('the ascent', () => {
  it('never ends below its start, and is a function of (seed, N, β, start) only', () => {
    const obj = new RatioObjective(4, 1);
    const x0 = startingPoint(obj, startRng(5, 4, 0, 2), 2);
    const a = ascend(obj, x0, 200, 2);
    const b = ascend(obj, startingPoint(obj, startRng(5, 4, 0, 2), 2), 200, 2);
    expect(a.ratio).toBeGreaterThanOrEqual(obj.evaluate(x0).ratio);
    expect(Array.from(b.x)).toEqual(Array.from(a.x));
  });

  it('N = 3: no start ends above 1; N = 4: some start ends above 1.2 (the N = 4 family reaches 5/4)', () => {
    const [c3] = searchRatio({ Ns: [3], betas: [0], starts: 3, iterations: 600, seed: 3 });
    expect(c3.best.ratio).toBeLessThanOrEqual(1 + 1e-9);
    expect(c3.best.ratio).toBeGreaterThan(0.99);
    const [c4] = searchRatio({ Ns: [4], betas: [0], starts: 3, iterations: 1000, seed: 3 });
    expect(c4.best.ratio).toBeGreaterThan(1.2);
    expect(c4.best.ratio).toBeLessThanOrEqual(1.25 + 1e-9);
  });

  it('shards: the best of the shards’ bests is the single run’s best', () => {
    const o = { Ns: [3, 4], betas: [0, 1], starts: 5, iterations: 80, seed: 9 };
    const whole = searchRatio(o);
    const parts = [1, 2, 3].map((index) => searchRatio({ ...o, shard: { index, count: 3 } }));
    whole.forEach((c, i) => {
      const best = parts.map((p) => p[i].best).reduce(better);
      expect(best.start).toBe(c.best.start);
      expect(best.ratio).toBe(c.best.ratio);
      expect(parts.reduce((n, p) => n + p[i].starts, 0)).toBe(5);
    });
  });
});

describe('certification on an exact rational state', () => {
  it('N = 4, β = 0: ρ0 = 3/4 |00⟩⟨00|⊗ψ− + 1/4 ψ−⊗ψ− has W = 5/4, C_l1 = 1 (derived by hand from its spectrum)', () => {
    const col = (e: Record<string, number>) => {
      const re = new Array<number>(16).fill(0);
      for (const [l, v] of Object.entries(e)) re[basisIndex(l)] = v;
      return { re, im: new Array<number>(16).fill(0) };
    };
    const r = certifyRatio(
      { N: 4, columns: [{ ...col({ '0001': 1, '0010': -1 }), weight: 6 }, col({ '1010': 1, '1001': -1, '0110': -1, '0101': 1 })] },
      '0',
      '1',
      50,
    );
    expect(r.verdict).toBe('above');
    expect(r.W).toMatch(/^1\.2500000000000000000000000000000000000000000000000|^1\.25$/);
    expect(r.omegaCl1).toMatch(/^1$|^1\.0000000000000000000000000000000000000000000000000|^0\.99999999999999999999999999999999999999999999999999/);
  });

  it('a rounded maximiser keeps its ratio to about the rounding, and stays above 1 at N = 4', () => {
    const obj = new RatioObjective(4, Math.exp(-1));
    const res = ascend(obj, startingPoint(obj, startRng(2, 4, 1, 0), 0), 800, 0);
    const state = integerFactor(obj, res.x);
    for (const c of state.columns) expect([...c.re, ...c.im].every(Number.isInteger)).toBe(true);
    const cert = certifyRatio(state, '1', '1', 30);
    expect(Math.abs(Number(cert.ratio) - res.ratio)).toBeLessThan(1e-3);
    if (res.ratio > 1.01) expect(cert.verdict).toBe('above');
  });

  it('refuses non-integer entries', () => {
    expect(() => certifyRatio({ N: 2, columns: [{ re: [0.5, 0, 0, 1], im: [0, 0, 0, 0] }] }, '0', '1')).toThrow(/integers/);
  });
});

describe('ergocheck search', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ergocheck-search-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const SMALL = ['--qubits', '3,4', '--beta', '0,0.5', '--starts', '5', '--iterations', '60', '--seed', '4'];

  it('shards merged in any order equal the single run byte for byte', async () => {
    const single = join(dir, 'single.json');
    expect((await runCli('search', ...SMALL, '--out', single)).code).toBe(0);
    for (const K of [2, 5]) {
      const files: string[] = [];
      for (let i = 1; i <= K; i++) {
        const f = join(dir, `k${K}-${i}.json`);
        const r = await runCli('search', ...SMALL, '--shard', `${i}/${K}`, '--out', f);
        expect(r.code).toBe(0);
        files.push(f);
      }
      const merged = join(dir, `merged${K}.json`);
      const r = await runCli('search', 'merge', ...files.reverse(), '--out', merged);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(readFileSync(merged).equals(readFileSync(single))).toBe(true);
    }
    const j = JSON.parse(readFileSync(single, 'utf8'));
    expect(j.cases.map((c: { N: number; beta: number }) => [c.N, c.beta])).toEqual([
      [3, 0],
      [3, 0.5],
      [4, 0],
      [4, 0.5],
    ]);
  });

  it('prints a table; --json prints the file', async () => {
    const r = await runCli('search', '--qubits', '3', '--beta', '0', '--starts', '2', '--iterations', '30');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/largest W\/\(ωC_l1\) found/);
    const j = await runCli('search', '--qubits', '3', '--beta', '0', '--starts', '2', '--iterations', '30', '--json');
    expect(JSON.parse(j.out).format).toBe('ergocheck-ratio-search/1');
  });

  it('refuses bad options and wrong sets of files with one line, exit 2', async () => {
    await expectRefusal(/--qubits must list integers from 2 to 8/, 'search', '--qubits', '9');
    await expectRefusal(/--qubits must list/, 'search', '--qubits', 'a');
    await expectRefusal(/--beta must be ≥ 0/, 'search', '--beta=-1');
    await expectRefusal(/--shard must be I\/K/, 'search', '--shard', '3/2');
    await expectRefusal(/more shards than starts/, 'search', '--starts', '2', '--shard', '1/3');
    await expectRefusal(/--certify applies to a whole search/, 'search', '--shard', '1/2', '--certify');
    const f = (i: number, K: number, extra: string[] = []) => join(dir, `r${K}-${i}${extra.join('')}.json`);
    for (let i = 1; i <= 3; i++) expect((await runCli('search', ...SMALL, '--shard', `${i}/3`, '--out', f(i, 3))).code).toBe(0);
    const seed5 = [...SMALL];
    seed5[seed5.indexOf('--seed') + 1] = '5';
    expect((await runCli('search', ...seed5, '--shard', '2/3', '--out', f(2, 3, ['s5']))).code).toBe(0);
    await expectRefusal(/missing shard 2 of 3/, 'search', 'merge', f(1, 3), f(3, 3));
    await expectRefusal(/shard 1\/3 given twice/, 'search', 'merge', f(1, 3), f(1, 3), f(2, 3), f(3, 3));
    await expectRefusal(/from another search .* \(seed 5 ≠ 4\)/, 'search', 'merge', f(1, 3), f(2, 3, ['s5']), f(3, 3));
    const old = join(dir, 'old.json');
    writeFileSync(old, readFileSync(f(2, 3), 'utf8').replace(/"version":"[^"]*"/, '"version":"0.0.1"'));
    await expectRefusal(/from another search .* \(version "0\.0\.1" ≠ /, 'search', 'merge', f(1, 3), old, f(3, 3));
    await expectRefusal(/cannot read .* \(ENOENT\)/, 'search', 'merge', join(dir, 'none.json'));
    const bad = join(dir, 'bad.json');
    const o = JSON.parse(readFileSync(f(2, 3), 'utf8'));
    delete o.cases[0].x;
    writeFileSync(bad, JSON.stringify(o));
    await expectRefusal(/bad\.json has a malformed case/, 'search', 'merge', f(1, 3), bad, f(3, 3));
    writeFileSync(bad, '{"format": "ergocheck-ratio-search/1"');
    await expectRefusal(/bad\.json is not JSON/, 'search', 'merge', bad);
    await expectRefusal(/no files given/, 'search', 'merge');
  });
});
