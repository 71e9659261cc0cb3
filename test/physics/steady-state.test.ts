import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../../src/errors.js';
import { float64 } from '../../src/numeric/float64.js';
import { decimalField } from '../../src/numeric/decimal.js';
import type { AnalyticField, Field } from '../../src/numeric/field.js';
import { add, adjoint, convertMatrix, hermiticityDefect, scaleReal, trace, traceProduct, zeros, type CMatrix } from '../../src/numeric/matrix.js';
import { applyLindbladian, collectiveCoupling, individualCoupling, partiallyCollective, type LindbladModel } from '../../src/physics/lindblad.js';
import { evolve, steadyStateByIntegration } from '../../src/physics/evolve.js';
import { collectiveSteadyState, collectiveSteadyStateMap } from '../../src/physics/steady-state.js';
import type { InitialState } from '../../src/physics/steady-input.js';
import { steadyStateZeroTemperatureLimit } from '../../src/physics/steady-zero-temperature.js';
import { spinBasis, spinBasisVector } from '../../src/physics/spin-basis.js';
import { dickeState, tripletWeight, twoQubitCollectiveSteadyState, gibbsState, pureState, type StateVector } from '../../src/physics/states.js';
import { groundStateSteadyState } from '../../src/physics/ground-steady-state.js';
import { ergotropy } from '../../src/physics/ergotropy.js';
import { l1Coherence } from '../../src/physics/coherence.js';
import { basisIndex, h0 } from '../../src/physics/qubits.js';
import { Rng, haarStateVector, hilbertSchmidtState } from '../../src/random/index.js';
import { isPositiveWithin, maxAbsOf, maxDiff, randomMatrix, rng as mulberry } from './helpers.js';

const F = float64;
const D50 = decimalField(50);

/** The collective preset with γ0 = 1; β = 0 needs the normalised time scale for applyLindbladian and evolve. */
function collective<T>(K: AnalyticField<T>, N: number, beta: number | T, f: number | string = 0, omega: number = 1): LindbladModel<T> {
  const b = typeof beta === 'number' ? (beta === Infinity && K.kind === 'decimal' ? K.fromString('Infinity') : K.fromNumber(beta)) : beta;
  const timeScale = K.isZero(b) ? 'normalised' : 'physical';
  return collectiveCoupling(K, N, {
    omega: K.fromNumber(omega),
    beta: b,
    gamma0: K.one,
    f: typeof f === 'string' ? K.fromString(f) : K.fromNumber(f),
    timeScale,
  });
}
const haar = <T>(K: Field<T>, seed: number, N: number): StateVector<T> => haarStateVector(K, new Rng(seed, ['steady', 'haar']), 2 ** N);
const mixed = <T>(K: Field<T>, seed: number, N: number): CMatrix<T> => hilbertSchmidtState(K, new Rng(seed, ['steady', 'hs']), 2 ** N);
const basisState = (N: number, label: string): StateVector<number> => {
  const re = new Array<number>(2 ** N).fill(0);
  re[basisIndex(label)] = 1;
  return { re, im: new Array<number>(2 ** N).fill(0) };
};
const asMatrix = <T>(K: Field<T>, x: InitialState<T>): CMatrix<T> => ('rows' in x ? x : pureState(K, x));

describe('collectiveSteadyState: refuses', () => {
  const m2 = collective(F, 2, 1);
  const rho2 = mixed(F, 1, 2);
  const bad = (change: (r: CMatrix<number>) => void): CMatrix<number> => {
    const r = { ...rho2, re: rho2.re.slice(), im: rho2.im.slice() };
    change(r);
    return r;
  };
  it.each([
    ['a negative β', () => collectiveSteadyState(F, collective(F, 2, 1), rho2) && collectiveSteadyState(F, { ...m2, beta: -0.5 }, rho2), /β must be ≥ 0/],
    ['β = NaN', () => collectiveSteadyState(F, { ...m2, beta: NaN }, rho2), /β is NaN/],
    ['ω ≤ 0', () => collectiveSteadyState(F, { ...m2, omega: 0 }, rho2), /ω must be finite and > 0/],
    ['ρ0 of the wrong size', () => collectiveSteadyState(F, m2, mixed(F, 1, 3)), /ρ0 must be 4×4 for N = 2, got 8×8/],
    ['a state vector of the wrong length', () => collectiveSteadyState(F, m2, haar(F, 1, 3)), /state vector must have length 4 for N = 2, got 8/],
    [
      'individual coupling (γ_ij not all equal)',
      () => collectiveSteadyState(F, individualCoupling(F, 2, { omega: 1, beta: 1, gamma0: 1 }), rho2),
      /needs collective coupling \(all γ_ij equal\), but γ\[0\]\[1\] = 0/,
    ],
    [
      'partially collective coupling',
      () => collectiveSteadyState(F, partiallyCollective(F, 3, { omega: 1, beta: 1, gamma0: 1, mu: 0.5 }), mixed(F, 1, 3)),
      /needs collective coupling/,
    ],
    [
      'non-uniform dipole couplings',
      () =>
        collectiveSteadyState(
          F,
          {
            ...collective(F, 3, 1),
            f: [
              [0, 1, 2],
              [1, 0, 1],
              [2, 1, 0],
            ],
          },
          mixed(F, 1, 3),
        ),
      /uniform dipole coupling/,
    ],
    ['γ0 = 0 (nothing relaxes)', () => collectiveSteadyState(F, collectiveCoupling(F, 2, { omega: 1, beta: 1, gamma0: 0 }), rho2), /γ0 must be > 0/],
    [
      'a non-Hermitian ρ0',
      () =>
        collectiveSteadyState(
          F,
          m2,
          bad((r) => (r.im[1] += 1e-3)),
        ),
      /ρ0 is not Hermitian/,
    ],
    ['a ρ0 of trace ≠ 1', () => collectiveSteadyState(F, m2, scaleReal(F, 2, rho2)), /ρ0 has trace 2, not 1/],
    [
      'a NaN entry',
      () =>
        collectiveSteadyState(
          F,
          m2,
          bad((r) => (r.re[5] = NaN)),
        ),
      /non-finite entry at position 5/,
    ],
    ['an unnormalised state vector', () => collectiveSteadyState(F, m2, { re: [1, 1, 0, 0], im: [0, 0, 0, 0] }), /squared norm 2, not 1/],
    ['a negative tolerance', () => collectiveSteadyState(F, m2, rho2, { tolerance: -1 }), /tolerance must be a finite number ≥ 0/],
    ['the r → 0 limit with N = 13', () => steadyStateZeroTemperatureLimit(F, 13, rho2), /integer in \[1, 12\], got 13/],
    ['the linear map on a matrix of the wrong size', () => collectiveSteadyStateMap(F, m2, zeros(F, 3)), /ρ0 must be 4×4/],
  ])('%s', (_, run, message) => {
    expect(run).toThrow(InputError);
    expect(run).toThrow(message);
  });
});

describe('collectiveSteadyState: the paper’s closed forms', () => {
  it.each([0, 0.1, 1, 3, 40])('N = 2, β = %d: the map equals Eq. (7) with c = tripletWeight(ρ0) for random ρ0 (float64 to 1e-15)', (beta) => {
    for (let seed = 0; seed < 4; seed++) {
      const rho0 = seed % 2 === 0 ? mixed(F, seed, 2) : pureState(F, haar(F, seed, 2));
      const ss = collectiveSteadyState(F, collective(F, 2, beta, 0.3), rho0);
      expect(maxDiff(F, ss.rho, twoQubitCollectiveSteadyState(F, { beta, omega: 1, c: tripletWeight(F, rho0) }))).toBeLessThan(1e-15);
    }
  });
  it('decimal(50), N = 2, β = 0.7: the map equals Eq. (7) to 1e-48', () => {
    const beta = D50.fromString('0.7');
    const rho0 = mixed(D50, 3, 2);
    const ss = collectiveSteadyState(D50, collective(D50, 2, beta, '0.4'), rho0);
    expect(maxDiff(D50, ss.rho, twoQubitCollectiveSteadyState(D50, { beta, omega: D50.one, c: tripletWeight(D50, rho0) }))).toBeLessThan(1e-48);
  });
  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'N = %i: from the all-ground state the map gives Eqs. (13)–(14), at β = 0, 0.5, 3 (vector path; dense path for N ≤ 5)',
    (N) => {
      for (const beta of [0, 0.5, 3]) {
        const want = groundStateSteadyState(F, N, { beta, omega: 1 });
        const ground = basisState(N, '0'.repeat(N));
        const m = collective(F, N, beta, 0.2);
        expect(maxDiff(F, collectiveSteadyState(F, m, ground).rho, want)).toBeLessThan(1e-15);
        if (N <= 5) expect(maxDiff(F, collectiveSteadyState(F, m, pureState(F, ground)).rho, want)).toBeLessThan(1e-15);
      }
    },
  );
  it('every Dicke state |N, k⟩ lies in j = N/2, so it relaxes to the same Eqs. (13)–(14) state (N = 4, 6)', () => {
    for (const N of [4, 6])
      for (let k = 0; k <= N; k++) {
        const ss = collectiveSteadyState(F, collective(F, N, 0.8), dickeState(F, N, k));
        expect(maxDiff(F, ss.rho, groundStateSteadyState(F, N, { beta: 0.8, omega: 1 }))).toBeLessThan(1e-14);
      }
  });
  it('decimal(50): Eqs. (13)–(14) from the all-ground state, N = 4, β = 1.3, to 1e-48', () => {
    const beta = D50.fromString('1.3');
    const ground = dickeState(D50, 4, 0);
    const ss = collectiveSteadyState(D50, collective(D50, 4, beta), ground);
    expect(maxDiff(D50, ss.rho, groundStateSteadyState(D50, 4, { beta, omega: D50.one }))).toBeLessThan(1e-48);
  });
  it.each([0, 0.8, 4])('β = %d: the Gibbs state of H0 is a fixed point of the map (N = 1 … 5, f = 0.6)', (beta) => {
    for (let N = 1; N <= 5; N++) {
      const g = gibbsState(F, N, { beta, omega: 1 });
      expect(maxDiff(F, collectiveSteadyState(F, collective(F, N, beta, 0.6), g).rho, g)).toBeLessThan(1e-15);
    }
  });
  it('the blocks: β = 0 gives uniform spin weights 1/(2j+1); M_j has trace = weight of spin j; weights favour low energy (r^{m+j})', () => {
    const ss0 = collectiveSteadyState(F, collective(F, 4, 0), haar(F, 7, 4));
    for (const b of ss0.blocks) for (const w of b.weights) expect(w).toBeCloseTo(1 / (2 * b.j + 1), 15);
    const ss = collectiveSteadyState(F, collective(F, 4, 0.5), haar(F, 7, 4));
    expect(ss.blocks.map((b) => b.twoJ)).toEqual([4, 2, 0]);
    expect(ss.blocks.reduce((s, b) => s + trace(F, b.M).re, 0)).toBeCloseTo(1, 14);
    const w2 = ss.blocks[0].weights; // j = 2, m = −2 … 2
    for (let d = 1; d < w2.length; d++) expect(w2[d] / w2[d - 1]).toBeCloseTo(Math.exp(-0.5), 14);
    expect(ss.method).toBe('Schur–Weyl exact map (finite β)');
  });
  it('the result depends on β, ω only through r = e^{−βω}, and not at all on f or γ0', () => {
    const rho0 = mixed(F, 11, 3);
    const a = collectiveSteadyState(F, collective(F, 3, 0.7, 0, 1), rho0).rho;
    const b = collectiveSteadyState(F, collectiveCoupling(F, 3, { omega: 2, beta: 0.35, gamma0: 5, f: -3 }), rho0).rho;
    expect(maxDiff(F, a, b)).toBeLessThan(1e-15);
    expect(maxDiff(F, a, collectiveSteadyState(F, collective(F, 3, 0.8), rho0).rho)).toBeGreaterThan(1e-3);
  });
});

describe('(a) stationarity: L(ρ_ss) = 0 for the collective model (Eq. (4)), f = 0 and f ≠ 0', () => {
  // ‖L‖ ≲ N²(2n̄ + 1) + N|f| ≈ 100 here, entries of ρ_ss carry ≲ N roundings: |L(ρ_ss)| ≲ 1e-13.
  it.each([1, 2, 3, 4, 5])('float64, N = %i: Haar pure (vector path) and Hilbert–Schmidt mixed initial states, β = 0, 0.4, 2', (N) => {
    for (const beta of [0, 0.4, 2])
      for (const f of [0, 0.7]) {
        const m = collective(F, N, beta, f);
        for (const initial of [haar(F, N, N), mixed(F, N, N)]) {
          const ss = collectiveSteadyState(F, m, initial);
          expect(maxAbsOf(F, applyLindbladian(F, m, ss.rho))).toBeLessThan(1e-12);
        }
      }
  });
  it.each([1, 2, 3, 4, 5])('decimal(50), N = %i: |L(ρ_ss)| < 1e-45 (β = 0 and 0.7, f = 0.4)', (N) => {
    for (const beta of [D50.zero, D50.fromString('0.7')]) {
      const m = collective(D50, N, beta, '0.4');
      const initial = N <= 3 ? mixed(D50, N, N) : haar(D50, N, N);
      const ss = collectiveSteadyState(D50, m, initial);
      expect(maxAbsOf(D50, applyLindbladian(D50, m, ss.rho))).toBeLessThan(1e-45);
    }
  });
  it('the check can fail: ρ0 itself, or ρ_ss with one block weight perturbed, is not stationary', () => {
    const m = collective(F, 3, 0.6, 0.3);
    const rho0 = mixed(F, 5, 3);
    expect(maxAbsOf(F, applyLindbladian(F, m, rho0))).toBeGreaterThan(1e-3);
    const ss = collectiveSteadyState(F, m, rho0).rho;
    const k = basisIndex('111');
    const off = { ...ss, re: ss.re.slice() };
    off.re[k * 8 + k] += 1e-6;
    expect(maxAbsOf(F, applyLindbladian(F, m, off))).toBeGreaterThan(1e-7);
  });
});

describe('(b) the conserved quantities I_spin ⊗ |α⟩⟨α′| of each j', () => {
  /** Q = Σ_m |j, m, α⟩⟨j, m, α′| as a dense matrix. */
  function conserved<T>(K: Field<T>, N: number, twoJ: number, a: number, b: number): CMatrix<T> {
    const basis = spinBasis(K, N);
    let Q = zeros(K, 2 ** N);
    for (let d = 0; d <= twoJ; d++) {
      const u = spinBasisVector(basis, twoJ, d, a);
      const v = spinBasisVector(basis, twoJ, d, b);
      const P = zeros(K, 2 ** N);
      for (let x = 0; x < 2 ** N; x++) for (let y = 0; y < 2 ** N; y++) P.re[x * 2 ** N + y] = K.mul(u.re[x], v.re[y]);
      Q = add(K, Q, P);
    }
    return Q;
  }
  it.each([2, 3, 4])('N = %i: Tr(Q L(X)) = 0 for random X (Q is conserved by Eq. (4), f ≠ 0), and Tr(Q ρ0) = Tr(Q ρ_ss)', (N) => {
    const m = collective(F, N, 0.9, 0.5);
    const rho0 = mixed(F, 20 + N, N);
    const ss = collectiveSteadyState(F, m, rho0).rho;
    const X = randomMatrix(F, 2 ** N, mulberry(N));
    const LX = applyLindbladian(F, m, X);
    for (const fam of spinBasis(F, N).families)
      for (let a = 0; a < fam.multiplicity; a++)
        for (let b = 0; b < fam.multiplicity; b++) {
          const Q = conserved(F, N, fam.twoJ, a, b);
          const drift = traceProduct(F, Q, LX);
          expect(Math.hypot(drift.re, drift.im)).toBeLessThan(1e-13);
          const before = traceProduct(F, Q, rho0);
          const after = traceProduct(F, Q, ss);
          expect(Math.hypot(before.re - after.re, before.im - after.im)).toBeLessThan(1e-15);
        }
  });
  it('the check can fail: J_z (not conserved) changes between ρ0 = |11⟩⟨11| and ρ_ss', () => {
    const ss = collectiveSteadyState(F, collective(F, 2, 0.9), basisState(2, '11')).rho;
    const Jz = (rho: CMatrix<number>) => rho.re[0] - rho.re[15];
    expect(Jz(pureState(F, basisState(2, '11'))) - Jz(ss)).toBeGreaterThan(0.1);
  });
});

describe('(c) agreement with long-time integration of Eq. (4) (independent route)', () => {
  // steadyStateByIntegration stops at ‖L(ρ)‖_F ≤ 1e-11; the slowest decay rates here are ≳ 0.1, so
  // the distance to the limit is ≲ 1e-10.
  it.each([1, 2, 3, 4])('float64, N = %i: random mixed and pure initial states, several β (0 for N = 3), f = 0 and 0.6', (N) => {
    const betas = N === 3 ? [0, 0.5, 1.5] : N === 4 ? [0.5] : [0.5, 1.5];
    for (const beta of betas)
      for (const f of [0, 0.6]) {
        const m = collective(F, N, beta, f);
        const rho0 = ((beta + f) * 10) % 2 < 1 ? mixed(F, 30 + N, N) : pureState(F, haar(F, 30 + N, N));
        const byIntegration = steadyStateByIntegration(F, m, rho0, { tolerance: 1e-11 }).rho;
        expect(maxDiff(F, collectiveSteadyState(F, m, rho0).rho, byIntegration)).toBeLessThan(1e-10);
      }
  });
  it('decimal(50), N = 2: integration to ‖L(ρ)‖ ≤ 1e-30 agrees with the map to 1e-29 (β = 0.3, f = 0.4)', () => {
    // (one case: the integration costs ≈ 25 applications of L per unit of t‖L‖ at 50 digits)
    const m = collective(D50, 2, D50.fromString('0.3'), '0.4');
    const rho0 = mixed(D50, 41, 2);
    const byIntegration = steadyStateByIntegration(D50, m, rho0, { tolerance: 1e-30 }).rho;
    expect(maxDiff(D50, collectiveSteadyState(D50, m, rho0).rho, byIntegration)).toBeLessThan(1e-29);
  });
  it('the check can fail: at finite time the state is still measurably away from ρ_ss', () => {
    const m = collective(F, 3, 0.5, 0.6);
    const rho0 = mixed(F, 33, 3);
    expect(maxDiff(F, collectiveSteadyState(F, m, rho0).rho, evolve(F, m, rho0, 1))).toBeGreaterThan(1e-3);
  });
});

describe('(d) ρ_ss is a density matrix, and ρ0 ↦ ρ_ss is a linear idempotent map', () => {
  const initialState = (N: number, seed: number, pure: boolean) => (pure ? haar(F, seed, N) : mixed(F, seed, N));
  it('properties: exactly Hermitian, trace 1, positive semidefinite; ss(ss(ρ)) = ss(ρ); vector path = dense path', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.boolean(),
        fc.double({ min: 0, max: 8, noNaN: true, noDefaultInfinity: true }),
        fc.double({ min: -1, max: 1, noNaN: true, noDefaultInfinity: true }),
        (N, seed, pure, beta, f) => {
          const m = collective(F, N, beta, f);
          const initial = initialState(N, seed, pure);
          const ss = collectiveSteadyState(F, m, initial).rho;
          expect(hermiticityDefect(F, ss)).toBe(0);
          expect(Math.abs(trace(F, ss).re - 1)).toBeLessThan(1e-14);
          expect(isPositiveWithin(F, ss, 1e-14)).toBe(true);
          expect(maxDiff(F, collectiveSteadyState(F, m, ss).rho, ss)).toBeLessThan(1e-15);
          if (pure) expect(maxDiff(F, collectiveSteadyState(F, m, asMatrix(F, initial)).rho, ss)).toBeLessThan(1e-15);
        },
      ),
      { numRuns: 40 },
    );
  });
  it('property: linear on arbitrary complex matrices, P(aX + bY) = aP(X) + bP(Y)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer(),
        fc.double({ min: -3, max: 3, noNaN: true, noDefaultInfinity: true }),
        fc.double({ min: -3, max: 3, noNaN: true, noDefaultInfinity: true }),
        fc.double({ min: 0, max: 5, noNaN: true, noDefaultInfinity: true }),
        (N, seed, a, b, beta) => {
          const m = collective(F, N, beta, 0.2);
          const next = mulberry(seed);
          const X = randomMatrix(F, 2 ** N, next);
          const Y = randomMatrix(F, 2 ** N, next);
          const P = (Z: CMatrix<number>) => collectiveSteadyStateMap(F, m, Z).rho;
          const lhs = P(add(F, scaleReal(F, a, X), scaleReal(F, b, Y)));
          const rhs = add(F, scaleReal(F, a, P(X)), scaleReal(F, b, P(Y)));
          expect(maxDiff(F, lhs, rhs)).toBeLessThan(1e-13);
        },
      ),
      { numRuns: 30 },
    );
  });
  it('complex-linear on non-Hermitian matrices: P(iX) = iP(X) and P(X†) = P(X)† (a non-Hermitian X is not made Hermitian)', () => {
    for (const N of [2, 3]) {
      const m = collective(F, N, 0.6, 0.3);
      const X = randomMatrix(F, 2 ** N, mulberry(90 + N));
      const P = (Z: CMatrix<number>) => collectiveSteadyStateMap(F, m, Z).rho;
      const PX = P(X);
      const iX = { ...X, re: X.im.map((v) => -v), im: X.re.slice() };
      expect(maxDiff(F, P(iX), { ...PX, re: PX.im.map((v) => -v), im: PX.re.slice() })).toBeLessThan(1e-15);
      expect(maxDiff(F, P(adjoint(F, X)), adjoint(F, PX))).toBeLessThan(1e-15);
      expect(hermiticityDefect(F, PX)).toBeGreaterThan(1e-3);
    }
  });
  it('float64 agrees with decimal(50) to 1e-14 (N = 3, β = 0.9, pure and mixed)', () => {
    const mF = collective(F, 3, 0.9, 0.5);
    const mD = collective(D50, 3, D50.fromString('0.9'), '0.5');
    const rhoD = mixed(D50, 50, 3);
    const psiD = haar(D50, 51, 3);
    for (const initial of [rhoD, psiD] as InitialState<any>[]) {
      const inF =
        'rows' in initial
          ? convertMatrix(D50, F, initial)
          : { re: initial.re.map((x: any) => D50.toNumber(x)), im: initial.im.map((x: any) => D50.toNumber(x)) };
      const a = collectiveSteadyState(F, mF, inF, { tolerance: 1e-15 }).rho;
      const b = convertMatrix(D50, F, collectiveSteadyState(D50, mD, initial).rho);
      expect(maxDiff(F, a, b)).toBeLessThan(1e-14);
    }
  });
});

describe('(e) individual coupling relaxes to the passive product Gibbs state instead', () => {
  it('N = 2, 3 from random states: steadyStateByIntegration reaches gibbsState, with ergotropy 0 and C_l1 = 0', () => {
    for (const N of [2, 3]) {
      const m = individualCoupling(F, N, { omega: 1, beta: 0.7, gamma0: 1 });
      const ss = steadyStateByIntegration(F, m, mixed(F, 60 + N, N), { tolerance: 1e-12 }).rho;
      expect(maxDiff(F, ss, gibbsState(F, N, { beta: 0.7, omega: 1 }))).toBeLessThan(1e-11);
      const W = ergotropy(F, ss, h0(F, N, 1));
      expect(Math.abs(W.ergotropy)).toBeLessThan(W.errorBound + 1e-11);
      expect(l1Coherence(F, ss)).toBeLessThan(1e-10);
      // while the collective map keeps coherences from the same initial state
      expect(l1Coherence(F, collectiveSteadyState(F, collective(F, N, 0.7), mixed(F, 60 + N, N)).rho)).toBeGreaterThan(1e-3);
    }
  });
});
