/** Seeded randomness: the project's one generator and the random-state ensembles built on it. */
export * from './hash64.js';
export * from './rng.js';
export * from './ginibre.js';
export * from './haar.js';
export * from './mixed.js';
export * from './ensembles.js';
