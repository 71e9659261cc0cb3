/**
 * Exact steady states of the collective master equation (Sec. III, Eq. (4) with γ_ij = γ0 > 0 and
 * f_ij = f): the map ρ0 ↦ ρ_ss = lim_{t→∞} e^{tL} ρ0, without time stepping.
 *
 * Why it is exact. In the Schur–Weyl basis |j, m, α⟩ (spin-basis.ts) every operator of the model
 * — H0 = ω(J_z + N/2), H_d = f(J+J− − Σσ⁺σ⁻) = f(J+J− − J_z − N/2), and the jump operators J± —
 * acts as (spin-j operator) ⊗ I on ⊕_j V_j ⊗ C^{n_j}. On each V_j the generator has the J+, J−
 * jumps at rates γ0(n̄+1), γ0 n̄, which generate all operators on the irrep, so for 0 < r ≤ 1
 * (r = e^{−βω}, 0 ≤ β < ∞) it has the unique, faithful stationary state Gibbs_j ∝ Σ_m r^{m+j}|j,m⟩⟨j,m|
 * (detailed balance: emission/absorption = 1/r). The operators commuting with J± are exactly
 * ⊕_j I_j ⊗ B(C^{n_j}) (Schur's lemma), and they commute with H; with a faithful stationary state this
 * makes them the whole fixed-point (and decoherence-free) algebra of the Heisenberg semigroup
 * (Frigerio–Verri), so every solution converges and the conserved quantities I_j ⊗ |α⟩⟨α'| fix the
 * limit:
 *   ρ_ss = ⊕_j Gibbs_j ⊗ M_j,   M_j[α, α'] = Σ_m ⟨j, m, α|ρ0|j, m, α'⟩,
 * with every coherence between different j, and between different m, decaying. Nothing depends
 * on ω, γ0 or f except through r; Eq. (7) is the case N = 2 (M_1 = c, M_0 = 1 − c) and
 * Eqs. (13)–(14) the all-ground initial state (only j = N/2, M = 1).
 *
 * β = ∞ (r = 0): only J− acts, Gibbs_j = |j, −j⟩⟨j, −j| is not faithful, and the bottom states
 * |j, −j, α⟩ of different j have energies E_j = (ω − f)(N/2 − j) and no decay, so a coherence
 * between them rotates forever at frequency (ω − f)|j − j'| (for N = 2: |ψ−⟩ and |00⟩, damped at
 * a rate ∝ n̄ = 0). Coherences ⟨j, −j + d, α|ρ0|j', −j' + d, α'⟩ at the same depth d feed it by
 * J−ρJ+, each with a computable weight ℓ_d (the left eigenvector of the bidiagonal ladder), so the
 * amplitude of the undamped oscillation is X_{jj'} = Σ_d ℓ_d ⟨j, −j + d|ρ0|j', −j' + d⟩ exactly.
 * collectiveSteadyState at β = ∞ returns the limit when every such amplitude vanishes (to a stated
 * tolerance), or when ω = f (then it is stationary and kept), and otherwise throws InputError;
 * steadyStateZeroTemperatureLimit gives lim_{r→0} of the finite-β map instead.
 */
import { InputError } from '../errors.js';
import type { AnalyticField, Field } from '../numeric/field.js';
import type { Complex } from '../numeric/complex.js';
import { cdiv, cmul } from '../numeric/complex.js';
import { gram, zeros, type CMatrix } from '../numeric/matrix.js';
import { rateFactors, thermalRatio, validateModel, type LindbladModel } from './lindblad.js';
import { assertQubitCount } from './qubits.js';
import { binomial } from './states.js';
import { sectorOf, spinBasis, type SpinBasis, type SpinFamily } from './spin-basis.js';
import type { StateVector } from './states.js';

/** The steady state restricted to one total spin j: Gibbs_j ⊗ M_j. */
export interface SpinBlock<T> {
  readonly j: number;
  readonly twoJ: number;
  readonly multiplicity: number;
  /** Spin-part populations r^{m+j} / Σ_{n=0}^{2j} r^n of |j, m⟩, listed for m = −j, …, j (sum 1). */
  readonly weights: readonly T[];
  /** M_j[α, α'] = Σ_m ⟨j, m, α|ρ0|j, m, α'⟩ (its trace is the weight of spin j in ρ0). */
  readonly M: CMatrix<T>;
  /**
   * For a pure initial state: C (multiplicity × (2j + 1)) with M = C C† (M rounded from it), so the
   * spectrum of M is that of the small C† C; absent for a matrix input.
   */
  readonly factor?: CMatrix<T>;
}

/** A stationary coherence Σ X[α, α'] |j, −j, α⟩⟨j', −j', α'| (only at β = ∞ with ω = f). */
export interface GroundCoherence<T> {
  readonly twoJ: number;
  readonly twoJPrime: number;
  readonly X: CMatrix<T>;
}

/** One diagonal block of ρ_ss on the excitation sector k (basis states with k excited qubits). */
export interface SectorBlock<T> {
  readonly k: number;
  /** The sector's global basis indices, ascending. */
  readonly indices: readonly number[];
  /** ρ_ss restricted to the sector (exactly Hermitian). */
  readonly block: CMatrix<T>;
}

export interface CollectiveSteadyState<T> {
  /**
   * ρ_ss in the computational basis (2^N × 2^N), built on first access and then kept. It is the
   * direct sum of `sectors` plus, only when `groundCoherences` is not empty, those cross-sector terms.
   */
  readonly rho: CMatrix<T>;
  /**
   * ρ_ss block by excitation number k = 0 … N (it commutes with H0 unless groundCoherences is not
   * empty); built on first access and then kept.
   */
  readonly sectors: readonly SectorBlock<T>[];
  /** How it was obtained, e.g. "Schur–Weyl exact map (finite β)". */
  readonly method: string;
  /** One block per total spin, j decreasing (the same order as spinBasis(F, N).families). */
  readonly blocks: readonly SpinBlock<T>[];
  /** Stationary coherences between different j (empty except at β = ∞ with ω = f). */
  readonly groundCoherences: readonly GroundCoherence<T>[];
}

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

const isMatrix = <T>(x: InitialState<T>): x is CMatrix<T> => 'rows' in x;

/** β = +∞ (float64 Infinity, decimal 'Infinity'); a finite decimal beyond float64's range is not. */
function isPlusInfinity<T>(F: Field<T>, x: T): boolean {
  if (F.toNumber(x) !== Infinity) return false;
  const v = x as unknown as { isFinite?: () => boolean };
  return typeof v?.isFinite === 'function' ? !v.isFinite() : true;
}

interface Collective<T> {
  readonly N: number;
  readonly r: T;
  readonly zeroTemperature: boolean;
  readonly gamma0: T;
  readonly f: T;
  readonly omega: T;
  readonly model: LindbladModel<T>;
}

/** Validate the model and that it is collective (γ_ij = γ0 > 0 for all i, j; f_ij = f for i ≠ j). */
function collectiveModel<T>(F: AnalyticField<T>, model: LindbladModel<T>, where: string): Collective<T> {
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
function checkShape<T>(F: Field<T>, N: number, initial: InitialState<T>, where: string): void {
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
function checkNormalised<T>(F: Field<T>, initial: InitialState<T>, extra: number, where: string): void {
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
    if (F.cmp(F.abs(F.sub(tr, F.one)), tol) > 0) throw new InputError(`${where}: ρ0 has trace ${F.toString(tr, 17)}, not 1 (tolerance ${F.toString(tol, 3)})`);
  } else {
    let n2 = F.zero;
    for (let a = 0; a < d; a++) n2 = F.add(n2, F.add(F.mul(initial.re[a], initial.re[a]), F.mul(initial.im[a], initial.im[a])));
    if (F.cmp(F.abs(F.sub(n2, F.one)), tol) > 0)
      throw new InputError(`${where}: the state vector has squared norm ${F.toString(n2, 17)}, not 1 (tolerance ${F.toString(tol, 3)})`);
  }
}

/** Gibbs weights r^d / Σ_{n=0}^{2j} r^n of depths d = m + j = 0 … 2j (r = 0 and r = 1 exact); a few roundings each. */
export function spinGibbsWeights<T>(F: Field<T>, twoJ: number, r: T): T[] {
  const powers: T[] = [F.one];
  for (let d = 1; d <= twoJ; d++) powers.push(F.mul(powers[d - 1], r));
  let z = F.zero;
  for (let d = twoJ; d >= 0; d--) z = F.add(z, powers[d]);
  return powers.map((p) => F.div(p, z));
}

// ---------------------------------------------------------------------------------------------
// Kernels. A "block" of ρ between sectors k and k' is addressed through the sectors' global
// indices; V lists real sector-local vectors. Float64 gets a plain-number copy of each kernel
// because generic field calls dominate the cost at N = 12.

/** Complex matrix as two flat row-major arrays. */
interface CBlock<T> {
  readonly rows: number;
  readonly cols: number;
  readonly re: T[];
  readonly im: T[];
}

/** ρ[X_x, Y_y] as a contiguous block (Float64Array for float64), so the products below stream through memory. */
function gather<T>(F: Field<T>, rho: CMatrix<T>, X: readonly number[], Y: readonly number[]): Buffer<T> {
  const d = rho.cols;
  const n = X.length * Y.length;
  const re = F.kind === 'float64' ? new Float64Array(n) : new Array<T>(n);
  const im = F.kind === 'float64' ? new Float64Array(n) : new Array<T>(n);
  for (let x = 0; x < X.length; x++) {
    const row = X[x] * d;
    const o = x * Y.length;
    for (let y = 0; y < Y.length; y++) {
      (re as T[])[o + y] = rho.re[row + Y[y]];
      (im as T[])[o + y] = rho.im[row + Y[y]];
    }
  }
  return { rows: X.length, cols: Y.length, re, im };
}

/** Σ_{x,y} Va[α][x] R[x][y] Vb[β][y] for a gathered block R: mult_a × mult_b, each entry a sum of s_a·s_b products. */
function sandwich<T>(F: Field<T>, R: Buffer<T>, Va: readonly (readonly T[])[], Vb: readonly (readonly T[])[]): CBlock<T> {
  const sa = R.rows;
  const sb = R.cols;
  const na = Va.length;
  const nb = Vb.length;
  if (F.kind === 'float64') {
    const rr = R.re as Float64Array;
    const ri = R.im as Float64Array;
    // U[β][x] = Σ_y R[x][y] Vb[β][y]: dot products of contiguous rows, stored β-major so that the
    // second product also runs along contiguous memory
    const ur = new Float64Array(nb * sa);
    const ui = new Float64Array(nb * sa);
    for (let x = 0; x < sa; x++) {
      const o = x * sb;
      for (let b = 0; b < nb; b++) {
        const v = Vb[b] as unknown as number[];
        let sr = 0;
        let si = 0;
        for (let y = 0; y < sb; y++) {
          sr += rr[o + y] * v[y];
          si += ri[o + y] * v[y];
        }
        ur[b * sa + x] = sr;
        ui[b * sa + x] = si;
      }
    }
    const re = new Array<number>(na * nb).fill(0);
    const im = new Array<number>(na * nb).fill(0);
    for (let a = 0; a < na; a++) {
      const v = Va[a] as unknown as number[];
      for (let b = 0; b < nb; b++) {
        const o = b * sa;
        let sr = 0;
        let si = 0;
        for (let x = 0; x < sa; x++) {
          sr += v[x] * ur[o + x];
          si += v[x] * ui[o + x];
        }
        re[a * nb + b] = sr;
        im[a * nb + b] = si;
      }
    }
    return { rows: na, cols: nb, re, im } as unknown as CBlock<T>;
  }
  const rr = R.re as T[];
  const ri = R.im as T[];
  const ur = new Array<T>(sa * nb);
  const ui = new Array<T>(sa * nb);
  for (let x = 0; x < sa; x++)
    for (let b = 0; b < nb; b++) {
      const v = Vb[b];
      let sr = F.zero;
      let si = F.zero;
      for (let y = 0; y < sb; y++) {
        if (F.isZero(v[y])) continue;
        sr = F.add(sr, F.mul(rr[x * sb + y], v[y]));
        si = F.add(si, F.mul(ri[x * sb + y], v[y]));
      }
      ur[x * nb + b] = sr;
      ui[x * nb + b] = si;
    }
  const re = new Array<T>(na * nb);
  const im = new Array<T>(na * nb);
  for (let a = 0; a < na; a++)
    for (let b = 0; b < nb; b++) {
      const v = Va[a];
      let sr = F.zero;
      let si = F.zero;
      for (let x = 0; x < sa; x++) {
        if (F.isZero(v[x])) continue;
        sr = F.add(sr, F.mul(v[x], ur[x * nb + b]));
        si = F.add(si, F.mul(v[x], ui[x * nb + b]));
      }
      re[a * nb + b] = sr;
      im[a * nb + b] = si;
    }
  return { rows: na, cols: nb, re, im };
}

/** A dense complex buffer (for float64: arrays of doubles from the start, see zeroBlock). */
interface Buffer<T> {
  readonly rows: number;
  readonly cols: number;
  readonly re: T[] | Float64Array;
  readonly im: T[] | Float64Array;
}

/**
 * A rows × cols zero block. For float64 the arrays are made to hold doubles before they are
 * filled (one non-integer write to an empty array), so no later write converts, i.e. copies, the
 * whole array; at 2^12 × 2^12 this is 3–10 times faster than new Array(n).fill(0), measured.
 */
function zeroBlock<T>(F: Field<T>, rows: number, cols: number): CMatrix<T> {
  if (F.kind !== 'float64') return zeros(F, rows, cols);
  const n = rows * cols;
  const make = (): number[] => {
    const a = new Array<number>(n);
    if (n > 0) a[0] = 0.5;
    for (let k = 0; k < n; k++) a[k] = 0;
    return a;
  };
  return { rows, cols, re: make(), im: make() } as unknown as CMatrix<T>;
}

/** Turn −0 into +0 (they compare equal, but test matchers tell them apart). */
function cleanZeros<T>(F: Field<T>, A: CMatrix<T>): void {
  if (F.kind !== 'float64') return;
  for (const arr of [A.re, A.im] as unknown as number[][]) for (let k = 0; k < arr.length; k++) if (arr[k] === 0) arr[k] = 0;
}

/** P[x][e] = Σ_α V[α][x] K[α][e] (s × n, complex); each entry a sum of mult products. */
function project<T>(F: Field<T>, V: readonly (readonly T[])[], K: CBlock<T>, s: number): Buffer<T> {
  const n = K.cols;
  if (F.kind === 'float64') {
    const re = new Float64Array(s * n);
    const im = new Float64Array(s * n);
    const kr = K.re as unknown as number[];
    const ki = K.im as unknown as number[];
    // a, x, e order: the innermost loop runs along rows of P and K
    for (let a = 0; a < V.length; a++) {
      const v = V[a] as unknown as number[];
      const o = a * n;
      for (let x = 0; x < s; x++) {
        const vx = v[x];
        if (vx === 0) continue;
        const p = x * n;
        for (let e = 0; e < n; e++) {
          re[p + e] += vx * kr[o + e];
          im[p + e] += vx * ki[o + e];
        }
      }
    }
    return { rows: s, cols: n, re, im };
  }
  const re = new Array<T>(s * n).fill(F.zero);
  const im = new Array<T>(s * n).fill(F.zero);
  for (let a = 0; a < V.length; a++)
    for (let e = 0; e < n; e++) {
      const kr = K.re[a * n + e];
      const ki = K.im[a * n + e];
      if (F.isZero(kr) && F.isZero(ki)) continue;
      const v = V[a];
      for (let x = 0; x < s; x++) {
        if (F.isZero(v[x])) continue;
        re[x * n + e] = F.add(re[x * n + e], F.mul(v[x], kr));
        im[x * n + e] = F.add(im[x * n + e], F.mul(v[x], ki));
      }
    }
  return { rows: s, cols: n, re, im };
}

/** Vᵀ as an s × mult complex buffer (real entries). */
function transposed<T>(F: Field<T>, V: readonly (readonly T[])[], s: number): Buffer<T> {
  const n = V.length;
  const B = zeroBlock(F, s, n);
  for (let b = 0; b < n; b++) for (let y = 0; y < s; y++) B.re[y * n + b] = V[b][y];
  return B;
}

/**
 * B[x][y] += w Σ_e P[x][e] conj(Q[y][e]) with P = Vaᵀ L, Q = Vbᵀ R (R = null: Q = Vbᵀ, i.e. B += w Vaᵀ L Vb).
 * `upper`: only y ≥ x (the caller mirrors), for blocks that are Hermitian in exact arithmetic.
 */
function accumulate<T>(
  F: Field<T>,
  B: Buffer<T>,
  Va: readonly (readonly T[])[],
  L: CBlock<T>,
  Vb: readonly (readonly T[])[],
  R: CBlock<T> | null,
  w: T,
  upper: boolean,
): void {
  const P = project(F, Va, L, B.rows);
  const Q = R ? project(F, Vb, R, B.cols) : transposed(F, Vb, B.cols);
  const n = P.cols;
  if (F.kind === 'float64') {
    const [pr, pi, qr, qi, br, bi] = [P.re, P.im, Q.re, Q.im, B.re, B.im] as Float64Array[];
    const ww = w as unknown as number;
    for (let x = 0; x < B.rows; x++) {
      const px = x * n;
      const row = x * B.cols;
      for (let y = upper ? x : 0; y < B.cols; y++) {
        const qy = y * n;
        let sr = 0;
        let si = 0;
        for (let e = 0; e < n; e++) {
          const a = pr[px + e];
          const b = pi[px + e];
          const c = qr[qy + e];
          const g = qi[qy + e];
          sr += a * c + b * g;
          si += b * c - a * g;
        }
        br[row + y] += ww * sr;
        bi[row + y] += ww * si;
      }
    }
    return;
  }
  const [pr, pi, qr, qi, br, bi] = [P.re, P.im, Q.re, Q.im, B.re, B.im] as T[][];
  for (let x = 0; x < B.rows; x++)
    for (let y = upper ? x : 0; y < B.cols; y++) {
      let sr = F.zero;
      let si = F.zero;
      for (let e = 0; e < n; e++) {
        // P conj(Q)
        const a = pr[x * n + e];
        const b = pi[x * n + e];
        const c = qr[y * n + e];
        const g = qi[y * n + e];
        sr = F.add(sr, F.add(F.mul(a, c), F.mul(b, g)));
        si = F.add(si, F.sub(F.mul(b, c), F.mul(a, g)));
      }
      const o = x * B.cols + y;
      br[o] = F.add(br[o], F.mul(w, sr));
      bi[o] = F.add(bi[o], F.mul(w, si));
    }
}

/** Fill the lower triangle of a square block whose upper triangle (y ≥ x) is set: exactly Hermitian, real diagonal. */
function mirrorUpper<T>(F: Field<T>, B: CMatrix<T>): void {
  const s = B.rows;
  for (let x = 0; x < s; x++) {
    B.im[x * s + x] = F.zero;
    for (let y = x + 1; y < s; y++) {
      B.re[y * s + x] = B.re[x * s + y];
      B.im[y * s + x] = F.neg(B.im[x * s + y]);
    }
  }
}

/** out[X_x, Y_y] = B[x][y]. */
function scatter<T>(out: CMatrix<T>, X: readonly number[], Y: readonly number[], B: CMatrix<T>): void {
  const d = out.cols;
  for (let x = 0; x < X.length; x++) {
    const row = X[x] * d;
    for (let y = 0; y < Y.length; y++) {
      out.re[row + Y[y]] = B.re[x * B.cols + y];
      out.im[row + Y[y]] = B.im[x * B.cols + y];
    }
  }
}

// ---------------------------------------------------------------------------------------------

/** Components c[d][α] = ⟨j, d − j, α|ψ⟩ of a state vector on one family (complex; s products each). */
function components<T>(F: Field<T>, basis: SpinBasis<T>, fam: SpinFamily<T>, psi: StateVector<T>): { re: T[][]; im: T[][] } {
  const re: T[][] = [];
  const im: T[][] = [];
  for (let d = 0; d <= fam.twoJ; d++) {
    const xs = basis.sectors[sectorOf(basis.N, fam.twoJ, d)];
    const cr: T[] = [];
    const ci: T[] = [];
    for (const v of fam.vectors[d]) {
      let sr = F.zero;
      let si = F.zero;
      for (let i = 0; i < xs.length; i++) {
        if (F.isZero(v[i])) continue;
        sr = F.add(sr, F.mul(v[i], psi.re[xs[i]]));
        si = F.add(si, F.mul(v[i], psi.im[xs[i]]));
      }
      cr.push(sr);
      ci.push(si);
    }
    re.push(cr);
    im.push(ci);
  }
  return { re, im };
}

/** Per family: M_j and, for a pure state, a factor C with M_j = C C† (C[α][d] = c_{j,d,α}, 2j + 1 columns). */
interface Multiplicity<T> {
  readonly M: CBlock<T>;
  readonly factor: CBlock<T> | null;
  /** Pure input: the components, for the β = ∞ cross terms. */
  readonly comps: { re: T[][]; im: T[][] } | null;
}

function multiplicityBlocks<T>(F: Field<T>, basis: SpinBasis<T>, initial: InitialState<T>, hermitian: boolean): Multiplicity<T>[] {
  const { N } = basis;
  // Matrix input: M_j = Σ_d V_dᵀ ρ_kk V_d, each sector block ρ_kk gathered once for all spins in it.
  const matrixBlocks: Record<number, CBlock<T>> = {};
  if (isMatrix(initial)) {
    for (const fam of basis.families) {
      const n = fam.multiplicity;
      matrixBlocks[fam.twoJ] = { rows: n, cols: n, re: new Array<T>(n * n).fill(F.zero), im: new Array<T>(n * n).fill(F.zero) };
    }
    for (let k = 0; k <= N; k++) {
      const xs = basis.sectors[k];
      const R = gather(F, initial, xs, xs);
      for (const fam of basis.families) {
        const d = k - (N - fam.twoJ) / 2;
        if (d < 0 || d > fam.twoJ) continue;
        const S = sandwich(F, R, fam.vectors[d], fam.vectors[d]);
        const M = matrixBlocks[fam.twoJ];
        for (let q = 0; q < M.re.length; q++) {
          M.re[q] = F.add(M.re[q], S.re[q]);
          M.im[q] = F.add(M.im[q], S.im[q]);
        }
      }
    }
    // A (checked) Hermitian ρ0 has Hermitian M_j; make the computed ones exactly so: (M + M†)/2.
    if (hermitian)
      for (const M of Object.values(matrixBlocks)) {
        const n = M.rows;
        for (let a = 0; a < n; a++) {
          M.im[a * n + a] = F.zero;
          for (let b = a + 1; b < n; b++) {
            const re = F.scale2(F.add(M.re[a * n + b], M.re[b * n + a]), -1);
            const im = F.scale2(F.sub(M.im[a * n + b], M.im[b * n + a]), -1);
            M.re[a * n + b] = M.re[b * n + a] = re;
            M.im[a * n + b] = im;
            M.im[b * n + a] = F.neg(im);
          }
        }
      }
  }
  return basis.families.map((fam) => {
    const n = fam.multiplicity;
    if (!isMatrix(initial)) {
      const comps = components(F, basis, fam, initial);
      const w = fam.twoJ + 1;
      const factor: CBlock<T> = { rows: n, cols: w, re: new Array<T>(n * w), im: new Array<T>(n * w) };
      for (let a = 0; a < n; a++)
        for (let d = 0; d < w; d++) {
          factor.re[a * w + d] = comps.re[d][a];
          factor.im[a * w + d] = comps.im[d][a];
        }
      // M[α][α'] = Σ_d C[α][d] conj(C[α'][d]) = C C†, exactly Hermitian; formed on first use
      // (the spectrum and C_l1 go through the narrower factor)
      let M: CBlock<T> | null = null;
      return {
        get M(): CBlock<T> {
          return (M ??= gram(F, factor as CMatrix<T>) as unknown as CBlock<T>);
        },
        factor,
        comps,
      };
    }
    return { M: matrixBlocks[fam.twoJ], factor: null, comps: null };
  });
}

/** ⟨a, d, α|ρ0|b, d, β⟩ for one depth d (families a ≠ b), from a matrix or from the components of a vector. */
function crossAtDepth<T>(
  F: Field<T>,
  basis: SpinBasis<T>,
  initial: InitialState<T>,
  fa: SpinFamily<T>,
  ma: Multiplicity<T>,
  fb: SpinFamily<T>,
  mb: Multiplicity<T>,
  d: number,
): CBlock<T> {
  const N = basis.N;
  if (isMatrix(initial)) {
    return sandwich(F, gather(F, initial, basis.sectors[sectorOf(N, fa.twoJ, d)], basis.sectors[sectorOf(N, fb.twoJ, d)]), fa.vectors[d], fb.vectors[d]);
  }
  const ca = ma.comps!;
  const cb = mb.comps!;
  const na = fa.multiplicity;
  const nb = fb.multiplicity;
  const re = new Array<T>(na * nb);
  const im = new Array<T>(na * nb);
  for (let a = 0; a < na; a++)
    for (let b = 0; b < nb; b++) {
      const z = cmul(F, { re: ca.re[d][a], im: ca.im[d][a] }, { re: cb.re[d][b], im: F.neg(cb.im[d][b]) });
      re[a * nb + b] = z.re;
      im[a * nb + b] = z.im;
    }
  return { rows: na, cols: nb, re, im };
}

/**
 * The ladder weights ℓ_0 = 1, ℓ_d = ℓ_{d−1} κ_d / (λ_0 − λ_d) at r = 0 for the coherences between
 * the depth-d states of families 2j and 2j' (see the header): on |j, −j+d⟩⟨j', −j'+d| the generator
 * acts as λ_d = −i(E_d − E'_d) − (γ/2)(A_d + A'_d) and J−ρJ+ feeds depth d − 1 with κ_d = γ√(A_d A'_d),
 * A_d = d(2j − d + 1) the J+J− eigenvalue, E_d = h(ω k + f(A_d − k)) the energy (k = N/2 − j + d excitations).
 */
function ladderWeights<T>(F: AnalyticField<T>, c: Collective<T>, twoJa: number, twoJb: number): Complex<T>[] {
  const { emission, hamiltonian } = rateFactors(F, c.model);
  const gamma = F.mul(c.gamma0, emission);
  const halfGamma = F.scale2(gamma, -1);
  const energy = (twoJ: number, d: number): T => {
    const k = sectorOf(c.N, twoJ, d);
    const A = d * (twoJ - d + 1);
    return F.mul(hamiltonian, F.add(F.mul(c.omega, F.fromNumber(k)), F.mul(c.f, F.fromNumber(A - k))));
  };
  const gap0 = F.sub(energy(twoJa, 0), energy(twoJb, 0));
  const out: Complex<T>[] = [{ re: F.one, im: F.zero }];
  for (let d = 1; d <= Math.min(twoJa, twoJb); d++) {
    const Aa = d * (twoJa - d + 1);
    const Ab = d * (twoJb - d + 1);
    // λ_0 − λ_d = −i(gap_0 − gap_d) + (γ/2)(A_a + A_b)
    const gapD = F.sub(energy(twoJa, d), energy(twoJb, d));
    const den: Complex<T> = { re: F.mul(halfGamma, F.fromNumber(Aa + Ab)), im: F.neg(F.sub(gap0, gapD)) };
    const kappa = F.mul(gamma, F.sqrt(F.fromNumber(Aa * Ab)));
    out.push(cdiv(F, cmul(F, out[d - 1], { re: kappa, im: F.zero }), den));
  }
  return out;
}

function toCMatrix<T>(B: CBlock<T>): CMatrix<T> {
  return { rows: B.rows, cols: B.cols, re: B.re, im: B.im };
}

/**
 * The diagonal excitation-sector blocks of ⊕_j Gibbs_j ⊗ M_j: B_k = Σ_j w_{j,d} V_{k,j} M_j V_{k,j}ᵀ;
 * with `hermitian` (a density matrix or a vector went in) only the upper triangle is computed and
 * mirrored, so B_k is exactly Hermitian.
 */
function sectorBlocks<T>(F: Field<T>, basis: SpinBasis<T>, mults: readonly Multiplicity<T>[], weights: readonly T[][], hermitian: boolean): SectorBlock<T>[] {
  const { N } = basis;
  const out: SectorBlock<T>[] = [];
  for (let k = 0; k <= N; k++) {
    const xs = basis.sectors[k];
    const B = zeroBlock(F, xs.length, xs.length);
    basis.families.forEach((fam, i) => {
      const d = k - (N - fam.twoJ) / 2;
      if (d < 0 || d > fam.twoJ) return;
      const w = weights[i][d];
      if (F.isZero(w)) return;
      const V = fam.vectors[d];
      const { M, factor } = mults[i];
      // V M Vᵀ, through the factor when it is narrower (pure input: rank ≤ 2j + 1)
      if (factor && factor.cols < fam.multiplicity) accumulate(F, B, V, factor, V, factor, w, hermitian);
      else accumulate(F, B, V, M, V, null, w, hermitian);
    });
    if (hermitian) mirrorUpper(F, B);
    cleanZeros(F, B);
    out.push({ k, indices: xs, block: B });
  }
  return out;
}

/** The dense 2^N × 2^N ρ_ss: sector blocks scattered, plus the ground coherences (cross-sector). */
function materialise<T>(
  F: Field<T>,
  basis: SpinBasis<T>,
  sectors: readonly SectorBlock<T>[],
  ground: readonly { a: number; b: number; X: CBlock<T> }[],
): CMatrix<T> {
  const { N } = basis;
  const rho = zeroBlock(F, 2 ** N, 2 ** N);
  for (const { indices, block } of sectors) scatter(rho, indices, indices, block);
  for (const { a, b, X } of ground) {
    const fa = basis.families[a];
    const fb = basis.families[b];
    const xs = basis.sectors[sectorOf(N, fa.twoJ, 0)];
    const ys = basis.sectors[sectorOf(N, fb.twoJ, 0)];
    const B = zeroBlock(F, xs.length, ys.length);
    accumulate(F, B, fa.vectors[0], X, fb.vectors[0], null, F.one, false);
    cleanZeros(F, B);
    scatter(rho, xs, ys, B);
  }
  return rho;
}

interface FamilyShape {
  readonly j: number;
  readonly twoJ: number;
  readonly multiplicity: number;
}

/**
 * Assemble the result. `mults` and `weights` follow `families` (j decreasing); `getBasis` gives a
 * basis whose families are a prefix of them (the whole basis, or the symmetric family alone when
 * every other block is zero), called only when the sector blocks or ρ are needed.
 */
function result<T>(
  F: Field<T>,
  getBasis: () => SpinBasis<T>,
  families: readonly FamilyShape[],
  mults: Multiplicity<T>[],
  weights: T[][],
  ground: { a: number; b: number; X: CBlock<T> }[],
  method: string,
  hermitian: boolean,
): CollectiveSteadyState<T> {
  let sectors: SectorBlock<T>[] | null = null;
  let dense: CMatrix<T> | null = null;
  // The sector blocks and ρ are built on first use: W, C_l1 and the energy need neither (see
  // steady-summary.ts), and at N = 12 the dense matrix is 2 × 16.8 million entries.
  return {
    get sectors(): readonly SectorBlock<T>[] {
      return (sectors ??= sectorBlocks(F, getBasis(), mults, weights, hermitian));
    },
    get rho(): CMatrix<T> {
      return (dense ??= materialise(F, getBasis(), this.sectors, ground));
    },
    method,
    blocks: families.map((fam, i) => {
      const factor = mults[i].factor;
      return {
        j: fam.j,
        twoJ: fam.twoJ,
        multiplicity: fam.multiplicity,
        weights: weights[i],
        get M(): CMatrix<T> {
          return toCMatrix(mults[i].M);
        },
        ...(factor ? { factor: toCMatrix(factor) } : {}),
      };
    }),
    groundCoherences: ground.map(({ a, b, X }) => ({ twoJ: families[a].twoJ, twoJPrime: families[b].twoJ, X: toCMatrix(X) })),
  };
}

function mapCore<T>(
  F: AnalyticField<T>,
  c: Collective<T>,
  initial: InitialState<T>,
  tolerance: number,
  where: string,
  hermitian: boolean,
): CollectiveSteadyState<T> {
  const basis = spinBasis(F, c.N);
  const mults = multiplicityBlocks(F, basis, initial, hermitian);
  if (!c.zeroTemperature) {
    const weights = basis.families.map((fam) => spinGibbsWeights(F, fam.twoJ, c.r));
    return result(F, () => basis, basis.families, mults, weights, [], 'Schur–Weyl exact map (finite β)', hermitian);
  }
  // β = ∞: the undamped amplitudes X_{jj'} = Σ_d ℓ_d ⟨j, −j+d|ρ0|j', −j'+d⟩ (header)
  const weights = basis.families.map((fam) => spinGibbsWeights(F, fam.twoJ, F.zero));
  const tol = F.add(F.fromNumber(tolerance), F.mul(F.fromNumber(64 * 2 ** c.N), F.epsilon));
  const rotating = !F.isZero(F.sub(c.omega, c.f));
  const ground: { a: number; b: number; X: CBlock<T> }[] = [];
  const fams = basis.families;
  for (let a = 0; a < fams.length; a++)
    for (let b = 0; b < fams.length; b++) {
      if (a === b) continue;
      const ell = ladderWeights(F, c, fams[a].twoJ, fams[b].twoJ);
      const na = fams[a].multiplicity;
      const nb = fams[b].multiplicity;
      const X: CBlock<T> = { rows: na, cols: nb, re: new Array<T>(na * nb).fill(F.zero), im: new Array<T>(na * nb).fill(F.zero) };
      ell.forEach((l, d) => {
        const S = crossAtDepth(F, basis, initial, fams[a], mults[a], fams[b], mults[b], d);
        for (let k = 0; k < na * nb; k++) {
          const z = cmul(F, l, { re: S.re[k], im: S.im[k] });
          X.re[k] = F.add(X.re[k], z.re);
          X.im[k] = F.add(X.im[k], z.im);
        }
      });
      let worst = F.zero;
      for (let k = 0; k < na * nb; k++) {
        const m = F.sqrt(F.add(F.mul(X.re[k], X.re[k]), F.mul(X.im[k], X.im[k])));
        if (F.cmp(m, worst) > 0) worst = m;
      }
      if (F.cmp(worst, tol) <= 0) continue;
      if (rotating) {
        const j1 = fams[a].j;
        const j2 = fams[b].j;
        throw new InputError(
          `${where}: at β = ∞ there is no steady state from this ρ0: the coherence between the lowest states of spin j = ${j1} and j = ${j2} never decays (its damping ∝ n̄ = 0) and rotates forever at frequency |ω − f|·${Math.abs(j1 - j2)} with amplitude ${F.toString(worst, 3)}; use a finite β or steadyStateZeroTemperatureLimit (the r → 0 limit of the finite-β map)`,
        );
      }
      ground.push({ a, b, X });
    }
  const method =
    ground.length > 0
      ? 'Schur–Weyl exact limit at β = ∞ (ω = f: stationary coherences between spins kept)'
      : 'Schur–Weyl exact limit at β = ∞ (no undamped coherence in ρ0)';
  return result(F, () => basis, basis.families, mults, weights, ground, method, hermitian);
}

/**
 * ρ_ss = lim_{t→∞} e^{tL}ρ0 for the collective model (γ_ij = γ0 > 0, f_ij = f), no time stepping:
 * ⊕_j Gibbs_j ⊗ M_j for 0 ≤ β < ∞; at β = ∞ the limit when it exists (else InputError). Accuracy:
 * a few roundings per entry (measured ≤ 2 units of roundoff absolute, float64 against 30 digits,
 * N ≤ 8). ρ0 is checked to be Hermitian with unit trace (a vector: unit norm); positivity is not
 * checked (ρ_ss ≥ 0 iff every M_j ≥ 0). Cost: a pure state O(C(2N, N)·N); a matrix O(Σ_k C(N, k)³).
 */
export function collectiveSteadyState<T>(
  F: AnalyticField<T>,
  model: LindbladModel<T>,
  initial: InitialState<T>,
  options: CollectiveSteadyStateOptions = {},
): CollectiveSteadyState<T> {
  const where = 'collectiveSteadyState';
  const tolerance = checkTolerance(options.tolerance, where);
  const c = collectiveModel(F, model, where);
  checkShape(F, c.N, initial, where);
  checkNormalised(F, initial, tolerance, where);
  return mapCore(F, c, initial, tolerance, where, true);
}

/**
 * The same limit as a linear map on any 2^N × 2^N matrix (or vector ψ, meaning ψψ†), without the
 * Hermiticity and trace checks: P(aX + bY) = aP(X) + bP(Y) to roundoff. Same accuracy as collectiveSteadyState.
 */
export function collectiveSteadyStateMap<T>(
  F: AnalyticField<T>,
  model: LindbladModel<T>,
  X: InitialState<T>,
  options: CollectiveSteadyStateOptions = {},
): CollectiveSteadyState<T> {
  const where = 'collectiveSteadyStateMap';
  const tolerance = checkTolerance(options.tolerance, where);
  const c = collectiveModel(F, model, where);
  checkShape(F, c.N, X, where);
  // a vector means ψψ†, Hermitian; a matrix may be anything
  return mapCore(F, c, X, tolerance, where, !isMatrix(X));
}

/**
 * lim_{r→0} of the finite-β map (r = e^{−βω}): ⊕_j |j, −j⟩⟨j, −j| ⊗ M_j, which does not depend on ω,
 * γ0 or f. At β = ∞ itself this is the true limit only when ρ0 has no undamped coherence (see the
 * header). Same accuracy as collectiveSteadyState; ρ0 checked in the same way.
 */
export function steadyStateZeroTemperatureLimit<T>(
  F: Field<T>,
  N: number,
  initial: InitialState<T>,
  options: CollectiveSteadyStateOptions = {},
): CollectiveSteadyState<T> {
  const where = 'steadyStateZeroTemperatureLimit';
  assertQubitCount(N, where);
  const tolerance = checkTolerance(options.tolerance, where);
  checkShape(F, N, initial, where);
  checkNormalised(F, initial, tolerance, where);
  const basis = spinBasis(F, N);
  const mults = multiplicityBlocks(F, basis, initial, true);
  const weights = basis.families.map((fam) => spinGibbsWeights(F, fam.twoJ, F.zero));
  return result(F, () => basis, basis.families, mults, weights, [], 'Schur–Weyl map, r → 0 limit of the finite-β map', true);
}

/** The multiplicity-space operator of one total spin j of ρ0 (see SpinBlock.M). */
export interface MultiplicityBlock<T> {
  /** 2j: an integer 0 ≤ 2j ≤ N with the parity of N. */
  readonly twoJ: number;
  /** M_j, n_j × n_j with n_j = C(N, N/2 − j) − C(N, N/2 − j − 1). */
  readonly M: CMatrix<T>;
}

/** n_j, the number of copies of the spin-j irrep among N qubits. */
export const spinMultiplicity = (N: number, twoJ: number): number => binomial(N, (N - twoJ) / 2) - binomial(N, (N - twoJ) / 2 - 1);

/**
 * The symmetric family (j = N/2) alone: its vector of depth d is the Dicke state, uniform
 * 1/√C(N, d) on the sector of d excitations. Enough for a state supported on the symmetric
 * subspace, and it costs 2^N values instead of the C(2N, N) of the whole basis.
 */
function symmetricBasis<T>(F: Field<T>, N: number): SpinBasis<T> {
  const sectors: number[][] = Array.from({ length: N + 1 }, () => []);
  const position = new Int32Array(2 ** N);
  for (let x = 0; x < 2 ** N; x++) {
    let ones = 0;
    for (let y = x; y !== 0; y &= y - 1) ones++;
    const k = N - ones; // index bit 0 = excited
    position[x] = sectors[k].length;
    sectors[k].push(x);
  }
  const vectors = sectors.map((xs) => {
    const v = F.div(F.one, F.sqrt(F.fromNumber(xs.length)));
    return [xs.map(() => v)];
  });
  return { F, N, sectors, position, families: [{ twoJ: N, j: N / 2, multiplicity: 1, vectors }] };
}

/**
 * ρ_ss from the multiplicity blocks M_j of ρ0 instead of ρ0 itself (families not listed have
 * M_j = 0): everything the limit depends on, without a 2^N × 2^N matrix. At β = ∞ such a ρ0 has
 * no coherence between different j, so the limit always exists. When only j = N/2 is present
 * (e.g. the all-ground or all-excited state) the whole Schur–Weyl basis is never built. The blocks
 * are checked to be Hermitian with Σ_j Tr M_j = 1 (tolerance as in collectiveSteadyState).
 */
export function collectiveSteadyStateFromBlocks<T>(
  F: AnalyticField<T>,
  model: LindbladModel<T>,
  blocks: readonly MultiplicityBlock<T>[],
  options: CollectiveSteadyStateOptions = {},
): CollectiveSteadyState<T> {
  const where = 'collectiveSteadyStateFromBlocks';
  const tolerance = checkTolerance(options.tolerance, where);
  const c = collectiveModel(F, model, where);
  const N = c.N;
  if (!Array.isArray(blocks)) throw new InputError(`${where}: blocks must be an array of {twoJ, M}`);
  const byTwoJ = new Map<number, CMatrix<T>>();
  let trace = F.zero;
  let worst = F.zero;
  for (const b of blocks) {
    const t = b?.twoJ;
    if (!Number.isInteger(t) || t < 0 || t > N || (N - t) % 2 !== 0)
      throw new InputError(`${where}: twoJ must be an integer in [0, ${N}] with the parity of N = ${N}, got ${t}`);
    if (byTwoJ.has(t)) throw new InputError(`${where}: two blocks for twoJ = ${t}`);
    const n = spinMultiplicity(N, t);
    const M = b.M;
    if (!M || M.rows !== n || M.cols !== n || M.re?.length !== n * n || M.im?.length !== n * n)
      throw new InputError(`${where}: M for twoJ = ${t} must be ${n}×${n}`);
    for (let a = 0; a < n; a++) {
      trace = F.add(trace, M.re[a * n + a]);
      for (let e = a; e < n; e++) {
        // (most entries of the named states' blocks are zero: skip those pairs cheaply)
        if (F.isZero(M.re[a * n + e]) && F.isZero(M.re[e * n + a]) && F.isZero(M.im[a * n + e]) && F.isZero(M.im[e * n + a])) continue;
        const dr = F.abs(F.sub(M.re[a * n + e], M.re[e * n + a]));
        const di = F.abs(F.add(M.im[a * n + e], M.im[e * n + a]));
        if (!Number.isFinite(F.toNumber(dr)) || !Number.isFinite(F.toNumber(di))) throw new InputError(`${where}: M for twoJ = ${t} has a non-finite entry`);
        if (F.cmp(dr, worst) > 0) worst = dr;
        if (F.cmp(di, worst) > 0) worst = di;
      }
    }
    byTwoJ.set(t, M);
  }
  const tol = F.add(F.fromNumber(tolerance), F.mul(F.fromNumber(8 * 2 ** N), F.epsilon));
  if (F.cmp(worst, tol) > 0)
    throw new InputError(`${where}: a block M_j is not Hermitian (max |M_ab − conj M_ba| component ${F.toString(worst, 3)}, tolerance ${F.toString(tol, 3)})`);
  if (F.cmp(F.abs(F.sub(trace, F.one)), tol) > 0)
    throw new InputError(`${where}: Σ_j Tr M_j = ${F.toString(trace, 17)}, not 1 (tolerance ${F.toString(tol, 3)})`);
  const symmetricOnly = [...byTwoJ.keys()].every((t) => t === N);
  let basis: SpinBasis<T> | null = null;
  const getBasis = (): SpinBasis<T> => (basis ??= symmetricOnly ? symmetricBasis(F, N) : spinBasis(F, N));
  const r = c.zeroTemperature ? F.zero : c.r;
  const families: FamilyShape[] = [];
  for (let t = N; t >= 0; t -= 2) families.push({ j: t / 2, twoJ: t, multiplicity: spinMultiplicity(N, t) });
  const mults: Multiplicity<T>[] = families.map(({ twoJ, multiplicity: n }) => {
    const M = byTwoJ.get(twoJ) ?? zeros(F, n);
    return { M: { rows: n, cols: n, re: M.re.slice(), im: M.im.slice() }, factor: null, comps: null };
  });
  const weights = families.map((fam) => spinGibbsWeights(F, fam.twoJ, r));
  const method = c.zeroTemperature ? 'Schur–Weyl exact limit at β = ∞ (from the spin blocks of ρ0)' : 'Schur–Weyl exact map (finite β)';
  return result(F, getBasis, families, mults, weights, [], method, true);
}

/**
 * The multiplicity blocks of three initial states without forming them: the all-excited and the
 * all-ground state (symmetric: only j = N/2, M = [1]) and the Gibbs state of H0 = ω·excitations at
 * r = e^{−βω} (populations r^k/(1 + r)^N depend only on k, so M_j = (Σ_d r^{k0 + d}/(1 + r)^N)·I with
 * k0 = N/2 − j; r = 0 is β = ∞).
 */
export function namedInitialBlocks<T>(F: Field<T>, N: number, kind: 'ground' | 'excited' | 'thermal', r: T = F.zero): MultiplicityBlock<T>[] {
  assertQubitCount(N, 'namedInitialBlocks');
  if (kind === 'ground' || kind === 'excited') return [{ twoJ: N, M: { rows: 1, cols: 1, re: [F.one], im: [F.zero] } }];
  const onePlusR = F.add(F.one, r);
  let z = F.one;
  for (let i = 0; i < N; i++) z = F.mul(z, onePlusR);
  const p: T[] = [F.div(F.one, z)];
  for (let k = 1; k <= N; k++) p.push(F.mul(p[k - 1], r));
  const out: MultiplicityBlock<T>[] = [];
  for (let t = N; t >= 0; t -= 2) {
    const n = spinMultiplicity(N, t);
    const k0 = (N - t) / 2;
    let c = F.zero;
    for (let d = 0; d <= t; d++) c = F.add(c, p[k0 + d]);
    const M = zeros(F, n);
    for (let a = 0; a < n; a++) M.re[a * n + a] = c;
    out.push({ twoJ: t, M });
  }
  return out;
}

function checkTolerance(t: number | undefined, where: string): number {
  const v = t ?? 0;
  if (!(v >= 0) || !Number.isFinite(v)) throw new InputError(`${where}: tolerance must be a finite number ≥ 0, got ${t}`);
  return v;
}
