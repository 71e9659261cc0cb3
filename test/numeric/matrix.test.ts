/**
 * Dense complex matrices over a Field (src/numeric/matrix.ts).
 *
 * Order: shape errors; tables per operation (edge rows first: empty, 1×1, then hand-derived
 * cases); properties over float64 and decimal(50). Most tables and properties use small integer
 * entries, for which every result here is exact in both fields, so equality is demanded exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Field } from '../../src/numeric/field.js';
import { float64 } from '../../src/numeric/float64.js';
import {
  add,
  adjoint,
  anticommutator,
  block,
  clone,
  commutator,
  convertMatrix,
  diag,
  diagonal,
  frobeniusNorm,
  fromNumbers,
  fromRows,
  get,
  hermiticityDefect,
  identity,
  isHermitian,
  kron,
  kronAll,
  maxAbs,
  mul,
  partialTrace,
  scale,
  scaleReal,
  set,
  sub,
  toNumbers,
  trace,
  traceProduct,
  zeros,
  type CMatrix,
} from '../../src/numeric/matrix.js';
import { sigmaMinus, sigmaPlus } from '../../src/physics/qubits.js';
import {
  buildState,
  D50,
  dimArb,
  fcParams,
  fromInts,
  intMatrixArb,
  PHYSICS_FIELDS,
  seedArb,
  stateSpecOfDim,
  uniformMatrix,
  type IntMatrix,
} from '../arbitraries.js';

/** Exact equality of two matrices in F (shape and every entry). */
function expectSame<T>(F: Field<T>, A: CMatrix<T>, B: CMatrix<T>, what = 'matrices'): void {
  expect([A.rows, A.cols], `${what}: shape`).toEqual([B.rows, B.cols]);
  for (let k = 0; k < A.re.length; k++) {
    expect(F.cmp(A.re[k], B.re[k]), `${what}: re[${k}] ${F.toString(A.re[k])} vs ${F.toString(B.re[k])}`).toBe(0);
    expect(F.cmp(A.im[k], B.im[k]), `${what}: im[${k}] ${F.toString(A.im[k])} vs ${F.toString(B.im[k])}`).toBe(0);
  }
}

/** A matrix of numbers (real part, optional imaginary part) in F. */
const N = <T>(F: Field<T>, re: number[][], im?: number[][]): CMatrix<T> => fromNumbers(F, re, im);

const X = [
  [0, 1],
  [1, 0],
];
const Y0 = [
  [0, 0],
  [0, 0],
];
const Yi = [
  [0, -1],
  [1, 0],
];
const Z = [
  [1, 0],
  [0, -1],
];
const I2 = [
  [1, 0],
  [0, 1],
];

// ---------------------------------------------------------------------------------------------
// Shape errors
// ---------------------------------------------------------------------------------------------

describe('shape errors (RangeError naming the operation and the shapes)', () => {
  const F = float64;
  it.each([
    ['zeros with a negative size', () => zeros(F, -1), /zeros: bad shape -1×-1/],
    ['zeros with a fractional size', () => zeros(F, 1.5, 2), /zeros: bad shape 1\.5×2/],
    ['fromRows with ragged rows', () => fromRows(F, [[1, 2], [3]]), /fromRows: row 1 has 1 entries, expected 2/],
    ['fromRows with an imaginary part of another shape', () => fromRows(F, [[1, 2]], [[0]]), /fromRows: imaginary part is not 1×2/],
    ['fromRows with too few imaginary rows', () => fromRows(F, [[1], [2]], [[0]]), /fromRows: imaginary part is not 2×1/],
    ['add of 2×2 and 2×3', () => add(F, zeros(F, 2), zeros(F, 2, 3)), /add: shapes 2×2 and 2×3 differ/],
    ['sub of 2×1 and 1×2', () => sub(F, zeros(F, 2, 1), zeros(F, 1, 2)), /sub: shapes 2×1 and 1×2 differ/],
    ['mul with mismatched inner dimensions', () => mul(F, zeros(F, 2, 3), zeros(F, 2, 3)), /mul: inner dimensions 2×3 · 2×3 do not match/],
    ['trace of a non-square matrix', () => trace(F, zeros(F, 2, 3)), /trace: matrix is 2×3, not square/],
    ['kronAll of nothing', () => kronAll(F, []), /kronAll: no factors/],
    [
      'partialTrace with dims that do not multiply to the size',
      () => partialTrace(F, zeros(F, 4), [2, 3], [0]),
      /partialTrace: matrix is 4×4, subsystem dimensions \[2, 3\] need 6×6/,
    ],
    ['partialTrace of a non-square matrix', () => partialTrace(F, zeros(F, 2, 4), [2], [0]), /partialTrace: matrix is 2×4/],
    [
      'partialTrace keeping a subsystem that does not exist',
      () => partialTrace(F, zeros(F, 4), [2, 2], [2]),
      /partialTrace: keep must list subsystems in 0\.\.1/,
    ],
    ['partialTrace keeping a negative subsystem', () => partialTrace(F, zeros(F, 4), [2, 2], [-1]), /keep must list subsystems/],
    ['commutator of mismatched shapes', () => commutator(F, zeros(F, 2), zeros(F, 3)), /mul: inner dimensions/],
    ['hermiticityDefect of a non-square matrix', () => hermiticityDefect(F, zeros(F, 2, 3)), /hermiticityDefect: matrix is 2×3, not square/],
    ['block with a row index out of range', () => block(zeros(F, 2), [2]), /block: row index 2 out of range 0\.\.1/],
    ['block with a column index out of range', () => block(zeros(F, 2, 3), [0], [3]), /block: column index 3 out of range 0\.\.2/],
    ['block with a fractional index', () => block(zeros(F, 2), [0.5]), /block: row index 0\.5 out of range/],
    ['traceProduct of mismatched shapes', () => traceProduct(F, zeros(F, 2, 3), zeros(F, 2, 3)), /traceProduct: shapes do not match/],
  ] as const)('%s', (_, f, message) => {
    expect(f).toThrow(RangeError);
    expect(f).toThrow(message);
  });
  it('isHermitian is false (not an error) for a non-square matrix', () => {
    expect(isHermitian(F, zeros(F, 2, 3))).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

describe.each(PHYSICS_FIELDS)('tables in %s', (_, F) => {
  it('construction: zeros, identity, diag, fromRows, get/set, clone, diagonal, toNumbers', () => {
    const E = zeros(F, 0);
    expect([E.rows, E.cols, E.re.length]).toEqual([0, 0, 0]);
    expectSame(F, fromRows(F, []), E, 'fromRows([])');
    expectSame(
      F,
      identity(F, 3),
      N(F, [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ]),
    );
    expectSame(
      F,
      diag(F, [F.fromNumber(2), F.fromNumber(-1)]),
      N(F, [
        [2, 0],
        [0, -1],
      ]),
    );
    const A = N(
      F,
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      [
        [0, -1, 0],
        [0, 0, 7],
      ],
    );
    expect([A.rows, A.cols]).toEqual([2, 3]);
    expect(F.toNumber(get(A, 1, 2).re)).toBe(6);
    expect(F.toNumber(get(A, 1, 2).im)).toBe(7);
    const B = clone(A);
    set(B, 0, 0, { re: F.fromNumber(9), im: F.fromNumber(9) });
    expect(F.toNumber(A.re[0])).toBe(1); // clone is independent
    expect(diagonal(A).map((x) => F.toNumber(x))).toEqual([1, 5]);
    expect(toNumbers(F, A)).toEqual({
      re: [
        [1, 2, 3],
        [4, 5, 6],
      ],
      im: [
        [0, -1, 0],
        [0, 0, 7],
      ],
    });
  });

  it('mul: empty edge cases — 0×3 · 3×0 is 0×0, 2×0 · 0×2 is the zero 2×2 (empty sums)', () => {
    expectSame(F, mul(F, zeros(F, 0, 3), zeros(F, 3, 0)), zeros(F, 0, 0));
    expectSame(F, mul(F, zeros(F, 2, 0), zeros(F, 0, 2)), zeros(F, 2, 2));
  });

  it.each([
    // A·B multiplied by hand
    { name: '1×1 complex: (1+2i)(3+4i) = −5+10i', A: [[1]], Ai: [[2]], B: [[3]], Bi: [[4]], C: [[-5]], Ci: [[10]] },
    {
      name: 'rectangular 2×3 · 3×1',
      A: [
        [1, 2, 3],
        [4, 5, 6],
      ],
      Ai: undefined,
      B: [[1], [0], [-1]],
      Bi: undefined,
      C: [[-2], [-2]],
      Ci: undefined,
    },
    // Pauli algebra: XY = iZ, YX = −iZ, X² = I
    { name: 'σx σy = i σz', A: X, Ai: undefined, B: Y0, Bi: Yi, C: Y0, Ci: Z },
    { name: 'σy σx = −i σz', A: Y0, Ai: Yi, B: X, Bi: undefined, C: Y0, Ci: Z.map((r) => r.map((x) => -x)) },
    { name: 'σx² = I', A: X, Ai: undefined, B: X, Bi: undefined, C: I2, Ci: undefined },
    // [[1,2],[3,4]]·[[0,1],[1,0]] swaps columns
    {
      name: 'right-multiplying by σx swaps columns',
      A: [
        [1, 2],
        [3, 4],
      ],
      Ai: undefined,
      B: X,
      Bi: undefined,
      C: [
        [2, 1],
        [4, 3],
      ],
      Ci: undefined,
    },
  ] as { name: string; A: number[][]; Ai?: number[][]; B: number[][]; Bi?: number[][]; C: number[][]; Ci?: number[][] }[])(
    'mul: $name',
    ({ A, Ai, B, Bi, C, Ci }) => {
      expectSame(F, mul(F, N(F, A, Ai), N(F, B, Bi)), N(F, C, Ci));
    },
  );

  it('adjoint: empty, 1×1, rectangular complex', () => {
    expectSame(F, adjoint(F, zeros(F, 0, 2)), zeros(F, 2, 0));
    expectSame(F, adjoint(F, N(F, [[3]], [[4]])), N(F, [[3]], [[-4]]));
    expectSame(F, adjoint(F, N(F, [[1, 2, 3]], [[0, 1, -1]])), N(F, [[1], [2], [3]], [[0], [-1], [1]]));
  });

  it('trace: empty is 0, complex diagonal sums both parts', () => {
    const t0 = trace(F, zeros(F, 0));
    expect([F.toNumber(t0.re), F.toNumber(t0.im)]).toEqual([0, 0]);
    const t = trace(
      F,
      N(
        F,
        [
          [1, 9],
          [9, 2],
        ],
        [
          [3, 9],
          [9, -5],
        ],
      ),
    );
    expect([F.toNumber(t.re), F.toNumber(t.im)]).toEqual([3, -2]);
  });

  it('add, sub, scale, scaleReal', () => {
    const A = N(F, [[1, 2]], [[3, 4]]);
    const B = N(F, [[5, 6]], [[7, 8]]);
    expectSame(F, add(F, A, B), N(F, [[6, 8]], [[10, 12]]));
    expectSame(F, sub(F, A, B), N(F, [[-4, -4]], [[-4, -4]]));
    // (2 − i)(1 + 3i) = 2 + 6i − i + 3 = 5 + 5i; (2 − i)(2 + 4i) = 4 + 8i − 2i + 4 = 8 + 6i
    expectSame(F, scale(F, { re: F.fromNumber(2), im: F.fromNumber(-1) }, A), N(F, [[5, 8]], [[5, 6]]));
    expectSame(F, scaleReal(F, F.fromNumber(-2), A), N(F, [[-2, -4]], [[-6, -8]]));
  });

  it('kron: first factor most significant — [[a, b],[c, d]] ⊗ B = [[aB, bB],[cB, dB]]', () => {
    // [[1,2],[3,4]] ⊗ [[0,5],[6,7]]
    const want = N(F, [
      [0, 5, 0, 10],
      [6, 7, 12, 14],
      [0, 15, 0, 20],
      [18, 21, 24, 28],
    ]);
    expectSame(
      F,
      kron(
        F,
        N(F, [
          [1, 2],
          [3, 4],
        ]),
        N(F, [
          [0, 5],
          [6, 7],
        ]),
      ),
      want,
    );
    // edge rows: 1×1 factors are scalars, complex factors multiply
    expectSame(F, kron(F, N(F, [[2]]), N(F, [[1, 2]])), N(F, [[2, 4]]));
    expectSame(F, kron(F, N(F, [[0]], [[1]]), N(F, [[0]], [[1]])), N(F, [[-1]]));
    // rectangular: (1×2) ⊗ (2×1) is 2×2
    expectSame(
      F,
      kron(F, N(F, [[1, 2]]), N(F, [[1], [-1]])),
      N(F, [
        [1, 2],
        [-1, -2],
      ]),
    );
    // the qubit convention: σ⁺ on qubit 0 of two is σ⁺ ⊗ I
    expectSame(F, kron(F, sigmaPlus(F, 1, 0), identity(F, 2)), sigmaPlus(F, 2, 0));
    expectSame(F, kron(F, identity(F, 2), sigmaMinus(F, 1, 0)), sigmaMinus(F, 2, 1));
  });

  it('kronAll: basis vector e_i ⊗ e_j ⊗ e_k is e at index i·(d₂d₃) + j·d₃ + k (dims 2, 3, 2)', () => {
    const e = (d: number, i: number) => {
      const v = zeros(F, d, 1);
      v.re[i] = F.one;
      return v;
    };
    for (const [i, j, k] of [
      [0, 0, 0],
      [1, 2, 1],
      [0, 1, 1],
      [1, 0, 0],
    ]) {
      expectSame(F, kronAll(F, [e(2, i), e(3, j), e(2, k)]), e(12, i * 6 + j * 2 + k), `e_${i} ⊗ e_${j} ⊗ e_${k}`);
    }
    expectSame(F, kronAll(F, [N(F, [[3]])]), N(F, [[3]]));
  });

  it('partialTrace: product states, a Bell state, a 2⊗3 entangled state, three subsystems [2, 3, 2]', () => {
    // Unnormalised Hermitian factors with integer entries keep everything exact; Tr_B(A⊗B) = Tr(B)·A.
    const A = N(
      F,
      [
        [1, 2],
        [2, 3],
      ],
      [
        [0, 1],
        [-1, 0],
      ],
    );
    const B = N(F, [
      [2, 0, 1],
      [0, 1, 0],
      [1, 0, 1],
    ]);
    const C = N(F, [
      [1, 1],
      [1, 2],
    ]);
    const trA = 4; // Tr A = 1 + 3
    const trB = 4; // Tr B = 2 + 1 + 1
    const trC = 3;
    const AB = kron(F, A, B);
    // Tr_B(A⊗B) = Tr(B)·A, Tr_A(A⊗B) = Tr(A)·B
    expectSame(F, partialTrace(F, AB, [2, 3], [0]), scaleReal(F, F.fromNumber(trB), A), 'Tr_B(A⊗B)');
    expectSame(F, partialTrace(F, AB, [2, 3], [1]), scaleReal(F, F.fromNumber(trA), B), 'Tr_A(A⊗B)');
    // keeping everything changes nothing; keeping nothing gives the 1×1 full trace
    expectSame(F, partialTrace(F, AB, [2, 3], [0, 1]), AB, 'keep all');
    expectSame(F, partialTrace(F, AB, [2, 3], []), N(F, [[trA * trB]]), 'keep none');
    // three subsystems: Tr_2(A⊗B⊗C) = Tr(B)·A⊗C (kept in original order, whatever order keep lists them)
    const ABC = kronAll(F, [A, B, C]);
    expectSame(F, partialTrace(F, ABC, [2, 3, 2], [0, 2]), scaleReal(F, F.fromNumber(trB), kron(F, A, C)), 'Tr_B(A⊗B⊗C)');
    expectSame(F, partialTrace(F, ABC, [2, 3, 2], [2, 0]), scaleReal(F, F.fromNumber(trB), kron(F, A, C)), 'keep [2, 0]');
    expectSame(F, partialTrace(F, ABC, [2, 3, 2], [1]), scaleReal(F, F.fromNumber(trA * trC), B), 'Tr_AC(A⊗B⊗C)');
    expectSame(F, partialTrace(F, ABC, [2, 3, 2], [0, 0, 2]), scaleReal(F, F.fromNumber(trB), kron(F, A, C)), 'duplicate keep');
    // Bell Φ+ = (|00⟩ + |11⟩)/√2 (any two-qubit labelling): both reductions are I/2
    const half = F.fromRational({ num: 1n, den: 2n });
    const bell = scaleReal(
      F,
      half,
      N(F, [
        [1, 0, 0, 1],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        [1, 0, 0, 1],
      ]),
    );
    const mixed = scaleReal(F, half, identity(F, 2));
    expectSame(F, partialTrace(F, bell, [2, 2], [0]), mixed, 'Tr_B(Bell)');
    expectSame(F, partialTrace(F, bell, [2, 2], [1]), mixed, 'Tr_A(Bell)');
    // ψ = (|0,0⟩ + |1,2⟩)/√2 in C²⊗C³ (indices 0 and 5): Tr_B = I/2, Tr_A = diag(1/2, 0, 1/2)
    const psi = zeros(F, 6);
    for (const [i, j] of [
      [0, 0],
      [0, 5],
      [5, 0],
      [5, 5],
    ])
      psi.re[i * 6 + j] = half;
    expectSame(F, partialTrace(F, psi, [2, 3], [0]), mixed, 'Tr_B(ψ)');
    expectSame(F, partialTrace(F, psi, [2, 3], [1]), diag(F, [half, F.zero, half]), 'Tr_A(ψ)');
  });

  it('commutator and anticommutator of Pauli matrices: [σx, σy] = 2iσz, {σx, σy} = 0, {σx, σx} = 2I', () => {
    const x = N(F, X);
    const y = N(F, Y0, Yi);
    expectSame(
      F,
      commutator(F, x, y),
      N(F, Y0, [
        [2, 0],
        [0, -2],
      ]),
    );
    expectSame(F, anticommutator(F, x, y), zeros(F, 2));
    expectSame(
      F,
      anticommutator(F, x, x),
      N(F, [
        [2, 0],
        [0, 2],
      ]),
    );
    expectSame(F, commutator(F, x, x), zeros(F, 2));
    // edge: 1×1 matrices commute
    expectSame(F, commutator(F, N(F, [[2]], [[1]]), N(F, [[3]], [[-4]])), zeros(F, 1));
  });

  it('block: rows/columns in the order given, default columns = rows, empty selection', () => {
    const A = N(
      F,
      [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ],
      [
        [0, 0, 1],
        [0, 0, 0],
        [0, 0, 0],
      ],
    );
    expectSame(
      F,
      block(A, [2, 0]),
      N(
        F,
        [
          [9, 7],
          [3, 1],
        ],
        [
          [0, 0],
          [1, 0],
        ],
      ),
    );
    expectSame(F, block(A, [1], [0, 2]), N(F, [[4, 6]]));
    expectSame(F, block(A, []), zeros(F, 0));
    expectSame(
      F,
      block(A, [0, 0]),
      N(F, [
        [1, 1],
        [1, 1],
      ]),
    );
  });

  it('hermiticityDefect = max|A_ij − conj A_ji|: 0 when Hermitian, the modulus otherwise', () => {
    const defect = (re: number[][], im?: number[][]) => F.toNumber(hermiticityDefect(F, N(F, re, im)));
    expect(defect([])).toBe(0); // 0×0
    expect(defect([[5]])).toBe(0);
    expect(
      defect(
        [
          [1, 2],
          [2, 1],
        ],
        [
          [0, 3],
          [-3, 0],
        ],
      ),
    ).toBe(0); // Hermitian
    expect(
      defect([
        [0, 1],
        [0, 0],
      ]),
    ).toBe(1);
    expect(
      defect(
        [
          [0, 3],
          [0, 0],
        ],
        [
          [0, 4],
          [0, 0],
        ],
      ),
    ).toBe(5); // |3 + 4i − 0| (3-4-5)
    expect(defect([[1]], [[1]])).toBe(2); // imaginary diagonal: |i − conj(i)| = 2
    expect(
      defect(
        [
          [0, 1],
          [1, 0],
        ],
        [
          [0, 1],
          [1, 0],
        ],
      ),
    ).toBe(2); // symmetric but not Hermitian: |i − (−i)|
    expect(
      isHermitian(
        F,
        N(F, [
          [0, 1],
          [0, 0],
        ]),
        F.fromNumber(1),
      ),
    ).toBe(true); // within the given tolerance
    expect(
      isHermitian(
        F,
        N(F, [
          [0, 1],
          [0, 0],
        ]),
      ),
    ).toBe(false);
  });

  it('frobeniusNorm and maxAbs', () => {
    expect(F.toNumber(frobeniusNorm(F, zeros(F, 0)))).toBe(0);
    expect(F.toNumber(frobeniusNorm(F, N(F, [[3, 0]], [[0, 4]])))).toBe(5);
    expect(
      F.toNumber(
        frobeniusNorm(
          F,
          N(F, [
            [1, 2],
            [2, 4],
          ]),
        ),
      ),
    ).toBe(5); // √(1+4+4+16)
    expect(F.cmp(frobeniusNorm(F, identity(F, 2)), F.sqrt(F.fromNumber(2)))).toBe(0);
    expect(F.toNumber(maxAbs(F, N(F, [[1, -7]], [[0, 1]])))).toBeCloseTo(Math.sqrt(50), 14);
    expect(F.toNumber(maxAbs(F, N(F, [[3]], [[-4]])))).toBe(5);
  });

  it('traceProduct(A, B) = Tr(AB) for a rectangular pair', () => {
    const A = N(
      F,
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      [
        [1, 0, 0],
        [0, 0, -1],
      ],
    );
    const B = N(
      F,
      [
        [1, 0],
        [0, 1],
        [1, 1],
      ],
      [
        [0, 2],
        [0, 0],
        [1, 0],
      ],
    );
    const t = traceProduct(F, A, B);
    const u = trace(F, mul(F, A, B));
    expect([F.cmp(t.re, u.re), F.cmp(t.im, u.im)]).toEqual([0, 0]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

/** Three dimensions and integer matrices A (m×n), B (n×p), C (p×m) for product identities. */
const triple = fc.tuple(dimArb(4), dimArb(4), dimArb(4)).chain(([m, n, p]) => fc.tuple(intMatrixArb(m, n), intMatrixArb(n, p), intMatrixArb(p, m)));

describe.each(PHYSICS_FIELDS)('algebraic identities in %s (integer entries: exact)', (label, F) => {
  it('(AB)† = B†A†', () => {
    fc.assert(
      fc.property(triple, ([a, b]: IntMatrix[]) => {
        const A = fromInts(F, a);
        const B = fromInts(F, b);
        expectSame(F, adjoint(F, mul(F, A, B)), mul(F, adjoint(F, B), adjoint(F, A)));
      }),
      fcParams(`adjoint of product ${label}`, 100),
    );
  });

  it('Tr(AB) = Tr(BA) for A m×n, B n×m (and = traceProduct)', () => {
    fc.assert(
      fc.property(triple, ([a, b, c]: IntMatrix[]) => {
        // A (m×n), BC (n×m)
        const A = fromInts(F, a);
        const BC = mul(F, fromInts(F, b), fromInts(F, c));
        const t1 = trace(F, mul(F, A, BC));
        const t2 = trace(F, mul(F, BC, A));
        const t3 = traceProduct(F, A, BC);
        expect([F.cmp(t1.re, t2.re), F.cmp(t1.im, t2.im), F.cmp(t1.re, t3.re), F.cmp(t1.im, t3.im)]).toEqual([0, 0, 0, 0]);
      }),
      fcParams(`trace cyclic ${label}`, 100),
    );
  });

  it('mixed product (A⊗B)(C⊗D) = AC ⊗ BD', () => {
    const quad = fc
      .tuple(dimArb(3), dimArb(3), dimArb(3), dimArb(3), dimArb(3), dimArb(3))
      .chain(([m, n, p, r, s, t]) => fc.tuple(intMatrixArb(m, n, 4), intMatrixArb(n, p, 4), intMatrixArb(r, s, 4), intMatrixArb(s, t, 4)));
    fc.assert(
      fc.property(quad, ([a, c, b, d]) => {
        const [A, C, B, D] = [a, c, b, d].map((x) => fromInts(F, x));
        expectSame(F, mul(F, kron(F, A, B), kron(F, C, D)), kron(F, mul(F, A, C), mul(F, B, D)));
      }),
      fcParams(`kron mixed product ${label}`, 100),
    );
  });

  it('(A⊗B)† = A†⊗B† and Tr(A⊗B) = Tr A · Tr B', () => {
    fc.assert(
      fc.property(
        dimArb(3).chain((m) => dimArb(3).chain((n) => fc.tuple(intMatrixArb(m, m), intMatrixArb(n, n)))),
        ([a, b]) => {
          const A = fromInts(F, a);
          const B = fromInts(F, b);
          expectSame(F, adjoint(F, kron(F, A, B)), kron(F, adjoint(F, A), adjoint(F, B)));
          const t = trace(F, kron(F, A, B));
          const ta = trace(F, A);
          const tb = trace(F, B);
          expect(F.cmp(t.re, F.sub(F.mul(ta.re, tb.re), F.mul(ta.im, tb.im)))).toBe(0);
          expect(F.cmp(t.im, F.add(F.mul(ta.re, tb.im), F.mul(ta.im, tb.re)))).toBe(0);
        },
      ),
      fcParams(`kron adjoint trace ${label}`, 100),
    );
  });

  it('partial trace is defined by Tr(Tr_B(M)·X) = Tr(M·(X⊗I_B)) (and likewise for the middle of three)', () => {
    fc.assert(
      fc.property(
        fc
          .tuple(dimArb(3), dimArb(3), dimArb(2))
          .chain(([da, db, dc]) =>
            fc.tuple(fc.constant([da, db, dc] as const), intMatrixArb(da * db * dc, da * db * dc, 3), intMatrixArb(da, da, 3), intMatrixArb(dc, dc, 3)),
          ),
        ([[da, db, dc], m, x, y]) => {
          const M = fromInts(F, m);
          const Xa = fromInts(F, x);
          const Yc = fromInts(F, y);
          // keep [0, 2] of [da, db, dc]: Tr(Tr_B(M)·(X⊗Y)) = Tr(M·(X⊗I⊗Y)); products X⊗Y span all operators
          const reduced = partialTrace(F, M, [da, db, dc], [0, 2]);
          const lhs = trace(F, mul(F, reduced, kron(F, Xa, Yc)));
          const rhs = trace(F, mul(F, M, kronAll(F, [Xa, identity(F, db), Yc])));
          expect([F.cmp(lhs.re, rhs.re), F.cmp(lhs.im, rhs.im)]).toEqual([0, 0]);
          // keep [0] of [da, db·dc]
          const lhs2 = trace(F, mul(F, partialTrace(F, M, [da, db * dc], [0]), Xa));
          const rhs2 = trace(F, mul(F, M, kron(F, Xa, identity(F, db * dc))));
          expect([F.cmp(lhs2.re, rhs2.re), F.cmp(lhs2.im, rhs2.im)]).toEqual([0, 0]);
        },
      ),
      fcParams(`partial trace duality ${label}`, 60),
    );
  });

  it('commutator/anticommutator: [A,B] + {A,B} = 2AB, [A,B] = −[B,A], hermiticityDefect(A + A†) = 0', () => {
    fc.assert(
      fc.property(
        dimArb(4).chain((n) => fc.tuple(intMatrixArb(n, n), intMatrixArb(n, n))),
        ([a, b]) => {
          const A = fromInts(F, a);
          const B = fromInts(F, b);
          expectSame(F, add(F, commutator(F, A, B), anticommutator(F, A, B)), scaleReal(F, F.fromNumber(2), mul(F, A, B)));
          expectSame(F, commutator(F, A, B), scaleReal(F, F.fromNumber(-1), commutator(F, B, A)));
          expect(F.isZero(hermiticityDefect(F, add(F, A, adjoint(F, A))))).toBe(true);
        },
      ),
      fcParams(`commutators ${label}`, 100),
    );
  });
});

describe('float64 and decimal(50) agree on products of non-integer matrices', () => {
  it('mul, kron, partialTrace of seeded uniform matrices: float64 within 4n·2^-53·Σ|a||b| of 50 digits', () => {
    fc.assert(
      fc.property(dimArb(4), dimArb(4), seedArb(), (m, n, seed) => {
        const A64 = uniformMatrix(float64, m, n, seed);
        const B64 = uniformMatrix(float64, n, m, seed + 1);
        const A50 = convertMatrix(float64, D50, A64);
        const B50 = convertMatrix(float64, D50, B64);
        // entries |a|,|b| ≤ √2: each complex product entry is a length-2n real dot product of terms ≤ 2,
        // so |error| ≤ γ_{2n}·4n ≤ 8.1n²·2^-53 (conversion to 50 digits is exact to 1e-17 relative).
        const tol = 8.1 * n * n * 2 ** -53 + 1e-16;
        const C64 = mul(float64, A64, B64);
        const C50 = mul(D50, A50, B50);
        C64.re.forEach((x, k) => expect(Math.abs(x - C50.re[k].toNumber())).toBeLessThanOrEqual(tol));
        C64.im.forEach((x, k) => expect(Math.abs(x - C50.im[k].toNumber())).toBeLessThanOrEqual(tol));
      }),
      fcParams('matrix float64 vs decimal', 60),
    );
  });

  it('partial traces of random states are states (trace 1, Hermitian) in both fields', () => {
    fc.assert(
      fc.property(stateSpecOfDim(4), (spec) => {
        for (const F of [float64, D50] as Field<unknown>[]) {
          const rho = buildState(F, spec);
          for (const keep of [[0], [1]]) {
            const r = partialTrace(F, rho, [2, 2], keep);
            expect(F.isZero(hermiticityDefect(F, r))).toBe(true); // sums of exactly Hermitian pairs
            expect(Math.abs(F.toNumber(trace(F, r).re) - 1)).toBeLessThanOrEqual(16 * F.unitRoundoff);
          }
        }
      }),
      fcParams('partial trace of states', 30),
    );
  });
});

describe('gram', () => {
  it('is A A†, exactly Hermitian with an exactly real diagonal', async () => {
    const { gram, mul, adjoint, hermiticityDefect } = await import('../../src/numeric/matrix.js');
    const { float64 } = await import('../../src/numeric/float64.js');
    const { ginibre } = await import('../../src/random/ginibre.js');
    const { Rng } = await import('../../src/random/rng.js');
    const A = ginibre(float64, new Rng(5), 4, 3);
    const G = gram(float64, A);
    const P = mul(float64, A, adjoint(float64, A));
    G.re.forEach((x, k) => expect(Math.abs(x - P.re[k])).toBeLessThan(1e-14));
    G.im.forEach((x, k) => expect(Math.abs(x - P.im[k])).toBeLessThan(1e-14));
    expect(hermiticityDefect(float64, G)).toBe(0);
  });
});
