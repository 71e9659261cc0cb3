/** report.md: the report for reading on a code host (GitHub renders TeX between $…$ and $$…$$). */
import type { CheckedClaim } from '../claims/claim.js';
import type { ReportFigure } from './figures.js';
import { failureDetail, firstPoints, SUMMARY_ROWS, totalSeconds, type Report } from './report.js';
import { isProse, texParts } from './tex.js';

/** Plain text made inert: no HTML, no emphasis, no links, no math, no table breaks, one line. */
export function mdText(s: string): string {
  return s
    .replace(/\s*\n\s*/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|$#~])/g, '\\$1');
}

/** TeX for inline use: one line, in $…$ (prose fields keep their own $…$ and escape the rest). */
function mdInline(tex: string): string {
  return texParts(tex)
    .map((p) => (p.math ? `$${p.text.replace(/\s+/g, ' ').trim()}$` : mdText(p.text)))
    .join('');
}

/** A TeX field as a display block (a formula) or a paragraph (prose with inline math). */
function mdBlock(tex: string): string[] {
  if (isProse(tex)) return [mdInline(tex)];
  return ['$$', tex.replace(/\s+/g, ' ').trim(), '$$'];
}

function claimSection(c: CheckedClaim): string[] {
  const e = c.evidence;
  const lines = [`### ${mdText(c.id)}: ${mdText(c.location)}`, '', `**Verdict: ${c.verdict}**`, '', mdText(c.statement), ''];
  lines.push('Printed:', '', ...mdBlock(c.printed), '');
  if (c.derived !== null) lines.push('Derived:', '', ...mdBlock(c.derived), '');
  if (c.corrected !== null) lines.push('Corrected:', '', ...mdBlock(c.corrected), '');
  lines.push('Evidence:', '');
  lines.push(`- how decided: ${mdText(e.howDecided)}`);
  if (e.differsWhere !== null) lines.push(`- differs where: ${mdText(e.differsWhere)}`);
  if (e.reason !== null) lines.push(`- not checkable because: ${mdText(e.reason)}`);
  const points = firstPoints(c);
  lines.push(`- points probed: ${e.points.length}${points.length ? ` (first: ${points.map((p) => mdText(p)).join('; ')})` : ''}`);
  lines.push(`- largest deviation: ${e.maxDeviation === null ? '—' : mdText(e.maxDeviation)}`);
  lines.push(`- precision: ${e.precision} digits`);
  lines.push(`- time taken: ${e.seconds} s`);
  lines.push('');
  if (e.checks.length > 0) {
    lines.push('| check | role | method | outcome | detail | max deviation |', '| --- | --- | --- | --- | --- | --- |');
    for (const k of e.checks)
      lines.push(
        `| ${mdText(k.name)} | ${k.role} | ${k.method} | ${k.outcome} | ${mdText(k.detail)} | ${k.maxDeviation === undefined ? '' : mdText(k.maxDeviation)} |`,
      );
    lines.push('');
  }
  return lines;
}

export function renderMarkdown(report: Report, figures: readonly ReportFigure[] = []): string {
  const p = report.parameters;
  const lines = [
    '# ergocheck report',
    '',
    `Ergotropy from coherences in an open quantum system (Çakmak): ${report.claims.length} claims checked.`,
    '',
    '## Summary',
    '',
  ];
  lines.push('| verdict | claims |', '| --- | ---: |');
  for (const r of SUMMARY_ROWS) lines.push(`| ${r.label} | ${report.summary[r.key]} |`);
  lines.push('');
  const errata = report.claims.filter((c) => c.verdict === 'erratum');
  if (errata.length > 0) {
    lines.push('### Errata', '');
    for (const c of errata) lines.push(`- [${mdText(c.id)}](#${anchor(c)}) (${mdText(c.location)}): corrected ${mdInline(c.corrected ?? '')}`);
    lines.push('');
  }
  const bad = report.claims.filter((c) => c.verdict === 'failed' || c.verdict === 'inconclusive');
  if (bad.length > 0) {
    lines.push('### Failed and inconclusive', '');
    for (const c of bad) lines.push(`- [${mdText(c.id)}](#${anchor(c)}) (${mdText(c.location)}): ${c.verdict}: ${mdText(failureDetail(c))}`);
    lines.push('');
  }
  if (report.baseline !== null) {
    const b = report.baseline;
    lines.push(
      '### Baseline',
      '',
      `Compared with ${mdText(b.file)}: ${b.changes.length === 0 ? 'no changes.' : `${b.changes.length} change${b.changes.length === 1 ? '' : 's'}.`}`,
      '',
    );
    for (const ch of b.changes) lines.push(`- ${ch.kind}: ${mdText(ch.message)}`);
    for (const n of b.notes) lines.push(`- note: ${mdText(n)}`);
    if (b.changes.length + b.notes.length > 0) lines.push('');
  }
  lines.push('### Run parameters', '');
  lines.push(`- precision: ${p.precision} digits`);
  lines.push(`- seed: ${p.seed}`);
  lines.push(
    `- claims: ${p.only.length ? `only ${p.only.map(mdText).join(', ')}` : 'all'}${p.skip.length ? `, skipping ${p.skip.map(mdText).join(', ')}` : ''}`,
  );
  lines.push(`- tool: ${report.tool.name} ${mdText(report.tool.version)}`);
  lines.push(`- node: ${mdText(p.node)}`);
  lines.push(`- started: ${mdText(p.startedAt)}`);
  lines.push(`- check time: ${totalSeconds(report)} s`);
  if (figures.length > 0) {
    lines.push('', '## Figures', '');
    for (const f of figures) lines.push(`### ${mdText(f.title)}`, '', `![${mdText(f.title)}](${f.file})`, '', mdText(f.caption), '');
  }
  lines.push('', '## Claims', '');
  for (const c of report.claims) lines.push(...claimSection(c));
  return lines.join('\n');
}

/** The anchor GitHub gives the heading of a claim ("### eq10-c-one: Eq. (10), branch c = 1"). */
function anchor(c: CheckedClaim): string {
  return `${c.id}: ${c.location}`
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}
