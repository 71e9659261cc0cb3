/**
 * The collective steady state at β = ∞: the limit exists only without undamped coherences between
 * the lowest states of different spins, checked against long-time integration of the master
 * equation; and the r → 0 limit of the finite-β map.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { float64 } from '../../src/numeric/float64.js';
import { decimalField } from '../../src/numeric/decimal.js';
import type { AnalyticField, Field } from '../../src/numeric/field.js';
import type { CMatrix } from '../../src/numeric/matrix.js';
import { applyLindbladian, collectiveCoupling, type LindbladModel } from '../../src/physics/lindblad.js';
import { evolve, steadyStateByIntegration } from '../../src/physics/evolve.js';
import { collectiveSteadyState } from '../../src/physics/steady-state.js';
import { steadyStateZeroTemperatureLimit } from '../../src/physics/steady-zero-temperature.js';
import { pureState, type StateVector } from '../../src/physics/states.js';
import { basisIndex } from '../../src/physics/qubits.js';
import { Rng, hilbertSchmidtState } from '../../src/random/index.js';
import { maxAbsOf, maxDiff } from './helpers.js';

const F = float64;
const D50 = decimalField(50);

/** The collective preset with γ0 = 1 (as in steady-state.test.ts). */
function collective<T>(K: AnalyticField<T>, N: number, beta: number, f: number | string = 0): LindbladModel<T> {
  const b = beta === Infinity && K.kind === 'decimal' ? K.fromString('Infinity') : K.fromNumber(beta);
  return collectiveCoupling(K, N, {
    omega: K.one,
    beta: b,
    gamma0: K.one,
    f: typeof f === 'string' ? K.fromString(f) : K.fromNumber(f),
    timeScale: 'physical',
  });
}
const mixed = <T>(K: Field<T>, seed: number, N: number): CMatrix<T> => hilbertSchmidtState(K, new Rng(seed, ['steady', 'hs']), 2 ** N);

describe('(f) β = ∞: the limit exists only without undamped coherences between the lowest states of different j', () => {
  const s = Math.SQRT1_2;
  // ψ− = (|01⟩ − |10⟩)/√2 in the order |11⟩, |10⟩, |01⟩, |00⟩
  const psiMinus = [0, -s, s, 0];
  const vec = (re: number[]): StateVector<number> => {
    const n = Math.hypot(...re);
    return { re: re.map((x) => x / n), im: re.map(() => 0) };
  };
  it('refuses (|ψ−⟩ + |00⟩)/√2 for N = 2: the coherence rotates at frequency ω − f forever, as the integration shows', () => {
    const m = collective(F, 2, Infinity, 0.3);
    const psi = vec(psiMinus.map((x, k) => x + (k === 3 ? 1 : 0)));
    const run = () => collectiveSteadyState(F, m, psi);
    expect(run).toThrow(InputError);
    expect(run).toThrow(/at β = ∞ there is no steady state from this ρ0: the coherence between the lowest states of spin j = 1 and j = 0 never decays/);
    expect(run).toThrow(/steadyStateZeroTemperatureLimit/);
    // and decimal(50) refuses it too
    expect(() =>
      collectiveSteadyState(
        D50,
        collective(D50, 2, Infinity, '0.3'),
        pureState(D50, { re: psi.re.map((x) => D50.fromNumber(x)), im: psi.im.map(() => D50.zero) }),
        { tolerance: 1e-15 },
      ),
    ).toThrow(InputError);
  });
  it('N = 2: coherences that decay (|ψ−⟩ with |11⟩ or ψ+, different depths) and states without cross-j terms have a limit, equal to the integration', () => {
    const m = collective(F, 2, Infinity, 0.3);
    for (const psi of [vec(psiMinus.map((x, k) => x + (k === 0 ? 1 : 0))), vec([0, 1 - s, 1 + s, 0]), vec([0.3, 0.5, 0.5, 0.7])]) {
      const ss = collectiveSteadyState(F, m, psi);
      expect(ss.method).toBe('Schur–Weyl exact limit at β = ∞ (no undamped coherence in ρ0)');
      const ref = steadyStateByIntegration(F, m, pureState(F, psi), { tolerance: 1e-11 }).rho;
      expect(maxDiff(F, ss.rho, ref)).toBeLessThan(1e-10);
      expect(maxDiff(F, ss.rho, steadyStateZeroTemperatureLimit(F, 2, psi).rho)).toBeLessThan(1e-15);
    }
  });
  it('N = 3: a depth-1 coherence feeds the bottom one with weight ℓ₁ = √3γ/(2γ + 2if); a state where they cancel has a limit, a perturbed one does not', () => {
    // Hand-built vectors (labels '1' = excited): |3/2, −3/2⟩ = |000⟩, |3/2, −1/2⟩ = W state,
    // |1/2, 1/2⟩ = (|110⟩ − |101⟩)/√2 (killed by J+), |1/2, −1/2⟩ = J−|1/2, 1/2⟩ = (|010⟩ − |001⟩)/√2.
    // On |3/2, −3/2 + d⟩⟨1/2, −1/2 + d|: A = (0, 3) and (0, 1), E = ω·k + f(A − k) with k = (0, 1) and
    // (1, 2), so λ0 − λ1 = 2γ + 2if and κ1 = √3γ: ℓ1 = √3γ/(2γ + 2if); with γ = 1, f = 0.4:
    const f = 0.4;
    const ell = { re: (Math.sqrt(3) * 2) / (4 + 4 * f * f), im: -(Math.sqrt(3) * 2 * f) / (4 + 4 * f * f) };
    const e = (label: string, c: { re: number; im: number }): [number, { re: number; im: number }] => [basisIndex(label), c];
    // ψ = a|000⟩ + b W + c|1/2,−1/2⟩ + g|1/2, 1/2⟩: the bottom coherence is a c̄ + ℓ1 b ḡ. Pick a, b, g; solve for c.
    const a = 0.6;
    const b = 0.5;
    const g = { re: 0.4, im: 0.2 };
    const lbg = { re: ell.re * b * g.re + ell.im * b * g.im, im: ell.im * b * g.re - ell.re * b * g.im }; // ℓ b ḡ
    const cBar = { re: -lbg.re / a, im: -lbg.im / a };
    const build = (c: { re: number; im: number }): StateVector<number> => {
      const re = new Array<number>(8).fill(0);
      const im = new Array<number>(8).fill(0);
      const w = b / Math.sqrt(3);
      const terms = [
        e('000', { re: a, im: 0 }),
        e('100', { re: w, im: 0 }),
        e('010', { re: w + c.re * s, im: c.im * s }),
        e('001', { re: w - c.re * s, im: -c.im * s }),
        e('110', { re: g.re * s, im: g.im * s }),
        e('101', { re: -g.re * s, im: -g.im * s }),
      ];
      for (const [k, z] of terms) {
        re[k] += z.re;
        im[k] += z.im;
      }
      const n = Math.hypot(...re, ...im);
      return { re: re.map((x) => x / n), im: im.map((x) => x / n) };
    };
    const m = collective(F, 3, Infinity, f);
    const good = build({ re: cBar.re, im: -cBar.im });
    const ss = collectiveSteadyState(F, m, good);
    const ref = steadyStateByIntegration(F, m, pureState(F, good), { tolerance: 1e-11 });
    expect(maxDiff(F, ss.rho, ref.rho)).toBeLessThan(1e-10);
    const spoiled = build({ re: cBar.re + 0.05, im: -cBar.im });
    expect(() => collectiveSteadyState(F, m, spoiled)).toThrow(/no steady state/);
    // the integration confirms: without cancellation the bottom coherence keeps rotating
    const late = evolve(F, m, pureState(F, spoiled), 60);
    expect(maxAbsOf(F, applyLindbladian(F, m, late))).toBeGreaterThan(1e-3);
  });
  it('ω = f: the bottom states are degenerate, the coherence is stationary and is kept (groundCoherences), as the integration shows', () => {
    const m = collective(F, 2, Infinity, 1);
    const psi = vec(psiMinus.map((x, k) => x + (k === 3 ? 1 : 0) + (k === 0 ? 0.5 : 0)));
    const ss = collectiveSteadyState(F, m, psi);
    expect(ss.groundCoherences.map((g) => [g.twoJ, g.twoJPrime])).toEqual([
      [2, 0],
      [0, 2],
    ]);
    expect(maxAbsOf(F, applyLindbladian(F, m, ss.rho))).toBeLessThan(1e-15);
    const ref = steadyStateByIntegration(F, m, pureState(F, psi), { tolerance: 1e-11 }).rho;
    expect(maxDiff(F, ss.rho, ref)).toBeLessThan(1e-10);
  });
  it('steadyStateZeroTemperatureLimit is the r → 0 limit of the finite-β map (β = 40 differs by < r ≈ 4e-18)', () => {
    for (const N of [2, 3, 4]) {
      const rho0 = mixed(F, 70 + N, N);
      const near = collectiveSteadyState(F, collective(F, N, 40), rho0).rho;
      expect(maxDiff(F, steadyStateZeroTemperatureLimit(F, N, rho0).rho, near)).toBeLessThan(1e-15);
    }
  });
});
