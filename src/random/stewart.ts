/**
 * Haar-random unitaries applied without being formed (float64, typed arrays), and the Bures
 * factor built on them: what makes Bures samples affordable at 10^5 per N (figures/samples.ts).
 *
 * Householder QR of a Ginibre matrix Z gives Z = H_0 H_1 ⋯ H_{n−1} R, where H_k reflects the
 * k-th column of the partly reduced Z, x^k ∈ C^{n−k}, onto −e^{iθ_k}‖x^k‖ e_0 (θ_k = arg x^k_0), and
 * U = H_0 ⋯ H_{n−1} Λ, Λ = diag(R_kk/|R_kk|) = diag(−e^{iθ_k}), is Haar (F. Mezzadri, Notices AMS 54,
 * 592 (2007)). Each x^k is a standard Gaussian vector independent of the earlier ones (the
 * reflections depend only on earlier columns and Gaussian vectors are unitarily invariant), so
 * drawing the x^k directly gives the same law (G. W. Stewart, SIAM J. Numer. Anal. 17, 403 (1980),
 * for the real case). Applying U to an n × m matrix then costs ≈ n²m complex multiply-adds instead
 * of forming U by orthogonalisation (≈ 2n³) and multiplying (n²m); the reflections run in the
 * WebAssembly SIMD kernel of numeric/simd (several times faster than JavaScript loops; see
 * `npm run bench`).
 */
import { InternalError } from '../errors.js';
import { assertDimension } from './internal.js';
import type { Rng } from './rng.js';
import { SimdKernels } from '../numeric/simd/kernels.js';

/** A complex matrix, row-major, as two float64 arrays. */
export interface CArrays {
  readonly re: Float64Array;
  readonly im: Float64Array;
}

/** The reflection vectors x^0 … x^{n−1} of a Haar unitary (x^k has n − k standard complex Gaussian entries). */
export interface HaarReflections {
  readonly n: number;
  /** x^k at offset k·n − k(k − 1)/2 … (lengths n, n − 1, …, 1). */
  readonly re: Float64Array;
  readonly im: Float64Array;
}

const offset = (n: number, k: number): number => k * n - (k * (k - 1)) / 2;

/** Draw the reflections of an n × n Haar unitary: n(n + 1)/2 standard complex Gaussians, N(0, 1)/√2 pairs. */
export function haarReflections(rng: Rng, n: number): HaarReflections {
  assertDimension('haarReflections', 'n', n);
  const size = (n * (n + 1)) / 2;
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  for (let q = 0; q < size; q++) {
    re[q] = rng.normal() * Math.SQRT1_2;
    im[q] = rng.normal() * Math.SQRT1_2;
  }
  return { n, re, im };
}

/** The SIMD kernels of this thread (one WebAssembly memory, grown as needed). */
let simd: SimdKernels | null = null;

/** B ← U B in place, U = H_0 ⋯ H_{n−1} Λ the Haar unitary of `h`; B is n × m row-major. */
export function applyHaar(h: HaarReflections, B: CArrays, m: number): void {
  const { n } = h;
  if (!(Number.isSafeInteger(m) && m >= 1) || B.re.length !== n * m || B.im.length !== n * m) throw new RangeError(`applyHaar: B must be ${n} × ${m}`);
  const k = (simd ??= new SimdKernels());
  const mp = m + (m & 1); // the kernel takes column pairs: an odd m gets a zero column
  const v = n * 2 * mp;
  const w = v + 2 * n;
  k.reserve(w + 2 * mp);
  const mem = k.f64;
  mem.fill(0, 0, w + 2 * mp);
  // B into split rows, multiplied by Λ = diag(−e^{iθ_k}) on the way (U acts as H_0 ⋯ H_{n−1} Λ)
  for (let r = 0; r < n; r++) {
    const o = offset(n, r);
    const a = Math.hypot(h.re[o], h.im[o]);
    if (a === 0) throw new InternalError('applyHaar: a reflection vector starts with 0 (probability 0 for Gaussian draws)');
    const pr = -h.re[o] / a;
    const pi = -h.im[o] / a;
    for (let c = 0; c < m; c++) {
      const xr = B.re[r * m + c];
      const xi = B.im[r * m + c];
      mem[r * 2 * mp + c] = pr * xr - pi * xi;
      mem[r * 2 * mp + mp + c] = pr * xi + pi * xr;
    }
  }
  // then H_{n−1}, …, H_0: H_r = I − τ v v† on rows r …, v = x + e^{iθ}‖x‖ e_0, τ = 2/‖v‖²
  for (let r = n - 1; r >= 0; r--) {
    const o = offset(n, r);
    const len = n - r;
    let norm2 = 0;
    for (let q = 0; q < len; q++) {
      mem[v + q] = h.re[o + q];
      mem[v + len + q] = h.im[o + q];
      norm2 += h.re[o + q] ** 2 + h.im[o + q] ** 2;
    }
    const grow = 1 + Math.sqrt(norm2) / Math.hypot(h.re[o], h.im[o]);
    mem[v] *= grow;
    mem[v + len] *= grow;
    const vnorm2 = norm2 - (h.re[o] ** 2 + h.im[o] ** 2) + mem[v] ** 2 + mem[v + len] ** 2;
    k.reflect(r * 2 * mp, mp, len, v, 2 / vnorm2, w);
  }
  for (let r = 0; r < n; r++)
    for (let c = 0; c < m; c++) {
      B.re[r * m + c] = mem[r * 2 * mp + c];
      B.im[r * m + c] = mem[r * 2 * mp + mp + c];
    }
}

/**
 * A = (I + U) G for G an n × n Ginibre matrix (drawn first, row-major, N(0, 1)/√2 pairs) and U
 * Haar (its reflections drawn next): ρ = A A†/Tr(A A†) is Bures-distributed (V. A. Osipov,
 * H.-J. Sommers and K. Życzkowski, J. Phys. A 43, 055302 (2010)), the law of `buresState`.
 */
export function buresFactor(rng: Rng, n: number): CArrays {
  assertDimension('buresFactor', 'n', n);
  const re = new Float64Array(n * n);
  const im = new Float64Array(n * n);
  for (let q = 0; q < n * n; q++) {
    re[q] = rng.normal() * Math.SQRT1_2;
    im[q] = rng.normal() * Math.SQRT1_2;
  }
  const B = { re: re.slice(), im: im.slice() };
  applyHaar(haarReflections(rng, n), B, n);
  for (let q = 0; q < n * n; q++) {
    B.re[q] += re[q];
    B.im[q] += im[q];
  }
  return B;
}
