/**
 * Haar unitaries applied as directly drawn reflections, and the Bures factor built on them
 * (src/random/stewart.ts). Order: refusals; U formed by applying it to I is unitary; statistics
 * against moments of the Haar measure (E Tr U = 0, E|Tr U|² = 1, E|U_ij|² = 1/n,
 * E|U_ij|⁴ = 2/(n(n + 1))) and of the Bures measure (E Tr ρ² = (5n² + 1)/(2n(n² + 2)),
 * Sommers–Życzkowski 2003), 4000 seeded draws, 5 standard errors.
 */
import { describe, expect, it } from 'vitest';
import { expectHaarMoments, expectMean } from './moments.js';
import { Rng } from '../../src/random/rng.js';
import { float64 } from '../../src/numeric/float64.js';
import { gram } from '../../src/numeric/matrix.js';
import { applyHaar, buresFactor, haarReflections } from '../../src/random/stewart.js';

/** X X† for a row-major n × n complex X. */
function gramRows(X: { re: Float64Array; im: Float64Array }, n: number): { re: number[]; im: number[] } {
  return gram(float64, { rows: n, cols: n, re: Array.from(X.re), im: Array.from(X.im) });
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
  it('B of the wrong shape', () =>
    expect(() => applyHaar(haarReflections(new Rng(1), 3), { re: new Float64Array(6), im: new Float64Array(6) }, 3)).toThrow(/B must be 3 × 3/));
});

describe('U is unitary', () => {
  it.each([1, 2, 5, 16])('n = %s: U U† = I to 1e-13', (n) => {
    const P = gramRows(formU(new Rng(n), n), n);
    for (let q = 0; q < n * n; q++) expect(Math.abs(P.re[q] - (q % (n + 1) === 0 ? 1 : 0)) + Math.abs(P.im[q])).toBeLessThan(1e-13);
  });
});

describe('statistics (4000 draws, 5 standard errors)', () => {
  it.each([2, 3, 5])('Haar, n = %s: E Tr U = 0, E|Tr U|² = 1, E|U_ij|² = 1/n, E|U_ij|⁴ = 2/(n(n + 1))', (n) => {
    const rng = new Rng(40 + n);
    expectHaarMoments(
      Array.from({ length: 4000 }, () => formU(rng, n)),
      n,
    );
  });
  it.each([2, 3, 5])('Bures, n = %s: E Tr ρ² = (5n² + 1)/(2n(n² + 2))', (n) => {
    const rng = new Rng(60 + n);
    const purities = Array.from({ length: 4000 }, () => {
      const rho = gramRows(buresFactor(rng, n), n);
      // Tr ρ² = Σ|ρ_ij|² / (Tr ρ)²
      let t = 0;
      for (let i = 0; i < n; i++) t += rho.re[i * n + i];
      let p = 0;
      for (let q = 0; q < n * n; q++) p += (rho.re[q] ** 2 + rho.im[q] ** 2) / (t * t);
      return p;
    });
    expectMean(purities, (5 * n * n + 1) / (2 * n * (n * n + 2)));
  });
});
