/**
 * The derivation pipeline: exact results over Q(parameters) derived from the model, each carrying
 * how it was obtained. generator → steady-state family (null space, conserved quantities, sectors)
 * → exact spectrum → eigenvalue orderings over the parameter domain → piecewise ergotropy and other
 * quantities; thresholds solved for the temperature.
 */
export * from './exact-linear-algebra.js';
export * from './generator.js';
export * from './steady-state-family.js';
export * from './ladder-steady-state.js';
export * from './spectrum.js';
export * from './ordering.js';
export * from './passive-pairing.js';
export * from './threshold-in-y.js';
export * from './quantities.js';
export { polyGcd, rfReduce } from './polynomial-gcd.js';
export { polySqrt, ratFuncSqrt } from './polynomial-root.js';
