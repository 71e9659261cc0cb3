import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../../src/errors.js';
import { float64 } from '../../src/numeric/float64.js';
import { decimalField } from '../../src/numeric/decimal.js';
import { convertMatrix, hermiticityDefect, identity, scaleReal, trace, zeros, type CMatrix } from '../../src/numeric/matrix.js';
import { collectiveCoupling, individualCoupling, lindbladian, partiallyCollective, thermalRatio } from '../../src/physics/lindblad.js';
import { applySuperoperator, evolve, NotConvergedError, propagator, steadyStateByIntegration } from '../../src/physics/evolve.js';
import { basisIndex, excitations } from '../../src/physics/qubits.js';
import { twoQubitCollectiveSteadyState, isPositiveWithin, maxAbsOf, maxDiff, productGibbs, projector, psi, randomDensity, rng } from './helpers.js';

const F = float64;
const D50 = decimalField(50);
const basisState = (N: number, label: string): CMatrix<number> => {
  const P = zeros(F, 2 ** N);
  const k = basisIndex(label);
  P.re[k * 2 ** N + k] = 1;
  return P;
};

describe('evolve: refuses', () => {
  const m = individualCoupling(F, 2, { omega: 1, beta: 1, gamma0: 1 });
  const rho = basisState(2, '11');
  it.each([
    ['a negative time', () => evolve(F, m, rho, -1), /time must be finite and ≥ 0/],
    ['a NaN time', () => evolve(F, m, rho, NaN), /time must be finite/],
    ['an infinite time', () => evolve(F, m, rho, Infinity), /time must be finite/],
    ['ρ0 of the wrong size', () => evolve(F, m, zeros(F, 2), 1), /ρ0 must be 4×4 for N = 2/],
    ['a tolerance ≥ 1', () => evolve(F, m, rho, 1, { tolerance: 1 }), /tolerance must lie in \(0, 1\)/],
    ['more steps than maxSteps', () => evolve(F, m, rho, 100, { maxSteps: 10 }), /more than the limit of 10/],
    ['a steady-state tolerance below the field’s resolution', () => steadyStateByIntegration(F, m, rho, { tolerance: 1e-18 }), /tolerance must be >/],
    ['a steady-state tolerance of 0', () => steadyStateByIntegration(F, m, rho, { tolerance: 0 }), /tolerance must be >/],
    ['a propagator beyond N = 3', () => propagator(F, individualCoupling(F, 4, { omega: 1, beta: 1, gamma0: 1 }), 1), /exceeds 3/],
    ['a superoperator of the wrong size', () => applySuperoperator(F, identity(F, 9), rho), /cannot act/],
  ])('%s', (_, run, message) => {
    expect(run).toThrow(InputError);
    expect(run).toThrow(message);
  });
  it('says so when the steady state is not reached within maxTime', () => {
    const run = () => steadyStateByIntegration(F, m, rho, { tolerance: 1e-10, maxTime: 0.5 });
    expect(run).toThrow(NotConvergedError);
    expect(run).toThrow(/still above 1e-10 at t = 0.5/);
  });
});

describe('evolve: tables', () => {
  it('t = 0 returns ρ0', () => {
    const rho = randomDensity(F, 4, rng(1));
    expect(evolve(F, collectiveCoupling(F, 2, { omega: 1, beta: 1, gamma0: 1 }), rho, 0)).toEqual(rho);
  });
  it('one qubit at β = ∞ decays as e^{−γt}: ⟨e|ρ(t)|e⟩ = e^{−γ t}, coherence e^{−γt/2} (exact solution)', () => {
    const m = individualCoupling(F, 1, { omega: 2, beta: Infinity, gamma0: 0.7 });
    const rho0 = { rows: 2, cols: 2, re: [0.5, 0.5, 0.5, 0.5], im: [0, 0, 0, 0] };
    const t = 1.9;
    const got = evolve(F, m, rho0, t);
    expect(got.re[0]).toBeCloseTo(0.5 * Math.exp(-0.7 * t), 14);
    // ρ_eg(t) = ρ_eg(0) e^{−iωt − γt/2}
    expect(got.re[1]).toBeCloseTo(0.5 * Math.exp(-0.35 * t) * Math.cos(2 * t), 14);
    expect(got.im[1]).toBeCloseTo(-0.5 * Math.exp(-0.35 * t) * Math.sin(2 * t), 14);
  });
  it('one qubit at finite β: excited population relaxes to r/(1+r) at rate γ(2n̄+1) (exact solution)', () => {
    const beta = 0.8;
    const m = individualCoupling(F, 1, { omega: 1, beta, gamma0: 1.1 });
    const nbar = 1 / Math.expm1(beta);
    const pInf = nbar / (2 * nbar + 1);
    const t = 0.9;
    const got = evolve(F, m, basisState(1, '1'), t);
    expect(got.re[0]).toBeCloseTo(pInf + (1 - pInf) * Math.exp(-1.1 * (2 * nbar + 1) * t), 14);
  });
  it('Taylor steps agree with the dense propagator e^{tS} (independent route), N = 2 and 3, float64', () => {
    const cases = [
      collectiveCoupling(F, 2, { omega: 1, beta: 0.7, gamma0: 1, f: 0.4 }),
      partiallyCollective(F, 3, { omega: 1.2, beta: 1.5, gamma0: 0.8, mu: 0.6, f: -0.3 }),
    ];
    for (const m of cases) {
      const rho0 = randomDensity(F, 2 ** m.N, rng(m.N));
      for (const t of [0.1, 2.5]) expect(maxDiff(F, evolve(F, m, rho0, t), applySuperoperator(F, propagator(F, m, t), rho0))).toBeLessThan(1e-13);
    }
  });
  it('decimal(50), N = 2: Taylor steps and propagator agree to 1e-40, and float64 agrees with both to 1e-12', () => {
    const mD = collectiveCoupling(D50, 2, { omega: D50.one, beta: D50.fromString('0.7'), gamma0: D50.one, f: D50.fromString('0.4') });
    const mF = collectiveCoupling(F, 2, { omega: 1, beta: 0.7, gamma0: 1, f: 0.4 });
    const rhoF = randomDensity(F, 4, rng(11));
    const rhoD = convertMatrix(F, D50, rhoF);
    const t = 3;
    const byStepsD = evolve(D50, mD, rhoD, D50.fromNumber(t));
    expect(maxDiff(D50, byStepsD, applySuperoperator(D50, propagator(D50, mD, t), rhoD))).toBeLessThan(1e-40);
    expect(maxDiff(F, evolve(F, mF, rhoF, t), convertMatrix(D50, F, byStepsD))).toBeLessThan(1e-12);
  });
  it('individual coupling: long-time evolution reaches the product Gibbs state (N = 2 from |11⟩, N = 3, 4 from random states)', () => {
    for (const [N, rho0] of [
      [2, basisState(2, '11')],
      [3, randomDensity(F, 8, rng(3))],
      [4, randomDensity(F, 16, rng(4))],
    ] as const) {
      const m = individualCoupling(F, N, { omega: 1, beta: 0.9, gamma0: 1 });
      const ss = steadyStateByIntegration(F, m, rho0, { tolerance: 1e-11 });
      expect(ss.residual).toBeLessThanOrEqual(1e-11);
      expect(maxDiff(F, ss.rho, productGibbs(F, N, Math.exp(-0.9)))).toBeLessThan(1e-10);
    }
  });
  it('β = 0 (normalised) and β = ∞ give finite results: maximally mixed and ground state', () => {
    const hot = individualCoupling(F, 2, { omega: 1, beta: 0, gamma0: 1, timeScale: 'normalised' });
    const cold = individualCoupling(F, 2, { omega: 1, beta: Infinity, gamma0: 1 });
    const rho0 = randomDensity(F, 4, rng(9));
    const a = steadyStateByIntegration(F, hot, rho0, { tolerance: 1e-11 }).rho;
    const b = steadyStateByIntegration(F, cold, rho0, { tolerance: 1e-11 }).rho;
    for (const x of [...a.re, ...a.im, ...b.re, ...b.im]) expect(Number.isFinite(x)).toBe(true);
    expect(maxDiff(F, a, scaleReal(F, 0.25, identity(F, 4)))).toBeLessThan(1e-10);
    expect(maxDiff(F, b, basisState(2, '00'))).toBeLessThan(1e-10);
  });
  it('β → 0⁺ on the normalised scale is continuous: β = 1e-9 is within 1e-8 of β = 0', () => {
    const at = (beta: number) => collectiveCoupling(F, 2, { omega: 1, beta, gamma0: 1, f: 0.5, timeScale: 'normalised' });
    const rho0 = randomDensity(F, 4, rng(2));
    expect(maxDiff(F, evolve(F, at(1e-9), rho0, 2), evolve(F, at(0), rho0, 2))).toBeLessThan(1e-8);
  });
});

describe('evolve: the paper’s steady states', () => {
  it('collective N = 2 (Eq. (7)): a random initial state relaxes to ρ_ss(β, c) with 1 − c = ⟨ψ−|ρ0|ψ−⟩', () => {
    for (const [beta, f] of [
      [1, 0],
      [0.3, 0.6],
      [4, -0.5],
    ]) {
      const m = collectiveCoupling(F, 2, { omega: 1, beta, gamma0: 1, f });
      const rho0 = randomDensity(F, 4, rng(100 + beta));
      const v = psi(F, -1);
      let overlap = 0;
      for (let a = 0; a < 4; a++) for (let b = 0; b < 4; b++) overlap += v[a] * rho0.re[a * 4 + b] * v[b];
      const ss = steadyStateByIntegration(F, m, rho0, { tolerance: 1e-11 });
      expect(maxDiff(F, ss.rho, twoQubitCollectiveSteadyState(F, Math.exp(-beta), 1 - overlap))).toBeLessThan(1e-9);
    }
  });
  it('decimal(50): Eq. (7) is the limit of the integration to 1e-21 (β = 0.7, f = 0.4)', () => {
    const beta = D50.fromString('0.7');
    const m = collectiveCoupling(D50, 2, { omega: D50.one, beta, gamma0: D50.one, f: D50.fromString('0.4') });
    const rho0 = randomDensity(D50, 4, rng(21)); // built in decimal so that Tr ρ0 = 1 to 50 digits
    const v = psi(D50, -1);
    let overlap = D50.zero;
    for (let a = 0; a < 4; a++) for (let b = 0; b < 4; b++) overlap = overlap.plus(v[a].times(rho0.re[a * 4 + b]).times(v[b]));
    const ss = steadyStateByIntegration(D50, m, rho0, { tolerance: 1e-22 });
    // the slowest mode decays at a rate ≈ 1, so the distance to the limit is about the residual
    expect(maxDiff(D50, ss.rho, twoQubitCollectiveSteadyState(D50, D50.exp(beta.neg()), D50.one.minus(overlap)))).toBeLessThan(1e-21);
  });
  it('collective N = 2 at β = ∞: a coherence between |ψ−⟩ and |00⟩ never decays, so no steady state is reached', () => {
    const m = collectiveCoupling(F, 2, { omega: 1, beta: Infinity, gamma0: 1, f: 0.3 });
    const v = psi(F, -1);
    const w = [0, 0, 0, 1].map((x, k) => (x + v[k]) / Math.SQRT2); // (|ψ−⟩ + |00⟩)/√2
    const rho0 = projector(F, w);
    const k00 = basisIndex('00');
    const coherence = (rho: CMatrix<number>): number => Math.hypot(...[1, 2].map((a) => Math.hypot(rho.re[a * 4 + k00], rho.im[a * 4 + k00])));
    const late = evolve(F, m, rho0, 40);
    expect(coherence(late)).toBeCloseTo(coherence(rho0), 12);
    expect(() => steadyStateByIntegration(F, m, rho0, { tolerance: 1e-10, maxTime: 50 })).toThrow(NotConvergedError);
  });
  it('collective N = 3 from the all-ground state (Eqs. (13)–(14)): blocks D_k = d_k U_k, d_k = (1−r)r^k / ((1−r^{N+1}) p_k)', () => {
    const N = 3;
    const beta = 0.7;
    const r = Math.exp(-beta);
    const m = collectiveCoupling(F, N, { omega: 1, beta, gamma0: 1, f: 0.2 });
    const ss = steadyStateByIntegration(F, m, basisState(N, '000'), { tolerance: 1e-11 }).rho;
    const binom = [1, 3, 3, 1];
    const want = zeros(F, 8);
    for (let a = 0; a < 8; a++)
      for (let b = 0; b < 8; b++) {
        const k = excitations(a, N);
        if (k === excitations(b, N)) want.re[a * 8 + b] = ((1 - r) * r ** k) / ((1 - r ** (N + 1)) * binom[k]);
      }
    expect(maxDiff(F, ss, want)).toBeLessThan(1e-9);
    expect(thermalRatio(F, 1, beta).r).toBe(r);
  });
});

describe('evolve: properties', () => {
  it('trace, Hermiticity and positivity are preserved (random models and states, N ≤ 3)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer(),
        fc.double({ min: 0.05, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (N, seed, beta, mu, t) => {
          const m = partiallyCollective(F, N, { omega: 1, beta, gamma0: 1, mu, f: 0.3 });
          const rho = evolve(F, lindbladian(F, m), randomDensity(F, 2 ** N, rng(seed)), t);
          const tr = trace(F, rho);
          expect(Math.abs(tr.re - 1) + Math.abs(tr.im)).toBeLessThan(1e-12);
          expect(hermiticityDefect(F, rho)).toBeLessThan(1e-13);
          expect(isPositiveWithin(F, rho, 1e-12)).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });
  it('the positivity check can fail: diag(1, −1e-9) is not positive within 1e-10', () => {
    const bad = { rows: 2, cols: 2, re: [1, 0, 0, -1e-9], im: [0, 0, 0, 0] };
    expect(isPositiveWithin(F, bad, 1e-10)).toBe(false);
    expect(isPositiveWithin(F, bad, 1e-8)).toBe(true);
  });
  it('semigroup: e^{(s+t)L} = e^{tL} e^{sL}', () => {
    const m = collectiveCoupling(F, 2, { omega: 1, beta: 0.5, gamma0: 1, f: 0.2 });
    fc.assert(
      fc.property(fc.double({ min: 0, max: 2, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }), fc.integer(), (s, t, seed) => {
        const rho0 = randomDensity(F, 4, rng(seed));
        expect(maxDiff(F, evolve(F, m, rho0, s + t), evolve(F, m, evolve(F, m, rho0, s), t))).toBeLessThan(1e-13);
      }),
      { numRuns: 25 },
    );
  });
  it('a stationary state stays put: Eq. (7) and the product Gibbs state under evolution', () => {
    const m = collectiveCoupling(F, 2, { omega: 1, beta: 1.2, gamma0: 1, f: 0.4 });
    expect(
      maxDiff(F, evolve(F, m, twoQubitCollectiveSteadyState(F, Math.exp(-1.2), 0.35), 5), twoQubitCollectiveSteadyState(F, Math.exp(-1.2), 0.35)),
    ).toBeLessThan(1e-13);
    expect(maxAbsOf(F, evolve(F, m, zeros(F, 4), 5))).toBe(0);
  });
});
