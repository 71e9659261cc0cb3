/**
 * The readable form of a derived rational function: what it refuses (shapes it does not cover),
 * then rows of derivations with the form expected, each also checked identical to its input
 * exactly (the printer may reorder, never change the value).
 */
import { describe, expect, it } from 'vitest';
import { readableOf } from '../../src/claims/readable.js';
import { ratFuncOf } from '../../src/claims/checks.js';
import { identical } from '../../src/symbolic/ratfunc.js';

describe('readableOf: what it does not cover', () => {
  it.each([
    ['omega^2*y', 'ω² is not a common factor ω'],
    ['omega + y', 'a term without ω'],
    ['c/(1 + c*y)', 'c in the denominator'],
    ['f*y', 'another variable'],
  ])('%s (%s) gives null', (f) => {
    expect(readableOf(ratFuncOf(f))).toBeNull();
  });
});

describe('readableOf: rows', () => {
  it.each([
    // the two-qubit W for 0 ≤ c < 1/2 (Eq. (10)), as an unreduced quotient of degree 8 would come from the pipeline
    ['omega*(1 - c - c/(1 + y + y^2))*(1 + y + y^2)^3/(1 + y + y^2)^3', 'omega*(1 - c - c/(1 + y + y^2))'],
    ['omega*y^2/(1 + y + y^2)', 'omega*y^2/(1 + y + y^2)'],
    ['omega*(1 - 2*c)', 'omega*(1 - 2*c)'],
    ['(y - 1)/(1 + y)^3', '(-1 + y)/(1 + 3*y + 3*y^2 + y^3)'],
    ['0', '0'],
  ])('%s → %s', (input, want) => {
    const f = ratFuncOf(input);
    const got = readableOf(f);
    expect(got).toBe(want);
    expect(identical(ratFuncOf(got!), f).identical).toBe(true);
  });
});
