/**
 * W(t), its certified error bound, C_l1(t) (computational basis) and Tr(ρ(t)H) along the time
 * evolution of a Lindblad model, and the product Gibbs state that partially collective coupling
 * relaxes to. Accuracy: evolve's (truncation ≤ steps·tol·√d, rounding ≈ steps·30·unitRoundoff)
 * plus ergotropy's certified bounds.
 */
import { InputError } from '../errors.js';
import type { AnalyticField } from '../numeric/field.js';
import { zeros, type CMatrix } from '../numeric/matrix.js';
import { l1Coherence } from './coherence.js';
import { ergotropy } from './ergotropy.js';
import { evolve, type EvolveOptions } from './evolve.js';
import { lindbladian, thermalRatio, type Lindbladian, type LindbladModel } from './lindblad.js';
import { excitations } from './qubits.js';

/** The compiled generator of a model (or the generator itself). */
export const compileModel = <T>(F: AnalyticField<T>, m: LindbladModel<T> | Lindbladian<T>): Lindbladian<T> => ('apply' in m ? m : lindbladian(F, m));

/** Refuses a matrix of the wrong size for L, naming it and the caller. */
export function checkSize<T>(L: Lindbladian<T>, M: CMatrix<T>, name: string, where: string): void {
  if (M.rows !== L.d || M.cols !== L.d) throw new InputError(`${where}: ${name} must be ${L.d}×${L.d} for N = ${L.N}, got ${M.rows}×${M.cols}`);
}

// ---------------------------------------------------------------------------------------------
// Trajectory

/** One sample of a trajectory. */
export interface TrajectoryPoint<T> {
  readonly t: T;
  /** The ergotropy W(ρ(t)) for H. */
  readonly ergotropy: T;
  /** Certified bound on the error of `ergotropy` and `energy` for the computed ρ(t) (not counting evolve's error). */
  readonly errorBound: T;
  /** The l1-coherence C_l1(ρ(t)) in the computational basis. */
  readonly l1: T;
  /** Tr(ρ(t)H). */
  readonly energy: T;
}

/**
 * W, C_l1 and energy along ρ(t) = e^{tL}ρ0 at the given non-decreasing times (model time scale).
 * Each state is evolved from the previous one (one `evolve` call per interval), so the cost is that
 * of a single evolution to the last time plus one ergotropy per sample.
 */
export function trajectory<T>(
  F: AnalyticField<T>,
  model: LindbladModel<T> | Lindbladian<T>,
  rho0: CMatrix<T>,
  times: readonly (T | number)[],
  H: CMatrix<T>,
  options: EvolveOptions = {},
): TrajectoryPoint<T>[] {
  const L = compileModel(F, model);
  checkSize(L, rho0, 'ρ0', 'trajectory');
  checkSize(L, H, 'H', 'trajectory');
  const ts = times.map((t) => (typeof t === 'number' ? F.fromNumber(t) : t));
  ts.forEach((t, k) => {
    const x = F.toNumber(t);
    if (Number.isNaN(x) || !Number.isFinite(x) || F.sign(t) < 0)
      throw new InputError(`trajectory: times[${k}] must be finite and ≥ 0, got ${F.toString(t, 8)}`);
    if (k > 0 && F.cmp(t, ts[k - 1]) < 0)
      throw new InputError(`trajectory: times must be non-decreasing, but times[${k}] = ${F.toString(t, 8)} < times[${k - 1}] = ${F.toString(ts[k - 1], 8)}`);
  });
  const out: TrajectoryPoint<T>[] = [];
  let rho = rho0;
  let prev = F.zero;
  for (const t of ts) {
    const dt = F.sub(t, prev);
    if (!F.isZero(dt)) rho = evolve(F, L, rho, dt, options);
    prev = t;
    out.push(sample(F, t, rho, H));
  }
  return out;
}

function sample<T>(F: AnalyticField<T>, t: T, rho: CMatrix<T>, H: CMatrix<T>): TrajectoryPoint<T> {
  const e = ergotropy(F, rho, H);
  return { t, ergotropy: e.ergotropy, errorBound: e.errorBound, l1: l1Coherence(F, rho), energy: e.energy };
}

// ---------------------------------------------------------------------------------------------
// The product Gibbs state

/**
 * ⊗_i diag(r, 1)/(1 + r), r = e^{−βω} (excited first): diagonal entries r^{n(c)}/(1+r)^N, each a few
 * roundings. Stationary for every model of the master equation (symmetric γ and f; detailed balance), and the
 * unique steady state when γ is positive definite. β = ∞ gives the all-ground state.
 */
export function productGibbsState<T>(F: AnalyticField<T>, model: LindbladModel<T>): CMatrix<T> {
  const { r } = thermalRatio(F, model.omega, model.beta);
  const N = model.N;
  const d = 2 ** N;
  const z = F.add(F.one, r);
  let norm = F.one;
  for (let i = 0; i < N; i++) norm = F.mul(norm, z);
  const powers = [F.one];
  for (let k = 1; k <= N; k++) powers.push(F.mul(powers[k - 1], r));
  const rho = zeros(F, d);
  for (let c = 0; c < d; c++) rho.re[c * d + c] = F.div(powers[excitations(c, N)], norm);
  return rho;
}

// ---------------------------------------------------------------------------------------------
// Ergotropy lifetime
