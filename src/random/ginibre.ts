/** Ginibre matrices: i.i.d. standard complex Gaussian entries, the raw material of every ensemble. */
import type { Field } from '../numeric/field.js';
import type { CMatrix } from '../numeric/matrix.js';
import { zeros } from '../numeric/matrix.js';
import { assertDimension } from './internal.js';
import type { Rng } from './rng.js';

/**
 * A rows×cols matrix of i.i.d. standard complex Gaussians (E z = 0, E|z|² = 1): each entry draws
 * rng.normal() for its real part then its imaginary part, in row-major order, scaled by 1/√2 in
 * float64, then converted to F.
 */
export function ginibre<T>(F: Field<T>, rng: Rng, rows: number, cols: number = rows): CMatrix<T> {
  assertDimension('ginibre', 'rows', rows);
  assertDimension('ginibre', 'cols', cols);
  const G = zeros(F, rows, cols);
  for (let k = 0; k < rows * cols; k++) {
    G.re[k] = F.fromNumber(rng.normal() * Math.SQRT1_2);
    G.im[k] = F.fromNumber(rng.normal() * Math.SQRT1_2);
  }
  return G;
}
