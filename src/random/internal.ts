/** Helpers shared by the ensemble generators; not part of the public API. */
import { InternalError } from '../errors.js';
import type { Field } from '../numeric/field.js';
import type { CMatrix } from '../numeric/matrix.js';
import { zeros } from '../numeric/matrix.js';

/** Throws RangeError unless n is a positive safe integer. */
export function assertDimension(fn: string, name: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`${fn}: ${name} must be a positive integer, got ${n}`);
}

/**
 * A A† computed on and above the diagonal and mirrored, so the result is exactly Hermitian (the
 * diagonal is exactly real) and positive semidefinite up to the rounding of its entries.
 */
export function gramAdjoint<T>(F: Field<T>, A: CMatrix<T>): CMatrix<T> {
  const { rows: n, cols: m } = A;
  const W = zeros(F, n);
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      // Σ_k A_ik · conj(A_jk)
      let re = F.zero;
      let im = F.zero;
      for (let k = 0; k < m; k++) {
        const ar = A.re[i * m + k];
        const ai = A.im[i * m + k];
        const br = A.re[j * m + k];
        const bi = A.im[j * m + k];
        re = F.add(re, F.add(F.mul(ar, br), F.mul(ai, bi)));
        if (i !== j) im = F.add(im, F.sub(F.mul(ai, br), F.mul(ar, bi)));
      }
      W.re[i * n + j] = re;
      W.re[j * n + i] = re;
      if (i !== j) {
        W.im[i * n + j] = im;
        W.im[j * n + i] = F.neg(im);
      }
    }
  return W;
}

/** W / Tr W for a Hermitian W with positive trace; Hermiticity is kept exactly (entrywise real scaling). */
export function normalizeTrace<T>(F: Field<T>, fn: string, W: CMatrix<T>): CMatrix<T> {
  const n = W.rows;
  let t = F.zero;
  for (let i = 0; i < n; i++) t = F.add(t, W.re[i * n + i]);
  // Gaussian draws give a zero trace with probability 0; reaching this is a bug, not bad luck.
  if (F.sign(t) <= 0) throw new InternalError(`${fn}: trace ${F.toString(t)} is not positive`);
  return { rows: n, cols: n, re: W.re.map((x) => F.div(x, t)), im: W.im.map((x) => F.div(x, t)) };
}
