/**
 * The stylesheet of report.html: a sticky side navigation on wide screens (on top on narrow ones),
 * claims as cards with their evidence in <details>, formulas that wrap at operators and, when one
 * piece is still too wide, scroll with a visible scrollbar and an edge shadow; and a print
 * stylesheet: no navigation or controls, evidence open, claims starting on a new page, formulas
 * scaled to the page width (--fit, set by the page script). An erratum never breaks inside, so its
 * labels drop the break-after: avoid of the claims' labels: with both, Chromium pushed the whole
 * errata list off the first page.
 */

/** Badge colours of the verdicts; a verdict not listed here gets the neutral grey of `.badge`. */
export const VERDICT_COLORS: Readonly<Record<string, string>> = {
  verified: '#1a7f37',
  supported: '#0969da',
  erratum: '#bf8700',
  failed: '#cf222e',
  inconclusive: '#8250df',
  'not-checkable': '#6e7781',
};

/** The CSS class of a verdict (verdicts are lower-case words joined by hyphens). */
export const verdictClass = (verdict: string): string => `v-${verdict.replace(/[^a-z0-9-]/gi, '-')}`;

const verdictRules = (): string =>
  Object.entries(VERDICT_COLORS)
    .map(
      ([v, color]) => `.badge.${verdictClass(v)},.tally .${verdictClass(v)}{background:${color}}article.claim.${verdictClass(v)}{border-left-color:${color}}`,
    )
    .join('\n');

export function htmlStyle(): string {
  return `
:root{--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--nav:17rem}
*{box-sizing:border-box}
html{scroll-padding-top:1rem}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:#fff;margin:0}
.layout{display:grid;grid-template-columns:var(--nav) minmax(0,1fr);min-height:100vh;background:linear-gradient(to right,#f6f8fa var(--nav),#fff var(--nav))}
nav.toc{position:sticky;top:0;align-self:start;max-height:100vh;overflow-y:auto;padding:1rem .8rem 2rem 1rem;border-right:1px solid var(--line);background:#f6f8fa;font-size:.88rem}
nav.toc .brand{font-weight:700;margin:0 0 .5rem}
nav.toc ul{list-style:none;margin:0;padding:0}nav.toc li{margin:.15rem 0}
nav.toc a{color:#0969da;text-decoration:none}nav.toc a:hover{text-decoration:underline}
nav.toc .sections li{display:flex;justify-content:space-between;align-items:baseline;gap:.4rem;padding:.1rem .2rem;border-radius:4px}
nav.toc .sections li.none{opacity:.45}
nav.toc h2{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);border:0;margin:1rem 0 .3rem;padding:0}
.tally{display:inline-flex;gap:2px;flex-wrap:wrap;justify-content:flex-end}
.tally span{display:inline-block;min-width:1.3rem;padding:0 .25rem;border-radius:.6rem;color:#fff;background:#57606a;font-size:.72rem;font-weight:600;text-align:center;font-variant-numeric:tabular-nums}
.tally span.zero{display:none}
#_controls fieldset{border:0;margin:0;padding:0}
#_controls label{display:flex;align-items:center;gap:.35rem;margin:.1rem 0;cursor:pointer}
#_controls label .n{margin-left:auto;color:var(--muted);font-variant-numeric:tabular-nums}
#_controls input[type=search]{width:100%;font:inherit;padding:.3rem .4rem;border:1px solid var(--line);border-radius:4px;margin:.2rem 0}
#_controls button{font:inherit;font-size:.8rem;margin-top:.3rem;padding:.1rem .5rem;border:1px solid var(--line);border-radius:4px;background:#fff;cursor:pointer}
#_status{color:var(--muted);margin:.4rem 0}
main{max-width:64rem;padding:1.5rem 2rem;min-width:0}
h1{margin:.2rem 0}h2{border-bottom:1px solid var(--line);padding-bottom:.2rem;margin-top:2rem}
h3.section{margin:2rem 0 .5rem;font-size:1.15rem;color:#24292f}
.paper{color:var(--muted);margin-top:0}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top}
table.counts td{text-align:right;font-variant-numeric:tabular-nums;min-width:3rem}
table.checks{font-size:.85rem;width:100%}
.table-wrap{overflow-x:auto}
.badge{display:inline-block;border-radius:1rem;padding:0 .6rem;font-size:.8rem;font-weight:600;vertical-align:middle;color:#fff;background:#57606a;white-space:nowrap}
${verdictRules()}
article.claim{border:1px solid var(--line);border-left:6px solid #57606a;border-radius:6px;padding:.2rem 1rem .6rem;margin:1rem 0;background:#fff}
article.claim:target,article.claim.target{box-shadow:0 0 0 3px #54aeff66}
article.claim h4{margin:.6rem 0 .3rem;font-size:1rem}
a.id{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;color:inherit;text-decoration:none}a.id:hover{text-decoration:underline}
.loc{color:var(--muted);font-weight:400}
dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.2rem 1rem;margin:.5rem 0}dt{font-weight:600;color:var(--muted)}dd{margin:0;min-width:0}
dd.corrected{background:#fff8c5}
.math{--bg:#fff;overflow-x:auto;overflow-y:hidden;max-width:100%;padding:.35rem 0;scrollbar-width:thin;scrollbar-color:#8c959f transparent;
background:linear-gradient(to right,var(--bg) 30%,#fff0) left/2rem 100% no-repeat local,linear-gradient(to left,var(--bg) 30%,#fff0) right/2rem 100% no-repeat local,
radial-gradient(farthest-side at 0 50%,#0003,#0000) left/.6rem 100% no-repeat scroll,radial-gradient(farthest-side at 100% 50%,#0003,#0000) right/.6rem 100% no-repeat scroll}
dd.corrected .math{--bg:#fff8c5}
.math>.katex{font-size:1.1em}
.prose .katex{white-space:nowrap}
details.evidence{margin:.4rem 0 0;border-top:1px dashed var(--line);padding-top:.3rem}
details.evidence>summary{cursor:pointer;color:var(--muted);font-size:.9rem}
details.evidence>summary b{color:var(--fg)}
ul.points{margin:.2rem 0;padding-left:1.2rem;font-size:.85rem}
tr.o-fail td{background:#ffebe9}tr.o-inconclusive td{background:#fbefff}
.tex-error{color:#cf222e}.tex-error-mark{font-weight:700}
ul.errata{padding-left:1.2rem}ul.errata>li{margin:.6rem 0}
ul.errata dl{margin:.2rem 0 0}
.failures li,.baseline li{margin:.3rem 0}
figure{margin:1rem 0}figure svg{max-width:100%;height:auto}
.print-only{display:none}
@media screen and (max-width:900px){
.layout{display:block;background:none}
nav.toc{position:static;max-height:none;border-right:0;border-bottom:1px solid var(--line);padding:.8rem 1rem}
nav.toc>ul:first-of-type,#_filters,nav.toc ul.sections{display:flex;flex-wrap:wrap;gap:.2rem 1rem}
#_controls label .n{margin-left:0}
nav.toc h2{margin:.6rem 0 .2rem}
main{padding:1rem}
dl{grid-template-columns:minmax(0,1fr)}dt{margin-top:.3rem}
}
@media print{
@page{size:auto;margin:14mm 13mm}
:root{--fit:1}
body{font-size:10pt}
nav.toc,#_controls,#_status,.no-print{display:none!important}
.print-only{display:block}
.layout{display:block;background:none;min-height:0}
main{max-width:none;padding:0}
h2{margin-top:1rem}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
a{color:inherit;text-decoration:none}
section[hidden],article[hidden]{display:block!important}
details.evidence::details-content{content-visibility:visible;display:contents}
details.evidence>summary{list-style:none;color:var(--fg);font-weight:600}
details.evidence>summary::-webkit-details-marker{display:none}
.math{overflow:visible;background:none}
.math>.katex{font-size:calc(1.1em * var(--fit))}
#_figures,#_claims{break-before:page}
figure{break-inside:avoid}figure svg{max-height:115mm;width:auto}
article.claim{box-shadow:none!important;border-left-width:4px;padding:.1rem .6rem .4rem;margin:.6rem 0}
article.claim h4,h3.section{break-after:avoid}
article.claim .head,dl.tex,ul.points,dt{break-inside:avoid}
dt{break-after:avoid}
table.checks{font-size:8pt}tr{break-inside:avoid}
ul.errata>li{break-inside:avoid}ul.errata dt{break-after:auto}
}
`;
}
