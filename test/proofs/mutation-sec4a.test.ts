/**
 * Mutation test of the printed formulas of Sec. IV A (Eqs. (8) and (10); Eq. (9) in mutation-eq9.test.ts): every single-site
 * mutant of a printed formula (a constant, a sign, cosh ↔ sinh, an exponent, a dropped factor) must
 * come out `erratum`, with the unmutated derivation as its correction and a computed "differs where".
 */
import { describe, expect, it } from 'vitest';
import { formulaClaim } from '../../src/claims/templates.js';
import { mutants } from '../../src/claims/mutate.js';
import { EQ8_PRINTED, EQ10_BELOW_HALF, EQ10_C_ONE, eq8Claim } from '../../proofs/sec4a-two-qubits.js';
import { rateText, runMutants, type MutantCase } from './mutation-helpers.js';

/** Survivors that are not errors of the engine, each with the reason (none expected here). */
const EXPLAINED: Record<string, string> = {};

describe('mutation: Sec. IV A printed formulas', () => {
  it('Eq. (8): both printed forms', async () => {
    const cases: MutantCase[] = EQ8_PRINTED.flatMap((form, i) =>
      mutants(form).map((m) => ({ label: `eq8 form ${i + 1}: ${m.change}`, claim: eq8Claim(EQ8_PRINTED.map((f, j) => (j === i ? m.formula : f))) })),
    );
    const r = await runMutants(eq8Claim(EQ8_PRINTED), cases);
    console.log(rateText('Eq. (8)', r));
    expect(r.killed / r.total).toBeGreaterThanOrEqual(0.95);
    expect(r.survivors.filter((s) => !(s.label in EXPLAINED))).toEqual([]);
  }, 60_000);

  it('Eq. (10): both branches', async () => {
    for (const spec of [EQ10_BELOW_HALF, EQ10_C_ONE]) {
      const cases: MutantCase[] = mutants(spec.printedFormula).map((m) => ({
        label: `${spec.id}: ${m.change}`,
        claim: formulaClaim({ ...spec, printedFormula: m.formula }),
      }));
      const r = await runMutants(formulaClaim(spec), cases);
      console.log(rateText(spec.id, r));
      expect(r.killed / r.total).toBeGreaterThanOrEqual(0.95);
      expect(r.survivors.filter((s) => !(s.label in EXPLAINED))).toEqual([]);
    }
  }, 60_000);
});
