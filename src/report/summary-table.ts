/** The summary `verify` prints: verdict counts, errata with their corrected forms, failures, baseline changes. */
import { failureDetail, SUMMARY_ROWS, type Report } from './report.js';
import { texToText } from './tex-text.js';

export function renderSummaryTable(report: Report, written: readonly string[]): string {
  const p = report.parameters;
  const lines = [`ergocheck verify: ${report.claims.length} claims, precision ${p.precision}, seed ${p.seed}`, ''];
  const w = Math.max(...SUMMARY_ROWS.map((r) => r.label.length));
  for (const r of SUMMARY_ROWS) lines.push(`  ${r.label.padEnd(w)}  ${String(report.summary[r.key]).padStart(4)}`);
  const errata = report.claims.filter((c) => c.verdict === 'erratum');
  if (errata.length > 0) {
    lines.push('', 'errata (corrected forms):');
    // readable text on a terminal; the reports keep the TeX
    for (const c of errata) lines.push(`  ${c.id} (${c.location}): ${texToText(c.corrected ?? '')}`);
  }
  const bad = report.claims.filter((c) => c.verdict === 'failed' || c.verdict === 'inconclusive');
  if (bad.length > 0) {
    lines.push('', 'failed and inconclusive:');
    for (const c of bad) lines.push(`  ${c.verdict.toUpperCase()} ${c.id} (${c.location}): ${failureDetail(c)}`);
  }
  if (report.baseline !== null) {
    const b = report.baseline;
    lines.push('', `baseline ${b.file}: ${b.changes.length === 0 ? 'no changes' : `${b.changes.length} change${b.changes.length === 1 ? '' : 's'}`}`);
    for (const ch of b.changes) lines.push(`  ${ch.kind}: ${ch.message}`);
    for (const n of b.notes) lines.push(`  note: ${n}`);
  }
  if (written.length > 0) lines.push('', `report: ${written.join(', ')}`);
  return lines.join('\n');
}
