/**
 * report.html: one self-contained offline page. Equations are typeset here (server-side) with
 * KaTeX; KaTeX's CSS and fonts are inlined, and a Content-Security-Policy forbids any request
 * other than data: URIs. A TeX string KaTeX cannot parse is shown as escaped source with a
 * visible "TeX not typeset" marker. Everything else is HTML-escaped text.
 */
import katex from 'katex';
import type { CheckedClaim } from '../claims/claim.js';
import type { ReportFigure } from './figures.js';
import { katexCss } from './katex-css.js';
import { failureDetail, firstPoints, SUMMARY_ROWS, totalSeconds, type Report } from './report.js';
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

/** A TeX field: one display formula, or prose with inline formulas. */
function texField(tex: string, display = true): string {
  if (!isProse(tex)) return typeset(tex, display);
  return texParts(tex)
    .map((p) => (p.math ? typeset(p.text, false) : escapeHtml(p.text)))
    .join('');
}

const claimAnchor = (c: CheckedClaim): string => `claim-${escapeHtml(c.id)}`;

function badge(verdict: string): string {
  return `<span class="badge v-${escapeHtml(verdict.replace(/\s/g, '-'))}">${escapeHtml(verdict)}</span>`;
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
  facts.push(`<dt>Points probed</dt><dd>${e.points.length}${points.length ? `<ul class="points">${points.map((p) => `<li><code>${escapeHtml(p)}</code></li>`).join('')}${e.points.length > points.length ? '<li>…</li>' : ''}</ul>` : ''}</dd>`);
  facts.push(`<dt>Largest deviation</dt><dd>${e.maxDeviation === null ? '—' : escapeHtml(e.maxDeviation)}</dd>`);
  facts.push(`<dt>Precision</dt><dd>${e.precision} digits</dd>`);
  facts.push(`<dt>Time taken</dt><dd><span class="time">${e.seconds}</span> s</dd>`);
  const checks =
    e.checks.length === 0
      ? ''
      : `<table class="checks"><thead><tr><th>check</th><th>role</th><th>method</th><th>outcome</th><th>detail</th><th>max deviation</th></tr></thead><tbody>${e.checks
          .map(
            (k) =>
              `<tr class="o-${escapeHtml(k.outcome)}"><td>${escapeHtml(k.name)}</td><td>${escapeHtml(k.role)}</td><td>${escapeHtml(k.method)}</td><td>${escapeHtml(k.outcome)}</td><td>${escapeHtml(k.detail)}</td><td>${k.maxDeviation === undefined ? '' : escapeHtml(k.maxDeviation)}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  return [
    `<article class="claim v-${escapeHtml(c.verdict)}" id="${claimAnchor(c)}">`,
    `<h3>${badge(c.verdict)} <span class="id">${escapeHtml(c.id)}</span> <span class="loc">${escapeHtml(c.location)}</span></h3>`,
    `<p class="statement">${escapeHtml(c.statement)}</p>`,
    `<dl class="tex">${tex.join('')}</dl>`,
    `<dl class="evidence">${facts.join('')}</dl>`,
    checks,
    '</article>',
  ].join('\n');
}

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#fff;margin:0}
main{max-width:62rem;margin:0 auto;padding:1.5rem}
h1{margin:.2rem 0}h2{border-bottom:1px solid #d0d7de;padding-bottom:.2rem;margin-top:2rem}
.paper{color:#57606a;margin-top:0}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}
table.counts td{text-align:right;font-variant-numeric:tabular-nums;min-width:3rem}
table.checks{font-size:.85rem;width:100%}
.badge{display:inline-block;border-radius:1rem;padding:0 .6rem;font-size:.8rem;font-weight:600;vertical-align:middle;color:#fff}
.v-verified{background:#1a7f37}.v-erratum{background:#bf8700}.v-supported{background:#0969da}.v-failed{background:#cf222e}.v-inconclusive{background:#8250df}.v-not-checkable{background:#6e7781}
article.claim{border:1px solid #d0d7de;border-left-width:6px;border-radius:6px;padding:.2rem 1rem .8rem;margin:1rem 0;background:#fff}
article.claim.v-verified{border-left-color:#1a7f37}article.claim.v-erratum{border-left-color:#bf8700}article.claim.v-supported{border-left-color:#0969da}article.claim.v-failed{border-left-color:#cf222e}
article.claim.v-inconclusive{border-left-color:#8250df}article.claim.v-not-checkable{border-left-color:#6e7781}
article.claim h3{margin:.6rem 0 .3rem}.id{font-family:ui-monospace,monospace}.loc{color:#57606a;font-weight:400}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.5rem 0}dt{font-weight:600;color:#57606a}dd{margin:0;overflow-x:auto}
dl.tex dd .katex-display{margin:.2rem 0;text-align:left}.katex-display>.katex{text-align:left}
dd.corrected{background:#fff8c5}
ul.points{margin:.2rem 0;padding-left:1.2rem;font-size:.85rem}
tr.o-fail td{background:#ffebe9}tr.o-inconclusive td{background:#fbefff}
.tex-error{color:#cf222e}.tex-error-mark{font-weight:700}
.errata li,.failures li,.baseline li{margin:.3rem 0}
`;

export function renderHtml(report: Report, figures: readonly ReportFigure[] = []): string {
  const p = report.parameters;
  const counts = SUMMARY_ROWS.map((r) => `<tr><th>${badge(r.verdict)}</th><td data-count="${r.key}">${report.summary[r.key]}</td></tr>`).join('');
  const parts: string[] = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">`,
    '<title>ergocheck report: Ergotropy from coherences in an open quantum system</title>',
    `<style>${katexCss()}</style>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<h1>ergocheck report</h1>',
    `<p class="paper">Ergotropy from coherences in an open quantum system (Çakmak): <span data-count="claims">${report.claims.length}</span> claims checked.</p>`,
    '<section id="summary">',
    '<h2>Summary</h2>',
    `<table class="counts"><tbody>${counts}</tbody></table>`,
  ];
  const errata = report.claims.filter((c) => c.verdict === 'erratum');
  if (errata.length > 0) {
    parts.push('<h3>Errata</h3>', '<ul class="errata">');
    for (const c of errata) parts.push(`<li><a href="#${claimAnchor(c)}">${escapeHtml(c.id)}</a> (${escapeHtml(c.location)}): corrected ${texField(c.corrected ?? '', false)}</li>`);
    parts.push('</ul>');
  }
  const bad = report.claims.filter((c) => c.verdict === 'failed' || c.verdict === 'inconclusive');
  if (bad.length > 0) {
    parts.push('<h3>Failed and inconclusive</h3>', '<ul class="failures">');
    for (const c of bad) parts.push(`<li><a href="#${claimAnchor(c)}">${escapeHtml(c.id)}</a> (${escapeHtml(c.location)}): ${badge(c.verdict)} ${escapeHtml(failureDetail(c))}</li>`);
    parts.push('</ul>');
  }
  if (report.baseline !== null) {
    const b = report.baseline;
    parts.push('<h3>Baseline</h3>', `<p>Compared with <code>${escapeHtml(b.file)}</code>: <span data-count="baseline-changes">${b.changes.length}</span> change${b.changes.length === 1 ? '' : 's'}.</p>`);
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
      : ['<section id="figures">', '<h2>Figures</h2>', ...figures.map((f) => `<figure><h3>${escapeHtml(f.title)}</h3>${f.svg}<figcaption>${escapeHtml(f.caption)}</figcaption></figure>`), '</section>']),
    '<section id="claims">',
    '<h2>Claims</h2>',
    ...report.claims.map(claimArticle),
    '</section>',
    '</main>',
    '</body>',
    '</html>',
    '',
  );
  return parts.join('\n');
}
