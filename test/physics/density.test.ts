/**
 * Validated density matrices: checkDensityExact (rational), densityFromRational (rational → field,
 * with a certified positivity check), asDensityMatrix (a matrix already in a field).
 *
 * Order: refusals (each an InputError whose one-line message names the problem); acceptances
 * (exact states at precisions 10, 50, 200, float64 input within its tolerance, rank-deficient
 * states); properties (exactly known spectra built with exact rational reflections).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { decimalField } from '../../src/numeric/decimal.js';
import type { Field } from '../../src/numeric/field.js';
import { float64 } from '../../src/numeric/float64.js';
import { fromNumbers, zeros, type CMatrix } from '../../src/numeric/matrix.js';
import {
  parseRational,
  radd,
  rational,
  rationalFromNumber,
  rdiv,
  rmul,
  rneg,
  rsub,
  RONE,
  RZERO,
  type Rational,
  type RationalMatrix,
} from '../../src/numeric/rational.js';
import {
  asDensityMatrix,
  checkDensityExact,
  checkHermitianExact,
  defaultTolerance,
  densityFromRational,
  FLOAT_INPUT_TOLERANCE,
  rationalToField,
} from '../../src/physics/density.js';
import { Rng } from '../../src/random/rng.js';
import { buildState, D50, fcParams, PHYSICS_FIELDS, stateSpec } from '../arbitraries.js';

// ---------------------------------------------------------------------------------------------
// Helpers: exact rational matrices
// ---------------------------------------------------------------------------------------------

/** A RationalMatrix from exact strings ("79/272", "0.125"); `float` marks it as float64 (JSON-number) input. */
function rm(re: string[][], im?: string[][], float = false): RationalMatrix {
  const rows = re.length;
  const cols = rows > 0 ? re[0].length : 0;
  return {
    rows,
    cols,
    re: re.flat().map(parseRational),
    im: im ? im.flat().map(parseRational) : new Array<Rational>(rows * cols).fill(RZERO),
    hasFloatEntries: float,
  };
}

/** A RationalMatrix from JSON numbers, read as matrix-json reads them (flagged float if any is not an integer). */
function fromJsonNumbers(re: number[][], im?: number[][]): RationalMatrix {
  const all = [...re.flat(), ...(im ?? []).flat()];
  return {
    rows: re.length,
    cols: re[0].length,
    re: re.flat().map(rationalFromNumber),
    im: im ? im.flat().map(rationalFromNumber) : new Array<Rational>(re.length * re[0].length).fill(RZERO),
    hasFloatEntries: all.some((x) => !Number.isInteger(x)),
  };
}

interface CRational {
  re: Rational;
  im: Rational;
}
const cr = (re: Rational, im: Rational = RZERO): CRational => ({ re, im });
const cmulR = (a: CRational, b: CRational): CRational => cr(rsub(rmul(a.re, b.re), rmul(a.im, b.im)), radd(rmul(a.re, b.im), rmul(a.im, b.re)));
const caddR = (a: CRational, b: CRational): CRational => cr(radd(a.re, b.re), radd(a.im, b.im));
const conjR = (a: CRational): CRational => cr(a.re, rneg(a.im));

/** n×n complex rational matrix as a row-major array of CRational. */
type RM = CRational[];
function rmMul(n: number, A: RM, B: RM): RM {
  const C: RM = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = cr(RZERO);
      for (let k = 0; k < n; k++) s = caddR(s, cmulR(A[i * n + k], B[k * n + j]));
      C.push(s);
    }
  return C;
}
/** The Householder reflection I − 2 v v†/(v†v): Hermitian, unitary and exactly rational for rational v ≠ 0. */
function reflection(v: CRational[]): RM {
  const n = v.length;
  let norm2 = RZERO;
  for (const x of v) norm2 = radd(norm2, radd(rmul(x.re, x.re), rmul(x.im, x.im)));
  const f = rdiv(rational(2n), norm2);
  const R: RM = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const p = cmulR(v[i], conjR(v[j]));
      R.push(cr(rsub(i === j ? RONE : RZERO, rmul(f, p.re)), rneg(rmul(f, p.im))));
    }
  return R;
}
/** R₂R₁ diag(p) R₁R₂ for two reflections: an exact rational Hermitian matrix with spectrum exactly p. */
function withExactSpectrum(p: Rational[], v1: CRational[], v2: CRational[]): RationalMatrix {
  const n = p.length;
  const D: RM = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) D.push(cr(i === j ? p[i] : RZERO));
  const R1 = reflection(v1);
  const R2 = reflection(v2);
  const M = rmMul(n, R2, rmMul(n, R1, rmMul(n, D, rmMul(n, R1, R2))));
  return { rows: n, cols: n, re: M.map((z) => z.re), im: M.map((z) => z.im), hasFloatEntries: false };
}

/** n in [minN, maxN], n integer weights in [lo, hi] that `keep` accepts, and two vectors for the basis. */
const weightedStateArb = (minN: number, maxN: number, lo: number, hi: number, keep: (w: number[]) => boolean) =>
  fc.integer({ min: minN, max: maxN }).chain((n) =>
    fc.record({
      w: fc.array(fc.integer({ min: lo, max: hi }), { minLength: n, maxLength: n }).filter(keep),
      v1: vecArb(n),
      v2: vecArb(n),
    }),
  );

/** The exact state with spectrum w/Σw in the basis the two vectors give. */
function weightedState({ w, v1, v2 }: { w: number[]; v1: Parameters<typeof toVec>[0]; v2: Parameters<typeof toVec>[0] }): RationalMatrix {
  const total = w.reduce((a, b) => a + b, 0);
  return withExactSpectrum(
    w.map((x) => rational(BigInt(x), BigInt(total))),
    toVec(v1),
    toVec(v2),
  );
}

const D10 = decimalField(10);
const D200 = decimalField(200);
const ALL_FIELDS: readonly (readonly [string, Field<unknown>])[] = [
  ['float64', float64 as Field<unknown>],
  ['decimal(10)', D10 as unknown as Field<unknown>],
  ['decimal(50)', D50 as unknown as Field<unknown>],
  ['decimal(200)', D200 as unknown as Field<unknown>],
];

/** Call f and return the InputError it throws (fails the test if it does not throw one). */
function inputErrorOf(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).not.toMatch(/\n/); // one line
    return e as InputError;
  }
  throw new Error('expected an InputError, nothing was thrown');
}

// ---------------------------------------------------------------------------------------------
// Refusals
// ---------------------------------------------------------------------------------------------

describe('densityFromRational refuses (InputError naming the problem)', () => {
  const cases: { name: string; Q: RationalMatrix; tolerance?: number; message: RegExp }[] = [
    // edge rows: shape
    { name: 'an empty 0×0 matrix', Q: rm([]), message: /^ρ is empty$/ },
    {
      name: 'a non-square 2×3 matrix',
      Q: rm([
        ['1', '0', '0'],
        ['0', '0', '0'],
      ]),
      message: /^ρ is 2×3, not square$/,
    },
    { name: 'a non-square 1×2 matrix', Q: rm([['1', '0']]), message: /^ρ is 1×2, not square$/ },
    // Hermiticity, exactly
    {
      name: 'a real asymmetry',
      Q: rm([
        ['1/2', '1/4'],
        ['0', '1/2'],
      ]),
      message: /^ρ is not Hermitian: entries \(1,2\) and \(2,1\) differ by 2\.500e-1 \(tolerance 0\)$/,
    },
    {
      name: 'imaginary parts that are not conjugate',
      Q: rm(
        [
          ['1/2', '0'],
          ['0', '1/2'],
        ],
        [
          ['0', '1/4'],
          ['1/4', '0'],
        ],
      ),
      message: /^ρ is not Hermitian: entries \(1,2\) and \(2,1\) differ by 5\.000e-1/,
    },
    {
      name: 'an imaginary diagonal entry',
      Q: rm(
        [
          ['1/2', '0'],
          ['0', '1/2'],
        ],
        [
          ['0', '0'],
          ['0', '1/8'],
        ],
      ),
      message: /^ρ is not Hermitian: diagonal entry \(2,2\) has imaginary part 1\.250e-1 \(a diagonal entry must be real/,
    },
    {
      name: 'an asymmetry of 1e-60 in exact input (tolerance 0)',
      Q: rm([
        ['1/2', '1e-60'],
        ['0', '1/2'],
      ]),
      message: /not Hermitian.*differ by 1\.000e-60/,
    },
    // Hermiticity within tolerance: float64 input gets d·2^-50 ≈ 1.8e-15 for d = 2
    {
      name: 'float64 input asymmetric by 1e-10 (> d·2^-50)',
      Q: fromJsonNumbers([
        [0.5, 0.1 + 1e-10],
        [0.1, 0.5],
      ]),
      message: /not Hermitian.*tolerance 1\.7763568394002505e-15/,
    },
    {
      name: 'exact input asymmetric by 1e-10 with an explicit tolerance of 1e-12',
      Q: rm([
        ['1/2', '1e-10'],
        ['0', '1/2'],
      ]),
      tolerance: 1e-12,
      message: /not Hermitian.*tolerance 1e-12/,
    },
    // trace
    {
      name: 'trace 3/4',
      Q: rm([
        ['1/2', '0'],
        ['0', '1/4'],
      ]),
      message: /^ρ has trace 0\.75, not 1 \(off by -2\.500e-1, tolerance 0\)$/,
    },
    {
      name: 'trace 1 + 1e-40 in exact input',
      Q: rm([
        ['1/2', '0'],
        ['0', '0.5000000000000000000000000000000000000001'],
      ]),
      message: /has trace 1\.0000000000000000000000000000000000000001, not 1 \(off by 1\.000e-40, tolerance 0\)/,
    },
    {
      name: 'float64 input with trace 1 − 1e-14 (> d·2^-50)',
      Q: fromJsonNumbers([
        [0.3, 0],
        [0, 0.69999999999999],
      ]),
      message: /has trace 0\.99999999999999, not 1 \(off by -1\.000e-14, tolerance 1\.7763568394002505e-15\)/,
    },
    {
      name: 'float64 input with trace 1 + 1e-16 but an explicit tolerance of 0',
      Q: fromJsonNumbers([
        [0.30000000000000004, 0],
        [0, 0.7],
      ]),
      tolerance: 0,
      message: /has trace 1\.00000000000000004, not 1 \(off by 4\.000e-17, tolerance 0\)/,
    },
    // positivity
    {
      name: 'diag(3/2, −1/2)',
      Q: rm([
        ['3/2', '0'],
        ['0', '-1/2'],
      ]),
      message: /^ρ is not positive semidefinite: smallest eigenvalue -0\.5/,
    },
    {
      name: '[[1/2, 1],[1, 1/2]] (eigenvalues 3/2, −1/2)',
      Q: rm([
        ['1/2', '1'],
        ['1', '1/2'],
      ]),
      message: /not positive semidefinite: smallest eigenvalue -0\.5/,
    },
    // [[1/2, a], [conj a, 1/2]] with a = (1 + i)/2, |a| = √2/2: eigenvalues 1/2 ± √2/2
    {
      name: 'a complex Hermitian matrix with eigenvalues (1 ± √2)/2',
      Q: rm(
        [
          ['1/2', '1/2'],
          ['1/2', '1/2'],
        ],
        [
          ['0', '1/2'],
          ['-1/2', '0'],
        ],
      ),
      message: /not positive semidefinite: smallest eigenvalue -0\.2071/,
    },
    // tolerance itself
    { name: 'a negative tolerance', Q: rm([['1']]), tolerance: -1, message: /^tolerance must be a finite number ≥ 0, got -1$/ },
    { name: 'a NaN tolerance', Q: rm([['1']]), tolerance: NaN, message: /^tolerance must be a finite number ≥ 0, got NaN$/ },
    { name: 'an infinite tolerance', Q: rm([['1']]), tolerance: Infinity, message: /^tolerance must be a finite number ≥ 0, got Infinity$/ },
  ];
  describe.each(ALL_FIELDS)('in %s', (_, F) => {
    it.each(cases)('$name', ({ Q, tolerance, message }) => {
      const e = inputErrorOf(() => densityFromRational(F, Q, { tolerance, what: 'ρ' }));
      expect(e.message).toMatch(message);
    });
  });

  it('a state that is negative by 1e-30 at 50 and 200 digits (but within the rounding of 10 digits)', () => {
    // diag(1 + 1e-30, −1e-30): exact, Hermitian, trace 1, smallest eigenvalue −1e-30. At 10 digits the
    // entries round to diag(1, −1e-30) and the allowance 2n·u·max|ρ| = 2e-9 covers it (documented:
    // positivity is checked to within the rounding of Q to F).
    const Q = rm([
      ['1.000000000000000000000000000001', '0'],
      ['0', '-1e-30'],
    ]);
    for (const F of [D50, D200] as Field<unknown>[])
      expect(inputErrorOf(() => densityFromRational(F, Q)).message).toMatch(/not positive semidefinite: smallest eigenvalue -1e-30/);
    expect(() => densityFromRational(D10, Q)).not.toThrow();
  });

  it('the default name in messages is "matrix"', () => {
    expect(inputErrorOf(() => densityFromRational(float64, rm([['1/2']]))).message).toBe('matrix has trace 0.5, not 1 (off by -5.000e-1, tolerance 0)');
  });
});

describe('checkDensityExact and checkHermitianExact', () => {
  it('refuse the same shape, Hermiticity and trace problems, with the given name', () => {
    expect(inputErrorOf(() => checkDensityExact(rm([]), 0, 'ρ in x.json')).message).toBe('ρ in x.json is empty');
    expect(inputErrorOf(() => checkDensityExact(rm([['1', '0']]), 0, 'ρ')).message).toBe('ρ is 1×2, not square');
    expect(
      inputErrorOf(() =>
        checkDensityExact(
          rm([
            ['1/2', '1'],
            ['0', '1/2'],
          ]),
          0,
          'ρ',
        ),
      ).message,
    ).toMatch(/^ρ is not Hermitian/);
    expect(inputErrorOf(() => checkDensityExact(rm([['2']]), 0, 'ρ')).message).toBe('ρ has trace 2, not 1 (off by 1.000e+0, tolerance 0)');
    expect(
      inputErrorOf(() =>
        checkHermitianExact(
          rm([
            ['0', '1'],
            ['2', '0'],
          ]),
          0.5,
          'H',
        ),
      ).message,
    ).toMatch(/^H is not Hermitian.*differ by 1\.000e\+0 \(tolerance 0\.5\)$/);
  });
  it('checkDensityExact checks Hermiticity and trace only: diag(3/2, −1/2) passes it (positivity is densityFromRational’s job)', () => {
    expect(() =>
      checkDensityExact(
        rm([
          ['3/2', '0'],
          ['0', '-1/2'],
        ]),
        0,
      ),
    ).not.toThrow();
  });
  it('checkHermitianExact does not look at the trace', () => {
    expect(() =>
      checkHermitianExact(
        rm([
          ['5', '1/3'],
          ['1/3', '7'],
        ]),
        0,
      ),
    ).not.toThrow();
  });
  it('the tolerance is applied exactly, on |Q_ij − conj Q_ji| (not on its parts)', () => {
    // differences 3/10 and 4/10 in real and imaginary parts: modulus exactly 1/2
    const Q = rm(
      [
        ['1/2', '3/10'],
        ['0', '1/2'],
      ],
      [
        ['0', '2/10'],
        ['2/10', '0'],
      ],
    );
    expect(() => checkHermitianExact(Q, 0.5)).not.toThrow();
    expect(inputErrorOf(() => checkHermitianExact(Q, 0.4999999999999999, 'ρ')).message).toBe(
      'ρ is not Hermitian: entries (1,2) and (2,1) differ by 5.000e-1 (tolerance 0.4999999999999999)',
    );
  });
});

describe('asDensityMatrix refuses (InputError naming the problem)', () => {
  const F = float64;
  const cases: { name: string; M: CMatrix<number>; tolerance?: number; message: RegExp }[] = [
    { name: 'an empty 0×0 matrix', M: zeros(F, 0), message: /^ρ is empty$/ },
    { name: 'a non-square matrix', M: zeros(F, 2, 3), message: /^ρ is 2×3, not square$/ },
    {
      name: 'a NaN entry',
      M: fromNumbers(F, [
        [1, NaN],
        [NaN, 0],
      ]),
      message: /^ρ has a non-finite entry at \(1,2\)$/,
    },
    {
      name: 'an infinite imaginary part',
      M: fromNumbers(
        F,
        [
          [1, 0],
          [0, 0],
        ],
        [
          [0, 0],
          [Infinity, 0],
        ],
      ),
      message: /^ρ has a non-finite entry at \(2,1\)$/,
    },
    {
      name: 'asymmetry 1e-10 (> tolerance 8n·2^-53)',
      M: fromNumbers(F, [
        [0.5, 1e-10],
        [0, 0.5],
      ]),
      message: /^ρ is not Hermitian: max \|ρ_ij − conj ρ_ji\| = 1e-10/,
    },
    {
      name: 'trace 1 − 1e-12',
      M: fromNumbers(F, [
        [0.5, 0],
        [0, 0.5 - 1e-12],
      ]),
      message: /^ρ has trace 0\.99999999999900002, not 1 \(off by -1e-12, tolerance 1\.78e-15\)$/,
    },
    {
      name: 'diag(1.5, −0.5)',
      M: fromNumbers(F, [
        [1.5, 0],
        [0, -0.5],
      ]),
      message: /^ρ is not positive semidefinite: smallest eigenvalue -0\.5/,
    },
  ];
  it.each(cases)('$name', ({ M, tolerance, message }) => {
    expect(inputErrorOf(() => asDensityMatrix(F, M, { tolerance, what: 'ρ' })).message).toMatch(message);
  });
  it('at 50 digits a trace off by 1e-40 is not roundoff', () => {
    const M = {
      rows: 2,
      cols: 2,
      re: [D50.fromString('0.5'), D50.zero, D50.zero, D50.fromString('0.4999999999999999999999999999999999999999')],
      im: [D50.zero, D50.zero, D50.zero, D50.zero],
    };
    expect(inputErrorOf(() => asDensityMatrix(D50, M)).message).toMatch(/^matrix has trace 1, not 1 \(off by -1e-40, tolerance 8e-49\)$/);
  });
});

// ---------------------------------------------------------------------------------------------
// Acceptances
// ---------------------------------------------------------------------------------------------

describe('densityFromRational accepts', () => {
  // [[79/272, 1/8 + i/16], [1/8 − i/16, 193/272]]: trace 272/272 = 1, det = 79·193/272² − (1/64 + 1/256)
  // = 15247/73984 − 1445/73984 = 13802/73984 > 0, so both eigenvalues are positive.
  const exactState = rm(
    [
      ['79/272', '1/8'],
      ['1/8', '193/272'],
    ],
    [
      ['0', '1/16'],
      ['-1/16', '0'],
    ],
  );
  // Pure (rank-one, so a zero eigenvalue of multiplicity d − 1), given exactly:
  const pureStates: [string, RationalMatrix][] = [
    [
      '|+⟩⟨+| (dyadic)',
      rm([
        ['1/2', '1/2'],
        ['1/2', '1/2'],
      ]),
    ],
    [
      'the singlet (dyadic, 4×4)',
      rm([
        ['0', '0', '0', '0'],
        ['0', '1/2', '-1/2', '0'],
        ['0', '-1/2', '1/2', '0'],
        ['0', '0', '0', '0'],
      ]),
    ],
    [
      '(1, 1, 1)/√3: every entry 1/3 (rounded in every field)',
      rm([
        ['1/3', '1/3', '1/3'],
        ['1/3', '1/3', '1/3'],
        ['1/3', '1/3', '1/3'],
      ]),
    ],
    [
      '(2, 3, 6)/7: entries k/49 (rounded in every field)',
      rm([
        ['4/49', '6/49', '12/49'],
        ['6/49', '9/49', '18/49'],
        ['12/49', '18/49', '36/49'],
      ]),
    ],
    // v = (1, i, 1 + i)/2: v v† = [[1, −i, 1−i], [i, 1, 1+i], [1+i, 1−i, 2]]/4
    [
      '(1, i, 1 + i)/2 (complex, dyadic)',
      rm(
        [
          ['1/4', '0', '1/4'],
          ['0', '1/4', '1/4'],
          ['1/4', '1/4', '1/2'],
        ],
        [
          ['0', '-1/4', '-1/4'],
          ['1/4', '0', '1/4'],
          ['1/4', '-1/4', '0'],
        ],
      ),
    ],
  ];

  describe.each(ALL_FIELDS)('in %s', (_, F) => {
    it('an exact rational state (entries like 79/272), returned entry by entry as fromRational', () => {
      const rho = densityFromRational(F, exactState);
      const want = rationalToField(F, exactState);
      rho.re.forEach((x, k) => expect(F.cmp(x, want.re[k])).toBe(0));
      rho.im.forEach((x, k) => expect(F.cmp(x, want.im[k])).toBe(0));
    });
    it.each(pureStates)('a rank-deficient (pure) state: %s', (_, Q) => {
      expect(() => densityFromRational(F, Q)).not.toThrow();
    });
    it('float64 input with trace 1 + 1e-16 and 1 − 1e-16 (tolerance d·2^-50)', () => {
      const up = fromJsonNumbers([
        [0.30000000000000004, 0.1],
        [0.1, 0.7],
      ]);
      const down = fromJsonNumbers([
        [0.3, 0.1],
        // biome-ignore lint/correctness/noPrecisionLoss: 0.6999999999999999 is the float64 that 1 − 0.3 rounds to, on purpose
        [0.1, 0.6999999999999999],
      ]);
      expect(up.hasFloatEntries && down.hasFloatEntries).toBe(true);
      expect(defaultTolerance(up)).toBe(2 * FLOAT_INPUT_TOLERANCE);
      expect(() => densityFromRational(F, up)).not.toThrow();
      expect(() => densityFromRational(F, down)).not.toThrow();
    });
    it('float64 input asymmetric by 1e-17 (below d·2^-50)', () => {
      expect(() =>
        densityFromRational(
          F,
          fromJsonNumbers([
            [0.5, 0.1 + 1e-17],
            [0.1, 0.5],
          ]),
        ),
      ).not.toThrow();
    });
  });

  it('integer-only JSON input is exact: tolerance 0', () => {
    expect(
      defaultTolerance(
        fromJsonNumbers([
          [1, 0],
          [0, 0],
        ]),
      ),
    ).toBe(0);
  });
});

describe('asDensityMatrix accepts', () => {
  it('a float64 state with trace 1 ± 1e-16 and an asymmetry of 1e-17', () => {
    expect(() =>
      asDensityMatrix(
        float64,
        fromNumbers(float64, [
          [0.30000000000000004, 0.1],
          [0.1, 0.7],
        ]),
      ),
    ).not.toThrow();
    expect(() =>
      asDensityMatrix(
        float64,
        fromNumbers(float64, [
          [0.3, 0.1],
          // biome-ignore lint/correctness/noPrecisionLoss: 0.6999999999999999 is the float64 that 1 − 0.3 rounds to, on purpose
          [0.1 + 1e-17, 0.6999999999999999],
        ]),
      ),
    ).not.toThrow();
  });
  it('a pure state at 50 digits, and returns the same matrix', () => {
    const M = rationalToField(
      D50,
      rm([
        ['1/3', '1/3', '1/3'],
        ['1/3', '1/3', '1/3'],
        ['1/3', '1/3', '1/3'],
      ]),
    );
    expect(asDensityMatrix(D50, M)).toBe(M);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

/** Small Gaussian-integer vectors [re, im][], not all zero. */
const vecArb = (n: number) =>
  fc
    .array(fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 })), { minLength: n, maxLength: n })
    .filter((v) => v.some(([a, b]) => a !== 0 || b !== 0));
const toVec = (v: [number, number][]): CRational[] => v.map(([a, b]) => cr(rational(BigInt(a)), rational(BigInt(b))));

describe('exactly known spectra (R₂R₁ diag(p) R₁R₂ with rational reflections)', () => {
  it('every exactly PSD state is accepted at every precision, rank-deficient ones included', () => {
    fc.assert(
      fc.property(
        // weights 0..6 with many zeros: rank-deficient spectra are common
        weightedStateArb(1, 4, 0, 6, (w) => w.some((x) => x > 0)),
        (spec) => {
          const Q = weightedState(spec);
          for (const [, F] of ALL_FIELDS) {
            expect(() => densityFromRational(F, Q)).not.toThrow();
            expect(() => asDensityMatrix(F, rationalToField(F, Q))).not.toThrow();
          }
        },
      ),
      fcParams('density exact PSD accepted', 40),
    );
  });

  it('every state with an eigenvalue ≤ −1/(6·4·4) is refused at every precision, naming positivity', () => {
    fc.assert(
      fc.property(
        weightedStateArb(2, 4, -6, 6, (w) => w.reduce((a, b) => a + b, 0) > 0 && w.some((x) => x < 0)),
        (spec) => {
          const Q = weightedState(spec);
          // smallest eigenvalue ≤ −1/total ≤ −1/24: far outside any rounding allowance
          for (const [, F] of ALL_FIELDS) expect(inputErrorOf(() => densityFromRational(F, Q)).message).toMatch(/not positive semidefinite/);
        },
      ),
      fcParams('density exact non-PSD refused', 30),
    );
  });
});

// The float64 shortcut for exact input (shifted Cholesky) must decide nothing the eigenvalue test
// would not: an eigenvalue just below zero, from −1e-10 down past float64's resolution, is refused
// at 50 and 200 digits; a spectrum well above zero is accepted without the eigensolver.
describe('positivity of exact input: the float64 proof and the eigensolver agree', () => {
  /** n − 1 weights scaled to trace 1 + 10^-k, and −10^-k (or +10^-k): trace exactly 1. */
  const spectrum = (w: number[], k: number, sign: 1 | -1): Rational[] => {
    const eps = rational(1n, 10n ** BigInt(k));
    const total = BigInt(w.reduce((a, b) => a + b, 0));
    const rest = sign === 1 ? rsub(RONE, eps) : radd(RONE, eps);
    return [...w.map((x) => rmul(rational(BigInt(x), total), rest)), sign === 1 ? eps : rneg(eps)];
  };
  const arb = fc.integer({ min: 2, max: 6 }).chain((n) =>
    fc.record({
      w: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: n - 1, maxLength: n - 1 }),
      k: fc.constantFrom(10, 12, 13, 14, 15, 16, 17, 18, 20, 25, 30, 40),
      v1: vecArb(n),
      v2: vecArb(n),
    }),
  );

  it('a smallest eigenvalue of −10^-k is refused at 50 and 200 digits', () => {
    fc.assert(
      fc.property(arb, ({ w, k, v1, v2 }) => {
        const Q = withExactSpectrum(spectrum(w, k, -1), toVec(v1), toVec(v2));
        for (const F of [D50, D200]) expect(inputErrorOf(() => densityFromRational(F, Q)).message).toMatch(/not positive semidefinite/);
      }),
      fcParams('density tiny negative eigenvalue refused', 60),
    );
  });

  it('a smallest eigenvalue of +10^-k is accepted; at 10^-10 without the eigensolver', () => {
    fc.assert(
      fc.property(arb, ({ w, k, v1, v2 }) => {
        const Q = withExactSpectrum(spectrum(w, k, 1), toVec(v1), toVec(v2));
        for (const [, F] of ALL_FIELDS) {
          let eigensolver = false;
          expect(() => densityFromRational(F, Q, { beforeEigen: () => (eigensolver = true) })).not.toThrow();
          if (k === 10) expect(eigensolver).toBe(false);
        }
      }),
      fcParams('density tiny positive eigenvalue accepted', 60),
    );
  });

  it('exact states of rank ≤ 8 are proved exactly, without the eigensolver, in every field', () => {
    fc.assert(
      fc.property(
        // at least one zero weight: rank-deficient, beyond the float64 test
        weightedStateArb(2, 6, 0, 6, (w) => w.some((x) => x > 0) && w.some((x) => x === 0)),
        (spec) => {
          const Q = weightedState(spec);
          for (const [, F] of ALL_FIELDS) {
            let eigensolver = false;
            expect(() => densityFromRational(F, Q, { beforeEigen: () => (eigensolver = true) })).not.toThrow();
            expect(eigensolver).toBe(false);
          }
        },
      ),
      fcParams('density exact low rank proved', 60),
    );
  });

  it('a 64-dimensional pure state is proved exactly; rank 9 goes to the eigensolver and is accepted', () => {
    const rng = new Rng(7, ['density low rank']);
    // ρ = Σ_r ψ_r ψ_r† / Σ_r |ψ_r|², Gaussian-integer ψ_r
    const mixture = (rank: number, n: number): RationalMatrix => {
      const psi = Array.from({ length: rank }, () => Array.from({ length: n }, () => [BigInt(rng.int(-3, 3)), BigInt(rng.int(-3, 3))] as const));
      let t = 0n;
      for (const v of psi) for (const [a, b] of v) t += a * a + b * b;
      const re: Rational[] = [];
      const im: Rational[] = [];
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          let sr = 0n;
          let si = 0n;
          for (const v of psi) {
            // ψ_i conj(ψ_j)
            sr += v[i][0] * v[j][0] + v[i][1] * v[j][1];
            si += v[i][1] * v[j][0] - v[i][0] * v[j][1];
          }
          re.push(rational(sr, t));
          im.push(rational(si, t));
        }
      return { rows: n, cols: n, re, im, hasFloatEntries: false };
    };
    let eigensolver = false;
    expect(() => densityFromRational(D50, mixture(1, 64), { beforeEigen: () => (eigensolver = true) })).not.toThrow();
    expect(eigensolver).toBe(false);
    expect(() => densityFromRational(D50, mixture(9, 12), { beforeEigen: () => (eigensolver = true) })).not.toThrow();
    expect(eigensolver).toBe(true);
  });

  it.each([
    [
      'a zero diagonal entry with a nonzero row',
      [
        ['1', '1/4'],
        ['1/4', '0'],
      ],
    ],
    [
      'a zero diagonal entry with a nonzero row, 3×3',
      [
        ['1/2', '0', '1/10'],
        ['0', '1/2', '0'],
        ['1/10', '0', '0'],
      ],
    ],
    [
      'a zero diagonal appearing after one elimination step',
      [
        ['1/2', '1/2', '0'],
        ['1/2', '1/2', '1/10'],
        ['0', '1/10', '0'],
      ],
    ],
  ])('%s is refused in every field', (_, re) => {
    for (const [, F] of ALL_FIELDS) expect(inputErrorOf(() => densityFromRational(F, rm(re))).message).toMatch(/not positive semidefinite/);
  });

  it('a rank-deficient spectrum with −10^-k is refused at 50 and 200 digits', () => {
    fc.assert(
      fc.property(arb, ({ w, k, v1, v2 }) => {
        // (…, 0, −10^-k): a zero and a tiny negative eigenvalue
        const p = spectrum(w, k, -1);
        const Q = withExactSpectrum([...p.slice(0, -1), RZERO, p[p.length - 1]], toVec([...v1, [1, 1]]), toVec([...v2, [2, -1]]));
        for (const F of [D50, D200]) expect(inputErrorOf(() => densityFromRational(F, Q)).message).toMatch(/not positive semidefinite/);
      }),
      fcParams('density rank-deficient tiny negative refused', 40),
    );
  });
});

describe.each(PHYSICS_FIELDS)('generated states pass validation in %s', (label, F) => {
  it('every state of every ensemble is a valid density matrix (asDensityMatrix, no extra tolerance)', () => {
    fc.assert(
      fc.property(stateSpec({ minDim: 1, maxDim: 6 }), (spec) => {
        const rho = buildState(F, spec);
        expect(asDensityMatrix(F, rho)).toBe(rho);
      }),
      fcParams(`density generated ${label}`, F.kind === 'float64' ? 100 : 20),
    );
  });
});
