import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal as GlobalDecimal } from 'decimal.js';
import { expectRefusal, runCli } from './run-cli.js';

const Decimal = GlobalDecimal.clone({ precision: 100 });
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ergocheck-model-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('steady-state refuses bad parameters with exit code 2', () => {
  it('a missing --qubits', () => expectRefusal(/--qubits is required/, 'steady-state', '--beta', '1', '--initial', 'ground'));
  it('N < 1', () => expectRefusal(/--qubits must be an integer ≥ 1/, 'steady-state', '--qubits', '0', '--beta', '1', '--initial', 'ground'));
  it('N too large for decimal precision (evolve; steady-state takes any N ≤ 12)', () =>
    expectRefusal(/too large for this method \(at most 8/, 'evolve', '--qubits', '9', '--beta', '1', '--initial', 'ground', '--mu', '1', '--times', '0,1'));
  it('N too large for float64', () =>
    expectRefusal(/too large for this method \(at most 12\)/, 'steady-state', '--qubits', '13', '--beta', '1', '--initial', 'ground', '--float64'));
  it('a negative β', () => expectRefusal(/--beta must be ≥ 0/, 'steady-state', '--qubits', '2', '--beta=-1', '--initial', 'ground'));
  it('a non-numeric β', () => expectRefusal(/--beta must be a number/, 'steady-state', '--qubits', '2', '--beta', 'hot', '--initial', 'ground'));
  it('--precision with --float64', () =>
    expectRefusal(/not both/, 'steady-state', '--qubits', '2', '--beta', '1', '--initial', 'ground', '--float64', '--precision', '30'));
  it('a missing --initial', () => expectRefusal(/--initial is required/, 'steady-state', '--qubits', '2', '--beta', '1'));
  it('an initial FILE of the wrong dimension', () =>
    expectRefusal(/is 4×4, but 3 qubits need 8×8/, 'steady-state', '--qubits', '3', '--beta', '1', '--initial', 'examples/singlet.json'));
  it('an initial FILE that is not a density matrix', () => {
    const p = join(dir, 'bad.json');
    writeFileSync(
      p,
      JSON.stringify({
        re: [
          ['2', '0', '0', '0'],
          ['0', '0', '0', '0'],
          ['0', '0', '0', '0'],
          ['0', '0', '0', '-1'],
        ],
      }),
    );
    return expectRefusal(/not positive semidefinite/, 'steady-state', '--qubits', '2', '--beta', '1', '--initial', p);
  });
  it('β = inf from a state with an undamped coherence', () => {
    // (|ψ−⟩ + |00⟩)/√2: the ψ−/|00⟩ coherence never decays at zero temperature (Sec. IV A)
    const p = join(dir, 'undamped.json');
    const h = '1/2';
    const q = '1/4';
    // ψ− = (|01⟩ − |10⟩)/√2 → amplitudes (0, −1/2, 1/2, 1/√2) over |11⟩,|10⟩,|01⟩,|00⟩; use the exact
    // outer product with √2 factors avoided: amplitudes a = (0, −1, 1, √2)/2 give entries of a aᵀ
    writeFileSync(
      p,
      JSON.stringify({
        re: [
          ['0', '0', '0', '0'],
          ['0', q, `-${q}`, '-0.35355339059327376220042218105242451964241796884424'],
          ['0', `-${q}`, q, '0.35355339059327376220042218105242451964241796884424'],
          ['0', '-0.35355339059327376220042218105242451964241796884424', '0.35355339059327376220042218105242451964241796884424', h],
        ],
      }),
    );
    return expectRefusal(/at β = ∞ there is no steady state/, 'steady-state', '--qubits', '2', '--beta', 'inf', '--initial', p, '--tolerance', '1e-45');
  });
});

describe('steady-state', () => {
  it('from the ground state at β = 1 gives Eq. (7) with c = 1: W = ω/(1 + e^{βω} + e^{2βω}), C_l1 = cZ/Z+ − 1', async () => {
    const r = await runCli('steady-state', '--qubits', '2', '--beta', '1', '--initial', 'ground', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j).sort()).toEqual(['energy', 'ergotropy', 'errorBound', 'l1', 'method', 'precision', 'residual', 'rho']);
    const e = new Decimal(1).exp();
    const W = new Decimal(1).div(e.plus(1).plus(e.pow(2)));
    expect(new Decimal(j.ergotropy).minus(W).abs().lt('1e-48')).toBe(true);
    const y = e.pow(-1);
    const l1 = y.plus(1).pow(2).div(y.pow(2).plus(y).plus(1)).minus(1);
    expect(new Decimal(j.l1).minus(l1).abs().lt('1e-48')).toBe(true);
    expect(new Decimal(j.residual).lt('1e-45')).toBe(true);
    expect(j.precision).toBe(50);
    expect(j.rho.re).toHaveLength(4);
  });
  it('at β = 0 from the ground state of N qubits gives C_l1 = (2^N − N − 1)/(N + 1) and W = N(N − 1)/(2(N + 1)) (Eqs. (15), (16))', async () => {
    for (const N of [2, 3, 4]) {
      const j = JSON.parse((await runCli('steady-state', '--qubits', String(N), '--beta', '0', '--initial', 'ground', '--json', '--float64')).out);
      expect(j.precision).toBe('float64');
      expect(Number(j.l1)).toBeCloseTo((2 ** N - N - 1) / (N + 1), 12);
      expect(Number(j.ergotropy)).toBeCloseTo((N * (N - 1)) / (2 * (N + 1)), 12);
    }
  });
  it('from a thermal state gives no coherence and no ergotropy', async () => {
    const j = JSON.parse((await runCli('steady-state', '--qubits', '3', '--beta', '0.7', '--initial', 'thermal', '--json')).out);
    expect(new Decimal(j.l1).abs().lt('1e-45')).toBe(true);
    expect(new Decimal(j.ergotropy).abs().lt('1e-45')).toBe(true);
  });
  it('from a FILE: the singlet is stationary (W = ω, C_l1 = 1)', async () => {
    const j = JSON.parse((await runCli('steady-state', '--qubits', '2', '--beta', '2', '--initial', 'examples/singlet.json', '--json')).out);
    // the map rounds at 50 digits, so agreement to 1e-45 (not bit-exactness) is the claim
    expect(new Decimal(j.ergotropy).minus(1).abs().lt('1e-45')).toBe(true);
    expect(new Decimal(j.l1).minus(1).abs().lt('1e-45')).toBe(true);
  });
  it('prints a human summary', async () => {
    const r = await runCli('steady-state', '--qubits', '2', '--beta', '1', '--initial', 'excited');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/method\s+Schur–Weyl exact map \(finite β\)/);
  });
});

describe('evolve', () => {
  it('refuses μ outside [0, 1], bad and decreasing times', async () => {
    await expectRefusal(/--mu is required/, 'evolve', '--qubits', '2', '--beta', '1', '--initial', 'ground', '--times', '0,1');
    await expectRefusal(/μ/, 'evolve', '--qubits', '2', '--beta', '1', '--initial', 'ground', '--times', '0,1', '--mu', '1.5');
    await expectRefusal(/--times must be non-decreasing/, 'evolve', '--qubits', '2', '--beta', '1', '--initial', 'ground', '--times', '2,1', '--mu', '0.5');
    await expectRefusal(/count from 2/, 'evolve', '--qubits', '2', '--beta', '1', '--initial', 'ground', '--times', '0:1:1', '--mu', '0.5');
    await expectRefusal(/--times is required/, 'evolve', '--qubits', '2', '--beta', '1', '--initial', 'ground', '--mu', '0.5');
  });
  it('with μ = 1 reaches the collective steady state; with μ < 1 the ergotropy dies out', async () => {
    const collective = JSON.parse(
      (await runCli('evolve', '--qubits', '2', '--beta', '1', '--initial', 'ground', '--mu', '1', '--times', '0,60', '--json', '--float64')).out,
    );
    expect(collective.rows).toHaveLength(2);
    expect(Object.keys(collective.rows[0]).sort()).toEqual(['energy', 'ergotropy', 'errorBound', 'l1', 't']);
    const W = 1 / (1 + Math.E + Math.E ** 2);
    expect(Number(collective.rows[1].ergotropy)).toBeCloseTo(W, 9);
    const partial = JSON.parse(
      (await runCli('evolve', '--qubits', '2', '--beta', '1', '--initial', 'ground', '--mu', '0.9', '--times', '0:200:3', '--json', '--float64')).out,
    );
    expect(Math.abs(Number(partial.rows[2].ergotropy))).toBeLessThan(1e-12);
    expect(partial.rows.map((r: { t: string }) => Number(r.t))).toEqual([0, 100, 200]);
  });
});
