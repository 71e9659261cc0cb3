/**
 * Test helpers: an independent dense transcription of Eqs. (4)–(6), seeded random matrices, the
 * paper's reference states, and a positivity check. Not part of the library.
 */
import type { AnalyticField, Field } from '../../src/numeric/field.js';
import { add, adjoint, anticommutator, commutator, kronAll, mul, scale, scaleReal, sub, zeros, type CMatrix } from '../../src/numeric/matrix.js';
import { h0, sigmaMinus, sigmaPlus } from '../../src/physics/qubits.js';
import type { LindbladModel } from '../../src/physics/lindblad.js';

/**
 * Eq. (4) literally, with dense products and n̄ = 1/(e^{βω} − 1) computed directly (physical time
 * scale, 0 < β < ∞ only): an independent route to compare the sparse implementation against.
 */
export function denseLindbladian<T>(F: AnalyticField<T>, m: LindbladModel<T>, rho: CMatrix<T>): CMatrix<T> {
  const { N } = m;
  const nbar = F.div(F.one, F.sub(F.exp(F.mul(m.beta, m.omega)), F.one));
  const nbar1 = F.add(nbar, F.one);
  const sp = Array.from({ length: N }, (_, i) => sigmaPlus(F, N, i));
  const sm = Array.from({ length: N }, (_, i) => sigmaMinus(F, N, i));
  let H = h0(F, N, m.omega);
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) if (i !== j) H = add(F, H, scaleReal(F, m.f[i][j], mul(F, sp[i], sm[j])));
  let out = scale(F, { re: F.zero, im: F.neg(F.one) }, commutator(F, H, rho));
  const half = F.fromNumber(0.5);
  for (let i = 0; i < N; i++)
    for (let j = 0; j < N; j++) {
      const dm = sub(F, mul(F, mul(F, sm[j], rho), sp[i]), scaleReal(F, half, anticommutator(F, mul(F, sp[i], sm[j]), rho)));
      const dp = sub(F, mul(F, mul(F, sp[j], rho), sm[i]), scaleReal(F, half, anticommutator(F, mul(F, sm[i], sp[j]), rho)));
      out = add(F, out, scaleReal(F, F.mul(m.gamma[i][j], nbar1), dm));
      out = add(F, out, scaleReal(F, F.mul(m.gamma[i][j], nbar), dp));
    }
  return out;
}

/** mulberry32: a tiny seeded PRNG so table tests are reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A d×d matrix with entries uniform in [−1, 1] + i[−1, 1]. */
export function randomMatrix<T>(F: Field<T>, d: number, next: () => number): CMatrix<T> {
  const M = zeros(F, d);
  for (let k = 0; k < d * d; k++) {
    M.re[k] = F.fromNumber(2 * next() - 1);
    M.im[k] = F.fromNumber(2 * next() - 1);
  }
  return M;
}

/** A full-rank random density matrix A A† / Tr(A A†). */
export function randomDensity<T>(F: Field<T>, d: number, next: () => number): CMatrix<T> {
  const A = randomMatrix(F, d, next);
  const P = mul(F, A, adjoint(F, A));
  let tr = F.zero;
  for (let i = 0; i < d; i++) tr = F.add(tr, P.re[i * d + i]);
  return scaleReal(F, F.div(F.one, tr), P);
}

/** max_ij |A_ij − B_ij| as a float64. */
export function maxDiff<T>(F: Field<T>, A: CMatrix<T>, B: CMatrix<T>): number {
  let m = 0;
  for (let k = 0; k < A.re.length; k++) m = Math.max(m, Math.hypot(F.toNumber(F.sub(A.re[k], B.re[k])), F.toNumber(F.sub(A.im[k], B.im[k]))));
  return m;
}

/** max_ij |A_ij| as a float64. */
export function maxAbsOf<T>(F: Field<T>, A: CMatrix<T>): number {
  let m = 0;
  for (let k = 0; k < A.re.length; k++) m = Math.max(m, Math.hypot(F.toNumber(A.re[k]), F.toNumber(A.im[k])));
  return m;
}

/** Product Gibbs state ⊗_i diag(r, 1)/(1+r), r = e^{−βω} (excited first); β = ∞ gives the ground state. */
export function productGibbs<T>(F: AnalyticField<T>, N: number, r: T): CMatrix<T> {
  const z = F.add(F.one, r);
  const q = { rows: 2, cols: 2, re: [F.div(r, z), F.zero, F.zero, F.div(F.one, z)], im: [F.zero, F.zero, F.zero, F.zero] };
  return kronAll(
    F,
    Array.from({ length: N }, () => q),
  );
}

/** |ψ⟩⟨ψ| for a real vector. */
export function projector<T>(F: Field<T>, v: readonly T[]): CMatrix<T> {
  const d = v.length;
  const P = zeros(F, d);
  for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) P.re[a * d + b] = F.mul(v[a], v[b]);
  return P;
}

/** ψ± = (|01⟩ ± |10⟩)/√2 in the basis |11⟩, |10⟩, |01⟩, |00⟩. */
export function psi<T>(F: Field<T>, sign: 1 | -1): T[] {
  const s = F.div(F.one, F.sqrt(F.fromNumber(2)));
  return [F.zero, sign === 1 ? s : F.neg(s), s, F.zero];
}

/**
 * Eq. (7): (1−c)|ψ−⟩⟨ψ−| + c Z₊⁻¹ (r²|11⟩⟨11| + r|ψ+⟩⟨ψ+| + |00⟩⟨00|), Z₊ = 1 + r + r², r = e^{−βω}.
 */
export function twoQubitCollectiveSteadyState<T>(F: AnalyticField<T>, r: T, c: T): CMatrix<T> {
  const zPlus = F.add(F.add(F.one, r), F.mul(r, r));
  const w = (x: T): T => F.div(F.mul(c, x), zPlus);
  let rho = scaleReal(F, F.sub(F.one, c), projector(F, psi(F, -1)));
  rho = add(F, rho, scaleReal(F, w(F.mul(r, r)), projector(F, [F.one, F.zero, F.zero, F.zero])));
  rho = add(F, rho, scaleReal(F, w(r), projector(F, psi(F, 1))));
  rho = add(F, rho, scaleReal(F, w(F.one), projector(F, [F.zero, F.zero, F.zero, F.one])));
  return rho;
}

/**
 * Smallest-eigenvalue test without an eigensolver: ρ + εI is positive definite iff its Hermitian
 * Cholesky factorisation (float64) succeeds, so success certifies λ_min(ρ) > −ε (up to float64 rounding).
 */
export function isPositiveWithin<T>(F: Field<T>, rho: CMatrix<T>, eps: number): boolean {
  const d = rho.rows;
  const re = rho.re.map((x) => F.toNumber(x));
  const im = rho.im.map((x) => F.toNumber(x));
  for (let i = 0; i < d; i++) re[i * d + i] += eps;
  const Lr = new Array<number>(d * d).fill(0);
  const Li = new Array<number>(d * d).fill(0);
  for (let j = 0; j < d; j++) {
    let s = re[j * d + j];
    for (let k = 0; k < j; k++) s -= Lr[j * d + k] ** 2 + Li[j * d + k] ** 2;
    if (!(s > 0)) return false;
    const ljj = Math.sqrt(s);
    Lr[j * d + j] = ljj;
    for (let i = j + 1; i < d; i++) {
      let sr = re[i * d + j];
      let si = im[i * d + j];
      for (let k = 0; k < j; k++) {
        // L_ik conj(L_jk)
        sr -= Lr[i * d + k] * Lr[j * d + k] + Li[i * d + k] * Li[j * d + k];
        si -= Li[i * d + k] * Lr[j * d + k] - Lr[i * d + k] * Li[j * d + k];
      }
      Lr[i * d + j] = sr / ljj;
      Li[i * d + j] = si / ljj;
    }
  }
  return true;
}
