/**
 * A state read from a file of JSON numbers, validated for a float64 computation without the exact
 * rational reading of every entry. The exact route (densityFromRational) decides on the decimals
 * the JSON numbers denote; this one proves the same "accept" on the doubles, with every rounding
 * bounded, and hands anything it cannot prove to the exact route, so a state passes here only if
 * it passes there, and a refused state gets the exact route's decision and message.
 *
 * Why the doubles suffice: a JSON number's value is the shortest decimal that reads back as the
 * double x, so it lies within ½ulp(x) ≤ 2⁻⁵³|x| (plus 2⁻¹⁰⁷⁵ below the normal range) of x. Every
 * float64 operation below adds at most one relative rounding of 2⁻⁵³; the test charges twice the
 * representation error of each entry and a factor 1 + 2⁻⁴⁸ for the roundings of its own sums.
 * The matrix returned is the same as the exact route's (each decimal rounds back to its double).
 */
import { float64 } from '../numeric/float64.js';
import type { RationalMatrix } from '../numeric/rational.js';
import { FLOAT_INPUT_TOLERANCE, assertPositive, densityFromRational, type DensityCheckOptions, type DensityMatrix } from './density.js';

/** The entries of a matrix file that holds only JSON numbers (io/matrix-json.ts `MatrixEntries` fits). */
export interface Float64Entries {
  readonly rows: number;
  readonly cols: number;
  readonly re: Float64Array;
  readonly im: Float64Array;
  /** True if any entry is a non-integer number (then the default tolerance is that of float64 input). */
  readonly hasFloatEntries: boolean;
}

/** Twice the largest distance of x from the decimal it was written as (½ulp(x), subnormals included). */
const reprError = (x: number): number => Math.abs(x) * 2 ** -52 + 2 ** -1073;
/** Covers the relative roundings of the few float64 sums of each proof below. */
const ROUNDING = 1 + 2 ** -48;

/**
 * True if |ρ_ij − conj ρ_ji| ≤ tolerance for every pair, proved on the doubles (see the file
 * header): |Δre| + |Δim| bounds the modulus. False says nothing either way.
 */
export function provesHermitianFloat64(Q: Float64Entries, tolerance: number): boolean {
  const n = Q.rows;
  const { re, im } = Q;
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      const a = re[i * n + j];
      const b = re[j * n + i];
      const c = im[i * n + j];
      const d = im[j * n + i];
      // equal doubles are equal decimals
      if (a === b && c === -d) continue;
      const bound = (Math.abs(a - b) + Math.abs(c + d) + reprError(a) + reprError(b) + reprError(c) + reprError(d)) * ROUNDING;
      if (!(bound <= tolerance)) return false;
    }
  return true;
}

/**
 * True if |Tr ρ − 1| ≤ tolerance is proved on the doubles: a float64 sum of n terms errs by at most
 * γ_{n−1}·Σ|ρ_ii| (γ_k = k·2⁻⁵³/(1 − k·2⁻⁵³)), charged here as (n + 2)·2⁻⁵²·Σ|ρ_ii|.
 */
export function provesUnitTraceFloat64(Q: Float64Entries, tolerance: number): boolean {
  const n = Q.rows;
  let sum = 0;
  let abs = 0;
  for (let i = 0; i < n; i++) {
    const x = Q.re[i * n + i];
    sum += x;
    abs += Math.abs(x);
  }
  const bound = (Math.abs(sum - 1) + (n + 2) * 2 ** -52 * abs + n * 2 ** -1073) * ROUNDING;
  return bound <= tolerance;
}

/**
 * Validate a state given as JSON numbers for a float64 computation: the result and every decision
 * are those of densityFromRational(float64, exact(), options), where `exact` gives the exact
 * matrix of the same file (called only when Hermiticity or the trace cannot be proved here).
 * Positivity is then the exact route's own test on the same doubles.
 */
export function densityFromFloat64Entries(Q: Float64Entries, exact: () => RationalMatrix, options: DensityCheckOptions = {}): DensityMatrix<number> {
  const n = Q.rows;
  const tolerance = options.tolerance ?? (Q.hasFloatEntries ? n * FLOAT_INPUT_TOLERANCE : 0);
  const square = n === Q.cols && n > 0 && Number.isFinite(tolerance) && tolerance >= 0;
  if (square && provesHermitianFloat64(Q, tolerance) && provesUnitTraceFloat64(Q, tolerance)) {
    // −0 reads as the decimal 0, whose double is +0
    const M = { rows: n, cols: n, re: Array.from(Q.re, (x) => x + 0), im: Array.from(Q.im, (x) => x + 0) };
    assertPositive(float64, M, tolerance, options.what ?? 'matrix', options.beforeEigen);
    return M as DensityMatrix<number>;
  }
  return densityFromRational(float64, exact(), options);
}
