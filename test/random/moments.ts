/** Statistical checks shared by the random-state tests: sample means against derived moments. */
import { expect } from 'vitest';

/** The mean of xs equals `expected` within 5 standard errors. */
export function expectMean(xs: readonly number[], expected: number): void {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const se = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1) / n);
  expect(Math.abs(mean - expected), `mean ${mean}, expected ${expected}, standard error ${se}`).toBeLessThanOrEqual(5 * se);
}

/**
 * Moments of the Haar measure on U(n) for samples of n × n row-major unitaries: E Tr U = 0,
 * E|Tr U|² = 1 and, for the entries (0, 0), (0, n − 1), (n − 1, n − 1), E|U_ij|² = 1/n and
 * E|U_ij|⁴ = 2/(n(n + 1)).
 */
export function expectHaarMoments(us: readonly { readonly re: ArrayLike<number>; readonly im: ArrayLike<number> }[], n: number): void {
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
  for (const q of [0, n - 1, n * n - 1]) {
    const p = us.map((U) => U.re[q] ** 2 + U.im[q] ** 2);
    expectMean(p, 1 / n);
    expectMean(
      p.map((x) => x * x),
      2 / (n * (n + 1)),
    );
  }
}
