/** Helpers shared by the ensemble generators; not part of the public API. */
import { InternalError } from '../errors.js';
import type { Field } from '../numeric/field.js';
import type { CMatrix } from '../numeric/matrix.js';

/** Throws RangeError unless n is a positive safe integer. */
export function assertDimension(fn: string, name: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`${fn}: ${name} must be a positive integer, got ${n}`);
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
