/**
 * Time evolution under the collective master equation (lindblad.ts): ρ(t) = e^{tL} ρ(0).
 *
 * Main route (`evolve`): exact-exponential Taylor steps on applyLindbladian. The interval is cut
 * into n = ⌈tλ/θ⌉ equal steps h, where λ ≥ ‖L‖ (Frobenius-induced) and θ = 2, and each step sums
 * Σ_k (hL)^k ρ / k! until a term is below tol·‖ρ‖_F with k + 1 ≥ 2θ; from there each further term is
 * at most half the previous one, so the omitted tail is at most the last term. No dense matrix of
 * size 4^N is formed, it works in every AnalyticField, and high precision only costs more terms
 * (≈ 25 applications of L per unit of tλ at 50 digits, ≈ 11 in float64).
 *
 * Independent route (`propagator`): the dense e^{tS} of the superoperator by scaling and squaring
 * with a Taylor kernel, for N ≤ 3, used to cross-check the first.
 */
import { InputError, InternalError } from '../errors.js';
import type { AnalyticField, Field } from '../numeric/field.js';
import { add, clone, identity, mul, scaleReal, type CMatrix } from '../numeric/matrix.js';
import { lindbladian, lindbladSuperoperator, type Lindbladian, type LindbladModel } from './lindblad.js';

/** Step size in units of 1/λ: keeps the Taylor sums' intermediate growth below e^θ ≈ 7.4. */
const THETA = 2;
const MAX_TERMS = 10_000;

/** Raised when an iteration does not reach its tolerance within its caps. */
export class NotConvergedError extends Error {
  override readonly name = 'NotConvergedError';
  constructor(message: string) {
    super(message);
  }
}

export interface EvolveOptions {
  /**
   * Per-step truncation tolerance relative to ‖ρ‖_F (default 8·unitRoundoff of the field). Total
   * truncation error ≤ steps·tol·√d·‖ρ(0)‖₁ for a completely positive L (e^{hL} contracts the trace norm).
   */
  readonly tolerance?: number;
  /** Refuse to take more Taylor steps than this (default 1e6). */
  readonly maxSteps?: number;
}

const compile = <T>(F: AnalyticField<T>, m: LindbladModel<T> | Lindbladian<T>): Lindbladian<T> => ('apply' in m ? m : lindbladian(F, m));

/** Σ|a_ij|² in the field (no square root, no underflow). */
function frob2<T>(F: Field<T>, A: CMatrix<T>): T {
  let s = F.zero;
  for (let k = 0; k < A.re.length; k++) s = F.add(s, F.add(F.mul(A.re[k], A.re[k]), F.mul(A.im[k], A.im[k])));
  return s;
}

function toField<T>(F: Field<T>, t: T | number): T {
  return typeof t === 'number' ? F.fromNumber(t) : t;
}

/**
 * ρ(t) = e^{tL}ρ0 by Taylor steps (see the file header); truncation error ≤ steps·tol·√d·‖ρ0‖₁,
 * rounding error ≈ steps·30·unitRoundoff·‖ρ0‖ (measured: ≲ 1e-13 in float64 for t·λ ≤ 1e3).
 */
export function evolve<T>(
  F: AnalyticField<T>,
  model: LindbladModel<T> | Lindbladian<T>,
  rho0: CMatrix<T>,
  t: T | number,
  options: EvolveOptions = {},
): CMatrix<T> {
  const L = compile(F, model);
  const tt = toField(F, t);
  const tn = F.toNumber(tt);
  if (Number.isNaN(tn) || F.sign(tt) < 0 || !Number.isFinite(tn)) throw new InputError(`evolve: time must be finite and ≥ 0, got ${F.toString(tt, 8)}`);
  if (rho0.rows !== L.d || rho0.cols !== L.d) throw new InputError(`evolve: ρ0 must be ${L.d}×${L.d} for N = ${L.N}, got ${rho0.rows}×${rho0.cols}`);
  const tol = options.tolerance;
  if (tol !== undefined && !(tol > 0 && tol < 1)) throw new InputError(`evolve: tolerance must lie in (0, 1), got ${tol}`);
  const maxSteps = options.maxSteps ?? 1e6;
  if (F.isZero(tt) || L.normBound === 0) return clone(rho0);
  const steps = Math.max(1, Math.ceil((tn * L.normBound) / THETA));
  if (steps > maxSteps) {
    throw new InputError(
      `evolve: t·‖L‖ = ${(tn * L.normBound).toPrecision(3)} needs ${steps} steps, more than the limit of ${maxSteps}; choose a shorter time`,
    );
  }
  const h = F.div(tt, F.fromNumber(steps));
  // the default in the field itself: 8·unitRoundoff as a float64 underflows beyond ≈ 300 digits
  const tolF = tol === undefined ? F.mul(F.fromNumber(8), F.epsilon) : F.fromNumber(tol);
  const tol2 = F.mul(tolF, tolF);
  const hOverK: T[] = [F.zero];
  let rho = rho0;
  for (let s = 0; s < steps; s++) {
    const threshold = F.mul(tol2, frob2(F, rho));
    let term = rho;
    let sum = rho;
    let k = 1;
    for (; k <= MAX_TERMS; k++) {
      if (hOverK.length <= k) hOverK.push(F.div(h, F.fromNumber(k)));
      term = scaleReal(F, hOverK[k], L.apply(term));
      sum = add(F, sum, term);
      if (k + 1 >= 2 * THETA && F.cmp(frob2(F, term), threshold) <= 0) break;
    }
    if (k > MAX_TERMS) throw new InternalError(`evolve: Taylor series did not converge in ${MAX_TERMS} terms (h·λ ≤ ${THETA} should guarantee it)`);
    rho = sum;
  }
  return rho;
}

export interface SteadyStateOptions {
  /** Stop when ‖L(ρ)‖_F ≤ tolerance (on the model's time scale). Must be reachable in the field. */
  readonly tolerance: number;
  /** Give up (NotConvergedError) after this much time; default 20000·θ/λ, i.e. 2e4 Taylor steps. */
  readonly maxTime?: number;
  /** Passed on to evolve. */
  readonly stepTolerance?: number;
}

export interface SteadyStateResult<T> {
  readonly rho: CMatrix<T>;
  /** Time integrated (model time scale). */
  readonly time: number;
  /** ‖L(ρ)‖_F at the returned ρ (≤ tolerance). */
  readonly residual: number;
}

/** Integrate until ‖L(ρ)‖_F ≤ tolerance; the returned ρ is e^{tL}ρ0 to evolve's accuracy, residual as stated. */
export function steadyStateByIntegration<T>(
  F: AnalyticField<T>,
  model: LindbladModel<T> | Lindbladian<T>,
  rho0: CMatrix<T>,
  options: SteadyStateOptions,
): SteadyStateResult<T> {
  const L = compile(F, model);
  const { tolerance } = options;
  if (rho0.rows !== L.d || rho0.cols !== L.d)
    throw new InputError(`steadyStateByIntegration: ρ0 must be ${L.d}×${L.d} for N = ${L.N}, got ${rho0.rows}×${rho0.cols}`);
  const rhoNorm = Math.sqrt(F.toNumber(frob2(F, rho0)));
  // Rounding alone leaves a residual of order λ·u·‖ρ‖·(a few); refuse tolerances below that.
  const floor = 100 * L.normBound * F.unitRoundoff * Math.max(rhoNorm, 1);
  if (!(tolerance > 0) || tolerance < floor) {
    throw new InputError(
      `steadyStateByIntegration: tolerance must be > ${floor.toPrecision(2)} (the resolution of ${F.name} for this model), got ${tolerance}`,
    );
  }
  const residualOf = (rho: CMatrix<T>): number => Math.sqrt(F.toNumber(frob2(F, L.apply(rho))));
  if (L.normBound === 0) return { rho: clone(rho0), time: 0, residual: 0 };
  const chunk = (16 * THETA) / L.normBound;
  const maxTime = options.maxTime ?? (2e4 * THETA) / L.normBound;
  if (!(maxTime > 0 && Number.isFinite(maxTime))) throw new InputError(`steadyStateByIntegration: maxTime must be finite and > 0, got ${maxTime}`);
  let rho = rho0;
  let time = 0;
  let residual = residualOf(rho);
  while (residual > tolerance) {
    if (time >= maxTime) {
      throw new NotConvergedError(
        `steadyStateByIntegration: ‖L(ρ)‖ = ${residual.toPrecision(3)} still above ${tolerance} at t = ${time.toPrecision(4)} (maxTime); the model may relax slowly or not at all`,
      );
    }
    const dt = Math.min(chunk, maxTime - time);
    rho = evolve(F, L, rho, dt, { tolerance: options.stepTolerance });
    time += dt;
    residual = residualOf(rho);
  }
  return { rho, time, residual };
}

/** Largest N for which `propagator` builds the dense e^{tS} (64 × 64 at N = 3). */
export const MAX_PROPAGATOR_QUBITS = 3;

/**
 * Dense e^{tS} (S the superoperator, row-major vec) by scaling and squaring: e^{A/2^s} by Taylor
 * to unit roundoff with ‖A/2^s‖₁ ≤ ½, then s squarings; relative error ≈ 2^s·unitRoundoff·few. N ≤ 3.
 */
export function propagator<T>(F: AnalyticField<T>, model: LindbladModel<T> | Lindbladian<T>, t: T | number): CMatrix<T> {
  const L = compile(F, model);
  if (L.N > MAX_PROPAGATOR_QUBITS) throw new InputError(`propagator: N = ${L.N} exceeds ${MAX_PROPAGATOR_QUBITS}; use evolve`);
  const tt = toField(F, t);
  const tn = F.toNumber(tt);
  if (Number.isNaN(tn) || F.sign(tt) < 0 || !Number.isFinite(tn)) throw new InputError(`propagator: time must be finite and ≥ 0, got ${F.toString(tt, 8)}`);
  const A = scaleReal(F, tt, lindbladSuperoperator(F, L));
  const D = A.rows;
  let norm1 = 0;
  for (let j = 0; j < D; j++) {
    let s = 0;
    for (let i = 0; i < D; i++) s += Math.hypot(F.toNumber(A.re[i * D + j]), F.toNumber(A.im[i * D + j]));
    norm1 = Math.max(norm1, s);
  }
  const squarings = norm1 > 0.5 ? Math.ceil(Math.log2(norm1 / 0.5)) : 0;
  const B = { rows: D, cols: D, re: A.re.map((x) => F.scale2(x, -squarings)), im: A.im.map((x) => F.scale2(x, -squarings)) };
  // Terms shrink by ≥ ½ each (‖B‖₁ ≤ ½), so stopping at max-entry ≤ u/4 leaves a tail ≤ D·u/2.
  const tiny = F.fromNumber(F.unitRoundoff / 4);
  let E = identity(F, D);
  let term = identity(F, D);
  for (let k = 1; k <= MAX_TERMS; k++) {
    term = scaleReal(F, F.div(F.one, F.fromNumber(k)), mul(F, term, B));
    E = add(F, E, term);
    let big = false;
    for (let q = 0; q < term.re.length && !big; q++) big = F.cmp(F.abs(term.re[q]), tiny) > 0 || F.cmp(F.abs(term.im[q]), tiny) > 0;
    if (!big) break;
  }
  for (let s = 0; s < squarings; s++) E = mul(F, E, E);
  return E;
}

/** ρ ↦ P·vec(ρ) reshaped (row-major vec); each entry a sum of 4^N products. */
export function applySuperoperator<T>(F: Field<T>, P: CMatrix<T>, rho: CMatrix<T>): CMatrix<T> {
  const d = rho.rows;
  if (rho.cols !== d || P.rows !== d * d || P.cols !== d * d)
    throw new InputError(`applySuperoperator: a ${P.rows}×${P.cols} superoperator cannot act on a ${rho.rows}×${rho.cols} matrix`);
  const v: CMatrix<T> = { rows: d * d, cols: 1, re: rho.re.slice(), im: rho.im.slice() };
  const w = mul(F, P, v);
  return { rows: d, cols: d, re: w.re, im: w.im };
}
