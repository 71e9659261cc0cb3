import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectHaarMoments, expectMean } from './moments.js';
import { InputError } from '../../src/errors.js';
import { decimalField } from '../../src/numeric/decimal.js';
import type { Field } from '../../src/numeric/field.js';
import { fixedField } from '../../src/numeric/fixed.js';
import { float64 } from '../../src/numeric/float64.js';
import type { CMatrix } from '../../src/numeric/matrix.js';
import { add, adjoint, diag, hermiticityDefect, identity, maxAbs, mul, scaleReal, sub, trace, traceProduct, zeros } from '../../src/numeric/matrix.js';
import {
  buresState,
  ENSEMBLES,
  type Ensemble,
  ginibre,
  haarPureState,
  haarStateVector,
  haarUnitary,
  hilbertSchmidtState,
  isEnsemble,
  parseEnsemble,
  randomDiagonalState,
  randomState,
  Rng,
} from '../../src/random/index.js';

// ---------------------------------------------------------------------------------------------
// Test-side helpers, written independently of src/random.
// ---------------------------------------------------------------------------------------------

const dec50 = decimalField(50);

/**
 * Fields with the tolerance every exact-by-construction property must meet: trace 1, U†U = I,
 * ρ² = ρ for pure states. Each is n·(a few) units of roundoff for n ≤ 8, with margin.
 */
const FIELDS: readonly [string, Field<unknown>, number][] = [
  ['float64', float64 as Field<unknown>, 1e-13],
  ['decimal(50)', dec50 as Field<unknown>, 1e-45],
  ['fixed(256 bits)', fixedField(256) as Field<unknown>, 1e-70],
];

const ENSEMBLE_NAMES = ENSEMBLES.map((e) => e.name);

/** Lower-triangular L with L L† = A and positive diagonal, or null if a pivot is not positive. */
function cholesky<T>(F: Field<T>, A: CMatrix<T>): CMatrix<T> | null {
  const n = A.rows;
  const L = zeros(F, n);
  for (let j = 0; j < n; j++) {
    let d = A.re[j * n + j];
    for (let k = 0; k < j; k++) d = F.sub(d, F.add(F.mul(L.re[j * n + k], L.re[j * n + k]), F.mul(L.im[j * n + k], L.im[j * n + k])));
    if (F.sign(d) <= 0) return null;
    const ljj = F.sqrt(d);
    L.re[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      // (A_ij − Σ_k L_ik conj(L_jk)) / L_jj
      let re = A.re[i * n + j];
      let im = A.im[i * n + j];
      for (let k = 0; k < j; k++) {
        const [ar, ai, br, bi] = [L.re[i * n + k], L.im[i * n + k], L.re[j * n + k], L.im[j * n + k]];
        re = F.sub(re, F.add(F.mul(ar, br), F.mul(ai, bi)));
        im = F.sub(im, F.sub(F.mul(ai, br), F.mul(ar, bi)));
      }
      L.re[i * n + j] = F.div(re, ljj);
      L.im[i * n + j] = F.div(im, ljj);
    }
  }
  return L;
}

/** ρ + δI has a Cholesky factorisation ⇔ every eigenvalue of ρ exceeds −δ. */
const isPsd = <T>(F: Field<T>, rho: CMatrix<T>, delta: number): boolean =>
  cholesky(F, add(F, rho, scaleReal(F, F.fromNumber(delta), identity(F, rho.rows)))) !== null;

/**
 * Independent route to the unitary factor: Cholesky-QR. Z†Z = R†R with R = L† upper triangular
 * with positive diagonal, then Q = Z R⁻¹ column by column. Loses cond(Z)² digits, which at 50
 * digits still leaves far more than the comparisons below need.
 */
function choleskyQ<T>(F: Field<T>, Z: CMatrix<T>): CMatrix<T> {
  const n = Z.rows;
  const L = cholesky(F, mul(F, adjoint(F, Z), Z));
  if (L === null) throw new Error('choleskyQ: Z is singular');
  const Q = zeros(F, n);
  for (let j = 0; j < n; j++) {
    const rjj = L.re[j * n + j];
    for (let i = 0; i < n; i++) {
      let re = Z.re[i * n + j];
      let im = Z.im[i * n + j];
      for (let k = 0; k < j; k++) {
        // R_kj = conj(L_jk); subtract Q_ik R_kj
        const [qr, qi, lr, li] = [Q.re[i * n + k], Q.im[i * n + k], L.re[j * n + k], L.im[j * n + k]];
        re = F.sub(re, F.add(F.mul(qr, lr), F.mul(qi, li)));
        im = F.sub(im, F.sub(F.mul(qi, lr), F.mul(qr, li)));
      }
      Q.re[i * n + j] = F.div(re, rjj);
      Q.im[i * n + j] = F.div(im, rjj);
    }
  }
  return Q;
}

/** ρ / Tr ρ through the matrix module. */
const byTrace = <T>(F: Field<T>, W: CMatrix<T>): CMatrix<T> => scaleReal(F, F.div(F.one, trace(F, W).re), W);

/** Each ensemble rebuilt from the raw draws by the plainest formula, without src/random's kernels. */
function independentState<T>(F: Field<T>, seed: number, ensemble: Ensemble, n: number): CMatrix<T> {
  const rng = new Rng(seed);
  switch (ensemble) {
    case 'haar': {
      const g = ginibre(F, rng, n, 1);
      return byTrace(F, mul(F, g, adjoint(F, g)));
    }
    case 'hs': {
      const G = ginibre(F, rng, n);
      return byTrace(F, mul(F, G, adjoint(F, G)));
    }
    case 'bures': {
      const U = choleskyQ(F, ginibre(F, rng, n));
      const A = mul(F, add(F, identity(F, n), U), ginibre(F, rng, n));
      return byTrace(F, mul(F, A, adjoint(F, A)));
    }
    case 'diagonal':
      return byTrace(
        F,
        diag(
          F,
          Array.from({ length: n }, () => F.fromNumber(rng.exponential())),
        ),
      );
  }
}

/** max(‖U†U − I‖_max, ‖UU† − I‖_max), in F. */
const unitarityDefect = <T>(F: Field<T>, U: CMatrix<T>): T => {
  const I = identity(F, U.rows);
  const a = maxAbs(F, sub(F, mul(F, adjoint(F, U), U), I));
  const b = maxAbs(F, sub(F, mul(F, U, adjoint(F, U)), I));
  return F.cmp(a, b) >= 0 ? a : b;
};

/** |Tr ρ − 1| (real and imaginary parts), in F. */
const traceDefect = <T>(F: Field<T>, rho: CMatrix<T>): T => {
  const t = trace(F, rho);
  const re = F.abs(F.sub(t.re, F.one));
  const im = F.abs(t.im);
  return F.cmp(re, im) >= 0 ? re : im;
};

/**
 * x < tol, compared in F: toNumber cannot be used for tiny values (fixed point's toNumber keeps
 * only 64 fractional bits).
 */
function expectBelow<T>(F: Field<T>, x: T, tol: number, what: string): void {
  expect(F.cmp(F.abs(x), F.fromNumber(tol)) < 0, `${what} = ${F.toString(x, 6)} in ${F.name}, tolerance ${tol}`).toBe(true);
}

const maxDifference = <S, T>(F: Field<S>, A: CMatrix<S>, G: Field<T>, B: CMatrix<T>): number =>
  Math.max(...A.re.map((x, k) => Math.abs(F.toNumber(x) - G.toNumber(B.re[k]))), ...A.im.map((x, k) => Math.abs(F.toNumber(x) - G.toNumber(B.im[k]))));

/** Sample mean within 5 standard errors (estimated from the sample) of `expected`. */

// ---------------------------------------------------------------------------------------------

describe('ensembles: refuse', () => {
  const generators: [string, (n: number) => unknown][] = [
    ['haarUnitary', (n) => haarUnitary(float64, new Rng(1), n)],
    ['haarStateVector', (n) => haarStateVector(float64, new Rng(1), n)],
    ['haarPureState', (n) => haarPureState(float64, new Rng(1), n)],
    ['hilbertSchmidtState', (n) => hilbertSchmidtState(float64, new Rng(1), n)],
    ['buresState', (n) => buresState(float64, new Rng(1), n)],
    ['randomDiagonalState', (n) => randomDiagonalState(float64, new Rng(1), n)],
    ['hilbertSchmidtState', (n) => randomState(float64, new Rng(1), 'hs', n)],
  ];
  const badSizes = [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY];
  it.each(generators.flatMap(([name, f]) => badSizes.map((n) => [name, n, f] as const)))('%s with n = %s', (name, n, f) => {
    expect(() => f(n)).toThrow(RangeError);
    expect(() => f(n)).toThrow(`${name}: n must be a positive integer, got ${n}`);
  });
  it.each([
    [0, 1, 'ginibre: rows must be a positive integer, got 0'],
    [2, 0.5, 'ginibre: cols must be a positive integer, got 0.5'],
  ])('ginibre(%s, %s)', (rows, cols, message) => {
    expect(() => ginibre(float64, new Rng(1), rows, cols)).toThrow(message);
  });
  it('randomState with an unknown ensemble (untyped caller)', () => {
    expect(() => randomState(float64, new Rng(1), 'ginibre' as Ensemble, 2)).toThrow(
      'randomState: unknown ensemble "ginibre" (expected one of haar, hs, bures, diagonal)',
    );
  });
  it.each(['', 'HS', 'Haar', 'hilbert-schmidt'])('parseEnsemble(%j) as an InputError', (s) => {
    expect(() => parseEnsemble(s)).toThrow(InputError);
    expect(() => parseEnsemble(s)).toThrow(`unknown ensemble "${s}" (expected one of haar, hs, bures, diagonal)`);
  });
});

describe('ensembles: names', () => {
  it('ENSEMBLES lists every name once, each with a one-line description', () => {
    expect(ENSEMBLE_NAMES).toEqual(['haar', 'hs', 'bures', 'diagonal']);
    for (const e of ENSEMBLES) expect(e.description).toMatch(/^[^\n]{10,100}$/);
  });
  it.each(ENSEMBLE_NAMES)('parseEnsemble and isEnsemble accept %j', (name) => {
    expect(parseEnsemble(name)).toBe(name);
    expect(isEnsemble(name)).toBe(true);
  });
});

describe('ensembles: seeded no-regression (seed 42, n = 3, float64)', () => {
  // Guards against silent changes of generated data: a change of draws, draw order or
  // construction moves these by O(0.1). Each pinned number was printed by src/random at float64
  // and is cross-checked here against the independent route at 50 digits (same draws, plainer
  // formulas; Cholesky-QR instead of Gram–Schmidt), so it is not merely "what the code did".
  // Tolerance 1e-12: far above float64 rounding (~1e-15), far below any change of data.
  const TOL = 1e-12;
  it('ginibre entry (0, 1)', () => {
    const G = ginibre(float64, new Rng(42), 3);
    expect(Math.abs(G.re[1] - 0.5239615615075891)).toBeLessThan(TOL);
    expect(Math.abs(G.im[1] - 0.37436037079019041)).toBeLessThan(TOL);
  });
  it('haarUnitary entry (0, 1)', () => {
    const pinned = { re: 0.52722604430312536, im: 0.26714392748052157 };
    const U = haarUnitary(float64, new Rng(42), 3);
    const V = choleskyQ(dec50, ginibre(dec50, new Rng(42), 3));
    for (const M of [
      { re: U.re[1], im: U.im[1] },
      { re: V.re[1].toNumber(), im: V.im[1].toNumber() },
    ]) {
      expect(Math.abs(M.re - pinned.re)).toBeLessThan(TOL);
      expect(Math.abs(M.im - pinned.im)).toBeLessThan(TOL);
    }
  });
  it('haarStateVector entry 1', () => {
    const v = haarStateVector(float64, new Rng(42), 3);
    const g = ginibre(dec50, new Rng(42), 3, 1);
    const norm = dec50.sqrt(traceProduct(dec50, adjoint(dec50, g), g).re);
    expect(Math.abs(v.re[1] - 0.36161788530491246)).toBeLessThan(TOL);
    expect(Math.abs(v.im[1] - 0.25836896362702128)).toBeLessThan(TOL);
    expect(Math.abs(g.re[1].div(norm).toNumber() - 0.36161788530491246)).toBeLessThan(TOL);
    expect(Math.abs(g.im[1].div(norm).toNumber() - 0.25836896362702128)).toBeLessThan(TOL);
  });
  it.each([
    // ensemble, ρ_01 (re, im), ρ_11
    ['haar', 0.36051030964624992, 0.098918006000124986, 0.19752201633809785],
    ['hs', 0.14125803024298272, -0.17134691612448905, 0.53544450686796241],
    ['bures', 0.15878046420785102, -0.055636903550809164, 0.36458270755079553],
    ['diagonal', 0, 0, 0.0025138548263788888],
  ] as const)('%s: ρ_01 = %s + %si, ρ_11 = %s', (ensemble, re01, im01, re11) => {
    const rho = randomState(float64, new Rng(42), ensemble, 3);
    const ref = independentState(dec50, 42, ensemble, 3);
    for (const [F, M] of [
      [float64, rho],
      [dec50, ref],
    ] as [Field<unknown>, CMatrix<unknown>][]) {
      expect(Math.abs(F.toNumber(M.re[1]) - re01)).toBeLessThan(TOL);
      expect(Math.abs(F.toNumber(M.im[1]) - im01)).toBeLessThan(TOL);
      expect(Math.abs(F.toNumber(M.re[4]) - re11)).toBeLessThan(TOL);
    }
  });
});

describe('ensembles: guarantees in every field', () => {
  it.each(FIELDS.flatMap(([name, F, tol]) => [1, 2, 5].map((n) => [name, n, F, tol] as const)))('%s, n = %s: haarUnitary is unitary', (_name, n, F, tol) => {
    expectBelow(F, unitarityDefect(F, haarUnitary(F, new Rng(n), n)), tol, 'unitarity defect');
  });
  it.each(FIELDS.flatMap(([name, F, tol]) => ENSEMBLE_NAMES.map((e) => [name, e, F, tol] as const)))(
    '%s, %s: exactly Hermitian, trace 1, positive semidefinite',
    (_name, e, F, tol) => {
      for (const n of [1, 2, 4]) {
        const rho = randomState(F, new Rng(100 + n), e, n);
        expect(F.isZero(hermiticityDefect(F, rho))).toBe(true);
        expectBelow(F, traceDefect(F, rho), tol, 'trace defect');
        expect(isPsd(F, rho, tol)).toBe(true);
      }
    },
  );
  it.each(FIELDS)('%s: pure states are idempotent with purity 1 and unit vectors', (_name, F, tol) => {
    for (const n of [1, 3, 6]) {
      const rho = haarPureState(F, new Rng(n), n);
      expectBelow(F, maxAbs(F, sub(F, mul(F, rho, rho), rho)), tol, '‖ρ² − ρ‖');
      expectBelow(F, F.sub(traceProduct(F, rho, rho).re, F.one), tol, 'Tr ρ² − 1');
      const psi = haarStateVector(F, new Rng(n), n);
      const norm2 = psi.re.reduce((a: unknown, x, i) => F.add(F.add(a, F.mul(x, x)), F.mul(psi.im[i], psi.im[i])), F.zero);
      expectBelow(F, F.sub(norm2, F.one), tol, '‖ψ‖² − 1');
    }
  });
  it.each(FIELDS)('%s: diagonal states are exactly diagonal with nonnegative entries', (_name, F) => {
    const n = 5;
    const rho = randomDiagonalState(F, new Rng(3), n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        expect(F.isZero(rho.im[i * n + j])).toBe(true);
        if (i !== j) expect(F.isZero(rho.re[i * n + j])).toBe(true);
        else expect(F.sign(rho.re[i * n + j])).toBeGreaterThanOrEqual(0);
      }
  });
  it('ρ + δI is not positive definite for a state with a negative eigenvalue (the PSD check bites)', () => {
    // A Hermitian, unit-trace matrix with eigenvalues 1.5 and −0.5.
    const bad = { rows: 2, cols: 2, re: [0.5, 1, 1, 0.5], im: [0, 0, 0, 0] };
    expect(isPsd(float64, bad, 1e-13)).toBe(false);
  });
});

describe('ensembles: properties over seeds and n ∈ 1..8', () => {
  const seed = fc.nat();
  const size = fc.integer({ min: 1, max: 8 });
  const ensemble = fc.constantFrom(...ENSEMBLE_NAMES);
  it('float64: Hermitian, trace 1, PSD, and Haar unitaries unitary', () => {
    fc.assert(
      fc.property(seed, size, ensemble, (s, n, e) => {
        const rho = randomState(float64, new Rng(s), e, n);
        expect(hermiticityDefect(float64, rho)).toBe(0);
        expect(traceDefect(float64, rho)).toBeLessThan(1e-13);
        expect(isPsd(float64, rho, 1e-13)).toBe(true);
        expect(unitarityDefect(float64, haarUnitary(float64, new Rng(s), n))).toBeLessThan(1e-13);
      }),
      { numRuns: 200 },
    );
  });
  it('decimal(50): the same guarantees to 1e-45', () => {
    fc.assert(
      fc.property(seed, size, ensemble, (s, n, e) => {
        const rho = randomState(dec50, new Rng(s), e, n);
        expect(dec50.isZero(hermiticityDefect(dec50, rho))).toBe(true);
        expectBelow(dec50, traceDefect(dec50, rho), 1e-45, 'trace defect');
        expect(isPsd(dec50, rho, 1e-45)).toBe(true);
        expectBelow(dec50, unitarityDefect(dec50, haarUnitary(dec50, new Rng(s), n)), 1e-45, 'unitarity defect');
      }),
      { numRuns: 25 },
    );
  });
  it('same seed ⇒ identical matrices, in float64 and at 50 digits', () => {
    fc.assert(
      fc.property(fc.oneof(seed, fc.string()), size, ensemble, (s, n, e) => {
        expect(randomState(float64, new Rng(s), e, n)).toEqual(randomState(float64, new Rng(s), e, n));
        const a = randomState(dec50, new Rng(s), e, n);
        const b = randomState(dec50, new Rng(s), e, n);
        expect(a.re.map(String).concat(a.im.map(String))).toEqual(b.re.map(String).concat(b.im.map(String)));
      }),
      { numRuns: 40 },
    );
  });
  it('different seeds ⇒ different states (n ≥ 2)', () => {
    fc.assert(
      fc.property(seed, seed, fc.integer({ min: 2, max: 8 }), ensemble, (s, t, n, e) => {
        fc.pre(s !== t);
        expect(randomState(float64, new Rng(s), e, n)).not.toEqual(randomState(float64, new Rng(t), e, n));
      }),
      { numRuns: 50 },
    );
  });
  it('50 digits agrees with the independent route to 1e-30, and float64 with 50 digits to 1e-8', () => {
    // 1e-30: Cholesky-QR loses up to cond(Z)² ≲ 1e12 of the 50 digits for these sizes.
    // 1e-8: float64 Gram–Schmidt is accurate to ~cond(Z)·1e-16; cond(Z) > 1e7 has probability ~1e-13.
    fc.assert(
      fc.property(seed, fc.integer({ min: 1, max: 6 }), ensemble, (s, n, e) => {
        const high = randomState(dec50, new Rng(s), e, n);
        expect(maxDifference(dec50, high, dec50, independentState(dec50, s, e, n))).toBeLessThan(1e-30);
        expect(maxDifference(float64, randomState(float64, new Rng(s), e, n), dec50, high)).toBeLessThan(1e-8);
      }),
      { numRuns: 25 },
    );
  });
  it('haarUnitary at 50 digits agrees with Cholesky-QR of the same Ginibre draws', () => {
    fc.assert(
      fc.property(seed, size, (s, n) => {
        const U = haarUnitary(dec50, new Rng(s), n);
        expect(maxDifference(dec50, U, dec50, choleskyQ(dec50, ginibre(dec50, new Rng(s), n)))).toBeLessThan(1e-30);
      }),
      { numRuns: 20 },
    );
  });
});

describe('ensembles: statistics (float64, 4000 samples, 5 standard errors)', () => {
  const N = 4000;
  const sample = <X>(seed: number, draw: (rng: Rng) => X): X[] => {
    const rng = new Rng(seed);
    return Array.from({ length: N }, () => draw(rng));
  };
  it.each([2, 3, 5])('Haar state vectors, n = %s: E|ψ₀|² = 1/n, E|ψ₀|⁴ = 2/(n(n+1))', (n) => {
    const p = sample(n, (rng) => {
      const v = haarStateVector(float64, rng, n);
      return v.re[0] ** 2 + v.im[0] ** 2;
    });
    expectMean(p, 1 / n);
    expectMean(
      p.map((x) => x * x),
      2 / (n * (n + 1)),
    );
  });
  it.each([2, 3, 5])('Haar unitaries, n = %s: E Tr U = 0, E|Tr U|² = 1, E|U_ij|² = 1/n, E|U_ij|⁴ = 2/(n(n + 1))', (n) => {
    expectHaarMoments(
      sample(10 + n, (rng) => haarUnitary(float64, rng, n)),
      n,
    );
  });
  it.each([2, 3, 5])('Haar pure states, n = %s: E ρ_00 = 1/n', (n) => {
    expectMean(
      sample(20 + n, (rng) => haarPureState(float64, rng, n).re[0]),
      1 / n,
    );
  });
  it.each([
    // ensemble, n, E Tr ρ²
    ['hs', 2, 4 / 5], // Życzkowski–Sommers: 2n/(n² + 1)
    ['hs', 3, 6 / 10],
    ['hs', 5, 10 / 26],
    ['bures', 2, 7 / 8], // Sommers–Życzkowski (2003): (5n² + 1)/(2n(n² + 2)); n = 2 also follows from the Bloch-ball density ∝ r²/√(1 − r²)
    ['bures', 3, 46 / 66],
    ['bures', 5, 126 / 270],
    ['diagonal', 2, 2 / 3], // flat Dirichlet: 2/(n + 1)
    ['diagonal', 5, 2 / 6],
  ] as const)('%s, n = %s: E Tr ρ² = %s', (e, n, purity) => {
    const purities = sample(30 + n, (rng) => {
      const rho = randomState(float64, rng, e, n);
      return traceProduct(float64, rho, rho).re;
    });
    expectMean(purities, purity);
  });
});
