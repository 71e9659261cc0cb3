/**
 * How robust is the ergotropy stored in the collective steady state (issue §4)?
 *
 * Sec. IV calls the ergotropy of the collective steady state "robust and stable". Exact collective
 * coupling (γ_ij = γ0) is an idealisation; with partially collective coupling
 * γ_ij = γ0(δ_ij + μ(1 − δ_ij)), 0 ≤ μ < 1, the matrix γ is positive definite, the steady state is
 * the product Gibbs state (unique and passive) and the stored ergotropy only lives for a finite time.
 * This file measures that time and relates it to the spectrum of the Lindbladian.
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
import { float64 } from '../numeric/float64.js';
import { eigh } from '../numeric/eigh.js';
import { zeros, type CMatrix } from '../numeric/matrix.js';
import { l1Coherence } from './coherence.js';
import { ergotropy } from './ergotropy.js';
import { evolve, NotConvergedError, type EvolveOptions } from './evolve.js';
import { lindbladian, rateFactors, thermalRatio, type Lindbladian, type LindbladModel } from './lindblad.js';
import { excitations, h0 } from './qubits.js';

const compile = <T>(F: AnalyticField<T>, m: LindbladModel<T> | Lindbladian<T>): Lindbladian<T> => ('apply' in m ? m : lindbladian(F, m));

function checkSize<T>(L: Lindbladian<T>, M: CMatrix<T>, name: string, where: string): void {
  if (M.rows !== L.d || M.cols !== L.d) throw new InputError(`${where}: ${name} must be ${L.d}×${L.d} for N = ${L.N}, got ${M.rows}×${M.cols}`);
}

// ---------------------------------------------------------------------------------------------
// Trajectory

/** One sample of a trajectory. */
export interface TrajectoryPoint<T> {
  readonly t: T;
  /** W(ρ(t)) for H (Eq. (2)). */
  readonly ergotropy: T;
  /** Certified bound on the error of `ergotropy` and `energy` for the computed ρ(t) (not counting evolve's error). */
  readonly errorBound: T;
  /** C_l1(ρ(t)) in the computational basis (Eq. (3)). */
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
  const L = compile(F, model);
  checkSize(L, rho0, 'ρ0', 'trajectory');
  checkSize(L, H, 'H', 'trajectory');
  const ts = times.map((t) => (typeof t === 'number' ? F.fromNumber(t) : t));
  ts.forEach((t, k) => {
    const x = F.toNumber(t);
    if (Number.isNaN(x) || !Number.isFinite(x) || F.sign(t) < 0) throw new InputError(`trajectory: times[${k}] must be finite and ≥ 0, got ${F.toString(t, 8)}`);
    if (k > 0 && F.cmp(t, ts[k - 1]) < 0) throw new InputError(`trajectory: times must be non-decreasing, but times[${k}] = ${F.toString(t, 8)} < times[${k - 1}] = ${F.toString(ts[k - 1], 8)}`);
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
 * roundings. Stationary for every model of Eqs. (4)–(6) (symmetric γ and f; detailed balance), and the
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
  const L = compile(F, model);
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
    throw new InputError(`${where}: steadyState is not stationary (max |L(ρ∞)| = ${residual.toPrecision(3)}); for μ = 1 (collective coupling) pass the collective steady state`);
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
      throw new NotConvergedError(`${where}: the ergotropy is not yet certified below θ·W_ref at t = ${t.toPrecision(4)} (maxTime); the steady state may not be unique (μ = 1?)`);
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
      const dist = traceNormBound(F, subtract(F, next, rhoInf));
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
        throw new InputError(`${where}: the trajectory stores no resolvable ergotropy (max W = ${F.toString(best.w, 3)} ≤ 4·its error bound), so τ_θ is undefined`);
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

function subtract<T>(F: Field<T>, A: CMatrix<T>, B: CMatrix<T>): CMatrix<T> {
  return { rows: A.rows, cols: A.cols, re: A.re.map((x, k) => F.sub(x, B.re[k])), im: A.im.map((x, k) => F.sub(x, B.im[k])) };
}

function maxAbsNumber<T>(F: Field<T>, A: CMatrix<T>): number {
  let m = 0;
  for (let k = 0; k < A.re.length; k++) m = Math.max(m, Math.abs(F.toNumber(A.re[k])) + Math.abs(F.toNumber(A.im[k])));
  return m;
}

// ---------------------------------------------------------------------------------------------
// Relaxation spectrum

/**
 * Invariant sectors of operator space:
 *  'full': all d² matrix units (N ≤ 4);
 *  'excitation-diagonal': ρ_ab with n(a) = n(b) — invariant for every model (U(1) symmetry), and
 *    the home of every state that is block diagonal in the excitation number (N ≤ 5);
 *  'symmetric': the excitation-diagonal operators invariant under all qubit permutations — invariant
 *    when γ and f are (as for partiallyCollective); the home of the all-ground state and of Eq. (7) (N ≤ 8).
 */
export type Sector = 'full' | 'excitation-diagonal' | 'symmetric';

const SECTOR_MAX_QUBITS: Record<Sector, number> = { full: 4, 'excitation-diagonal': 5, symmetric: 8 };

export interface Eigenvalue {
  readonly re: number;
  readonly im: number;
}

export interface RelaxationSpectrum {
  readonly sector: Sector;
  /** Dimension of the sector (size of the restricted generator). */
  readonly dimension: number;
  /** Eigenvalues of L on the sector, by decreasing real part (slowest first). */
  readonly eigenvalues: readonly Eigenvalue[];
  /** Eigenvalues with |λ| ≤ zeroTolerance: the dimension of the stationary space in the sector. */
  readonly stationary: number;
  /** Eigenvalues with |Re λ| ≤ zeroTolerance (stationary or purely oscillating). */
  readonly nonDecaying: number;
  /** min(−Re λ) over the decaying modes (Re λ < −zeroTolerance); NaN if there are none. */
  readonly slowestRate: number;
  /** 1e-9·‖L‖: the magnitude below which an eigenvalue counts as zero. */
  readonly zeroTolerance: number;
}

/** Orthonormal real basis of a sector: each element a list of (row, col) with equal weight 1/√size. */
function sectorBasis(N: number, sector: Sector): number[][][] {
  const d = 2 ** N;
  const nOf = Array.from({ length: d }, (_, c) => excitations(c, N));
  if (sector === 'full') {
    const out: number[][][] = [];
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) out.push([[a, b]]);
    return out;
  }
  const out: number[][][] = [];
  const orbits = new Map<string, number[][]>();
  for (let a = 0; a < d; a++)
    for (let b = 0; b < d; b++) {
      if (nOf[a] !== nOf[b]) continue;
      if (sector === 'excitation-diagonal') {
        out.push([[a, b]]);
        continue;
      }
      // The orbit of (a, b) under qubit permutations is fixed by the counts of per-qubit bit pairs.
      const both = popcount(a & b);
      const onlyA = popcount(a & ~b);
      const onlyB = popcount(~a & b & (d - 1));
      const key = `${both},${onlyA},${onlyB}`;
      const list = orbits.get(key);
      if (list) list.push([a, b]);
      else orbits.set(key, [[a, b]]);
    }
  if (sector === 'symmetric') for (const list of orbits.values()) out.push(list);
  return out;
}

function popcount(x: number): number {
  let c = 0;
  for (; x !== 0; x &= x - 1) c++;
  return c;
}

/**
 * The generator of L restricted to a sector, M_ij = ⟨B_i, L(B_j)⟩ (float64), after checking that
 * the sector is invariant: ‖L(B_j) − Σ_i M_ij B_i‖_F ≤ 1e-10·‖L‖ for every j.
 */
export function sectorGenerator(model: LindbladModel<number> | Lindbladian<number>, sector: Sector = 'symmetric'): { re: number[]; im: number[]; n: number } {
  const where = 'relaxationSpectrum';
  if (!(sector in SECTOR_MAX_QUBITS)) throw new InputError(`${where}: sector must be 'full', 'excitation-diagonal' or 'symmetric', got ${String(sector)}`);
  const L = compile(float64, model);
  if (L.N > SECTOR_MAX_QUBITS[sector]) throw new InputError(`${where}: N = ${L.N} exceeds ${SECTOR_MAX_QUBITS[sector]} for the '${sector}' sector`);
  const d = L.d;
  const basis = sectorBasis(L.N, sector);
  const n = basis.length;
  const index = new Map<number, number>(); // matrix-unit index a·d+b → basis element
  basis.forEach((els, j) => els.forEach(([a, b]) => index.set(a * d + b, j)));
  const re = new Array<number>(n * n).fill(0);
  const im = new Array<number>(n * n).fill(0);
  for (let j = 0; j < n; j++) {
    const w = 1 / Math.sqrt(basis[j].length);
    const B = zeros(float64, d);
    for (const [a, b] of basis[j]) B.re[a * d + b] = w;
    const LB = L.apply(B);
    // Coordinates: M_ij = Σ_{(a,b)∈B_i} w_i·L(B_j)_ab.
    const accRe = new Array<number>(n).fill(0);
    const accIm = new Array<number>(n).fill(0);
    let outside = 0;
    for (let k = 0; k < d * d; k++) {
      const x = LB.re[k];
      const y = LB.im[k];
      if (x === 0 && y === 0) continue;
      const i = index.get(k);
      if (i === undefined) outside += x * x + y * y;
      else {
        accRe[i] += x;
        accIm[i] += y;
      }
    }
    // Residual inside the sector: components of L(B_j) along B_i must be uniform over the orbit.
    let inside = 0;
    for (let i = 0; i < n; i++) {
      const wi = 1 / Math.sqrt(basis[i].length);
      re[i * n + j] = wi * accRe[i];
      im[i * n + j] = wi * accIm[i];
      const mr = accRe[i] / basis[i].length;
      const mi = accIm[i] / basis[i].length;
      for (const [a, b] of basis[i]) inside += (LB.re[a * d + b] - mr) ** 2 + (LB.im[a * d + b] - mi) ** 2;
    }
    const res = Math.sqrt(outside + inside);
    if (res > 1e-10 * L.normBound) {
      throw new InputError(`${where}: the '${sector}' sector is not invariant under this model (residual ${res.toPrecision(3)}); γ and f must be permutation invariant`);
    }
  }
  return { re, im, n };
}

/** Eigenvalues of L on a sector (float64), with the slowest decay rate; see RelaxationSpectrum. */
export function relaxationSpectrum(model: LindbladModel<number> | Lindbladian<number>, sector: Sector = 'symmetric'): RelaxationSpectrum {
  const L = compile(float64, model);
  const M = sectorGenerator(L, sector);
  const eig = generalEigenvalues(M.re, M.im, M.n).sort((x, y) => y.re - x.re || y.im - x.im);
  const zeroTolerance = 1e-9 * L.normBound;
  const stationary = eig.filter((z) => Math.hypot(z.re, z.im) <= zeroTolerance).length;
  const nonDecaying = eig.filter((z) => Math.abs(z.re) <= zeroTolerance).length;
  if (eig.some((z) => z.re > zeroTolerance)) throw new InternalError(`relaxationSpectrum: an eigenvalue has Re λ > 0 (${eig[0].re}); L is not a valid generator or the eigensolver failed`);
  const decaying = eig.filter((z) => z.re < -zeroTolerance);
  const slowestRate = decaying.length > 0 ? -decaying[0].re : NaN;
  return { sector, dimension: M.n, eigenvalues: eig, stationary, nonDecaying, slowestRate, zeroTolerance };
}

/**
 * Eigenvalues of a general complex n×n matrix (row-major re/im), float64: Householder reduction to
 * Hessenberg form, then complex QR steps with Wilkinson shifts (exceptional shifts every 10 stalls)
 * and deflation when |h_{k,k−1}| ≤ u·(|h_kk| + |h_{k−1,k−1}|). Backward stable: each eigenvalue is
 * exact for a matrix within ≈ n·u·‖A‖ of A. (A general-purpose kernel; it belongs in src/numeric.)
 */
export function generalEigenvalues(reIn: readonly number[], imIn: readonly number[], n: number): Eigenvalue[] {
  if (!Number.isInteger(n) || n < 0 || reIn.length !== n * n || imIn.length !== n * n) throw new RangeError(`generalEigenvalues: expected ${n}×${n} entries`);
  if (reIn.some((x) => !Number.isFinite(x)) || imIn.some((x) => !Number.isFinite(x))) throw new RangeError('generalEigenvalues: matrix has a non-finite entry');
  const ar = reIn.slice();
  const ai = imIn.slice();
  const at = (i: number, j: number) => i * n + j;
  // Householder: for column k, reflect x = A[k+1.., k] onto −e^{i·arg x0}‖x‖ e1.
  for (let k = 0; k < n - 2; k++) {
    let norm2 = 0;
    for (let i = k + 1; i < n; i++) norm2 += ar[at(i, k)] ** 2 + ai[at(i, k)] ** 2;
    const norm = Math.sqrt(norm2);
    if (norm === 0) continue;
    const x0r = ar[at(k + 1, k)];
    const x0i = ai[at(k + 1, k)];
    const x0 = Math.hypot(x0r, x0i);
    const pr = x0 === 0 ? 1 : x0r / x0;
    const pi = x0 === 0 ? 0 : x0i / x0;
    const vr = new Array<number>(n).fill(0);
    const vi = new Array<number>(n).fill(0);
    for (let i = k + 1; i < n; i++) {
      vr[i] = ar[at(i, k)];
      vi[i] = ai[at(i, k)];
    }
    vr[k + 1] += pr * norm;
    vi[k + 1] += pi * norm;
    let vn2 = 0;
    for (let i = k + 1; i < n; i++) vn2 += vr[i] ** 2 + vi[i] ** 2;
    if (vn2 === 0) continue;
    const beta = 2 / vn2;
    // A ← (I − βvv†)A: for each column j, s = v†A[:, j]
    for (let j = 0; j < n; j++) {
      let sr = 0;
      let si = 0;
      for (let i = k + 1; i < n; i++) {
        sr += vr[i] * ar[at(i, j)] + vi[i] * ai[at(i, j)];
        si += vr[i] * ai[at(i, j)] - vi[i] * ar[at(i, j)];
      }
      sr *= beta;
      si *= beta;
      for (let i = k + 1; i < n; i++) {
        ar[at(i, j)] -= vr[i] * sr - vi[i] * si;
        ai[at(i, j)] -= vr[i] * si + vi[i] * sr;
      }
    }
    // A ← A(I − βvv†): for each row i, s = A[i, :]v
    for (let i = 0; i < n; i++) {
      let sr = 0;
      let si = 0;
      for (let j = k + 1; j < n; j++) {
        sr += ar[at(i, j)] * vr[j] - ai[at(i, j)] * vi[j];
        si += ar[at(i, j)] * vi[j] + ai[at(i, j)] * vr[j];
      }
      sr *= beta;
      si *= beta;
      for (let j = k + 1; j < n; j++) {
        // s·conj(v_j)
        ar[at(i, j)] -= sr * vr[j] + si * vi[j];
        ai[at(i, j)] -= si * vr[j] - sr * vi[j];
      }
    }
    for (let i = k + 2; i < n; i++) {
      ar[at(i, k)] = 0;
      ai[at(i, k)] = 0;
    }
  }
  const u = 2 ** -53;
  const out: Eigenvalue[] = [];
  const cabs1 = (i: number, j: number) => Math.abs(ar[at(i, j)]) + Math.abs(ai[at(i, j)]);
  let hi = n - 1;
  let iter = 0;
  let total = 0;
  let anorm = 0;
  for (let k = 0; k < n * n; k++) anorm = Math.max(anorm, Math.abs(ar[k]) + Math.abs(ai[k]));
  while (hi >= 0) {
    let l = hi;
    for (; l > 0; l--) {
      const s = cabs1(l - 1, l - 1) + cabs1(l, l);
      if (cabs1(l, l - 1) <= u * (s === 0 ? anorm : s)) {
        ar[at(l, l - 1)] = 0;
        ai[at(l, l - 1)] = 0;
        break;
      }
    }
    if (l === hi) {
      out.push({ re: ar[at(hi, hi)], im: ai[at(hi, hi)] });
      hi--;
      iter = 0;
      continue;
    }
    iter++;
    total++;
    if (total > 100 * n) throw new InternalError(`generalEigenvalues: QR iteration did not converge in ${100 * n} steps`);
    // Shift: eigenvalue of the trailing 2×2 block closest to its last diagonal entry (Wilkinson).
    let mr: number;
    let mi: number;
    if (iter % 10 === 0) {
      // exceptional shift (EISPACK comqr): break a cycle with a real offset of the size of the subdiagonal
      mr = ar[at(hi, hi)] + Math.abs(ar[at(hi, hi - 1)]) + (hi - 2 >= l ? Math.abs(ar[at(hi - 1, hi - 2)]) : 0);
      mi = ai[at(hi, hi)];
    } else {
      const [ar_, ai_] = [ar[at(hi - 1, hi - 1)], ai[at(hi - 1, hi - 1)]];
      const [br, bi] = [ar[at(hi - 1, hi)], ai[at(hi - 1, hi)]];
      const [cr, ci] = [ar[at(hi, hi - 1)], ai[at(hi, hi - 1)]];
      const [dr, di] = [ar[at(hi, hi)], ai[at(hi, hi)]];
      // λ = d + δ − √(δ² + bc)·sign, δ = (a − d)/2
      const hr = (ar_ - dr) / 2;
      const hiI = (ai_ - di) / 2;
      const qr = hr * hr - hiI * hiI + (br * cr - bi * ci);
      const qi = 2 * hr * hiI + (br * ci + bi * cr);
      const [sr, si] = csqrt(qr, qi);
      // choose the root making |δ ± s| largest, then λ = d + δ − (δ ± s) ... i.e. λ = d − bc/(δ ± s)
      const p1r = hr + sr;
      const p1i = hiI + si;
      const p2r = hr - sr;
      const p2i = hiI - si;
      const use1 = Math.hypot(p1r, p1i) >= Math.hypot(p2r, p2i);
      const denR = use1 ? p1r : p2r;
      const denI = use1 ? p1i : p2i;
      const den2 = denR * denR + denI * denI;
      const bcR = br * cr - bi * ci;
      const bcI = br * ci + bi * cr;
      if (den2 === 0) {
        mr = dr;
        mi = di;
      } else {
        mr = dr - (bcR * denR + bcI * denI) / den2;
        mi = di - (bcI * denR - bcR * denI) / den2;
      }
    }
    // Explicit shifted QR step on the window [l, hi] with Givens rotations.
    for (let k = l; k <= hi; k++) {
      ar[at(k, k)] -= mr;
      ai[at(k, k)] -= mi;
    }
    const rots: [number, number, number, number, number][] = []; // (a_r, a_i, b_r, b_i, r)
    for (let k = l; k < hi; k++) {
      const a_r = ar[at(k, k)];
      const a_i = ai[at(k, k)];
      const b_r = ar[at(k + 1, k)];
      const b_i = ai[at(k + 1, k)];
      const r = Math.hypot(a_r, a_i, b_r, b_i);
      if (r === 0) {
        rots.push([1, 0, 0, 0, 1]);
        continue;
      }
      rots.push([a_r, a_i, b_r, b_i, r]);
      // rows k, k+1 ← G [row_k; row_k+1], G = [[ā, b̄], [−b, a]]/r
      for (let j = k; j <= hi; j++) {
        const xr = ar[at(k, j)];
        const xi = ai[at(k, j)];
        const yr = ar[at(k + 1, j)];
        const yi = ai[at(k + 1, j)];
        ar[at(k, j)] = (a_r * xr + a_i * xi + b_r * yr + b_i * yi) / r;
        ai[at(k, j)] = (a_r * xi - a_i * xr + b_r * yi - b_i * yr) / r;
        ar[at(k + 1, j)] = (-(b_r * xr - b_i * xi) + (a_r * yr - a_i * yi)) / r;
        ai[at(k + 1, j)] = (-(b_r * xi + b_i * xr) + (a_r * yi + a_i * yr)) / r;
      }
      ar[at(k + 1, k)] = 0;
      ai[at(k + 1, k)] = 0;
    }
    for (let k = l; k < hi; k++) {
      const [a_r, a_i, b_r, b_i, r] = rots[k - l];
      // columns k, k+1 ← [col_k, col_k+1] G†, G† = [[a, −b̄], [b, ā]]/r
      const top = Math.min(hi, k + 2);
      for (let i = l; i <= top; i++) {
        const xr = ar[at(i, k)];
        const xi = ai[at(i, k)];
        const yr = ar[at(i, k + 1)];
        const yi = ai[at(i, k + 1)];
        ar[at(i, k)] = (xr * a_r - xi * a_i + yr * b_r - yi * b_i) / r;
        ai[at(i, k)] = (xr * a_i + xi * a_r + yr * b_i + yi * b_r) / r;
        ar[at(i, k + 1)] = (-(xr * b_r + xi * b_i) + (yr * a_r + yi * a_i)) / r;
        ai[at(i, k + 1)] = (-(xi * b_r - xr * b_i) + (yi * a_r - yr * a_i)) / r;
      }
    }
    for (let k = l; k <= hi; k++) {
      ar[at(k, k)] += mr;
      ai[at(k, k)] += mi;
    }
  }
  return out;
}

function csqrt(x: number, y: number): [number, number] {
  const m = Math.hypot(x, y);
  if (m === 0) return [0, 0];
  const r = Math.sqrt((m + Math.abs(x)) / 2);
  if (x >= 0) return [r, y / (2 * r)];
  return [Math.abs(y) / (2 * r), y >= 0 ? r : -r];
}

// ---------------------------------------------------------------------------------------------
// N = 2: the population chain in the basis |11⟩, |ψ+⟩, |ψ−⟩, |00⟩

export interface TwoQubitRates {
  /** Symmetric and antisymmetric channel rates Γs = γ11 + γ12, Γa = γ11 − γ12 (eigenvalues of γ). */
  readonly gammaS: number;
  readonly gammaA: number;
  /** Emission and absorption multipliers e, a of the model's time scale (n̄+1, n̄ or 1, r). */
  readonly emission: number;
  readonly absorption: number;
  /** The slowest population rate: the smallest root of the cubic (see twoQubitSlowRate). */
  readonly slowest: number;
  /** Its first-order value Γa(e + a)³/(e² + ea + a²). */
  readonly firstOrder: number;
  /** All three nonzero population rates, increasing. */
  readonly all: readonly [number, number, number];
}

/**
 * For N = 2 with γ11 = γ22, γ splits into a symmetric channel (σ⁻1 + σ⁻2)/√2 at rate Γs and an
 * antisymmetric one (σ⁻1 − σ⁻2)/√2 at rate Γa. Populations of |11⟩, |ψ+⟩, |ψ−⟩, |00⟩ then form a
 * closed Markov chain (ψ+ ↔ 11, 00 through Γs; ψ− ↔ 11, 00 through Γa; H_d = f(σ⁺1σ⁻2 + h.c.) is
 * diagonal in this basis), whose nonzero decay rates k solve
 *   k³ − 2(Γa+Γs)(a+e)k² + [(Γa²+Γs²)(a²+ae+e²) + ΓaΓs(3a²+8ae+3e²)]k − ΓaΓs(Γa+Γs)(a+e)³ = 0.
 * The chain is reversible, so the roots are real; Newton from below converges to each in turn.
 * Accuracy: a few units of roundoff relative to the largest root.
 */
export function twoQubitSlowRate(model: LindbladModel<number>): TwoQubitRates {
  const where = 'twoQubitSlowRate';
  if (model.N !== 2) throw new InputError(`${where}: needs N = 2, got N = ${model.N}`);
  const g = model.gamma;
  if (g[0][0] !== g[1][1]) throw new InputError(`${where}: needs γ11 = γ22 (the exchange-symmetric case), got ${g[0][0]} and ${g[1][1]}`);
  const fac = rateFactors(float64, model);
  const e = fac.emission;
  const a = fac.absorption;
  const Gs = g[0][0] + g[0][1];
  const Ga = g[0][0] - g[0][1];
  const c2 = 2 * (Ga + Gs) * (a + e);
  const c1 = (Ga * Ga + Gs * Gs) * (a * a + a * e + e * e) + Ga * Gs * (3 * a * a + 8 * a * e + 3 * e * e);
  const c0 = Ga * Gs * (Ga + Gs) * (a + e) ** 3;
  const p = (k: number) => ((k - c2) * k + c1) * k - c0;
  const dp = (k: number) => (3 * k - 2 * c2) * k + c1;
  // Smallest root by Newton from 0 (monotone for a cubic with only real roots), then deflate.
  const newton = (poly: (k: number) => number, dpoly: (k: number) => number, k0: number): number => {
    let k = k0;
    for (let it = 0; it < 200; it++) {
      const d = dpoly(k);
      if (d === 0) break;
      const next = k - poly(k) / d;
      if (!(next > k) || next === k) return Math.max(k, next);
      k = next;
    }
    return k;
  };
  const k1 = c0 === 0 ? 0 : newton(p, dp, 0);
  // Remaining quadratic k² − (c2 − k1)k + c0/k1 (or c1 when k1 = 0).
  const s = c2 - k1;
  const q = k1 === 0 ? c1 : c0 / k1;
  const disc = Math.max(0, s * s - 4 * q);
  const k3 = (s + Math.sqrt(disc)) / 2;
  const k2 = k3 === 0 ? 0 : q / k3;
  const firstOrder = (Ga * (a + e) ** 3) / (a * a + a * e + e * e);
  const all = [k1, k2, k3].sort((x, y) => x - y) as [number, number, number];
  return { gammaS: Gs, gammaA: Ga, emission: e, absorption: a, slowest: all[0], firstOrder, all };
}

export interface AdiabaticPrediction {
  /** The paper's c of ρ0 (overlap with the triplet) and its relaxed value Z₊/Z (the product Gibbs state). */
  readonly c0: number;
  readonly cInfinity: number;
  /** W of Eq. (7) at c0: the plateau the collective dynamics reaches first. */
  readonly plateau: number;
  /** c at which W of Eq. (7) has fallen to θ·plateau, on the way from c0 to c∞. */
  readonly cAtThreshold: number;
  /** Slowest rate κ (twoQubitSlowRate) and the predicted τ_θ = ln((c0 − c∞)/(c_θ − c∞))/κ. */
  readonly rate: number;
  readonly lifetime: number;
}

/**
 * Two-time-scale prediction of τ_θ for N = 2 when 1 − μ ≪ 1: the symmetric channel quickly brings
 * the state to Eq. (7) with the c of ρ0 (c = 1 − ⟨ψ−|ρ0|ψ−⟩), after which only c moves,
 * c(t) = c∞ + (c0 − c∞)e^{−κt}, with c∞ = Z₊/Z (Eq. (7) at c = Z₊/Z is the product Gibbs state) and
 * κ the slowest population rate. W(t) ≈ W_Eq.(7)(c(t)) then gives τ_θ. Exact as 1 − μ → 0 for ρ0
 * diagonal in |11⟩, |ψ±⟩, |00⟩ (the ρ0's of Sec. IV A); float64, W by `ergotropy`, c_θ by bisection.
 */
export function twoQubitAdiabaticLifetime(model: LindbladModel<number>, c0: number, threshold: number = Math.exp(-1)): AdiabaticPrediction {
  const where = 'twoQubitAdiabaticLifetime';
  if (!(c0 >= 0 && c0 <= 1)) throw new InputError(`${where}: c0 must lie in [0, 1], got ${c0}`);
  if (!(threshold > 0 && threshold < 1)) throw new InputError(`${where}: threshold must lie in (0, 1), got ${threshold}`);
  const rates = twoQubitSlowRate(model);
  const { r } = thermalRatio(float64, model.omega, model.beta);
  const zPlus = 1 + r + r * r;
  const cInf = zPlus / ((1 + r) * (1 + r));
  const H = h0(float64, 2, model.omega);
  const W = (c: number) => ergotropy(float64, eq7(r, c), H).ergotropy;
  const plateau = W(c0);
  const target = threshold * plateau;
  if (!(plateau > 0) || c0 === cInf) throw new InputError(`${where}: Eq. (7) at c0 = ${c0} stores no ergotropy`);
  // W(c∞) = 0 < target ≤ W(c0): bisect for the crossing nearest c∞ (scan first, in case W is not monotone).
  const n = 400;
  let lo = c0;
  let hi = cInf;
  for (let k = n - 1; k >= 0; k--) {
    const c = c0 + ((cInf - c0) * k) / n;
    if (W(c) >= target) {
      lo = c;
      hi = c0 + ((cInf - c0) * (k + 1)) / n;
      break;
    }
  }
  for (let it = 0; it < 200 && Math.abs(hi - lo) > 1e-15; it++) {
    const mid = (lo + hi) / 2;
    if (W(mid) >= target) lo = mid;
    else hi = mid;
  }
  const cAt = (lo + hi) / 2;
  const lifetime = Math.log((c0 - cInf) / (cAt - cInf)) / rates.slowest;
  return { c0, cInfinity: cInf, plateau, cAtThreshold: cAt, rate: rates.slowest, lifetime };
}

/** Eq. (7): (1−c)|ψ−⟩⟨ψ−| + c Z₊⁻¹(r²|11⟩⟨11| + r|ψ+⟩⟨ψ+| + |00⟩⟨00|), basis |11⟩, |10⟩, |01⟩, |00⟩. */
function eq7(r: number, c: number): CMatrix<number> {
  const zPlus = 1 + r + r * r;
  const p11 = (c * r * r) / zPlus;
  const pPlus = (c * r) / zPlus;
  const p00 = c / zPlus;
  const pMinus = 1 - c;
  const rho = zeros(float64, 4);
  rho.re[0] = p11;
  rho.re[15] = p00;
  // ψ± = (|01⟩ ± |10⟩)/√2: indices 2 (|01⟩) and 1 (|10⟩)
  rho.re[1 * 4 + 1] = (pPlus + pMinus) / 2;
  rho.re[2 * 4 + 2] = (pPlus + pMinus) / 2;
  rho.re[1 * 4 + 2] = (pPlus - pMinus) / 2;
  rho.re[2 * 4 + 1] = (pPlus - pMinus) / 2;
  return rho;
}

// ---------------------------------------------------------------------------------------------
// Power-law fit

export interface PowerLawFit {
  /** p in y ≈ A·x^p. */
  readonly exponent: number;
  /** A. */
  readonly prefactor: number;
  /** Standard error of p from the residuals (NaN for two points). */
  readonly exponentStdError: number;
  /** max |ln y − ln(A x^p)|. */
  readonly maxLogResidual: number;
}

/** Least-squares fit of ln y = ln A + p ln x (float64); x, y > 0, at least two distinct x. */
export function fitPowerLaw(x: readonly number[], y: readonly number[]): PowerLawFit {
  if (x.length !== y.length) throw new InputError(`fitPowerLaw: x and y differ in length (${x.length} vs ${y.length})`);
  if (x.length < 2) throw new InputError(`fitPowerLaw: needs at least 2 points, got ${x.length}`);
  x.forEach((v, k) => {
    if (!(v > 0 && Number.isFinite(v)) || !(y[k] > 0 && Number.isFinite(y[k]))) throw new InputError(`fitPowerLaw: point ${k} = (${v}, ${y[k]}) is not positive and finite`);
  });
  const lx = x.map(Math.log);
  const ly = y.map(Math.log);
  const n = x.length;
  const mx = lx.reduce((s, v) => s + v, 0) / n;
  const my = ly.reduce((s, v) => s + v, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let k = 0; k < n; k++) {
    sxx += (lx[k] - mx) ** 2;
    sxy += (lx[k] - mx) * (ly[k] - my);
  }
  if (sxx === 0) throw new InputError('fitPowerLaw: all x are equal');
  const p = sxy / sxx;
  const lnA = my - p * mx;
  const res = lx.map((v, k) => ly[k] - (lnA + p * v));
  const ssr = res.reduce((s, v) => s + v * v, 0);
  return {
    exponent: p,
    prefactor: Math.exp(lnA),
    exponentStdError: n > 2 ? Math.sqrt(ssr / (n - 2) / sxx) : NaN,
    maxLogResidual: Math.max(...res.map(Math.abs)),
  };
}
