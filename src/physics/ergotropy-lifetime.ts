/**
 * How robust is the ergotropy stored in the collective steady state?
 *
 * The ergotropy of the collective steady state is meant to be robust and stable. Exact collective
 * coupling (γ_ij = γ0) is an idealisation; with partially collective coupling
 * γ_ij = γ0(δ_ij + μ(1 − δ_ij)), 0 ≤ μ < 1, the matrix γ is positive definite, the steady state is
 * the product Gibbs state (unique and passive) and the stored ergotropy only lives for a finite time.
 * This file measures that time; relaxation.ts relates it to the spectrum of the Lindbladian.
 *
 * Definitions (docs/robustness.md has the derivations):
 *  • trajectory: W(t), its error bound, C_l1(t) (computational basis) and Tr(ρ(t)H) on a time grid.
 *  • W_ref = max_{t ≥ 0} W(t) (the plateau or peak), τ_θ = sup{t ≥ 0 : W(t) ≥ θ·W_ref} with
 *    θ = 1/e by default: the time after which the ergotropy stays below θ times its maximum.
 *  • relaxation spectrum: eigenvalues of L restricted to an invariant sector; the slowest rate is
 *    min(−Re λ) over the decaying modes. For N = 2 the population sector is a four-state Markov
 *    chain whose rates solve a cubic (twoQubitSlowRate); to first order in 1 − μ the slowest one is
 *    κ = γ0(1 − μ)(e + a)³/(e² + ea + a²), e = n̄ + 1 and a = n̄ (physical time scale).
 *
 * Accuracy: trajectory and lifetime inherit evolve's accuracy (truncation ≤ steps·tol·√d, rounding
 * ≈ steps·30·unitRoundoff) and ergotropy's certified error bounds; times are located by bisection to
 * a stated relative tolerance. Spectra are float64 only (complex Hessenberg QR, backward stable:
 * eigenvalue errors ≈ 1e-15·‖L‖·condition number).
 */
import { InputError, InternalError } from '../errors.js';
import type { AnalyticField, Field } from '../numeric/field.js';
import { eigh } from '../numeric/eigh.js';
import { sub, zeros, type CMatrix } from '../numeric/matrix.js';
import { ergotropy } from './ergotropy.js';
import { evolve, NotConvergedError, type EvolveOptions } from './evolve.js';
import type { Lindbladian, LindbladModel } from './lindblad.js';
import { h0 } from './qubits.js';
import { checkSize, compileModel, productGibbsState } from './trajectory.js';

export interface LifetimeOptions<T> {
  /** θ ∈ (0, 1): τ_θ = sup{t : W(t) ≥ θ·W_ref}; default 1/e. */
  readonly threshold?: number;
  /** Hamiltonian for W; default H0 = ω Σ σ⁺σ⁻ of the model. */
  readonly H?: CMatrix<T>;
  /**
   * A stationary state that ρ(t) converges to; default the product Gibbs state. Used to prove that W
   * stays below the threshold: W(ρ) ≤ (E_max − E_min)·‖ρ − ρ∞‖₁ for passive ρ∞, and ‖ρ(t) − ρ∞‖₁ never
   * increases (e^{tL} is trace preserving and completely positive).
   */
  readonly steadyState?: CMatrix<T>;
  /** Give up with NotConvergedError after this much time (model time scale); default 4e5/‖L‖. */
  readonly maxTime?: number;
  /** First grid step; default 1/‖L‖ (‖L‖ the Lindbladian's norm bound). */
  readonly firstStep?: number;
  /** Ratio of successive grid steps, in (1, 2]; default 1.02 (samples 2 % apart in time). */
  readonly growth?: number;
  /** Relative tolerance of the crossing time τ_θ (bisection); default 1e-9. */
  readonly relativeTolerance?: number;
  /** Relative tolerance (in time) of the golden-section search that refines W_ref; default 1e-6. */
  readonly peakTolerance?: number;
  /** Passed on to evolve. */
  readonly evolve?: EvolveOptions;
}

export interface LifetimeResult<T> {
  /** τ_θ (model time scale), the midpoint of a bracket of relative width ≤ relativeTolerance. */
  readonly lifetime: number;
  /** Half-width of the final bracket of τ_θ. */
  readonly lifetimeUncertainty: number;
  readonly threshold: number;
  /** W_ref = max_t W(t) and where it is attained (golden-section refined between grid points). */
  readonly peak: { readonly t: number; readonly ergotropy: T; readonly errorBound: T };
  /** W(0). */
  readonly initialErgotropy: T;
  /** Time from which W < θ·W_ref is proven, and the trace distance to the steady state there. */
  readonly certifiedAfter: number;
  readonly traceDistance: T;
  /** Number of grid samples taken (excluding the refinement searches). */
  readonly samples: number;
}

/** Upper bound on ‖A‖₁ for Hermitian A: Σ|λ_k| + d·(certified eigenvalue error). */
function traceNormBound<T>(F: Field<T>, A: CMatrix<T>): T {
  const d = A.rows;
  const S = zeros(F, d);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) {
      // Hermitian part (A is Hermitian up to rounding)
      S.re[i * d + j] = F.scale2(F.add(A.re[i * d + j], A.re[j * d + i]), -1);
      S.im[i * d + j] = F.scale2(F.sub(A.im[i * d + j], A.im[j * d + i]), -1);
    }
  const e = eigh(F, S);
  let s = F.zero;
  for (const v of e.values) s = F.add(s, F.abs(v));
  return F.add(s, F.mul(F.fromNumber(d * 1.01), e.certificate!.bound));
}

function levelSpan<T>(F: Field<T>, H: CMatrix<T>): T {
  const v = eigh(F, H);
  return F.add(F.sub(v.values[v.values.length - 1], v.values[0]), F.scale2(v.certificate!.bound, 1));
}

/**
 * τ_θ = sup{t ≥ 0 : W(t) ≥ θ·W_ref}, W_ref = max_t W(t) (see the file header), measured along the
 * trajectory of ρ0: geometric time grid (steps growing by `growth`), golden-section refinement of the
 * peak, bisection of the last crossing. The march stops once (E_max − E_min)·‖ρ(t) − ρ∞‖₁ < θ·W_ref
 * (minus W_ref's error bound), which proves that W never returns above the threshold. Crossings that
 * start and end between two grid points (2 % apart by default) could be missed; the result is exact
 * for the computed trajectory otherwise, to `relativeTolerance`.
 */
export function ergotropyLifetime<T>(
  F: AnalyticField<T>,
  model: LindbladModel<T> | Lindbladian<T>,
  rho0: CMatrix<T>,
  options: LifetimeOptions<T> = {},
): LifetimeResult<T> {
  const where = 'ergotropyLifetime';
  const L = compileModel(F, model);
  checkSize(L, rho0, 'ρ0', where);
  const theta = options.threshold ?? Math.exp(-1);
  if (!(theta > 0 && theta < 1)) throw new InputError(`${where}: threshold must lie in (0, 1), got ${theta}`);
  const growth = options.growth ?? 1.02;
  if (!(growth > 1 && growth <= 2)) throw new InputError(`${where}: growth must lie in (1, 2], got ${growth}`);
  const relTol = options.relativeTolerance ?? 1e-9;
  if (!(relTol > 0 && relTol < 1)) throw new InputError(`${where}: relativeTolerance must lie in (0, 1), got ${relTol}`);
  const peakTol = options.peakTolerance ?? 1e-6;
  if (!(peakTol > 0 && peakTol < 1)) throw new InputError(`${where}: peakTolerance must lie in (0, 1), got ${peakTol}`);
  if (L.normBound === 0) throw new InputError(`${where}: the Lindbladian is zero, nothing decays`);
  const firstStep = options.firstStep ?? 1 / L.normBound;
  if (!(firstStep > 0 && Number.isFinite(firstStep))) throw new InputError(`${where}: firstStep must be finite and > 0, got ${firstStep}`);
  const maxTime = options.maxTime ?? 4e5 / L.normBound;
  if (!(maxTime > 0 && Number.isFinite(maxTime))) throw new InputError(`${where}: maxTime must be finite and > 0, got ${maxTime}`);
  const H = options.H ?? h0(F, L.N, L.model.omega);
  checkSize(L, H, 'H', where);
  const rhoInf = options.steadyState ?? productGibbsState(F, L.model);
  checkSize(L, rhoInf, 'steadyState', where);
  // The steady state must be stationary (to the field's resolution) and passive for the stopping rule.
  const residual = maxAbsNumber(F, L.apply(rhoInf));
  if (residual > 1e3 * F.unitRoundoff * L.normBound) {
    throw new InputError(
      `${where}: steadyState is not stationary (max |L(ρ∞)| = ${residual.toPrecision(3)}); for μ = 1 (collective coupling) pass the collective steady state`,
    );
  }
  const eInf = ergotropy(F, rhoInf, H);
  if (F.cmp(eInf.ergotropy, F.mul(F.fromNumber(2), eInf.errorBound)) > 0) {
    throw new InputError(`${where}: steadyState is not passive (W = ${F.toString(eInf.ergotropy, 4)}), so the stored ergotropy never decays`);
  }
  const span = levelSpan(F, H);
  const thetaF = F.fromNumber(theta);
  const evolveOptions = options.evolve ?? {};
  const step = (rho: CMatrix<T>, dt: number): CMatrix<T> => (dt > 0 ? evolve(F, L, rho, dt, evolveOptions) : rho);
  const W = (rho: CMatrix<T>) => ergotropy(F, rho, H);

  // March on the geometric grid.
  const first = W(rho0);
  let best = { t: 0, w: first.ergotropy, err: first.errorBound, tPrev: 0, rhoPrev: rho0, tNext: NaN };
  let t = 0;
  let rho = rho0;
  let dt = firstStep;
  let lastAbove = { t: 0, rho: rho0, tNext: NaN };
  let samples = 1;
  let certifiedAfter = NaN;
  let traceDistance = F.zero;
  let justSetBest = true; // so that the grid point after t = 0 closes the peak's bracket
  let pendingAbove = true;
  for (;;) {
    if (t >= maxTime) {
      throw new NotConvergedError(
        `${where}: the ergotropy is not yet certified below θ·W_ref at t = ${t.toPrecision(4)} (maxTime); the steady state may not be unique (μ = 1?)`,
      );
    }
    const h = Math.min(dt, maxTime - t);
    const next = step(rho, h);
    const tn = t + h;
    const e = W(next);
    samples++;
    if (justSetBest) best.tNext = tn;
    if (pendingAbove) lastAbove.tNext = tn;
    justSetBest = false;
    pendingAbove = false;
    if (F.cmp(e.ergotropy, best.w) > 0) {
      best = { t: tn, w: e.ergotropy, err: e.errorBound, tPrev: t, rhoPrev: rho, tNext: NaN };
      justSetBest = true;
    }
    const thr = F.mul(thetaF, best.w);
    // Until W_ref exceeds its error bound (4×), τ_θ is undefined and no sample counts as "above".
    const resolvable = F.cmp(best.w, F.mul(F.fromNumber(4), best.err)) > 0;
    if (resolvable && F.cmp(e.ergotropy, thr) >= 0) {
      lastAbove = { t: tn, rho: next, tNext: NaN };
      pendingAbove = true;
    } else if (!justSetBest || !resolvable) {
      // W(t') ≤ span·‖ρ(t') − ρ∞‖₁ ≤ span·‖ρ(t) − ρ∞‖₁ for all t' ≥ t.
      const dist = traceNormBound(F, sub(F, next, rhoInf));
      const bound = F.mul(span, dist);
      const guaranteed = F.sub(thr, F.mul(thetaF, best.err));
      if (F.cmp(bound, guaranteed) < 0) {
        certifiedAfter = tn;
        traceDistance = dist;
        rho = next;
        t = tn;
        break;
      }
      if (!resolvable && F.toNumber(bound) <= 1e3 * F.unitRoundoff * F.toNumber(span)) {
        throw new InputError(
          `${where}: the trajectory stores no resolvable ergotropy (max W = ${F.toString(best.w, 3)} ≤ 4·its error bound), so τ_θ is undefined`,
        );
      }
    }
    rho = next;
    t = tn;
    dt *= growth;
  }

  // Refine the peak by golden-section search on [tPrev, tNext] (unimodal there for a smooth W).
  let peak = { t: best.t, w: best.w, err: best.err };
  if (best.t > 0 || !Number.isNaN(best.tNext)) {
    const a0 = best.tPrev;
    const b0 = Number.isNaN(best.tNext) ? best.t : best.tNext;
    const evalAt = (s: number) => {
      const e = W(step(best.rhoPrev, s - a0));
      return { t: s, w: e.ergotropy, err: e.errorBound };
    };
    const g = (Math.sqrt(5) - 1) / 2;
    let a = a0;
    let b = b0;
    let x1 = evalAt(b - g * (b - a));
    let x2 = evalAt(a + g * (b - a));
    while (b - a > peakTol * Math.max(b, firstStep)) {
      if (F.cmp(x1.w, x2.w) >= 0) {
        b = x2.t;
        x2 = x1;
        x1 = evalAt(b - g * (b - a));
      } else {
        a = x1.t;
        x1 = x2;
        x2 = evalAt(a + g * (b - a));
      }
    }
    for (const c of [x1, x2]) if (F.cmp(c.w, peak.w) > 0) peak = c;
  }
  const thr = F.mul(thetaF, peak.w);

  // The last grid point with W ≥ θ·W_ref (the refined peak raises the bar; re-check from the grid point).
  let lo = lastAbove.t;
  let rhoLo = lastAbove.rho;
  let hi = Number.isNaN(lastAbove.tNext) ? certifiedAfter : lastAbove.tNext;
  if (F.cmp(W(rhoLo).ergotropy, thr) < 0) {
    // Only possible when the refined peak exceeds the grid maximum and lastAbove sat just above the
    // old threshold: the crossing then lies in [peak.t, lastAbove.t]; bisect there from the peak's bracket.
    hi = lo;
    lo = peak.t;
    rhoLo = step(best.rhoPrev, peak.t - best.tPrev);
  }
  while (hi - lo > relTol * hi) {
    const mid = lo + (hi - lo) / 2;
    const rm = step(rhoLo, mid - lo);
    if (F.cmp(W(rm).ergotropy, thr) >= 0) {
      lo = mid;
      rhoLo = rm;
    } else hi = mid;
  }
  if (!(lo <= hi)) throw new InternalError(`${where}: crossing bracket [${lo}, ${hi}] is empty`);
  return {
    lifetime: (lo + hi) / 2,
    lifetimeUncertainty: (hi - lo) / 2,
    threshold: theta,
    peak: { t: peak.t, ergotropy: peak.w, errorBound: peak.err },
    initialErgotropy: first.ergotropy,
    certifiedAfter,
    traceDistance,
    samples,
  };
}

function maxAbsNumber<T>(F: Field<T>, A: CMatrix<T>): number {
  let m = 0;
  for (let k = 0; k < A.re.length; k++) m = Math.max(m, Math.abs(F.toNumber(A.re[k])) + Math.abs(F.toNumber(A.im[k])));
  return m;
}
