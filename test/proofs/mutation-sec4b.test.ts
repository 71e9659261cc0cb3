/**
 * Mutation test of the printed closed forms of Sec. IV B (Eqs. (15) and (16)): every single-site
 * mutant of the printed TeX (a constant, a sign, an exponent, a dropped factor) must come out
 * `erratum`, with the unmutated derivation as its correction; the comparison is exact for N = 1..30.
 * The printed sums (form 1) are not what these claims compare, so mutants are made of the closed forms.
 */
import { describe, expect, it } from 'vitest';
import { EQ15_TEX, EQ16_TEX, eq15Claim, eq16Claim } from '../../proofs/sec4b-scaling.js';
import { texMutantCases, unexplainedSurvivors, type MutantCase } from './mutation-helpers.js';

/** Survivors that are not errors of the engine, each with the reason. */
const EXPLAINED: Record<string, string> = {};

/** Mutants of the closed form only: the TeX after the last "=". */
function closedFormCases(name: string, tex: string, build: (printed: string) => ReturnType<typeof eq15Claim>): MutantCase[] {
  const at = tex.lastIndexOf(' = ');
  const head = tex.slice(0, at + 3);
  return texMutantCases(name, tex.slice(at + 3), (closed) => build(head + closed));
}

describe('mutation: Eqs. (15) and (16)', () => {
  it('Eq. (15)', async () => {
    const { result, unexplained } = await unexplainedSurvivors('Eq. (15)', eq15Claim(), closedFormCases('eq15', EQ15_TEX, eq15Claim), EXPLAINED);
    expect(result.total).toBeGreaterThan(10);
    expect(unexplained).toEqual([]);
  }, 60_000);
  it('Eq. (16)', async () => {
    const { result, unexplained } = await unexplainedSurvivors('Eq. (16)', eq16Claim(), closedFormCases('eq16', EQ16_TEX, eq16Claim), EXPLAINED);
    expect(result.total).toBeGreaterThan(10);
    expect(unexplained).toEqual([]);
  }, 60_000);
});
