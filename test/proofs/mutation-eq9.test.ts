/**
 * Mutation test of the printed eigenpairs of Eq. (9): every single-site mutant of an eigenvalue,
 * and every eigenvector with one entry changed (a sign flipped, a 0 made 1), must come out
 * `erratum`, with the derived eigenpairs as its correction.
 */
import { describe, expect, it } from 'vitest';
import { mutants } from '../../src/claims/mutate.js';
import { EQ9_PRINTED_EIGENVALUES, EQ9_PRINTED_EIGENVECTORS, eq9Claim } from '../../proofs/sec4a-two-qubits.js';
import { rateText, runMutants, type MutantCase } from './mutation-helpers.js';

/** Survivors that are not errors of the engine, each with the reason (none expected). */
const EXPLAINED: Record<string, string> = {};

describe('mutation: Eq. (9)', () => {
  it('Eq. (9): the four printed eigenvalues', async () => {
    const cases: MutantCase[] = EQ9_PRINTED_EIGENVALUES.flatMap((form, i) =>
      mutants(form).map((m) => ({
        label: `eq9 eigenvalue ${i + 1}: ${m.change}`,
        claim: eq9Claim(EQ9_PRINTED_EIGENVALUES.map((f, j) => (j === i ? m.formula : f))),
      })),
    );
    const r = await runMutants(eq9Claim(EQ9_PRINTED_EIGENVALUES), cases);
    console.log(rateText('Eq. (9)', r));
    expect(r.killed / r.total).toBeGreaterThanOrEqual(0.95);
    expect(r.survivors.filter((s) => !(s.label in EXPLAINED))).toEqual([]);
  }, 60_000);

  it('Eq. (9): the four printed eigenvectors', async () => {
    const cases: MutantCase[] = [];
    EQ9_PRINTED_EIGENVECTORS.forEach((v, i) =>
      v.forEach((x, j) => {
        const w = v.map((e, k) => (k === j ? (x === 0 ? 1 : -x) : e));
        // −v is the same eigenvector as v (a global sign): an equivalent mutant, not generated
        if (w.every((e, k) => e === -v[k])) return;
        cases.push({
          label: `eq9 eigenvector ${i + 1}, entry ${j + 1}: ${x} → ${w[j]}`,
          claim: eq9Claim(
            EQ9_PRINTED_EIGENVALUES,
            EQ9_PRINTED_EIGENVECTORS.map((u, k) => (k === i ? w : u)),
          ),
        });
      }),
    );
    const r = await runMutants(eq9Claim(EQ9_PRINTED_EIGENVALUES), cases);
    console.log(rateText('Eq. (9) eigenvectors', r));
    expect(r.killed / r.total).toBeGreaterThanOrEqual(0.95);
    expect(r.survivors.filter((s) => !(s.label in EXPLAINED))).toEqual([]);
  }, 60_000);
});
