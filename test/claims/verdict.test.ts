import { describe, expect, it } from 'vitest';
import { verdictOf, type CheckRecord, type ClaimOutcome } from '../../src/claims/claim.js';

const check = (role: CheckRecord['role'], outcome: CheckRecord['outcome'], method: CheckRecord['method'] = 'exact-identity'): CheckRecord => ({
  name: `${role} ${outcome}`,
  role,
  method,
  outcome,
  detail: '',
});
const outcome = (checks: CheckRecord[], extra: Partial<ClaimOutcome> = {}): ClaimOutcome => ({ derived: null, howDecided: 'test', checks, ...extra });

describe('verdictOf', () => {
  it.each([
    ['no checks at all is a failure, never a pass', outcome([]), 'failed'],
    ['a failed consistency check is our failure', outcome([check('consistency', 'fail'), check('printed', 'pass')]), 'failed'],
    ['a failed consistency check outweighs an inconclusive one', outcome([check('consistency', 'fail'), check('printed', 'inconclusive')]), 'failed'],
    ['an inconclusive check (e.g. a CAS timeout) is never a pass', outcome([check('consistency', 'pass'), check('printed', 'inconclusive')]), 'inconclusive'],
    [
      'printed fails, derivation confirmed by a second route: erratum (the derived form is the correction)',
      outcome([check('consistency', 'pass'), check('printed', 'fail')], { derived: 'x' }),
      'erratum',
    ],
    [
      'printed fails, derivation confirmed by first principles: erratum',
      outcome([check('printed', 'pass', 'first-principles'), check('printed', 'fail')], { derived: 'x' }),
      'erratum',
    ],
    [
      'printed fails without a derived form: failed (an erratum needs its correction)',
      outcome([check('consistency', 'pass'), check('printed', 'fail')]),
      'failed',
    ],
    ['printed fails with no second route: failed (an erratum needs two routes)', outcome([check('printed', 'fail')], { derived: 'x' }), 'failed'],
    [
      'printed fails, only a hard-coded text check agrees: failed',
      outcome([check('consistency', 'pass', 'text'), check('printed', 'fail')], { derived: 'x' }),
      'failed',
    ],
    ['exact printed check and a second route pass: verified', outcome([check('consistency', 'pass'), check('printed', 'pass')]), 'verified'],
    ['exact printed check and first principles pass: verified', outcome([check('printed', 'pass'), check('printed', 'pass', 'first-principles')]), 'verified'],
    ['a single exact printed check: supported, not verified', outcome([check('printed', 'pass')]), 'supported'],
    [
      'numerics only: supported, not verified',
      outcome([check('printed', 'pass', 'first-principles'), check('consistency', 'pass', 'numeric-probe')]),
      'supported',
    ],
    ['a text check is no evidence: supported at most', outcome([check('printed', 'pass', 'text'), check('consistency', 'pass', 'text')]), 'supported'],
    ['not checkable, with a reason', outcome([], { notCheckable: 'qualitative' }), 'not-checkable'],
  ])('%s', (_name, o, expected) => {
    expect(verdictOf(o)).toBe(expected);
  });
});
