/**
 * Ergotropy, Eq. (2): W = Tr(ρH) − Σ_k r_k↓ ε_k↑, the energy above the passive state obtained by
 * pairing the eigenvalues of ρ in decreasing order with the levels of H (with multiplicity) in
 * increasing order (Allahverdyan, Balian & Nieuwenhuizen; the paper's ref. [23]).
 *
 * Accuracy: decimal fields compute with GUARD_DIGITS extra digits and return `errorBound`, a
 * rigorous bound on |W − W_true| (and on the passive energy) carried from the eigen-certificates of
 * ρ (and of H when H is not diagonal) plus the rounding of the sums. A result below −errorBound
 * is impossible mathematically and throws InternalError: it is never clamped to zero.
 */
import { InternalError } from '../errors.js';
import type { Field } from '../numeric/field.js';
import { convert } from '../numeric/field.js';
import type { CMatrix } from '../numeric/matrix.js';
import { convertMatrix, traceProduct, zeros } from '../numeric/matrix.js';
import { eigh } from '../numeric/eigh.js';
import { GUARD_DIGITS, decimalField } from '../numeric/decimal.js';

export interface ErgotropyResult<T> {
  /** W = energy − passiveEnergy. */
  ergotropy: T;
  /** Rigorous bound on the error of ergotropy, energy and passiveEnergy. */
  errorBound: T;
  /** Tr(ρH). */
  energy: T;
  /** Tr(ρ_p H) = Σ_k r_k↓ ε_k↑. */
  passiveEnergy: T;
  /** Eigenvalues of ρ, decreasing. */
  eigenvalues: T[];
  /** Levels of H, increasing, with multiplicity. */
  levels: T[];
  /** The passive state Σ_k r_k↓ |ε_k⟩⟨ε_k| (one choice of basis within degenerate levels). */
  passiveState: CMatrix<T>;
}

function isDiagonal<T>(F: Field<T>, H: CMatrix<T>): boolean {
  const n = H.rows;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) if (i !== j && !(F.isZero(H.re[i * n + j]) && F.isZero(H.im[i * n + j]))) return false;
  return true;
}

/** Ergotropy of ρ for Hamiltonian H (Eq. (2)); ρ should be a validated density matrix. */
export function ergotropy<T>(F: Field<T>, rho: CMatrix<T>, H: CMatrix<T>): ErgotropyResult<T> {
  if (rho.rows !== rho.cols) throw new RangeError(`ergotropy: ρ is ${rho.rows}×${rho.cols}, not square`);
  if (H.rows !== H.cols || H.rows !== rho.rows) throw new RangeError(`ergotropy: H is ${H.rows}×${H.cols} but ρ is ${rho.rows}×${rho.cols}`);
  if (F.kind === 'decimal') {
    const W = decimalField(F.digits + GUARD_DIGITS);
    const r = ergotropyInField(W, convertMatrix(F, W, rho), convertMatrix(F, W, H));
    const back = (x: (typeof r)['energy']) => convert(W, F, x);
    // rounding each reported value to F adds at most one unit roundoff of its magnitude
    const out = { ergotropy: back(r.ergotropy), energy: back(r.energy), passiveEnergy: back(r.passiveEnergy) };
    const extra = F.mul(F.epsilon, F.add(F.abs(out.energy), F.abs(out.passiveEnergy)));
    return {
      ...out,
      errorBound: F.add(back(r.errorBound), extra),
      eigenvalues: r.eigenvalues.map(back),
      levels: r.levels.map(back),
      passiveState: convertMatrix(W, F, r.passiveState),
    };
  }
  return ergotropyInField(F, rho, H);
}

function ergotropyInField<T>(F: Field<T>, rho: CMatrix<T>, H: CMatrix<T>): ErgotropyResult<T> {
  const n = rho.rows;
  const er = eigh(F, rho);
  const rhoBound = er.certificate!.bound;
  const r = er.values.slice().reverse(); // decreasing
  // Levels of H with their eigenvectors: exact for diagonal H, certified eigh otherwise.
  let levels: T[];
  let levelVector: (k: number, i: number) => [T, T];
  let hBound = F.zero;
  let diagonalLevels: number[] | null = null;
  if (isDiagonal(F, H)) {
    const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => F.cmp(H.re[a * n + a], H.re[b * n + b]) || a - b);
    diagonalLevels = idx;
    levels = idx.map((i) => H.re[i * n + i]);
    levelVector = (k, i) => [i === idx[k] ? F.one : F.zero, F.zero];
  } else {
    const eh = eigh(F, H);
    levels = eh.values;
    hBound = eh.certificate!.bound;
    levelVector = (k, i) => [eh.vectors.re[i * n + k], eh.vectors.im[i * n + k]];
  }
  const energy = traceProduct(F, rho, H).re;
  let passiveEnergy = F.zero;
  let sumAbsLevels = F.zero;
  let sumAbsR = F.zero;
  let sumAbsTerms = F.zero;
  for (let k = 0; k < n; k++) {
    passiveEnergy = F.add(passiveEnergy, F.mul(r[k], levels[k]));
    sumAbsLevels = F.add(sumAbsLevels, F.abs(levels[k]));
    sumAbsR = F.add(sumAbsR, F.abs(r[k]));
    sumAbsTerms = F.add(sumAbsTerms, F.abs(F.mul(r[k], levels[k])));
  }
  // Rounding of Tr(ρH): a complex dot product of length n² with terms bounded by |ρ_ij||H_ji|.
  let sumAbsEnergy = F.zero;
  for (let i = 0; i < n * n; i++) {
    const j = (i % n) * n + Math.floor(i / n);
    sumAbsEnergy = F.add(sumAbsEnergy, F.mul(F.add(F.abs(rho.re[i]), F.abs(rho.im[i])), F.add(F.abs(H.re[j]), F.abs(H.im[j]))));
  }
  const roundingUnits = F.fromNumber(2.02 * (2 * n * n + n + 4));
  const rounding = F.mul(F.mul(roundingUnits, unitFor(F)), F.add(F.add(sumAbsEnergy, sumAbsTerms), F.one));
  const errorBound = F.add(F.add(F.mul(rhoBound, sumAbsLevels), F.mul(hBound, F.add(sumAbsR, rhoBound))), rounding);
  const W = F.sub(energy, passiveEnergy);
  if (F.cmp(W, F.neg(errorBound)) < 0) {
    throw new InternalError(`ergotropy: computed W = ${F.toString(W, 6)} is below −errorBound = −${F.toString(errorBound, 3)}; this is a bug in ergocheck`);
  }
  const passiveState = zeros(F, n);
  if (diagonalLevels) {
    // H diagonal: the passive state is diagonal, r_k on the k-th lowest level
    diagonalLevels.forEach((i, k) => (passiveState.re[i * n + i] = r[k]));
  } else {
    for (let k = 0; k < n; k++) {
      if (F.isZero(r[k])) continue;
      const vr: T[] = [];
      const vi: T[] = [];
      for (let i = 0; i < n; i++) {
        const [a, b] = levelVector(k, i);
        vr.push(a);
        vi.push(b);
      }
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          // r_k v_i conj(v_j)
          const re = F.add(F.mul(vr[i], vr[j]), F.mul(vi[i], vi[j]));
          const im = F.sub(F.mul(vi[i], vr[j]), F.mul(vr[i], vi[j]));
          passiveState.re[i * n + j] = F.add(passiveState.re[i * n + j], F.mul(r[k], re));
          passiveState.im[i * n + j] = F.add(passiveState.im[i * n + j], F.mul(r[k], im));
        }
    }
  }
  return { ergotropy: W, errorBound, energy, passiveEnergy, eigenvalues: r, levels, passiveState };
}

/** The field's per-operation error unit: relative fields use epsilon, fixed point is not supported here. */
function unitFor<T>(F: Field<T>): T {
  if (F.errorModel !== 'relative') throw new RangeError(`ergotropy: ${F.name} is not supported (use float64 or a decimal field)`);
  return F.epsilon;
}
