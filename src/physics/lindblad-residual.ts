/**
 * The residual max_ij |L(ρ)_ij| of a state under a compiled Lindbladian: in float64 on typed arrays,
 * in any other field by Lindbladian.apply. The float64 loop performs, for every entry of L(ρ), the
 * same operations in the same order as Lindbladian.apply (lindblad.ts), so it gives the same bits;
 * it only avoids the field's function calls and boxed numbers, and skips the zero entries of ρ.
 */
import type { AnalyticField } from '../numeric/field.js';
import { float64 } from '../numeric/float64.js';
import { maxAbs, type CMatrix } from '../numeric/matrix.js';
import { InputError } from '../errors.js';
import { lindbladian, type Lindbladian, type LindbladModel } from './lindblad.js';

/** max_ij |L(ρ)_ij| (the modulus of each complex entry, as numeric/matrix.ts maxAbs). */
export function lindbladResidual<T>(F: AnalyticField<T>, model: LindbladModel<T> | Lindbladian<T>, rho: CMatrix<T>): T {
  const L = 'apply' in model ? model : lindbladian(F, model);
  if (F.kind !== 'float64') return maxAbs(F, L.apply(rho));
  return lindbladResidualFloat64(L as unknown as Lindbladian<number>, rho as unknown as CMatrix<number>) as unknown as T;
}

/** Row-compressed positions of the nonzero entries of a d×d matrix, by row (or, transposed, by column). */
function nonzeros(re: Float64Array, im: Float64Array, d: number, byColumn: boolean): { start: Int32Array; index: Int32Array } {
  const start = new Int32Array(d + 1);
  const index = new Int32Array(re.length);
  let m = 0;
  for (let u = 0; u < d; u++) {
    start[u] = m;
    for (let v = 0; v < d; v++) {
      const k = byColumn ? v * d + u : u * d + v;
      if (re[k] !== 0 || im[k] !== 0) index[m++] = v;
    }
  }
  start[d] = m;
  return { start, index };
}

function lindbladResidualFloat64(L: Lindbladian<number>, rho: CMatrix<number>): number {
  const { d, N, G, jumps } = L;
  if (rho.rows !== d || rho.cols !== d) throw new InputError(`lindblad: ρ must be ${d}×${d} for N = ${N}, got ${rho.rows}×${rho.cols}`);
  // A zero entry of ρ adds ±0 to an entry of L(ρ), which leaves its modulus as it is, so only the
  // nonzero entries are visited (a steady state is block diagonal: most entries are zero). That
  // needs finite coefficients (∞·0 is not 0); the model's validation ensures them.
  if (!G.every((row) => row.re.every(Number.isFinite) && row.im.every(Number.isFinite)) || !jumps.every((J) => Number.isFinite(J.c)))
    return maxAbs(float64, L.apply(rho));
  const pr = Float64Array.from(rho.re);
  const pi = Float64Array.from(rho.im);
  const rows = nonzeros(pr, pi, d, false);
  const cols = nonzeros(pr, pi, d, true);
  const outRe = new Float64Array(d * d);
  const outIm = new Float64Array(d * d);
  // −iGρ: entry (x, y) gathers G_xc ρ_cy over the columns c of row x of G, in their order
  for (let x = 0; x < d; x++) {
    const row = G[x];
    for (let k = 0; k < row.col.length; k++) {
      const c = row.col[k];
      const gr = row.re[k];
      const gi = row.im[k];
      for (let m = rows.start[c]; m < rows.start[c + 1]; m++) {
        const y = rows.index[m];
        const o = x * d + y;
        const s = c * d + y;
        if (gr !== 0) {
          outRe[o] = outRe[o] + gr * pi[s];
          outIm[o] = outIm[o] - gr * pr[s];
        }
        if (gi !== 0) {
          outRe[o] = outRe[o] + gi * pr[s];
          outIm[o] = outIm[o] + gi * pi[s];
        }
      }
    }
  }
  // +iρG†: entry (y, x) gathers ρ_yc conj(G_xc)
  for (let x = 0; x < d; x++) {
    const row = G[x];
    for (let k = 0; k < row.col.length; k++) {
      const c = row.col[k];
      const gr = row.re[k];
      const gi = row.im[k];
      for (let m = cols.start[c]; m < cols.start[c + 1]; m++) {
        const y = cols.index[m];
        const o = y * d + x;
        const s = y * d + c;
        if (gr !== 0) {
          outRe[o] = outRe[o] - gr * pi[s];
          outIm[o] = outIm[o] + gr * pr[s];
        }
        if (gi !== 0) {
          outRe[o] = outRe[o] + gi * pr[s];
          outIm[o] = outIm[o] + gi * pi[s];
        }
      }
    }
  }
  // jumps: out_ab += c·ρ[a^mL, b^mR] over a, b with the flipped qubits ground (emission) or excited;
  // each entry gets one term per jump, so the order within a jump is free
  for (const J of jumps) {
    const wantLeft = J.emission ? J.maskLeft : 0;
    const wantRight = J.emission ? J.maskRight : 0;
    for (let a = 0; a < d; a++) {
      if ((a & J.maskLeft) !== wantLeft) continue;
      const ra = a ^ J.maskLeft;
      for (let m = rows.start[ra]; m < rows.start[ra + 1]; m++) {
        const rb = rows.index[m];
        const b = rb ^ J.maskRight;
        if ((b & J.maskRight) !== wantRight) continue;
        const o = a * d + b;
        const s = ra * d + rb;
        outRe[o] = outRe[o] + J.c * pr[s];
        outIm[o] = outIm[o] + J.c * pi[s];
      }
    }
  }
  let worst = 0;
  for (let k = 0; k < d * d; k++) {
    const a = Math.sqrt(outRe[k] * outRe[k] + outIm[k] * outIm[k]);
    if (a > worst) worst = a;
  }
  return worst;
}
