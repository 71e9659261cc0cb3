/**
 * report.html: one self-contained offline page. Equations are typeset here (server-side) with
 * KaTeX; KaTeX's CSS and fonts are inlined, and a Content-Security-Policy forbids any request
 * other than data: URIs and any script but the page's own (admitted by its hash). A TeX string
 * KaTeX cannot parse is shown as escaped source with a visible "TeX not typeset" marker.
 * Everything else is HTML-escaped text.
 *
 * Claims are grouped by the paper's sections (an Outline), each with its evidence in a <details>
 * that is open in the markup: without JavaScript everything is shown. The page script
 * (html-script.ts) adds the verdict filters, the search, collapsing and URL state; the print
 * stylesheet (html-style.ts) gives the printed document.
 */
import { createHash } from 'node:crypto';
import katex from 'katex';
import { VERDICTS, type CheckedClaim } from '../claims/claim.js';
import type { ReportFigure } from './figures.js';
import { PAGE_SCRIPT } from './html-script.js';
import { htmlStyle, verdictClass } from './html-style.js';
import { katexCss } from './katex-css.js';
import { groupBySection, locationOutline, type Outline } from './outline.js';
import { failureDetail, firstPoints, totalSeconds, type Report } from './report.js';
import { isProse, texParts } from './tex.js';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** One formula typeset by KaTeX, or its escaped source with a marker if KaTeX cannot parse it. */
export function typeset(tex: string, display: boolean): string {
  const html = katex.renderToString(tex, { throwOnError: false, output: 'html', displayMode: display, strict: 'ignore' });
  if (html.startsWith('<span class="katex-error"')) {
    const why = /title="([^"]*)"/.exec(html)?.[1] ?? 'KaTeX parse error';
    return `<span class="tex-error" title="${why}"><span class="tex-error-mark">⚠ TeX not typeset</span> <code>${escapeHtml(tex)}</code></span>`;
  }
  return html;
}

/** Verdicts in the order the page shows them: those of the claim model, then any other a claim carries. */
export function verdictsOf(claims: readonly CheckedClaim[]): string[] {
  const list: string[] = [...VERDICTS];
  for (const c of claims) if (!list.includes(c.verdict)) list.push(c.verdict);
  return list;
}

const verdictLabel = (verdict: string): string => verdict.replace(/-/g, ' ');

function badge(verdict: string): string {
  return `<span class="badge ${verdictClass(verdict)}">${escapeHtml(verdictLabel(verdict))}</span>`;
}

/**
 * TeX of a display formula with extra line-break points: the formula is typeset inline (KaTeX
 * breaks inline math after relations and binary operators) and `\allowbreak` is added after
 * top-level spaces, commas and semicolons outside brackets, and between the words of top-level
 * `\text{…}`, so a long formula wraps instead of running off the page.
 */
export function breakableTex(tex: string): string {
  let out = '';
  let depth = 0; // braces, \left…\right and \begin…\end, all counted as nesting
  let brackets = 0; // ( and [: a list inside them is not broken at its commas
  let i = 0;
  while (i < tex.length) {
    const ch = tex[i];
    if (ch === '\\') {
      const word = /^\\([a-zA-Z]+|.)/.exec(tex.slice(i));
      const cmd = word ? word[0] : '\\';
      if (depth === 0 && cmd === '\\text' && tex[i + cmd.length] === '{') {
        const close = tex.indexOf('}', i + cmd.length);
        const body = close < 0 ? '' : tex.slice(i + cmd.length + 1, close);
        if (close >= 0 && !/[\\{$]/.test(body)) {
          const pieces = body.split(/(?=\s)/);
          out += pieces.map((w) => `\\text{${w}}`).join('\\allowbreak ');
          i = close + 1;
          continue;
        }
      }
      if (cmd === '\\left' || cmd === '\\begin') depth++;
      if (cmd === '\\right' || cmd === '\\end') depth--;
      out += cmd;
      i += cmd.length;
      if (depth === 0 && (cmd === '\\ ' || cmd === '\\quad' || cmd === '\\qquad' || cmd === '\\;')) out += '\\allowbreak ';
      continue;
    }
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    if (ch === '(' || ch === '[') brackets++;
    if (ch === ')' || ch === ']') brackets--;
    out += ch;
    i++;
    if (depth === 0 && brackets <= 0 && (ch === ',' || ch === ';')) out += '\\allowbreak ';
  }
  return out;
}

/** A TeX field: one formula (wrapping, in a box that scrolls if a piece is still too wide), or prose with inline formulas. */
function texField(tex: string): string {
  if (!isProse(tex)) {
    const html = typeset(`\\displaystyle ${breakableTex(tex)}`, false);
    // TeX that KaTeX cannot parse is shown as the field's own source, not the rewritten one
    return html.startsWith('<span class="katex"') ? `<div class="math">${html}</div>` : typeset(tex, true);
  }
  return `<span class="prose">${texParts(tex)
    .map((p) => (p.math ? typeset(p.text, false) : escapeHtml(p.text)))
    .join('')}</span>`;
}

/** An id for a page element that no claim id can take (claim ids start with a letter or digit). */
const pageId = (name: string): string => `_${name}`;
const sectionId = (key: string): string =>
  pageId(
    `s-${key
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')}`,
  );

function evidenceSummary(c: CheckedClaim): string {
  const e = c.evidence;
  const n = (outcome: string) => e.checks.filter((k) => k.outcome === outcome).length;
  const checks =
    e.checks.length === 0
      ? 'no checks'
      : `${e.checks.length} check${e.checks.length === 1 ? '' : 's'} (${['pass', 'fail', 'inconclusive']
          .filter((o) => n(o) > 0)
          .map((o) => `${n(o)} ${o}`)
          .join(', ')})`;
  return `<b>Evidence</b>: ${checks}, ${e.points.length} probe point${e.points.length === 1 ? '' : 's'}${e.maxDeviation === null ? '' : `, largest deviation ${escapeHtml(e.maxDeviation)}`}`;
}

function claimArticle(c: CheckedClaim): string {
  const e = c.evidence;
  const tex: string[] = [`<dt>Printed</dt><dd>${texField(c.printed)}</dd>`];
  if (c.derived !== null) tex.push(`<dt>Derived</dt><dd>${texField(c.derived)}</dd>`);
  if (c.corrected !== null) tex.push(`<dt>Corrected</dt><dd class="corrected">${texField(c.corrected)}</dd>`);
  const facts: string[] = [`<dt>How decided</dt><dd>${escapeHtml(e.howDecided)}</dd>`];
  if (e.differsWhere !== null) facts.push(`<dt>Differs where</dt><dd>${escapeHtml(e.differsWhere)}</dd>`);
  if (e.reason !== null) facts.push(`<dt>Not checkable because</dt><dd>${escapeHtml(e.reason)}</dd>`);
  const points = firstPoints(c);
  facts.push(
    `<dt>Points probed</dt><dd>${e.points.length}${points.length ? `<ul class="points">${points.map((p) => `<li><code>${escapeHtml(p)}</code></li>`).join('')}${e.points.length > points.length ? '<li>…</li>' : ''}</ul>` : ''}</dd>`,
  );
  facts.push(`<dt>Largest deviation</dt><dd>${e.maxDeviation === null ? '—' : escapeHtml(e.maxDeviation)}</dd>`);
  facts.push(`<dt>Precision</dt><dd>${e.precision} digits</dd>`);
  facts.push(`<dt>Time taken</dt><dd><span class="time">${e.seconds}</span> s</dd>`);
  const checks =
    e.checks.length === 0
      ? ''
      : `<div class="table-wrap"><table class="checks"><thead><tr><th>check</th><th>role</th><th>method</th><th>outcome</th><th>detail</th><th>max deviation</th></tr></thead><tbody>${e.checks
          .map(
            (k) =>
              `<tr class="o-${escapeHtml(k.outcome)}"><td>${escapeHtml(k.name)}</td><td>${escapeHtml(k.role)}</td><td>${escapeHtml(k.method)}</td><td>${escapeHtml(k.outcome)}</td><td>${escapeHtml(k.detail)}</td><td>${k.maxDeviation === undefined ? '' : escapeHtml(k.maxDeviation)}</td></tr>`,
          )
          .join('')}</tbody></table></div>`;
  const search = `${c.id} ${c.location} ${c.statement}`.toLowerCase();
  return [
    `<article class="claim ${verdictClass(c.verdict)}" id="${escapeHtml(c.id)}" data-verdict="${escapeHtml(c.verdict)}" data-search="${escapeHtml(search)}">`,
    `<div class="head"><h4>${badge(c.verdict)} <a class="id" href="#${escapeHtml(c.id)}">${escapeHtml(c.id)}</a> <span class="loc">${escapeHtml(c.location)}</span></h4>`,
    `<p class="statement">${escapeHtml(c.statement)}</p></div>`,
    `<dl class="tex">${tex.join('')}</dl>`,
    `<details class="evidence" open><summary>${evidenceSummary(c)}</summary>`,
    `<dl class="evidence">${facts.join('')}</dl>`,
    checks,
    '</details>',
    '</article>',
  ].join('\n');
}

/** Per-verdict counts of some claims, as the small coloured numbers of the navigation. */
function tally(claims: readonly CheckedClaim[], verdicts: readonly string[]): string {
  return `<span class="tally">${verdicts
    .map((v) => {
      const n = claims.filter((c) => c.verdict === v).length;
      return `<span class="${verdictClass(v)}${n === 0 ? ' zero' : ''}" data-verdict="${escapeHtml(v)}" title="${escapeHtml(verdictLabel(v))}">${n}</span>`;
    })
    .join('')}</span>`;
}

export interface HtmlOptions {
  /** How claims are grouped into the paper's sections (default: by the section their location names). */
  outline?: Outline;
}

export function renderHtml(report: Report, figures: readonly ReportFigure[] = [], options: HtmlOptions = {}): string {
  const p = report.parameters;
  const verdicts = verdictsOf(report.claims);
  const count = (v: string): number => report.claims.filter((c) => c.verdict === v).length;
  const groups = groupBySection(report.claims, options.outline ?? locationOutline(report.claims));
  const errata = report.claims.filter((c) => c.verdict === 'erratum');
  const scriptHash = createHash('sha256').update(PAGE_SCRIPT, 'utf8').digest('base64');

  const nav = [
    '<nav class="toc" aria-label="Contents">',
    '<p class="brand">ergocheck report</p>',
    '<ul>',
    `<li><a href="#${pageId('summary')}">Summary</a></li>`,
    ...(errata.length > 0 ? [`<li><a href="#${pageId('errata')}">Errata</a> (${errata.length})</li>`] : []),
    ...(figures.length > 0 ? [`<li><a href="#${pageId('figures')}">Figures</a></li>`] : []),
    `<li><a href="#${pageId('claims')}">Claims</a> (${report.claims.length})</li>`,
    '</ul>',
    `<div id="${pageId('controls')}" hidden>`,
    '<h2>Show</h2>',
    `<fieldset id="${pageId('filters')}">`,
    ...verdicts.map(
      (v) =>
        `<label><input type="checkbox" value="${escapeHtml(v)}" checked> ${badge(v)} <span class="n" data-count="${escapeHtml(v)}">${count(v)}</span></label>`,
    ),
    '</fieldset>',
    `<input type="search" id="${pageId('search')}" placeholder="Search id, location, statement" aria-label="Search claims by id, location or statement">`,
    `<p id="${pageId('status')}" aria-live="polite">Showing <b id="${pageId('shown')}">${report.claims.length}</b> of ${report.claims.length} claims <button type="button" id="${pageId('reset')}">Show all</button></p>`,
    '</div>',
    '<h2>Sections</h2>',
    '<ul class="sections">',
    ...groups.map(
      (g) =>
        `<li data-section="${sectionId(g.section.key)}"><a href="#${sectionId(g.section.key)}">${escapeHtml(g.section.key)}</a>${tally(g.claims, verdicts)}</li>`,
    ),
    '</ul>',
    '</nav>',
  ];

  const counts = verdicts.map((v) => `<tr><th>${badge(v)}</th><td data-count="${escapeHtml(v)}">${count(v)}</td></tr>`).join('');
  const parts: string[] = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; script-src 'sha256-${scriptHash}'">`,
    '<title>ergocheck report: Ergotropy from coherences in an open quantum system</title>',
    `<style>${katexCss()}</style>`,
    `<style>${htmlStyle()}</style>`,
    '</head>',
    '<body>',
    '<div class="layout">',
    ...nav,
    '<main>',
    '<h1>ergocheck report</h1>',
    `<p class="paper">Ergotropy from coherences in an open quantum system (Çakmak): <span data-count="claims">${report.claims.length}</span> claims checked.</p>`,
    `<section id="${pageId('summary')}">`,
    '<h2>Summary</h2>',
    `<table class="counts"><tbody>${counts}</tbody></table>`,
  ];
  if (errata.length > 0) {
    parts.push(`<h3 id="${pageId('errata')}">Errata</h3>`, '<ul class="errata">');
    for (const c of errata)
      parts.push(
        `<li><a href="#${escapeHtml(c.id)}">${escapeHtml(c.id)}</a> — ${escapeHtml(c.location)}<dl class="tex"><dt>Printed</dt><dd>${texField(c.printed)}</dd><dt>Corrected</dt><dd class="corrected">${texField(c.corrected ?? '')}</dd></dl></li>`,
      );
    parts.push('</ul>');
  }
  const bad = report.claims.filter((c) => c.verdict === 'failed' || c.verdict === 'inconclusive');
  if (bad.length > 0) {
    parts.push('<h3>Failed and inconclusive</h3>', '<ul class="failures">');
    for (const c of bad)
      parts.push(
        `<li><a href="#${escapeHtml(c.id)}">${escapeHtml(c.id)}</a> (${escapeHtml(c.location)}): ${badge(c.verdict)} ${escapeHtml(failureDetail(c))}</li>`,
      );
    parts.push('</ul>');
  }
  if (report.baseline !== null) {
    const b = report.baseline;
    parts.push(
      '<h3>Baseline</h3>',
      `<p>Compared with <code>${escapeHtml(b.file)}</code>: <span data-count="baseline-changes">${b.changes.length}</span> change${b.changes.length === 1 ? '' : 's'}.</p>`,
    );
    if (b.changes.length + b.notes.length > 0) {
      parts.push('<ul class="baseline">');
      for (const ch of b.changes) parts.push(`<li><strong>${escapeHtml(ch.kind)}</strong>: ${escapeHtml(ch.message)}</li>`);
      for (const n of b.notes) parts.push(`<li>note: ${escapeHtml(n)}</li>`);
      parts.push('</ul>');
    }
  }
  parts.push(
    '<h3>Run parameters</h3>',
    '<dl class="parameters">',
    `<dt>Precision</dt><dd>${p.precision} digits</dd>`,
    `<dt>Seed</dt><dd>${p.seed}</dd>`,
    `<dt>Claims</dt><dd>${p.only.length ? `only ${escapeHtml(p.only.join(', '))}` : 'all'}${p.skip.length ? `, skipping ${escapeHtml(p.skip.join(', '))}` : ''}</dd>`,
    `<dt>Tool</dt><dd>${escapeHtml(report.tool.name)} ${escapeHtml(report.tool.version)}</dd>`,
    `<dt>Node</dt><dd>${escapeHtml(p.node)}</dd>`,
    `<dt>Started</dt><dd><span class="time">${escapeHtml(p.startedAt)}</span></dd>`,
    `<dt>Check time</dt><dd><span class="time">${totalSeconds(report)}</span> s</dd>`,
    '</dl>',
    '</section>',
    ...(figures.length === 0
      ? []
      : [
          `<section id="${pageId('figures')}">`,
          '<h2>Figures</h2>',
          ...figures.map(
            (f) =>
              `<figure><h3>${escapeHtml(f.title)}</h3>${f.svg}<figcaption>${escapeHtml(f.caption).replace(/C_l1/g, 'C<sub>l1</sub>')}</figcaption></figure>`,
          ),
          '</section>',
        ]),
    `<section id="${pageId('claims')}">`,
    '<h2>Claims</h2>',
    ...groups.flatMap((g) => [
      `<section class="paper-section" id="${sectionId(g.section.key)}">`,
      `<h3 class="section">${escapeHtml(g.section.title)}</h3>`,
      ...g.claims.map(claimArticle),
      '</section>',
    ]),
    '</section>',
    '</main>',
    '</div>',
    `<script>${PAGE_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  );
  return parts.join('\n');
}
