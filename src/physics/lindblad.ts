/**
 * The master equation of N qubits in a common thermal bath (ħ = 1):
 *
 *   L(ρ) = −i[H0 + H_d, ρ] + D₋(ρ) + D₊(ρ),   H0 = ω Σ_i σ⁺_i σ⁻_i,   H_d = Σ_{i≠j} f_ij σ⁺_i σ⁻_j,
 *   D₋(ρ) = Σ_ij γ_ij (n̄+1) (σ⁻_j ρ σ⁺_i − ½{σ⁺_i σ⁻_j, ρ})            (emission)
 *   D₊(ρ) = Σ_ij γ_ij n̄     (σ⁺_j ρ σ⁻_i − ½{σ⁻_i σ⁺_j, ρ})            (absorption)
 *
 * with n̄ = 1/(e^{βω} − 1). Basis convention: see qubits.ts (index bit 0 = excited, qubit 0 most
 * significant, all-ground state last).
 *
 * Temperatures are handled through r = e^{−βω} ∈ [0, 1] (r = n̄/(n̄+1), the Boltzmann factor of one
 * excitation): n̄+1 = 1/(1−r) and n̄ = r/(1−r), so β → ∞ (r = 0) is exact and nothing overflows.
 * At β = 0 (r = 1) the rates diverge; the time scale 'normalised' divides the whole generator by
 * (n̄+1), i.e. uses L/(n̄+1) = −i(1−r)[H0 + H_d, ρ] + D₋/(n̄+1) + D₊/(n̄+1) with emission rate γ and
 * absorption rate γr. That is the same dynamics with time measured in units of (n̄+1) (τ = t/(n̄+1))
 * and has exactly the same stationary states; at β = 0 its Hamiltonian part vanishes.
 *
 * Implementation: with G = H − (i/2)K, K = Σ_ij γ_ij(n̄+1) σ⁺_iσ⁻_j + Σ_ij γ_ij n̄ σ⁻_iσ⁺_j (both
 * Hermitian), L(ρ) = −i(Gρ − ρG†) + Σ_ij [γ_ij(n̄+1) σ⁻_j ρ σ⁺_i + γ_ij n̄ σ⁺_j ρ σ⁻_i]. Every
 * operator involved moves basis indices by flipping one or two bits, so G is stored sparsely
 * (≤ 1 + N(N−1) entries a row, block diagonal in the excitation number) and the jump terms are
 * done by index manipulation: one application costs O(N² 4^N) field operations.
 */
import { InputError } from '../errors.js';
import type { AnalyticField, Field } from '../numeric/field.js';
import { zeros, type CMatrix } from '../numeric/matrix.js';
import { assertQubitCount, excitations } from './qubits.js';

/** 'physical': the generator above with its rates; 'normalised': the generator divided by (n̄+1) (needed at β = 0). */
export type TimeScale = 'physical' | 'normalised';

/** Parameters of the master equation. β may be +∞ (float64 `Infinity`, decimal `'Infinity'`). */
export interface LindbladModel<T> {
  readonly N: number;
  readonly omega: T;
  readonly beta: T;
  /** Real symmetric positive-semidefinite N×N matrix γ_ij. */
  readonly gamma: readonly (readonly T[])[];
  /** Real symmetric N×N matrix f_ij with zero diagonal (H_d sums over i ≠ j only). */
  readonly f: readonly (readonly T[])[];
  /** Default 'physical'. */
  readonly timeScale?: TimeScale;
}

/** Shared options of the presets. */
export interface PresetOptions<T> {
  readonly omega: T;
  readonly beta: T;
  readonly gamma0: T;
  readonly timeScale?: TimeScale;
}

/** Whether x is a finite number (decimal.js values beyond float64's range convert to ±∞ yet are finite). */
function isFiniteValue<T>(F: Field<T>, x: T): boolean {
  const n = F.toNumber(x);
  if (Number.isFinite(n)) return true;
  if (Number.isNaN(n)) return false;
  const v = x as unknown as { isFinite?: () => boolean };
  return typeof v?.isFinite === 'function' ? v.isFinite() : false;
}
const isInf = <T>(F: Field<T>, x: T): boolean => !isFiniteValue(F, x) && F.toNumber(x) === Infinity;

function checkScalar<T>(F: Field<T>, x: T, what: string, where: string): void {
  if (Number.isNaN(F.toNumber(x))) throw new InputError(`${where}: ${what} is NaN`);
}

function checkSquare<T>(F: Field<T>, M: readonly (readonly T[])[], N: number, name: string, where: string): void {
  if (!Array.isArray(M) || M.length !== N || M.some((row) => !Array.isArray(row) || row.length !== N)) {
    throw new InputError(`${where}: ${name} must be a square matrix of size ${N} (N×N)`);
  }
  for (let i = 0; i < N; i++)
    for (let j = 0; j < N; j++) {
      checkScalar(F, M[i][j], `${name}[${i}][${j}]`, where);
      if (!isFiniteValue(F, M[i][j])) throw new InputError(`${where}: ${name}[${i}][${j}] is not finite`);
    }
  for (let i = 0; i < N; i++)
    for (let j = i + 1; j < N; j++)
      if (F.cmp(M[i][j], M[j][i]) !== 0) {
        throw new InputError(
          `${where}: ${name} must be symmetric, but ${name}[${i}][${j}] = ${F.toString(M[i][j], 8)} ≠ ${name}[${j}][${i}] = ${F.toString(M[j][i], 8)}`,
        );
      }
}

/**
 * Whether a symmetric matrix (given as float64) is positive semidefinite, by pivoted Cholesky with
 * a relative tolerance of 1e-9: it only rejects matrices that are clearly indefinite.
 */
function isPositiveSemidefinite(A0: readonly (readonly number[])[]): boolean {
  const n = A0.length;
  const A = A0.map((r) => r.slice());
  const scale = Math.max(0, ...A.flat().map(Math.abs));
  if (scale === 0) return true;
  const tol = 1e-9 * scale * n;
  const left = new Set(Array.from({ length: n }, (_, k) => k));
  while (left.size > 0) {
    let p = -1;
    for (const k of left) if (p < 0 || A[k][k] > A[p][p]) p = k;
    if (A[p][p] <= tol) {
      for (const i of left) for (const j of left) if (Math.abs(A[i][j]) > tol || A[i][i] < -tol) return false;
      return true;
    }
    left.delete(p);
    for (const i of left) for (const j of left) A[i][j] -= (A[i][p] * A[p][j]) / A[p][p];
  }
  return true;
}

/** Throws InputError (one line, naming the rule) unless the model is usable; returns it unchanged. */
export function validateModel<T>(F: Field<T>, model: LindbladModel<T>, where: string = 'lindblad'): LindbladModel<T> {
  assertQubitCount(model.N, where);
  const { N, omega, beta } = model;
  const timeScale = model.timeScale ?? 'physical';
  if (timeScale !== 'physical' && timeScale !== 'normalised')
    throw new InputError(`${where}: timeScale must be 'physical' or 'normalised', got ${String(timeScale)}`);
  checkScalar(F, omega, 'ω', where);
  if (!isFiniteValue(F, omega) || F.sign(omega) <= 0) throw new InputError(`${where}: ω must be finite and > 0, got ${F.toString(omega, 8)}`);
  checkScalar(F, beta, 'β', where);
  if (F.sign(beta) < 0) throw new InputError(`${where}: β must be ≥ 0 (negative temperatures are outside the thermal dissipators), got ${F.toString(beta, 8)}`);
  if (F.isZero(beta) && timeScale === 'physical') {
    throw new InputError(`${where}: β = 0 makes n̄ infinite; use timeScale 'normalised' (time in units of n̄+1)`);
  }
  checkSquare(F, model.gamma, N, 'γ', where);
  checkSquare(F, model.f, N, 'f', where);
  for (let i = 0; i < N; i++) if (!F.isZero(model.f[i][i])) throw new InputError(`${where}: f[${i}][${i}] must be 0 (the dipole coupling H_d sums over i ≠ j)`);
  if (!isPositiveSemidefinite(model.gamma.map((r) => r.map((x) => F.toNumber(x))))) {
    throw new InputError(`${where}: γ must be positive semidefinite (otherwise the dissipators are not of GKSL form and ρ can lose positivity)`);
  }
  return model;
}

function squareOf<T>(F: Field<T>, N: number, entry: (i: number, j: number) => T): T[][] {
  return Array.from({ length: N }, (_, i) => Array.from({ length: N }, (_, j) => entry(i, j)));
}

function checkGamma0<T>(F: Field<T>, gamma0: T, where: string): void {
  checkScalar(F, gamma0, 'γ0', where);
  if (!isFiniteValue(F, gamma0) || F.sign(gamma0) < 0) throw new InputError(`${where}: γ0 must be finite and ≥ 0, got ${F.toString(gamma0, 8)}`);
}

/** Individual coupling (qubits far apart, each with its own bath): γ_ij = γ0 δ_ij, f = 0. Exact. */
export function individualCoupling<T>(F: Field<T>, N: number, o: PresetOptions<T>): LindbladModel<T> {
  assertQubitCount(N, 'individualCoupling');
  checkGamma0(F, o.gamma0, 'individualCoupling');
  const gamma = squareOf(F, N, (i, j) => (i === j ? o.gamma0 : F.zero));
  const f = squareOf(F, N, () => F.zero);
  return validateModel(F, { N, omega: o.omega, beta: o.beta, gamma, f, timeScale: o.timeScale ?? 'physical' }, 'individualCoupling');
}

/** Collective coupling (qubits closely packed, one common bath): γ_ij = γ0 for all i, j; f_ij = f for i ≠ j (default 0). Exact. */
export function collectiveCoupling<T>(F: Field<T>, N: number, o: PresetOptions<T> & { readonly f?: T }): LindbladModel<T> {
  return partiallyCollective(F, N, { ...o, mu: F.one }, 'collectiveCoupling');
}

/** Interpolation γ_ij = γ0(δ_ij + μ(1−δ_ij)), 0 ≤ μ ≤ 1; f_ij = f for i ≠ j (default 0). One multiplication per entry. */
export function partiallyCollective<T>(
  F: Field<T>,
  N: number,
  o: PresetOptions<T> & { readonly mu: T; readonly f?: T },
  where: string = 'partiallyCollective',
): LindbladModel<T> {
  assertQubitCount(N, where);
  checkGamma0(F, o.gamma0, where);
  checkScalar(F, o.mu, 'μ', where);
  if (F.sign(o.mu) < 0 || F.cmp(o.mu, F.one) > 0) throw new InputError(`${where}: μ must lie in [0, 1], got ${F.toString(o.mu, 8)}`);
  const fv = o.f ?? F.zero;
  checkScalar(F, fv, 'f', where);
  if (!isFiniteValue(F, fv)) throw new InputError(`${where}: f must be finite`);
  const off = F.mul(o.gamma0, o.mu);
  const gamma = squareOf(F, N, (i, j) => (i === j ? o.gamma0 : off));
  const f = squareOf(F, N, (i, j) => (i === j ? F.zero : fv));
  return validateModel(F, { N, omega: o.omega, beta: o.beta, gamma, f, timeScale: o.timeScale ?? 'physical' }, where);
}

/** r = e^{−βω} and 1 − r, each within a few units of roundoff (1 − r by its series when βω < ½, so no cancellation). */
export function thermalRatio<T>(F: AnalyticField<T>, omega: T, beta: T): { r: T; oneMinusR: T } {
  if (isInf(F, beta)) return { r: F.zero, oneMinusR: F.one };
  const x = F.mul(beta, omega);
  const r = F.exp(F.neg(x));
  if (F.toNumber(x) >= 0.5) return { r, oneMinusR: F.sub(F.one, r) };
  // 1 − e^{−x} = x − x²/2 + x³/6 − …; terms fall by a factor ≥ 4 from the second on.
  let term = x;
  let sum = x;
  const tiny = F.fromNumber(F.unitRoundoff / 4);
  for (let k = 2; k < 10_000; k++) {
    term = F.div(F.mul(term, F.neg(x)), F.fromNumber(k));
    sum = F.add(sum, term);
    if (F.cmp(F.abs(term), F.mul(tiny, F.abs(sum))) <= 0) break;
  }
  return { r, oneMinusR: sum };
}

/** Multipliers of the model's time scale: emission (n̄+1 or 1), absorption (n̄ or r), Hamiltonian (1 or 1−r). */
export interface RateFactors<T> {
  readonly r: T;
  readonly emission: T;
  readonly absorption: T;
  readonly hamiltonian: T;
}

/** The rate multipliers of emission and absorption on the model's time scale; a few units of roundoff each. */
export function rateFactors<T>(F: AnalyticField<T>, model: LindbladModel<T>): RateFactors<T> {
  const { r, oneMinusR } = thermalRatio(F, model.omega, model.beta);
  if ((model.timeScale ?? 'physical') === 'normalised') return { r, emission: F.one, absorption: r, hamiltonian: oneMinusR };
  // n̄ + 1 = 1/(1−r), n̄ = r/(1−r)
  const emission = F.isZero(oneMinusR) ? F.zero : F.div(F.one, oneMinusR);
  if (F.isZero(oneMinusR) || !isFiniteValue(F, emission)) {
    throw new InputError(
      `lindblad: βω = ${F.toString(F.mul(model.beta, model.omega), 4)} is too small for ${F.name} (n̄ overflows); use timeScale 'normalised'`,
    );
  }
  return { r, emission, absorption: F.div(r, oneMinusR), hamiltonian: F.one };
}

interface SparseRow<T> {
  readonly col: number[];
  readonly re: T[];
  readonly im: T[];
}

interface Jump<T> {
  /** qubit whose state is flipped on the left (row) index */
  readonly maskLeft: number;
  /** qubit whose state is flipped on the right (column) index */
  readonly maskRight: number;
  /** coefficient (real) */
  readonly c: T;
  /** Emission (σ⁻ρσ⁺): left and right indices must have the flipped qubits in the ground state; absorption: excited. */
  readonly emission: boolean;
}

/** The generator L, compiled once for repeated application. */
export interface Lindbladian<T> {
  readonly F: AnalyticField<T>;
  readonly model: LindbladModel<T>;
  readonly N: number;
  /** 2^N */
  readonly d: number;
  readonly factors: RateFactors<T>;
  /** Upper bound (float64, rounded up) on ‖L‖ induced by the Frobenius norm. */
  readonly normBound: number;
  /** L(ρ) for any d×d matrix ρ (not only density matrices); O(N² 4^N) field operations, each entry a short sum. */
  apply(rho: CMatrix<T>): CMatrix<T>;
  /** Internal sparse data (rows of G = H − (i/2)K and the jump list), exposed for the superoperator. */
  readonly G: readonly SparseRow<T>[];
  readonly jumps: readonly Jump<T>[];
}

/** Compile the model (validated here) into a Lindbladian; exact structure, rates to a few units of roundoff. */
export function lindbladian<T>(F: AnalyticField<T>, model: LindbladModel<T>): Lindbladian<T> {
  validateModel(F, model);
  const { N, omega } = model;
  const d = 2 ** N;
  const fac = rateFactors(F, model);
  const half = (x: T): T => F.scale2(x, -1);
  const masks = Array.from({ length: N }, (_, i) => 1 << (N - 1 - i));
  const hOmega = F.mul(fac.hamiltonian, omega);
  const both = F.add(fac.emission, fac.absorption);

  // Rows of G: diagonal s·ω·n(c) − (i/2)Σ_i γ_ii(emission if i excited else absorption);
  // hop c → c^m_i^m_j (excitation moves from j to i): s·f_ij − (i/2)γ_ij(emission + absorption).
  const G: SparseRow<T>[] = Array.from({ length: d }, () => ({ col: [], re: [], im: [] }));
  for (let c = 0; c < d; c++) {
    let k = F.zero;
    for (let i = 0; i < N; i++) {
      const g = model.gamma[i][i];
      if (!F.isZero(g)) k = F.add(k, F.mul(g, (c & masks[i]) === 0 ? fac.emission : fac.absorption));
    }
    G[c].col.push(c);
    G[c].re.push(F.mul(hOmega, F.fromNumber(excitations(c, N))));
    G[c].im.push(F.neg(half(k)));
  }
  for (let i = 0; i < N; i++)
    for (let j = 0; j < N; j++) {
      if (i === j) continue;
      const fr = F.mul(fac.hamiltonian, model.f[i][j]);
      const gi = F.neg(half(F.mul(model.gamma[i][j], both)));
      if (F.isZero(fr) && F.isZero(gi)) continue;
      for (let c = 0; c < d; c++) {
        if ((c & masks[j]) !== 0 || (c & masks[i]) === 0) continue; // need j excited, i ground
        const a = c ^ masks[i] ^ masks[j];
        G[a].col.push(c);
        G[a].re.push(fr);
        G[a].im.push(gi);
      }
    }

  // Jump terms γ_ij(n̄+1) σ⁻_j ρ σ⁺_i and γ_ij n̄ σ⁺_j ρ σ⁻_i: entry (a, b) reads ρ[a^m_j, b^m_i].
  const jumps: Jump<T>[] = [];
  for (let i = 0; i < N; i++)
    for (let j = 0; j < N; j++) {
      if (F.isZero(model.gamma[i][j])) continue;
      const e = F.mul(model.gamma[i][j], fac.emission);
      const a = F.mul(model.gamma[i][j], fac.absorption);
      if (!F.isZero(e)) jumps.push({ maskLeft: masks[j], maskRight: masks[i], c: e, emission: true });
      if (!F.isZero(a)) jumps.push({ maskLeft: masks[j], maskRight: masks[i], c: a, emission: false });
    }

  // ‖Gρ − ρG†‖_F ≤ 2‖G‖₂‖ρ‖_F with ‖G‖₂ ≤ √(‖G‖₁‖G‖_∞); each jump term has norm ≤ |c|.
  const rowSum = new Array<number>(d).fill(0);
  const colSum = new Array<number>(d).fill(0);
  G.forEach((row, a) =>
    row.col.forEach((c, k) => {
      const v = Math.hypot(F.toNumber(row.re[k]), F.toNumber(row.im[k]));
      rowSum[a] += v;
      colSum[c] += v;
    }),
  );
  const gNorm = Math.sqrt(Math.max(...rowSum) * Math.max(...colSum));
  const normBound = (2 * gNorm + jumps.reduce((s, J) => s + Math.abs(F.toNumber(J.c)), 0)) * (1 + 1e-9);

  // Index lists: basis states with a given qubit ground / excited.
  const withGround = masks.map((m) => Array.from({ length: d }, (_, a) => a).filter((a) => (a & m) !== 0));
  const withExcited = masks.map((m) => Array.from({ length: d }, (_, a) => a).filter((a) => (a & m) === 0));
  const qubitOf = new Map(masks.map((m, i) => [m, i]));

  function apply(rho: CMatrix<T>): CMatrix<T> {
    if (rho.rows !== d || rho.cols !== d) throw new InputError(`lindblad: ρ must be ${d}×${d} for N = ${N}, got ${rho.rows}×${rho.cols}`);
    const outRe = new Array<T>(d * d).fill(F.zero);
    const outIm = new Array<T>(d * d).fill(F.zero);
    const pr = rho.re;
    const pi = rho.im;
    // −i G ρ (left: for G_ac = g, ρ_cb = p, −i·g·p = (g_r p_i + g_i p_r) + i(g_i p_i − g_r p_r)) and
    // +i ρ G† (right: (ρG†)_ab = Σ_c ρ_ac conj(G_bc), i·p·conj(g) = (g_i p_r − g_r p_i) + i(g_r p_r + g_i p_i)):
    // the same loop over the rows x of G, the two differing in the sign of the g_r terms and in which
    // index of ρ the row's column c replaces.
    for (const left of [true, false])
      for (let x = 0; x < d; x++) {
        const row = G[x];
        for (let k = 0; k < row.col.length; k++) {
          const c = row.col[k];
          const gr = row.re[k];
          const gi = row.im[k];
          const zr = F.isZero(gr);
          const zi = F.isZero(gi);
          for (let y = 0; y < d; y++) {
            const o = left ? x * d + y : y * d + x;
            const s = left ? c * d + y : y * d + c;
            if (!zr) {
              const tRe = F.mul(gr, pi[s]);
              const tIm = F.mul(gr, pr[s]);
              outRe[o] = left ? F.add(outRe[o], tRe) : F.sub(outRe[o], tRe);
              outIm[o] = left ? F.sub(outIm[o], tIm) : F.add(outIm[o], tIm);
            }
            if (!zi) {
              outRe[o] = F.add(outRe[o], F.mul(gi, pr[s]));
              outIm[o] = F.add(outIm[o], F.mul(gi, pi[s]));
            }
          }
        }
      }
    // Jumps: out_ab += c·ρ[a^mL, b^mR] over the a, b allowed by the jump's direction.
    for (const J of jumps) {
      const jL = qubitOf.get(J.maskLeft) as number;
      const jR = qubitOf.get(J.maskRight) as number;
      const left = J.emission ? withGround[jL] : withExcited[jL];
      const right = J.emission ? withGround[jR] : withExcited[jR];
      for (const a of left) {
        const sa = (a ^ J.maskLeft) * d;
        for (const b of right) {
          const o = a * d + b;
          const s = sa + (b ^ J.maskRight);
          outRe[o] = F.add(outRe[o], F.mul(J.c, pr[s]));
          outIm[o] = F.add(outIm[o], F.mul(J.c, pi[s]));
        }
      }
    }
    return { rows: d, cols: d, re: outRe, im: outIm };
  }

  return { F, model, N, d, factors: fac, normBound, apply, G, jumps };
}

/** L(ρ) without forming the superoperator: O(N² 4^N) operations, each entry a short sum of products. */
export function applyLindbladian<T>(F: AnalyticField<T>, model: LindbladModel<T> | Lindbladian<T>, rho: CMatrix<T>): CMatrix<T> {
  return ('apply' in model ? model : lindbladian(F, model)).apply(rho);
}

/** Largest N for which the dense 4^N × 4^N superoperator is built (1024 × 1024 at N = 5). */
export const MAX_SUPEROPERATOR_QUBITS = 5;

/**
 * Dense superoperator S with vec(L(ρ)) = S·vec(ρ), row-major vec (index a·d + b); N ≤ 5.
 * Entries are the same short sums as in `apply`, so it agrees with it to roundoff.
 */
export function lindbladSuperoperator<T>(F: AnalyticField<T>, model: LindbladModel<T> | Lindbladian<T>): CMatrix<T> {
  if (model.N > MAX_SUPEROPERATOR_QUBITS) {
    throw new InputError(`lindbladSuperoperator: N = ${model.N} exceeds ${MAX_SUPEROPERATOR_QUBITS} (a dense 4^N × 4^N matrix); use applyLindbladian`);
  }
  const L = 'apply' in model ? model : lindbladian(F, model);
  const d = L.d;
  const D = d * d;
  const S = zeros(F, D);
  const addAt = (row: number, col: number, re: T, im: T): void => {
    const k = row * D + col;
    S.re[k] = F.add(S.re[k], re);
    S.im[k] = F.add(S.im[k], im);
  };
  for (let a = 0; a < d; a++)
    for (let b = 0; b < d; b++) {
      const row = a * d + b;
      // −i G_ac acting on ρ_cb
      const Ga = L.G[a];
      for (let k = 0; k < Ga.col.length; k++) addAt(row, Ga.col[k] * d + b, Ga.im[k], F.neg(Ga.re[k]));
      // +i conj(G_bc) acting on ρ_ac
      const Gb = L.G[b];
      for (let k = 0; k < Gb.col.length; k++) addAt(row, a * d + Gb.col[k], Gb.im[k], Gb.re[k]);
    }
  for (const J of L.jumps) {
    const need = J.emission ? 1 : 0; // emission: the flipped qubits are ground (bit set) in a and b
    for (let a = 0; a < d; a++) {
      if (((a & J.maskLeft) !== 0 ? 1 : 0) !== need) continue;
      for (let b = 0; b < d; b++) {
        if (((b & J.maskRight) !== 0 ? 1 : 0) !== need) continue;
        addAt(a * d + b, (a ^ J.maskLeft) * d + (b ^ J.maskRight), J.c, F.zero);
      }
    }
  }
  return S;
}
