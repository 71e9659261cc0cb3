/**
 * katoTempleBound against exact eigenvalues: diagonal A (its eigenvalues are its entries), vectors
 * e_k plus seeded perturbations, their Rayleigh quotients and residuals in exact rationals, then
 * the inputs rounded the way the bound's contract allows (values anywhere, bounds rounded up).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { katoTempleBound } from '../../src/numeric/kato-temple.js';
import { type Rational, rabs, radd, rational, rcmp, rdiv, rmul, rsub } from '../../src/numeric/rational.js';
import { Rng } from '../../src/random/rng.js';

const UNIT_BITS = 60;
const ONE = 1n << BigInt(UNIT_BITS);
/** ⌈q·2^60⌉ and round-to-nearest, for q ≥ 0 resp. any q. */
const ceilUnits = (q: Rational): bigint => {
  const t = q.num * ONE;
  return t >= 0n ? (t + q.den - 1n) / q.den : -(-t / q.den);
};
const nearestUnits = (q: Rational): bigint => {
  const t = q.num * ONE;
  const twice = (2n * (t < 0n ? -t : t) + q.den) / (2n * q.den);
  return t < 0n ? -twice : twice;
};

/** √q rounded up to the unit (q ≥ 0), exactly. */
function ceilSqrtUnits(q: Rational): bigint {
  // smallest s with (s/ONE)² ≥ q, i.e. s² ≥ q·ONE²
  const target = (q.num * ONE * ONE + q.den - 1n) / q.den;
  let lo = 0n;
  let hi = 1n;
  while (hi * hi < target) hi *= 2n;
  while (lo < hi) {
    const mid = (lo + hi) / 2n;
    if (mid * mid >= target) hi = mid;
    else lo = mid + 1n;
  }
  return lo;
}

/** A seeded case: diagonal entries (eigenvalues), and for each k the vector e_k + η·w. */
function diagonalCase(seed: number, n: number, eta: number) {
  const rng = new Rng(seed, ['kato-temple']);
  const mu: Rational[] = [];
  let at = 0;
  for (let k = 0; k < n; k++) {
    at += rng.int(1, 1000);
    mu.push(rational(BigInt(at), 1000n));
  }
  const etaQ = rational(BigInt(Math.round(eta * 2 ** 40)), 1n << 40n);
  const rho: Rational[] = [];
  const eps: Rational[] = [];
  for (let k = 0; k < n; k++) {
    const x = mu.map((_, j) => (j === k ? rational(1n) : rmul(etaQ, rational(BigInt(rng.int(-50, 50)), 50n))));
    let xx = rational(0n);
    let xAx = rational(0n);
    for (let j = 0; j < n; j++) {
      xx = radd(xx, rmul(x[j], x[j]));
      xAx = radd(xAx, rmul(mu[j], rmul(x[j], x[j])));
    }
    const r = rdiv(xAx, xx);
    let res = rational(0n);
    for (let j = 0; j < n; j++) {
      const c = rmul(rsub(mu[j], r), x[j]);
      res = radd(res, rmul(c, c));
    }
    rho.push(r);
    eps.push(rdiv(res, xx));
  }
  return { mu, rho, eps2: eps };
}

describe('katoTempleBound', () => {
  it('holds every eigenvalue, and is of second order: for perturbations η, about η²·(gap terms), far below η', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 2, max: 7 }), fc.constantFrom(1e-3, 1e-5, 1e-7), (seed, n, eta) => {
        const { mu, rho, eps2 } = diagonalCase(seed, n, eta);
        // returned values: the Rayleigh quotients to the unit; d covers the rounding exactly
        const order = rho.map((_, k) => k).sort((a, b) => rcmp(rho[a], rho[b]));
        const values = order.map((k) => nearestUnits(rho[k]));
        const distance = order.map((k, i) => ceilUnits(rabs(rsub(rational(values[i], ONE), rho[k]))));
        const residual = order.map((k) => ceilSqrtUnits(eps2[k]));
        // a first-order matching: the largest |μ_k − v_k| (sorted), which is what a certificate bounds
        const sortedMu = mu.slice().sort(rcmp);
        let delta = rational(0n);
        values.forEach((v, i) => {
          const e = rabs(rsub(rational(v, ONE), sortedMu[i]));
          if (rcmp(e, delta) > 0) delta = e;
        });
        const matching = ceilUnits(delta);
        const bound = katoTempleBound({ values, matching, distance, residual });
        expect(bound).not.toBeNull();
        values.forEach((v, i) => {
          const err = rabs(rsub(rational(v, ONE), sortedMu[i]));
          expect(rcmp(err, rational(bound!, ONE)) <= 0, `value ${i}`).toBe(true);
        });
        // second order: the distance plus ε²/gap or so (gaps ≥ 1/1000, δ far below them), where a
        // first-order bound is ε itself
        const toNum = (x: bigint) => Number(x) / Number(ONE);
        const maxEps = Math.max(...residual.map(toNum));
        const maxD = Math.max(...distance.map(toNum));
        let minGap = Infinity;
        for (let i = 1; i < n; i++) minGap = Math.min(minGap, toNum(values[i] - values[i - 1]));
        if (eta <= 1e-5) {
          expect(toNum(bound!)).toBeLessThanOrEqual(maxD + (maxEps * maxEps) / (minGap / 2) + 4 / Number(ONE));
          expect(toNum(bound!)).toBeLessThan(maxEps / 10);
        }
      }),
      { seed: 20261205, numRuns: 60 },
    );
  });

  it('refuses values its matching cannot isolate, and a single value is bounded by its distance alone', () => {
    const base = { matching: 10n, distance: [1n, 1n], residual: [100n, 100n] };
    // gap 21 = 2·10 + 1: not more than 2δ + d
    expect(katoTempleBound({ ...base, values: [0n, 21n] })).toBeNull();
    // gap 22: room 22 − 10 − 1 = 11, second-order term ⌈100²/11⌉ = 910
    expect(katoTempleBound({ ...base, values: [0n, 22n] })).toBe(1n + 910n);
    expect(katoTempleBound({ values: [5n], matching: 3n, distance: [2n], residual: [7n] })).toBe(2n);
  });

  it('refuses inputs out of shape', () => {
    expect(() => katoTempleBound({ values: [1n, 0n], matching: 0n, distance: [0n, 0n], residual: [0n, 0n] })).toThrow(/not ascending/);
    expect(() => katoTempleBound({ values: [0n, 1n], matching: 0n, distance: [0n], residual: [0n, 0n] })).toThrow(/2 values, 1 distances/);
  });
});
