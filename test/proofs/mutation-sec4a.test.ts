/**
 * Mutation test of the printed formulas of Sec. IV A (Eqs. (8) and (10); Eq. (9) in
 * mutation-eq9.test.ts): every single-site mutant of the printed TeX (a constant, a sign,
 * cosh ↔ sinh, an exponent, a dropped factor) must come out `erratum`, with the unmutated
 * derivation as its correction and a computed "differs where".
 */
import { describe, expect, it } from 'vitest';
import { formulaClaim } from '../../src/claims/templates.js';
import { EQ10_BELOW_HALF, EQ10_C_ONE, EQ8_TEX, eq8Claim } from '../../proofs/sec4a-two-qubits.js';
import { texMutantCases, unexplainedSurvivors } from './mutation-helpers.js';

/**
 * Survivors that are not errors of the engine, each with the reason: a mutant that narrows the
 * printed condition of a true formula states less, and what it states is still true.
 */
const EXPLAINED: Record<string, string> = {
  'eq10-c-below-half: inequality: <= → >=': '0 ≥ c < 1/2 is c = 0 alone, where the formula holds: a true, weaker statement',
  'eq10-c-below-half: constant: 0 → 1': '1 ≤ c < 1/2 is empty: nothing is claimed',
  'eq10-c-below-half: constant: 2 → 3': '0 ≤ c < 1/3 lies inside c ≤ 1/2, where the formula holds: a true, weaker statement',
};

describe('mutation: Sec. IV A printed formulas', () => {
  it('Eq. (8): both printed forms', async () => {
    const { result, unexplained } = await unexplainedSurvivors('Eq. (8)', eq8Claim(), texMutantCases('eq8', EQ8_TEX, eq8Claim), EXPLAINED);
    expect(result.total).toBeGreaterThan(10);
    expect(unexplained).toEqual([]);
  }, 60_000);

  for (const spec of [EQ10_BELOW_HALF, EQ10_C_ONE])
    it(spec.id, async () => {
      const cases = texMutantCases(spec.id, spec.printed, (printed) => formulaClaim({ ...spec, printed }));
      const { result, unexplained } = await unexplainedSurvivors(spec.id, formulaClaim(spec), cases, EXPLAINED);
      expect(result.total).toBeGreaterThan(5);
      expect(unexplained).toEqual([]);
    }, 60_000);
});
