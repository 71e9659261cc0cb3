/**
 * Mutation test of the printed closed forms of Sec. IV B (Eqs. (15) and (16)): every single-site
 * mutant of the printed TeX (a constant, a sign, an exponent, a dropped factor) must come out
 * `erratum`, with the unmutated derivation as its correction; the comparison is exact for N = 1..30.
 * Both printed forms are mutated: the sum (bounds included) and the closed form.
 */
import { describe, expect, it } from 'vitest';
import { EQ15_TEX, EQ16_TEX, eq15Claim, eq16Claim } from '../../proofs/sec4b-scaling.js';
import { texMutantCases, unexplainedSurvivors } from './mutation-helpers.js';

/** Survivors that are not errors of the engine, each with the reason. */
const EXPLAINED: Record<string, string> = {
  'eq15: constant: 0 → 1': 'the sum from k = 1 instead of k = 0 is the same sum: its k = 0 term d_0 p_0 (p_0 − 1) is 0 (p_0 = 1), an equivalent mutant',
};

describe('mutation: Eqs. (15) and (16)', () => {
  it('Eq. (15)', async () => {
    const { result, unexplained } = await unexplainedSurvivors('Eq. (15)', eq15Claim(), texMutantCases('eq15', EQ15_TEX, eq15Claim), EXPLAINED);
    expect(result.total).toBeGreaterThan(10);
    expect(unexplained).toEqual([]);
  }, 60_000);
  it('Eq. (16)', async () => {
    const { result, unexplained } = await unexplainedSurvivors('Eq. (16)', eq16Claim(), texMutantCases('eq16', EQ16_TEX, eq16Claim), EXPLAINED);
    expect(result.total).toBeGreaterThan(10);
    expect(unexplained).toEqual([]);
  }, 60_000);
});
