/**
 * Mutation test of the printed eigenvalues of Eq. (9): every single-site mutant must come out
 * `erratum`, with the Rayleigh quotients of the printed eigenvectors as its correction.
 */
import { describe, expect, it } from 'vitest';
import { mutants } from '../../src/claims/mutate.js';
import { EQ9_PRINTED_EIGENVALUES, eq9Claim } from '../../proofs/sec4a-two-qubits.js';
import { rateText, runMutants, type MutantCase } from './mutation-helpers.js';

/** Survivors that are not errors of the engine, each with the reason (none expected). */
const EXPLAINED: Record<string, string> = {};

describe('mutation: Eq. (9)', () => {
  it('Eq. (9): the four printed eigenvalues', async () => {
    const cases: MutantCase[] = EQ9_PRINTED_EIGENVALUES.flatMap((form, i) =>
      mutants(form).map((m) => ({ label: `eq9 eigenvalue ${i + 1}: ${m.change}`, claim: eq9Claim(EQ9_PRINTED_EIGENVALUES.map((f, j) => (j === i ? m.formula : f))) })),
    );
    const r = await runMutants(eq9Claim(EQ9_PRINTED_EIGENVALUES), cases);
    console.log(rateText('Eq. (9)', r));
    expect(r.killed / r.total).toBeGreaterThanOrEqual(0.95);
    expect(r.survivors.filter((s) => !(s.label in EXPLAINED))).toEqual([]);
  }, 60_000);

});
