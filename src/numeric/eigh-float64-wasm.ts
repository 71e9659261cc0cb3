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

let kernels: SimdKernels | null = null;
const RETAINED_SLOTS = 2 ** 21;

/** Eigenvalues (ascending) and eigenvectors (the columns, in the same order) of the Hermitian A (lower triangle read). */
export function eighFloat64Wasm(A: CMatrix<number>): { values: number[]; vectors: CMatrix<number> } {
  const n = A.rows;
  if (A.cols !== n || A.re.length !== n * n || A.im.length !== n * n)
    throw new RangeError(`eighFloat64Wasm: a ${A.rows} × ${A.cols} matrix with ${A.re.length} + ${A.im.length} entries is not square`);
  const r = heevWasm(n, A.re, A.im);
  return { values: Array.from(r.values), vectors: { rows: n, cols: n, re: Array.from(r.re), im: Array.from(r.im) } };
}

/**
 * eighFloat64Wasm on row-major parts re and im (n² each, checked by the caller), as typed arrays:
 * the values, and the vectors' real and imaginary parts (columns, row-major).
 */
export function heevWasm(n: number, re: ArrayLike<number>, im: ArrayLike<number>): { values: Float64Array; re: Float64Array; im: Float64Array } {
  if (n === 0) return { values: new Float64Array(0), re: new Float64Array(0), im: new Float64Array(0) };
  // the workspace (7n² + 8n doubles) stays for the next call up to n = 547 (the refinement's sizes);
  // a larger one goes with its own instance
  const slots = SimdKernels.heevSlots(n);
  const k = slots <= RETAINED_SLOTS ? (kernels ??= new SimdKernels()) : new SimdKernels();
  k.reserve(slots);
  const f = k.f64;
  const nn = n * n;
  // only the strict lower triangle and the real diagonal are read
  f.set(re, 0);
  f.set(im, nn);
  if (!k.heev(0, n)) throw new InternalError(`eigh: QL iteration did not converge (n = ${n})`);
  // heev does not grow the memory: f is still its view
  return { values: f.slice(7 * nn, 7 * nn + n), re: f.slice(5 * nn, 6 * nn), im: f.slice(6 * nn, 7 * nn) };
}
