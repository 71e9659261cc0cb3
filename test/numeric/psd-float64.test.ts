import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { float64 } from '../../src/numeric/float64.js';
import { decimalField } from '../../src/numeric/decimal.js';
import { eigh } from '../../src/numeric/eigh.js';
import { fromNumbers, zeros, type CMatrix } from '../../src/numeric/matrix.js';
import { provesPositiveFloat64 } from '../../src/numeric/psd-float64.js';
import { Rng } from '../../src/random/index.js';
import { fcParams } from '../arbitraries.js';

const F = float64;
const D = decimalField(50);

/** A random Hermitian matrix with eigenvalues `lambda` (float64): U diag(λ) U† with U from a QR of Gaussian columns. */
function withSpectrum(rng: Rng, lambda: number[]): CMatrix<number> {
  const n = lambda.length;
  // Gram–Schmidt on complex Gaussian vectors
  const ur: number[][] = [];
  const ui: number[][] = [];
  for (let k = 0; k < n; k++) {
    let vr = Array.from({ length: n }, () => rng.normal());
    let vi = Array.from({ length: n }, () => rng.normal());
    for (let j = 0; j < k; j++) {
      let pr = 0;
      let pi = 0;
      for (let i = 0; i < n; i++) {
        pr += ur[j][i] * vr[i] + ui[j][i] * vi[i];
        pi += ur[j][i] * vi[i] - ui[j][i] * vr[i];
      }
      vr = vr.map((x, i) => x - (pr * ur[j][i] - pi * ui[j][i]));
      vi = vi.map((x, i) => x - (pr * ui[j][i] + pi * ur[j][i]));
    }
    const norm = Math.sqrt(vr.reduce((s, x, i) => s + x * x + vi[i] * vi[i], 0));
    ur.push(vr.map((x) => x / norm));
    ui.push(vi.map((x) => x / norm));
  }
  const A = zeros(F, n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let re = 0;
      let im = 0;
      for (let k = 0; k < n; k++) {
        // u_k(i) λ_k conj(u_k(j))
        re += lambda[k] * (ur[k][i] * ur[k][j] + ui[k][i] * ui[k][j]);
        im += lambda[k] * (ui[k][i] * ur[k][j] - ur[k][i] * ui[k][j]);
      }
      A.re[i * n + j] = re;
      A.im[i * n + j] = i === j ? 0 : im;
    }
  return A;
}

describe('provesPositiveFloat64 refuses to decide', () => {
  it.each([
    ['an empty matrix', zeros(F, 0), 1e-10],
    [
      'a margin of 0',
      fromNumbers(F, [
        [1, 0],
        [0, 1],
      ]),
      0,
    ],
    [
      'a NaN margin',
      fromNumbers(F, [
        [1, 0],
        [0, 1],
      ]),
      NaN,
    ],
    [
      'an infinite margin',
      fromNumbers(F, [
        [1, 0],
        [0, 1],
      ]),
      Infinity,
    ],
    [
      'a non-finite entry',
      fromNumbers(F, [
        [Infinity, 0],
        [0, 1],
      ]),
      1e-10,
    ],
    [
      'a margin below its own rounding (exact zero eigenvalue, margin 1e-40)',
      fromNumbers(F, [
        [0.5, 0.5],
        [0.5, 0.5],
      ]),
      1e-40,
    ],
    [
      'an eigenvalue −1e-3 with margin 1e-10',
      fromNumbers(F, [
        [1, 0],
        [0, -1e-3],
      ]),
      1e-10,
    ],
  ] as const)('%s', (_, A, margin) => expect(provesPositiveFloat64(F, A, margin)).toBe(false));
});

describe('provesPositiveFloat64 proves', () => {
  it.each([
    [
      'I/2',
      fromNumbers(F, [
        [0.5, 0],
        [0, 0.5],
      ]),
      1e-12,
    ],
    [
      'an eigenvalue −1e-12 within margin 1e-10',
      fromNumbers(F, [
        [1, 0],
        [0, -1e-12],
      ]),
      1e-10,
    ],
    [
      'a rank-one state with margin 1e-12',
      fromNumbers(F, [
        [0.25, 0.25, 0.25, 0.25],
        [0.25, 0.25, 0.25, 0.25],
        [0.25, 0.25, 0.25, 0.25],
        [0.25, 0.25, 0.25, 0.25],
      ]),
      1e-12,
    ],
  ] as const)('%s', (_, A, margin) => expect(provesPositiveFloat64(F, A, margin)).toBe(true));
  it('a complex rank-one state in decimal(50)', () => {
    expect(
      provesPositiveFloat64(
        D,
        fromNumbers(
          D,
          [
            [0.5, 0],
            [0, 0.5],
          ],
          [
            [0, -0.5],
            [0.5, 0],
          ],
        ),
        1e-12,
      ),
    ).toBe(true);
  });

  it('never proves what is false, and proves what is clearly true (random spectra, cross-checked with the certified eigensolver)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 2 ** 31 }), fc.double({ min: -4, max: 4, noNaN: true }), (n, seed, shiftExp) => {
        const rng = new Rng(seed);
        const margin = 10 ** -(8 + rng.int(0, 4));
        // the smallest eigenvalue placed around −margin: below, at, above
        const lmin = -margin * 10 ** (shiftExp / 4) * (rng.next() < 0.5 ? 1 : -1);
        const lambda = [lmin, ...Array.from({ length: n - 1 }, () => rng.uniform(0, 1))];
        const A = withSpectrum(rng, lambda);
        const proved = provesPositiveFloat64(F, A, margin);
        const { values, certificate } = eigh(F, A);
        const trueMin = values[0];
        const bound = certificate!.bound;
        if (proved) expect(trueMin + bound, `n=${n}, λmin=${lmin}, margin=${margin}`).toBeGreaterThanOrEqual(-margin);
        // clearly inside: proved
        if (trueMin - bound >= -margin / 4) expect(proved, `n=${n}, λmin=${lmin}, margin=${margin}`).toBe(true);
      }),
      fcParams('psd-float64 against eigh', 300),
    );
  });
});
