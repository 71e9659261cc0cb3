/**
 * The block route (steadyStateSummary: W, its bound, energy, C_l1 from the spin blocks) against the
 * dense route (ergotropy and l1Coherence of the materialised 2^N × 2^N ρ_ss) at 50 digits, N ≤ 5,
 * for pure and mixed random states (seeded), the named states, β = 0, β > 0 and β = ∞, ω ≠ 1.
 */
import { describe, expect, it } from 'vitest';
import { decimalField } from '../../src/numeric/decimal.js';
import { float64 } from '../../src/numeric/float64.js';
import type { AnalyticField } from '../../src/numeric/field.js';
import { collectiveCoupling } from '../../src/physics/lindblad.js';
import { collectiveSteadyState } from '../../src/physics/steady-state.js';
import type { InitialState } from '../../src/physics/steady-input.js';
import { passiveEnergyOfGroups, steadyStateSummary } from '../../src/physics/steady-summary.js';
import { ergotropy } from '../../src/physics/ergotropy.js';
import { l1Coherence } from '../../src/physics/coherence.js';
import { pureState } from '../../src/physics/states.js';
import { h0 } from '../../src/physics/qubits.js';
import { haarStateVector } from '../../src/random/haar.js';
import { hilbertSchmidtState } from '../../src/random/mixed.js';
import { Rng } from '../../src/random/rng.js';

const D = decimalField(50);
type Dec = (typeof D)['zero'];

function model<T>(F: AnalyticField<T>, N: number, beta: string, omega: string) {
  return collectiveCoupling(F, N, { omega: F.fromString(omega), beta: F.fromString(beta), gamma0: F.one, f: F.fromString('0.3'), timeScale: 'normalised' });
}

/** Block and dense route for one initial state; returns both. */
function both(N: number, beta: string, omega: string, initial: InitialState<Dec>) {
  const m = model(D, N, beta, omega);
  const ss = collectiveSteadyState(D, m, initial);
  const block = steadyStateSummary(D, ss, m);
  const dense = ergotropy(D, ss.rho, h0(D, N, m.omega));
  return { block, dense, l1: l1Coherence(D, ss.rho) };
}

function expectAgree(r: ReturnType<typeof both>): void {
  const { block, dense } = r;
  const slack = D.add(block.errorBound, dense.errorBound);
  // the two routes see the same blocks (the dense ρ rounded once more): agreement within both bounds
  expect(D.cmp(D.abs(D.sub(block.ergotropy, dense.ergotropy)), slack)).toBeLessThanOrEqual(0);
  expect(D.cmp(D.abs(D.sub(block.energy, dense.energy)), slack)).toBeLessThanOrEqual(0);
  expect(D.cmp(D.abs(D.sub(block.passiveEnergy, dense.passiveEnergy)), slack)).toBeLessThanOrEqual(0);
  // bounds of the order of the working precision; the dense route assembles exactly in rationals,
  // the block route bounds its roundings a priori, so it may be looser, but not by orders of magnitude
  expect(D.cmp(block.errorBound, D.fromString('1e-46'))).toBeLessThan(0);
  expect(D.cmp(block.errorBound, D.mul(D.fromNumber(100), dense.errorBound))).toBeLessThanOrEqual(0);
  expect(D.cmp(D.abs(D.sub(block.l1, r.l1)), D.fromString('1e-47'))).toBeLessThan(0);
}

const cases: [number, string, string][] = [
  [2, '0', '1'],
  [3, '0.7', '1.3'],
  [4, '0', '2.5'],
  [4, '1.1', '0.8'],
  [5, '0.45', '1.7'],
];

describe('steadyStateSummary agrees with the dense route at 50 digits', () => {
  it.each(cases)('random pure state, N = %i, β = %s, ω = %s', (N, beta, omega) => {
    const psi = haarStateVector(D, new Rng(20260101 + N, ['summary', beta]), 2 ** N);
    const r = both(N, beta, omega, psi);
    expectAgree(r);
    expect(D.sign(r.block.ergotropy)).toBeGreaterThanOrEqual(0);
    // the same pure state given as a matrix (eigh of M_j instead of C†C) gives the same numbers
    const m = both(N, beta, omega, pureState(D, psi));
    expect(D.cmp(D.abs(D.sub(m.block.ergotropy, r.block.ergotropy)), D.add(m.block.errorBound, r.block.errorBound))).toBeLessThanOrEqual(0);
  });

  it.each(cases.filter(([N]) => N <= 4))('random mixed state (Hilbert–Schmidt), N = %i, β = %s, ω = %s', (N, beta, omega) => {
    expectAgree(both(N, beta, omega, hilbertSchmidtState(D, new Rng(7 + N, ['summary-mixed', beta]), 2 ** N)));
  });

  it('β = ∞ (zero temperature) from a random mixed state, N = 3, ω = 1.3', () => {
    // ω ≠ f and a generic mixed state: its undamped ground coherences must vanish for the limit to
    // exist, so take a state with no coherence between different excitation numbers
    const rho = hilbertSchmidtState(D, new Rng(99, ['summary-zeroT']), 8);
    const exc = (a: number) => 3 - ((a & 1) + ((a >> 1) & 1) + ((a >> 2) & 1));
    for (let a = 0; a < 8; a++)
      for (let b = 0; b < 8; b++)
        if (exc(a) !== exc(b)) {
          rho.re[a * 8 + b] = D.zero;
          rho.im[a * 8 + b] = D.zero;
        }
    expectAgree(both(3, 'Infinity', '1.3', rho));
  });
});

describe('float64 block route', () => {
  it('agrees with the 50-digit one within its bound plus the map rounding (N = 5, β = 0.45, ω = 1.7)', () => {
    const N = 5;
    const psiD = haarStateVector(D, new Rng(20260106, ['summary', '0.45']), 2 ** N);
    const psiF = { re: psiD.re.map((x) => D.toNumber(x)), im: psiD.im.map((x) => D.toNumber(x)) };
    const mF = model(float64, N, '0.45', '1.7');
    const f = steadyStateSummary(float64, collectiveSteadyState(float64, mF, psiF), mF);
    const mD = model(D, N, '0.45', '1.7');
    const g = steadyStateSummary(D, collectiveSteadyState(D, mD, psiD), mD);
    expect(Math.abs(f.ergotropy - D.toNumber(g.ergotropy))).toBeLessThanOrEqual(f.errorBound + 1e-13);
    expect(Math.abs(f.l1 - D.toNumber(g.l1))).toBeLessThan(1e-12);
    expect(f.errorBound).toBeLessThan(1e-11);
  });
});

describe('float64 block route against the float64 dense route', () => {
  const F = float64;
  it.each([
    ['0.8', '1.6'],
    ['Infinity', '0.7'],
  ])('mixed states, N = 4, β = %s, ω = %s (C_l1 by the kernel at finite β, by the sector blocks at β = ∞)', (beta, omega) => {
    const N = 4;
    const d = 2 ** N;
    const rho = hilbertSchmidtState(F, new Rng(31, ['summary-f64', beta]), d);
    // no coherence between different excitation numbers, so that a limit exists at β = ∞ too
    const exc = (a: number) => N - [0, 1, 2, 3].filter((q) => (a >> q) & 1).length;
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) if (exc(a) !== exc(b)) rho.re[a * d + b] = rho.im[a * d + b] = 0;
    let tr = 0;
    for (let a = 0; a < d; a++) tr += rho.re[a * d + a];
    rho.re.forEach((x, q) => (rho.re[q] = x / tr));
    rho.im.forEach((x, q) => (rho.im[q] = x / tr));
    const m = model(F, N, beta, omega);
    const ss = collectiveSteadyState(F, m, rho, { tolerance: 1e-12 });
    const block = steadyStateSummary(F, ss, m);
    const dense = ergotropy(F, ss.rho, h0(F, N, m.omega));
    expect(Math.abs(block.ergotropy - dense.ergotropy)).toBeLessThanOrEqual(block.errorBound + dense.errorBound);
    expect(Math.abs(block.energy - dense.energy)).toBeLessThanOrEqual(block.errorBound + dense.errorBound);
    expect(Math.abs(block.l1 - l1Coherence(F, ss.rho))).toBeLessThan(1e-12);
    expect(block.ergotropy).toBeGreaterThan(1e-3); // not a trivial (passive) case
  });
});

describe('passiveEnergyOfGroups', () => {
  it('pairs the spectrum decreasing with the levels increasing (brute force over N = 3)', () => {
    // 8 eigenvalues in groups; the levels 0, 1, 1, 1, 2, 2, 2, 3 (times ω = 2)
    const groups = [
      { value: D.fromString('0.1'), bound: D.zero, count: 2 },
      { value: D.fromString('0.3'), bound: D.zero, count: 1 },
      { value: D.fromString('0.05'), bound: D.zero, count: 3 },
      { value: D.fromString('0.125'), bound: D.zero, count: 2 },
    ];
    const { passive, bound } = passiveEnergyOfGroups(D, groups, 3, D.fromNumber(2));
    // sorted: 0.3, 0.125, 0.125, 0.1, 0.1, 0.05, 0.05, 0.05 on 0, 1, 1, 1, 2, 2, 2, 3
    const expected = 2 * (0 * 0.3 + 0.125 + 0.125 + 0.1 + 2 * 0.1 + 2 * 0.05 + 2 * 0.05 + 3 * 0.05);
    expect(D.toNumber(passive)).toBeCloseTo(expected, 14);
    expect(D.cmp(bound, D.fromString('1e-47'))).toBeLessThan(0);
  });
  it('carries the eigenvalue bounds: min(N Σδ, max δ Σ levels) times ω', () => {
    const groups = [
      { value: D.fromString('0.5'), bound: D.fromString('1e-20'), count: 1 },
      { value: D.fromString('0.5'), bound: D.fromString('3e-20'), count: 1 },
    ];
    const { bound } = passiveEnergyOfGroups(D, groups, 1, D.fromNumber(3));
    // N Σδ = 4e-20, max δ · Σ levels = 3e-20 · 1: the smaller, times ω = 3 (plus rounding)
    expect(D.toNumber(bound)).toBeCloseTo(9e-20, 30);
  });
});
