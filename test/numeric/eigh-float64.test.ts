import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eighFloat64Kernel } from '../../src/numeric/eigh-float64.js';
import { eighKernel } from '../../src/numeric/eigh-kernel.js';
import { float64 } from '../../src/numeric/float64.js';
import { certify } from '../../src/numeric/eigh.js';
import { adjoint, add, diag, mul, type CMatrix } from '../../src/numeric/matrix.js';
import { Rng } from '../../src/random/rng.js';
import { ginibre } from '../../src/random/ginibre.js';
import { haarUnitary } from '../../src/random/haar.js';

/** The specialised float64 kernel against the generic kernel run in float64 (same algorithm). */
function randomHermitian(seed: number, n: number): CMatrix<number> {
  const G = ginibre(float64, new Rng(seed), n);
  return add(float64, G, adjoint(float64, G));
}

describe('eighFloat64Kernel', () => {
  it('handles the empty and 1×1 matrices', () => {
    expect(eighFloat64Kernel({ rows: 0, cols: 0, re: [], im: [] }, true).values).toEqual([]);
    expect(eighFloat64Kernel({ rows: 1, cols: 1, re: [-2.5], im: [0] }, true).values).toEqual([-2.5]);
  });
  it('agrees with the generic kernel and certifies its own eigenpairs (random, degenerate, clustered)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 }), fc.nat(), fc.constantFrom('random', 'degenerate', 'clustered'), (n, seed, kind) => {
        let A: CMatrix<number>;
        if (kind === 'random') A = randomHermitian(seed, n);
        else {
          const U = haarUnitary(float64, new Rng(seed), n);
          const spec = Array.from({ length: n }, (_, k) => (kind === 'degenerate' ? Math.floor(k / 3) : 1 + k * 1e-13));
          A = mul(float64, mul(float64, U, diag(float64, spec)), adjoint(float64, U));
        }
        const fast = eighFloat64Kernel(A, true);
        const generic = eighKernel(float64, A, true);
        const cert = certify(float64, A, fast.vectors!, fast.values);
        expect(cert.valid).toBe(true);
        fast.values.forEach((v, k) => expect(Math.abs(v - generic.values[k])).toBeLessThanOrEqual(2 * cert.bound));
      }),
      { numRuns: 80, seed: 20261125 },
    );
  });
  it('values-only mode gives the same values', () => {
    const A = randomHermitian(3, 17);
    const a = eighFloat64Kernel(A, false).values;
    const b = eighFloat64Kernel(A, true).values;
    a.forEach((v, k) => expect(Math.abs(v - b[k])).toBeLessThan(1e-12));
  });
});

describe('residualBoundsFloat64', () => {
  it('gives the generic float64 bounds (same model, other summation order) on random and degenerate matrices', async () => {
    const { residualBounds, residualBoundsFloat64 } = await import('../../src/numeric/certificate.js');
    for (const [seed, n] of [
      [1, 1],
      [2, 5],
      [3, 16],
      [4, 40],
    ]) {
      const A = randomHermitian(seed, n);
      const { values, vectors } = eighFloat64Kernel(A, true);
      const g = residualBounds(float64, A, vectors!, values);
      const f = residualBoundsFloat64(A, vectors!, values);
      for (const k of ['r1', 'rInf', 'e1', 'eInf', 'a1', 'aInf', 'lambdaMax'] as const) {
        expect(Math.abs(f[k] - g[k]), `${k} n=${n}`).toBeLessThanOrEqual(1e-9 * Math.max(g[k], 1e-300));
      }
    }
  });
});
