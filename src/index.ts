/** Public API of ergocheck. */
export * from './errors.js';
export * from './numeric/rational.js';
export * from './numeric/field.js';
export * from './numeric/float64.js';
export * from './numeric/decimal.js';
export * from './numeric/fixed.js';
export * from './numeric/complex.js';
export * as matrix from './numeric/matrix.js';
export type { CMatrix } from './numeric/matrix.js';
