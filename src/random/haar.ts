/**
 * Haar-random unitaries and pure states (the unitarily invariant measures). Draws are float64
 * Gaussians from the Rng; everything after the draw (orthonormalisation, products) is done in F,
 * so at 50 digits the result is unitary / normalised to 50 digits.
 */
import { InternalError } from '../errors.js';
import type { Field } from '../numeric/field.js';
import type { CMatrix } from '../numeric/matrix.js';
import { gram, zeros } from '../numeric/matrix.js';
import { ginibre } from './ginibre.js';
import { assertDimension } from './internal.js';
import type { Rng } from './rng.js';

/** A complex vector as two arrays of real and imaginary parts. */
export interface CVector<T> {
  readonly re: T[];
  readonly im: T[];
}

/** v / ‖v‖ in F; throws InternalError on a zero vector (probability 0 for Gaussian draws). */
function normalize<T>(F: Field<T>, fn: string, re: T[], im: T[]): CVector<T> {
  let s = F.zero;
  for (let i = 0; i < re.length; i++) s = F.add(s, F.add(F.mul(re[i], re[i]), F.mul(im[i], im[i])));
  if (F.sign(s) <= 0) throw new InternalError(`${fn}: cannot normalise a zero vector`);
  const norm = F.sqrt(s);
  return { re: re.map((x) => F.div(x, norm)), im: im.map((x) => F.div(x, norm)) };
}

/**
 * Q of the QR factorisation Z = QR whose R has a positive real diagonal, by modified Gram–Schmidt
 * applied twice per column ("twice is enough": orthogonality to a few units of F's roundoff).
 */
function unitaryFactor<T>(F: Field<T>, fn: string, Z: CMatrix<T>): CMatrix<T> {
  const n = Z.rows;
  const Q: CVector<T>[] = [];
  for (let j = 0; j < n; j++) {
    const vre: T[] = [];
    const vim: T[] = [];
    for (let i = 0; i < n; i++) {
      vre.push(Z.re[i * n + j]);
      vim.push(Z.im[i * n + j]);
    }
    for (let pass = 0; pass < 2; pass++)
      for (let k = 0; k < j; k++) {
        const q = Q[k];
        // c = ⟨q_k, v⟩ = Σ_i conj(q_ki) v_i, then v ← v − c q_k
        let cre = F.zero;
        let cim = F.zero;
        for (let i = 0; i < n; i++) {
          cre = F.add(cre, F.add(F.mul(q.re[i], vre[i]), F.mul(q.im[i], vim[i])));
          cim = F.add(cim, F.sub(F.mul(q.re[i], vim[i]), F.mul(q.im[i], vre[i])));
        }
        for (let i = 0; i < n; i++) {
          vre[i] = F.sub(vre[i], F.sub(F.mul(cre, q.re[i]), F.mul(cim, q.im[i])));
          vim[i] = F.sub(vim[i], F.add(F.mul(cre, q.im[i]), F.mul(cim, q.re[i])));
        }
      }
    // Dividing by the positive norm makes R_jj = ‖v‖ > 0: this is Mezzadri's phase fix, which a
    // Householder QR needs as an extra step and Gram–Schmidt gets for free.
    Q.push(normalize(F, fn, vre, vim));
  }
  const U = zeros(F, n);
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) {
      U.re[i * n + j] = Q[j].re[i];
      U.im[i * n + j] = Q[j].im[i];
    }
  return U;
}

/**
 * A Haar-random n×n unitary (F. Mezzadri, Notices AMS 54, 592 (2007)): the Q factor, with R's
 * diagonal positive, of ginibre(F, rng, n) — exactly the draws of that call. U†U = I to a few
 * units of F's roundoff times n.
 */
export function haarUnitary<T>(F: Field<T>, rng: Rng, n: number): CMatrix<T> {
  assertDimension('haarUnitary', 'n', n);
  return unitaryFactor(F, 'haarUnitary', ginibre(F, rng, n, n));
}

/** A Haar-random unit vector in C^n: g/‖g‖ with g = ginibre(F, rng, n, 1); ‖ψ‖ = 1 to F's roundoff. */
export function haarStateVector<T>(F: Field<T>, rng: Rng, n: number): CVector<T> {
  assertDimension('haarStateVector', 'n', n);
  const g = ginibre(F, rng, n, 1);
  return normalize(F, 'haarStateVector', g.re, g.im);
}

/**
 * |ψ⟩⟨ψ| for ψ = haarStateVector(F, rng, n) (same draws): exactly Hermitian, trace 1 and ρ² = ρ
 * to F's roundoff, rank one.
 */
export function haarPureState<T>(F: Field<T>, rng: Rng, n: number): CMatrix<T> {
  assertDimension('haarPureState', 'n', n);
  const psi = haarStateVector(F, rng, n);
  return gram(F, { rows: n, cols: 1, re: psi.re, im: psi.im });
}
