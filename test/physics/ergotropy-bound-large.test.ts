/**
 * Property: each printed value of `ergocheck ergotropy --json` (ergotropy, energy, passive energy,
 * eigenvalues) is within the printed errorBound of the true value, for exact states and
 * Hamiltonians with exactly known spectra (exact-states.ts), dimensions 11–16, at 20–35 digits.
 * The truth comes from the spectra put in (exact rational arithmetic), never from an eigensolver.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { fcParams } from '../arbitraries.js';
import { yieldToEventLoop } from '../support/yield.js';
import { caseArb, reportCases, runCase } from './ergotropy-bound.js';

reportCases('ergotropy-bound-large');

describe('printed ergotropy within its printed bound: dimensions 11–16', () => {
  it('holds, and the bound is tight', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb(11, 16), async (c) => {
        await yieldToEventLoop();
        runCase(c);
      }),
      fcParams('ergotropy-bound-large', 60),
    );
  });
});
