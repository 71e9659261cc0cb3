/**
 * report.junit.xml: JUnit XML for CI test viewers, one testcase per claim (name = claim id,
 * classname = the section of its location, e.g. "Eq. (10)", time = its check time).
 *
 *   verified       passes
 *   failed         <failure type="failed">
 *   erratum        passes, with the printed and corrected forms in <system-out>; with strict
 *                  (verify --strict) a <failure type="erratum">, matching the exit code
 *   inconclusive   <skipped message="inconclusive: …">
 *   not-checkable  <skipped message="not checkable: …">
 *
 * Baseline changes are one more testcase, "baseline", failing when there are any.
 */
import type { CheckedClaim } from '../claims/claim.js';
import { failureDetail, sectionOf, type Report } from './report.js';

/** Text safe in XML content and attribute values (characters XML 1.0 forbids are dropped). */
export function escapeXml(s: string): string {
  return s
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export interface JunitOptions {
  /** Errata are failures (verify --strict). */
  strict: boolean;
}

function describeClaim(c: CheckedClaim): string {
  const e = c.evidence;
  const lines = [`${c.verdict}: ${c.location}`, c.statement, `printed: ${c.printed}`];
  if (c.derived !== null) lines.push(`derived: ${c.derived}`);
  if (c.corrected !== null) lines.push(`corrected: ${c.corrected}`);
  if (e.differsWhere !== null) lines.push(`differs where: ${e.differsWhere}`);
  if (e.reason !== null) lines.push(`reason: ${e.reason}`);
  lines.push(`how decided: ${e.howDecided}`);
  for (const k of e.checks)
    lines.push(`[${k.outcome}] (${k.role}, ${k.method}) ${k.name}: ${k.detail}${k.maxDeviation === undefined ? '' : ` (max deviation ${k.maxDeviation})`}`);
  lines.push(`${e.points.length} points probed, largest deviation ${e.maxDeviation ?? '—'}, precision ${e.precision} digits`);
  return lines.join('\n');
}

function testcase(c: CheckedClaim, options: JunitOptions): string {
  const open = `    <testcase name="${escapeXml(c.id)}" classname="${escapeXml(sectionOf(c.location))}" time="${c.evidence.seconds}">`;
  const out = `      <system-out>${escapeXml(describeClaim(c))}</system-out>`;
  let inner: string[];
  switch (c.verdict) {
    case 'verified':
    case 'supported':
      inner = [out];
      break;
    case 'failed':
      inner = [`      <failure type="failed" message="${escapeXml(failureDetail(c))}">${escapeXml(describeClaim(c))}</failure>`];
      break;
    case 'erratum':
      inner = options.strict
        ? [`      <failure type="erratum" message="${escapeXml(`erratum: corrected ${c.corrected ?? ''}`)}">${escapeXml(describeClaim(c))}</failure>`]
        : [out];
      break;
    case 'inconclusive':
      inner = [`      <skipped message="${escapeXml(`inconclusive: ${failureDetail(c)}`)}"/>`, out];
      break;
    case 'not-checkable':
      inner = [`      <skipped message="${escapeXml(`not checkable: ${c.evidence.reason ?? ''}`)}"/>`, out];
      break;
  }
  return [open, ...inner, '    </testcase>'].join('\n');
}

export function renderJunit(report: Report, options: JunitOptions): string {
  const s = report.summary;
  const cases = report.claims.map((c) => testcase(c, options));
  let failures = s.failed + (options.strict ? s.erratum : 0);
  let tests = report.claims.length;
  if (report.baseline !== null) {
    const b = report.baseline;
    tests++;
    const lines = [...b.changes.map((ch) => `${ch.kind}: ${ch.message}`), ...b.notes.map((n) => `note: ${n}`)].join('\n');
    const open = `    <testcase name="baseline" classname="baseline" time="0">`;
    if (b.changes.length > 0) {
      failures++;
      cases.push(
        [
          open,
          `      <failure type="baseline" message="${escapeXml(`${b.changes.length} change(s) from ${b.file}`)}">${escapeXml(lines)}</failure>`,
          '    </testcase>',
        ].join('\n'),
      );
    } else
      cases.push([open, `      <system-out>${escapeXml(`no changes from ${b.file}${lines ? '\n' + lines : ''}`)}</system-out>`, '    </testcase>'].join('\n'));
  }
  const skipped = s.inconclusive + s.notCheckable;
  const time = report.claims.reduce((t, c) => t + c.evidence.seconds, 0).toFixed(3);
  const p = report.parameters;
  const props = [
    ['precision', String(p.precision)],
    ['seed', String(p.seed)],
    ['only', p.only.join(',')],
    ['skip', p.skip.join(',')],
    ['tool', `${report.tool.name} ${report.tool.version}`],
    ['node', p.node],
    ['strict', String(options.strict)],
  ]
    .map(([k, v]) => `      <property name="${escapeXml(k)}" value="${escapeXml(v)}"/>`)
    .join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="ergocheck verify" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}" time="${time}">`,
    `  <testsuite name="ergocheck" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}" time="${time}" timestamp="${escapeXml(p.startedAt)}">`,
    '    <properties>',
    props,
    '    </properties>',
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
