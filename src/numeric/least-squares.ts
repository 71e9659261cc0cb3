/**
 * Straight-line least squares in float64 and the fits built on it: a power law y ≈ A·x^p (a line
 * in log–log coordinates) and an inverse-affine law y ≈ a/x + b (a line in 1/x).
 */
import { InputError } from '../errors.js';

export interface LineFit {
  readonly slope: number;
  readonly intercept: number;
  /** v_k − (intercept + slope·u_k). */
  readonly residuals: readonly number[];
  /** Σ (u_k − mean u)²: zero when all u are equal. */
  readonly spread: number;
}

/** Least-squares line v ≈ intercept + slope·u; at least two distinct u (`where` names the caller in errors). */
export function fitLine(u: readonly number[], v: readonly number[], where = 'fitLine'): LineFit {
  if (u.length !== v.length) throw new InputError(`${where}: x and y differ in length (${u.length} vs ${v.length})`);
  if (u.length < 2) throw new InputError(`${where}: needs at least 2 points, got ${u.length}`);
  const n = u.length;
  const mu = u.reduce((s, x) => s + x, 0) / n;
  const mv = v.reduce((s, x) => s + x, 0) / n;
  let suu = 0;
  let suv = 0;
  for (let k = 0; k < n; k++) {
    suu += (u[k] - mu) ** 2;
    suv += (u[k] - mu) * (v[k] - mv);
  }
  if (suu === 0) throw new InputError(`${where}: all x are equal`);
  const slope = suv / suu;
  const intercept = mv - slope * mu;
  return { slope, intercept, residuals: u.map((x, k) => v[k] - (intercept + slope * x)), spread: suu };
}

export interface PowerLawFit {
  /** p in y ≈ A·x^p. */
  readonly exponent: number;
  /** A. */
  readonly prefactor: number;
  /** Standard error of p from the residuals (NaN for two points). */
  readonly exponentStdError: number;
  /** max |ln y − ln(A x^p)|. */
  readonly maxLogResidual: number;
}

/** Least-squares fit of ln y = ln A + p ln x (float64); x, y > 0, at least two distinct x. */
export function fitPowerLaw(x: readonly number[], y: readonly number[]): PowerLawFit {
  if (x.length !== y.length) throw new InputError(`fitPowerLaw: x and y differ in length (${x.length} vs ${y.length})`);
  x.forEach((v, k) => {
    if (!(v > 0 && Number.isFinite(v)) || !(y[k] > 0 && Number.isFinite(y[k])))
      throw new InputError(`fitPowerLaw: point ${k} = (${v}, ${y[k]}) is not positive and finite`);
  });
  const f = fitLine(x.map(Math.log), y.map(Math.log), 'fitPowerLaw');
  const n = x.length;
  const ssr = f.residuals.reduce((s, r) => s + r * r, 0);
  return {
    exponent: f.slope,
    prefactor: Math.exp(f.intercept),
    exponentStdError: n > 2 ? Math.sqrt(ssr / (n - 2) / f.spread) : NaN,
    maxLogResidual: Math.max(...f.residuals.map(Math.abs)),
  };
}

/** Least squares y ≈ a/x + b (float64); x ≠ 0, at least two distinct x. */
export function fitInverseAffine(x: readonly number[], y: readonly number[]): { a: number; b: number } {
  const f = fitLine(
    x.map((v) => 1 / v),
    y,
    'fitInverseAffine',
  );
  return { a: f.slope, b: f.intercept };
}
