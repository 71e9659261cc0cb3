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
  const rho = hilbertSchmidtState(D, new Rng(7), 128);
  const H = h0(D, 7, D.one);
  rows.push(bench('ergotropy of a random 7-qubit state (HS), 50 digits', () => ergotropy(D, rho, H), quick ? 1 : 3, { warmup: false }));
  return rows;
}
