/**
 * l1-norm of coherence, Eq. (3): C_l1 = Σ_{i≠j} |ρ_ij|, in the computational basis or a given one.
 *
 * Order: refusals; hand-checkable values (float64 and decimal(50)); properties.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnalyticField, Field } from '../../src/numeric/field.js';
import { float64 } from '../../src/numeric/float64.js';
import { adjoint, convertMatrix, fromRows, identity, kronAll, mul, scaleReal, zeros, type CMatrix } from '../../src/numeric/matrix.js';
import { parseRational } from '../../src/numeric/rational.js';
import { l1Coherence } from '../../src/physics/coherence.js';
import { haarUnitary, Rng } from '../../src/random/index.js';
import { buildState, D50, fcParams, hermitianPart, PHYSICS_FIELDS, seedArb, stateSpec, stateSpecOfDim, uniformMatrix } from '../arbitraries.js';

const q = <T>(F: Field<T>, s: string): T => F.fromRational(parseRational(s));
function mat<T>(F: Field<T>, re: string[][], im?: string[][]): CMatrix<T> {
  return fromRows(
    F,
    re.map((r) => r.map((s) => q(F, s))),
    im?.map((r) => r.map((s) => q(F, s))),
  );
}

/** The Hadamard basis (|0⟩ ± |1⟩)/√2 as columns, computed in F (unitary to F's roundoff). */
function hadamard<T>(F: Field<T>): CMatrix<T> {
  const s = F.div(F.one, F.sqrt(F.fromNumber(2)));
  return fromRows(F, [
    [s, s],
    [s, F.neg(s)],
  ]);
}

/** |+…+⟩⟨+…+| on N qubits: every entry 1/d (maximally coherent). */
function plusState<T>(F: Field<T>, N: number): CMatrix<T> {
  const half = mat(F, [
    ['1/2', '1/2'],
    ['1/2', '1/2'],
  ]);
  return kronAll(
    F,
    Array.from({ length: N }, () => half),
  );
}

// ---------------------------------------------------------------------------------------------
// Error paths
// ---------------------------------------------------------------------------------------------

describe('l1Coherence refuses', () => {
  it('a non-square ρ', () => {
    expect(() => l1Coherence(float64, zeros(float64, 2, 3))).toThrow(/ρ is 2×3, not square/);
  });
  // the basis is a library option (the command line always measures in the product basis): a bad
  // one is the caller's programming error, RangeError like the non-square ρ
  it('a non-square ρ is a RangeError', () => {
    expect(() => l1Coherence(float64, zeros(float64, 2, 3))).toThrow(RangeError);
  });
  it('a basis of the wrong shape (RangeError)', () => {
    expect(() => l1Coherence(float64, identity(float64, 2), { basis: identity(float64, 3) })).toThrow(RangeError);
    expect(() => l1Coherence(float64, identity(float64, 2), { basis: identity(float64, 3) })).toThrow(/^l1Coherence: basis is 3×3 but ρ is 2×2$/);
  });
  it.each([
    [
      '2·I (columns not normalised)',
      [
        ['2', '0'],
        ['0', '2'],
      ],
    ],
    [
      'a shear (columns not orthogonal)',
      [
        ['1', '1'],
        ['0', '1'],
      ],
    ],
    [
      'a rank-deficient matrix',
      [
        ['1', '0'],
        ['0', '0'],
      ],
    ],
  ])('a non-unitary basis: %s (RangeError naming the defect)', (_, re) => {
    expect(() => l1Coherence(float64, identity(float64, 2), { basis: mat(float64, re) })).toThrow(RangeError);
    expect(() => l1Coherence(float64, identity(float64, 2), { basis: mat(float64, re) })).toThrow(/^l1Coherence: basis is not unitary: max \|B†B − I\| = /);
  });
  it('a float64-accurate unitary at 50 digits (its defect ~1e-16 is not roundoff there)', () => {
    const U = convertMatrix(float64, D50, haarUnitary(float64, new Rng(1), 3));
    expect(() => l1Coherence(D50, identity(D50, 3), { basis: U })).toThrow(RangeError);
    expect(() => l1Coherence(D50, identity(D50, 3), { basis: U })).toThrow(/^l1Coherence: basis is not unitary: max \|B†B − I\| = /);
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-checkable values
// ---------------------------------------------------------------------------------------------

interface CoherenceCase {
  name: string;
  rho: <T>(F: AnalyticField<T>) => CMatrix<T>;
  basis?: <T>(F: AnalyticField<T>) => CMatrix<T>;
  /** C_l1 by hand (exact rational string). */
  C: string;
  /** Dyadic entries whose moduli need no square root: the computed C must be exact in both fields. */
  exact?: boolean;
}

const M =
  (re: string[][], im?: string[][]) =>
  <T>(F: AnalyticField<T>) =>
    mat(F, re, im);
const h = '1/2';
const mh = '-1/2';
const Z4 = ['0', '0', '0', '0'];

const CASES: CoherenceCase[] = [
  { name: '1×1: no off-diagonal entries', rho: M([['1']]), C: '0', exact: true },
  {
    name: 'zero matrix',
    rho: M([
      ['0', '0'],
      ['0', '0'],
    ]),
    C: '0',
    exact: true,
  },
  {
    name: 'diagonal (incoherent) state',
    rho: M([
      ['1/3', '0', '0'],
      ['0', '1/6', '0'],
      ['0', '0', '1/2'],
    ]),
    C: '0',
    exact: true,
  },
  // |+⟩⟨+| = [[1/2,1/2],[1/2,1/2]]: two off-diagonal entries 1/2.
  {
    name: '|+⟩⟨+|',
    rho: M([
      [h, h],
      [h, h],
    ]),
    C: '1',
    exact: true,
  },
  // |+i⟩⟨+i| = [[1/2, −i/2],[i/2, 1/2]]: |∓i/2| = 1/2 twice.
  {
    name: '|+i⟩⟨+i| (purely imaginary coherences)',
    rho: M(
      [
        [h, '0'],
        ['0', h],
      ],
      [
        ['0', mh],
        [h, '0'],
      ],
    ),
    C: '1',
    exact: true,
  },
  // ρ_01 = 3/10 + 4i/10: |ρ_01| = 1/2 (3-4-5), twice; ρ ≥ 0 since det = 1/4 − 1/4 = 0.
  {
    name: 'complex coherence 3/10 + 4i/10 (|·| = 1/2)',
    rho: M(
      [
        [h, '3/10'],
        ['3/10', h],
      ],
      [
        ['0', '4/10'],
        ['-4/10', '0'],
      ],
    ),
    C: '1',
  },
  // Bell states and the singlet: two off-diagonal entries of modulus 1/2.
  { name: 'Bell Φ+ = (|11⟩+|00⟩)/√2', rho: M([[h, '0', '0', h], Z4, Z4, [h, '0', '0', h]]), C: '1', exact: true },
  { name: 'singlet ψ− = (|01⟩−|10⟩)/√2', rho: M([Z4, ['0', h, mh, '0'], ['0', mh, h, '0'], Z4]), C: '1', exact: true },
  // Maximally coherent |+…+⟩: all d² entries are 1/d, so C = (d² − d)/d = d − 1.
  { name: '|++⟩ (d = 4): d − 1', rho: (F) => plusState(F, 2), C: '3', exact: true },
  { name: '|+++⟩ (d = 8): d − 1', rho: (F) => plusState(F, 3), C: '7', exact: true },
  // Eq. (7) at c = 1/2, r = e^{-βω} = 1/2, Z₊ = 1 + r + r² = 7/4, c/Z₊ = 2/7: weights 1/2 on ψ−,
  // (2/7)r = 1/7 on ψ+, (2/7)r² = 1/14 on |11⟩, 2/7 on |00⟩. ψ± = (|01⟩ ± |10⟩)/√2 live on indices
  // 1, 2: diagonal 1/4 + 1/14 = 9/28, coherence −1/4 + 1/14 = −5/28; C = 2·5/28 = 5/14
  // (= |c Z/Z₊ − 1| of Eq. (8) with Z = (1 + r)² = 9/4: |(1/2)(9/7) − 1| = 5/14).
  {
    name: 'Eq. (7) steady state at c = 1/2, e^{-βω} = 1/2: Eq. (8) gives 5/14',
    rho: M([
      ['1/14', '0', '0', '0'],
      ['0', '9/28', '-5/28', '0'],
      ['0', '-5/28', '9/28', '0'],
      ['0', '0', '0', '2/7'],
    ]),
    C: '5/14',
  },
  // In a given basis: C(ρ, B) = C(B†ρB). Hadamard basis: |+⟩ becomes |0⟩ (no coherence), |0⟩ becomes |+⟩.
  {
    name: '|+⟩⟨+| in the Hadamard basis',
    rho: M([
      [h, h],
      [h, h],
    ]),
    basis: hadamard,
    C: '0',
  },
  {
    name: '|0⟩⟨0| in the Hadamard basis',
    rho: M([
      ['1', '0'],
      ['0', '0'],
    ]),
    basis: hadamard,
    C: '1',
  },
  {
    name: 'I/2 in any basis (Hadamard)',
    rho: M([
      [h, '0'],
      ['0', h],
    ]),
    basis: hadamard,
    C: '0',
  },
  {
    name: 'diag(3/4, 1/4) in the Hadamard basis: [[1/2, 1/4],[1/4, 1/2]]',
    rho: M([
      ['3/4', '0'],
      ['0', '1/4'],
    ]),
    basis: hadamard,
    C: '1/2',
  },
];

describe.each(PHYSICS_FIELDS)('hand-checkable l1 coherence in %s', (_, F) => {
  it.each(CASES)('$name', (c) => {
    const rho = c.rho(F);
    const got = l1Coherence(F, rho, c.basis ? { basis: c.basis(F) } : {});
    const want = q(F, c.C);
    const d = rho.rows;
    // Exact inputs: each |ρ_ij| is one square root of a sum of two products (≤ 3 roundings, relative)
    // and the sum adds d² more, so |error| ≤ (d² + 3)·u·C. A basis computed as 1/√2 adds the
    // rounding of two products with it and of 1/√2 itself: ≤ (4d + 4)·u per entry, d² entries.
    const u = F.unitRoundoff;
    const tol = c.basis ? (d * d + 3) * u * (1 + F.toNumber(want)) + d * d * (4 * d + 4) * u : (d * d + 3) * u * F.toNumber(want);
    const err = Math.abs(F.toNumber(F.sub(got, want)));
    expect(err, `C = ${F.toString(got, 20)}, want ${c.C}`).toBeLessThanOrEqual(tol);
    if (c.exact) expect(F.cmp(got, want)).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

describe.each(PHYSICS_FIELDS)('l1 coherence properties in %s', (label, F) => {
  const runs = (float: number, decimal: number) => (F.kind === 'float64' ? float : decimal);

  it('is zero iff every off-diagonal entry is zero (Hermitian matrices with random zero patterns)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 6 })
          .chain((n) => fc.record({ n: fc.constant(n), seed: seedArb(), keep: fc.array(fc.boolean(), { minLength: n * n, maxLength: n * n }) })),
        ({ n, seed, keep }) => {
          const A = hermitianPart(F, uniformMatrix(F, n, n, seed));
          // zero the pair (i,j),(j,i) unless keep[i·n + j] for i < j
          let anyOffDiagonal = false;
          for (let i = 0; i < n; i++)
            for (let j = i + 1; j < n; j++) {
              if (keep[i * n + j]) {
                anyOffDiagonal = true;
                continue;
              }
              for (const k of [i * n + j, j * n + i]) [A.re[k], A.im[k]] = [F.zero, F.zero];
            }
          // uniform draws in [−1, 1) are nonzero with probability 1 — and the seeds are fixed.
          expect(F.isZero(l1Coherence(F, A))).toBe(!anyOffDiagonal);
        },
      ),
      fcParams(`l1 zero iff diagonal ${label}`, runs(200, 40)),
    );
  });

  it('lies in [0, d − 1] for every state (|ρ_ij| ≤ √(ρ_ii ρ_jj) ⇒ C ≤ (Σ√ρ_ii)² − 1 ≤ d − 1)', () => {
    fc.assert(
      fc.property(stateSpec({ minDim: 1, maxDim: 8 }), (spec) => {
        const rho = buildState(F, spec);
        const C = F.toNumber(l1Coherence(F, rho));
        const d = rho.rows;
        expect(C).toBeGreaterThanOrEqual(0);
        // The generated ρ is PSD with trace 1 up to a few units of roundoff per entry (≤ 4d·u), which
        // moves the bound by at most d²·4d·u; the l1 sum adds (d² + 3)·u·C.
        expect(C).toBeLessThanOrEqual(d - 1 + (4 * d ** 3 + (d * d + 3) * d) * F.unitRoundoff);
        if (spec.ensemble === 'diagonal') expect(C).toBe(0);
      }),
      fcParams(`l1 range ${label}`, runs(200, 30)),
    );
  });

  it('equals d − 1 for the maximally coherent state ⊗|+⟩ and for every pure state with flat |amplitudes| (phases)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), seedArb(), (N, seed) => {
        const d = 2 ** N;
        expect(F.cmp(l1Coherence(F, plusState(F, N)), F.fromNumber(d - 1))).toBe(0);
        // Phases do not change |ρ_ij| = 1/d: conjugating by a diagonal phase unitary keeps C = d − 1.
        const P = zeros(F, d);
        const rng = new Rng(seed, ['phases']);
        for (let i = 0; i < d; i++) {
          const z = haarUnitary(F, rng.fork(String(i)), 1);
          [P.re[i * d + i], P.im[i * d + i]] = [z.re[0], z.im[0]];
        }
        const rho = mul(F, mul(F, P, plusState(F, N)), adjoint(F, P));
        // each entry is 1/d times two unit phases: relative error ≤ 8u, plus the sum's d²·u.
        expect(Math.abs(F.toNumber(l1Coherence(F, rho)) - (d - 1))).toBeLessThanOrEqual((8 + d * d) * d * F.unitRoundoff);
      }),
      fcParams(`l1 maximal ${label}`, runs(30, 10)),
    );
  });

  it('in a basis B equals Σ_{i≠j} |⟨b_i|ρ|b_j⟩| computed column by column', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((n) => fc.record({ state: stateSpecOfDim(n), seed: seedArb() })),
        ({ state, seed }) => {
          const rho = buildState(F, state);
          const n = rho.rows;
          const B = haarUnitary(F, new Rng(seed, ['basis']), n);
          const got = F.toNumber(l1Coherence(F, rho, { basis: B }));
          // independent route: ⟨b_i|ρ|b_j⟩ = Σ_kl conj(B_ki) ρ_kl B_lj, in float64 arithmetic on toNumber values
          const bre = B.re.map((x) => F.toNumber(x));
          const bim = B.im.map((x) => F.toNumber(x));
          const rre = rho.re.map((x) => F.toNumber(x));
          const rim = rho.im.map((x) => F.toNumber(x));
          let want = 0;
          for (let i = 0; i < n; i++)
            for (let j = 0; j < n; j++) {
              if (i === j) continue;
              let sr = 0;
              let si = 0;
              for (let k = 0; k < n; k++)
                for (let l = 0; l < n; l++) {
                  // conj(B_ki)·ρ_kl
                  const ar = bre[k * n + i] * rre[k * n + l] + bim[k * n + i] * rim[k * n + l];
                  const ai = bre[k * n + i] * rim[k * n + l] - bim[k * n + i] * rre[k * n + l];
                  sr += ar * bre[l * n + j] - ai * bim[l * n + j];
                  si += ar * bim[l * n + j] + ai * bre[l * n + j];
                }
              want += Math.hypot(sr, si);
            }
          // Both sides are O(n) sums of O(n²) products of numbers ≤ 1: float64 rounding ≤ 16n⁴·2^-53
          // (with the conversion of F's values to float64), far below 1e-12.
          expect(Math.abs(got - want)).toBeLessThanOrEqual(16 * n ** 4 * 2 ** -53 + 1e-300);
        },
      ),
      fcParams(`l1 basis ${label}`, runs(100, 20)),
    );
  });

  it('in the computational basis given explicitly (B = I) equals the default', () => {
    fc.assert(
      fc.property(stateSpec({ maxDim: 6 }), (spec) => {
        const rho = buildState(F, spec);
        expect(F.cmp(l1Coherence(F, rho, { basis: identity(F, rho.rows) }), l1Coherence(F, rho))).toBe(0);
      }),
      fcParams(`l1 identity basis ${label}`, runs(50, 10)),
    );
  });

  it('rejects a basis whose defect exceeds roundoff: a Haar U with one column scaled by 1 + δ', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        seedArb(),
        fc.integer({ min: 0, max: 4 }),
        fc.double({ min: -12, max: -1, noNaN: true, noDefaultInfinity: true }),
        (n, seed, col, logDelta) => {
          const B = haarUnitary(F, new Rng(seed, ['basis']), n);
          const c = col % n;
          // δ ≥ 1e-12 is ≥ 10^3 × the acceptance threshold 64·n·u of float64 (and far more at 50 digits)
          const s = F.add(F.one, F.fromNumber(10 ** logDelta));
          for (let i = 0; i < n; i++) [B.re[i * n + c], B.im[i * n + c]] = [F.mul(s, B.re[i * n + c]), F.mul(s, B.im[i * n + c])];
          expect(() => l1Coherence(F, identity(F, n), { basis: B })).toThrow(RangeError);
          expect(() => l1Coherence(F, identity(F, n), { basis: B })).toThrow(/^l1Coherence: basis is not unitary/);
        },
      ),
      fcParams(`l1 non-unitary ${label}`, runs(100, 20)),
    );
  });

  it('scales linearly: C(tρ) = t·C(ρ) for t = 2^k (exact scaling)', () => {
    fc.assert(
      fc.property(stateSpec({ maxDim: 5 }), fc.integer({ min: -3, max: 3 }), (spec, k) => {
        const rho = buildState(F, spec);
        const t = F.scale2(F.one, k);
        const a = l1Coherence(F, scaleReal(F, t, rho));
        const b = F.scale2(l1Coherence(F, rho), k);
        // float64: scaling by 2^k is exact and commutes with every rounding; decimal: each scaled
        // entry is rounded once more (≤ u relative), so allow (d² + 3)·u·C.
        const tol = F.kind === 'float64' ? 0 : (rho.rows ** 2 + 3) * F.unitRoundoff * Math.abs(F.toNumber(b));
        expect(Math.abs(F.toNumber(F.sub(a, b)))).toBeLessThanOrEqual(tol);
      }),
      fcParams(`l1 scaling ${label}`, runs(60, 15)),
    );
  });
});

describe('l1Coherence reuses |ρ_ij| for ρ_ji = conj ρ_ij without changing the sum', () => {
  /** The plain definition: every off-diagonal modulus computed, added row by row. */
  const plain = <T>(F: AnalyticField<T>, M: CMatrix<T>): T => {
    let s = F.zero;
    for (let i = 0; i < M.rows; i++)
      for (let j = 0; j < M.rows; j++) {
        if (i === j) continue;
        const [a, b] = [M.re[i * M.rows + j], M.im[i * M.rows + j]];
        s = F.add(s, F.isZero(b) ? F.abs(a) : F.isZero(a) ? F.abs(b) : F.sqrt(F.add(F.mul(a, a), F.mul(b, b))));
      }
    return s;
  };
  it('bit-identical to the plain sum for Hermitian and for non-Hermitian matrices (decimal(50), seeded)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), seedArb(), fc.boolean(), (n, seed, herm) => {
        const rng = new Rng(seed);
        const A = zeros(D50, n);
        for (let k = 0; k < n * n; k++) {
          A.re[k] = D50.fromNumber(rng.normal());
          A.im[k] = rng.next() < 0.2 ? D50.zero : D50.fromNumber(rng.normal());
        }
        const M = herm ? hermitianPart(D50, A) : A;
        expect(D50.toString(l1Coherence(D50, M), 50)).toBe(D50.toString(plain(D50, M), 50));
      }),
      fcParams('l1Coherence cache equals the plain sum', 60),
    );
  });
});
