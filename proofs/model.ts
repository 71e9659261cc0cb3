/**
 * The paper's model, shared by the claim files: symbolically over Q(c, y, ω, f) with
 * y = e^{−βω} (the generic matrix and qubit code run on `ratFuncField`), and numerically at high
 * precision (first principles: states built, diagonalised, measured).
 */
import type { DecimalField } from '../src/numeric/decimal.js';
import type { CMatrix } from '../src/numeric/matrix.js';
import { add, trace, traceProduct, zeros } from '../src/numeric/matrix.js';
import { h0 } from '../src/physics/qubits.js';
import { applyGenerator } from '../src/derive/generator.js';
import { mixSectors, steadySectors, steadyStateFamily, type SteadySector } from '../src/derive/steady-state-family.js';
import { exactSpectrum } from '../src/derive/spectrum.js';
import { excitationLevels, passiveEnergy } from '../src/derive/passive-pairing.js';
import { ergotropy } from '../src/physics/ergotropy.js';
import { l1Coherence } from '../src/physics/coherence.js';
import { twoQubitCollectiveSteadyState } from '../src/physics/states.js';
import { ratFuncField as Rf } from '../src/symbolic/ratfunc-field.js';
import { identical, rfadd, rfConst, rfmul, rfneg, rfpow, rfsub, rfVar, rfisZero, type RatFunc } from '../src/symbolic/ratfunc.js';

export { Rf };
export type Dec = DecimalField['zero'];

export const c = rfVar('c');
export const y = rfVar('y');
export const omega = rfVar('omega');
export const ONE = rfConst(1);
export const HALF = rfConst({ num: 1n, den: 2n });
/** Z₊ = 1 + y + y² (Eq. (7)), Z = (1 + y)² (after Eq. (8)). */
export const Zp = rfadd(rfadd(ONE, y), rfpow(y, 2));
export const Z = rfpow(rfadd(ONE, y), 2);

/** |a⟩⟨b| in the two-qubit basis |11⟩, |10⟩, |01⟩, |00⟩ (indices 0…3). */
function unit(a: number, b: number, v: RatFunc = ONE, d = 4): CMatrix<RatFunc> {
  const M = zeros(Rf, d);
  M.re[a * d + b] = v;
  return M;
}

/** |ψ±⟩⟨ψ±| with ψ± = (|01⟩ ± |10⟩)/√2: entries ½ on the diagonal of {|10⟩, |01⟩}, ±½ off it. */
export function psiPlusMinus(sign: 1 | -1): CMatrix<RatFunc> {
  const off = sign === 1 ? HALF : rfneg(HALF);
  return [unit(1, 1, HALF), unit(2, 2, HALF), unit(1, 2, off), unit(2, 1, off)].reduce((A, B) => add(Rf, A, B));
}

let twoQubitSectors: { singlet: SteadySector; triplet: SteadySector; how: string } | undefined;
/**
 * The two sectors of the two-qubit steady-state family, derived by the pipeline: the null space of
 * the collective generator, its conserved quantities, and their minimal projections. The sector
 * that holds the all-ground state |00⟩ carries the weight c (its projector is the paper's
 * |ψ0⟩⟨ψ0| + |ψ1⟩⟨ψ1| + |ψ+⟩⟨ψ+|, see test/derive); the other is |ψ−⟩⟨ψ−|.
 */
export function twoQubitSteadySectors(): { singlet: SteadySector; triplet: SteadySector; how: string } {
  if (!twoQubitSectors) {
    const family = steadyStateFamily({ N: 2, coupling: 'collective' });
    const sectors = steadySectors(family);
    const triplet = sectors.find((x) => !rfisZero(x.projector.re[15]));
    const singlet = sectors.find((x) => x !== triplet);
    if (sectors.length !== 2 || !triplet || !singlet) throw new Error('model: the two-qubit steady-state family does not have two sectors');
    twoQubitSectors = { singlet, triplet, how: `${family.how}; sectors from the minimal projections of the conserved quantities` };
  }
  return twoQubitSectors;
}

/** Eq. (7) in Q(c, y), derived: (1 − c)·(singlet sector's steady state) + c·(triplet sector's steady state). */
export function eq7Symbolic(cc: RatFunc = c): CMatrix<RatFunc> {
  const { singlet, triplet } = twoQubitSteadySectors();
  return mixSectors([singlet, triplet], [rfsub(ONE, cc), cc]);
}

/**
 * The generator of Eqs. (4)–(6) divided by (n̄+1), applied in Q(y, ω, f, …) (src/derive/generator.ts):
 * emission rate γ_ij, absorption rate y·γ_ij, Hamiltonian term (1 − y)(H0 + H_d). Same steady
 * states and conserved quantities as L itself. γ_ij = 1 (collective) or δ_ij (individual).
 */
export function lindbladSymbolic(N: number, rho: CMatrix<RatFunc>, options: { coupling: 'collective' | 'individual'; f?: RatFunc }): CMatrix<RatFunc> {
  const model = options.coupling === 'collective' ? { N, coupling: options.coupling, f: options.f ?? rfConst(0) } : { N, coupling: options.coupling };
  return applyGenerator(model, rho);
}

/** True if every entry of M is the zero rational function. */
export const isZeroMatrix = (M: CMatrix<RatFunc>): boolean => M.re.every(rfisZero) && M.im.every(rfisZero);

/** Tr(ρ H0) in Q(c, y, ω). */
export const energySymbolic = (rho: CMatrix<RatFunc>, N = 2): RatFunc => traceProduct(Rf, rho, h0(Rf, N, omega)).re;

/** Tr ρ. */
export const traceSymbolic = (rho: CMatrix<RatFunc>): RatFunc => trace(Rf, rho).re;

/**
 * The ergotropy Σ-formula of Eq. (2) for a given decreasing order of ρ's eigenvalues `spectrum`
 * and the levels of H0 for N qubits (0, ω ×N, 2ω ×C(N,2), …): W = E − Σ_k r_k ε_k.
 */
export function ergotropyForOrder(energy: RatFunc, decreasing: readonly RatFunc[], N = 2): RatFunc {
  const levels = decreasing.map((value) => ({ value, multiplicity: 1 }));
  return rfsub(
    energy,
    passiveEnergy(
      levels,
      levels.map((_, i) => i),
      excitationLevels(N, omega),
    ),
  );
}

let spectrum7: { minus: RatFunc; zero: RatFunc; plus: RatFunc; one: RatFunc } | undefined;
/** How eq7Spectrum was obtained (set on first use). */
export let eq7SpectrumHow = '';
/**
 * The eigenvalues of Eq. (7), derived by the pipeline (exact spectrum of eq7Symbolic()) and named by
 * their eigenvectors: ψ− = (0, −1, 1, 0), ψ0 = |00⟩, ψ+ = (0, 1, 1, 0), ψ1 = |11⟩ (checked in eq9).
 */
export const eq7Spectrum = (): { minus: RatFunc; zero: RatFunc; plus: RatFunc; one: RatFunc } => {
  if (spectrum7) return spectrum7;
  const spec = exactSpectrum(eq7Symbolic());
  eq7SpectrumHow = spec.how;
  const withVector = (v: readonly number[]): RatFunc => {
    // e ∝ v iff e_k v_l = e_l v_k for all k, l
    const parallel = (e: readonly RatFunc[]): boolean =>
      e.every((ek, k) => e.every((el, l) => identical(rfmul(ek, rfConst(v[l])), rfmul(el, rfConst(v[k]))).identical));
    const hit = spec.eigenspaces.find((e) => e.multiplicity === 1 && parallel(e.vectors[0]));
    if (!hit) throw new Error(`model: no eigenvector ∝ (${v.join(', ')}) in the derived spectrum of Eq. (7)`);
    return hit.value;
  };
  spectrum7 = { minus: withVector([0, -1, 1, 0]), zero: withVector([0, 0, 0, 1]), plus: withVector([0, 1, 1, 0]), one: withVector([1, 0, 0, 0]) };
  return spectrum7;
};

// ----- first principles, numerically (decimal) -------------------------------------------------

/** Eq. (7) at a point, built numerically (src/physics/states.ts). */
export const eq7At = (D: DecimalField, p: Readonly<Record<string, Dec>>, cValue?: Dec): CMatrix<Dec> =>
  twoQubitCollectiveSteadyState(D, { beta: p.beta, omega: p.omega, c: cValue ?? p.c });

/** Ergotropy (Eq. (2)) of ρ for H0 = ω·excitations of N qubits, with its certified error bound. */
export function ergotropyAt(D: DecimalField, rho: CMatrix<Dec>, omegaValue: Dec, N = 2): { value: Dec; errorBound: Dec } {
  const r = ergotropy(D, rho, h0(D, N, omegaValue));
  return { value: r.ergotropy, errorBound: r.errorBound };
}

/** C_l1 (Eq. (3)) in the computational basis. */
export const l1At = (D: DecimalField, rho: CMatrix<Dec>): { value: Dec } => ({ value: l1Coherence(D, rho) });
