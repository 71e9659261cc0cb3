import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../../src/errors.js';
import { float64 } from '../../src/numeric/float64.js';
import { decimalField } from '../../src/numeric/decimal.js';
import type { Field } from '../../src/numeric/field.js';
import { add, hermiticityDefect, mul, sub, trace, zeros, type CMatrix } from '../../src/numeric/matrix.js';
import { eigh } from '../../src/numeric/eigh.js';
import { l1Coherence } from '../../src/physics/coherence.js';
import { basisIndex, excitations, jMinus, jPlus, jz } from '../../src/physics/qubits.js';
import {
  binomial,
  dickeState,
  twoQubitBellBasis,
  tripletWeight,
  twoQubitCollectiveSteadyState,
  gibbsState,
  pureState,
  type StateVector,
} from '../../src/physics/states.js';
import { groundSteadyBlockEntries, groundStateSteadyState } from '../../src/physics/ground-steady-state.js';
import { Rng, hilbertSchmidtState } from '../../src/random/index.js';
import { isPositiveWithin, maxDiff, productGibbs, projector, psi } from './helpers.js';

const F = float64;
const D50 = decimalField(50);
const T = { beta: 1, omega: 1 };

describe('named states: refuse', () => {
  it.each([
    ['c > 1 in Eq. (7)', () => twoQubitCollectiveSteadyState(F, { ...T, c: 1.5 }), /c must lie in \[0, 1\]/],
    ['c < 0 in Eq. (7)', () => twoQubitCollectiveSteadyState(F, { ...T, c: -0.1 }), /c must lie in \[0, 1\]/],
    ['c = NaN', () => twoQubitCollectiveSteadyState(F, { ...T, c: NaN }), /c is NaN/],
    ['a negative β', () => twoQubitCollectiveSteadyState(F, { beta: -1, omega: 1, c: 0.5 }), /β must be ≥ 0, got -1/],
    ['β = NaN', () => gibbsState(F, 2, { beta: NaN, omega: 1 }), /β is NaN/],
    ['ω = 0', () => groundStateSteadyState(F, 2, { beta: 1, omega: 0 }), /ω must be finite and > 0/],
    ['ω = ∞', () => groundSteadyBlockEntries(F, 2, { beta: 1, omega: Infinity }), /ω must be finite and > 0/],
    ['tripletWeight of a 3-qubit ρ0', () => tripletWeight(F, zeros(F, 8)), /ρ0 must be 4×4 \(two qubits\), got 8×8/],
    ['a Dicke state with more excitations than qubits', () => dickeState(F, 4, 5), /integer in \[0, 4\], got 5/],
    ['a Dicke state with a fractional excitation number', () => dickeState(F, 4, 1.5), /got 1.5/],
    ['N = 0', () => groundStateSteadyState(F, 0, T), /integer in \[1, 12\], got 0/],
    ['N = 13', () => gibbsState(F, 13, T), /got 13/],
    ['mismatched real and imaginary parts', () => pureState(F, { re: [1, 0], im: [0] }), /lengths 2 and 1/],
  ])('%s', (_, run, message) => {
    expect(run).toThrow(InputError);
    expect(run).toThrow(message);
  });
});

describe('Eq. (7) and its parameter c', () => {
  const sandwich = (v: StateVector<number>, rho: CMatrix<number>): number => {
    let s = 0;
    for (let a = 0; a < 4; a++) for (let b = 0; b < 4; b++) s += v.re[a] * rho.re[a * 4 + b] * v.re[b];
    return s;
  };
  it('edge rows: β = ∞ with c = 1 is |00⟩⟨00| and c = 0 is |ψ−⟩⟨ψ−|; β = 0 spreads c evenly over the triplet', () => {
    const g = zeros(F, 4);
    g.re[15] = 1;
    expect(twoQubitCollectiveSteadyState(F, { beta: Infinity, omega: 1, c: 1 })).toEqual(g);
    expect(maxDiff(F, twoQubitCollectiveSteadyState(F, { beta: Infinity, omega: 1, c: 0 }), projector(F, psi(F, -1)))).toBeLessThan(4e-16); // (1/√2)² vs ½: a few roundings
    const hot = twoQubitCollectiveSteadyState(F, { beta: 0, omega: 1, c: 0.6 });
    const { psi0, psi1, psiPlus, psiMinus } = twoQubitBellBasis(F);
    for (const v of [psi0, psi1, psiPlus]) expect(sandwich(v, hot)).toBeCloseTo(0.2, 15);
    expect(sandwich(psiMinus, hot)).toBeCloseTo(0.4, 15);
  });
  it('tripletWeight: 0 for ψ−, 1 for ψ0 = |00⟩ (last basis vector), ψ1 = |11⟩ (first) and ψ+, ½ for |10⟩', () => {
    const { psi0, psi1, psiPlus, psiMinus } = twoQubitBellBasis(F);
    expect(psi0.re[basisIndex('00')]).toBe(1);
    expect(psi1.re[basisIndex('11')]).toBe(1);
    expect(tripletWeight(F, pureState(F, psiMinus))).toBeCloseTo(0, 16);
    for (const v of [psi0, psi1, psiPlus]) expect(tripletWeight(F, pureState(F, v))).toBeCloseTo(1, 15);
    const ten = zeros(F, 4);
    ten.re[basisIndex('10') * 5] = 1;
    expect(tripletWeight(F, ten)).toBe(0.5);
  });
  it.each([
    [0.01, 0.3],
    [1, 0.45],
    [1, 0.8],
    [10, 0.9],
  ])('β = %d, c = %d: the spectrum is Eq. (9), {1 − c, c e^{2βω}/Σ, c e^{βω}/Σ, c/Σ}, Σ = 1 + e^{βω} + e^{2βω}, and C_l1 is Eq. (8)', (beta, c) => {
    const rho = twoQubitCollectiveSteadyState(F, { beta, omega: 1, c });
    const x = Math.exp(beta);
    const sum = 1 + x + x * x;
    const want = [1 - c, (c * x * x) / sum, (c * x) / sum, c / sum].sort((p, q) => p - q);
    eigh(F, rho).values.forEach((v, k) => expect(v).toBeCloseTo(want[k], 14));
    expect(l1Coherence(F, rho)).toBeCloseTo(Math.abs(-1 + c + c / (1 + 2 * Math.cosh(beta))), 14);
  });
  it('decimal(50): tripletWeight(twoQubitCollectiveSteadyState(c)) = c and trace 1 to 1e-48', () => {
    const c = D50.fromString('0.3141592653589793238462643383279502884197');
    const rho = twoQubitCollectiveSteadyState(D50, { beta: D50.fromString('0.7'), omega: D50.one, c });
    expect(Math.abs(D50.toNumber(D50.sub(tripletWeight(D50, rho), c)))).toBeLessThan(1e-48);
    expect(Math.abs(D50.toNumber(D50.sub(trace(D50, rho).re, D50.one)))).toBeLessThan(1e-48);
  });
  it('properties: Eq. (7) is a density matrix with tripletWeight = c; for any ρ0, c = 1 − ⟨ψ−|ρ0|ψ−⟩', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 50, noNaN: true, noDefaultInfinity: true }),
        fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 0, max: 1e6 }),
        (beta, c, seed) => {
          const rho = twoQubitCollectiveSteadyState(F, { beta, omega: 1, c });
          expect(hermiticityDefect(F, rho)).toBe(0);
          expect(Math.abs(trace(F, rho).re - 1)).toBeLessThan(1e-15);
          expect(isPositiveWithin(F, rho, 1e-15)).toBe(true);
          expect(tripletWeight(F, rho)).toBeCloseTo(c, 15);
          const rho0 = hilbertSchmidtState(F, new Rng(seed), 4);
          expect(tripletWeight(F, rho0)).toBeCloseTo(1 - sandwich(twoQubitBellBasis(F).psiMinus, rho0), 15);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('Eqs. (13)–(15): the ground-state steady state', () => {
  /** Eq. (14) exactly as printed: (1 − r) r^k / ((1 − r^{N+1}) p_k). */
  const printed = (N: number, r: number, k: number): number => ((1 - r) * r ** k) / ((1 - r ** (N + 1)) * binomial(N, k));
  it('edge row β = 0: d_k = 1/((N+1) p_k) exactly', () => {
    for (let N = 1; N <= 12; N++) groundSteadyBlockEntries(F, N, { beta: 0, omega: 1 }).forEach((d, k) => expect(d).toBe(1 / (binomial(N, k) * (N + 1))));
  });
  it('edge row β = ∞: only the all-ground block, d_0 = 1', () => {
    expect(groundSteadyBlockEntries(F, 3, { beta: Infinity, omega: 1 })).toEqual([1, 0, 0, 0]);
  });
  it.each([0.1, 1, 5])('β = %d: the coefficients equal Eq. (14) as printed, N = 1 … 12 (relative 1e-13)', (beta) => {
    const r = Math.exp(-beta);
    for (let N = 1; N <= 12; N++)
      groundSteadyBlockEntries(F, N, { beta, omega: 1 }).forEach((d, k) => expect(Math.abs(d / printed(N, r, k) - 1)).toBeLessThan(1e-13));
  });
  it('decimal(50): Eq. (14) as printed, N = 7, β = 0.9, relative 1e-46', () => {
    const r = D50.exp(D50.fromString('-0.9'));
    const one = D50.one;
    groundSteadyBlockEntries(D50, 7, { beta: D50.fromString('0.9'), omega: one }).forEach((d, k) => {
      const want = D50.div(
        D50.mul(D50.sub(one, r), D50.pow(r, D50.fromNumber(k))),
        D50.mul(D50.sub(one, D50.pow(r, D50.fromNumber(8))), D50.fromNumber(binomial(7, k))),
      );
      expect(Math.abs(D50.toNumber(D50.sub(D50.div(d, want), one)))).toBeLessThan(1e-46);
    });
  });
  it.each([1, 2, 3, 4, 5, 6])('N = %i: block structure of Eq. (13) (D_k = d_k U_k, zero between sectors), unit trace, and C_l1 from Eq. (15)', (N) => {
    for (const beta of [0, 0.4, 2]) {
      const r = Math.exp(-beta);
      const rho = groundStateSteadyState(F, N, { beta, omega: 1 });
      const dk = groundSteadyBlockEntries(F, N, { beta, omega: 1 });
      const d = 2 ** N;
      for (let a = 0; a < d; a++)
        for (let b = 0; b < d; b++) expect(rho.re[a * d + b]).toBe(excitations(a, N) === excitations(b, N) ? dk[excitations(a, N)] : 0);
      expect(trace(F, rho).re).toBeCloseTo(1, 14);
      const eq15 = beta === 0 ? (2 ** N - N - 1) / (N + 1) : ((r - 1) * (r + 1) ** N) / (r ** (N + 1) - 1) - 1;
      expect(l1Coherence(F, rho)).toBeCloseTo(eq15, 12);
    }
  });
});

describe('Gibbs and Dicke states', () => {
  it('edge rows: β = ∞ gives the all-ground state (last basis vector), β = 0 the maximally mixed state', () => {
    const g = gibbsState(F, 3, { beta: Infinity, omega: 1 });
    expect(g.re[7 * 8 + 7]).toBe(1);
    expect(trace(F, g).re).toBe(1);
    const hot = gibbsState(F, 3, { beta: 0, omega: 1 });
    for (let a = 0; a < 8; a++) expect(hot.re[a * 9]).toBe(1 / 8);
  });
  it('gibbsState equals the Kronecker product of one-qubit thermal states (independent route), N = 1 … 5', () => {
    for (let N = 1; N <= 5; N++)
      for (const beta of [0.3, 2]) expect(maxDiff(F, gibbsState(F, N, { beta, omega: 1.5 }), productGibbs(F, N, Math.exp(-1.5 * beta)))).toBeLessThan(1e-15); // ≤ 2N roundings
  });
  it('decimal(50): the Gibbs state has trace 1 to 1e-48 (N = 6, β = 0.37)', () => {
    const g = gibbsState(D50, 6, { beta: D50.fromString('0.37'), omega: D50.one });
    expect(Math.abs(D50.toNumber(D50.sub(trace(D50, g).re, D50.one)))).toBeLessThan(1e-48);
  });
  it('Dicke states |N, k⟩: unit norm, J_z = k − N/2, J² = (N/2)(N/2 + 1), N = 1 … 6', () => {
    const applyTo = <T>(K: Field<T>, A: CMatrix<T>, v: StateVector<T>) => mul(K, A, { rows: v.re.length, cols: 1, re: v.re.slice(), im: v.im.slice() });
    for (let N = 1; N <= 6; N++) {
      const Jz = jz(F, N);
      const J2 = add(F, mul(F, jPlus(F, N), jMinus(F, N)), sub(F, mul(F, Jz, Jz), Jz));
      for (let k = 0; k <= N; k++) {
        const v = dickeState(F, N, k);
        expect(v.re.reduce((s, x) => s + x * x, 0)).toBeCloseTo(1, 14);
        applyTo(F, Jz, v).re.forEach((x, i) => expect(x).toBeCloseTo((k - N / 2) * v.re[i], 14));
        applyTo(F, J2, v).re.forEach((x, i) => expect(x).toBeCloseTo((N / 2) * (N / 2 + 1) * v.re[i], 13));
      }
    }
  });
  it('pureState is exactly Hermitian and equals |ψ⟩⟨ψ| (helpers.projector for real ψ)', () => {
    const v = dickeState(F, 3, 1);
    expect(maxDiff(F, pureState(F, v), projector(F, v.re))).toBe(0);
    const c = pureState(F, { re: [0.6, 0], im: [0, 0.8] });
    expect(hermiticityDefect(F, c)).toBe(0);
    expect(c.im[1]).toBeCloseTo(-0.48, 16);
  });
});
