import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../../src/errors.js';
import { float64 } from '../../src/numeric/float64.js';
import { decimalField } from '../../src/numeric/decimal.js';
import { adjoint, scaleReal, trace, zeros, type CMatrix } from '../../src/numeric/matrix.js';
import {
  applyLindbladian,
  collectiveCoupling,
  individualCoupling,
  lindbladian,
  lindbladSuperoperator,
  partiallyCollective,
  rateFactors,
  thermalRatio,
  validateModel,
  type LindbladModel,
} from '../../src/physics/lindblad.js';
import { applySuperoperator } from '../../src/physics/evolve.js';
import {
  denseLindbladian,
  twoQubitCollectiveSteadyState,
  maxAbsOf,
  maxDiff,
  productGibbs,
  projector,
  psi,
  randomDensity,
  randomMatrix,
  rng,
} from './helpers.js';

const F = float64;
const D50 = decimalField(50);
const base = { omega: 1, beta: 1, gamma0: 1 };
const zero2 = [
  [0, 0],
  [0, 0],
];
const model2 = (gamma: number[][], f: number[][] = zero2, extra: Partial<LindbladModel<number>> = {}): LindbladModel<number> => ({
  N: 2,
  omega: 1,
  beta: 1,
  gamma,
  f,
  ...extra,
});

describe('lindblad: refuses', () => {
  it.each([
    ['β < 0', () => individualCoupling(F, 2, { ...base, beta: -0.1 }), /β must be ≥ 0/],
    ['β NaN', () => individualCoupling(F, 2, { ...base, beta: NaN }), /β is NaN/],
    ['β = 0 on the physical time scale', () => individualCoupling(F, 2, { ...base, beta: 0 }), /use timeScale 'normalised'/],
    ['ω = 0', () => individualCoupling(F, 2, { ...base, omega: 0 }), /ω must be finite and > 0/],
    ['ω < 0', () => collectiveCoupling(F, 2, { ...base, omega: -1 }), /ω must be finite and > 0/],
    ['ω NaN', () => collectiveCoupling(F, 2, { ...base, omega: NaN }), /ω is NaN/],
    ['ω = ∞', () => collectiveCoupling(F, 2, { ...base, omega: Infinity }), /ω must be finite/],
    ['γ0 < 0', () => individualCoupling(F, 2, { ...base, gamma0: -1 }), /γ0 must be finite and ≥ 0/],
    ['μ < 0', () => partiallyCollective(F, 2, { ...base, mu: -0.01 }), /μ must lie in \[0, 1\]/],
    ['μ > 1', () => partiallyCollective(F, 2, { ...base, mu: 1.01 }), /μ must lie in \[0, 1\]/],
    ['μ NaN', () => partiallyCollective(F, 2, { ...base, mu: NaN }), /μ is NaN/],
    ['N = 0', () => individualCoupling(F, 0, base), /number of qubits/],
    [
      'γ not symmetric',
      () =>
        validateModel(
          F,
          model2([
            [1, 0.5],
            [0.4, 1],
          ]),
        ),
      /γ must be symmetric/,
    ],
    [
      'γ not positive semidefinite',
      () =>
        validateModel(
          F,
          model2([
            [1, 2],
            [2, 1],
          ]),
        ),
      /γ must be positive semidefinite/,
    ],
    [
      'γ with a negative diagonal',
      () =>
        validateModel(
          F,
          model2([
            [-1, 0],
            [0, 1],
          ]),
        ),
      /positive semidefinite/,
    ],
    [
      'γ with a zero pivot and nonzero coupling',
      () =>
        validateModel(
          F,
          model2([
            [0, 1],
            [1, 0],
          ]),
        ),
      /positive semidefinite/,
    ],
    ['γ of the wrong shape', () => validateModel(F, model2([[1, 0]])), /γ must be a square matrix of size 2/],
    [
      'γ with NaN',
      () =>
        validateModel(
          F,
          model2([
            [1, NaN],
            [NaN, 1],
          ]),
        ),
      /γ\[0\]\[1\] is NaN/,
    ],
    [
      'f not symmetric',
      () =>
        validateModel(
          F,
          model2(
            [
              [1, 1],
              [1, 1],
            ],
            [
              [0, 1],
              [2, 0],
            ],
          ),
        ),
      /f must be symmetric/,
    ],
    [
      'f with a diagonal',
      () =>
        validateModel(
          F,
          model2(
            [
              [1, 1],
              [1, 1],
            ],
            [
              [1, 0],
              [0, 0],
            ],
          ),
        ),
      /f\[0\]\[0\] must be 0/,
    ],
    [
      'an unknown time scale',
      () =>
        validateModel(
          F,
          model2(
            [
              [1, 0],
              [0, 1],
            ],
            zero2,
            { timeScale: 'fast' as never },
          ),
        ),
      /timeScale must be/,
    ],
  ])('%s', (_, run, message) => {
    expect(run).toThrow(InputError);
    expect(run).toThrow(message);
  });
  it('ρ of the wrong size', () => {
    expect(() => applyLindbladian(F, individualCoupling(F, 2, base), zeros(F, 2))).toThrow(/ρ must be 4×4 for N = 2/);
  });
  it('superoperators beyond N = 5', () => {
    expect(() => lindbladSuperoperator(F, individualCoupling(F, 6, base))).toThrow(/exceeds 5/);
  });
  it('βω so small that 1 − r is 0 in float64, on the physical scale', () => {
    expect(() => lindbladian(F, individualCoupling(F, 1, { ...base, beta: 1e-320 }))).toThrow(/n̄ overflows/);
  });
});

describe('lindblad: thermal factors', () => {
  it.each([
    // [β, ω, r, 1 − r] with 1 − r from Math.expm1 (an independent route)
    [Infinity, 1, 0, 1],
    [0, 1, 1, 0],
    [1e-12, 1, Math.exp(-1e-12), -Math.expm1(-1e-12)],
    [1e-6, 2, Math.exp(-2e-6), -Math.expm1(-2e-6)],
    [0.2, 1, Math.exp(-0.2), -Math.expm1(-0.2)],
    [0.5, 1, Math.exp(-0.5), -Math.expm1(-0.5)],
    [1, 1, Math.exp(-1), -Math.expm1(-1)],
    [10, 1, Math.exp(-10), -Math.expm1(-10)],
    [1e4, 1, 0, 1],
  ])('β = %s, ω = %s', (beta, omega, r, oneMinusR) => {
    const got = thermalRatio(F, omega, beta);
    expect(got.r).toBeCloseTo(r, 15);
    // relative accuracy of 1 − r, even when βω is tiny (no cancellation)
    expect(Math.abs(got.oneMinusR - oneMinusR)).toBeLessThanOrEqual(4e-16 * oneMinusR);
  });
  it('decimal(50): 1 − r for βω = 1e-20 keeps all digits', () => {
    const x = D50.fromString('1e-20');
    const want = x.minus(x.pow(2).div(2)).plus(x.pow(3).div(6)); // further terms < 1e-80
    expect(thermalRatio(D50, D50.one, x).oneMinusR.minus(want).abs().div(want).toNumber()).toBeLessThan(1e-49);
  });
  it('decimal(50): β = Infinity is accepted and gives r = 0', () => {
    expect(thermalRatio(D50, D50.one, D50.fromString('Infinity')).r.isZero()).toBe(true);
  });
  it('physical rates are n̄ + 1 and n̄ with n̄ = 1/(e^{βω} − 1); normalised are 1, r, Hamiltonian 1 − r', () => {
    const nbar = 1 / Math.expm1(0.7);
    const phys = rateFactors(F, individualCoupling(F, 1, { ...base, beta: 0.7 }));
    expect(phys.emission).toBeCloseTo(nbar + 1, 14);
    expect(phys.absorption).toBeCloseTo(nbar, 14);
    expect(phys.hamiltonian).toBe(1);
    const norm = rateFactors(F, individualCoupling(F, 1, { ...base, beta: 0.7, timeScale: 'normalised' }));
    expect(norm).toEqual({ r: Math.exp(-0.7), emission: 1, absorption: Math.exp(-0.7), hamiltonian: -Math.expm1(-0.7) });
  });
});

describe('lindblad: presets', () => {
  it('individual: γ = γ0 I, f = 0', () => {
    const m = individualCoupling(F, 3, { ...base, gamma0: 0.5 });
    expect(m.gamma).toEqual([
      [0.5, 0, 0],
      [0, 0.5, 0],
      [0, 0, 0.5],
    ]);
    expect(m.f.flat().every((x) => x === 0)).toBe(true);
    expect(m.timeScale).toBe('physical');
  });
  it('collective: γ_ij = γ0, f_ij = f off the diagonal', () => {
    const m = collectiveCoupling(F, 2, { ...base, gamma0: 2, f: 0.3 });
    expect(m.gamma).toEqual([
      [2, 2],
      [2, 2],
    ]);
    expect(m.f).toEqual([
      [0, 0.3],
      [0.3, 0],
    ]);
  });
  it('partially collective: γ_ij = γ0(δ_ij + μ(1 − δ_ij)); μ = 0 and 1 are the two limits', () => {
    expect(partiallyCollective(F, 2, { ...base, gamma0: 2, mu: 0.25 }).gamma).toEqual([
      [2, 0.5],
      [0.5, 2],
    ]);
    expect(partiallyCollective(F, 3, { ...base, mu: 0 }).gamma).toEqual(individualCoupling(F, 3, base).gamma);
    expect(partiallyCollective(F, 3, { ...base, mu: 1, f: 0.1 })).toEqual(collectiveCoupling(F, 3, { ...base, f: 0.1 }));
  });
});

/** A random model on N qubits: γ = B Bᵀ (PSD), f symmetric with zero diagonal. */
function randomModel(N: number, next: () => number, beta: number): LindbladModel<number> {
  const B = Array.from({ length: N }, () => Array.from({ length: N }, () => 2 * next() - 1));
  const gamma = B.map((r, i) => B.map((s) => r.reduce((acc, x, k) => acc + x * s[k], 0)));
  for (let i = 0; i < N; i++) for (let j = 0; j < i; j++) gamma[i][j] = gamma[j][i];
  const f = Array.from({ length: N }, () => new Array<number>(N).fill(0));
  for (let i = 0; i < N; i++) for (let j = i + 1; j < N; j++) f[i][j] = f[j][i] = 2 * next() - 1;
  return { N, omega: 0.5 + next(), beta, gamma, f };
}

describe('lindblad: against a dense transcription of Eqs. (4)–(6)', () => {
  const cases: [string, LindbladModel<number>][] = [
    ['individual N=1', individualCoupling(F, 1, { omega: 1.3, beta: 0.4, gamma0: 0.7 })],
    ['individual N=3', individualCoupling(F, 3, { omega: 1, beta: 2, gamma0: 1 })],
    ['collective N=2, f = 0.3', collectiveCoupling(F, 2, { omega: 1, beta: 1, gamma0: 1, f: 0.3 })],
    ['collective N=3, f = −0.2', collectiveCoupling(F, 3, { omega: 0.8, beta: 0.5, gamma0: 0.6, f: -0.2 })],
    ['partial N=3, μ = 0.3, f = 0.1', partiallyCollective(F, 3, { omega: 1, beta: 1.5, gamma0: 1, mu: 0.3, f: 0.1 })],
    ['random PSD γ N=2', randomModel(2, rng(7), 0.9)],
    ['random PSD γ N=3', randomModel(3, rng(8), 0.3)],
  ];
  it.each(cases)('%s: sparse apply = dense reference on a random matrix', (_, m) => {
    const rho = randomMatrix(F, 2 ** m.N, rng(m.N * 101));
    const want = denseLindbladian(F, m, rho);
    expect(maxDiff(F, applyLindbladian(F, m, rho), want)).toBeLessThan(1e-13 * Math.max(1, maxAbsOf(F, want)));
  });
  it.each(cases)('%s: superoperator · vec(ρ) = apply', (_, m) => {
    const rho = randomMatrix(F, 2 ** m.N, rng(m.N * 13));
    const S = lindbladSuperoperator(F, m);
    expect(maxDiff(F, applySuperoperator(F, S, rho), applyLindbladian(F, m, rho))).toBeLessThan(1e-13);
  });
  it('decimal(50): apply, superoperator and dense reference agree to 1e-45', () => {
    const m = collectiveCoupling(D50, 2, { omega: D50.one, beta: D50.fromString('0.8'), gamma0: D50.one, f: D50.fromString('0.25') });
    const rho = randomMatrix(D50, 4, rng(5));
    const got = applyLindbladian(D50, m, rho);
    expect(maxDiff(D50, got, denseLindbladian(D50, m, rho))).toBeLessThan(1e-45);
    expect(maxDiff(D50, got, applySuperoperator(D50, lindbladSuperoperator(D50, m), rho))).toBeLessThan(1e-45);
  });
  it('normalised time scale = (1 − r) × physical generator', () => {
    const m = collectiveCoupling(F, 2, { omega: 1, beta: 0.6, gamma0: 1, f: 0.4 });
    const rho = randomMatrix(F, 4, rng(3));
    const phys = applyLindbladian(F, m, rho);
    const norm = applyLindbladian(F, { ...m, timeScale: 'normalised' }, rho);
    expect(maxDiff(F, norm, scaleReal(F, -Math.expm1(-0.6), phys))).toBeLessThan(1e-14);
  });
});

describe('lindblad: stationary states', () => {
  it.each([
    [1, 0.3],
    [2, 1],
    [3, 5],
    [4, 0.05],
    [2, Infinity],
  ])('individual coupling, N = %i, β = %s: the product Gibbs state ⊗ diag(r, 1)/(1+r) is stationary', (N, beta) => {
    const m = individualCoupling(F, N, { omega: 1.2, beta, gamma0: 0.9 });
    const r = thermalRatio(F, 1.2, beta).r;
    expect(maxAbsOf(F, applyLindbladian(F, m, productGibbs(F, N, r)))).toBeLessThan(1e-15);
  });
  it('individual coupling at β = 0 (normalised): the maximally mixed state is stationary', () => {
    const m = individualCoupling(F, 3, { omega: 1, beta: 0, gamma0: 1, timeScale: 'normalised' });
    expect(maxAbsOf(F, applyLindbladian(F, m, productGibbs(F, 3, 1)))).toBeLessThan(1e-16);
  });
  it('individual coupling: the singlet is not stationary (the check can fail)', () => {
    const m = individualCoupling(F, 2, base);
    expect(maxAbsOf(F, applyLindbladian(F, m, projector(F, psi(F, -1))))).toBeGreaterThan(0.1);
  });
  it.each([0, 0.7])('collective coupling N = 2, f = %s: L(|ψ−⟩⟨ψ−|) = 0 (text after Eq. (7))', (f) => {
    for (const beta of [0.01, 1, 10, Infinity]) {
      const m = collectiveCoupling(F, 2, { omega: 1, beta, gamma0: 1, f });
      expect(maxAbsOf(F, applyLindbladian(F, m, projector(F, psi(F, -1))))).toBeLessThan(1e-15);
    }
  });
  it('collective coupling N = 2: Eq. (7) is stationary for every c and β, with and without f', () => {
    for (const f of [0, -0.4, 1.3])
      for (const beta of [0.01, 0.5, 1, 3, 10, Infinity])
        for (const c of [0, 0.2, 0.5, 0.75, 1]) {
          const m = collectiveCoupling(F, 2, { omega: 1, beta, gamma0: 1, f });
          const rho = twoQubitCollectiveSteadyState(F, Math.exp(-beta), c);
          // roundoff scales with the largest rate, γ0(n̄ + 1) ≈ 100 at β = 0.01
          expect(maxAbsOf(F, applyLindbladian(F, m, rho))).toBeLessThan(1e-15 * (2 + 1 / -Math.expm1(-beta)));
        }
  });
  it('collective coupling N = 2 at β = 0 (normalised): Eq. (7) with r = 1 is stationary', () => {
    const m = collectiveCoupling(F, 2, { omega: 1, beta: 0, gamma0: 1, f: 0.5, timeScale: 'normalised' });
    for (const c of [0, 0.3, 0.75, 1]) expect(maxAbsOf(F, applyLindbladian(F, m, twoQubitCollectiveSteadyState(F, 1, c)))).toBeLessThan(1e-15);
  });
  it('collective coupling N = 2 in decimal(50): Eq. (7) stationary to 1e-48', () => {
    const beta = D50.fromString('1.3');
    const m = collectiveCoupling(D50, 2, { omega: D50.one, beta, gamma0: D50.one, f: D50.fromString('0.2') });
    const rho = twoQubitCollectiveSteadyState(D50, D50.exp(beta.neg()), D50.fromString('0.6'));
    expect(maxAbsOf(D50, applyLindbladian(D50, m, rho))).toBeLessThan(1e-48);
  });
  it('decimal(50) at β = ∞: Eq. (7) with r = 0 and the ground state are stationary exactly', () => {
    const m = collectiveCoupling(D50, 2, { omega: D50.one, beta: D50.fromString('Infinity'), gamma0: D50.one, f: D50.fromString('0.2') });
    expect(maxAbsOf(D50, applyLindbladian(D50, m, twoQubitCollectiveSteadyState(D50, D50.zero, D50.fromString('0.3'))))).toBeLessThan(1e-49);
  });
  it('partially collective (μ = 0.5): the singlet is not stationary, the Gibbs state is', () => {
    const m = partiallyCollective(F, 2, { ...base, mu: 0.5 });
    expect(maxAbsOf(F, applyLindbladian(F, m, projector(F, psi(F, -1))))).toBeGreaterThan(0.1);
    expect(maxAbsOf(F, applyLindbladian(F, m, productGibbs(F, 2, Math.exp(-1))))).toBeLessThan(1e-15);
  });
  it('N = 7 (the paper’s largest) applies quickly and keeps the Gibbs state stationary', () => {
    const m = collectiveCoupling(F, 7, { omega: 1, beta: 0.5, gamma0: 1, f: 0.2 });
    expect(maxAbsOf(F, applyLindbladian(F, m, productGibbs(F, 7, Math.exp(-0.5))))).toBeLessThan(1e-14);
  });
});

describe('lindblad: properties', () => {
  const modelArb = fc
    .record({
      N: fc.integer({ min: 1, max: 3 }),
      seed: fc.integer(),
      beta: fc.oneof(fc.double({ min: 0.01, max: 20, noNaN: true }), fc.constant(Infinity)),
    })
    .map(({ N, seed, beta }) => ({ m: randomModel(N, rng(seed), beta), seed }));

  it('trace preserving: Tr L(X) = 0 for every matrix X', () => {
    fc.assert(
      fc.property(modelArb, ({ m, seed }) => {
        const X = randomMatrix(F, 2 ** m.N, rng(seed + 1));
        const t = trace(F, applyLindbladian(F, m, X));
        expect(Math.hypot(t.re, t.im)).toBeLessThan(1e-12 * (1 + maxAbsOf(F, applyLindbladian(F, m, X))));
      }),
      { numRuns: 60 },
    );
  });
  it('Hermiticity preserving: L(X†) = L(X)†', () => {
    fc.assert(
      fc.property(modelArb, ({ m, seed }) => {
        const X = randomMatrix(F, 2 ** m.N, rng(seed + 2));
        const LX = applyLindbladian(F, m, X);
        expect(maxDiff(F, applyLindbladian(F, m, adjoint(F, X)), adjoint(F, LX))).toBeLessThan(1e-13 * (1 + maxAbsOf(F, LX)));
      }),
      { numRuns: 60 },
    );
  });
  it('the Gibbs state of H0 is stationary for every PSD γ and symmetric f (detailed balance, [H_d, H0] = 0)', () => {
    fc.assert(
      fc.property(modelArb, ({ m }) => {
        const r = thermalRatio(F, m.omega, m.beta).r;
        const scale = 1 + Math.max(...m.gamma.flat().map(Math.abs)) * (1 + 1 / Math.max(1e-300, -Math.expm1(-m.beta * m.omega)));
        expect(maxAbsOf(F, applyLindbladian(F, m, productGibbs(F, m.N, r)))).toBeLessThan(1e-14 * scale);
      }),
      { numRuns: 60 },
    );
  });
  it('L is linear: L(aX + Y) = aL(X) + L(Y)', () => {
    fc.assert(
      fc.property(modelArb, fc.double({ min: -3, max: 3, noNaN: true }), ({ m, seed }, a) => {
        const d = 2 ** m.N;
        const X = randomMatrix(F, d, rng(seed + 3));
        const Y = randomDensity(F, d, rng(seed + 4));
        const lhs = applyLindbladian(F, m, { rows: d, cols: d, re: X.re.map((x, k) => a * x + Y.re[k]), im: X.im.map((x, k) => a * x + Y.im[k]) });
        const LX = applyLindbladian(F, m, X);
        const LY = applyLindbladian(F, m, Y);
        const rhs = { rows: d, cols: d, re: LX.re.map((x, k) => a * x + LY.re[k]), im: LX.im.map((x, k) => a * x + LY.im[k]) };
        expect(maxDiff(F, lhs, rhs)).toBeLessThan(1e-12 * (1 + maxAbsOf(F, LX) * Math.abs(a) + maxAbsOf(F, LY)));
      }),
      { numRuns: 40 },
    );
  });
  it('normBound really bounds ‖L(X)‖_F / ‖X‖_F', () => {
    fc.assert(
      fc.property(modelArb, ({ m, seed }) => {
        const L = lindbladian(F, m);
        const X = randomMatrix(F, 2 ** m.N, rng(seed + 5));
        const fro = (A: CMatrix<number>): number => Math.sqrt(A.re.reduce((s, x, k) => s + x * x + A.im[k] ** 2, 0));
        expect(fro(L.apply(X))).toBeLessThanOrEqual(L.normBound * fro(X));
      }),
      { numRuns: 40 },
    );
  });
});
