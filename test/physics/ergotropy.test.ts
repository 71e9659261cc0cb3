/**
 * Ergotropy, Eq. (2) of the paper: W = Tr(ρH) − Σ_k r_k↓ ε_k↑.
 *
 * Order: what `ergotropy` refuses; hand-checkable cases (float64 and decimal(50)); an independent
 * route (direct maximisation of Tr(ρH) − Tr(UρU†H) over unitaries); properties.
 *
 * Tolerances. `errorBound` is documented as a rigorous bound on the error of W (and of the energy and
 * the passive energy) for the matrices actually passed in. So where the inputs are exact in the field
 * (dyadic entries, exactly diagonal passive states) a test demands |W − W_exact| ≤ errorBound and
 * nothing more. Where an input is produced by rounded arithmetic (U ρ U†, a rotated Hamiltonian) the
 * test adds an explicit perturbation bound, derived once in `perturbation` below.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InternalError } from '../../src/errors.js';
import { decimalField } from '../../src/numeric/decimal.js';
import { eigh } from '../../src/numeric/eigh.js';
import type { AnalyticField, Field } from '../../src/numeric/field.js';
import { fixedField } from '../../src/numeric/fixed.js';
import { float64 } from '../../src/numeric/float64.js';
import { adjoint, convertMatrix, diag, frobeniusNorm, fromRows, identity, kron, maxAbs, mul, sub, trace, type CMatrix } from '../../src/numeric/matrix.js';
import { parseRational } from '../../src/numeric/rational.js';
import { ergotropy } from '../../src/physics/ergotropy.js';
import { h0 } from '../../src/physics/qubits.js';
import { haarUnitary, Rng } from '../../src/random/index.js';
import {
  betaArb,
  buildHamiltonian,
  buildState,
  commutingUnitary,
  conjugate,
  D50,
  D80,
  exactRational,
  fcParams,
  gibbsStateFor,
  hamiltonianSpecOfDim,
  hermitianPart,
  knownLevels,
  levelsArb,
  passiveStateFor,
  phaseUnitary,
  PHYSICS_FIELDS,
  problemSpec,
  seedArb,
  stateSpecOfDim,
  type HamiltonianSpec,
} from '../arbitraries.js';

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** An exact number ("7/3", "0.5") in F. */
const q = <T>(F: Field<T>, s: string): T => F.fromRational(parseRational(s));

/** A matrix from exact entries ("1/2", "-1/2", "0"). */
function mat<T>(F: Field<T>, re: string[][], im?: string[][]): CMatrix<T> {
  return fromRows(
    F,
    re.map((r) => r.map((s) => q(F, s))),
    im?.map((r) => r.map((s) => q(F, s))),
  );
}

/** |a − b| ≤ tol in F, with a readable failure message. */
function expectClose<T>(F: Field<T>, a: T, b: T, tol: T, what: string): void {
  const d = F.abs(F.sub(a, b));
  expect(F.cmp(d, tol) <= 0, `${what}: |${F.toString(a, 20)} − ${F.toString(b, 20)}| = ${F.toString(d, 3)} > ${F.toString(tol, 3)}`).toBe(true);
}

/** a ≤ b in F, with a readable failure message. */
function expectAtMost<T>(F: Field<T>, a: T, b: T, what: string): void {
  expect(F.cmp(a, b) <= 0, `${what}: ${F.toString(a, 20)} > ${F.toString(b, 20)}`).toBe(true);
}

/**
 * Bound on the trace-norm distance between fl(U X U†) (then made Hermitian) and Ũ X Ũ†, where Ũ is
 * the unitary polar factor of the computed U and X is a Hermitian input with max|X_ij| ≤ xMax
 * (Ũ has U's zero pattern, so it commutes with whatever U commutes with by its block structure):
 *   • U = Ũ P with ‖P − I‖₂ ≤ δ := d·max|U†U − I| (for P ≥ 0, |p − 1| ≤ |p² − 1|), and
 *     ‖P X P − X‖₁ ≤ (2δ + δ²)‖X‖₁ ≤ 3δ‖X‖₁ — we use ‖X‖₁ ≤ d·xMax;
 *   • the two complex products round each entry by ≤ 2·√2·γ_{2d}·(|U||X||U|†)_ij ≤ 6d²u·xMax,
 *     the Hermitian part by one more u·xMax, and trace norm ≤ d^{3/2}·max entry: ≤ 8d^{3.5}u·xMax.
 * Returned as a number (it only ever widens a tolerance).
 */
function perturbation<T>(F: Field<T>, U: CMatrix<T>, xMax: number): number {
  const d = U.rows;
  const delta = d * F.toNumber(maxAbs(F, sub(F, mul(F, adjoint(F, U), U), identity(F, d))));
  return (3 * delta * d + 8 * d ** 3.5 * F.unitRoundoff) * xMax;
}

/** ‖H‖_F as a number (≥ ‖H‖₂, ≥ max|ε|). */
const normF = <T>(F: Field<T>, H: CMatrix<T>): number => F.toNumber(frobeniusNorm(F, H));

/** Tr ρ (real part). */
const tr = <T>(F: Field<T>, M: CMatrix<T>): T => trace(F, M).re;

/** Certified ground energy of H: [value, bound]. */
function groundEnergy<T>(F: Field<T>, H: CMatrix<T>): [T, T] {
  const e = eigh(F, H);
  return [e.values[0], e.certificate!.bound];
}

const sum = <T>(F: Field<T>, ...xs: T[]): T => xs.reduce((a, b) => F.add(a, b), F.zero);

// ---------------------------------------------------------------------------------------------
// Error paths
// ---------------------------------------------------------------------------------------------

describe('ergotropy refuses', () => {
  it('a non-square ρ', () => {
    expect(() => ergotropy(float64, mat(float64, [['1', '0']]), identity(float64, 1))).toThrow(/ρ is 1×2, not square/);
  });
  it('a Hamiltonian of another dimension', () => {
    expect(() => ergotropy(float64, identity(float64, 2), identity(float64, 3))).toThrow(/H is 3×3 but ρ is 2×2/);
  });
  it('a non-square Hamiltonian', () => {
    expect(() => ergotropy(float64, identity(float64, 2), mat(float64, [['1', '0']]))).toThrow(/H is 1×2/);
  });
  it('a fixed-point field (no relative error model to bound W with)', () => {
    const X = fixedField(64);
    expect(() =>
      ergotropy(
        X,
        mat(X, [
          ['1', '0'],
          ['0', '0'],
        ]),
        mat(X, [
          ['1', '0'],
          ['0', '0'],
        ]),
      ),
    ).toThrow(RangeError);
  });

  describe('a result below −errorBound: InternalError, never clamped to zero', () => {
    afterEach(() => {
      vi.doUnmock('../../src/numeric/eigh.js');
      vi.resetModules();
    });
    it('when the eigensolver lies (mocked: eigenvalues of ρ doubled, bound claimed 0)', async () => {
      vi.resetModules();
      vi.doMock('../../src/numeric/eigh.js', async (importOriginal) => {
        const orig = await importOriginal<typeof import('../../src/numeric/eigh.js')>();
        return {
          ...orig,
          eigh: <T>(F: Field<T>, A: CMatrix<T>) => {
            const e = orig.eigh(F, A);
            return { ...e, values: e.values.map((v) => F.add(v, v)), certificate: { ...e.certificate!, bound: F.zero } };
          },
        };
      });
      const { ergotropy: mocked } = await import('../../src/physics/ergotropy.js');
      // the freshly loaded module graph has its own copy of the error classes
      const { InternalError: FreshInternalError } = await import('../../src/errors.js');
      // ρ = diag(1/4, 3/4) is passive for H = diag(1, 0): true W = 0. With the lie the passive energy
      // becomes 2·(3/4·0 + 1/4·1) = 1/2 against Tr(ρH) = 1/4, i.e. W = −1/4 ≪ −errorBound.
      const rho = mat(float64, [
        ['1/4', '0'],
        ['0', '3/4'],
      ]);
      const H = mat(float64, [
        ['1', '0'],
        ['0', '0'],
      ]);
      expect(() => mocked(float64, rho, H)).toThrow(FreshInternalError);
      expect(FreshInternalError).not.toBe(InternalError);
      expect(() => mocked(float64, rho, H)).toThrow(/below −errorBound/);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-checkable cases
// ---------------------------------------------------------------------------------------------

/**
 * A case with W (and Tr ρH) derived by hand. Basis: per qubit index 0 = excited |1⟩, index 1 =
 * ground |0⟩; two qubits |11⟩, |10⟩, |01⟩, |00⟩; H0 = ω·(number of excitations) = diag(2ω, ω, ω, 0).
 * Every ρ here is exact in both fields (dyadic entries) or exactly passive, and `W` is the exact
 * ergotropy of the matrices as represented (e.g. ω = 7/3 rounded), so |W − W_hand| ≤ errorBound.
 */
interface HandCase {
  name: string;
  rho: <T>(F: AnalyticField<T>) => CMatrix<T>;
  H: <T>(F: AnalyticField<T>) => CMatrix<T>;
  W: <T>(F: AnalyticField<T>) => T;
  /** Tr(ρH) by hand, where it is not itself a rounded quantity. */
  E?: <T>(F: AnalyticField<T>) => T;
  /** For inputs rounded in F: the perturbation of W they cause, in units of u (derived per row). */
  inputUnits?: number;
}

/**
 * ψ = ((−2+2i)/9, −4i/9, (2−2i)/9, 7/9) (unit norm: (8 + 16 + 8 + 49)/81 = 1) and ρ = ψψ†, entries
 * k/81 rounded in F. A pure state with a threefold zero eigenvalue, not aligned with the basis.
 */
function ninthsState<T>(F: Field<T>): CMatrix<T> {
  const psi: [number, number][] = [
    [-2, 2],
    [0, -4],
    [2, -2],
    [7, 0],
  ];
  const re: T[] = [];
  const im: T[] = [];
  for (const [ar, ai] of psi)
    for (const [br, bi] of psi) {
      re.push(F.fromRational({ num: BigInt(ar * br + ai * bi), den: 81n }));
      im.push(F.fromRational({ num: BigInt(ai * br - ar * bi), den: 81n }));
    }
  return { rows: 4, cols: 4, re, im };
}
// With H0 (ω = 1), levels n = (2, 1, 1, 0): ⟨H0⟩ = 2·8/81 + 16/81 + 8/81 = 40/81 = W (E_ground = 0).
// Rounding moves each entry by ≤ u·49/81 < u, so ‖Δρ‖₁ ≤ 4·u·... ≤ 4u and |ΔW| ≤ 2‖H0‖₂·4u = 16u.
const NINTHS_UNITS = 16;

const H0 =
  (N: number, omega: string) =>
  <T>(F: AnalyticField<T>) =>
    h0(F, N, q(F, omega));
const exact =
  (s: string) =>
  <T>(F: AnalyticField<T>) =>
    q(F, s);
const omegaOf =
  (s: string) =>
  <T>(F: AnalyticField<T>) =>
    q(F, s);
const M =
  (re: string[][], im?: string[][]) =>
  <T>(F: AnalyticField<T>) =>
    mat(F, re, im);
const Z4 = ['0', '0', '0', '0'];
const sigmaX = M([
  ['0', '1'],
  ['1', '0'],
]);
const h = '1/2';
const mh = '-1/2';

const HAND_CASES: HandCase[] = [
  // Edge rows: trivial dimension, passive states, ground states.
  { name: '1×1: the only state is passive', rho: M([['1']]), H: M([['5']]), W: exact('0'), E: exact('5') },
  {
    name: 'qubit ground state |0⟩ (index 1), H0 ω=1',
    rho: M([
      ['0', '0'],
      ['0', '1'],
    ]),
    H: H0(1, '1'),
    W: exact('0'),
    E: exact('0'),
  },
  // I/4: populations equal, any pairing gives Tr(ρH) = (2+1+1+0)/4 = 1 = passive energy.
  {
    name: 'maximally mixed two qubits, H0 ω=1',
    rho: M([
      ['1/4', '0', '0', '0'],
      ['0', '1/4', '0', '0'],
      ['0', '0', '1/4', '0'],
      ['0', '0', '0', '1/4'],
    ]),
    H: H0(2, '1'),
    W: exact('0'),
    E: exact('1'),
  },
  // Pure states: W = ⟨ψ|H|ψ⟩ − E_ground, E_ground = 0 for H0.
  {
    name: 'qubit excited |1⟩, H0 ω=7/3: W = ω',
    rho: M([
      ['1', '0'],
      ['0', '0'],
    ]),
    H: H0(1, '7/3'),
    W: omegaOf('7/3'),
    E: omegaOf('7/3'),
  },
  { name: 'two qubits |11⟩, H0 ω=1: W = 2ω', rho: M([['1', ...Z4.slice(1)], Z4, Z4, Z4]), H: H0(2, '1'), W: exact('2'), E: exact('2') },
  // |+⟩ = (|1⟩+|0⟩)/√2: ρ = [[1/2,1/2],[1/2,1/2]], ⟨H0⟩ = ω/2.
  {
    name: '|+⟩ = (|1⟩+|0⟩)/√2, H0 ω=1: W = 1/2',
    rho: M([
      [h, h],
      [h, h],
    ]),
    H: H0(1, '1'),
    W: exact('1/2'),
    E: exact('1/2'),
  },
  // |+i⟩ = (|1⟩ + i|0⟩)/√2: ρ = [[1/2, −i/2],[i/2, 1/2]], ⟨H0⟩ = ω/2.
  {
    name: '|+i⟩ = (|1⟩ + i|0⟩)/√2 (complex coherence), H0 ω=1: W = 1/2',
    rho: M(
      [
        [h, '0'],
        ['0', h],
      ],
      [
        ['0', mh],
        [h, '0'],
      ],
    ),
    H: H0(1, '1'),
    W: exact('1/2'),
    E: exact('1/2'),
  },
  // Bell states: ½(2ω + 0) = ω and ½(ω + ω) = ω, minus E_ground = 0.
  { name: 'Bell Φ+ = (|11⟩+|00⟩)/√2, H0 ω=1: W = ω', rho: M([[h, '0', '0', h], Z4, Z4, [h, '0', '0', h]]), H: H0(2, '1'), W: exact('1'), E: exact('1') },
  { name: 'Bell Ψ+ = (|10⟩+|01⟩)/√2, H0 ω=1: W = ω', rho: M([Z4, ['0', h, h, '0'], ['0', h, h, '0'], Z4]), H: H0(2, '1'), W: exact('1'), E: exact('1') },
  // The singlet |ψ−⟩ = (|01⟩ − |10⟩)/√2: ⟨H0⟩ = ω, pure, so W = ω (the paper's c = 0 steady state).
  { name: 'singlet ψ− = (|01⟩−|10⟩)/√2, H0 ω=1: W = ω', rho: M([Z4, ['0', h, mh, '0'], ['0', mh, h, '0'], Z4]), H: H0(2, '1'), W: exact('1'), E: exact('1') },
  { name: 'singlet ψ−, H0 ω=7/3: W = ω', rho: M([Z4, ['0', h, mh, '0'], ['0', mh, h, '0'], Z4]), H: H0(2, '7/3'), W: omegaOf('7/3'), E: omegaOf('7/3') },
  // Gibbs states are passive: populations e^{−βε}/Z decrease with energy.
  { name: 'Gibbs qubit β=1, H0 ω=1: W = 0', rho: (F) => gibbsStateFor(F, [F.one, F.zero], 1), H: H0(1, '1'), W: exact('0') },
  {
    name: 'Gibbs two qubits β=1/2, H0 ω=7/3: W = 0',
    rho: (F) =>
      gibbsStateFor(
        F,
        [2, 1, 1, 0].map((k) => F.mul(F.fromNumber(k), q(F, '7/3'))),
        0.5,
      ),
    H: H0(2, '7/3'),
    W: exact('0'),
  },
  // Inverted populations: W from sorting.
  // diag(3/4, 1/4) (excited first): Tr ρH = 3/4; passive puts 3/4 on ε=0 and 1/4 on ε=1: 1/4. W = 1/2.
  {
    name: 'inverted qubit diag(3/4, 1/4), H0 ω=1: W = 1/2',
    rho: M([
      ['3/4', '0'],
      ['0', '1/4'],
    ]),
    H: H0(1, '1'),
    W: exact('1/2'),
    E: exact('3/4'),
  },
  // diag(1/2, 1/4, 1/8, 1/8) on |11⟩,|10⟩,|01⟩,|00⟩: Tr ρH = 2/2 + 1/4 + 1/8 = 11/8;
  // passive: 1/2·0 + 1/4·1 + 1/8·1 + 1/8·2 = 5/8. W = 3/4.
  {
    name: 'inverted two qubits diag(1/2, 1/4, 1/8, 1/8), H0 ω=1: W = 3/4',
    rho: M([
      ['1/2', '0', '0', '0'],
      ['0', '1/4', '0', '0'],
      ['0', '0', '1/8', '0'],
      ['0', '0', '0', '1/8'],
    ]),
    H: H0(2, '1'),
    W: exact('3/4'),
    E: exact('11/8'),
  },
  // H = diag(0, 1, 3), ρ = diag(1/8, 3/8, 1/2): Tr ρH = 3/8 + 3/2 = 15/8; passive 1/2·0 + 3/8·1 + 1/8·3 = 3/4. W = 9/8.
  {
    name: 'three levels diag(0,1,3), ρ = diag(1/8, 3/8, 1/2): W = 9/8',
    rho: M([
      ['1/8', '0', '0'],
      ['0', '3/8', '0'],
      ['0', '0', '1/2'],
    ]),
    H: M([
      ['0', '0', '0'],
      ['0', '1', '0'],
      ['0', '0', '3'],
    ]),
    W: exact('9/8'),
    E: exact('15/8'),
  },
  // Unsorted H = diag(2, 0, 1), ρ = diag(1/2, 1/4, 1/4): Tr ρH = 1 + 1/4 = 5/4; passive 1/2·0 + 1/4·1 + 1/4·2 = 3/4. W = 1/2.
  {
    name: 'unsorted diagonal H = diag(2, 0, 1), ρ = diag(1/2, 1/4, 1/4): W = 1/2',
    rho: M([
      ['1/2', '0', '0'],
      ['0', '1/4', '0'],
      ['0', '0', '1/4'],
    ]),
    H: M([
      ['2', '0', '0'],
      ['0', '0', '0'],
      ['0', '0', '1'],
    ]),
    W: exact('1/2'),
    E: exact('5/4'),
  },
  // Non-diagonal H: the code must diagonalise it. σx has levels ∓1 with |∓⟩ = (|0⟩ ∓ |1⟩)/√2.
  {
    name: 'σx, ρ = |0⟩⟨0| (index 0): ⟨σx⟩ = 0, W = 0 − (−1) = 1',
    rho: M([
      ['1', '0'],
      ['0', '0'],
    ]),
    H: sigmaX,
    W: exact('1'),
    E: exact('0'),
  },
  {
    name: 'σx, ρ = |+⟩⟨+| (its top level): W = 1 − (−1) = 2',
    rho: M([
      [h, h],
      [h, h],
    ]),
    H: sigmaX,
    W: exact('2'),
    E: exact('1'),
  },
  {
    name: 'σx, ρ = |−⟩⟨−| (its ground state): W = 0',
    rho: M([
      [h, mh],
      [mh, h],
    ]),
    H: sigmaX,
    W: exact('0'),
    E: exact('-1'),
  },
  // ρ = diag(3/4, 1/4): ⟨σx⟩ = 0; passive 3/4·(−1) + 1/4·1 = −1/2. W = 1/2.
  {
    name: 'σx, ρ = diag(3/4, 1/4): W = 1/2',
    rho: M([
      ['3/4', '0'],
      ['0', '1/4'],
    ]),
    H: sigmaX,
    W: exact('1/2'),
    E: exact('0'),
  },
  // σy = [[0, −i],[i, 0]], ⟨+|σy|+⟩ = 0, levels ∓1: W = 1.
  {
    name: 'σy (complex H), ρ = |+⟩⟨+|: W = 1',
    rho: M([
      [h, h],
      [h, h],
    ]),
    H: M(
      [
        ['0', '0'],
        ['0', '0'],
      ],
      [
        ['0', '-1'],
        ['1', '0'],
      ],
    ),
    W: exact('1'),
    E: exact('0'),
  },
  // [[1,1,0],[1,1,0],[0,0,5]] has levels 0, 2, 5; ρ = |e0⟩⟨e0| has energy 1: W = 1.
  {
    name: '3×3 H = [[1,1,0],[1,1,0],[0,0,5]], ρ = |e0⟩⟨e0|: W = 1',
    rho: M([
      ['1', '0', '0'],
      ['0', '0', '0'],
      ['0', '0', '0'],
    ]),
    H: M([
      ['1', '1', '0'],
      ['1', '1', '0'],
      ['0', '0', '5'],
    ]),
    W: exact('1'),
    E: exact('1'),
  },
  {
    name: 'pure state ψ with entries k/81 (rounded; threefold zero eigenvalue), H0 ω=1: W = 40/81',
    rho: ninthsState,
    H: H0(2, '1'),
    W: exact('40/81'),
    inputUnits: NINTHS_UNITS,
  },
  // σx⊗σx has levels −1, −1, 1, 1 (degenerate, non-diagonal); ⟨11|σx⊗σx|11⟩ = 0: W = 1.
  {
    name: 'σx⊗σx (degenerate ground level), ρ = |11⟩⟨11|: W = 1',
    rho: M([['1', ...Z4.slice(1)], Z4, Z4, Z4]),
    H: (F) => kron(F, sigmaX(F), sigmaX(F)),
    W: exact('1'),
    E: exact('0'),
  },
];

describe.each(PHYSICS_FIELDS)('hand-checkable ergotropy in %s', (_, F) => {
  it.each(HAND_CASES)('$name', (c) => {
    const rho = c.rho(F);
    const H = c.H(F);
    const r = ergotropy(F, rho, H);
    const input = F.fromNumber((c.inputUnits ?? 0) * F.unitRoundoff);
    expectClose(F, r.ergotropy, c.W(F), F.add(r.errorBound, input), 'W');
    if (c.E) expectClose(F, r.energy, c.E(F), F.add(r.errorBound, input), 'Tr(ρH)');
    // W, energy and passiveEnergy are each within errorBound of their exact values.
    expectClose(F, F.sub(r.energy, r.passiveEnergy), r.ergotropy, F.mul(F.fromNumber(3), r.errorBound), 'W = energy − passiveEnergy');
    // The bound is at working precision: the eigen-certificates are O(d·u·‖·‖) and the sums add
    // O(d²·u·‖H‖); 100·d²·u·(1 + ‖H‖_F) leaves a wide margin and still fails for a bound that is
    // not at working precision (e.g. a 50-digit bound of 1e-18).
    const d = rho.rows;
    expect(F.toNumber(r.errorBound)).toBeLessThanOrEqual(100 * d * d * F.unitRoundoff * (1 + normF(F, H)));
    // ρ's eigenvalues come back decreasing and H's levels increasing.
    for (let k = 1; k < d; k++) {
      expect(F.cmp(r.eigenvalues[k - 1], r.eigenvalues[k])).toBeGreaterThanOrEqual(0);
      expect(F.cmp(r.levels[k - 1], r.levels[k])).toBeLessThanOrEqual(0);
    }
  });

  it('singlet: the ergotropy equals ω for ω = 1 and ω = 7/3 (and scales with ω)', () => {
    const rho = HAND_CASES.find((c) => c.name.startsWith('singlet ψ− = '))!.rho(F);
    for (const w of ['1', '7/3']) {
      const r = ergotropy(F, rho, h0(F, 2, q(F, w)));
      expectClose(F, r.ergotropy, q(F, w), r.errorBound, `W(ψ−) at ω = ${w}`);
      expect(F.toNumber(r.ergotropy)).toBeCloseTo(Number(parseRational(w).num) / Number(parseRational(w).den), 12);
    }
  });

  it('for diagonal H the passive state is diagonal with the sorted populations on ascending levels', () => {
    const H = mat(F, [
      ['2', '0', '0'],
      ['0', '0', '0'],
      ['0', '0', '1'],
    ]);
    const r = ergotropy(
      F,
      mat(F, [
        ['1/2', '0', '0'],
        ['0', '1/4', '0'],
        ['0', '0', '1/4'],
      ]),
      H,
    );
    // levels 0 (index 1), 1 (index 2), 2 (index 0) receive 1/2, 1/4, 1/4.
    const want = mat(F, [
      ['1/4', '0', '0'],
      ['0', '1/2', '0'],
      ['0', '0', '1/4'],
    ]);
    expect(F.toNumber(maxAbs(F, sub(F, r.passiveState, want)))).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Independent route: maximise Tr(ρH) − Tr(UρU†H) over unitaries directly (float64)
// ---------------------------------------------------------------------------------------------

/** Plain float64 complex matrices, independent of src/numeric/matrix. */
interface Cm {
  n: number;
  re: Float64Array;
  im: Float64Array;
}
const cm = (n: number): Cm => ({ n, re: new Float64Array(n * n), im: new Float64Array(n * n) });
const toCm = (A: CMatrix<number>): Cm => ({ n: A.rows, re: Float64Array.from(A.re), im: Float64Array.from(A.im) });
function cmMul(A: Cm, B: Cm): Cm {
  const n = A.n;
  const C = cm(n);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++) {
      const ar = A.re[i * n + k];
      const ai = A.im[i * n + k];
      for (let j = 0; j < n; j++) {
        C.re[i * n + j] += ar * B.re[k * n + j] - ai * B.im[k * n + j];
        C.im[i * n + j] += ar * B.im[k * n + j] + ai * B.re[k * n + j];
      }
    }
  return C;
}
function cmAdj(A: Cm): Cm {
  const n = A.n;
  const C = cm(n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      C.re[j * n + i] = A.re[i * n + j];
      C.im[j * n + i] = -A.im[i * n + j];
    }
  return C;
}
function cmLin(a: number, A: Cm, b: number, B: Cm): Cm {
  const C = cm(A.n);
  for (let k = 0; k < A.re.length; k++) {
    C.re[k] = a * A.re[k] + b * B.re[k];
    C.im[k] = a * A.im[k] + b * B.im[k];
  }
  return C;
}
const cmEye = (n: number): Cm => {
  const I = cm(n);
  for (let i = 0; i < n; i++) I.re[i * n + i] = 1;
  return I;
};
const cmFro2 = (A: Cm): number => A.re.reduce((s, x, k) => s + x * x + A.im[k] * A.im[k], 0);
/** Re Tr(AB). */
function cmReTr(A: Cm, B: Cm): number {
  const n = A.n;
  let s = 0;
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) s += A.re[i * n + k] * B.re[k * n + i] - A.im[i * n + k] * B.im[k * n + i];
  return s;
}
/** e^A by scaling and squaring with a degree-12 Taylor polynomial (‖A/2^s‖_F ≤ 1/4: truncation < 1e-17). */
function cmExp(A: Cm): Cm {
  let s = Math.max(0, Math.ceil(Math.log2(Math.sqrt(cmFro2(A)) / 0.25)));
  const B = cmLin(2 ** -s, A, 0, A);
  let T = cmEye(A.n);
  let P = cmEye(A.n);
  for (let k = 1; k <= 12; k++) {
    P = cmLin(1 / k, cmMul(P, B), 0, P);
    T = cmLin(1, T, 1, P);
  }
  for (; s > 0; s--) T = cmMul(T, T);
  return T;
}
/** Gram–Schmidt (twice) on the columns: keeps the iterate unitary to float64 precision. */
function cmOrthonormalise(U: Cm): Cm {
  const n = U.n;
  const Q = cm(n);
  for (let j = 0; j < n; j++) {
    const vr = new Float64Array(n);
    const vi = new Float64Array(n);
    for (let i = 0; i < n; i++) [vr[i], vi[i]] = [U.re[i * n + j], U.im[i * n + j]];
    for (let pass = 0; pass < 2; pass++)
      for (let k = 0; k < j; k++) {
        let cr = 0;
        let ci = 0;
        for (let i = 0; i < n; i++) {
          cr += Q.re[i * n + k] * vr[i] + Q.im[i * n + k] * vi[i];
          ci += Q.re[i * n + k] * vi[i] - Q.im[i * n + k] * vr[i];
        }
        for (let i = 0; i < n; i++) {
          vr[i] -= cr * Q.re[i * n + k] - ci * Q.im[i * n + k];
          vi[i] -= cr * Q.im[i * n + k] + ci * Q.re[i * n + k];
        }
      }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += vr[i] ** 2 + vi[i] ** 2;
    norm = Math.sqrt(norm);
    for (let i = 0; i < n; i++) [Q.re[i * n + j], Q.im[i * n + j]] = [vr[i] / norm, vi[i] / norm];
  }
  return Q;
}

/**
 * max over unitaries of Tr(ρH) − Tr(UρU†H), by steepest descent of f(U) = Tr(UρU†H) on the unitary
 * group with seeded random (Haar) restarts. With σ = UρU† the derivative of f along U ← e^{tG}U is
 * Tr(G[σ, H]), so G = [σ, H] (anti-Hermitian) gives df/dt = −‖G‖²_F: step U ← e^{tG}U with
 * backtracking (Armijo) line search, re-orthonormalising U each step. Stops when a step cannot
 * decrease f or when f has improved by < 1e-14 over 100 steps. No eigendecomposition is used.
 */
function maxExtractableWork(rho: CMatrix<number>, H: CMatrix<number>, seed: number, restarts = 3): number {
  const R = toCm(rho);
  const Hc = toCm(H);
  let best = Infinity;
  for (let r = 0; r < restarts; r++) {
    const U0 = haarUnitary(float64, new Rng(seed, ['restart', String(r)]), R.n);
    let U: Cm = toCm(U0);
    let sigma = cmMul(cmMul(U, R), cmAdj(U));
    let f = cmReTr(sigma, Hc);
    let t = 0.5;
    let fCheckpoint = f;
    for (let it = 1; it <= 4000; it++) {
      const G = cmLin(1, cmMul(sigma, Hc), -1, cmMul(Hc, sigma));
      const g2 = cmFro2(G);
      let moved = false;
      while (t > 1e-12) {
        const U2 = cmOrthonormalise(cmMul(cmExp(cmLin(t, G, 0, G)), U));
        const s2 = cmMul(cmMul(U2, R), cmAdj(U2));
        const f2 = cmReTr(s2, Hc);
        if (f2 <= f - 0.3 * t * g2) {
          [U, sigma, f, t, moved] = [U2, s2, f2, t * 1.5, true];
          break;
        }
        t /= 2;
      }
      if (!moved) break;
      if (it % 100 === 0) {
        if (fCheckpoint - f < 1e-14) break;
        fCheckpoint = f;
      }
    }
    best = Math.min(best, f);
  }
  return cmReTr(R, Hc) - best;
}

describe('the passive-state formula agrees with direct maximisation over unitaries (float64)', () => {
  // Each problem: a seeded state and Hamiltonian in dimension 2, 3 or 4, including degenerate
  // spectra (H0, repeated levels, a pure state) where the maximiser is not unique.
  const problems: { name: string; rho: () => CMatrix<number>; H: () => CMatrix<number> }[] = [];
  for (const n of [2, 3, 4]) {
    for (let s = 1; s <= 2; s++) {
      problems.push({
        name: `d=${n} Hilbert–Schmidt state ${s}, Ginibre H`,
        rho: () => buildState(float64, { ensemble: 'hs', n, seed: s }),
        H: () => buildHamiltonian(float64, { kind: 'ginibre', n, seed: 100 + s }),
      });
      problems.push({
        name: `d=${n} Bures state ${s}, rotated H with levels −1, 0, 1/2, 2`,
        rho: () => buildState(float64, { ensemble: 'bures', n, seed: s }),
        H: () => buildHamiltonian(float64, { kind: 'rotated', levels: [-1, 0, 0.5, 2].slice(0, n), seed: 200 + s }),
      });
    }
    problems.push({
      name: `d=${n} Haar pure state, degenerate diagonal H`,
      rho: () => buildState(float64, { ensemble: 'haar', n, seed: 7 }),
      H: () => buildHamiltonian(float64, { kind: 'levels', levels: [1, 0, 1, 0].slice(0, n) }),
    });
  }
  problems.push({
    name: 'd=4 Hilbert–Schmidt state, H0 ω=1 (paper)',
    rho: () => buildState(float64, { ensemble: 'hs', n: 4, seed: 9 }),
    H: () => h0(float64, 2, 1),
  });

  it.each(problems)('$name', ({ rho: mkRho, H: mkH }) => {
    const rho = mkRho();
    const H = mkH();
    const r = ergotropy(float64, rho, H);
    const wOpt = maxExtractableWork(rho, H, 31);
    // (1) No unitary extracts more than W: wOpt ≤ W + errorBound + the float64 evaluation error of
    //     wOpt (two traces of products with a unitary to ~1e-15: ≤ 1e-13·(1 + ‖H‖_F) with margin).
    expect(wOpt).toBeLessThanOrEqual(r.ergotropy + r.errorBound + 1e-13 * (1 + normF(float64, H)));
    // (2) The optimiser reaches W. Tolerance 1e-8: the descent stops only when f stalls below 1e-14
    //     per 100 steps; observed gaps are ~1e-14, so 1e-8 is a convergence margin of 10^6, and any
    //     mis-sorted or mis-paired level in `ergotropy` would show up as an O(0.01–1) gap.
    expect(r.ergotropy - wOpt).toBeLessThanOrEqual(1e-8);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

describe.each(PHYSICS_FIELDS)('ergotropy properties in %s', (label, F) => {
  const runs = (float: number, decimal: number) => (F.kind === 'float64' ? float : decimal);

  it('W ≥ −errorBound, and W ≤ Tr(ρH) − E_ground·Tr ρ (+ bounds)', () => {
    fc.assert(
      fc.property(problemSpec({ minDim: 1, maxDim: 6 }), ({ state, hamiltonian }) => {
        const rho = buildState(F, state);
        const H = buildHamiltonian(F, hamiltonian);
        const r = ergotropy(F, rho, H);
        expectAtMost(F, F.neg(r.errorBound), r.ergotropy, 'W ≥ −errorBound');
        // W = Tr ρH − Σ r_k ε_k ≤ Tr ρH − ε_min Σ r_k (true for the exact values); computed with
        // errors ≤ errorBound (W and energy) plus the certified error of ε_min times Tr ρ ≤ 2, plus
        // the rounding of ε_min·Tr ρ (≤ 2u·|ε_min|·2 ≤ ‖H‖_F·4u). The generated ρ is PSD only up to
        // rounding: eigenvalues ≥ −d·u, each paired with a level ≤ 2‖H‖_F above ε_min (4d·u·‖H‖_F).
        const [e0, e0Bound] = groundEnergy(F, H);
        const d = rho.rows;
        const slack = sum(F, r.errorBound, r.errorBound, F.mul(F.fromNumber(2), e0Bound), F.fromNumber((4 + 4 * d) * F.unitRoundoff * normF(F, H)));
        expectAtMost(F, r.ergotropy, F.add(F.sub(r.energy, F.mul(e0, tr(F, rho))), slack), 'W ≤ Tr(ρH) − E_ground');
      }),
      fcParams(`ergotropy bounds ${label}`, runs(150, 20)),
    );
  });

  it('pure states: W = Tr(ρH) − E_ground (diagonal H, so E_ground is exact)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) => fc.record({ state: stateSpecOfDim(n, ['haar']), hamiltonian: hamiltonianSpecOfDim(n, ['h0', 'levels']) })),
        ({ state, hamiltonian }) => {
          const rho = buildState(F, state);
          const H = buildHamiltonian(F, hamiltonian);
          const r = ergotropy(F, rho, H);
          const d = rho.rows;
          let e0 = H.re[0];
          for (let i = 1; i < d; i++) if (F.cmp(H.re[i * d + i], e0) < 0) e0 = H.re[i * d + i];
          // For exact ψψ† the identity is exact. The computed ρ = fl(ψψ†) has d − 1 eigenvalues of
          // size ≤ ‖fl(ψψ†) − ψψ†‖₁ ≤ 3√d·u (one complex product per entry), each paired with a level
          // at most spread = 2‖H‖_F above E_ground; Tr ρ·E_ground adds ≤ (d + 1)u·|E_ground|.
          const hn = normF(F, H);
          const tol = F.add(F.add(r.errorBound, r.errorBound), F.fromNumber((6 * Math.sqrt(d) + d + 1) * F.unitRoundoff * hn));
          expectClose(F, r.ergotropy, F.sub(r.energy, F.mul(e0, tr(F, rho))), tol, 'W(pure) = Tr(ρH) − E_ground');
        },
      ),
      fcParams(`ergotropy pure ${label}`, runs(100, 15)),
    );
  });

  it('W = 0 within errorBound for passive states of a diagonal H (exactly passive as represented)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((n) => fc.record({ hamiltonian: hamiltonianSpecOfDim(n, ['h0', 'levels']), seed: seedArb() })),
        ({ hamiltonian, seed }) => {
          const H = buildHamiltonian(F, hamiltonian);
          const levels = Array.from({ length: H.rows }, (_, i) => H.re[i * H.rows + i]);
          const r = ergotropy(F, passiveStateFor(F, levels, seed), H);
          expectClose(F, r.ergotropy, F.zero, r.errorBound, 'W(passive)');
        },
      ),
      fcParams(`ergotropy passive ${label}`, runs(150, 20)),
    );
  });

  it('W = 0 within errorBound for Gibbs states of a diagonal H, every β ∈ [0, ∞]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((n) => fc.record({ hamiltonian: hamiltonianSpecOfDim(n, ['h0', 'levels']), beta: betaArb() })),
        ({ hamiltonian, beta }) => {
          const H = buildHamiltonian(F, hamiltonian);
          const levels = Array.from({ length: H.rows }, (_, i) => H.re[i * H.rows + i]);
          const r = ergotropy(F, gibbsStateFor(F, levels, beta), H);
          expectClose(F, r.ergotropy, F.zero, r.errorBound, `W(Gibbs, β = ${beta})`);
        },
      ),
      fcParams(`ergotropy gibbs ${label}`, runs(150, 20)),
    );
  });

  it('W = 0 for passive and Gibbs states of a non-diagonal H (both rotated by one Haar U; + perturbation)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }).chain((n) => fc.record({ levels: levelsArb(n), seed: seedArb(), beta: fc.option(betaArb(), { nil: undefined }) })),
        ({ levels, seed, beta }) => {
          const eps = levels.map((x) => F.fromNumber(x));
          const p = beta === undefined ? passiveStateFor(F, eps, seed) : gibbsStateFor(F, eps, beta);
          const U = haarUnitary(F, new Rng(seed, ['rotation']), levels.length);
          const rho = hermitianPart(F, conjugate(F, U, p));
          const H = hermitianPart(F, conjugate(F, U, diag(F, eps)));
          const r = ergotropy(F, rho, H);
          // Exactly passive for Ũ (U's unitary polar factor); ρ and H each moved by ≤ K in trace norm
          // (`perturbation`), and W is 2‖H‖-Lipschitz in ρ and 2-Lipschitz in H (Weyl; Tr ρ = 1).
          const hn = normF(F, H);
          const K = perturbation(F, U, Math.max(1, hn));
          expectClose(F, r.ergotropy, F.zero, F.add(r.errorBound, F.fromNumber(2 * hn * K + 2 * K)), 'W(rotated passive)');
        },
      ),
      fcParams(`ergotropy rotated passive ${label}`, runs(100, 12)),
    );
  });

  it('invariant under unitaries commuting with a diagonal H (Haar blocks on degenerate levels, phases)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 8 })
          .chain((n) =>
            fc.record({ state: stateSpecOfDim(n), hamiltonian: hamiltonianSpecOfDim(n, ['h0', 'levels']), seed: seedArb(), phasesOnly: fc.boolean() }),
          ),
        ({ state, hamiltonian, seed, phasesOnly }) => {
          const rho = buildState(F, state);
          const H = buildHamiltonian(F, hamiltonian);
          const levels = Array.from({ length: H.rows }, (_, i) => H.re[i * H.rows + i]);
          const U = phasesOnly ? phaseUnitary(F, H.rows, seed) : commutingUnitary(F, levels, seed);
          const r1 = ergotropy(F, rho, H);
          const r2 = ergotropy(F, hermitianPart(F, conjugate(F, U, rho)), H);
          // U commutes with H exactly (zero pattern); the conjugated ρ moved by ≤ K in trace norm.
          const K = perturbation(F, U, 1);
          const tol = sum(F, r1.errorBound, r2.errorBound, F.fromNumber(2 * normF(F, H) * K));
          expectClose(F, r2.ergotropy, r1.ergotropy, tol, 'W(UρU†) vs W(ρ)');
        },
      ),
      fcParams(`ergotropy commuting ${label}`, runs(100, 12)),
    );
  });

  it('covariant: W(VρV†, VHV†) = W(ρ, H) for Haar V (diagonalising path against the diagonal one)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((n) => fc.record({ state: stateSpecOfDim(n), hamiltonian: hamiltonianSpecOfDim(n, ['h0', 'levels']), seed: seedArb() })),
        ({ state, hamiltonian, seed }) => {
          const rho = buildState(F, state);
          const H = buildHamiltonian(F, hamiltonian);
          const V = haarUnitary(F, new Rng(seed, ['covariance']), H.rows);
          const r1 = ergotropy(F, rho, H);
          const r2 = ergotropy(F, hermitianPart(F, conjugate(F, V, rho)), hermitianPart(F, conjugate(F, V, H)));
          const hn = normF(F, H);
          const K = perturbation(F, V, Math.max(1, hn));
          const tol = sum(F, r1.errorBound, r2.errorBound, F.fromNumber(2 * hn * K + 2 * K));
          expectClose(F, r2.ergotropy, r1.ergotropy, tol, 'W(VρV†, VHV†) vs W(ρ, H)');
        },
      ),
      fcParams(`ergotropy covariance ${label}`, runs(100, 12)),
    );
  });
});

describe('regressions: rotated rank-deficient states at 50 digits', () => {
  it.each([0, 2, 5])('ρ = U diag(0, 0, 1) U† with U = haarUnitary(D50, Rng(%i), 3), H = diag(0, 1, 2): W = Tr(ρH) − 0', (seed) => {
    const U = haarUnitary(D50, new Rng(seed), 3);
    const rho = hermitianPart(D50, conjugate(D50, U, diag(D50, [D50.zero, D50.zero, D50.one])));
    const H = diag(
      D50,
      [0, 1, 2].map((x) => D50.fromNumber(x)),
    );
    const r = ergotropy(D50, rho, H);
    // ρ is within K (trace norm, `perturbation`) of the exactly pure Ũ diag(0,0,1) Ũ†, whose W is
    // Tr(ρH) − E_ground exactly; the two small eigenvalues pair with levels ≤ 2 above the ground.
    const K = perturbation(D50, U, 1);
    expectClose(D50, r.ergotropy, r.energy, sum(D50, r.errorBound, r.errorBound, D50.fromNumber(2 * K)), 'W = Tr(ρH)');
  });
});

describe('results are never clamped', () => {
  it('passive states with a non-diagonal H give |W| ≤ errorBound, and some W are negative (float64)', () => {
    // Seeds 0..39 of rotated passive problems: all within the bound, and the computed W is reported
    // as is — some come out slightly below zero (a clamp to 0 would make none negative).
    const ws: number[] = [];
    for (let seed = 0; seed < 40; seed++) {
      const eps = [0, 0.5, 1, 1, 2.5, -1].slice(0, 2 + (seed % 5));
      const U = haarUnitary(float64, new Rng(seed, ['rotation']), eps.length);
      const rho = hermitianPart(float64, conjugate(float64, U, passiveStateFor(float64, eps, seed)));
      const H = hermitianPart(float64, conjugate(float64, U, diag(float64, eps)));
      const r = ergotropy(float64, rho, H);
      const K = perturbation(float64, U, Math.max(1, normF(float64, H)));
      expect(Math.abs(r.ergotropy)).toBeLessThanOrEqual(r.errorBound + 2 * normF(float64, H) * K + 2 * K);
      expect(r.ergotropy).toBeGreaterThanOrEqual(-r.errorBound);
      ws.push(r.ergotropy);
    }
    expect(ws.filter((w) => w < 0).length).toBeGreaterThan(0);
  });
});

describe('across precisions', () => {
  it.each([10, 80, 200])('the pure state ψ (entries k/81) at %i digits: W = 40/81 with a bound at that precision', (p) => {
    const F = decimalField(p);
    const r = ergotropy(F, ninthsState(F), h0(F, 2, F.one));
    expectClose(F, r.ergotropy, q(F, '40/81'), F.add(r.errorBound, F.fromNumber(NINTHS_UNITS * F.unitRoundoff)), 'W');
    // same sharpness criterion as the hand cases (d = 4, ‖H0‖_F = √6)
    expect(F.toNumber(r.errorBound)).toBeLessThanOrEqual(100 * 16 * F.unitRoundoff * (1 + Math.sqrt(6)));
  });

  it('float64 and decimal(50) agree to 1e-12·‖H‖_F on the same seeded problem', () => {
    // The two inputs are built from the same float64 draws and differ only by float64 rounding of
    // the construction (trace-norm distance ≲ 8d^{3.5}·2^-53 < 1e-13 for d ≤ 4); W is 2‖H‖-Lipschitz
    // and errorBound64 ≲ 1e-14·‖H‖: 1e-12·‖H‖_F keeps a margin of ≥ 5.
    fc.assert(
      fc.property(problemSpec({ minDim: 1, maxDim: 4 }), ({ state, hamiltonian }) => {
        const w64 = ergotropy(float64, buildState(float64, state), buildHamiltonian(float64, hamiltonian));
        const H50 = buildHamiltonian(D50, hamiltonian);
        const w50 = ergotropy(D50, buildState(D50, state), H50);
        expect(Math.abs(w64.ergotropy - w50.ergotropy.toNumber())).toBeLessThanOrEqual(1e-12 * Math.max(1, normF(D50, H50)));
      }),
      fcParams('ergotropy float64 vs decimal50', 20),
    );
  });

  it('|W50 − W80| ≤ errorBound50 + errorBound80 on identical inputs (and errorBound50 is at 50 digits)', () => {
    fc.assert(
      fc.property(problemSpec({ minDim: 1, maxDim: 5 }), ({ state, hamiltonian }) => {
        const rho = buildState(D50, state);
        const H = buildHamiltonian(D50, hamiltonian);
        // 50-digit values are exact at 80 digits, so both computations see the same matrices.
        const w50 = ergotropy(D50, rho, H);
        const w80 = ergotropy(D80, convertMatrix(D50, D80, rho), convertMatrix(D50, D80, H));
        const diff = D80.abs(D80.sub(D80.fromString(w50.ergotropy.toString()), w80.ergotropy));
        const bound = D80.add(D80.fromString(w50.errorBound.toString()), w80.errorBound);
        expect(diff.lte(bound), `|W50 − W80| = ${diff.toExponential(3)} > ${bound.toExponential(3)}`).toBe(true);
        // Sharpness: a 50-digit bound must be O(d²·10^-50·‖H‖) (see the hand cases).
        const d = rho.rows;
        expect(w50.errorBound.toNumber()).toBeLessThanOrEqual(100 * d * d * D50.unitRoundoff * (1 + normF(D50, H)));
      }),
      fcParams('ergotropy decimal50 vs decimal80', 12),
    );
  });

  it('|W64 − W80| ≤ errorBound64 + errorBound80 on identical inputs (float64 bound is rigorous)', () => {
    fc.assert(
      fc.property(problemSpec({ minDim: 1, maxDim: 5 }), ({ state, hamiltonian }) => {
        const rho = buildState(float64, state);
        const H = buildHamiltonian(float64, hamiltonian);
        const w64 = ergotropy(float64, rho, H);
        // The exact binary values of the float64 entries, at 80 digits (entries ≥ 1e-20 are exact;
        // smaller ones move by < 1e-100, far below errorBound64).
        const to80 = (A: CMatrix<number>): CMatrix<(typeof D80)['zero']> => ({
          rows: A.rows,
          cols: A.cols,
          re: A.re.map((x) => D80.fromRational(exactRational(x))),
          im: A.im.map((x) => D80.fromRational(exactRational(x))),
        });
        const w80 = ergotropy(D80, to80(rho), to80(H));
        const diff = Math.abs(D80.sub(D80.fromRational(exactRational(w64.ergotropy)), w80.ergotropy).toNumber());
        expect(diff).toBeLessThanOrEqual(w64.errorBound + w80.errorBound.toNumber());
      }),
      fcParams('ergotropy float64 vs decimal80', 15),
    );
  });
});

describe('hamiltonian specs used above have the spectrum they claim (guards the generators)', () => {
  it.each([
    { kind: 'h0', N: 2, omega: '7/3' },
    { kind: 'levels', levels: [1, -0.5, 1] },
    { kind: 'rotated', levels: [2, 0, -1], seed: 5 },
  ] as HamiltonianSpec[])('%j', (spec) => {
    const H = buildHamiltonian(float64, spec);
    const e = eigh(float64, H);
    knownLevels(spec)!.forEach((x, k) => expect(Math.abs(e.values[k] - x)).toBeLessThanOrEqual(1e-14 + e.certificate!.bound));
  });
});
