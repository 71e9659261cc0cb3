/**
 * Property tests of the exact collective steady-state map on random initial states (Haar,
 * Hilbert–Schmidt and Bures ensembles), seeded: fast-check's seed comes from the property's label
 * (fcParams) and every state from a seed it draws.
 *
 * What is proven, and so tested here: for N = 2 the steady state is Eq. (7) for every ρ0, hence
 *   β = 0: W/ω = C_l1 (Eq. (12) and the text after it), and β > 0: W ≤ ωC_l1 (beyond-w-le-cl1).
 * For N = 3…5 only what holds for every ρ0: ρ_ss is a state, commutes with H0, is stationary
 * (L(ρ_ss) = 0) and is a fixed point of the map; for N = 2…5 the pure-state path agrees with the
 * matrix path and the result depends on β, ω only through r = e^{−βω} (not on f, γ0).
 * W ≤ ωC_l1 is open for N ≥ 3 and is not asserted.
 *
 * Tolerances. decimal(50): the certified `errorBound` of the ergotropy plus 10^-48 for the roundoff
 * of the map and of C_l1 (a few units of 10^-50 per entry); 10^-46 for the N = 3…5 checks. A
 * violation of the statements would be of order 10^-3 or more for these states. float64: 1e-12.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AnalyticField } from '../../src/numeric/field.js';
import { float64 } from '../../src/numeric/float64.js';
import { decimalField } from '../../src/numeric/decimal.js';
import { eigh } from '../../src/numeric/eigh.js';
import { hermiticityDefect, maxAbs, sub, trace, type CMatrix } from '../../src/numeric/matrix.js';
import { parseRational } from '../../src/numeric/rational.js';
import { l1Coherence } from '../../src/physics/coherence.js';
import { ergotropy } from '../../src/physics/ergotropy.js';
import { applyLindbladian, collectiveCoupling, type LindbladModel } from '../../src/physics/lindblad.js';
import { excitations, h0 } from '../../src/physics/qubits.js';
import { collectiveSteadyState } from '../../src/physics/steady-state.js';
import { haarStateVector, Rng, type Ensemble } from '../../src/random/index.js';
import { tripletWeight, pureState } from '../../src/physics/states.js';
import { buildState, fcParams, seedArb } from '../arbitraries.js';

const D50 = decimalField(50);
const ENSEMBLES: readonly Ensemble[] = ['haar', 'hs', 'bures'];

interface Case {
  readonly ensemble: Ensemble;
  readonly N: number;
  readonly seed: number;
  /** β as a float64 number (exact in every field). */
  readonly beta: number;
  /** ω as an exact string; 1 and values ≠ 1. */
  readonly omega: string;
}

const caseArb = (Ns: readonly number[], beta: fc.Arbitrary<number>, omegas: readonly string[] = ['1', '7/3', '0.37']): fc.Arbitrary<Case> =>
  fc.record({ ensemble: fc.constantFrom(...ENSEMBLES), N: fc.constantFrom(...Ns), seed: seedArb(), beta, omega: fc.constantFrom(...omegas) });
/** The 50-digit properties run at ω = 1 and at ω ≠ 1 each. */
const OMEGAS50 = ['1', '7/3'] as const;
const positiveBeta = fc.double({ min: 0.01, max: 12, noNaN: true, noDefaultInfinity: true });
const anyBeta = fc.oneof(fc.constant(0), positiveBeta);

/** The collective model (γ0 = 1, f = 0.3) on the normalised time scale, so L stays finite at β = 0. */
function model<T>(F: AnalyticField<T>, c: Case): LindbladModel<T> {
  return collectiveCoupling(F, c.N, {
    omega: F.fromRational(parseRational(c.omega)),
    beta: F.fromNumber(c.beta),
    gamma0: F.one,
    f: F.fromNumber(0.3),
    timeScale: 'normalised',
  });
}

interface Evaluated<T> {
  readonly rho0: CMatrix<T>;
  readonly rho: CMatrix<T>;
  readonly omega: T;
  readonly W: T;
  readonly errorBound: T;
  readonly Cl1: T;
}

function evaluateCase<T>(F: AnalyticField<T>, c: Case): Evaluated<T> {
  const m = model(F, c);
  const rho0 = buildState(F, { ensemble: c.ensemble, n: 2 ** c.N, seed: c.seed });
  const rho = collectiveSteadyState(F, m, rho0).rho;
  const e = ergotropy(F, rho, h0(F, c.N, m.omega));
  return { rho0, rho, omega: m.omega, W: e.ergotropy, errorBound: e.errorBound, Cl1: l1Coherence(F, rho) };
}

/** Roundoff of the map and of C_l1 beyond the certified bound of W (measured: |W/ω − C_l1| ≈ 2e-50 at β = 0, bound ≈ 2e-49). */
const SLACK50 = D50.fromString('1e-48');
/** For the N = 3…5 checks (residual of L, map applied twice, trace, eigenvalues): a few units of 10^-50 per entry, times d². */
const TOL50 = D50.fromString('1e-46');
const TOL64 = 1e-12;

describe('N = 2, β = 0: W/ω = C_l1 for every initial state', () => {
  it.each(OMEGAS50)('decimal(50), ω = %s, within the certified bound', (omega) => {
    fc.assert(
      fc.property(caseArb([2], fc.constant(0), [omega]), (c) => {
        const { rho0, W, errorBound, Cl1, omega } = evaluateCase(D50, c);
        const gap = D50.abs(D50.sub(D50.div(W, omega), Cl1));
        const bound = D50.add(D50.div(errorBound, omega), SLACK50);
        // and both equal |1 − 4c/3| (Eq. (12)) with c = ⟨ψ0|ρ0|ψ0⟩ + ⟨ψ1|ρ0|ψ1⟩ + ⟨ψ+|ρ0|ψ+⟩ read off ρ0 itself
        const eq12 = D50.abs(D50.sub(D50.one, D50.div(D50.mul(D50.fromNumber(4), tripletWeight(D50, rho0)), D50.fromNumber(3))));
        return D50.cmp(gap, bound) <= 0 && D50.cmp(D50.abs(D50.sub(Cl1, eq12)), SLACK50) <= 0;
      }),
      fcParams(`steady-state N=2 beta=0 W/omega = Cl1, decimal(50), omega ${omega}`, 12),
    );
  });
  it('float64, many states', () => {
    fc.assert(
      fc.property(caseArb([2], fc.constant(0)), (c) => {
        const { W, Cl1, omega } = evaluateCase(float64, c);
        return Math.abs(W / omega - Cl1) <= TOL64;
      }),
      fcParams('steady-state N=2 beta=0 W/omega = Cl1, float64', 300),
    );
  });
  it('the check can fail: at β > 0 W/ω and C_l1 differ (|00⟩ relaxes to c = 1, W = ωy²/Z₊, C_l1 = y/Z₊)', () => {
    const c: Case = { ensemble: 'haar', N: 2, seed: 1, beta: 1, omega: '1' };
    const m = model(D50, c);
    const ground = {
      rows: 4,
      cols: 4,
      re: Array.from({ length: 16 }, (_, k) => (k === 15 ? D50.one : D50.zero)),
      im: Array.from({ length: 16 }, () => D50.zero),
    };
    const rho = collectiveSteadyState(D50, m, ground).rho;
    const W = ergotropy(D50, rho, h0(D50, 2, m.omega)).ergotropy;
    const y = D50.exp(D50.neg(D50.one));
    const Zp = D50.add(D50.add(D50.one, y), D50.mul(y, y));
    expect(D50.abs(D50.sub(W, D50.div(D50.mul(y, y), Zp))).lte('1e-45')).toBe(true);
    expect(D50.abs(D50.sub(l1Coherence(D50, rho), D50.div(y, Zp))).lte('1e-45')).toBe(true);
    expect(D50.sub(l1Coherence(D50, rho), W).gt('0.05')).toBe(true);
  });
});

describe('N = 2, β > 0: W ≤ ωC_l1 for every initial state', () => {
  it.each(OMEGAS50)('decimal(50), ω = %s, within the certified bound', (omega) => {
    fc.assert(
      fc.property(caseArb([2], positiveBeta, [omega]), (c) => {
        const { W, errorBound, Cl1, omega } = evaluateCase(D50, c);
        return D50.cmp(D50.sub(W, D50.mul(omega, Cl1)), D50.add(errorBound, SLACK50)) <= 0;
      }),
      fcParams(`steady-state N=2 beta>0 W <= omega Cl1, decimal(50), omega ${omega}`, 12),
    );
  });
  it('float64, many states', () => {
    fc.assert(
      fc.property(caseArb([2], positiveBeta), (c) => {
        const { W, Cl1, omega } = evaluateCase(float64, c);
        return W - omega * Cl1 <= TOL64;
      }),
      fcParams('steady-state N=2 beta>0 W <= omega Cl1, float64', 300),
    );
  });
});

/** The properties every steady state has, for any N; returns a reason when one fails. */
function steadyStateDefect<T>(F: AnalyticField<T>, c: Case, tol: T): string | null {
  const m = model(F, c);
  const rho = collectiveSteadyState(F, m, buildState(F, { ensemble: c.ensemble, n: 2 ** c.N, seed: c.seed })).rho;
  const d = rho.rows;
  // a state: Hermitian, unit trace, positive semidefinite (certified smallest eigenvalue)
  if (F.cmp(hermiticityDefect(F, rho), tol) > 0) return 'not Hermitian';
  const t = trace(F, rho);
  if (F.cmp(F.abs(F.sub(t.re, F.one)), tol) > 0 || F.cmp(F.abs(t.im), tol) > 0) return `trace ${F.toString(t.re, 20)}`;
  const eig = eigh(F, rho);
  if (!eig.certificate?.valid) return 'eigenvalues not certified';
  if (F.cmp(F.add(eig.values[0], F.add(eig.certificate.bound, tol)), F.zero) < 0) return `negative eigenvalue ${F.toString(eig.values[0], 8)}`;
  // commutes with H0: no entry between different excitation numbers (exactly zero)
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++)
      if (excitations(i, c.N) !== excitations(j, c.N) && !(F.isZero(rho.re[i * d + j]) && F.isZero(rho.im[i * d + j])))
        return `ρ[${i}][${j}] ≠ 0 across excitation sectors`;
  // stationary: L(ρ_ss) = 0 (normalised time scale)
  const residual = maxAbs(F, applyLindbladian(F, m, rho));
  if (F.cmp(residual, tol) > 0) return `max|L(ρ_ss)| = ${F.toString(residual, 4)}`;
  // a fixed point of the map
  const again = collectiveSteadyState(F, m, rho).rho;
  const moved = maxAbs(F, sub(F, again, rho));
  if (F.cmp(moved, tol) > 0) return `the map moves ρ_ss by ${F.toString(moved, 4)}`;
  return null;
}

describe('N = 3…5: the steady state of any initial state is a stationary state commuting with H0', () => {
  it('float64, N = 3, 4, 5', () => {
    fc.assert(
      fc.property(caseArb([3, 4, 5], anyBeta), (c) => steadyStateDefect(float64, c, TOL64) === null),
      fcParams('steady-state N=3..5 properties, float64', 120),
    );
  });
  it.each(OMEGAS50)('decimal(50), N = 3, 4, ω = %s', (omega) => {
    fc.assert(
      fc.property(caseArb([3, 4], anyBeta, [omega]), (c) => steadyStateDefect(D50, c, TOL50) === null),
      fcParams(`steady-state N=3..4 properties, decimal(50), omega ${omega}`, 4),
    );
  });
  it('float64, N = 2…5: a Haar vector ψ and its matrix ψψ† give the same steady state (the pure-state path)', () => {
    fc.assert(
      fc.property(caseArb([2, 3, 4, 5], anyBeta), (c) => {
        const m = model(float64, c);
        const psi = haarStateVector(float64, new Rng(c.seed, ['state']), 2 ** c.N);
        const a = collectiveSteadyState(float64, m, psi).rho;
        const b = collectiveSteadyState(float64, m, pureState(float64, psi)).rho;
        return maxAbs(float64, sub(float64, a, b)) <= TOL64;
      }),
      fcParams('steady-state vector path = matrix path, float64', 60),
    );
  });
  it('float64, N = 2…5: the steady state depends on β and ω only through r = e^{−βω}, and not on f or γ0', () => {
    fc.assert(
      fc.property(caseArb([2, 3, 4, 5], positiveBeta), fc.double({ min: 0.25, max: 4, noNaN: true, noDefaultInfinity: true }), (c, s) => {
        const F = float64;
        const rho0 = buildState(F, { ensemble: c.ensemble, n: 2 ** c.N, seed: c.seed });
        const omega = Number(parseRational(c.omega).num) / Number(parseRational(c.omega).den);
        const a = collectiveSteadyState(F, model(F, c), rho0).rho;
        // same r with ω → sω, β → β/s, and another f and γ0
        const other = collectiveCoupling(F, c.N, { omega: s * omega, beta: c.beta / s, gamma0: 2.5, f: -1.1 });
        const b = collectiveSteadyState(F, other, rho0).rho;
        return maxAbs(F, sub(F, a, b)) <= 1e-10;
      }),
      fcParams('steady-state depends only on r, float64', 60),
    );
  });
  it('the check can fail: ρ0 itself is not stationary and does not commute with H0', () => {
    const c: Case = { ensemble: 'hs', N: 3, seed: 5, beta: 0.7, omega: '1' };
    const m = model(float64, c);
    const rho0 = buildState(float64, { ensemble: c.ensemble, n: 8, seed: c.seed });
    expect(maxAbs(float64, applyLindbladian(float64, m, rho0))).toBeGreaterThan(1e-3);
    expect(excitations(0, 3)).not.toBe(excitations(1, 3));
    expect(Math.hypot(rho0.re[1], rho0.im[1])).toBeGreaterThan(1e-6);
  });
});
