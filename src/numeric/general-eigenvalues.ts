/**
 * Eigenvalues of a general (non-Hermitian) complex matrix in float64. Accuracy: backward stable,
 * each eigenvalue exact for a matrix within ≈ n·u·‖A‖ of A (u the unit roundoff); the error of an
 * eigenvalue is that times its condition number. No certificate: use `eigh` for Hermitian matrices.
 */
import { InternalError } from '../errors.js';

export interface Eigenvalue {
  readonly re: number;
  readonly im: number;
}

/**
 * Eigenvalues of a general complex n×n matrix (row-major re/im), float64: Householder reduction to
 * Hessenberg form, then complex QR steps with Wilkinson shifts (exceptional shifts every 10 stalls)
 * and deflation when |h_{k,k−1}| ≤ u·(|h_kk| + |h_{k−1,k−1}|). Backward stable: each eigenvalue is
 * exact for a matrix within ≈ n·u·‖A‖ of A.
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
