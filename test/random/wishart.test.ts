/**
 * Gamma variates and Bartlett factors of complex Wishart matrices (src/random/wishart.ts).
 * Order: refusals; shape of the factor; statistics against moments derived here (4000 seeded
 * draws, 5 standard errors): Γ(a) has mean and variance a; W = Z Z† (Z n × k, E|z|² = 1) has
 * E W = k I and E Tr W² = n(k + k²) + n(n − 1)k = nk(n + k) (diagonal entries are sums of k unit
 * exponentials, off-diagonal ones have E|W_ij|² = k).
 */
import { describe, expect, it } from 'vitest';
import { expectMean } from './moments.js';
import { Rng } from '../../src/random/rng.js';
import { complexWishartFactor, gammaVariate } from '../../src/random/wishart.js';

describe('refusals', () => {
  it.each([0.5, 0, -1, NaN, Infinity])('gammaVariate shape %s', (a) => expect(() => gammaVariate(new Rng(1), a)).toThrow(/shape must be finite and ≥ 1/));
  it('complexWishartFactor with n < 1 or fewer degrees of freedom than n', () => {
    expect(() => complexWishartFactor(new Rng(1), 0, 3)).toThrow(/n must be a positive integer/);
    expect(() => complexWishartFactor(new Rng(1), 3, 2)).toThrow(/degrees of freedom must be an integer ≥ n = 3, got 2/);
    expect(() => complexWishartFactor(new Rng(1), 2, 2.5)).toThrow(/degrees of freedom/);
  });
});

describe('the factor', () => {
  it('is lower triangular with a positive real diagonal; same seed, same factor', () => {
    const L = complexWishartFactor(new Rng(7), 4, 9);
    for (let i = 0; i < 4; i++) {
      expect(L.re[i * 4 + i]).toBeGreaterThan(0);
      expect(L.im[i * 4 + i]).toBe(0);
      for (let j = i + 1; j < 4; j++) expect([L.re[i * 4 + j], L.im[i * 4 + j]]).toEqual([0, 0]);
    }
    expect(complexWishartFactor(new Rng(7), 4, 9)).toEqual(L);
  });
});

describe('statistics (4000 draws, 5 standard errors)', () => {
  it.each([1, 2.5, 40, 5000])('Γ(%s): mean a, variance a', (a) => {
    const rng = new Rng(Math.round(a * 10));
    const xs = Array.from({ length: 4000 }, () => gammaVariate(rng, a));
    expectMean(xs, a);
    expectMean(
      xs.map((x) => (x - a) ** 2),
      a,
    );
  });
  it.each([
    [1, 1],
    [3, 3],
    [3, 8],
    [5, 40],
  ])('W(n = %s, k = %s) = L L†: E W = k I and E Tr W² = nk(n + k)', (n, k) => {
    const rng = new Rng(100 * n + k);
    const draws = Array.from({ length: 4000 }, () => {
      const { re, im } = complexWishartFactor(rng, n, k);
      // W = L L†
      const Wr = new Array<number>(n * n).fill(0);
      const Wi = new Array<number>(n * n).fill(0);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++)
          for (let q = 0; q < n; q++) {
            Wr[i * n + j] += re[i * n + q] * re[j * n + q] + im[i * n + q] * im[j * n + q];
            Wi[i * n + j] += im[i * n + q] * re[j * n + q] - re[i * n + q] * im[j * n + q];
          }
      return { Wr, Wi };
    });
    for (let i = 0; i < n; i++) {
      expectMean(
        draws.map((d) => d.Wr[i * n + i]),
        k,
      );
      if (i > 0) {
        expectMean(
          draws.map((d) => d.Wr[i * n]),
          0,
        );
        expectMean(
          draws.map((d) => d.Wi[i * n]),
          0,
        );
      }
    }
    expectMean(
      draws.map((d) => d.Wr.reduce((a, x, q) => a + x * x + d.Wi[q] * d.Wi[q], 0)),
      n * k * (n + k),
    );
  });
});
