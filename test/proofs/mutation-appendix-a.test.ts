/**
 * Mutation test of the printed thresholds (A1)–(A3): every single-site mutant of the printed TeX —
 * of the threshold on β (a constant, a sign, an exponent, a dropped factor), of the compared
 * eigenvalues, of the c range, and every reversed inequality — must come out `erratum`, with the
 * derived threshold (1/ω)·ln(1/y*) as the correction.
 */
import { describe, expect, it } from 'vitest';
import { A1_SPEC, A2_SPEC, A3_SPEC, thresholdClaim } from '../../proofs/appendix-a.js';
import { texMutantCases, unexplainedSurvivors } from './mutation-helpers.js';

/** Survivors that are not errors of the engine, each with the reason. */
const EXPLAINED: Record<string, string> = {};

describe('mutation: Appendix A thresholds', () => {
  for (const spec of [A1_SPEC, A2_SPEC, A3_SPEC])
    it(spec.id, async () => {
      const cases = texMutantCases(spec.id, spec.printed, (printed) => thresholdClaim({ ...spec, id: `${spec.id}-mutant`, printed }));
      const { result, unexplained } = await unexplainedSurvivors(spec.id, thresholdClaim(spec), cases, EXPLAINED);
      expect(result.total).toBeGreaterThan(20);
      expect(unexplained).toEqual([]);
    }, 60_000);
});
