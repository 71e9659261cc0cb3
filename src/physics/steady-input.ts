/**
 * The checked inputs of the collective steady-state map: the model (collective coupling, β, ω),
 * the initial state (a density matrix or a pure state vector, of the size of N qubits, Hermitian
 * with unit trace or of unit norm) and the options.
 */
import { InputError } from '../errors.js';
import type { AnalyticField, Field } from '../numeric/field.js';
import type { CMatrix } from '../numeric/matrix.js';
import { thermalRatio, validateModel, type LindbladModel } from './lindblad.js';
import type { StateVector } from './states.js';

/** A density matrix (2^N × 2^N) or a pure state vector (length 2^N, the fast path). */
export type InitialState<T> = CMatrix<T> | StateVector<T>;

export interface CollectiveSteadyStateOptions {
  /**
   * Absolute tolerance added to 8·2^N·ε for the checks of ρ0 (Hermiticity, unit trace, or unit
   * norm of a vector) and, at β = ∞, to 64·2^N·ε for deciding that an undamped amplitude is zero.
   * Default 0.
   */
  readonly tolerance?: number;
}

export const isMatrix = <T>(x: InitialState<T>): x is CMatrix<T> => 'rows' in x;

/** β = +∞ (float64 Infinity, decimal 'Infinity'); a finite decimal beyond float64's range is not. */
export function isPlusInfinity<T>(F: Field<T>, x: T): boolean {
  if (F.toNumber(x) !== Infinity) return false;
  const v = x as unknown as { isFinite?: () => boolean };
  return typeof v?.isFinite === 'function' ? !v.isFinite() : true;
}

export interface Collective<T> {
  readonly N: number;
  readonly r: T;
  readonly zeroTemperature: boolean;
  readonly gamma0: T;
  readonly f: T;
  readonly omega: T;
  readonly model: LindbladModel<T>;
}

/** Validate the model and that it is collective (γ_ij = γ0 > 0 for all i, j; f_ij = f for i ≠ j). */
export function collectiveModel<T>(F: AnalyticField<T>, model: LindbladModel<T>, where: string): Collective<T> {
  if (model === null || typeof model !== 'object') throw new InputError(`${where}: model must be a LindbladModel`);
  // The stationary states do not depend on the time scale; 'normalised' lets β = 0 through.
  const m = validateModel(F, { ...model, timeScale: 'normalised' }, where);
  const { N } = m;
  const g0 = m.gamma[0][0];
  for (let i = 0; i < N; i++)
    for (let j = 0; j < N; j++)
      if (F.cmp(m.gamma[i][j], g0) !== 0) {
        throw new InputError(
          `${where}: the exact map needs collective coupling (all γ_ij equal), but γ[${i}][${j}] = ${F.toString(m.gamma[i][j], 8)} ≠ γ[0][0] = ${F.toString(g0, 8)}`,
        );
      }
  if (F.sign(g0) <= 0) throw new InputError(`${where}: γ0 must be > 0 (without dissipation nothing relaxes and there is no steady state)`);
  const f = N > 1 ? m.f[0][1] : F.zero;
  for (let i = 0; i < N; i++)
    for (let j = 0; j < N; j++)
      if (i !== j && F.cmp(m.f[i][j], f) !== 0) {
        throw new InputError(`${where}: the exact map needs a uniform dipole coupling (all f_ij equal), but f[${i}][${j}] ≠ f[0][1]`);
      }
  const zeroTemperature = isPlusInfinity(F, m.beta);
  return { N, r: thermalRatio(F, m.omega, m.beta).r, zeroTemperature, gamma0: g0, f, omega: m.omega, model: m };
}
/** Throws InputError unless `initial` has the size of N qubits and finite entries. */
export function checkShape<T>(F: Field<T>, N: number, initial: InitialState<T>, where: string): void {
  const d = 2 ** N;
  if (initial === null || typeof initial !== 'object' || !Array.isArray(initial.re) || !Array.isArray(initial.im)) {
    throw new InputError(`${where}: the initial state must be a matrix or a state vector`);
  }
  if (isMatrix(initial)) {
    if (initial.rows !== d || initial.cols !== d || initial.re.length !== d * d || initial.im.length !== d * d) {
      throw new InputError(`${where}: ρ0 must be ${d}×${d} for N = ${N}, got ${initial.rows}×${initial.cols}`);
    }
  } else if (initial.re.length !== d || initial.im.length !== d) {
    throw new InputError(`${where}: the state vector must have length ${d} for N = ${N}, got ${initial.re.length}`);
  }
  for (let k = 0; k < initial.re.length; k++) {
    if (!Number.isFinite(F.toNumber(initial.re[k])) || !Number.isFinite(F.toNumber(initial.im[k]))) {
      throw new InputError(`${where}: the initial state has a non-finite entry at position ${k}`);
    }
  }
}
/** Throws InputError unless ρ0 is Hermitian with unit trace (or ψ has unit norm) within tol. */
export function checkNormalised<T>(F: Field<T>, initial: InitialState<T>, extra: number, where: string): void {
  const d = isMatrix(initial) ? initial.rows : initial.re.length;
  const tol = F.add(F.fromNumber(extra), F.mul(F.fromNumber(8 * d), F.epsilon));
  if (isMatrix(initial)) {
    let worst = F.zero;
    let tr = F.zero;
    for (let a = 0; a < d; a++) {
      tr = F.add(tr, initial.re[a * d + a]);
      for (let b = a; b < d; b++) {
        const dr = F.abs(F.sub(initial.re[a * d + b], initial.re[b * d + a]));
        const di = F.abs(F.add(initial.im[a * d + b], initial.im[b * d + a]));
        if (F.cmp(dr, worst) > 0) worst = dr;
        if (F.cmp(di, worst) > 0) worst = di;
      }
    }
    if (F.cmp(worst, tol) > 0)
      throw new InputError(`${where}: ρ0 is not Hermitian (max |ρ_ab − conj ρ_ba| component ${F.toString(worst, 3)}, tolerance ${F.toString(tol, 3)})`);
    if (F.cmp(F.abs(F.sub(tr, F.one)), tol) > 0)
      throw new InputError(`${where}: ρ0 has trace ${F.toString(tr, 17)}, not 1 (off by ${F.toString(F.sub(tr, F.one), 3)}, tolerance ${F.toString(tol, 3)})`);
  } else {
    let n2 = F.zero;
    for (let a = 0; a < d; a++) n2 = F.add(n2, F.add(F.mul(initial.re[a], initial.re[a]), F.mul(initial.im[a], initial.im[a])));
    if (F.cmp(F.abs(F.sub(n2, F.one)), tol) > 0)
      throw new InputError(
        `${where}: the state vector has squared norm ${F.toString(n2, 17)}, not 1 (off by ${F.toString(F.sub(n2, F.one), 3)}, tolerance ${F.toString(tol, 3)})`,
      );
  }
}
/** The tolerance option: a finite number ≥ 0 (default 0). */
export function checkTolerance(t: number | undefined, where: string): number {
  const v = t ?? 0;
  if (!(v >= 0) || !Number.isFinite(v)) throw new InputError(`${where}: tolerance must be a finite number ≥ 0, got ${t}`);
  return v;
}
