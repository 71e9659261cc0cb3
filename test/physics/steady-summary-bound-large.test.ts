/**
 * Property: the W and the energy `ergocheck steady-state --json` prints are within the printed
 * errorBound of the true values for an exact rational initial state, every rounding between the
 * exact input and the printed digits included (steady-summary-bound.ts: the truth from an exact
 * rational route at β = 0), N = 4 and 5 at 20–35 digits and in float64. Prints the number of cases run.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fcParams } from '../arbitraries.js';
import { yieldToEventLoop } from '../support/yield.js';
import { decimalPrecisionArb, runSteadyCase, steadyCaseArb } from './steady-summary-bound.js';

let cases = 0;
let worst = 0;
afterAll(() => console.info(`steady-summary-bound (N = 4, 5): ${cases} cases, largest |error|/bound ${worst.toFixed(3)}`));

describe('printed steady-state W and energy within the printed bound (β = 0, exact ρ0), N = 4 and 5 at 20–35 digits and in float64', () => {
  it.each([
    [4, '20–35 digits', 1, 15],
    [4, 'float64', 1, 15],
    [5, '20–35 digits', 1, 4],
    [5, 'float64', 1, 4],
  ] as const)('N = %i, %s, part %i', async (N, precision, part, runs) => {
    const arb = precision === 'float64' ? fc.constant('float64' as const) : decimalPrecisionArb;
    let n = 0;
    await fc.assert(
      fc.asyncProperty(steadyCaseArb(N, arb), async (c) => {
        await yieldToEventLoop();
        worst = Math.max(worst, runSteadyCase(c));
        n++;
      }),
      fcParams(`steady-summary-bound-N${N}-${precision}-${part}`, runs),
    );
    cases += n;
    expect(n).toBe(runs);
  });
});
