/** Plain-text rendering of checked claims, for terminals. */
import type { CheckedClaim, Verdict } from '../claims/claim.js';
import { VERDICTS } from '../claims/claim.js';
import { texToText } from './tex-text.js';

const MARK: Record<Verdict, string> = {
  verified: 'ok',
  erratum: 'ERRATUM',
  supported: 'supported',
  failed: 'FAILED',
  inconclusive: 'inconclusive',
  'not-checkable': 'not checkable',
};

export function verdictCounts(claims: readonly CheckedClaim[]): Record<Verdict, number> {
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const c of claims) counts[c.verdict]++;
  return counts;
}

/** One line per claim. */
export function claimLine(c: CheckedClaim): string {
  return `${MARK[c.verdict].padEnd(13)} ${c.id.padEnd(34)} ${c.location}`;
}

/** A claim with its evidence, indented. */
export function claimDetail(c: CheckedClaim): string {
  const e = c.evidence;
  // formulas as readable text on a terminal (--json and the reports keep the TeX)
  const lines = [claimLine(c), `    ${c.statement}`, `    printed:   ${texToText(c.printed)}`];
  if (c.derived) lines.push(`    derived:   ${texToText(c.derived)}`);
  if (c.corrected) lines.push(`    corrected: ${texToText(c.corrected)}`);
  if (e.differsWhere) lines.push(`    differs:   ${e.differsWhere}`);
  if (e.reason) lines.push(`    reason:    ${e.reason}`);
  lines.push(`    decided:   ${e.howDecided}`);
  for (const k of e.checks)
    lines.push(`      [${k.outcome}] (${k.role}, ${k.method}) ${k.name}: ${k.detail}${k.maxDeviation ? ` (max deviation ${k.maxDeviation})` : ''}`);
  lines.push(`    precision ${e.precision} digits, ${e.points.length} probe points, max deviation ${e.maxDeviation ?? '—'}, ${e.seconds} s`);
  return lines.join('\n');
}

export function summaryLine(claims: readonly CheckedClaim[]): string {
  const n = verdictCounts(claims);
  return `${claims.length} claims: ${n.verified} verified, ${n.erratum} erratum, ${n.supported} supported, ${n.failed} failed, ${n.inconclusive} inconclusive, ${n['not-checkable']} not checkable`;
}
