/**
 * l1FixedPoint against the plain formulation it replaces (kept here as the reference): on seeded
 * random factors and Gibbs weights, N = 2 … 7 at 30 and 50 digits, the two results must agree to
 * the last digit (both form the same integers, only in a different way). Factors include null
 * blocks, narrow and full ones, and real ones (whose Gram entries have zero imaginary part).
 */
import { describe, expect, it } from 'vitest';
import { decimalField } from '../../src/numeric/decimal.js';
import type { AnalyticField } from '../../src/numeric/field.js';
import { bitsForDigits, fixedField, isqrt } from '../../src/numeric/fixed.js';
import type { CMatrix } from '../../src/numeric/matrix.js';
import { l1FixedPoint } from '../../src/physics/l1-fixed-point.js';
import { spinBasis } from '../../src/physics/spin-basis.js';
import { spinGibbsWeights } from '../../src/physics/spin-gibbs-weights.js';
import { Rng } from '../../src/random/rng.js';

/** The plain formulation: Q column by column, four products per Gram term. */
function reference<T>(F: AnalyticField<T>, weights: readonly (readonly T[])[], factors: readonly (CMatrix<T> | null)[], N: number): T {
  const bits = bitsForDigits(F.digits) + 4 * N + 32;
  const K = fixedField(bits);
  const basis = spinBasis(K, N);
  const toK = (x: T): bigint => K.fromString(String(x));
  const fam = basis.families.map((_, i) => {
    const fac = factors[i];
    if (!fac) return null;
    return { r: fac.cols, re: fac.re.map(toK), im: fac.im.map(toK), rootW: weights[i].map((w) => toK(F.sqrt(w))) };
  });
  const B = BigInt(bits);
  let total = 0n;
  for (let k = 0; k <= N; k++) {
    const s = basis.sectors[k].length;
    if (s < 2) continue;
    const qr: bigint[][] = Array.from({ length: s }, () => []);
    const qi: bigint[][] = Array.from({ length: s }, () => []);
    basis.families.forEach((f, i) => {
      const d = k - (N - f.twoJ) / 2;
      const g = fam[i];
      if (!g || d < 0 || d > f.twoJ || g.r === 0) return;
      const V = f.vectors[d];
      const w = g.rootW[d];
      for (let q = 0; q < g.r; q++)
        for (let x = 0; x < s; x++) {
          let sr = 0n;
          let si = 0n;
          for (let a = 0; a < V.length; a++) {
            sr += V[a][x] * g.re[a * g.r + q];
            si += V[a][x] * g.im[a * g.r + q];
          }
          qr[x].push((((sr + (1n << (B - 1n))) >> B) * w + (1n << (B - 1n))) >> B);
          qi[x].push((((si + (1n << (B - 1n))) >> B) * w + (1n << (B - 1n))) >> B);
        }
    });
    const cols = qr[0].length;
    for (let x = 0; x < s; x++)
      for (let y = x + 1; y < s; y++) {
        let re = 0n;
        let im = 0n;
        for (let e = 0; e < cols; e++) {
          re += qr[x][e] * qr[y][e] + qi[x][e] * qi[y][e];
          im += qi[x][e] * qr[y][e] - qr[x][e] * qi[y][e];
        }
        if (im === 0n) total += re < 0n ? -re : re;
        else total += isqrt((re >> B) * (re >> B) + (im >> B) * (im >> B)) << B;
      }
  }
  return F.div(F.fromString((2n * total).toString()), F.fromString((1n << (2n * B)).toString()));
}

/** Seeded random factors (entries at full precision, modulus ≤ 1/n_j so Q stays within 1). */
function randomFactors<T>(F: AnalyticField<T>, N: number, rng: Rng): (CMatrix<T> | null)[] {
  return spinBasis(F, N).families.map((f) => {
    const n = f.multiplicity;
    const kind = rng.int(0, 3); // 0: null, 1: real, 2–3: complex
    if (kind === 0) return null;
    const r = rng.int(1, n);
    const entry = () => F.div(F.mul(F.fromNumber(rng.uniform(-1, 1)), F.sqrt(F.fromNumber(rng.int(2, 97)))), F.fromNumber(10 * n));
    const re = Array.from({ length: n * r }, entry);
    const im = Array.from({ length: n * r }, () => (kind === 1 ? F.zero : entry()));
    return { rows: n, cols: r, re, im };
  });
}

describe('l1FixedPoint', () => {
  for (const digits of [30, 50])
    it(`equals the plain formulation to the last digit, N = 2 … 7, ${digits} digits`, () => {
      const F = decimalField(digits);
      let nonzero = 0;
      for (let N = 2; N <= 7; N++)
        for (let trial = 0; trial < 3; trial++) {
          const rng = new Rng(N * 100 + trial, ['l1-fixed-point', String(digits)]);
          const factors = randomFactors(F, N, rng);
          const r = F.exp(F.neg(F.fromNumber(rng.uniform(0.1, 2))));
          const weights = spinBasis(F, N).families.map((f) => spinGibbsWeights(F, f.twoJ, r));
          const got = l1FixedPoint(F, weights, factors, N);
          expect(String(got)).toBe(String(reference(F, weights, factors, N)));
          if (!F.isZero(got)) nonzero++;
        }
      // most draws have coherences (a draw of only null factors would compare 0 with 0)
      expect(nonzero).toBeGreaterThan(12);
    });
});
