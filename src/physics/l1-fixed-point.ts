/**
 * C_l1 (computational basis) of a collective steady state ρ_ss = ⊕_j Gibbs_j ⊗ M_j at high
 * precision, in BigInt fixed point, from factors F_j F_j† = M_j.
 *
 * For each excitation sector k, Q = [√w_{j,d} V_{j,d}ᵀ F_j]_j (s_k × Σ r_j, V_{j,d} the real
 * Schur–Weyl vectors of depth d = k − (N − 2j)/2) is rounded to `bits` fractional bits, then every
 * B_k[x][y] = Σ_e Q[x][e] conj(Q[y][e]) is formed exactly in integers and |B_k[x][y]| by an
 * integer square root. The entries of Q are at most 1 in modulus, so the absolute error is
 * ≲ s_k² · cols · 2^−bits, far below the working precision with the margin chosen.
 *
 * The integers are those of the plain formulation; only the way they are formed differs: the
 * nonzero entries of each V are listed once per sector, and each Gram entry takes three products
 * per column instead of four (Gauss's complex product with the row sums and differences hoisted),
 * which is exact in integers. The result is therefore the same to the last bit.
 */
import type { AnalyticField } from '../numeric/field.js';
import { bitsForDigits, fixedField, isqrt } from '../numeric/fixed.js';
import type { CMatrix } from '../numeric/matrix.js';
import { spinBasis } from './spin-basis.js';

/**
 * C_l1 of ⊕_j Gibbs_j ⊗ M_j: `weights[i]` the Gibbs weights w_{j,d} (d = 0 … 2j) of family i of
 * spinBasis(·, N) (j decreasing), `factors[i]` an n_j × r_j factor of M_j (null: M_j = 0).
 */
export function l1FixedPoint<T>(F: AnalyticField<T>, weights: readonly (readonly T[])[], factors: readonly (CMatrix<T> | null)[], N: number): T {
  const bits = bitsForDigits(F.digits) + 4 * N + 32;
  const K = fixedField(bits);
  const basis = spinBasis(K, N);
  const toK = (x: T): bigint => (F.isZero(x) ? 0n : K.fromString(String(x)));
  const fam = basis.families.map((_, i) => {
    const fac = factors[i];
    if (!fac || fac.cols === 0) return null;
    const rootW = weights[i].map((w) => toK(F.sqrt(w)));
    return { r: fac.cols, re: fac.re.map(toK), im: fac.im.map(toK), rootW };
  });
  const B = BigInt(bits);
  const half = 1n << (B - 1n);
  let total = 0n; // scale 2^(2·bits)
  for (let k = 0; k <= N; k++) {
    const s = basis.sectors[k].length;
    if (s < 2) continue;
    const qr: bigint[][] = Array.from({ length: s }, () => []);
    const qi: bigint[][] = Array.from({ length: s }, () => []);
    basis.families.forEach((f, i) => {
      const d = k - (N - f.twoJ) / 2;
      const g = fam[i];
      if (!g || d < 0 || d > f.twoJ) return;
      const V = f.vectors[d];
      const w = g.rootW[d];
      const r = g.r;
      for (let x = 0; x < s; x++) {
        // the nonzero V[a][x] and the offsets a·r of their rows in F_j
        const at: number[] = [];
        const vs: bigint[] = [];
        for (let a = 0; a < V.length; a++) {
          const v = V[a][x];
          if (v !== 0n) {
            at.push(a * r);
            vs.push(v);
          }
        }
        const rowR = qr[x];
        const rowI = qi[x];
        for (let q = 0; q < r; q++) {
          // entry (x, q) of √w Vᵀ F_j, rounded twice as in the plain formulation
          let sr = 0n;
          let si = 0n;
          for (let t = 0; t < at.length; t++) {
            const v = vs[t];
            sr += v * g.re[at[t] + q];
            si += v * g.im[at[t] + q];
          }
          rowR.push((((sr + half) >> B) * w + half) >> B);
          rowI.push((((si + half) >> B) * w + half) >> B);
        }
      }
    });
    const cols = qr[0].length;
    if (cols === 0) continue;
    // per row: ar + ai (as the x of a pair), −(bi + br) and br − bi (as the y)
    const sum: bigint[][] = [];
    const negSum: bigint[][] = [];
    const diff: bigint[][] = [];
    for (let x = 0; x < s; x++) {
      const ar = qr[x];
      const ai = qi[x];
      const a: bigint[] = new Array(cols);
      const m: bigint[] = new Array(cols);
      const p: bigint[] = new Array(cols);
      for (let e = 0; e < cols; e++) {
        a[e] = ar[e] + ai[e];
        m[e] = -(ai[e] + ar[e]);
        p[e] = ar[e] - ai[e];
      }
      sum.push(a);
      negSum.push(m);
      diff.push(p);
    }
    for (let x = 0; x < s; x++) {
      const ar = qr[x];
      const ai = qi[x];
      const sx = sum[x];
      for (let y = x + 1; y < s; y++) {
        const br = qr[y];
        const my = negSum[y];
        const py = diff[y];
        // (ar + i ai)(br − i bi): k1 = br(ar + ai), k2 = ar(−bi − br), k3 = ai(br − bi);
        // re = k1 − k3 = ar br + ai bi, im = k1 + k2 = ai br − ar bi
        let s1 = 0n;
        let s2 = 0n;
        let s3 = 0n;
        for (let e = 0; e < cols; e++) {
          s1 += br[e] * sx[e];
          s2 += ar[e] * my[e];
          s3 += ai[e] * py[e];
        }
        const re = s1 - s3;
        const im = s1 + s2;
        // |B[x][y]| to 2^−bits: drop `bits` of the 2·bits fractional bits first
        if (im === 0n) total += re < 0n ? -re : re;
        else total += hypot(re >> B, im >> B) << B;
      }
    }
  }
  return F.div(F.fromString((2n * total).toString()), F.fromString((1n << (2n * B)).toString()));
}

/** ⌊√(a² + b²)⌋ for integers: Newton's method from the float64 estimate (53 good bits, then doubling). */
function hypot(a: bigint, b: bigint): bigint {
  const n = a * a + b * b;
  const approx = Math.hypot(Number(a), Number(b));
  if (!Number.isFinite(approx)) return isqrt(n);
  if (approx < 2 ** 50) {
    let x = BigInt(Math.floor(approx));
    while (x * x > n) x--;
    while ((x + 1n) * (x + 1n) <= n) x++;
    return x;
  }
  // a float64 start above the root by a margin, so the iteration decreases monotonically to ⌊√n⌋
  let x = BigInt(Math.ceil(approx * (1 + 2 ** -50))) + 1n;
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}
