import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../../src/errors.js';
import { float64 } from '../../src/numeric/float64.js';
import { decimalField } from '../../src/numeric/decimal.js';
import { eigh } from '../../src/numeric/eigh.js';
import { zeros, type CMatrix } from '../../src/numeric/matrix.js';
import { applyLindbladian, collectiveCoupling, individualCoupling, partiallyCollective, type LindbladModel } from '../../src/physics/lindblad.js';
import { evolve, NotConvergedError, steadyStateByIntegration } from '../../src/physics/evolve.js';
import { ergotropy } from '../../src/physics/ergotropy.js';
import { l1Coherence } from '../../src/physics/coherence.js';
import { basisIndex, h0 } from '../../src/physics/qubits.js';
import { ergotropyLifetime } from '../../src/physics/ergotropy-lifetime.js';
import { fitPowerLaw } from '../../src/numeric/least-squares.js';
import { generalEigenvalues } from '../../src/numeric/general-eigenvalues.js';
import { productGibbsState, trajectory } from '../../src/physics/trajectory.js';
import { relaxationSpectrum, twoQubitAdiabaticLifetime, twoQubitSlowRate } from '../../src/physics/relaxation.js';
import { twoQubitCollectiveSteadyState, maxAbsOf, maxDiff, productGibbs, projector, psi, randomDensity, randomMatrix, rng } from './helpers.js';

const F = float64;
const D50 = decimalField(50);

const basisState = (N: number, label: string): CMatrix<number> => {
  const d = 2 ** N;
  const P = zeros(F, d);
  const k = basisIndex(label);
  P.re[k * d + k] = 1;
  return P;
};
const ground = (N: number): CMatrix<number> => basisState(N, '0'.repeat(N));
/** (1 − c)|ψ−⟩⟨ψ−| + c|00⟩⟨00|: for c < 1/2 most of the weight is on the dark singlet. */
function singletHeavy(c: number): CMatrix<number> {
  const P = projector(F, psi(F, -1));
  const rho = zeros(F, 4);
  for (let k = 0; k < 16; k++) rho.re[k] = (1 - c) * P.re[k];
  rho.re[15] += c;
  return rho;
}
/** Model with ω = γ0 = 1 on the normalised time scale (β = 0 allowed). */
const model = (N: number, beta: number, mu: number, f = 0): LindbladModel<number> =>
  partiallyCollective(F, N, { omega: 1, beta, gamma0: 1, mu, f, timeScale: 'normalised' });

describe('robustness: refuses', () => {
  const m = model(2, 1, 0.9);
  const H = h0(F, 2, 1);
  const g = ground(2);
  it.each([
    ['μ < 0', () => partiallyCollective(F, 2, { omega: 1, beta: 1, gamma0: 1, mu: -0.1 }), /μ must lie in \[0, 1\], got -0.1/],
    ['μ > 1', () => partiallyCollective(F, 2, { omega: 1, beta: 1, gamma0: 1, mu: 1.000001 }), /μ must lie in \[0, 1\]/],
    ['μ = NaN', () => partiallyCollective(F, 2, { omega: 1, beta: 1, gamma0: 1, mu: NaN }), /μ is NaN/],
    [
      'μ > 1 at 50 digits',
      () => partiallyCollective(D50, 2, { omega: D50.one, beta: D50.one, gamma0: D50.one, mu: D50.fromString('1.0000000000000000000000000000001') }),
      /μ must lie in \[0, 1\]/,
    ],
    ['a negative time', () => trajectory(F, m, g, [0, -1], H), /times\[1\] must be finite and ≥ 0/],
    ['a NaN time', () => trajectory(F, m, g, [NaN], H), /times\[0\] must be finite/],
    ['decreasing times', () => trajectory(F, m, g, [0, 2, 1], H), /non-decreasing, but times\[2\] = 1 < times\[1\] = 2/],
    ['ρ0 of the wrong size', () => trajectory(F, m, zeros(F, 2), [0], H), /ρ0 must be 4×4 for N = 2, got 2×2/],
    ['H of the wrong size', () => trajectory(F, m, g, [0], h0(F, 3, 1)), /H must be 4×4/],
    ['threshold 0', () => ergotropyLifetime(F, m, g, { threshold: 0 }), /threshold must lie in \(0, 1\), got 0/],
    ['threshold 1', () => ergotropyLifetime(F, m, g, { threshold: 1 }), /threshold must lie in \(0, 1\)/],
    ['threshold NaN', () => ergotropyLifetime(F, m, g, { threshold: NaN }), /threshold must lie in \(0, 1\)/],
    ['growth 1', () => ergotropyLifetime(F, m, g, { growth: 1 }), /growth must lie in \(1, 2\]/],
    ['relative tolerance 0', () => ergotropyLifetime(F, m, g, { relativeTolerance: 0 }), /relativeTolerance must lie in \(0, 1\)/],
    ['peak tolerance 1', () => ergotropyLifetime(F, m, g, { peakTolerance: 1 }), /peakTolerance must lie in \(0, 1\)/],
    ['maxTime ∞', () => ergotropyLifetime(F, m, g, { maxTime: Infinity }), /maxTime must be finite and > 0/],
    ['firstStep 0', () => ergotropyLifetime(F, m, g, { firstStep: 0 }), /firstStep must be finite and > 0/],
    ['a steady state that is not stationary', () => ergotropyLifetime(F, m, g, { steadyState: g }), /steadyState is not stationary/],
    [
      'an active steady state (μ = 1, Eq. (7) at c = 0.2)',
      () => ergotropyLifetime(F, model(2, 1, 1), g, { steadyState: twoQubitCollectiveSteadyState(F, Math.exp(-1), 0.2) }),
      /steadyState is not passive/,
    ],
    ['a trajectory without ergotropy (ρ0 = Gibbs)', () => ergotropyLifetime(F, m, productGibbsState(F, m)), /stores no resolvable ergotropy/],
    ['an unknown sector', () => relaxationSpectrum(m, 'diagonal' as never), /sector must be 'full', 'excitation-diagonal' or 'symmetric'/],
    ['the full sector beyond N = 4', () => relaxationSpectrum(model(5, 1, 0.5), 'full'), /N = 5 exceeds 4 for the 'full' sector/],
    [
      'the symmetric sector of a non-symmetric γ',
      () =>
        relaxationSpectrum(
          {
            ...m,
            gamma: [
              [1, 0.5, 0.1],
              [0.5, 1, 0.2],
              [0.1, 0.2, 1],
            ],
            f: [
              [0, 0, 0],
              [0, 0, 0],
              [0, 0, 0],
            ],
            N: 3,
          },
          'symmetric',
        ),
      /'symmetric' sector is not invariant/,
    ],
    ['twoQubitSlowRate for N = 3', () => twoQubitSlowRate(model(3, 1, 0.5)), /needs N = 2, got N = 3/],
    [
      'twoQubitSlowRate for γ11 ≠ γ22',
      () =>
        twoQubitSlowRate({
          ...m,
          gamma: [
            [1, 0.5],
            [0.5, 2],
          ],
        }),
      /needs γ11 = γ22/,
    ],
    ['an adiabatic prediction for c0 > 1', () => twoQubitAdiabaticLifetime(m, 1.5), /c0 must lie in \[0, 1\]/],
    [
      'an adiabatic prediction with no plateau (c0 = Z₊/Z, the Gibbs value)',
      () => twoQubitAdiabaticLifetime(m, (1 + Math.exp(-1) + Math.exp(-2)) / (1 + Math.exp(-1)) ** 2),
      /stores no ergotropy/,
    ],
    ['a power-law fit of unequal lengths', () => fitPowerLaw([1, 2], [1]), /differ in length/],
    ['a power-law fit of one point', () => fitPowerLaw([1], [1]), /at least 2 points/],
    ['a power-law fit with y ≤ 0', () => fitPowerLaw([1, 2], [1, 0]), /point 1 = \(2, 0\) is not positive/],
    ['a power-law fit with equal x', () => fitPowerLaw([2, 2], [1, 3]), /all x are equal/],
  ])('%s', (_, run, message) => {
    expect(run).toThrow(InputError);
    expect(run).toThrow(message);
  });
  it('μ = 1: the lifetime is never certified (the collective steady state keeps W), NotConvergedError at maxTime', () => {
    const run = () => ergotropyLifetime(F, model(2, 1, 1), g, { maxTime: 30 });
    expect(run).toThrow(NotConvergedError);
    expect(run).toThrow(/not yet certified below θ·W_ref at t = 30/);
  });
  it.each([
    ['a non-square size', () => generalEigenvalues([1, 2, 3], [0, 0, 0], 2), /expected 2×2 entries/],
    ['a non-finite entry', () => generalEigenvalues([1, NaN, 0, 1], [0, 0, 0, 0], 2), /non-finite entry/],
  ])('generalEigenvalues refuses %s', (_, run, message) => {
    expect(run).toThrow(RangeError);
    expect(run).toThrow(message);
  });
});

/** Sort complex numbers for comparison: by real part, then imaginary part (rounded to absorb noise). */
const _sortC = (zs: readonly { re: number; im: number }[]) => zs.slice().sort((a, b) => a.re - b.re || a.im - b.im);
function expectSameSpectrum(got: readonly { re: number; im: number }[], want: readonly { re: number; im: number }[], tol: number): void {
  expect(got.length).toBe(want.length);
  // greedy matching: each wanted value to the nearest unused computed one
  const left = got.slice();
  for (const w of want) {
    let best = -1;
    let dist = Infinity;
    left.forEach((z, k) => {
      const d = Math.hypot(z.re - w.re, z.im - w.im);
      if (d < dist) [best, dist] = [k, d];
    });
    expect(dist, `eigenvalue ${w.re} + ${w.im}i`).toBeLessThan(tol);
    left.splice(best, 1);
  }
}

describe('generalEigenvalues: tables (edge rows first)', () => {
  it.each([
    ['0×0', [], [], 0, []],
    ['1×1 complex', [2], [-3], 1, [{ re: 2, im: -3 }]],
    [
      '2×2 zero',
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      2,
      [
        { re: 0, im: 0 },
        { re: 0, im: 0 },
      ],
    ],
    [
      'rotation generator [[0, −1], [1, 0]]: ±i',
      [0, -1, 1, 0],
      [0, 0, 0, 0],
      2,
      [
        { re: 0, im: 1 },
        { re: 0, im: -1 },
      ],
    ],
    [
      'upper triangular complex',
      [1, 5, 7, 0, -2, 3, 0, 0, 4],
      [1, 1, 1, 0, 0.5, 1, 0, 0, -1],
      3,
      [
        { re: 1, im: 1 },
        { re: -2, im: 0.5 },
        { re: 4, im: -1 },
      ],
    ],
    [
      'lower triangular (needs the Hessenberg reduction)',
      [3, 0, 0, 1, 2, 0, 4, 5, 1],
      [0, 0, 0, 0, 0, 0, 0, 0, 0],
      3,
      [
        { re: 3, im: 0 },
        { re: 2, im: 0 },
        { re: 1, im: 0 },
      ],
    ],
  ])('%s', (_, re, im, n, want) => {
    expectSameSpectrum(generalEigenvalues(re, im, n), want, 1e-13);
  });
  it('companion matrix of (x − 1)(x − 2)(x + 1 − 2i)(x − 3i)(x + 0.5): its roots to 1e-12', () => {
    const roots = [
      { re: 1, im: 0 },
      { re: 2, im: 0 },
      { re: -1, im: 2 },
      { re: 0, im: 3 },
      { re: -0.5, im: 0 },
    ];
    // coefficients of Π(x − r_k), highest first
    let c = [{ re: 1, im: 0 }];
    for (const r of roots) {
      const next = c.map((z) => ({ ...z })).concat([{ re: 0, im: 0 }]);
      for (let k = 1; k < next.length; k++) {
        next[k].re -= r.re * c[k - 1].re - r.im * c[k - 1].im;
        next[k].im -= r.re * c[k - 1].im + r.im * c[k - 1].re;
      }
      c = next;
    }
    const n = roots.length;
    const re = new Array<number>(n * n).fill(0);
    const im = new Array<number>(n * n).fill(0);
    for (let j = 0; j < n; j++) {
      re[j] = -c[j + 1].re;
      im[j] = -c[j + 1].im;
    }
    for (let i = 1; i < n; i++) re[i * n + i - 1] = 1;
    expectSameSpectrum(generalEigenvalues(re, im, n), roots, 1e-12);
  });
  it('a 3×3 Jordan block perturbed by 1e-15: eigenvalues within (1e-15)^{1/3} ≈ 1e-5 of 2 (defective, as theory says)', () => {
    const re = [2, 1, 0, 0, 2, 1, 1e-15, 0, 2];
    for (const z of generalEigenvalues(re, new Array(9).fill(0), 3)) expect(Math.hypot(z.re - 2, z.im)).toBeLessThan(2e-5);
  });
  it('random complex 40×40: Σλ = tr A and Σλ² = tr A² to 1e-11 (relative), seeded', () => {
    const A = randomMatrix(F, 40, rng(7));
    const eig = generalEigenvalues(A.re, A.im, 40);
    let sr = 0;
    let si = 0;
    let s2r = 0;
    let s2i = 0;
    for (const z of eig) {
      sr += z.re;
      si += z.im;
      s2r += z.re * z.re - z.im * z.im;
      s2i += 2 * z.re * z.im;
    }
    let tr = 0;
    let ti = 0;
    let t2r = 0;
    let t2i = 0;
    for (let i = 0; i < 40; i++) {
      tr += A.re[i * 41];
      ti += A.im[i * 41];
      for (let k = 0; k < 40; k++) {
        const [ar, ai, br, bi] = [A.re[i * 40 + k], A.im[i * 40 + k], A.re[k * 40 + i], A.im[k * 40 + i]];
        t2r += ar * br - ai * bi;
        t2i += ar * bi + ai * br;
      }
    }
    expect(Math.hypot(sr - tr, si - ti)).toBeLessThan(1e-11 * 40);
    expect(Math.hypot(s2r - t2r, s2i - t2i)).toBeLessThan(1e-11 * 40 * 40);
  });
});

describe('relaxationSpectrum: tables', () => {
  it('one qubit, individual coupling (exact): 0, −γ(2n̄+1), −γ(2n̄+1)/2 ± iω', () => {
    for (const [beta, gamma0, omega] of [
      [1, 1, 1],
      [0.3, 0.7, 2.5],
      [Infinity, 1.3, 0.4],
    ]) {
      const G = gamma0 * (beta === Infinity ? 1 : 1 / Math.tanh((beta * omega) / 2));
      const s = relaxationSpectrum(individualCoupling(F, 1, { omega, beta, gamma0 }), 'full');
      expectSameSpectrum(
        s.eigenvalues,
        [
          { re: 0, im: 0 },
          { re: -G, im: 0 },
          { re: -G / 2, im: omega },
          { re: -G / 2, im: -omega },
        ],
        1e-12,
      );
      expect(s.stationary).toBe(1);
      expect(s.slowestRate).toBeCloseTo(G / 2, 12);
    }
  });
  it('individual coupling, N = 2 (exact): the full spectrum is the set of pairwise sums of one-qubit eigenvalues', () => {
    const one = relaxationSpectrum(individualCoupling(F, 1, { omega: 1.1, beta: 0.8, gamma0: 0.9 }), 'full').eigenvalues;
    const want = one.flatMap((a) => one.map((b) => ({ re: a.re + b.re, im: a.im + b.im })));
    expectSameSpectrum(relaxationSpectrum(individualCoupling(F, 2, { omega: 1.1, beta: 0.8, gamma0: 0.9 }), 'full').eigenvalues, want, 1e-11);
  });
  it.each([
    // N, sector, dimension (sectors: all units, C(2N, N), orbits)
    [2, 'full', 16],
    [2, 'excitation-diagonal', 6],
    [2, 'symmetric', 4],
    [3, 'excitation-diagonal', 20],
    [3, 'symmetric', 6],
    [4, 'symmetric', 9],
    [5, 'symmetric', 12],
  ] as const)('N = %i, %s sector: dimension %i; one stationary state for μ < 1, ⌊N/2⌋ + 1 (symmetric) for μ = 1', (N, sector, dim) => {
    const partial = relaxationSpectrum(model(N, 0.8, 0.7, 0.3), sector);
    expect(partial.dimension).toBe(dim);
    expect(partial.stationary).toBe(1);
    const coll = relaxationSpectrum(model(N, 0.8, 1, 0.3), sector);
    if (sector === 'symmetric') expect(coll.stationary).toBe(Math.floor(N / 2) + 1);
    else expect(coll.stationary).toBeGreaterThan(1);
  });
  it('sectors are nested: the symmetric sector’s slowest rate appears in the full spectrum (N = 3)', () => {
    const m = model(3, 0.5, 0.9, 0.2);
    const sym = relaxationSpectrum(m, 'symmetric');
    const full = relaxationSpectrum(m, 'full');
    for (const z of sym.eigenvalues) expect(Math.min(...full.eigenvalues.map((w) => Math.hypot(w.re - z.re, w.im - z.im)))).toBeLessThan(1e-10);
    expect(full.slowestRate).toBeLessThanOrEqual(sym.slowestRate * (1 + 1e-12));
  });
});

describe('twoQubitSlowRate: the N = 2 population chain', () => {
  it.each([
    // β, μ, f, time scale
    [1, 0.9, 0, 'physical'],
    [1, 0.999, 0.4, 'physical'],
    [0.3, 0.3, -0.2, 'physical'],
    [0, 0.99, 0, 'normalised'],
    [2, 0.5, 0, 'normalised'],
    [Infinity, 0.8, 0.1, 'physical'],
  ] as const)('β = %s, μ = %s, f = %s (%s): the cubic’s roots are the symmetric sector’s nonzero eigenvalues', (beta, mu, f, timeScale) => {
    const m = partiallyCollective(F, 2, { omega: 1, beta, gamma0: 1, mu, f, timeScale });
    const rates = twoQubitSlowRate(m);
    const s = relaxationSpectrum(m, 'symmetric');
    const decay = s.eigenvalues
      .filter((z) => Math.hypot(z.re, z.im) > s.zeroTolerance)
      .map((z) => -z.re)
      .sort((a, b) => a - b);
    expect(decay).toHaveLength(3);
    rates.all.forEach((k, i) => expect(Math.abs(k - decay[i]) / decay[2]).toBeLessThan(1e-12));
    expect(rates.slowest).toBe(rates.all[0]);
  });
  it('μ = 0 (independent qubits): rates Γ, Γ, 2Γ with Γ = γ0(2n̄+1) (double root: 1e-7)', () => {
    const beta = 0.7;
    const G = 1 / Math.tanh(beta / 2);
    const rates = twoQubitSlowRate(partiallyCollective(F, 2, { omega: 1, beta, gamma0: 1, mu: 0 }));
    [G, G, 2 * G].forEach((k, i) => expect(Math.abs(rates.all[i] - k) / k).toBeLessThan(1e-7));
  });
  it('first order: κ = γ0(1−μ)(e+a)³/(e²+ea+a²) + O((1−μ)²): the relative gap shrinks ×10 per decade of 1 − μ', () => {
    for (const beta of [0, 1, 3]) {
      const rel = [1e-2, 1e-3, 1e-4].map((g) => {
        const r = twoQubitSlowRate(model(2, beta, 1 - g));
        return Math.abs(r.firstOrder - r.slowest) / r.slowest;
      });
      expect(rel[0] / rel[1]).toBeGreaterThan(8);
      expect(rel[0] / rel[1]).toBeLessThan(12);
      expect(rel[1] / rel[2]).toBeGreaterThan(8);
      expect(rel[1] / rel[2]).toBeLessThan(12);
      expect(rel[2]).toBeLessThan(1e-3);
    }
  });
  it('β = 0: the slow rates are (8/3)·j·γ0(1 − μ), j = 1 … ⌊N/2⌋, for N = 2 … 5 (first order, symmetric sector)', () => {
    const eps = 1e-7;
    for (const N of [2, 3, 4, 5]) {
      const s = relaxationSpectrum(model(N, 0, 1 - eps), 'symmetric');
      const slow = s.eigenvalues.filter((z) => z.re < -s.zeroTolerance && z.re > -1e3 * eps).map((z) => -z.re / eps);
      expect(slow).toHaveLength(Math.floor(N / 2));
      slow.forEach((k, j) => expect(Math.abs(k - (8 / 3) * (j + 1))).toBeLessThan(1e-5));
    }
  });
});

describe('trajectory', () => {
  const H = h0(F, 2, 1);
  it('t = 0 returns the ergotropy, coherence and energy of ρ0 exactly (ground, singlet, random states)', () => {
    for (const rho0 of [ground(2), singletHeavy(0.2), randomDensity(F, 4, rng(5))]) {
      const [p] = trajectory(F, model(2, 1, 0.9), rho0, [0], H);
      const e = ergotropy(F, rho0, H);
      expect(p.ergotropy).toBe(e.ergotropy);
      expect(p.errorBound).toBe(e.errorBound);
      expect(p.energy).toBe(e.energy);
      expect(p.l1).toBe(l1Coherence(F, rho0));
    }
  });
  it('stepping from sample to sample agrees with one evolve to each time (1e-13), and repeated times are allowed', () => {
    const m = model(3, 0.7, 0.8, 0.2);
    const rho0 = randomDensity(F, 8, rng(6));
    const H3 = h0(F, 3, 1);
    const times = [0, 0.3, 0.3, 1.7, 4];
    const pts = trajectory(F, m, rho0, times, H3);
    times.forEach((t, k) => expect(Math.abs(pts[k].ergotropy - ergotropy(F, evolve(F, m, rho0, t), H3).ergotropy)).toBeLessThan(1e-13));
  });
  it('decimal(50) cross-check: W(t) of float64 and 50 digits agree to 1e-13 (N = 2, μ = 0.9, β = 1, ground state)', () => {
    const mD = partiallyCollective(D50, 2, { omega: D50.one, beta: D50.one, gamma0: D50.one, mu: D50.fromString('0.9'), timeScale: 'normalised' });
    const rhoD = zeros(D50, 4);
    rhoD.re[15] = D50.one;
    const ts = [0.5, 3];
    const wD = trajectory(D50, mD, rhoD, ts, h0(D50, 2, D50.one));
    const wF = trajectory(F, model(2, 1, 0.9), ground(2), ts, H);
    ts.forEach((_, k) => expect(Math.abs(D50.toNumber(wD[k].ergotropy) - wF[k].ergotropy)).toBeLessThan(1e-13));
    expect(D50.toNumber(wD[1].errorBound)).toBeLessThan(1e-40);
  });
});

describe('steady states: μ < 1 relaxes to the product Gibbs state, μ = 1 keeps the collective one', () => {
  it('the product Gibbs state is stationary for every μ (detailed balance): ‖L(ρ_G)‖ ≤ 1e-15', () => {
    for (const mu of [0, 0.4, 1]) {
      const m = partiallyCollective(F, 3, { omega: 1, beta: 0.6, gamma0: 1, mu, f: 0.3 });
      const rhoG = productGibbsState(F, m);
      expect(maxDiff(F, rhoG, productGibbs(F, 3, Math.exp(-0.6)))).toBeLessThan(1e-16);
      expect(maxAbsOf(F, applyLindbladian(F, m, rhoG))).toBeLessThan(1e-15);
    }
  });
  it.each([
    [2, 0, 'ground'],
    [2, 0.5, 'all-excited'],
    [2, 0.9, 'singlet'],
    [2, 0.9, 'random'],
    [3, 0.7, 'ground'],
    [3, 0.7, 'random'],
  ] as const)('N = %i, μ = %s, from the %s state: ρ(∞) = product Gibbs (unique and passive: W → 0, C_l1 → 0)', (N, mu, start) => {
    const m = partiallyCollective(F, N, { omega: 1, beta: 0.8, gamma0: 1, mu, f: 0.2 });
    const rho0 =
      start === 'ground'
        ? ground(N)
        : start === 'all-excited'
          ? basisState(N, '1'.repeat(N))
          : start === 'singlet'
            ? singletHeavy(0)
            : randomDensity(F, 2 ** N, rng(40 + N));
    const ss = steadyStateByIntegration(F, m, rho0, { tolerance: 1e-11 });
    // distance ≤ residual / slowest rate (≥ 0.1 here) plus rounding
    expect(maxDiff(F, ss.rho, productGibbsState(F, m))).toBeLessThan(1e-9);
    expect(ergotropy(F, ss.rho, h0(F, N, 1)).ergotropy).toBeLessThan(1e-9);
    expect(l1Coherence(F, ss.rho)).toBeLessThan(1e-8);
  });
  it('μ < 1: W(t) of the ground state falls to 0 at large t (W ≤ its error bound at t = 40/κ)', () => {
    for (const mu of [0, 0.5, 0.9]) {
      const m = model(2, 1, mu);
      const kappa = relaxationSpectrum(m, 'symmetric').slowestRate;
      const pts = trajectory(F, m, ground(2), [0, 1, 40 / kappa], h0(F, 2, 1));
      const last = pts[pts.length - 1];
      expect(Math.abs(last.ergotropy)).toBeLessThanOrEqual(last.errorBound);
      expect(last.l1).toBeLessThan(1e-12);
    }
  });
  it.each([2, 3])(
    'μ = 1, N = %i: the plateau W(t) at late times equals W of the collective steady state (independent: collective preset integrated to ‖L(ρ)‖ ≤ 1e-12) and Eq. (16)',
    (N) => {
      const beta = 0.7;
      const coll = collectiveCoupling(F, N, { omega: 1, beta, gamma0: 1 });
      const ss = steadyStateByIntegration(F, coll, ground(N), { tolerance: 1e-12 });
      const wColl = ergotropy(F, ss.rho, h0(F, N, 1)).ergotropy;
      const r = Math.exp(-beta);
      const eq16 = N + (N + r) / (r ** (N + 1) - 1) + r / (1 - r);
      expect(Math.abs(wColl - eq16)).toBeLessThan(1e-10);
      const pts = trajectory(F, partiallyCollective(F, N, { omega: 1, beta, gamma0: 1, mu: 1 }), ground(N), [40, 80, 160], h0(F, N, 1));
      for (const p of pts) expect(Math.abs(p.ergotropy - wColl)).toBeLessThan(1e-10);
      expect(wColl).toBeGreaterThan(0.05);
    },
  );
  it('the trace distance to the product Gibbs state never increases (the stopping rule of ergotropyLifetime)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.double({ min: 0, max: 0.999, noNaN: true }), fc.double({ min: 0.1, max: 3, noNaN: true }), (seed, mu, beta) => {
        const m = model(2, beta, mu, 0.3);
        const rhoG = productGibbsState(F, m);
        const dist = (rho: CMatrix<number>) =>
          eigh(F, { rows: 4, cols: 4, re: rho.re.map((x, k) => x - rhoG.re[k]), im: rho.im.slice() }).values.reduce((s, v) => s + Math.abs(v), 0);
        let rho = randomDensity(F, 4, rng(seed));
        let prev = dist(rho);
        for (let k = 0; k < 6; k++) {
          rho = evolve(F, m, rho, 0.4);
          const d = dist(rho);
          expect(d).toBeLessThanOrEqual(prev + 1e-13);
          prev = d;
        }
      }),
      { numRuns: 15 },
    );
  });
});

describe('ergotropyLifetime', () => {
  it.each([
    // β, γ0: one excited qubit, W(t) = ω(2p(t) − 1)⁺ with p(t) = p∞ + (1 − p∞)e^{−Γt}, Γ = γ0(2n̄+1)
    [Infinity, 1],
    [Infinity, 0.3],
    [1, 1],
    [2.5, 0.7],
  ])('one qubit from |e⟩ at β = %s, γ0 = %s (exact): τ = ln((1 − p∞)/((1+θ)/2 − p∞))/Γ to 1e-8', (beta, gamma0) => {
    const m = individualCoupling(F, 1, { omega: 1, beta, gamma0 });
    const r = beta === Infinity ? 0 : Math.exp(-beta);
    const pInf = r / (1 + r);
    const G = (gamma0 * (1 + r)) / (1 - r);
    const theta = Math.exp(-1);
    const want = Math.log((1 - pInf) / ((1 + theta) / 2 - pInf)) / G;
    const res = ergotropyLifetime(F, m, basisState(1, '1'));
    expect(Math.abs(res.lifetime - want) / want).toBeLessThan(1e-8);
    expect(res.peak.t).toBe(0);
    expect(res.peak.ergotropy).toBe(1);
  });
  it('the lifetime decreases as the threshold rises, and W stays below θ·W_ref after certifiedAfter', () => {
    const m = model(2, 1, 0.97);
    const taus = [0.2, Math.exp(-1), 0.6].map((threshold) => ergotropyLifetime(F, m, ground(2), { threshold }));
    expect(taus[0].lifetime).toBeGreaterThan(taus[1].lifetime);
    expect(taus[1].lifetime).toBeGreaterThan(taus[2].lifetime);
    const res = taus[1];
    const pts = trajectory(F, m, ground(2), [res.lifetime * 0.999, res.lifetime * 1.001, res.certifiedAfter, 2 * res.certifiedAfter], h0(F, 2, 1));
    const thr = res.threshold * res.peak.ergotropy;
    expect(pts[0].ergotropy).toBeGreaterThan(thr);
    for (const p of pts.slice(1)) expect(p.ergotropy).toBeLessThan(thr);
    // the certificate, recomputed independently: (E_max − E_min)·‖ρ(t_c) − ρ_G‖₁ < θ·W_ref with E_max − E_min = 2ω
    const rhoC = evolve(F, m, ground(2), res.certifiedAfter);
    const rhoG = productGibbsState(F, m);
    const dist = eigh(F, { rows: 4, cols: 4, re: rhoC.re.map((x, k) => x - rhoG.re[k]), im: rhoC.im.slice() }).values.reduce((s, v) => s + Math.abs(v), 0);
    expect(Math.abs(res.traceDistance - dist)).toBeLessThan(1e-12);
    expect(2 * dist).toBeLessThan(thr);
  });
  it.each([
    [0, 'ground', 1],
    [1, 'ground', 1],
    [0, 'singlet-heavy', 0.2],
    [1, 'singlet-heavy', 0.2],
  ] as const)(
    'N = 2, β = %s, %s state: τ·κ equals the two-time-scale factor ln((c0−c∞)/(c_θ−c∞)) within 2 % at 1 − μ = 1e-3, converging (×4) from 1e-2',
    (beta, state, c0) => {
      const rho0 = state === 'ground' ? ground(2) : singletHeavy(c0);
      const dev = [1e-2, 1e-3].map((g) => {
        const m = model(2, beta, 1 - g);
        const pred = twoQubitAdiabaticLifetime(m, c0);
        const kappa = relaxationSpectrum(m, 'symmetric').slowestRate;
        const tau = ergotropyLifetime(F, m, rho0).lifetime;
        // the prediction's factor is independent of the measured trajectory
        const factor = pred.lifetime * pred.rate;
        expect(factor).toBeGreaterThan(0);
        return Math.abs((kappa * tau) / factor - 1);
      });
      expect(dev[1]).toBeLessThan(0.02);
      expect(dev[1]).toBeLessThan(dev[0] / 4);
    },
  );
  it.each([0.3, 1, 2.5])(
    'β = %s, ground state: the numerical c_θ and factor equal the closed form c_θ = (Z₊ + θr²)/(Z₊ + r²), F = ln[(Z₊ + r²)/((1−r)Z₊ + θr(1+r)²)]',
    (beta) => {
      const theta = Math.exp(-1);
      const r = Math.exp(-beta);
      const zPlus = 1 + r + r * r;
      const pred = twoQubitAdiabaticLifetime(model(2, beta, 0.999), 1, theta);
      expect(pred.cAtThreshold).toBeCloseTo((zPlus + theta * r * r) / (zPlus + r * r), 12);
      expect(pred.lifetime * pred.rate).toBeCloseTo(Math.log((zPlus + r * r) / ((1 - r) * zPlus + theta * r * (1 + r) ** 2)), 10);
      expect(pred.plateau).toBeCloseTo((r * r) / zPlus, 14); // Eq. (16) at N = 2, = W of Eq. (7) at c = 1
    },
  );
  it('β = 0, ground state: the factor is exactly 1 (W is linear in c with W(c∞) = 0), so τ → 1/κ', () => {
    const pred = twoQubitAdiabaticLifetime(model(2, 0, 1 - 1e-3), 1);
    expect(pred.lifetime * pred.rate).toBeCloseTo(1, 12);
    expect(pred.plateau).toBeCloseTo(1 / 3, 14); // Eq. (12) at c = 1
  });
});

describe('scaling law: τ ∝ (1 − μ)^p with p → −1', () => {
  it('N = 2, β = 1, ground state: κ ∝ (1 − μ)^1 (±0.005) over 1e-1 … 1e-3; the measured τ has exponent −1 ± 0.05 over 1e-2 … 1e-3 and the local exponent approaches −1', () => {
    const gaps = [1e-1, 3e-2, 1e-2, 3e-3, 1e-3];
    const kappas = gaps.map((g) => relaxationSpectrum(model(2, 1, 1 - g), 'symmetric').slowestRate);
    expect(Math.abs(fitPowerLaw(gaps, kappas).exponent - 1)).toBeLessThan(0.005);
    const last = gaps.slice(2);
    const taus = last.map((g) => ergotropyLifetime(F, model(2, 1, 1 - g), ground(2)).lifetime);
    const fit = fitPowerLaw(last, taus);
    expect(Math.abs(fit.exponent + 1)).toBeLessThan(0.05);
    const local = [0, 1].map((k) => Math.log(taus[k + 1] / taus[k]) / Math.log(last[k + 1] / last[k]));
    expect(Math.abs(local[1] + 1)).toBeLessThan(Math.abs(local[0] + 1));
  });
  it('N = 3, β = 1, ground state: measured exponent over 1e-2 … 1e-3 is −1 ± 0.05', () => {
    const gaps = [1e-2, 3e-3, 1e-3];
    const fit = fitPowerLaw(
      gaps,
      gaps.map((g) => ergotropyLifetime(F, model(3, 1, 1 - g), ground(3)).lifetime),
    );
    expect(Math.abs(fit.exponent + 1)).toBeLessThan(0.05);
  });
  it('fitPowerLaw recovers exact power laws (property) and reports zero residual', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.uniqueArray(fc.double({ min: 1e-4, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 8, comparator: (a, b) => Math.abs(Math.log(a / b)) < 1e-3 }),
        (A, p, xs) => {
          const fit = fitPowerLaw(
            xs,
            xs.map((x) => A * x ** p),
          );
          expect(fit.exponent).toBeCloseTo(p, 8);
          expect(Math.abs(fit.prefactor / A - 1)).toBeLessThan(1e-8);
          expect(fit.maxLogResidual).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 50 },
    );
  });
});
