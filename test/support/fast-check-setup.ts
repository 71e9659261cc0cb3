/**
 * One fast-check configuration for the whole suite: every property runs from a fixed seed, so a
 * run is reproducible and a failure can be replayed. fast-check's failure message prints the
 * seed and the path of the counterexample; replay with FC_SEED=<seed> (and, for one property,
 * `{ seed, path }` in its parameters). Properties that pass their own seed (`fcParams` in
 * test/arbitraries.ts) keep it.
 */
import fc from 'fast-check';

const seed = process.env.FC_SEED === undefined ? 20220513 : Number(process.env.FC_SEED);
if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, got ${process.env.FC_SEED}`);
fc.configureGlobal({ seed });
