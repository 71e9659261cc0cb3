/** The named ensembles of random density matrices and a dispatcher over them. */
import { InputError } from '../errors.js';
import type { Field } from '../numeric/field.js';
import type { CMatrix } from '../numeric/matrix.js';
import { haarPureState } from './haar.js';
import { buresState, hilbertSchmidtState, randomDiagonalState } from './mixed.js';
import type { Rng } from './rng.js';

/** Names of the random-state ensembles. */
export type Ensemble = 'haar' | 'hs' | 'bures' | 'diagonal';

/** Every ensemble with a one-line description, in a fixed order (for help texts and reports). */
export const ENSEMBLES: readonly { readonly name: Ensemble; readonly description: string }[] = Object.freeze([
  { name: 'haar', description: 'pure states |ψ⟩⟨ψ|, ψ uniform (Haar) on the unit sphere of C^n' },
  { name: 'hs', description: 'mixed states G G†/Tr(G G†), G complex Ginibre (Hilbert–Schmidt measure)' },
  { name: 'bures', description: 'mixed states ∝ (I+U) G G† (I+U)†, U Haar, G Ginibre (Bures measure)' },
  { name: 'diagonal', description: 'diagonal states with weights uniform on the probability simplex' },
] as const);

/** Whether `s` names an ensemble. */
export const isEnsemble = (s: string): s is Ensemble => ENSEMBLES.some((e) => e.name === s);

/** The ensemble named `s`; throws InputError listing the valid names otherwise (for user input). */
export function parseEnsemble(s: string): Ensemble {
  if (isEnsemble(s)) return s;
  throw new InputError(`unknown ensemble "${s}" (expected one of ${ENSEMBLES.map((e) => e.name).join(', ')})`);
}

/** An n×n density matrix drawn from `ensemble`, with that ensemble's guarantees (see each generator). */
export function randomState<T>(F: Field<T>, rng: Rng, ensemble: Ensemble, n: number): CMatrix<T> {
  switch (ensemble) {
    case 'haar':
      return haarPureState(F, rng, n);
    case 'hs':
      return hilbertSchmidtState(F, rng, n);
    case 'bures':
      return buresState(F, rng, n);
    case 'diagonal':
      return randomDiagonalState(F, rng, n);
    default: {
      // Reachable only from untyped callers.
      const never: never = ensemble;
      throw new RangeError(`randomState: unknown ensemble "${String(never)}" (expected one of ${ENSEMBLES.map((e) => e.name).join(', ')})`);
    }
  }
}
