/**
 * Random mixed states from the standard induced measures. Draws are float64 from the Rng; the
 * construction is done in F and every result is exactly Hermitian, positive semidefinite by
 * construction (a Gram matrix A A†) and of trace 1 to a few units of F's roundoff.
 */
import type { Field } from '../numeric/field.js';
import type { CMatrix } from '../numeric/matrix.js';
import { add, diag, gram, identity, mul } from '../numeric/matrix.js';
import { ginibre } from './ginibre.js';
import { haarUnitary } from './haar.js';
import { assertDimension, normalizeTrace } from './internal.js';
import type { Rng } from './rng.js';

/**
 * A Hilbert–Schmidt-random state ρ = G G† / Tr(G G†), G = ginibre(F, rng, n) (K. Życzkowski and
 * H.-J. Sommers, J. Phys. A 34, 7111 (2001)); E Tr ρ² = 2n/(n² + 1).
 */
export function hilbertSchmidtState<T>(F: Field<T>, rng: Rng, n: number): CMatrix<T> {
  assertDimension('hilbertSchmidtState', 'n', n);
  return normalizeTrace(F, 'hilbertSchmidtState', gram(F, ginibre(F, rng, n)));
}

/**
 * A Bures-random state ρ ∝ (I + U) G G† (I + U)†, U = haarUnitary(F, rng, n) drawn first, then
 * G = ginibre(F, rng, n) (V. A. Osipov, H.-J. Sommers and K. Życzkowski, J. Phys. A 43, 055302
 * (2010)); E Tr ρ² = (5n² + 1)/(2n(n² + 2)).
 */
export function buresState<T>(F: Field<T>, rng: Rng, n: number): CMatrix<T> {
  assertDimension('buresState', 'n', n);
  const U = haarUnitary(F, rng, n);
  const G = ginibre(F, rng, n);
  return normalizeTrace(F, 'buresState', gram(F, mul(F, add(F, identity(F, n), U), G)));
}

/**
 * A diagonal state whose weights are uniform on the probability simplex: n i.i.d. rng.exponential()
 * draws normalised in F. Exactly diagonal with nonnegative entries, trace 1 to F's roundoff.
 */
export function randomDiagonalState<T>(F: Field<T>, rng: Rng, n: number): CMatrix<T> {
  assertDimension('randomDiagonalState', 'n', n);
  const e: T[] = [];
  for (let i = 0; i < n; i++) e.push(F.fromNumber(rng.exponential()));
  return normalizeTrace(F, 'randomDiagonalState', diag(F, e));
}
