import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectRefusal as refuse, runCli } from '../cli/run-cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ergocheck-figures-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const expectRefusal = (pattern: RegExp, ...argv: string[]) => refuse(pattern, 'figures', ...argv);

describe('figures refuses bad options with one line and exit code 2', () => {
  it('an unknown option', () => expectRefusal(/figures: Unknown option '--bogus'/, '--bogus'));
  it('a non-integer --samples', () => expectRefusal(/--samples must be an integer from 2/, '--samples', '1e5'));
  it('--samples 1 (no standard deviation)', () => expectRefusal(/--samples must be an integer from 2/, '--samples', '1'));
  it('a negative --seed', () => expectRefusal(/--seed must be an integer from 0/, '--seed=-3'));
  it('a non-numeric --seed', () => expectRefusal(/--seed must be an integer/, '--seed', 'abc'));
  it('an unknown ensemble', () =>
    expectRefusal(/--ensemble: unknown ensemble "ginibre" \(expected one of haar, hs, bures, diagonal\)/, '--ensemble', 'ginibre'));
  it('a negative β', () => expectRefusal(/--beta must be ≥ 0/, '--beta=-1'));
  it('β = inf', () => expectRefusal(/--beta must be finite/, '--beta', 'inf'));
  it('a non-numeric β', () => expectRefusal(/--beta must be a number/, '--beta', 'hot'));
  it('β so large that e^(−βω) underflows', () => expectRefusal(/too large for float64/, '--beta', '1000'));
  it('ω = 0', () => expectRefusal(/--omega must be > 0/, '--omega', '0'));
  it('--max-qubits 1', () => expectRefusal(/--max-qubits must be an integer from 2 to 14/, '--max-qubits', '1'));
  it('--max-qubits 15', () => expectRefusal(/--max-qubits must be an integer from 2 to 14/, '--max-qubits', '15'));
  it('hs beyond 12 qubits (haar goes to 14)', () =>
    expectRefusal(
      /--ensemble hs factors full-rank blocks .* --max-qubits must be at most 12 for it \(haar goes to 14\)/,
      '--ensemble',
      'hs',
      '--max-qubits',
      '13',
    ));
  it('bures beyond 11 qubits', () =>
    expectRefusal(/--ensemble bures needs the full 2\^N × 2\^N factor .* --max-qubits must be at most 11 for it/, '--ensemble', 'bures', '--max-qubits', '12'));
  it('--workers -1', () => expectRefusal(/--workers must be an integer from 0 to 64/, '--workers=-1'));
  it('a missing value', () => expectRefusal(/figures: Option '--out <value>' argument missing/, '--out'));
});

describe('figures writes the documented files', () => {
  it('--help prints the usage and exits 0', async () => {
    const r = await runCli('figures', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: ergocheck figures/);
  });

  it('a small run: JSON shapes of fig2.json and fig3.json, CSV headers, every file present', async () => {
    const out = join(dir, 'small');
    const r = await runCli('figures', '--samples', '20', '--seed', '5', '--ensemble', 'hs', '--max-qubits', '4', '--workers', '0', '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ensemble hs, 20 samples per N, seed 5/);
    const fig2 = JSON.parse(readFileSync(join(out, 'fig2.json'), 'utf8'));
    expect(Object.keys(fig2)).toEqual(['beta', 'omega', 'rows']);
    expect(fig2.beta).toBe(0);
    expect(fig2.rows.map((x: { N: number }) => x.N)).toEqual([2, 3, 4]);
    for (const row of fig2.rows) expect(Object.keys(row)).toEqual(['N', 'Cl1', 'W']);
    const fig3 = JSON.parse(readFileSync(join(out, 'fig3.json'), 'utf8'));
    expect(Object.keys(fig3)).toEqual(['ensemble', 'samples', 'seed', 'beta', 'omega', 'rows']);
    expect(fig3).toMatchObject({ ensemble: 'hs', samples: 20, seed: 5, beta: 0, omega: 1 });
    for (const row of fig3.rows) {
      expect(Object.keys(row)).toEqual(['N', 'samples', 'Cl1', 'W']);
      expect(row.samples).toBe(20);
      for (const q of [row.Cl1, row.W]) {
        expect(Object.keys(q)).toEqual(['mean', 'std', 'sem']);
        for (const v of Object.values(q)) expect(typeof v).toBe('number');
        expect(q.sem).toBeCloseTo(q.std / Math.sqrt(20), 14);
      }
    }
    const fig1 = JSON.parse(readFileSync(join(out, 'fig1.json'), 'utf8'));
    expect(Object.keys(fig1)).toEqual(['omega', 'betas', 'rows']);
    expect(fig1.rows).toHaveLength(3 * 101);
    expect(Object.keys(fig1.rows[0])).toEqual(['beta', 'c', 'Cl1', 'W']);
    expect(readFileSync(join(out, 'fig3.csv'), 'utf8').split('\n')[0]).toBe('N,samples,Cl1_mean,Cl1_std,Cl1_sem,W_mean,W_std,W_sem');
    expect(readFileSync(join(out, 'fig3-samples.csv'), 'utf8').trim().split('\n')).toHaveLength(1 + 3 * 20);
    const a = JSON.parse(readFileSync(join(out, 'assessment.json'), 'utf8'));
    expect(a.statements.map((s: { id: string }) => s.id)).toEqual(['coherence-growth', 'ergotropy-scaling', 'ergotropy-spread']);
    for (const f of ['fig1.svg', 'fig2.svg', 'fig3a.svg', 'fig3b.svg', 'fig1.csv', 'fig2.csv'])
      expect(readFileSync(join(out, f), 'utf8').length).toBeGreaterThan(100);
  });
});

describe('the progress line’s time estimate', () => {
  it('milliseconds, seconds, minutes, hours', async () => {
    const { formatDuration } = await import('../../src/cli/commands/figures.js');
    expect([
      formatDuration(0.0257),
      formatDuration(1.4),
      formatDuration(89),
      formatDuration(90),
      formatDuration(5399),
      formatDuration(5400),
      formatDuration(9000),
    ]).toEqual(['26 ms', '1 s', '89 s', '2 min', '90 min', '1.5 h', '2.5 h']);
  });
});

describe('the up-front estimate of a long run', () => {
  it('is one sample’s time at the largest N times the samples, plus a third for the smaller N, over the workers', async () => {
    const { estimateRun, figuresOptions } = await import('../../src/cli/commands/figures.js');
    const o = figuresOptions(['--ensemble', 'hs', '--max-qubits', '9', '--samples', '100000', '--workers', '2']);
    if (o === 'help') throw new Error('unexpected help');
    const e = estimateRun(o);
    expect(e.perSample).toBeGreaterThan(0);
    expect(e.total).toBeCloseTo((e.perSample * 100000 * 4) / 3 / 2, 6);
  });
});
