/** The exact symbolic layer of ergocheck: the only place that talks to the CAS. */
export * from './cas.js';
export * from './expr.js';
export * from './poly.js';
export * from './upoly.js';
export * from './ratfunc.js';
export * from './sturm.js';
export * from './probe.js';
export * from './ratfunc-field.js';
