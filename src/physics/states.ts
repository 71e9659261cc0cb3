/**
 * Named states, generic over the field: the two-qubit collective steady states (parameter c, the
 * triplet weight), the steady state reached from the all-ground state, the product Gibbs state of
 * H0 and Dicke states.
 *
 * Basis convention (qubits.ts): index bit 0 = excited, qubit 0 most significant; for two qubits the
 * order is |11⟩, |10⟩, |01⟩, |00⟩ (paper labels, '1' = excited), so ψ1 = |11⟩ is the FIRST basis
 * vector and ψ0 = |00⟩ (all ground) the LAST. Temperatures enter through r = e^{−βω} (thermalRatio),
 * so β = +∞ (r = 0) is exact and β = 0 (r = 1) needs no limit.
 */
import { InputError } from '../errors.js';
import type { AnalyticField, Field } from '../numeric/field.js';
import { gram, zeros, type CMatrix } from '../numeric/matrix.js';
import { thermalRatio } from './lindblad.js';
import { assertQubitCount, excitations } from './qubits.js';

/** A complex vector (not necessarily normalised) as real and imaginary parts. */
export interface StateVector<T> {
  readonly re: readonly T[];
  readonly im: readonly T[];
}

/** Bath temperature and qubit frequency. β ≥ 0, +∞ allowed (float64 Infinity, decimal 'Infinity'). */
export interface ThermalParameters<T> {
  readonly beta: T;
  readonly omega: T;
}

/** Binomial coefficient C(n, k) for n ≤ 12 (exact in a double). */
export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return Math.round(c);
}

/** r = e^{−βω} after checking β and ω (InputError naming the problem); r to a few units of roundoff. */
export function thermalR<T>(F: AnalyticField<T>, p: ThermalParameters<T>, where: string): T {
  const b = F.toNumber(p.beta);
  const w = F.toNumber(p.omega);
  if (Number.isNaN(b)) throw new InputError(`${where}: β is NaN`);
  if (F.sign(p.beta) < 0) throw new InputError(`${where}: β must be ≥ 0, got ${F.toString(p.beta, 8)}`);
  if (Number.isNaN(w)) throw new InputError(`${where}: ω is NaN`);
  if (F.sign(p.omega) <= 0 || w === Infinity) throw new InputError(`${where}: ω must be finite and > 0, got ${F.toString(p.omega, 8)}`);
  return thermalRatio(F, p.omega, p.beta).r;
}

/** |ψ⟩⟨ψ|, computed on and above the diagonal and mirrored: exactly Hermitian, each entry one complex product. */
export function pureState<T>(F: Field<T>, psi: StateVector<T>): CMatrix<T> {
  const d = psi.re.length;
  if (psi.im.length !== d) throw new InputError(`pureState: real and imaginary parts have lengths ${d} and ${psi.im.length}`);
  return gram(F, { rows: d, cols: 1, re: [...psi.re], im: [...psi.im] });
}

/** The two-qubit Bell-type basis: ψ0 = |00⟩, ψ1 = |11⟩, ψ± = (|01⟩ ± |10⟩)/√2; entries exact or one square root. */
export function twoQubitBellBasis<T>(F: Field<T>): { psi0: StateVector<T>; psi1: StateVector<T>; psiPlus: StateVector<T>; psiMinus: StateVector<T> } {
  const s = F.div(F.one, F.sqrt(F.fromNumber(2)));
  const z = F.zero;
  const im = [z, z, z, z];
  // order |11⟩, |10⟩, |01⟩, |00⟩
  return {
    psi0: { re: [z, z, z, F.one], im },
    psi1: { re: [F.one, z, z, z], im },
    psiPlus: { re: [z, s, s, z], im },
    psiMinus: { re: [z, F.neg(s), s, z], im },
  };
}

/**
 * The two-qubit collective steady state: ρ_ss(β, c) = (1−c)|ψ−⟩⟨ψ−| + c Z₊⁻¹ (e^{−2βω}|ψ1⟩⟨ψ1| + e^{−βω}|ψ+⟩⟨ψ+| + |ψ0⟩⟨ψ0|),
 * Z₊ = 1 + e^{−βω} + e^{−2βω}; c ∈ [0, 1]. Exactly Hermitian; each entry a few roundings.
 */
export function twoQubitCollectiveSteadyState<T>(F: AnalyticField<T>, p: ThermalParameters<T> & { readonly c: T }): CMatrix<T> {
  const r = thermalR(F, p, 'twoQubitCollectiveSteadyState');
  const c = p.c;
  if (Number.isNaN(F.toNumber(c))) throw new InputError('twoQubitCollectiveSteadyState: c is NaN');
  if (F.sign(c) < 0 || F.cmp(c, F.one) > 0)
    throw new InputError(`twoQubitCollectiveSteadyState: c must lie in [0, 1] (it is a probability), got ${F.toString(c, 8)}`);
  const r2 = F.mul(r, r);
  const zPlus = F.add(F.add(F.one, r), r2);
  const cz = F.div(c, zPlus);
  const half = (x: T): T => F.scale2(x, -1);
  const minus = half(F.sub(F.one, c)); // (1−c)/2: ψ−ψ−† has entries ±½ on |10⟩, |01⟩
  const plus = half(F.mul(cz, r)); // c r/(2Z₊): ψ+ψ+† has entries ½
  const rho = zeros(F, 4);
  rho.re[0] = F.mul(cz, r2); // |11⟩⟨11|
  rho.re[15] = cz; // |00⟩⟨00|
  rho.re[5] = rho.re[10] = F.add(minus, plus);
  rho.re[6] = rho.re[9] = F.sub(plus, minus);
  return rho;
}

/**
 * The triplet weight c = ⟨ψ0|ρ0|ψ0⟩ + ⟨ψ1|ρ0|ψ1⟩ + ⟨ψ+|ρ0|ψ+⟩ of ρ0 (= 1 − ⟨ψ−|ρ0|ψ−⟩ for unit trace); real part, a few roundings.
 */
export function tripletWeight<T>(F: Field<T>, rho0: CMatrix<T>): T {
  if (rho0.rows !== 4 || rho0.cols !== 4) throw new InputError(`tripletWeight: ρ0 must be 4×4 (two qubits), got ${rho0.rows}×${rho0.cols}`);
  const x = rho0.re;
  // ⟨ψ+|ρ|ψ+⟩ = (ρ_11 + ρ_22 + ρ_12 + ρ_21)/2 on |10⟩ = 1, |01⟩ = 2
  const plus = F.scale2(F.add(F.add(x[5], x[10]), F.add(x[6], x[9])), -1);
  return F.add(F.add(x[0], x[15]), plus);
}

/**
 * The Gibbs state e^{−βH0}/Z of H0 = ω Σ σ⁺σ⁻, i.e. the product thermal state
 * ⊗_i diag(r, 1)/(1 + r): diagonal r^{k}/(1+r)^N for a basis state with k excitations. β = ∞ gives
 * the all-ground state, β = 0 the maximally mixed state. Each entry within ≈ 2N roundings.
 */
export function gibbsState<T>(F: AnalyticField<T>, N: number, p: ThermalParameters<T>): CMatrix<T> {
  assertQubitCount(N, 'gibbsState');
  const r = thermalR(F, p, 'gibbsState');
  const onePlusR = F.add(F.one, r);
  let z = F.one;
  for (let i = 0; i < N; i++) z = F.mul(z, onePlusR);
  const w: T[] = [F.div(F.one, z)];
  for (let k = 1; k <= N; k++) w.push(F.mul(w[k - 1], r));
  const d = 2 ** N;
  const rho = zeros(F, d);
  for (let a = 0; a < d; a++) rho.re[a * d + a] = w[excitations(a, N)];
  return rho;
}

/** The Dicke state |N, k⟩: the normalised symmetric state with k excited qubits, entries 1/√C(N, k) (one square root). */
export function dickeState<T>(F: Field<T>, N: number, k: number): StateVector<T> {
  assertQubitCount(N, 'dickeState');
  if (!Number.isInteger(k) || k < 0 || k > N) throw new InputError(`dickeState: number of excitations must be an integer in [0, ${N}], got ${k}`);
  const d = 2 ** N;
  const a = F.div(F.one, F.sqrt(F.fromNumber(binomial(N, k))));
  const re = Array.from({ length: d }, (_, x) => (excitations(x, N) === k ? a : F.zero));
  return { re, im: new Array<T>(d).fill(F.zero) };
}
