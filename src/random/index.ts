/**
 * Seeded randomness as the package exports it (`import { random } from 'ergocheck'`): the project's
 * one generator and the random-state ensembles built on it. The hashing behind the seeds and the
 * float64 samplers of the figures stay internal.
 */
export { Rng, type Seed } from './rng.js';
export { ginibre } from './ginibre.js';
export { haarPureState, haarStateVector, haarUnitary, type CVector } from './haar.js';
export { buresState, hilbertSchmidtState, randomDiagonalState } from './mixed.js';
export { ENSEMBLES, isEnsemble, parseEnsemble, randomState, type Ensemble } from './ensembles.js';
