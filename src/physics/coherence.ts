/**
 * The l1-norm of coherence: C_l1(ρ) = Σ_{i≠j} |ρ_ij| in a chosen orthonormal basis.
 *
 * H0 = ω·(number of excitations) is degenerate, so "the energy eigenbasis" does not fix a basis.
 * The default is the computational (product) basis, the one the paper's coherences use; pass
 * `basis` (a unitary whose columns are the basis vectors) to measure in another one.
 * Accuracy: each |ρ_ij| is correctly rounded up to a few units; the sum adds n² roundings.
 */
import type { Dec, DecimalField } from '../numeric/decimal.js';
import { sqrtHalfEven } from '../numeric/decimal-sqrt.js';
import type { Field } from '../numeric/field.js';
import type { CMatrix } from '../numeric/matrix.js';
import { adjoint, identity, mul, sub, maxAbs } from '../numeric/matrix.js';

export interface CoherenceOptions<T> {
  /** Unitary whose columns are the basis vectors; default: the computational basis. */
  basis?: CMatrix<T>;
}

/** C_l1 of ρ in the computational basis or in `options.basis`. */
export function l1Coherence<T>(F: Field<T>, rho: CMatrix<T>, options: CoherenceOptions<T> = {}): T {
  if (rho.rows !== rho.cols) throw new RangeError(`l1Coherence: ρ is ${rho.rows}×${rho.cols}, not square`);
  let M = rho;
  const B = options.basis;
  if (B) {
    if (B.rows !== rho.rows || B.cols !== rho.cols) throw new RangeError(`l1Coherence: basis is ${B.rows}×${B.cols} but ρ is ${rho.rows}×${rho.cols}`);
    const defect = maxAbs(F, sub(F, mul(F, adjoint(F, B), B), identity(F, B.rows)));
    const tol = F.mul(F.fromNumber(64 * B.rows), F.epsilon);
    if (F.cmp(defect, tol) > 0) throw new RangeError(`l1Coherence: basis is not unitary: max |B†B − I| = ${F.toString(defect, 3)}`);
    M = mul(F, adjoint(F, B), mul(F, rho, B));
  }
  const n = M.rows;
  // |ρ_ji| = |ρ_ij| when ρ_ji is exactly conj ρ_ij: the modulus (a square root) is computed once
  // and kept for the lower triangle; the terms and their order are unchanged
  const upper = new Map<number, T>();
  // the decimal square root by one BigInt integer root: the same correctly rounded value as F.sqrt, faster
  const sqrt = F.kind === 'decimal' ? (x: T): T => sqrtHalfEven(F as unknown as DecimalField, x as unknown as Dec) as unknown as T : (x: T): T => F.sqrt(x);
  const modulus = (a: T, b: T): T => (F.isZero(b) ? F.abs(a) : F.isZero(a) ? F.abs(b) : sqrt(F.add(F.mul(a, a), F.mul(b, b))));
  let s = F.zero;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const a = M.re[i * n + j];
      const b = M.im[i * n + j];
      let m: T | undefined;
      if (i > j) {
        m = upper.get(j * n + i);
        if (m !== undefined) upper.delete(j * n + i);
        if (m !== undefined && !(F.cmp(a, M.re[j * n + i]) === 0 && F.cmp(b, F.neg(M.im[j * n + i])) === 0)) m = undefined;
      }
      if (m === undefined) m = modulus(a, b);
      if (i < j && !F.isZero(b) && !F.isZero(a)) upper.set(i * n + j, m);
      s = F.add(s, m);
    }
  return s;
}
