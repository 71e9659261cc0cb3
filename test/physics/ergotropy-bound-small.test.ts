/**
 * Property: each printed value of `ergocheck ergotropy --json` (ergotropy, energy, passive energy,
 * eigenvalues) is within the printed errorBound of the true value, for exact states and
 * Hamiltonians with exactly known spectra (exact-states.ts), dimensions 2–5, every kind of spectrum, diagonal and rotated H, at 20–35 digits.
 * The truth comes from the spectra put in (exact rational arithmetic), never from an eigensolver.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { fcParams } from '../arbitraries.js';
import { yieldToEventLoop } from '../support/yield.js';
import { caseArb, reportCases, runCase } from './ergotropy-bound.js';

reportCases('ergotropy-bound-small');

describe('printed ergotropy within its printed bound: dimensions 2–5, every kind of spectrum, diagonal and rotated H', () => {
  it('holds, and the bound is tight', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb(2, 5), async (c) => {
        await yieldToEventLoop();
        runCase(c);
      }),
      fcParams('ergotropy-bound-small', 800),
    );
  });
});
