/**
 * Property: as ergotropy-bound-small, in the dimensions most states come in (2–4), many more cases,
 * split into parts so that no test blocks its worker for long. Prints the number of cases run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fcParams } from '../arbitraries.js';
import { yieldToEventLoop } from '../support/yield.js';
import { caseArb, reportCases, runCase, tally } from './ergotropy-bound.js';

reportCases('ergotropy-bound-tiny');

describe('printed ergotropy within its printed bound: dimensions 2–4, every kind of spectrum, diagonal and rotated H', () => {
  it.each([1, 2, 3, 4])('part %i: holds, and the bound is tight', async (part) => {
    const before = tally.cases;
    await fc.assert(
      fc.asyncProperty(caseArb(2, 4), async (c) => {
        await yieldToEventLoop();
        runCase(c);
      }),
      fcParams(`ergotropy-bound-tiny-${part}`, 260),
    );
    expect(tally.cases - before).toBe(260);
  });
});
