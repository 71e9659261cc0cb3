/**
 * The fixed-point kernel with vectors shifts its QL sweeps by eigenvalues found beforehand (values
 * only): on exact states of every kind of spectrum (generic, degenerate, clustered to 1e-20…1e-28,
 * rank-deficient) it must still certify to its working precision and hold the exact spectrum, and
 * on a generic matrix it must rotate Z about once per eigenvalue (counted, not timed).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decimalField } from '../../src/numeric/decimal.js';
import { eigh } from '../../src/numeric/eigh.js';
import { eighKernel } from '../../src/numeric/eigh-kernel.js';
import { exactValue } from '../../src/numeric/exact-bounds.js';
import { fixedField, type FixedField } from '../../src/numeric/fixed.js';
import type { CMatrix } from '../../src/numeric/matrix.js';
import { parseRational, rabs, radd, rcmp, rsub } from '../../src/numeric/rational.js';
import { rationalToField } from '../../src/physics/density.js';
import { Rng } from '../../src/random/rng.js';
import { buildExact, stateArb } from '../physics/exact-states.js';

describe('eigh with eigenvalue shifts', () => {
  it('certifies to working precision and holds the exact spectrum, every kind of spectrum (n = 3…7)', () => {
    const D = decimalField(40);
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 7 }).chain((n) => stateArb(n)),
        (spec) => {
          const A = rationalToField(D, buildExact(spec));
          const { values, certificate } = eigh(D, A);
          expect(certificate!.valid).toBe(true);
          expect(certificate!.bound.toNumber()).toBeLessThan(1e-38);
          // A in D is the exact state rounded: its eigenvalues move by ≤ ‖Δ‖_F < 10^-39 (Weyl)
          const slack = radd(exactValue(D, certificate!.bound), parseRational('1e-39'));
          const exact = spec.values.slice().sort(rcmp);
          values.forEach((v, k) => expect(rcmp(rabs(rsub(exactValue(D, v), exact[k])), slack) <= 0, `λ${k} of a ${spec.kind} state`).toBe(true));
        },
      ),
      { numRuns: 40, seed: 20261204 },
    );
  });

  it('rotates Z about once per eigenvalue on a generic 24×24 matrix', () => {
    const n = 24;
    const K0 = fixedField(160);
    let products = 0;
    const K: FixedField = {
      ...K0,
      mulWide: (a, b) => {
        products++;
        return a * b;
      },
    };
    const rng = new Rng(11, ['eigh-shifts']);
    const re: bigint[] = new Array(n * n);
    const im: bigint[] = new Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j <= i; j++) {
        re[i * n + j] = re[j * n + i] = K0.fromNumber(rng.int(-99, 99) / 2000);
        const y = i === j ? 0n : K0.fromNumber(rng.int(-99, 99) / 2000);
        im[i * n + j] = y;
        im[j * n + i] = -y;
      }
    const A: CMatrix<bigint> = { rows: n, cols: n, re, im };
    eighKernel(K, A, false);
    const householder = products;
    products = 0;
    eighKernel(K, A, true);
    // with vectors: the same reduction, the back-transformation (8 products per entry of the
    // columns each reflector touches), and 4n per rotation of Z; one sweep per eigenvalue is Σ(n − l) ≈ n²/2
    // rotations (276 here), the standard shifts take about three times as many (887)
    const backTransform = 8 * n * ((n * (n - 1)) / 2 - 1);
    const rotations = (products - householder - backTransform) / (4 * n);
    expect(rotations).toBeGreaterThan(0);
    expect(rotations).toBeLessThan(0.75 * n * n);
  });
});
