/**
 * Haar unitaries applied as directly drawn reflections, and the Bures factor built on them
 * (src/random/stewart.ts). Order: refusals; U formed by applying it to I is unitary; statistics
 * against moments of the Haar measure (E Tr U = 0, E|Tr U|² = 1, E|U_ij|² = 1/n,
 * E|U_ij|⁴ = 2/(n(n + 1))) and of the Bures measure (E Tr ρ² = (5n² + 1)/(2n(n² + 2)),
 * Sommers–Życzkowski 2003), 4000 seeded draws, 5 standard errors.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/random/rng.js';
import { applyHaar, buresFactor, haarReflections } from '../../src/random/stewart.js';

function expectMean(xs: readonly number[], expected: number): void {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const se = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1) / n);
  expect(Math.abs(mean - expected), `mean ${mean}, expected ${expected}, standard error ${se}`).toBeLessThanOrEqual(5 * se);
}

/** U as a matrix: U applied to the identity. */
function formU(rng: Rng, n: number): { re: Float64Array; im: Float64Array } {
  const B = { re: new Float64Array(n * n), im: new Float64Array(n * n) };
  for (let i = 0; i < n; i++) B.re[i * n + i] = 1;
  applyHaar(haarReflections(rng, n), B, n);
  return B;
}

describe('refusals', () => {
  it('n < 1', () => {
    expect(() => haarReflections(new Rng(1), 0)).toThrow(/n must be a positive integer/);
    expect(() => buresFactor(new Rng(1), 0)).toThrow(/n must be a positive integer/);
  });
  it('B of the wrong shape', () => expect(() => applyHaar(haarReflections(new Rng(1), 3), { re: new Float64Array(6), im: new Float64Array(6) }, 3)).toThrow(/B must be 3 × 3/));
});

describe('U is unitary', () => {
  it.each([1, 2, 5, 16])('n = %s: U U† = I to 1e-13', (n) => {
    const U = formU(new Rng(n), n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let re = 0;
        let im = 0;
        for (let k = 0; k < n; k++) {
          re += U.re[i * n + k] * U.re[j * n + k] + U.im[i * n + k] * U.im[j * n + k];
          im += U.im[i * n + k] * U.re[j * n + k] - U.re[i * n + k] * U.im[j * n + k];
        }
        expect(Math.abs(re - (i === j ? 1 : 0)) + Math.abs(im)).toBeLessThan(1e-13);
      }
  });
});

describe('statistics (4000 draws, 5 standard errors)', () => {
  it.each([2, 3, 5])('Haar, n = %s: E Tr U = 0, E|Tr U|² = 1, E|U_ij|² = 1/n, E|U_ij|⁴ = 2/(n(n + 1))', (n) => {
    const rng = new Rng(40 + n);
    const us = Array.from({ length: 4000 }, () => formU(rng, n));
    const tr = us.map((U) => {
      let re = 0;
      let im = 0;
      for (let i = 0; i < n; i++) {
        re += U.re[i * n + i];
        im += U.im[i * n + i];
      }
      return { re, im };
    });
    expectMean(
      tr.map((t) => t.re),
      0,
    );
    expectMean(
      tr.map((t) => t.im),
      0,
    );
    expectMean(
      tr.map((t) => t.re ** 2 + t.im ** 2),
      1,
    );
    for (const q of [0, n * n - 1, n - 1]) {
      const p = us.map((U) => U.re[q] ** 2 + U.im[q] ** 2);
      expectMean(p, 1 / n);
      expectMean(
        p.map((x) => x * x),
        2 / (n * (n + 1)),
      );
    }
  });
  it.each([2, 3, 5])('Bures, n = %s: E Tr ρ² = (5n² + 1)/(2n(n² + 2))', (n) => {
    const rng = new Rng(60 + n);
    const purities = Array.from({ length: 4000 }, () => {
      const A = buresFactor(rng, n);
      // ρ = A A†/Tr: Tr ρ² = Σ|ρ_ij|²
      let t = 0;
      for (let q = 0; q < n * n; q++) t += A.re[q] ** 2 + A.im[q] ** 2;
      let p = 0;
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          let re = 0;
          let im = 0;
          for (let k = 0; k < n; k++) {
            re += A.re[i * n + k] * A.re[j * n + k] + A.im[i * n + k] * A.im[j * n + k];
            im += A.im[i * n + k] * A.re[j * n + k] - A.re[i * n + k] * A.im[j * n + k];
          }
          p += (re * re + im * im) / (t * t);
        }
      return p;
    });
    expectMean(purities, (5 * n * n + 1) / (2 * n * (n * n + 2)));
  });
});
