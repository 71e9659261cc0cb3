/**
 * Mutation test of the printed piecewise formulas Eqs. (11) and (12): every single-site mutant of
 * the printed TeX — a case's formula (constant, sign, dropped factor), the printed spectrum before
 * the cases, a case bound shifted or its inequality reversed, two cases exchanged — must come out
 * `erratum`, with the unmutated derivation (the derived pieces) as its correction; likewise the
 * printed C_l1 = |−1 + 4c/3| after Eq. (12). Eq. (11) runs in
 * two halves so that no test case holds a worker long.
 */
import { describe, expect, it } from 'vitest';
import { EQ11_TEX, EQ12_CL1_TEX, EQ12_TEX, eq11Claim, eq12Claim, eq12l1Claim } from '../../proofs/appendix-a.js';
import { texMutantCases, unexplainedSurvivors } from './mutation-helpers.js';

/** Survivors that are not errors of the engine, each with the reason. */
const EXPLAINED: Record<string, string> = {};

describe('mutation: Eqs. (11) and (12)', () => {
  const eq11 = texMutantCases('eq11', EQ11_TEX, eq11Claim);
  const half = Math.ceil(eq11.length / 2);
  for (const [part, cases] of [
    [1, eq11.slice(0, half)],
    [2, eq11.slice(half)],
  ] as const)
    it(`Eq. (11), part ${part} of 2`, async () => {
      const { result, unexplained } = await unexplainedSurvivors(`Eq. (11) part ${part}`, eq11Claim(), cases, EXPLAINED);
      expect(result.total).toBeGreaterThan(5);
      expect(unexplained).toEqual([]);
    }, 60_000);
  it('C_l1 = |−1 + 4c/3| after Eq. (12)', async () => {
    const { result, unexplained } = await unexplainedSurvivors(
      'eq12-w-equals-cl1',
      eq12l1Claim(),
      texMutantCases('eq12-w-equals-cl1', EQ12_CL1_TEX, eq12l1Claim),
      EXPLAINED,
    );
    expect(result.total).toBeGreaterThan(3);
    expect(unexplained).toEqual([]);
  }, 60_000);
  it('Eq. (12)', async () => {
    const { result, unexplained } = await unexplainedSurvivors('Eq. (12)', eq12Claim(), texMutantCases('eq12', EQ12_TEX, eq12Claim), EXPLAINED);
    expect(result.total).toBeGreaterThan(20);
    expect(unexplained).toEqual([]);
  }, 60_000);
});
