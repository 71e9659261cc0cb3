/**
 * The number-system interface every numeric algorithm in ergocheck is written against, once.
 *
 * Implementations: `float64` (JS numbers), `decimalField(p)` (decimal.js, p significant digits,
 * correctly rounded), `fixedField(bits)` (BigInt fixed point, absolute error 2^-bits per operation,
 * the fast kernel behind high-precision eigendecompositions). Values of two fields are never mixed
 * in one operation: convert with `convert`.
 */
import type { Rational } from './rational.js';

export type FieldKind = 'float64' | 'decimal' | 'fixed' | 'exact';

export interface Field<T> {
  readonly kind: FieldKind;
  /** Human-readable name, e.g. "float64", "decimal(50)", "fixed(240 bits)". */
  readonly name: string;
  /** Decimal digits the field carries (15 for float64). */
  readonly digits: number;
  /**
   * Bound on the error of one arithmetic operation: relative (unit roundoff) for float64 and
   * decimal; absolute (2^-bits) for fixed point, whose values are meant to be O(1).
   */
  readonly unitRoundoff: number;
  readonly errorModel: 'relative' | 'absolute';
  /** unitRoundoff as a value of the field (it may underflow a JS number at high precision). */
  readonly epsilon: T;
  readonly zero: T;
  readonly one: T;

  fromNumber(x: number): T;
  fromRational(q: Rational): T;
  /** Parse a decimal string exactly as decimal.js would, rounded to the field. */
  fromString(s: string): T;

  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  neg(a: T): T;
  abs(a: T): T;
  sqrt(a: T): T;
  /**
   * Unreduced product for accumulation: sums of mulWide results (with add) must be brought back
   * with reduceWide before any other use. Fixed point keeps the exact double-width product (one
   * rounding per dot product instead of one per term); elsewhere these are mul and the identity.
   */
  mulWide(a: T, b: T): T;
  reduceWide(a: T): T;
  /** Multiply by 2^k exactly (k may be negative). */
  scale2(a: T, k: number): T;

  cmp(a: T, b: T): -1 | 0 | 1;
  sign(a: T): -1 | 0 | 1;
  isZero(a: T): boolean;

  toNumber(a: T): number;
  /** Decimal string with up to `digits` significant digits (default: the field's digits). */
  toString(a: T, digits?: number): string;
}

/** A field that also has the transcendental functions the physics needs (not fixed point). */
export interface AnalyticField<T> extends Field<T> {
  exp(a: T): T;
  ln(a: T): T;
  pow(a: T, b: T): T;
}

/** Convert a value between fields through its decimal expansion at the source's full precision. */
export function convert<S, T>(from: Field<S>, to: Field<T>, x: S): T {
  if ((from as Field<unknown>) === (to as Field<unknown>)) return x as unknown as T;
  return to.fromString(from.toString(x, from.digits + 5));
}

/** max(a, b) in field F. */
export const fmax = <T>(F: Field<T>, a: T, b: T): T => (F.cmp(a, b) >= 0 ? a : b);
export const fmin = <T>(F: Field<T>, a: T, b: T): T => (F.cmp(a, b) <= 0 ? a : b);

/** Sum of an array in field F. */
export function fsum<T>(F: Field<T>, xs: readonly T[]): T {
  let s = F.zero;
  for (const x of xs) s = F.add(s, x);
  return s;
}
