/**
 * Regression: a 5×5 exact Hermitian matrix with eigenvalues −1, 0, 10^-21, 2·10^-21, 1 + 10^-21
 * (exact-states.ts: rational spectrum, exact rational unitary). The fixed-point kernel returned
 * the right values but paired two eigenvectors of the tiny cluster wrongly, so its certificate was
 * only 3e-21 at any precision (a QL step whose rotation rounded to nothing dropped the sign the
 * previous rotation gave the coupling); eigh, and the kernel itself, must certify to the working
 * precision, and the certified values must hold the exact spectrum.
 */
import { describe, expect, it } from 'vitest';
import { GUARD_DIGITS, decimalField } from '../../src/numeric/decimal.js';
import { certify, eigh } from '../../src/numeric/eigh.js';
import { eighKernel } from '../../src/numeric/eigh-kernel.js';
import { bitsForDigits, fixedField } from '../../src/numeric/fixed.js';
import { exactValue } from '../../src/numeric/exact-bounds.js';
import { parseRational, rabs, radd, rcmp, rsub } from '../../src/numeric/rational.js';
import { rationalToField } from '../../src/physics/density.js';
import { buildExact } from '../physics/exact-states.js';

const spec = {
  n: 5,
  kind: 'generic' as const,
  values: ['0', '1000000000000000000001/1000000000000000000000', '1/500000000000000000000', '-1', '1/1000000000000000000000'].map(parseRational),
  unitary: {
    phases: [
      [5, -1],
      [0, -2],
      [2, 0],
      [-1, -4],
      [-5, -5],
    ] as [number, number][],
    reflectors: [
      [
        [2, 1],
        [4, -3],
        [1, -1],
        [-4, 0],
        [0, -4],
      ],
      [
        [0, 3],
        [-3, -3],
        [-4, -2],
        [3, 1],
        [3, -2],
      ],
      [
        [1, 3],
        [3, 4],
        [-4, -1],
        [-4, 4],
        [3, 2],
      ],
    ] as [number, number][][],
  },
};

describe('eigh on a cluster of tiny eigenvalues', () => {
  it.each([33, 43, 60])('certifies to the working precision (%i digits) and holds the exact spectrum', (digits) => {
    const D = decimalField(digits);
    const A = rationalToField(D, buildExact(spec));
    const { values, certificate } = eigh(D, A);
    expect(certificate!.bound.toNumber()).toBeLessThan(10 ** (2 - digits));
    // A in D differs from the exact matrix by its rounding (Weyl): ≤ ‖Δ‖_F ≤ u·‖A‖_F < 10^(1−digits)
    const slack = parseRational(`1e${1 - digits}`);
    const exact = spec.values.slice().sort(rcmp);
    values.forEach((v, k) => {
      const err = rabs(rsub(exactValue(D, v), exact[k]));
      expect(rcmp(err, radd(exactValue(D, certificate!.bound), slack)) <= 0, `λ${k}: ${v.toString()}`).toBe(true);
    });
  });
});

describe('the fixed-point kernel on that cluster, itself', () => {
  // A QL step whose rotation rounds to nothing (both of its arguments below the fixed unit) must
  // leave the coupling as the previous rotation made it (sign included): before it did, the
  // standard shifts met such a step here and the vectors of the cluster came out mixed.
  it.each([
    [33, false],
    [60, false],
    [33, true],
    [60, true],
  ])('certifies to the working precision at %i digits (preset shifts: %s)', (digits, presetShifts) => {
    const D = decimalField(digits);
    const exact = buildExact(spec);
    const n = spec.n;
    const K = fixedField(bitsForDigits(digits + GUARD_DIGITS) + Math.ceil(Math.log2(n + 1)) + 24);
    // A·2^-2 (‖A‖_F = √2 ≤ 4) into K, correctly rounded from the exact entries
    const toK = (q: { num: bigint; den: bigint }) => K.fromRational({ num: q.num, den: q.den << 2n });
    const { values, vectors } = eighKernel(K, { rows: n, cols: n, re: exact.re.map(toK), im: exact.im.map(toK) }, true, undefined, { presetShifts });
    const toD = (x: bigint) => D.fromString(K.toString(x, digits + 5));
    const V = { rows: n, cols: n, re: vectors!.re.map(toD), im: vectors!.im.map(toD) };
    const c = certify(
      D,
      rationalToField(D, exact),
      V,
      values.map((x) => D.scale2(D.fromString(K.toString(x, K.digits)), 2)),
    );
    expect(c.bound.toNumber()).toBeLessThan(10 ** (2 - digits));
  });
});
