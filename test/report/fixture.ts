/** A small synthetic Report with one claim of each verdict, and hostile text in the fields. */
import type { CheckedClaim, Verdict } from '../../src/claims/claim.js';
import { buildReport, type Report } from '../../src/report/report.js';

function claim(id: string, verdict: Verdict, extra: Partial<CheckedClaim> = {}): CheckedClaim {
  return {
    id,
    location: `Eq. (${id.length}), branch ${id}`,
    statement: `statement of ${id}`,
    printed: '\\frac{a}{b}',
    derived: verdict === 'not-checkable' ? null : '\\frac{a}{b}',
    verdict,
    corrected: verdict === 'erratum' ? '\\frac{b}{a}' : null,
    evidence: {
      howDecided: `decided ${id}`,
      checks:
        verdict === 'not-checkable'
          ? []
          : [
              { name: 'consistency', role: 'consistency', method: 'exact-identity', outcome: verdict === 'failed' ? 'fail' : 'pass', detail: 'equal' },
              {
                name: 'probe',
                role: 'printed',
                method: 'numeric-probe',
                outcome: verdict === 'erratum' ? 'fail' : verdict === 'inconclusive' ? 'inconclusive' : 'pass',
                detail: 'agree at 2 points',
                maxDeviation: '1e-60',
                points: [{ c: '0.25' }, { c: '0.5' }],
              },
            ],
      points: verdict === 'not-checkable' ? [] : [{ c: '0.25' }, { c: '0.5' }],
      maxDeviation: verdict === 'not-checkable' ? null : '1e-60',
      precision: 50,
      differsWhere: verdict === 'erratum' ? 'everywhere' : null,
      reason: verdict === 'not-checkable' ? 'no formula' : null,
      seconds: 0.125,
    },
    ...extra,
  };
}

export const HOSTILE = 'x <script>alert("&")</script> & y \' ]]> \u0001';

export function syntheticReport(): Report {
  const claims = [
    claim('a-verified', 'verified', { statement: HOSTILE }),
    claim('b-erratum', 'erratum'),
    claim('c-failed', 'failed'),
    claim('d-inconclusive', 'inconclusive'),
    claim('e-not-checkable', 'not-checkable'),
    claim('f-prose', 'erratum', { corrected: 'holds for $c \\geq 1/2$ & not for $c < 1/2$' }),
    claim('g-bad-tex', 'verified', { printed: '\\frac{a' }),
  ];
  return buildReport(claims, { precision: 50, seed: 7, only: [], skip: [], node: 'v20.0.0', startedAt: '2024-01-02T03:04:05.000Z' }, '0.0.0-test');
}
