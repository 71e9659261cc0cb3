import { describe, expect, it } from 'vitest';
import { runClaims } from '../../src/claims/run.js';
import { SEC2_SEC3 } from '../../proofs/sec2-sec3-model.js';
import { SEC4A } from '../../proofs/sec4a-two-qubits.js';

/**
 * The verdicts this version of ergocheck reaches on Secs. II–IV A. Each erratum was derived by hand
 * as well (see the claim's evidence); a change here is a change of what we assert about the paper.
 */
const EXPECTED: Record<string, string> = {
  'eq2-double-sum': 'verified',
  'sec2-completely-passive': 'verified',
  'sec3-individual-thermalize': 'verified',
  'sec3-collective-not-unique': 'verified',
  'sec3-coherence-from-incoherent': 'verified',
  'sec4-single-qubit-gibbs': 'verified',
  'eq7-stationary': 'verified',
  'eq7-c-conserved': 'verified',
  'eq7-singlet-stationary': 'verified',
  eq8: 'verified',
  'eq8-zero': 'verified',
  'eq10-c-below-half': 'verified',
  'eq10-c-one': 'erratum',
  'eq8-thermal-overlap': 'erratum',
  'eq8-zero-shifts-to-one': 'verified',
  'eq9-eigenpairs': 'verified',
  'eq7-populations-not-inverted': 'erratum',
  'psi1-psi0-initial-states': 'verified',
  'eq7-local-states': 'verified',
  'eq7-entanglement': 'verified',
  'eq7-discord': 'not-checkable',
  'eq7-robust-stable': 'not-checkable',
};

describe('Secs. II–IV A: verdicts', async () => {
  const claims = [...SEC2_SEC3, ...SEC4A];
  const checked = await runClaims(claims, { precision: 50, seed: 20220513 });
  it('covers exactly the expected claims', () => {
    expect(checked.map((c) => c.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  it.each(Object.entries(EXPECTED))('%s is %s', (id, verdict) => {
    const c = checked.find((x) => x.id === id)!;
    const why = c.evidence.checks.filter((k) => k.outcome !== 'pass').map((k) => `${k.name}: ${k.detail}`).join('; ');
    expect(c.verdict, why).toBe(verdict);
  });
  it('gives every erratum a corrected form and where it differs', () => {
    for (const c of checked.filter((x) => x.verdict === 'erratum')) {
      expect(c.corrected).toBeTruthy();
      expect(c.evidence.differsWhere).toBeTruthy();
    }
  });
  it('locations start with the paper\'s own label', () => {
    for (const c of checked) expect(c.location).toMatch(/^(Eq\. \(\d+\)|Eqs\. \(|Appendix [AB]|Fig\. \d|Sec\. (II|III|IV))/);
  });
});
