/**
 * The residual max_ij |L(ρ)_ij| of a state under a compiled Lindbladian: in float64 on typed arrays,
 * in any other field by Lindbladian.apply. The float64 loop performs, for every entry of L(ρ), the
 * same operations in the same order as Lindbladian.apply (lindblad.ts), so it gives the same bits;
 * it only avoids the field's function calls and the arrays of boxed numbers.
 */
import type { AnalyticField } from '../numeric/field.js';
import { maxAbs, type CMatrix } from '../numeric/matrix.js';
import { InputError } from '../errors.js';
import { lindbladian, type Lindbladian, type LindbladModel } from './lindblad.js';

/** max_ij |L(ρ)_ij| (the modulus of each complex entry, as numeric/matrix.ts maxAbs). */
export function lindbladResidual<T>(F: AnalyticField<T>, model: LindbladModel<T> | Lindbladian<T>, rho: CMatrix<T>): T {
  const L = 'apply' in model ? model : lindbladian(F, model);
  if (F.kind !== 'float64') return maxAbs(F, L.apply(rho));
  return lindbladResidualFloat64(L as unknown as Lindbladian<number>, rho as unknown as CMatrix<number>) as unknown as T;
}

function lindbladResidualFloat64(L: Lindbladian<number>, rho: CMatrix<number>): number {
  const { d, N, G, jumps } = L;
  if (rho.rows !== d || rho.cols !== d) throw new InputError(`lindblad: ρ must be ${d}×${d} for N = ${N}, got ${rho.rows}×${rho.cols}`);
  const pr = Float64Array.from(rho.re);
  const pi = Float64Array.from(rho.im);
  const outRe = new Float64Array(d * d);
  const outIm = new Float64Array(d * d);
  // −iGρ, then +iρG† (see Lindbladian.apply for the signs)
  for (let x = 0; x < d; x++) {
    const row = G[x];
    for (let k = 0; k < row.col.length; k++) {
      const c = row.col[k];
      const gr = row.re[k];
      const gi = row.im[k];
      for (let y = 0; y < d; y++) {
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
  for (let x = 0; x < d; x++) {
    const row = G[x];
    for (let k = 0; k < row.col.length; k++) {
      const c = row.col[k];
      const gr = row.re[k];
      const gi = row.im[k];
      for (let y = 0; y < d; y++) {
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
  // jumps: out_ab += c·ρ[a^mL, b^mR] over a, b with the flipped qubits ground (emission) or excited
  for (const J of jumps) {
    const wantLeft = J.emission ? J.maskLeft : 0;
    const wantRight = J.emission ? J.maskRight : 0;
    for (let a = 0; a < d; a++) {
      if ((a & J.maskLeft) !== wantLeft) continue;
      const sa = (a ^ J.maskLeft) * d;
      for (let b = 0; b < d; b++) {
        if ((b & J.maskRight) !== wantRight) continue;
        const o = a * d + b;
        const s = sa + (b ^ J.maskRight);
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
