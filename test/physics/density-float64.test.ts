/**
 * densityFromFloat64Entries: a state of JSON numbers validated on its doubles. Its every outcome
 * (the matrix, or the refusal and its message) must be that of the exact route,
 * densityFromRational(float64, Q) with Q read exactly (rationalFromNumber, the independent reading
 * of numeric/rational.ts); and its own proofs (Hermiticity, unit trace) must never accept what the
 * exact checks refuse.
 *
 * Order: refusals and edge rows as a table; the fast route taken on valid states; properties on
 * seeded states and on inputs built to sit at the tolerance.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { float64 } from '../../src/numeric/float64.js';
import { RZERO, rationalFromNumber, type Rational, type RationalMatrix } from '../../src/numeric/rational.js';
import { checkDensityExact, checkHermitianExact, densityFromRational, FLOAT_INPUT_TOLERANCE } from '../../src/physics/density.js';
import { densityFromFloat64Entries, provesHermitianFloat64, provesUnitTraceFloat64, type Float64Entries } from '../../src/physics/density-float64.js';
import { buildState, fcParams, stateSpec } from '../arbitraries.js';

/** Entries of a file of JSON numbers (rows of re, optional rows of im). */
function entries(re: number[][], im?: number[][]): Float64Entries {
  const all = [...re.flat(), ...(im ?? []).flat()];
  const n = re.length;
  const c = n > 0 ? re[0].length : 0;
  return {
    rows: n,
    cols: c,
    re: Float64Array.from(re.flat()),
    im: im ? Float64Array.from(im.flat()) : new Float64Array(n * c),
    hasFloatEntries: all.some((x) => !Number.isInteger(x)),
  };
}

/** The same file read exactly, as matrix-json's exact route and density.test.ts read it. */
function exactOf(Q: Float64Entries): RationalMatrix {
  const q = (a: Float64Array): Rational[] => Array.from(a, (x) => (x === 0 ? RZERO : rationalFromNumber(x)));
  return { rows: Q.rows, cols: Q.cols, re: q(Q.re), im: q(Q.im), hasFloatEntries: Q.hasFloatEntries };
}

type Outcome = { ok: { re: number[]; im: number[] } } | { refused: string };
function outcome(f: () => { re: number[]; im: number[] }): Outcome {
  try {
    const M = f();
    return { ok: { re: M.re.slice(), im: M.im.slice() } };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { refused: e.message };
  }
}

/** Both routes on Q; returns the fast route's outcome and how often it fell back to the exact matrix. */
function bothRoutes(Q: Float64Entries, tolerance?: number): { fast: Outcome; exact: Outcome; fellBack: number } {
  let fellBack = 0;
  const fast = outcome(() =>
    densityFromFloat64Entries(
      Q,
      () => {
        fellBack++;
        return exactOf(Q);
      },
      { tolerance, what: 'ρ' },
    ),
  );
  const exact = outcome(() => densityFromRational(float64, exactOf(Q), { tolerance, what: 'ρ' }));
  return { fast, exact, fellBack };
}

/** Same outcome, bit for bit (Object.is: a −0 would show). */
function expectSame(Q: Float64Entries, tolerance?: number): { fast: Outcome; fellBack: number } {
  const r = bothRoutes(Q, tolerance);
  if ('refused' in r.exact) expect(r.fast).toEqual(r.exact);
  else {
    expect('ok' in r.fast).toBe(true);
    const a = (r.fast as { ok: { re: number[]; im: number[] } }).ok;
    const b = r.exact.ok;
    expect(a.re.length).toBe(b.re.length);
    a.re.forEach((x, k) => expect(Object.is(x, b.re[k]), `re[${k}] ${x} vs ${b.re[k]}`).toBe(true));
    a.im.forEach((x, k) => expect(Object.is(x, b.im[k]), `im[${k}] ${x} vs ${b.im[k]}`).toBe(true));
  }
  return r;
}

const TOL2 = 2 * FLOAT_INPUT_TOLERANCE; // the default tolerance of 2×2 float64 input

describe('densityFromFloat64Entries: the exact route’s outcome, row by row', () => {
  const cases: { name: string; Q: Float64Entries; tolerance?: number; refused?: RegExp; fast?: boolean }[] = [
    // edge rows: shape and tolerance (always the exact route)
    { name: 'an empty 0×0 matrix', Q: entries([]), refused: /^ρ is empty$/ },
    { name: 'a non-square 1×2 matrix', Q: entries([[1, 0]]), refused: /^ρ is 1×2, not square$/ },
    { name: 'a NaN tolerance', Q: entries([[1]]), tolerance: NaN, refused: /^tolerance must be a finite number ≥ 0, got NaN$/ },
    { name: 'a negative tolerance', Q: entries([[1]]), tolerance: -1, refused: /^tolerance must be a finite number ≥ 0, got -1$/ },
    // integer input: tolerance 0, the proofs cannot close the rounding allowance, the exact route decides
    { name: '[[1]] (integers: tolerance 0)', Q: entries([[1]]) },
    // −0 reads as 0
    {
      name: 'a −0 entry',
      Q: entries(
        [
          [0.5, -0],
          [-0, 0.5],
        ],
        [
          [-0, 0],
          [0, -0],
        ],
      ),
      fast: true,
    },
    // Hermiticity
    {
      name: 'float64 input asymmetric by 1e-10 (> d·2^-50)',
      Q: entries([
        [0.5, 0.1 + 1e-10],
        [0.1, 0.5],
      ]),
      refused: /^ρ is not Hermitian: entries \(1,2\) and \(2,1\) differ by 1\.000e-10 \(tolerance 1\.7763568394002505e-15\)$/,
    },
    {
      name: 'an imaginary diagonal entry',
      Q: entries(
        [
          [0.5, 0],
          [0, 0.5],
        ],
        [
          [0, 0],
          [0, 0.125],
        ],
      ),
      refused: /^ρ is not Hermitian: diagonal entry \(2,2\) has imaginary part 1\.250e-1/,
    },
    {
      name: 'asymmetric by 1e-17 (below d·2^-50: proved on the doubles)',
      Q: entries([
        [0.5, 0.1 + 1e-17],
        [0.1, 0.5],
      ]),
      fast: true,
    },
    {
      name: 'asymmetric by exactly the tolerance 2^-10 = 0.0009765625 (the proof cannot tell: exact route, accepted)',
      Q: entries([
        [0.5, 2 ** -10],
        [0, 0.5],
      ]),
      tolerance: 2 ** -10,
      fast: false,
    },
    {
      name: 'asymmetric by the decimal 1.7763568394002505e-15, just above the tolerance 2^-49 (exact route, refused)',
      Q: entries([
        [0.5, TOL2],
        [0, 0.5],
      ]),
      refused: /^ρ is not Hermitian: entries \(1,2\) and \(2,1\) differ by 1\.776e-15 \(tolerance 1\.7763568394002505e-15\)$/,
      fast: false,
    },
    // trace
    {
      name: 'trace 1 − 1e-14 (> d·2^-50)',
      Q: entries([
        [0.3, 0],
        [0, 0.69999999999999],
      ]),
      refused: /^ρ has trace 0\.99999999999999, not 1 \(off by -1\.000e-14, tolerance 1\.7763568394002505e-15\)$/,
    },
    {
      name: 'trace 1 + 4e-17 with an explicit tolerance of 0',
      Q: entries([
        [0.30000000000000004, 0],
        [0, 0.7],
      ]),
      tolerance: 0,
      refused: /has trace 1\.00000000000000004, not 1 \(off by 4\.000e-17, tolerance 0\)/,
    },
    {
      name: 'trace 1 + 4e-17 (within d·2^-50)',
      Q: entries([
        [0.30000000000000004, 0],
        [0, 0.7],
      ]),
      fast: true,
    },
    // positivity
    {
      name: 'diag(1.5, −0.5)',
      Q: entries([
        [1.5, 0],
        [0, -0.5],
      ]),
      refused: /^ρ is not positive semidefinite: smallest eigenvalue -0\.5/,
    },
    {
      name: 'a pure state (rank 1: positivity by the eigensolver on the same doubles)',
      Q: entries([
        [0.5, 0.5],
        [0.5, 0.5],
      ]),
      fast: true,
    },
    // subnormal and huge entries
    {
      name: 'subnormal off-diagonal entries',
      Q: entries([
        [0.5, 5e-324],
        [5e-324, 0.5],
      ]),
      fast: true,
    },
    {
      name: 'entries near the largest double (overflow in the proofs: exact route)',
      Q: entries([
        [0.5, 1.7e308],
        [-1.7e308, 0.5],
      ]),
      refused: /^ρ is not Hermitian: entries \(1,2\) and \(2,1\) differ by 3\.400e\+308/,
    },
  ];
  it.each(cases)('$name', ({ Q, tolerance, refused, fast }) => {
    const r = expectSame(Q, tolerance);
    if (refused) expect(r.fast).toEqual({ refused: expect.stringMatching(refused) });
    else expect('ok' in r.fast).toBe(true);
    if (fast !== undefined) expect(r.fellBack === 0).toBe(fast);
  });
});

describe('densityFromFloat64Entries on seeded states', () => {
  it('a random float64 state (every ensemble, d ≤ 16): the doubles prove it Hermitian and of unit trace, the exact matrix is never formed, the result is the exact route’s', () => {
    fc.assert(
      fc.property(stateSpec({ minDim: 2, maxDim: 16 }), (spec) => {
        const M = buildState(float64, spec);
        const n = M.rows;
        const Q: Float64Entries = { rows: n, cols: n, re: Float64Array.from(M.re), im: Float64Array.from(M.im), hasFloatEntries: true };
        expect(expectSame(Q).fellBack).toBe(0);
      }),
      fcParams('density-float64 seeded states', 150),
    );
  });

  it('states perturbed at the tolerance (asymmetry, trace, a negative direction): the same outcome as the exact route', () => {
    const seen = { accepted: 0, refused: 0, proved: 0, fellBack: 0 };
    fc.assert(
      fc.property(
        stateSpec({ minDim: 2, maxDim: 6 }),
        fc.constantFrom('asymmetry-re', 'asymmetry-im', 'trace', 'negative'),
        fc.constantFrom(0.5, 0.99, 1, 1, 1.01, 2),
        fc.integer({ min: -4, max: 4 }),
        fc.constantFrom(undefined, 0, 1e-14, 2 ** -40),
        fc.nat(),
        (spec, kind, factor, ulps, tolerance, which) => {
          const M = buildState(float64, spec);
          const n = M.rows;
          const re = Float64Array.from(M.re);
          const im = Float64Array.from(M.im);
          const tol = tolerance ?? n * FLOAT_INPUT_TOLERANCE;
          // a perturbation of about the tolerance, moved by a few ulps either way
          let delta = (tol === 0 ? 2 ** -60 : tol) * factor;
          for (let k = 0; k < Math.abs(ulps); k++) delta = ulps > 0 ? delta * (1 + 2 ** -52) : delta * (1 - 2 ** -53);
          const i = which % n;
          const j = (i + 1 + (which >> 3)) % n;
          if (kind === 'asymmetry-re') re[i * n + j] += delta;
          else if (kind === 'asymmetry-im') im[i * n + j] += delta;
          else if (kind === 'trace') re[i * n + i] += delta;
          else {
            // ρ − δ|v⟩⟨v| for the all-ones v/√n: within the positivity allowance or just outside it
            for (let k = 0; k < n * n; k++) re[k] -= (delta * 10 ** (which % 20)) / n;
          }
          const r = expectSame({ rows: n, cols: n, re, im, hasFloatEntries: true }, tolerance);
          seen['ok' in r.fast ? 'accepted' : 'refused']++;
          seen[r.fellBack === 0 ? 'proved' : 'fellBack']++;
        },
      ),
      fcParams('density-float64 at the tolerance', 300),
    );
    // the inputs sit on both sides of every decision
    for (const k of Object.keys(seen) as (keyof typeof seen)[]) expect(seen[k], k).toBeGreaterThan(30);
  });
});

describe('the float64 proofs never accept what the exact checks refuse', () => {
  it('Hermiticity: pairs a, b of any magnitude (2^-1074 to 2^1000) some ulps around a tolerance apart', () => {
    let proved = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: -1074, max: 1000 }),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        fc.integer({ min: -60, max: 4 }),
        fc.constantFrom(0.5, 0.9, 1, 1, 1.1),
        fc.integer({ min: -3, max: 3 }),
        fc.boolean(),
        fc.boolean(),
        (e, f, logTol, factor, ulps, up, imaginary) => {
          const a = 2 ** e * f;
          const tolerance = Math.min(Number.MAX_VALUE, 2 ** (e + logTol));
          const gap = tolerance * factor * (1 + ulps * 2 ** -52);
          const b = up ? a + gap : a - gap;
          const Q = imaginary
            ? entries(
                [
                  [0.5, 0],
                  [0, 0.5],
                ],
                [
                  [0, a],
                  [-b, 0],
                ],
              )
            : entries([
                [0.5, a],
                [b, 0.5],
              ]);
          if (provesHermitianFloat64(Q, tolerance)) {
            proved++;
            expect(() => checkHermitianExact(exactOf(Q), tolerance)).not.toThrow();
          }
        },
      ),
      fcParams('proof of Hermiticity', 2000),
    );
    expect(proved).toBeGreaterThan(200);
  });

  it('unit trace: diagonals summing to within a few ulps of 1 ± tolerance', () => {
    let proved = 0;
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: -55, max: -20 }),
        fc.constantFrom(0.5, 0.9, 1, 1, 1.1),
        fc.integer({ min: -3, max: 3 }),
        (w, logTol, factor, k) => {
          const tolerance = 2 ** logTol;
          const s = w.reduce((x, y) => x + y, 0) || 1;
          const d = w.map((x) => x / s);
          d[0] += tolerance * factor * (1 + k * 2 ** -50);
          const n = d.length;
          const Q = entries(d.map((x, i) => d.map((_, j) => (i === j ? x : 0))));
          if (provesUnitTraceFloat64(Q, tolerance)) {
            proved++;
            expect(() => checkDensityExact(exactOf(Q), tolerance)).not.toThrow();
          }
          expect(n).toBe(Q.rows);
        },
      ),
      fcParams('proof of unit trace', 1000),
    );
    expect(proved).toBeGreaterThan(100);
  });
});
