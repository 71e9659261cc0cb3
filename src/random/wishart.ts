/**
 * Complex Wishart matrices W = Z Z† (Z an n × k matrix of i.i.d. standard complex Gaussians,
 * E|z|² = 1) drawn through their Bartlett factor: W = L L† in law, L lower triangular with
 * L_ii = √Γ(k − i, 1) (i = 0 … n − 1) and L_ij (i > j) standard complex Gaussians, all independent
 * (e.g. R. J. Muirhead, Aspects of Multivariate Statistical Theory, Thm 3.2.14, in its complex form).
 * O(n²) draws instead of the n·k of Z: what makes Hilbert–Schmidt states cheap when only the
 * Schur–Weyl blocks of ρ matter (figures/samples.ts).
 */
import { assertDimension } from './internal.js';
import type { Rng } from './rng.js';

/** A Γ(shape, 1) variate (mean and variance = shape) for shape ≥ 1, by Marsaglia and Tsang (2000). */
export function gammaVariate(rng: Rng, shape: number): number {
  if (!(shape >= 1 && Number.isFinite(shape))) throw new RangeError(`gammaVariate: shape must be finite and ≥ 1, got ${shape}`);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = rng.normal();
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = rng.next();
    if (u > 0 && Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** The Bartlett factor L of a complex Wishart W(n, k) (k ≥ n degrees of freedom): n × n row-major, zero above the diagonal. */
export function complexWishartFactor(rng: Rng, n: number, k: number): { re: Float64Array; im: Float64Array } {
  assertDimension('complexWishartFactor', 'n', n);
  if (!(Number.isSafeInteger(k) && k >= n)) throw new RangeError(`complexWishartFactor: degrees of freedom must be an integer ≥ n = ${n}, got ${k}`);
  const re = new Float64Array(n * n);
  const im = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    re[i * n + i] = Math.sqrt(gammaVariate(rng, k - i));
    for (let j = 0; j < i; j++) {
      re[i * n + j] = rng.normal() * Math.SQRT1_2;
      im[i * n + j] = rng.normal() * Math.SQRT1_2;
    }
  }
  return { re, im };
}
