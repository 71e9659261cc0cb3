/**
 * Public API of ergocheck: the names a user needs first at the top level, everything else in one
 * namespace per layer (each layer's index.ts lists what it exports). docs/api.md lists every name;
 * test/index.test.ts fails when the two differ. The claims engine is the separate entry point
 * `ergocheck/claims` (src/check/index.ts).
 */
export { InputError, InternalError } from './errors.js';
export { float64 } from './numeric/float64.js';
export { decimalField, type DecimalField } from './numeric/decimal.js';
export type { AnalyticField, Field } from './numeric/field.js';
export type { Complex } from './numeric/complex.js';
export type { CMatrix } from './numeric/matrix.js';
export { h0 } from './physics/qubits.js';
export { collectiveCoupling, type LindbladModel } from './physics/lindblad.js';
export { collectiveSteadyState } from './physics/steady-state.js';
export type { CollectiveSteadyState } from './physics/steady-state-result.js';
export { ergotropy, type ErgotropyResult } from './physics/ergotropy.js';
export { l1Coherence } from './physics/coherence.js';

export * as matrix from './numeric/matrix.js';
export * as numeric from './numeric/index.js';
export * as random from './random/index.js';
export * as physics from './physics/index.js';
export * as symbolic from './symbolic/index.js';
export * as io from './io/index.js';
