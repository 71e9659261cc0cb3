/**
 * A second-order eigenvalue bound (Kato–Temple) on top of a first-order matching.
 *
 * For a Hermitian A, a vector x ≠ 0 with Rayleigh quotient ρ = x†Ax/x†x and ε = ‖Ax − ρx‖/‖x‖, and
 * an interval (α, β) that contains ρ and, of A's eigenvalues, only λ: (A − α)(A − λ) and
 * (A − λ)(A − β) have no negative eigenvalue, and x†(A − a)(A − b)x/x†x = ε² + (ρ − a)(ρ − b), so
 *   ρ − ε²/(β − ρ) ≤ λ ≤ ρ + ε²/(ρ − α)
 * (α = −∞ or β = +∞ drops a side). The interval comes from a first-order certificate: if every
 * sorted eigenvalue μ_k is within δ of the returned value v_k, and v_(k−1) + 2δ < v_k − d,
 * v_k + d < v_(k+1) − 2δ with d ≥ |v_k − ρ_k|, then (α, β) = (v_(k−1) + δ, v_(k+1) − δ) holds ρ_k
 * and μ_k only. The error is then second order in the vectors' error: the square of a residual
 * over a gap, where the first-order bound is the residual itself.
 *
 * Everything is an integer number of one unit (2^-bits, the caller's): the values exactly, the
 * bounds rounded up, so every step below is exact or rounds the right way.
 */

export interface KatoTempleInput {
  /** The returned values, ascending. */
  values: readonly bigint[];
  /** δ ≥ 0: every sorted eigenvalue of A is within δ of the returned value of the same rank. */
  matching: bigint;
  /** For each returned value (same order), d_k ≥ |v_k − ρ_k|, the distance of its vector's Rayleigh quotient. */
  distance: readonly bigint[];
  /** For each returned value, ε_k ≥ ‖Ax_k − ρ_k x_k‖/‖x_k‖ for its vector. */
  residual: readonly bigint[];
}

/**
 * max_k |μ_k − v_k| by Kato–Temple (see the file comment), rounded up, or null when some value is
 * not far enough from its neighbours for the first-order matching to isolate its eigenvalue.
 */
export function katoTempleBound(input: KatoTempleInput): bigint | null {
  const { values, matching, distance, residual } = input;
  const n = values.length;
  if (distance.length !== n || residual.length !== n)
    throw new RangeError(`katoTempleBound: ${n} values, ${distance.length} distances, ${residual.length} residuals`);
  let worst = 0n;
  for (let k = 0; k < n; k++) {
    if (k > 0 && values[k] < values[k - 1]) throw new RangeError('katoTempleBound: values not ascending');
    const d = distance[k];
    // the distance from ρ_k to the nearer end of its interval, from below: gap − δ − d
    let room = -1n;
    for (const j of [k - 1, k + 1]) {
      if (j < 0 || j >= n) continue;
      const gap = values[k] > values[j] ? values[k] - values[j] : values[j] - values[k];
      if (gap <= 2n * matching + d) return null;
      const r = gap - matching - d;
      if (room < 0n || r < room) room = r;
    }
    // a single eigenvalue: the interval is the whole line and ρ is it exactly
    const eps = residual[k];
    const second = room < 0n ? 0n : (eps * eps + room - 1n) / room;
    const bound = d + second;
    if (bound > worst) worst = bound;
  }
  return worst;
}
