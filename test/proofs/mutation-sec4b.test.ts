/**
 * Mutation test of the printed closed forms of Sec. IV B (Eqs. (15) and (16)): every single-site
 * mutant (a constant, a sign, an exponent, a dropped factor) must come out `erratum`, with the
 * unmutated derivation as its correction; the comparison is exact for N = 1..30.
 */
import { describe, expect, it } from 'vitest';
import { mutants } from '../../src/claims/mutate.js';
import { PRINTED, eq15Claim, eq16Claim } from '../../proofs/sec4b-scaling.js';
import { rateText, runMutants, type MutantCase } from './mutation-helpers.js';

/** Survivors that are not errors of the engine, each with the reason (none expected). */
const EXPLAINED: Record<string, string> = {};

describe('mutation: Eqs. (15) and (16)', () => {
  it('Eq. (15)', async () => {
    const cases: MutantCase[] = mutants(PRINTED.eq15).map((m) => ({ label: `eq15: ${m.change}`, claim: eq15Claim(m.formula) }));
    const r = await runMutants(eq15Claim(PRINTED.eq15), cases);
    console.log(rateText('Eq. (15)', r));
    expect(r.killed / r.total).toBeGreaterThanOrEqual(0.95);
    expect(r.survivors.filter((s) => !(s.label in EXPLAINED))).toEqual([]);
  }, 60_000);
  it('Eq. (16)', async () => {
    const cases: MutantCase[] = mutants(PRINTED.eq16).map((m) => ({ label: `eq16: ${m.change}`, claim: eq16Claim(m.formula) }));
    const r = await runMutants(eq16Claim(PRINTED.eq16), cases);
    console.log(rateText('Eq. (16)', r));
    expect(r.killed / r.total).toBeGreaterThanOrEqual(0.95);
    expect(r.survivors.filter((s) => !(s.label in EXPLAINED))).toEqual([]);
  }, 60_000);
});
