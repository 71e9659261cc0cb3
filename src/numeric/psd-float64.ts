/**
 * A fast, rigorous sufficient test of positive semidefiniteness in float64: λ_min(H) ≥ −margin for
 * H = (M + M†)/2, M given in any field. O(n³/6) complex float64 operations (a Cholesky
 * factorisation) instead of a certified eigendecomposition at working precision; when it cannot
 * decide (an eigenvalue within ≈ n·2⁻⁵³ of −margin), the caller falls back to the eigensolver.
 *
 * Why it is rigorous: with H̃ the float64 rounding of H and s > 0, if the Cholesky factorisation
 * R̃ of B̃ = fl(H̃ + sI) runs to completion with positive pivots, then R̃†R̃ = B̃ + ΔB with
 * |ΔB| ≤ γ|R̃†||R̃| (Demmel's bound; γ = γ_{2(n+4)} covers complex products, √2·γ₂, and complex
 * sums, Higham §3.6), and ‖|R̃†||R̃|‖₂ ≤ ‖R̃‖_F² ≤ tr B̃/(1 − γ). Hence, by Weyl,
 *   λ_min(H) ≥ −(s + γ/(1−γ)·tr B̃ + u·(max b_ii) + ‖H − H̃‖₂),
 * and ‖H − H̃‖₂ ≤ ‖H − H̃‖_F ≤ 2u·‖M‖_F (u = 2⁻⁵³, plus a term for subnormals). The test passes only
 * if that lower bound is ≥ −margin.
 */
import type { Field } from './field.js';
import type { CMatrix } from './matrix.js';

const U = 2 ** -53;
const ETA = 2 ** -1074;

const gamma = (k: number): number => (k * U) / (1 - k * U);

/**
 * True if λ_min((M + M†)/2) ≥ −margin is proved in float64; false if the test cannot tell (which
 * says nothing either way). `margin` must be a float64 lower bound of the allowed deviation.
 */
export function provesPositiveFloat64<T>(F: Field<T>, M: CMatrix<T>, margin: number): boolean {
  const n = M.rows;
  if (!(margin > 0) || !Number.isFinite(margin) || n === 0) return false;
  const g = gamma(2 * (n + 4));
  if (!(g < 0.01)) return false;
  // H̃ in row-major upper storage (full arrays for simplicity); ‖M‖_F from the float64 values
  const re = new Float64Array(n * n);
  const im = new Float64Array(n * n);
  let frob2 = 0;
  for (let k = 0; k < n * n; k++) {
    const a = F.toNumber(M.re[k]);
    const b = F.toNumber(M.im[k]);
    if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
    re[k] = a;
    im[k] = b;
    frob2 += a * a + b * b;
  }
  // the float64 sum of n² squares is within (n² + 2)u of the true one; the entries within u
  const frobBound = Math.sqrt(frob2 * (1 + 2 * (n * n + 2) * U)) * (1 + 4 * U) + n * ETA;
  const conversion = 2 * U * frobBound * (1 + 4 * U) + 4 * n * ETA;
  // s: most of the margin, the rest for the rounding terms (checked below, after the fact)
  const s = margin / 2;
  let maxDiag = 0;
  let trace = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      // Hermitian part, upper triangle
      const hr = (re[i * n + j] + re[j * n + i]) / 2;
      const hi = (im[i * n + j] - im[j * n + i]) / 2;
      re[i * n + j] = hr;
      im[i * n + j] = i === j ? 0 : hi;
    }
    const d = re[i * n + i] + s;
    re[i * n + i] = d;
    if (Math.abs(d) > maxDiag) maxDiag = Math.abs(d);
    trace += d;
  }
  const budget = s + (g / (1 - g)) * Math.abs(trace) * (1 + 2 * (n + 2) * U) + U * maxDiag * 2 + conversion + 4 * (n + 1) * (2 * (n + 2) + maxDiag) * ETA;
  if (!(budget * (1 + 1e-12) <= margin)) return false;
  // in-place upper Cholesky of B̃ (R̃†R̃ = B̃), right-looking so that every update runs along a row
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    const d = re[ri + i];
    if (!(d > 0)) return false;
    const rii = Math.sqrt(d);
    re[ri + i] = rii;
    for (let j = i + 1; j < n; j++) {
      re[ri + j] /= rii;
      im[ri + j] /= rii;
    }
    for (let k = i + 1; k < n; k++) {
      // b_kj −= conj(r_ik) · r_ij for j ≥ k
      const ar = re[ri + k];
      const ai = im[ri + k];
      if (ar === 0 && ai === 0) continue;
      const rk = k * n;
      for (let j = k; j < n; j++) {
        const br = re[ri + j];
        const bi = im[ri + j];
        re[rk + j] -= ar * br + ai * bi;
        im[rk + j] -= ar * bi - ai * br;
      }
    }
  }
  return true;
}
