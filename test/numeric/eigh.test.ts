import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eigh, eigvalsh, certify } from '../../src/numeric/eigh.js';
import { eighKernel } from '../../src/numeric/eigh-kernel.js';
import { float64 } from '../../src/numeric/float64.js';
import { decimalField } from '../../src/numeric/decimal.js';
import { fixedField } from '../../src/numeric/fixed.js';
import type { Field } from '../../src/numeric/field.js';
import { adjoint, add, convertMatrix, diag, fromNumbers, identity, maxAbs, mul, sub, zeros, type CMatrix } from '../../src/numeric/matrix.js';
import { Rng } from '../../src/random/rng.js';
import { ginibre } from '../../src/random/ginibre.js';
import { haarUnitary } from '../../src/random/haar.js';

const D50 = decimalField(50);
const D80 = decimalField(80);

/** U diag(spectrum) U† with a Haar U drawn from `seed`: a Hermitian matrix with known eigenvalues. */
function withSpectrum<T>(F: Field<T>, seed: number, spectrum: readonly T[]): CMatrix<T> {
  const U = haarUnitary(F, new Rng(seed), spectrum.length);
  return mul(F, mul(F, U, diag(F, spectrum)), adjoint(F, U));
}

/** A random Hermitian matrix (G + G†)/2. */
function randomHermitian<T>(F: Field<T>, seed: number, n: number): CMatrix<T> {
  const G = ginibre(F, new Rng(seed), n);
  const H = add(F, G, adjoint(F, G));
  return { ...H, re: H.re.map((x) => F.scale2(x, -1)), im: H.im.map((x) => F.scale2(x, -1)) };
}

describe('eigh refuses', () => {
  it('a non-square matrix', () => {
    expect(() => eigh(float64, zeros(float64, 2, 3))).toThrow(/not square/);
  });
  it('a non-finite entry', () => {
    expect(() =>
      eigh(
        float64,
        fromNumbers(float64, [
          [1, NaN],
          [NaN, 1],
        ]),
      ),
    ).toThrow(/non-finite/);
  });
  it('a fixed-point field (the kernel serves it directly)', () => {
    expect(() => eigh(fixedField(64), zeros(fixedField(64), 2))).toThrow(/eighKernel/);
  });
  it('mismatched claimed eigenpairs in certify', () => {
    expect(() => certify(float64, identity(float64, 2), identity(float64, 3), [1, 1])).toThrow(/n×n/);
  });
});

describe('eigh on hand-checkable matrices', () => {
  const cases: { name: string; re: number[][]; im?: number[][]; values: number[] }[] = [
    { name: '1×1', re: [[-3]], values: [-3] },
    {
      name: 'zero 3×3',
      re: [
        [0, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
      ],
      values: [0, 0, 0],
    },
    {
      name: 'identity 4×4 (fully degenerate)',
      re: [
        [1, 0, 0, 0],
        [0, 1, 0, 0],
        [0, 0, 1, 0],
        [0, 0, 0, 1],
      ],
      values: [1, 1, 1, 1],
    },
    {
      name: 'unsorted diagonal',
      re: [
        [3, 0, 0],
        [0, -1, 0],
        [0, 0, 2],
      ],
      values: [-1, 2, 3],
    },
    {
      name: 'Pauli X',
      re: [
        [0, 1],
        [1, 0],
      ],
      values: [-1, 1],
    },
    {
      name: 'Pauli Y',
      re: [
        [0, 0],
        [0, 0],
      ],
      im: [
        [0, -1],
        [1, 0],
      ],
      values: [-1, 1],
    },
    {
      name: 'projector on (1,1,1)/√3 (rank one)',
      re: [
        [1 / 3, 1 / 3, 1 / 3],
        [1 / 3, 1 / 3, 1 / 3],
        [1 / 3, 1 / 3, 1 / 3],
      ],
      values: [0, 0, 1],
    },
  ];
  for (const F of [float64, D50] as Field<unknown>[]) {
    it.each(cases)(`${F.name}: $name`, ({ re, im, values }) => {
      const A = fromNumbers(F, re, im);
      const e = eigh(F, A);
      expect(e.certificate!.valid).toBe(true);
      e.values.forEach((v, k) => expect(Math.abs(F.toNumber(v) - values[k])).toBeLessThanOrEqual(1e-14));
      // A V = V Λ and V†V = I to working accuracy
      const AV = mul(F, A, e.vectors);
      const VL = mul(F, e.vectors, diag(F, e.values));
      expect(F.toNumber(maxAbs(F, sub(F, AV, VL)))).toBeLessThan(1e-13);
      expect(F.toNumber(maxAbs(F, sub(F, mul(F, adjoint(F, e.vectors), e.vectors), identity(F, A.rows))))).toBeLessThan(1e-13);
    });
  }
});

describe('the certificate holds', () => {
  it('on a matrix with a known spectrum at 50 digits (truth built at 80 digits)', () => {
    const spectrum = ['-2', '-0.5', '0', '1e-30', '0.25', '3'];
    const A80 = withSpectrum(
      D80,
      7,
      spectrum.map((s) => D80.fromString(s)),
    );
    const A = convertMatrix(D80, D50, A80);
    const e = eigh(D50, A);
    const bound = e.certificate!.bound;
    expect(bound.toNumber()).toBeLessThan(1e-45);
    spectrum.forEach((s, k) => {
      // A is A80 rounded to 50 digits: its eigenvalues move by at most ‖A − A80‖₂ ≤ 6·max|Δ|
      const perturbation = D80.mul(D80.fromNumber(6), maxAbs(D80, sub(D80, convertMatrix(D50, D80, A), A80)));
      const err = D80.abs(D80.sub(D80.fromString(e.values[k].toString()), D80.fromString(s)));
      expect(err.lte(D80.add(D80.fromString(bound.toString()), perturbation))).toBe(true);
    });
  });

  it('on clustered eigenvalues 1, 1 + 1e-30, 1 + 2e-30 at 50 digits, resolving the cluster', () => {
    const spectrum = ['1', '1.000000000000000000000000000001', '1.000000000000000000000000000002', '2'];
    const A80 = withSpectrum(
      D80,
      11,
      spectrum.map((s) => D80.fromString(s)),
    );
    const e = eigh(D50, convertMatrix(D80, D50, A80));
    const bound = e.certificate!.bound.toNumber();
    expect(bound).toBeLessThan(1e-40);
    expect(e.values[1].minus(e.values[0]).toNumber()).toBeCloseTo(1e-30, 38);
    expect(e.values[2].minus(e.values[1]).toNumber()).toBeCloseTo(1e-30, 38);
  });

  it('float64 eigenvalues lie within their bound of 50-digit eigenvalues (random, degenerate, clustered)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.nat(), fc.constantFrom('random', 'degenerate', 'clustered'), (n, seed, kind) => {
        let A: CMatrix<number>;
        if (kind === 'random') A = randomHermitian(float64, seed, n);
        else {
          const base = Array.from({ length: n }, (_, k) => (kind === 'degenerate' ? Math.floor(k / 2) : 1 + k * 1e-12));
          A = withSpectrum(float64, seed, base);
        }
        const e64 = eigh(float64, A);
        const e50 = eigh(D50, convertMatrix(float64, D50, A));
        expect(e64.certificate!.valid).toBe(true);
        e64.values.forEach((v, k) => {
          const gap = Math.abs(v - e50.values[k].toNumber());
          expect(gap).toBeLessThanOrEqual(e64.certificate!.bound + e50.certificate!.bound.toNumber());
        });
      }),
      { numRuns: 60, seed: 20261125 },
    );
  });
});

describe('the certificate can fail', () => {
  it('a perturbed eigenvalue is caught: its certified bound grows to cover the perturbation', () => {
    const A = randomHermitian(D50, 3, 5);
    const e = eigh(D50, A);
    const honest = e.certificate!.bound;
    const delta = D50.fromString('1e-20');
    const wrong = e.values.slice();
    wrong[2] = wrong[2].plus(delta);
    const c = certify(D50, A, e.vectors, wrong);
    // The honest certificate would have claimed ±honest ≪ 1e-20; the recomputed one must not.
    expect(honest.lt(D50.fromString('1e-40'))).toBe(true);
    expect(c.bound.gte(delta.div(2))).toBe(true);
  });

  it('a perturbed eigenvector is caught the same way', () => {
    const A = randomHermitian(float64, 4, 6);
    const e = eigh(float64, A);
    const V = { ...e.vectors, re: e.vectors.re.slice() };
    V.re[0] += 1e-6;
    const c = certify(float64, A, V, e.values);
    expect(e.certificate!.bound).toBeLessThan(1e-12);
    expect(c.bound).toBeGreaterThan(1e-7);
  });

  it('a non-Hermitian matrix cannot be certified tightly', () => {
    const A = fromNumbers(float64, [
      [1, 1],
      [0, 1],
    ]);
    const e = eigh(float64, A);
    expect(e.certificate!.bound).toBeGreaterThan(0.1);
  });
});

describe('the fixed-point kernel agrees with the generic decimal path', () => {
  it('on random Hermitian matrices (values within both bounds)', () => {
    const D60 = decimalField(60);
    for (const [seed, n] of [
      [1, 3],
      [2, 8],
      [5, 12],
    ]) {
      const A = randomHermitian(D50, seed, n);
      const viaFixed = eigh(D50, A);
      const generic = eighKernel(D60, convertMatrix(D50, D60, A), true);
      const gBound = certify(D60, convertMatrix(D50, D60, A), generic.vectors!, generic.values).bound;
      viaFixed.values.forEach((v, k) => {
        expect(
          D60.abs(D60.sub(D60.fromString(v.toString()), generic.values[k])).lte(D60.add(D60.fromString(viaFixed.certificate!.bound.toString()), gBound)),
        ).toBe(true);
      });
    }
  });
  it('eigvalsh matches eigh', () => {
    const A = randomHermitian(D50, 9, 7);
    const e = eigh(D50, A);
    eigvalsh(D50, A).forEach((v, k) => expect(v.minus(e.values[k]).abs().lte(e.certificate!.bound.times(2))).toBe(true));
  });
});

describe('regressions', () => {
  it('a rank-deficient 128×128 state with large degenerate clusters (N = 7 ground steady state, β = 0) converges in float64', async () => {
    const { groundStateSteadyState } = await import('../../src/physics/ground-steady-state.js');
    const rho = groundStateSteadyState(float64, 7, { beta: 0, omega: 1 });
    const e = eigh(float64, rho);
    expect(e.certificate!.valid).toBe(true);
    expect(e.certificate!.bound).toBeLessThan(1e-10);
    // N + 1 = 8 non-zero eigenvalues p_k d_k = 1/8 (Appendix B at r = 1), the rest zero
    expect(e.values.filter((v) => Math.abs(v - 1 / 8) < 1e-10)).toHaveLength(8);
    expect(e.values.filter((v) => Math.abs(v) < 1e-10)).toHaveLength(120);
  });
});
