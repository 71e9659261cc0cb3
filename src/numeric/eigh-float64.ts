/**
 * The float64 specialisation of eigh-kernel.ts: the same algorithm (Householder reduction to real
 * tridiagonal form, implicit QL with the tql2 deflation test, back-transformation) on Float64Arrays
 * with inline arithmetic. Justified by `npm run bench`: the generic kernel, whose every operation
 * is a call through the Field interface, needs minutes for n = 1024; this one seconds. Tested
 * against the generic path in test/numeric/eigh-float64.test.ts.
 */
import type { CMatrix } from './matrix.js';
import type { KernelResult } from './eigh-kernel.js';
import { InternalError } from '../errors.js';

const MAX_QL_ITERATIONS = 60;
const EPS = 2 ** -53;

/** Eigenvalues (ascending) and, if asked, eigenvectors of the Hermitian A (lower triangle read). */
export function eighFloat64Kernel(A: CMatrix<number>, wantVectors: boolean): KernelResult<number> {
  const n = A.rows;
  if (n === 0) return { values: [], vectors: wantVectors ? { rows: 0, cols: 0, re: [], im: [] } : undefined };
  // Only the lower triangle (j ≤ i) is stored and updated: row-wise loops, no strided mirror writes.
  const ar = new Float64Array(n * n);
  const ai = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      ar[i * n + j] = A.re[i * n + j];
      ai[i * n + j] = i === j ? 0 : A.im[i * n + j];
    }
  const refl: { k: number; vr: Float64Array; vi: Float64Array }[] = [];
  const pr = new Float64Array(n);
  const pi = new Float64Array(n);
  for (let k = 0; k < n - 2; k++) {
    const m = n - k - 1;
    let tail = 0;
    for (let t = k + 2; t < n; t++) tail += Math.abs(ar[t * n + k]) + Math.abs(ai[t * n + k]);
    if (tail === 0) continue;
    const vr = new Float64Array(m);
    const vi = new Float64Array(m);
    let scale = 0;
    for (let t = 0; t < m; t++) {
      vr[t] = ar[(k + 1 + t) * n + k];
      vi[t] = ai[(k + 1 + t) * n + k];
      scale = Math.max(scale, Math.abs(vr[t]), Math.abs(vi[t]));
    }
    let ss = 0;
    for (let t = 0; t < m; t++) ss += (vr[t] / scale) ** 2 + (vi[t] / scale) ** 2;
    const sigma = scale * Math.sqrt(ss);
    const absx0 = Math.hypot(vr[0], vi[0]);
    const phr = absx0 === 0 ? 1 : vr[0] / absx0;
    const phi = absx0 === 0 ? 0 : vi[0] / absx0;
    const s0 = absx0 + sigma;
    vr[0] = phr * s0;
    vi[0] = phi * s0;
    let vn = 0;
    for (let t = 0; t < m; t++) vn += vr[t] * vr[t] + vi[t] * vi[t];
    vn = Math.sqrt(vn);
    for (let t = 0; t < m; t++) {
      vr[t] /= vn;
      vi[t] /= vn;
    }
    // p = 2 A22 v from the lower triangle: each stored a_ij (j < i) adds a·v_j to p_i and conj(a)·v_i to p_j
    pr.fill(0);
    pi.fill(0);
    for (let i = 0; i < m; i++) {
      const row = (k + 1 + i) * n + k + 1;
      const xr = vr[i];
      const xi = vi[i];
      let sr = ar[row + i] * xr;
      let si = ar[row + i] * xi;
      for (let j = 0; j < i; j++) {
        const a = ar[row + j];
        const b = ai[row + j];
        sr += a * vr[j] - b * vi[j];
        si += a * vi[j] + b * vr[j];
        pr[j] += a * xr + b * xi;
        pi[j] += a * xi - b * xr;
      }
      pr[i] += sr;
      pi[i] += si;
    }
    for (let i = 0; i < m; i++) {
      pr[i] *= 2;
      pi[i] *= 2;
    }
    let vp = 0;
    for (let i = 0; i < m; i++) vp += vr[i] * pr[i] + vi[i] * pi[i];
    const K = vp; // (τ/2)(v†p) with τ = 2
    for (let i = 0; i < m; i++) {
      pr[i] -= K * vr[i];
      pi[i] -= K * vi[i];
    }
    for (let i = 0; i < m; i++) {
      const row = (k + 1 + i) * n + k + 1;
      const a = vr[i];
      const b = vi[i];
      const c = pr[i];
      const e2 = pi[i];
      for (let j = 0; j <= i; j++) {
        ar[row + j] -= a * pr[j] + b * pi[j] + c * vr[j] + e2 * vi[j];
        ai[row + j] -= b * pr[j] - a * pi[j] + e2 * vr[j] - c * vi[j];
      }
      ai[row + i] = 0;
    }
    ar[(k + 1) * n + k] = -phr * sigma;
    ai[(k + 1) * n + k] = -phi * sigma;
    for (let t = k + 2; t < n; t++) ar[t * n + k] = ai[t * n + k] = 0;
    refl.push({ k, vr, vi });
  }
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  const dr = new Float64Array(n);
  const di = new Float64Array(n);
  dr[0] = 1;
  for (let i = 0; i < n; i++) {
    d[i] = ar[i * n + i];
    if (i === n - 1) break;
    const sr = ar[(i + 1) * n + i];
    const si = ai[(i + 1) * n + i];
    const abs = Math.hypot(sr, si);
    e[i] = abs;
    if (abs === 0) {
      dr[i + 1] = dr[i];
      di[i + 1] = di[i];
    } else {
      const ur = sr / abs;
      const ui = si / abs;
      dr[i + 1] = dr[i] * ur - di[i] * ui;
      di[i + 1] = dr[i] * ui + di[i] * ur;
    }
  }
  // zt holds Zᵀ: the rotations of QL combine two columns of Z, i.e. two contiguous rows of zt
  const zt = wantVectors ? new Float64Array(n * n) : null;
  if (zt) for (let i = 0; i < n; i++) zt[i * n + i] = 1;
  tql2(d, e, zt, n);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => d[a] - d[b]);
  const values = order.map((i) => d[i]);
  if (!zt) return { values };
  // V = Q·D·Z, columns in ascending order
  const vRe = new Float64Array(n * n);
  const vIm = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let c = 0; c < n; c++) {
      const zz = zt[order[c] * n + i];
      vRe[i * n + c] = dr[i] * zz;
      vIm[i * n + c] = di[i] * zz;
    }
  const sr = new Float64Array(n);
  const si = new Float64Array(n);
  for (let r = refl.length - 1; r >= 0; r--) {
    const { k, vr, vi } = refl[r];
    const m = n - k - 1;
    // s = v† W (a row vector over the columns c), accumulated row by row of W
    sr.fill(0);
    si.fill(0);
    for (let t = 0; t < m; t++) {
      const row = (k + 1 + t) * n;
      const a = vr[t];
      const b = vi[t];
      for (let c = 0; c < n; c++) {
        sr[c] += a * vRe[row + c] + b * vIm[row + c];
        si[c] += a * vIm[row + c] - b * vRe[row + c];
      }
    }
    // W ← W − 2 v s
    for (let t = 0; t < m; t++) {
      const row = (k + 1 + t) * n;
      const a = 2 * vr[t];
      const b = 2 * vi[t];
      for (let c = 0; c < n; c++) {
        vRe[row + c] -= a * sr[c] - b * si[c];
        vIm[row + c] -= a * si[c] + b * sr[c];
      }
    }
  }
  return { values, vectors: { rows: n, cols: n, re: Array.from(vRe), im: Array.from(vIm) } };
}

/** Implicit QL on (d, e) (e[i] couples i and i+1), deflating against ‖T‖ as EISPACK's tql2. */
function tql2(d: Float64Array, e: Float64Array, zt: Float64Array | null, n: number): void {
  let tnorm = 0;
  for (let i = 0; i < n; i++) tnorm = Math.max(tnorm, Math.abs(d[i]) + Math.abs(e[i]));
  for (let l = 0; l < n; l++) {
    let iter = 0;
    let m: number;
    do {
      for (m = l; m < n - 1; m++) {
        if (Math.abs(e[m]) <= EPS * (Math.abs(d[m]) + Math.abs(d[m + 1]) + tnorm)) break;
      }
      if (m !== l) {
        if (iter++ === MAX_QL_ITERATIONS) throw new InternalError(`eigh: QL iteration did not converge for eigenvalue ${l} of ${n}`);
        let g = (d[l + 1] - d[l]) / (2 * e[l]);
        let r = Math.hypot(g, 1);
        g = d[m] - d[l] + e[l] / (g + (g < 0 ? -r : r));
        let s = 1;
        let c = 1;
        let p = 0;
        let i: number;
        let underflow = false;
        for (i = m - 1; i >= l; i--) {
          const f = s * e[i];
          const b = c * e[i];
          r = Math.hypot(f, g);
          e[i + 1] = r;
          if (r === 0) {
            d[i + 1] -= p;
            e[m] = 0;
            underflow = true;
            break;
          }
          s = f / r;
          c = g / r;
          g = d[i + 1] - p;
          r = (d[i] - g) * s + 2 * c * b;
          p = s * r;
          d[i + 1] = g + p;
          g = c * r - b;
          if (zt) {
            const r0 = i * n;
            const r1 = (i + 1) * n;
            for (let k = 0; k < n; k++) {
              const zf = zt[r1 + k];
              const zi = zt[r0 + k];
              zt[r1 + k] = s * zi + c * zf;
              zt[r0 + k] = c * zi - s * zf;
            }
          }
        }
        if (underflow) continue;
        d[l] -= p;
        e[l] = g;
        e[m] = 0;
      }
    } while (m !== l);
  }
}
