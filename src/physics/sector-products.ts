/**
 * Products of the blocks of a 2^N × 2^N matrix between excitation sectors with the real Schur–Weyl
 * vectors of each sector: a "block" of ρ between sectors k and k' is addressed through the sectors'
 * global indices; V lists real sector-local vectors. Float64 gets a plain-number copy of each
 * kernel because generic field calls dominate the cost at N = 12.
 */
import type { Field } from '../numeric/field.js';
import { zeros, type CMatrix } from '../numeric/matrix.js';

/** Complex matrix as two flat row-major arrays. */
export interface CBlock<T> {
  readonly rows: number;
  readonly cols: number;
  readonly re: T[];
  readonly im: T[];
}
/** ρ[X_x, Y_y] as a contiguous block (Float64Array for float64), so the products below stream through memory. */
export function gather<T>(F: Field<T>, rho: CMatrix<T>, X: readonly number[], Y: readonly number[]): Buffer<T> {
  const d = rho.cols;
  const n = X.length * Y.length;
  const re = F.kind === 'float64' ? new Float64Array(n) : new Array<T>(n);
  const im = F.kind === 'float64' ? new Float64Array(n) : new Array<T>(n);
  for (let x = 0; x < X.length; x++) {
    const row = X[x] * d;
    const o = x * Y.length;
    for (let y = 0; y < Y.length; y++) {
      (re as T[])[o + y] = rho.re[row + Y[y]];
      (im as T[])[o + y] = rho.im[row + Y[y]];
    }
  }
  return { rows: X.length, cols: Y.length, re, im };
}
/** Σ_{x,y} Va[α][x] R[x][y] Vb[β][y] for a gathered block R: mult_a × mult_b, each entry a sum of s_a·s_b products. */
export function sandwich<T>(F: Field<T>, R: Buffer<T>, Va: readonly (readonly T[])[], Vb: readonly (readonly T[])[]): CBlock<T> {
  const sa = R.rows;
  const sb = R.cols;
  const na = Va.length;
  const nb = Vb.length;
  if (F.kind === 'float64') {
    const rr = R.re as Float64Array;
    const ri = R.im as Float64Array;
    // U[β][x] = Σ_y R[x][y] Vb[β][y]: dot products of contiguous rows, stored β-major so that the
    // second product also runs along contiguous memory
    const ur = new Float64Array(nb * sa);
    const ui = new Float64Array(nb * sa);
    for (let x = 0; x < sa; x++) {
      const o = x * sb;
      for (let b = 0; b < nb; b++) {
        const v = Vb[b] as unknown as number[];
        let sr = 0;
        let si = 0;
        for (let y = 0; y < sb; y++) {
          sr += rr[o + y] * v[y];
          si += ri[o + y] * v[y];
        }
        ur[b * sa + x] = sr;
        ui[b * sa + x] = si;
      }
    }
    const re = new Array<number>(na * nb).fill(0);
    const im = new Array<number>(na * nb).fill(0);
    for (let a = 0; a < na; a++) {
      const v = Va[a] as unknown as number[];
      for (let b = 0; b < nb; b++) {
        const o = b * sa;
        let sr = 0;
        let si = 0;
        for (let x = 0; x < sa; x++) {
          sr += v[x] * ur[o + x];
          si += v[x] * ui[o + x];
        }
        re[a * nb + b] = sr;
        im[a * nb + b] = si;
      }
    }
    return { rows: na, cols: nb, re, im } as unknown as CBlock<T>;
  }
  const rr = R.re as T[];
  const ri = R.im as T[];
  const ur = new Array<T>(sa * nb);
  const ui = new Array<T>(sa * nb);
  for (let x = 0; x < sa; x++)
    for (let b = 0; b < nb; b++) {
      const v = Vb[b];
      let sr = F.zero;
      let si = F.zero;
      for (let y = 0; y < sb; y++) {
        if (F.isZero(v[y])) continue;
        sr = F.add(sr, F.mul(rr[x * sb + y], v[y]));
        si = F.add(si, F.mul(ri[x * sb + y], v[y]));
      }
      ur[x * nb + b] = sr;
      ui[x * nb + b] = si;
    }
  const re = new Array<T>(na * nb);
  const im = new Array<T>(na * nb);
  for (let a = 0; a < na; a++)
    for (let b = 0; b < nb; b++) {
      const v = Va[a];
      let sr = F.zero;
      let si = F.zero;
      for (let x = 0; x < sa; x++) {
        if (F.isZero(v[x])) continue;
        sr = F.add(sr, F.mul(v[x], ur[x * nb + b]));
        si = F.add(si, F.mul(v[x], ui[x * nb + b]));
      }
      re[a * nb + b] = sr;
      im[a * nb + b] = si;
    }
  return { rows: na, cols: nb, re, im };
}
/** A dense complex buffer (for float64: arrays of doubles from the start, see zeroBlock). */
export interface Buffer<T> {
  readonly rows: number;
  readonly cols: number;
  readonly re: T[] | Float64Array;
  readonly im: T[] | Float64Array;
}

/**
 * A rows × cols zero block. For float64 the arrays are made to hold doubles before they are
 * filled (one non-integer write to an empty array), so no later write converts, i.e. copies, the
 * whole array; at 2^12 × 2^12 this is 3–10 times faster than new Array(n).fill(0), measured.
 */
export function zeroBlock<T>(F: Field<T>, rows: number, cols: number): CMatrix<T> {
  if (F.kind !== 'float64') return zeros(F, rows, cols);
  const n = rows * cols;
  const make = (): number[] => {
    const a = new Array<number>(n);
    if (n > 0) a[0] = 0.5;
    for (let k = 0; k < n; k++) a[k] = 0;
    return a;
  };
  return { rows, cols, re: make(), im: make() } as unknown as CMatrix<T>;
}
/** Turn −0 into +0 (they compare equal, but test matchers tell them apart). */
export function cleanZeros<T>(F: Field<T>, A: CMatrix<T>): void {
  if (F.kind !== 'float64') return;
  for (const arr of [A.re, A.im] as unknown as number[][]) for (let k = 0; k < arr.length; k++) if (arr[k] === 0) arr[k] = 0;
}

/** P[x][e] = Σ_α V[α][x] K[α][e] (s × n, complex); each entry a sum of mult products. */
function project<T>(F: Field<T>, V: readonly (readonly T[])[], K: CBlock<T>, s: number): Buffer<T> {
  const n = K.cols;
  if (F.kind === 'float64') {
    const re = new Float64Array(s * n);
    const im = new Float64Array(s * n);
    const kr = K.re as unknown as number[];
    const ki = K.im as unknown as number[];
    // a, x, e order: the innermost loop runs along rows of P and K
    for (let a = 0; a < V.length; a++) {
      const v = V[a] as unknown as number[];
      const o = a * n;
      for (let x = 0; x < s; x++) {
        const vx = v[x];
        if (vx === 0) continue;
        const p = x * n;
        for (let e = 0; e < n; e++) {
          re[p + e] += vx * kr[o + e];
          im[p + e] += vx * ki[o + e];
        }
      }
    }
    return { rows: s, cols: n, re, im };
  }
  const re = new Array<T>(s * n).fill(F.zero);
  const im = new Array<T>(s * n).fill(F.zero);
  for (let a = 0; a < V.length; a++)
    for (let e = 0; e < n; e++) {
      const kr = K.re[a * n + e];
      const ki = K.im[a * n + e];
      if (F.isZero(kr) && F.isZero(ki)) continue;
      const v = V[a];
      for (let x = 0; x < s; x++) {
        if (F.isZero(v[x])) continue;
        re[x * n + e] = F.add(re[x * n + e], F.mul(v[x], kr));
        im[x * n + e] = F.add(im[x * n + e], F.mul(v[x], ki));
      }
    }
  return { rows: s, cols: n, re, im };
}

/** Vᵀ as an s × mult complex buffer (real entries). */
export function transposed<T>(F: Field<T>, V: readonly (readonly T[])[], s: number): Buffer<T> {
  const n = V.length;
  const B = zeroBlock(F, s, n);
  for (let b = 0; b < n; b++) for (let y = 0; y < s; y++) B.re[y * n + b] = V[b][y];
  return B;
}

/**
 * B[x][y] += w Σ_e P[x][e] conj(Q[y][e]) with P = Vaᵀ L, Q = Vbᵀ R (R = null: Q = Vbᵀ, i.e. B += w Vaᵀ L Vb).
 * `upper`: only y ≥ x (the caller mirrors), for blocks that are Hermitian in exact arithmetic.
 */
export function accumulate<T>(
  F: Field<T>,
  B: Buffer<T>,
  Va: readonly (readonly T[])[],
  L: CBlock<T>,
  Vb: readonly (readonly T[])[],
  R: CBlock<T> | null,
  w: T,
  upper: boolean,
): void {
  const P = project(F, Va, L, B.rows);
  const Q = R ? project(F, Vb, R, B.cols) : transposed(F, Vb, B.cols);
  const n = P.cols;
  if (F.kind === 'float64') {
    const [pr, pi, qr, qi, br, bi] = [P.re, P.im, Q.re, Q.im, B.re, B.im] as Float64Array[];
    const ww = w as unknown as number;
    for (let x = 0; x < B.rows; x++) {
      const px = x * n;
      const row = x * B.cols;
      for (let y = upper ? x : 0; y < B.cols; y++) {
        const qy = y * n;
        let sr = 0;
        let si = 0;
        for (let e = 0; e < n; e++) {
          const a = pr[px + e];
          const b = pi[px + e];
          const c = qr[qy + e];
          const g = qi[qy + e];
          sr += a * c + b * g;
          si += b * c - a * g;
        }
        br[row + y] += ww * sr;
        bi[row + y] += ww * si;
      }
    }
    return;
  }
  const [pr, pi, qr, qi, br, bi] = [P.re, P.im, Q.re, Q.im, B.re, B.im] as T[][];
  for (let x = 0; x < B.rows; x++)
    for (let y = upper ? x : 0; y < B.cols; y++) {
      let sr = F.zero;
      let si = F.zero;
      for (let e = 0; e < n; e++) {
        // P conj(Q)
        const a = pr[x * n + e];
        const b = pi[x * n + e];
        const c = qr[y * n + e];
        const g = qi[y * n + e];
        sr = F.add(sr, F.add(F.mul(a, c), F.mul(b, g)));
        si = F.add(si, F.sub(F.mul(b, c), F.mul(a, g)));
      }
      const o = x * B.cols + y;
      br[o] = F.add(br[o], F.mul(w, sr));
      bi[o] = F.add(bi[o], F.mul(w, si));
    }
}
/** Fill the lower triangle of a square block whose upper triangle (y ≥ x) is set: exactly Hermitian, real diagonal. */
export function mirrorUpper<T>(F: Field<T>, B: CMatrix<T>): void {
  const s = B.rows;
  for (let x = 0; x < s; x++) {
    B.im[x * s + x] = F.zero;
    for (let y = x + 1; y < s; y++) {
      B.re[y * s + x] = B.re[x * s + y];
      B.im[y * s + x] = F.neg(B.im[x * s + y]);
    }
  }
}
/** out[X_x, Y_y] = B[x][y]. */
export function scatter<T>(out: CMatrix<T>, X: readonly number[], Y: readonly number[], B: CMatrix<T>): void {
  const d = out.cols;
  for (let x = 0; x < X.length; x++) {
    const row = X[x] * d;
    for (let y = 0; y < Y.length; y++) {
      out.re[row + Y[y]] = B.re[x * B.cols + y];
      out.im[row + Y[y]] = B.im[x * B.cols + y];
    }
  }
}
/** A block as a CMatrix (the same arrays). */
export function toCMatrix<T>(B: CBlock<T>): CMatrix<T> {
  return { rows: B.rows, cols: B.cols, re: B.re, im: B.im };
}
