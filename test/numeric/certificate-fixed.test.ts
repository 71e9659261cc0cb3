/**
 * The fixed-point residual bounds against the generic ones (certificate.ts) run in
 * fixedField(gBits) on V shifted up to gBits: the same numbers, bit for bit, on seeded random
 * integer matrices of every sign and on the kernel's own eigenpairs.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { residualBounds } from '../../src/numeric/certificate.js';
import { residualBoundsFixed } from '../../src/numeric/certificate-fixed.js';
import { eighKernel } from '../../src/numeric/eigh-kernel.js';
import { fixedField } from '../../src/numeric/fixed.js';
import type { CMatrix } from '../../src/numeric/matrix.js';
import { Rng } from '../../src/random/rng.js';
import { randomBig } from './random-big.js';

const shifted = (V: CMatrix<bigint>, s: number): CMatrix<bigint> => ({ ...V, re: V.re.map((x) => x << BigInt(s)), im: V.im.map((x) => x << BigInt(s)) });

describe('residualBoundsFixed', () => {
  it('refuses a V finer than G', () => {
    const Z: CMatrix<bigint> = { rows: 1, cols: 1, re: [0n], im: [0n] };
    expect(() => residualBoundsFixed(64, 65, Z, Z, [0n])).toThrow(/vBits ≤ gBits/);
  });

  it('equals the generic bounds bit for bit (seeded random matrices, one and several packed groups, both signs of 2·vBits − gBits)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 8, max: 19 })),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.constantFrom([96, 80], [96, 40], [64, 64], [120, 100]),
        (n, seed, [gBits, vBits]) => {
          const rng = new Rng(seed, ['certificate-fixed']);
          const m = (bits: number) => Array.from({ length: n * n }, () => randomBig(rng, bits));
          const A: CMatrix<bigint> = { rows: n, cols: n, re: m(gBits), im: m(gBits) };
          const V: CMatrix<bigint> = { rows: n, cols: n, re: m(vBits), im: m(vBits) };
          const values = Array.from({ length: n }, () => randomBig(rng, gBits));
          const mine = residualBoundsFixed(gBits, vBits, A, V, values);
          const generic = residualBounds(fixedField(gBits), A, shifted(V, gBits - vBits), values);
          expect(mine).toEqual(generic);
        },
      ),
      { numRuns: 40, seed: 20261204 },
    );
  });

  it('equals the generic bounds on the kernel eigenpairs of a Hermitian matrix (tiny residuals)', () => {
    const K = fixedField(120);
    const n = 6;
    const rng = new Rng(7, ['certificate-fixed-kernel']);
    const re: bigint[] = new Array(n * n);
    const im: bigint[] = new Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j <= i; j++) {
        re[i * n + j] = re[j * n + i] = K.fromNumber(rng.int(-50, 50) / 400);
        const y = i === j ? 0n : K.fromNumber(rng.int(-50, 50) / 400);
        im[i * n + j] = y;
        im[j * n + i] = -y;
      }
    const A: CMatrix<bigint> = { rows: n, cols: n, re, im };
    const { values, vectors } = eighKernel(K, A, true);
    const G = 184;
    const AG = shifted(A, G - 120);
    const vG = values.map((x) => x << BigInt(G - 120));
    const mine = residualBoundsFixed(G, 120, AG, vectors!, vG);
    expect(mine).toEqual(residualBounds(fixedField(G), AG, shifted(vectors!, G - 120), vG));
    // a decomposition this good has residuals of order n·2^-120 in G's unit 2^-184
    expect(mine.r1 < 1n << 74n).toBe(true);
    expect(mine.e1 < 1n << 74n).toBe(true);
  });
});
