/**
 * The float64 Hermitian eigendecomposition of eigh-float64.ts (Householder reduction to real
 * tridiagonal form, implicit QL, back-transformation) in WebAssembly (simd/kernels.wat, `heev`).
 * WebAssembly is compiled before its first call, so a process that decomposes one matrix does not
 * pay for the JavaScript kernel's cold (interpreted) run; the refinement (eigh.ts) starts from it.
 * Backward stable like its reference: values within a small multiple of n·u·‖A‖ of A's, vectors
 * orthonormal to a small multiple of n·u. Tested against eighFloat64Kernel in
 * test/numeric/eigh-float64-wasm.test.ts.
 */
import { InternalError } from '../errors.js';
import type { CMatrix } from './matrix.js';
import { SimdKernels } from './simd/kernels.js';

/** Eigenvalues (ascending) and eigenvectors (the columns, in the same order) of the Hermitian A (lower triangle read). */
export function eighFloat64Wasm(A: CMatrix<number>): { values: number[]; vectors: CMatrix<number> } {
  const n = A.rows;
  if (A.cols !== n || A.re.length !== n * n || A.im.length !== n * n)
    throw new RangeError(`eighFloat64Wasm: a ${A.rows} × ${A.cols} matrix with ${A.re.length} + ${A.im.length} entries is not square`);
  if (n === 0) return { values: [], vectors: { rows: 0, cols: 0, re: [], im: [] } };
  // a fresh instance per call: its memory (7n² + 8n doubles) is released with it
  const k = new SimdKernels();
  k.reserve(SimdKernels.heevSlots(n));
  let f = k.f64;
  const nn = n * n;
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      f[i * n + j] = A.re[i * n + j];
      f[nn + i * n + j] = i === j ? 0 : A.im[i * n + j];
    }
  if (!k.heev(0, n)) throw new InternalError(`eigh: QL iteration did not converge (n = ${n})`);
  f = k.f64;
  const d = 7 * nn;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => f[d + a] - f[d + b]);
  const values = order.map((i) => f[d + i]);
  const re: number[] = new Array(nn);
  const im: number[] = new Array(nn);
  const wr = 5 * nn;
  const wi = 6 * nn;
  for (let i = 0; i < n; i++)
    for (let c = 0; c < n; c++) {
      re[i * n + c] = f[wr + i * n + order[c]];
      im[i * n + c] = f[wi + i * n + order[c]];
    }
  return { values, vectors: { rows: n, cols: n, re, im } };
}
