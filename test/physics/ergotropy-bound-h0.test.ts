/**
 * Property: as ergotropy-bound-small, for H0 = ω·(number of excitations) on N = 1…4 qubits (the
 * `--omega` path, whose levels are exact multiples of ω), ω exact and not a float64.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { decimalField } from '../../src/numeric/decimal.js';
import { parseRational, rational, rmul, RZERO, type RationalMatrix } from '../../src/numeric/rational.js';
import { ergotropyOfExactState } from '../../src/physics/ergotropy.js';
import { excitations } from '../../src/physics/qubits.js';
import { ergotropyJson } from '../../src/cli/commands/ergotropy.js';
import { fcParams } from '../arbitraries.js';
import { yieldToEventLoop } from '../support/yield.js';
import { checkPrinted, checkTight, precisionArb, reportCases, tally, truthOf } from './ergotropy-bound.js';
import { buildExact, stateArb } from './exact-states.js';

reportCases('ergotropy-bound-h0');

describe('printed ergotropy within its printed bound: H0 of N qubits', () => {
  it('holds, and the bound is tight', async () => {
    const arb = fc
      .integer({ min: 1, max: 4 })
      .chain((N) => fc.tuple(fc.constant(N), stateArb(2 ** N), fc.constantFrom('1', '7/3', '0.37', '1/1000', '250'), precisionArb));
    await fc.assert(
      fc.asyncProperty(arb, async ([N, rhoSpec, omegaText, precision]) => {
        await yieldToEventLoop();
        const d = 2 ** N;
        const rho = buildExact(rhoSpec);
        const omega = parseRational(omegaText);
        const levels = Array.from({ length: d }, (_, i) => rmul(omega, rational(BigInt(excitations(i, N)))));
        const H: RationalMatrix = {
          rows: d,
          cols: d,
          re: Array.from({ length: d * d }, (_, k) => (k % (d + 1) === 0 ? levels[k / (d + 1)] : RZERO)),
          im: new Array(d * d).fill(RZERO),
          hasFloatEntries: false,
        };
        const json = ergotropyJson(ergotropyOfExactState(decimalField(precision), rho, { qubits: N, omega }), precision);
        const t = truthOf(rhoSpec, rho, H, levels);
        const what = `N = ${N}, ${rhoSpec.kind} state, ω = ${omegaText}, ${precision} digits`;
        tally.worst = Math.max(tally.worst, checkPrinted(json, t, what));
        checkTight(json, t, levels, precision, what);
        tally.cases++;
      }),
      fcParams('ergotropy-bound-h0', 250),
    );
  });
});
