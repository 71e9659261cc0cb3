import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { float64 } from '../../src/numeric/float64.js';
import { decimalField } from '../../src/numeric/decimal.js';
import type { Field } from '../../src/numeric/field.js';
import { add, mul, sub, type CMatrix } from '../../src/numeric/matrix.js';
import { jMinus, jPlus, jz } from '../../src/physics/qubits.js';
import { sectorOf, spinBasis, spinBasisVector, spinFamily } from '../../src/physics/spin-basis.js';
import { binomial, type StateVector } from '../../src/physics/states.js';

const F = float64;
const D50 = decimalField(50);

/** Operator times vector, through the dense matrix product of matrix.ts. */
function apply<T>(K: Field<T>, A: CMatrix<T>, v: StateVector<T>): StateVector<T> {
  const r = mul(K, A, { rows: v.re.length, cols: 1, re: v.re.slice(), im: v.im.slice() });
  return { re: r.re, im: r.im };
}
const maxAbs = <T>(K: Field<T>, v: StateVector<T>): number => Math.max(...v.re.map((x, i) => Math.hypot(K.toNumber(x), K.toNumber(v.im[i]))));
const axpy = <T>(K: Field<T>, a: T, x: StateVector<T>, y: StateVector<T>): StateVector<T> => ({
  re: y.re.map((v, i) => K.sub(v, K.mul(a, x.re[i]))),
  im: y.im.map((v, i) => K.sub(v, K.mul(a, x.im[i]))),
});

describe('spinBasis: refuses', () => {
  it.each([
    ['N = 0', () => spinBasis(F, 0), InputError, /integer in \[1, 12\], got 0/],
    ['N = 13 (dense limit)', () => spinBasis(F, 13), InputError, /got 13/],
    ['a fractional N', () => spinBasis(F, 2.5), InputError, /got 2.5/],
    ['a spin that N qubits do not have', () => spinFamily(spinBasis(F, 3), 2), RangeError, /no total spin j = 2\/2/],
    ['a depth outside [0, 2j]', () => spinBasisVector(spinBasis(F, 3), 1, 2, 0), RangeError, /depth must be an integer in \[0, 1\]/],
    ['a multiplicity label out of range', () => spinBasisVector(spinBasis(F, 3), 1, 0, 2), RangeError, /α must be an integer in \[0, 1\]/],
  ])('%s', (_, run, type, message) => {
    expect(run).toThrow(type);
    expect(run).toThrow(message);
  });
});

describe('spinBasis: tables', () => {
  it.each(Array.from({ length: 12 }, (_, i) => i + 1))(
    'N = %i: spins N/2, N/2 − 1, … with multiplicities C(N, k) − C(N, k − 1), k = N/2 − j, filling 2^N',
    (N) => {
      const b = spinBasis(F, N);
      const want = [];
      for (let k = 0; 2 * k <= N; k++) want.push({ twoJ: N - 2 * k, multiplicity: binomial(N, k) - binomial(N, k - 1) });
      expect(b.families.map((f) => ({ twoJ: f.twoJ, multiplicity: f.multiplicity }))).toEqual(want);
      expect(b.families.reduce((s, f) => s + (f.twoJ + 1) * f.multiplicity, 0)).toBe(2 ** N);
      for (const f of b.families)
        for (let d = 0; d <= f.twoJ; d++) {
          expect(f.vectors[d]).toHaveLength(f.multiplicity);
          for (const v of f.vectors[d]) expect(v).toHaveLength(binomial(N, sectorOf(N, f.twoJ, d)));
        }
    },
  );
  it('N = 2: |1, 1⟩ = |11⟩, |1, 0⟩ = ψ+, |1, −1⟩ = |00⟩ and |0, 0⟩ = ±ψ− (order |11⟩, |10⟩, |01⟩, |00⟩)', () => {
    const b = spinBasis(F, 2);
    const s = Math.SQRT1_2;
    expect(spinBasisVector(b, 2, 2, 0).re).toEqual([1, 0, 0, 0]);
    expect(spinBasisVector(b, 2, 0, 0).re).toEqual([0, 0, 0, 1]);
    spinBasisVector(b, 2, 1, 0).re.forEach((x, i) => expect(x).toBeCloseTo([0, s, s, 0][i], 15));
    const singlet = spinBasisVector(b, 0, 0, 0).re;
    expect(Math.abs(singlet[1] + singlet[2]) + Math.abs(singlet[0]) + Math.abs(singlet[3])).toBe(0);
    expect(Math.abs(singlet[1])).toBeCloseTo(s, 15);
  });
  it('is cached per (field, N): the same object comes back, and fields do not share it', () => {
    expect(spinBasis(F, 5)).toBe(spinBasis(F, 5));
    expect(spinBasis(D50, 2)).toBe(spinBasis(D50, 2));
    expect(spinBasis(D50, 2)).not.toBe(spinBasis(F, 2) as unknown);
  });
});

describe('spinBasis: the defining properties, against the dense J±, J_z of qubits.ts', () => {
  // Tolerances: entries carry O(N) roundings of magnitude ≤ 1, sums have ≤ C(N, N/2) terms.
  // (the field is looked up by name: vitest would call a Field's own toString when formatting the title)
  const fields: Record<string, Field<any>> = { float64: F, 'decimal(50)': D50 };
  const cases: [string, number, number][] = [
    ['float64', 8, 1e-14],
    ['decimal(50)', 4, 1e-47],
  ];
  it.each(cases)('%s: orthonormal within each excitation sector (Gram matrix = I), N ≤ %i', (name, maxN, tol) => {
    const K = fields[name];
    for (let N = 1; N <= maxN; N++) {
      const b = spinBasis(K, N);
      for (let k = 0; k <= N; k++) {
        const vs = b.families.flatMap((f) => {
          const d = k - (N - f.twoJ) / 2;
          return d >= 0 && d <= f.twoJ ? f.vectors[d] : [];
        });
        expect(vs).toHaveLength(binomial(N, k));
        for (let a = 0; a < vs.length; a++)
          for (let c = a; c < vs.length; c++) {
            let s = K.zero;
            for (let x = 0; x < vs[a].length; x++) s = K.add(s, K.mul(vs[a][x], vs[c][x]));
            expect(Math.abs(K.toNumber(s) - (a === c ? 1 : 0))).toBeLessThan(tol);
          }
      }
    }
  });
  it.each(cases)('%s: J+|j, j, α⟩ = 0, J−|j, m, α⟩ = √((j+m)(j−m+1))|j, m−1, α⟩, J² = j(j+1), J_z = m, N ≤ min(%i, 6)', (name, maxN, tol) => {
    const K = fields[name];
    for (let N = 1; N <= Math.min(maxN, 6); N++) {
      const b = spinBasis(K, N);
      const Jp = jPlus(K, N);
      const Jm = jMinus(K, N);
      const Jz = jz(K, N);
      const J2 = add(K, mul(K, Jp, Jm), sub(K, mul(K, Jz, Jz), Jz)); // J² = J+J− + J_z² − J_z
      for (const f of b.families)
        for (let alpha = 0; alpha < f.multiplicity; alpha++) {
          expect(maxAbs(K, apply(K, Jp, spinBasisVector(b, f.twoJ, f.twoJ, alpha)))).toBeLessThan(tol);
          for (let d = 0; d <= f.twoJ; d++) {
            const v = spinBasisVector(b, f.twoJ, d, alpha);
            const j = f.twoJ / 2;
            expect(maxAbs(K, axpy(K, K.fromNumber(j * (j + 1)), v, apply(K, J2, v)))).toBeLessThan(10 * tol);
            expect(maxAbs(K, axpy(K, K.fromNumber(d - j), v, apply(K, Jz, v)))).toBeLessThan(tol);
            if (d > 0) {
              const c = K.sqrt(K.fromNumber(d * (f.twoJ - d + 1)));
              expect(maxAbs(K, axpy(K, c, spinBasisVector(b, f.twoJ, d - 1, alpha), apply(K, Jm, v)))).toBeLessThan(10 * tol);
            }
          }
        }
    }
  });
});
