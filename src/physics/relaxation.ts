/**
 * The relaxation spectrum of a Lindblad model: its eigenvalues on an invariant sector of operator
 * space and the slowest decay rate, and for two qubits with partially collective coupling the
 * population chain whose rates solve a cubic (to first order in 1 − μ the slowest is
 * κ = γ0(1 − μ)(e + a)³/(e² + ea + a²), e = n̄ + 1, a = n̄; docs/robustness.md derives it).
 * Float64 only: eigenvalues from the Hessenberg QR of src/numeric/general-eigenvalues.ts.
 */
import { InputError, InternalError } from '../errors.js';
import { float64 } from '../numeric/float64.js';
import { generalEigenvalues, type Eigenvalue } from '../numeric/general-eigenvalues.js';
import { zeros } from '../numeric/matrix.js';
import { ergotropy } from './ergotropy.js';
import { rateFactors, thermalRatio, type Lindbladian, type LindbladModel } from './lindblad.js';
import { excitations, h0, popcount } from './qubits.js';
import { twoQubitCollectiveSteadyState } from './states.js';
import { compileModel } from './trajectory.js';

export type { Eigenvalue };

// ---------------------------------------------------------------------------------------------
// Relaxation spectrum

/**
 * Invariant sectors of operator space:
 *  'full': all d² matrix units (N ≤ 4);
 *  'excitation-diagonal': ρ_ab with n(a) = n(b) — invariant for every model (U(1) symmetry), and
 *    the home of every state that is block diagonal in the excitation number (N ≤ 5);
 *  'symmetric': the excitation-diagonal operators invariant under all qubit permutations — invariant
 *    when γ and f are (as for partiallyCollective); the home of the all-ground state and of the two-qubit collective steady state (N ≤ 8).
 */
export type Sector = 'full' | 'excitation-diagonal' | 'symmetric';

const SECTOR_MAX_QUBITS: Record<Sector, number> = { full: 4, 'excitation-diagonal': 5, symmetric: 8 };

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

/**
 * The generator of L restricted to a sector, M_ij = ⟨B_i, L(B_j)⟩ (float64), after checking that
 * the sector is invariant: ‖L(B_j) − Σ_i M_ij B_i‖_F ≤ 1e-10·‖L‖ for every j.
 */
export function sectorGenerator(model: LindbladModel<number> | Lindbladian<number>, sector: Sector = 'symmetric'): { re: number[]; im: number[]; n: number } {
  const where = 'relaxationSpectrum';
  if (!(sector in SECTOR_MAX_QUBITS)) throw new InputError(`${where}: sector must be 'full', 'excitation-diagonal' or 'symmetric', got ${String(sector)}`);
  const L = compileModel(float64, model);
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
      throw new InputError(
        `${where}: the '${sector}' sector is not invariant under this model (residual ${res.toPrecision(3)}); γ and f must be permutation invariant`,
      );
    }
  }
  return { re, im, n };
}

/** Eigenvalues of L on a sector (float64), with the slowest decay rate; see RelaxationSpectrum. */
export function relaxationSpectrum(model: LindbladModel<number> | Lindbladian<number>, sector: Sector = 'symmetric'): RelaxationSpectrum {
  const L = compileModel(float64, model);
  const M = sectorGenerator(L, sector);
  const eig = generalEigenvalues(M.re, M.im, M.n).sort((x, y) => y.re - x.re || y.im - x.im);
  const zeroTolerance = 1e-9 * L.normBound;
  const stationary = eig.filter((z) => Math.hypot(z.re, z.im) <= zeroTolerance).length;
  const nonDecaying = eig.filter((z) => Math.abs(z.re) <= zeroTolerance).length;
  if (eig.some((z) => z.re > zeroTolerance))
    throw new InternalError(`relaxationSpectrum: an eigenvalue has Re λ > 0 (${eig[0].re}); L is not a valid generator or the eigensolver failed`);
  const decaying = eig.filter((z) => z.re < -zeroTolerance);
  const slowestRate = decaying.length > 0 ? -decaying[0].re : NaN;
  return { sector, dimension: M.n, eigenvalues: eig, stationary, nonDecaying, slowestRate, zeroTolerance };
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
  /** W of the two-qubit collective steady state at c0: the plateau the collective dynamics reaches first. */
  readonly plateau: number;
  /** c at which that W has fallen to θ·plateau, on the way from c0 to c∞. */
  readonly cAtThreshold: number;
  /** Slowest rate κ (twoQubitSlowRate) and the predicted τ_θ = ln((c0 − c∞)/(c_θ − c∞))/κ. */
  readonly rate: number;
  readonly lifetime: number;
}

/**
 * Two-time-scale prediction of τ_θ for N = 2 when 1 − μ ≪ 1: the symmetric channel quickly brings
 * the state to the two-qubit collective steady state with the triplet weight c of ρ0
 * (c = 1 − ⟨ψ−|ρ0|ψ−⟩), after which only c moves, c(t) = c∞ + (c0 − c∞)e^{−κt}, with c∞ = Z₊/Z
 * (at c = Z₊/Z that state is the product Gibbs state) and κ the slowest population rate.
 * W(t) ≈ W_ss(c(t)) then gives τ_θ. Exact as 1 − μ → 0 for ρ0 diagonal in |11⟩, |ψ±⟩, |00⟩;
 * float64, W by `ergotropy`, c_θ by bisection.
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
  const W = (c: number) => ergotropy(float64, twoQubitCollectiveSteadyState(float64, { beta: model.beta, omega: model.omega, c }), H).ergotropy;
  const plateau = W(c0);
  const target = threshold * plateau;
  if (!(plateau > 0) || c0 === cInf) throw new InputError(`${where}: the two-qubit collective steady state at c0 = ${c0} stores no ergotropy`);
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
