/**
 * steady-state beyond the dense route: any N ≤ 12 at decimal precision from the spin blocks, the
 * summary form --no-rho, and the notes printed before long runs.
 */
import { describe, expect, it } from 'vitest';
import { Decimal as GlobalDecimal } from 'decimal.js';
import { runCli } from './run-cli.js';

const Decimal = GlobalDecimal.clone({ precision: 80 });

/** C(n, k) as a number (exact for n ≤ 12). */
const binom = (n: number, k: number): number => (k < 0 || k > n ? 0 : k === 0 ? 1 : (binom(n, k - 1) * (n - k + 1)) / k);

describe('steady-state at 50 digits for N up to 12', () => {
  it('from the all-ground state of 12 qubits (ω = 3/2, β = 2/3): W, C_l1 and energy of the Dicke mixture', async () => {
    // ρ_ss = Σ_k w_k |D_k⟩⟨D_k|, w_k = r^k / Σ_n r^n, r = e^{−βω}: the N + 1 nonzero eigenvalues w_k
    // (decreasing in k) fill the levels 0, ω, …, ω (N copies of ω): the passive energy is ω Σ_{k≥1} w_k
    // and W = ω Σ_k k w_k − ω Σ_{k≥1} w_k = ω Σ_{k≥1} (k − 1) w_k; the Dicke blocks have equal
    // entries: C_l1 = Σ_k w_k (C(N, k) − 1).
    const N = 12;
    const omega = new Decimal(3).div(2);
    const r = new Decimal(2).div(3).times(omega).neg().exp();
    const z = Array.from({ length: N + 1 }, (_, k) => r.pow(k)).reduce((a, b) => a.plus(b));
    const w = Array.from({ length: N + 1 }, (_, k) => r.pow(k).div(z));
    const W = w.reduce((s, x, k) => (k >= 1 ? s.plus(x.times(k - 1)) : s), new Decimal(0)).times(omega);
    const l1 = w.reduce((s, x, k) => s.plus(x.times(binom(N, k) - 1)), new Decimal(0));
    const E = w.reduce((s, x, k) => s.plus(x.times(k)), new Decimal(0)).times(omega);
    const res = await runCli('steady-state', '--qubits', String(N), '--beta', '2/3', '--omega', '3/2', '--initial', 'ground', '--json', '--no-rho');
    expect(res.code).toBe(0);
    const j = JSON.parse(res.out);
    expect(Object.keys(j).sort()).toEqual(['energy', 'ergotropy', 'errorBound', 'l1', 'method', 'precision', 'residual']);
    expect(j.residual).toBeNull();
    const bound = new Decimal(j.errorBound);
    expect(bound.lt('1e-48')).toBe(true);
    // the printed values are within their bound (plus the 50-digit rounding of the print) of the exact ones
    expect(
      new Decimal(j.ergotropy)
        .minus(W)
        .abs()
        .lte(bound.plus(W.abs().times('1e-49'))),
    ).toBe(true);
    expect(
      new Decimal(j.energy)
        .minus(E)
        .abs()
        .lte(bound.plus(E.abs().times('1e-49'))),
    ).toBe(true);
    expect(new Decimal(j.l1).minus(l1).abs().lt(l1.times('1e-48'))).toBe(true);
  });

  it('--float64 from the all-ground state of 12 qubits agrees with the same closed form to 1e-12', async () => {
    const N = 12;
    const r = Math.exp(-1.5);
    const z = Array.from({ length: N + 1 }, (_, k) => r ** k).reduce((a, b) => a + b);
    const w = Array.from({ length: N + 1 }, (_, k) => r ** k / z);
    const W = 1.5 * w.reduce((s, x, k) => (k >= 1 ? s + x * (k - 1) : s), 0);
    const l1 = w.reduce((s, x, k) => s + x * (binom(N, k) - 1), 0);
    const j = JSON.parse(
      (await runCli('steady-state', '--qubits', '12', '--beta', '1', '--omega', '1.5', '--initial', 'ground', '--float64', '--json', '--no-rho')).out,
    );
    expect(j.precision).toBe('float64');
    expect(Math.abs(Number(j.ergotropy) - W)).toBeLessThanOrEqual(Number(j.errorBound) + 1e-14);
    expect(Math.abs(Number(j.l1) - l1)).toBeLessThan(1e-12 * l1);
  });

  it('from the excited and the thermal state of 10 qubits: thermal is stationary (W = 0 within the bound, C_l1 = 0)', async () => {
    const t = JSON.parse((await runCli('steady-state', '--qubits', '10', '--beta', '0.4', '--initial', 'thermal', '--json', '--no-rho')).out);
    expect(new Decimal(t.ergotropy).abs().lte(t.errorBound)).toBe(true);
    expect(new Decimal(t.l1).isZero()).toBe(true);
    // thermal energy N ω r/(1 + r)
    const r = new Decimal(-0.4).exp();
    expect(
      new Decimal(t.energy)
        .minus(r.times(10).div(r.plus(1)))
        .abs()
        .lt('1e-48'),
    ).toBe(true);
    const e = JSON.parse((await runCli('steady-state', '--qubits', '10', '--beta', '0.4', '--initial', 'excited', '--json', '--no-rho')).out);
    const g = JSON.parse((await runCli('steady-state', '--qubits', '10', '--beta', '0.4', '--initial', 'ground', '--json', '--no-rho')).out);
    // both lie in the symmetric subspace with M = 1: the same steady state
    expect(e.ergotropy).toBe(g.ergotropy);
    expect(e.l1).toBe(g.l1);
  });

  it('a FILE of 9 qubits at decimal precision is announced as long before it is read', async () => {
    const r = await runCli('steady-state', '--qubits', '9', '--beta', '1', '--initial', 'no/such/state.json');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/note: a 512×512 state at decimal precision/);
    expect(r.err).toMatch(/cannot read no\/such\/state.json/);
  });

  it('--json at 10 qubits notes the size of ρ and prints one JSON object (one row per line)', async () => {
    const r = await runCli('steady-state', '--qubits', '10', '--beta', '1', '--initial', 'ground', '--json', '--float64');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/--no-rho leaves it out/);
    const j = JSON.parse(r.out);
    expect(j.rho.re).toHaveLength(1024);
    expect(j.rho.im[1023]).toHaveLength(1024);
    // the all-ground entry: w_0 = (1 − r)/(1 − r^11) with r = e^{−1}
    const r1 = Math.exp(-1);
    expect(Number(j.rho.re[1023][1023])).toBeCloseTo((1 - r1) / (1 - r1 ** 11), 14);
  });
});
