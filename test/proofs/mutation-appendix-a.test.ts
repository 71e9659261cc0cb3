/**
 * Mutation test of the printed thresholds (A1)–(A3): every single-site mutant of a printed threshold
 * on β (a constant, a sign, an exponent, a dropped factor) and the reversed inequality on β must come
 * out `erratum`, with the derived threshold (1/ω)·ln(1/y*) as the correction.
 */
import { describe, expect, it } from 'vitest';
import { mutants } from '../../src/claims/mutate.js';
import { A1_SPEC, A2_SPEC, A3_SPEC, thresholdClaim, type ThresholdSpec } from '../../proofs/appendix-a.js';
import { rateText, runMutants, type MutantCase } from './mutation-helpers.js';

/**
 * Survivors that are not errors of the engine, each with the reason:
 * - (A1) "-7*c^2 → -7*c^3" etc. could survive only if the mutant agreed with y* at every seeded c; none does.
 * Entries are added here only with the reason the mutant is equivalent on the printed c-range.
 */
const EXPLAINED: Record<string, string> = {};

function cases(spec: ThresholdSpec): MutantCase[] {
  const out: MutantCase[] = mutants(spec.printedThreshold).map((m) => ({
    label: `${spec.id}: ${m.change}`,
    claim: thresholdClaim({ ...spec, id: `${spec.id}-mutant`, printedThreshold: m.formula }),
  }));
  out.push({
    label: `${spec.id}: inequality on β reversed`,
    claim: thresholdClaim({ ...spec, id: `${spec.id}-mutant`, side: spec.side === 'below' ? 'above' : 'below' }),
  });
  return out;
}

describe('mutation: Appendix A thresholds', () => {
  for (const spec of [A1_SPEC, A2_SPEC, A3_SPEC]) {
    it(spec.id, async () => {
      const r = await runMutants(thresholdClaim(spec), cases(spec));
      console.log(rateText(spec.id, r));
      expect(r.killed / r.total).toBeGreaterThanOrEqual(0.95);
      const unexplained = r.survivors.filter((s) => !(s.label in EXPLAINED));
      expect(unexplained).toEqual([]);
    }, 60_000);
  }
});
