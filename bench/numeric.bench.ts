/** Benchmarks of the numeric layer (issue: foundation §6). */
import { eigh, eigvalsh } from '../src/numeric/eigh.js';
import { float64 } from '../src/numeric/float64.js';
import { decimalField } from '../src/numeric/decimal.js';
import { adjoint, add, type CMatrix } from '../src/numeric/matrix.js';
import type { Field } from '../src/numeric/field.js';
import { Rng } from '../src/random/rng.js';
import { ginibre } from '../src/random/ginibre.js';
import { hilbertSchmidtState } from '../src/random/mixed.js';
import { h0 } from '../src/physics/qubits.js';
import { ergotropy } from '../src/physics/ergotropy.js';
import { SimdKernels } from '../src/numeric/simd/kernels.js';
import { bench, type BenchRow } from './harness.js';

function randomHermitian<T>(F: Field<T>, n: number, seed: number): CMatrix<T> {
  const G = ginibre(F, new Rng(seed), n);
  return add(F, G, adjoint(F, G));
}

// mpmath at 50 digits on a 2-core machine, as measured in the issue (random complex Hermitian).
const MPMATH: Record<number, string> = {
  16: 'mpmath 0.027 s values / 0.091 s vectors',
  64: 'mpmath 1.1 s values / 4.2 s vectors',
  128: 'mpmath ≈3 s values only (real symmetric)',
};

/** C += A B (n × n, row-major) by the plain loop that SimdKernels.matmulAdd reproduces bit for bit. */
function naiveMatmulAdd(A: Float64Array, B: Float64Array, C: Float64Array, n: number): void {
  for (let i = 0; i < n; i++)
    for (let p = 0; p < n; p++) {
      const a = A[i * n + p];
      for (let j = 0; j < n; j++) C[i * n + j] += a * B[p * n + j];
    }
}

/** One n × n product C += A B: the naive JavaScript loop against the SIMD kernel, per product. */
export function benchMatmul(n: number, quick: boolean): BenchRow[] {
  const rng = new Rng(n, ['matmul-bench']);
  // integer slices of at most 23 bits, the mixed-precision refinement's operands
  const slice = () => Float64Array.from({ length: n * n }, () => rng.int(-(2 ** 22), 2 ** 22));
  const [A, B, C] = [slice(), slice(), new Float64Array(n * n)];
  const g = new SimdKernels();
  g.reserve(3 * n * n);
  g.f64.set(A, 0);
  g.f64.set(B, n * n);
  // each timed run does about 2^21 multiply-adds, so the small size is not at the timer's resolution
  const reps = Math.max(1, Math.round(2 ** 21 / n ** 3));
  const runs = quick ? 5 : 21;
  const perProduct = (row: BenchRow): BenchRow => ({ ...row, medianMs: row.medianMs / reps });
  const js = perProduct(
    bench(
      `matmulAdd n=${n}: naive JS loop, per product`,
      () => {
        for (let r = 0; r < reps; r++) naiveMatmulAdd(A, B, C, n);
      },
      runs,
    ),
  );
  const simd = perProduct(
    bench(
      `matmulAdd n=${n}: WebAssembly SIMD, per product`,
      () => {
        for (let r = 0; r < reps; r++) g.matmulAdd(0, n * n, 2 * n * n, n, n, n);
      },
      runs,
    ),
  );
  const rate = (row: BenchRow) => `${(n ** 3 / row.medianMs / 1e6).toFixed(2)} G multiply-adds/s`;
  const time = (row: BenchRow) => (row.medianMs < 1 ? `${(1000 * row.medianMs).toFixed(1)} µs` : `${row.medianMs.toFixed(2)} ms`);
  js.reference = `${time(js)}, ${rate(js)}`;
  simd.reference = `${time(simd)}, ${rate(simd)}: ${(js.medianMs / simd.medianMs).toFixed(1)}× the naive loop`;
  return [js, simd];
}

export function benchNumeric(quick = false): BenchRow[] {
  const D = decimalField(50);
  const rows: BenchRow[] = [];
  for (const n of quick ? [4, 16] : [4, 16, 64, 128]) {
    const A = randomHermitian(D, n, n);
    const runs = n <= 16 ? 9 : n <= 64 ? 3 : 1;
    rows.push(bench(`eigh 50 digits n=${n}: values only`, () => eigvalsh(D, A), runs, { reference: MPMATH[n] }));
    rows.push(bench(`eigh 50 digits n=${n}: values+vectors`, () => eigh(D, A, { certify: false }), runs, { warmup: n <= 64 }));
    rows.push(bench(`eigh 50 digits n=${n}: values+vectors+certificate`, () => eigh(D, A), runs, { warmup: n <= 64 }));
  }
  for (const n of quick ? [128] : [128, 1024]) {
    const A = randomHermitian(float64, n, n);
    rows.push(bench(`eigh float64 n=${n}: values+vectors`, () => eigh(float64, A, { certify: false }), n > 512 ? 1 : 5, { warmup: n <= 512 }));
    if (n <= 512) rows.push(bench(`eigh float64 n=${n}: values+vectors+certificate`, () => eigh(float64, A), 5));
  }
  for (const n of [64, 128]) rows.push(...benchMatmul(n, quick));
  const rho = hilbertSchmidtState(D, new Rng(7), 128);
  const H = h0(D, 7, D.one);
  rows.push(bench('ergotropy of a random 7-qubit state (HS), 50 digits', () => ergotropy(D, rho, H), quick ? 1 : 3, { warmup: false }));
  return rows;
}
