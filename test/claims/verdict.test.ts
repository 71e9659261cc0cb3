import { describe, expect, it } from 'vitest';
import { verdictOf, type CheckRecord, type ClaimOutcome } from '../../src/claims/claim.js';

const check = (role: CheckRecord['role'], outcome: CheckRecord['outcome']): CheckRecord => ({ name: `${role} ${outcome}`, role, method: 'exact-identity', outcome, detail: '' });
const outcome = (checks: CheckRecord[], extra: Partial<ClaimOutcome> = {}): ClaimOutcome => ({ derived: null, howDecided: 'test', checks, ...extra });

describe('verdictOf', () => {
  it.each([
    ['no checks at all is a failure, never a pass', outcome([]), 'failed'],
    ['a failed consistency check is our failure', outcome([check('consistency', 'fail'), check('printed', 'pass')]), 'failed'],
    ['a failed consistency check outweighs an inconclusive one', outcome([check('consistency', 'fail'), check('printed', 'inconclusive')]), 'failed'],
    ['an inconclusive check (e.g. a CAS timeout) is never a pass', outcome([check('consistency', 'pass'), check('printed', 'inconclusive')]), 'inconclusive'],
    ['printed fails, derivations agree, corrected form given: erratum', outcome([check('consistency', 'pass'), check('printed', 'fail')], { corrected: 'x' }), 'erratum'],
    ['printed fails without a corrected form: failed (an erratum needs its correction)', outcome([check('consistency', 'pass'), check('printed', 'fail')]), 'failed'],
    ['printed fails with no agreeing derivations: failed (an erratum needs two routes)', outcome([check('printed', 'fail')], { corrected: 'x' }), 'failed'],
    ['all pass: verified', outcome([check('consistency', 'pass'), check('printed', 'pass')]), 'verified'],
    ['printed checks only, all pass: verified', outcome([check('printed', 'pass')]), 'verified'],
    ['not checkable, with a reason', outcome([], { notCheckable: 'qualitative' }), 'not-checkable'],
  ])('%s', (_name, o, expected) => {
    expect(verdictOf(o)).toBe(expected);
  });
});
