/**
 * report.html as markup (the browser tests check how it behaves): self-contained, one script
 * admitted by its hash, every verdict of the claim model as a filter, claims grouped by the
 * paper's sections with per-verdict counts, evidence open in the markup (so the page is complete
 * without JavaScript), and TeX typeset with extra break points that change nothing but wrapping.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import katex from 'katex';
import { VERDICTS, type CheckedClaim, type Verdict } from '../../src/claims/claim.js';
import { breakableTex, renderHtml, verdictsOf } from '../../src/report/html.js';
import { PAGE_SCRIPT } from '../../src/report/html-script.js';
import { groupBySection, locationOutline } from '../../src/report/outline.js';
import type { Report } from '../../src/report/report.js';
import { PAPER_OUTLINE } from '../../proofs/outline.js';
import { syntheticReport } from './fixture.js';

const baseline: Report = JSON.parse(readFileSync('docs/baseline/report.json', 'utf8'));

/** The markup of the element with this id, up to its closing tag (no nesting of the same tag inside). */
function element(html: string, id: string, tag: string): string {
  const start = html.indexOf(`<${tag} `, html.lastIndexOf(`<${tag}`, html.indexOf(` id="${id}"`)));
  return html.slice(start, html.indexOf(`</${tag}>`, start) + tag.length + 3);
}

describe('report.html: one self-contained page', () => {
  const html = renderHtml(syntheticReport());
  it('no external URL, fonts as data: URIs, a CSP forbidding the network', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/(src|href)="(?!#|data:)/);
    expect(html).not.toMatch(/url\((?!data:)/);
    expect(html).toContain('url(data:font/woff2;base64,');
    expect(html).toContain("default-src 'none'");
  });
  it('one inline script, admitted by the SHA-256 of its text and by nothing else', () => {
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toEqual([PAGE_SCRIPT]);
    const hash = createHash('sha256').update(scripts[0], 'utf8').digest('base64');
    expect(html).toContain(`script-src 'sha256-${hash}'`);
    expect(html).not.toContain('unsafe-eval');
    expect(html).not.toMatch(/script-src[^;"]*unsafe-inline/);
  });
});

describe('report.html: figures', () => {
  it('each figure with its title and caption; C_l1 in a caption with a subscript', () => {
    const html = renderHtml(syntheticReport(), [{ file: 'fig2.svg', title: 'Fig. 2', caption: 'C_l1 and W <of> the states', svg: '<svg></svg>' }]);
    expect(html).toContain('<figure><h3>Fig. 2</h3><svg></svg><figcaption>C<sub>l1</sub> and W &lt;of&gt; the states</figcaption></figure>');
    expect(html).toContain('<li><a href="#_figures">Figures</a></li>');
  });
});

describe('report.html: verdicts, filters and counts', () => {
  const r = syntheticReport();
  const html = renderHtml(r);
  it('a checkbox and a count for every verdict of the claim model, in its order', () => {
    const boxes = [...html.matchAll(/<input type="checkbox" value="([^"]+)" checked>/g)].map((m) => m[1]);
    expect(boxes).toEqual([...VERDICTS]);
    for (const v of VERDICTS) {
      const n = r.claims.filter((c) => c.verdict === v).length;
      expect(html).toContain(`<td data-count="${v}">${n}</td>`);
      expect(html).toContain(`<span class="n" data-count="${v}">${n}</span>`);
    }
    expect(html).toContain('<td data-count="not-checkable">1</td>');
  });
  it('a verdict the page has never heard of still gets its filter, count and badge', () => {
    const odd = { ...r.claims[0], id: 'z-new', verdict: 'newly-invented' as Verdict };
    const page = renderHtml({ ...r, claims: [...r.claims, odd] });
    expect(verdictsOf([...r.claims, odd])).toEqual([...VERDICTS, 'newly-invented']);
    expect(page).toContain('<input type="checkbox" value="newly-invented" checked>');
    expect(page).toContain('<td data-count="newly-invented">1</td>');
    expect(page).toContain('<span class="badge v-newly-invented">newly invented</span>');
    expect(page).toMatch(/<article class="claim v-newly-invented" id="z-new" data-verdict="newly-invented"/);
  });
  it('TeX KaTeX cannot parse is shown as the field wrote it, with the marker', () => {
    expect(html.match(/class="tex-error"/g)).toHaveLength(1);
    expect(element(html, 'g-bad-tex', 'article')).toContain('<code>\\frac{a</code>');
  });
  it('the controls are hidden in the markup (they need the script), the evidence is open (so all shows without it)', () => {
    expect(html).toContain('<div id="_controls" hidden>');
    expect(html.match(/<details class="evidence" open>/g)).toHaveLength(r.claims.length);
    expect(html.match(/<article class="claim /g)).toHaveLength(r.claims.length);
  });
  it('each claim carries its id as element id and link, its verdict, and its searchable text in lower case, escaped', () => {
    const a = element(html, 'a-verified', 'article');
    expect(a).toMatch(
      /^<article class="claim v-verified" id="a-verified" data-verdict="verified" data-search="a-verified eq\. \(10\), branch a-verified x &lt;script&gt;alert\(&quot;&amp;&quot;\)/,
    );
    expect(a).toContain('<a class="id" href="#a-verified">a-verified</a>');
  });
});

describe('report.html: sections', () => {
  it('without an outline, claims are grouped by the section their location names', () => {
    const claims = [
      { location: 'Sec. IV A, text after Eq. (8)' },
      { location: 'Eq. (10), branch c = 1' },
      { location: 'Appendix A, (A1)' },
      { location: 'Sec. IV A, end' },
      { location: 'Fig. 3(b) (beyond the paper: …)' },
    ] as CheckedClaim[];
    const groups = groupBySection(claims, locationOutline(claims));
    expect(groups.map((g) => [g.section.key, g.claims.length])).toEqual([
      ['Sec. IV A', 2],
      ['Eq. (10)', 1],
      ['Appendix A', 1],
      ['Beyond the paper', 1],
    ]);
  });
  it("with the paper's outline, every claim of the real report lands in the section that holds it, in the paper's order", () => {
    const groups = groupBySection(baseline.claims, PAPER_OUTLINE);
    // the report now also checks a sentence of the Abstract and one of Sec. V (Conclusions), which stand first and before the appendices
    expect(groups.map((g) => g.section.key)).toEqual([
      'Abstract',
      'Sec. II',
      'Sec. III',
      'Sec. IV',
      'Sec. IV A',
      'Sec. IV B',
      'Sec. IV B 1',
      'Sec. IV B 2',
      'Conclusions',
      'Appendix A',
      'Appendix B',
      'Beyond the paper',
    ]);
    expect(groups.reduce((n, g) => n + g.claims.length, 0)).toBe(baseline.claims.length);
    const sectionOf = new Map(groups.flatMap((g) => g.claims.map((c) => [c.id, g.section.key])));
    // read off the paper: Eq. (2) in Sec. II, Eqs. (7)–(12) and Fig. 1 in Sec. IV A, Eqs. (13)–(16) and Fig. 2 in Sec. IV B 1, Fig. 3 in Sec. IV B 2
    expect(sectionOf.get('eq2-double-sum')).toBe('Sec. II');
    expect(sectionOf.get('eq10-c-one')).toBe('Sec. IV A');
    expect(sectionOf.get('fig1-curves')).toBe('Sec. IV A');
    expect(sectionOf.get('eq16-closed-form')).toBe('Sec. IV B 1');
    expect(sectionOf.get('fig2-caption-high-temperature')).toBe('Sec. IV B 1');
    expect(sectionOf.get('fig3-caption-high-temperature')).toBe('Sec. IV B 2');
    expect(sectionOf.get('appa-a1')).toBe('Appendix A');
    expect(sectionOf.get('appendix-b-b1')).toBe('Appendix B');
    expect(sectionOf.get('beyond-w-le-cl1-random')).toBe('Beyond the paper');
    expect(sectionOf.get('sec4-single-qubit-gibbs')).toBe('Sec. IV');
    expect(sectionOf.get('abstract-not-inverted')).toBe('Abstract');
    expect(sectionOf.get('sec5-solely-coherences')).toBe('Conclusions');
  });
  it("the paper's outline places every kind of location (table, edge rows first)", () => {
    const table: [string, string][] = [
      ['Abstract, first sentence', 'Abstract'],
      ['Conclusions, last paragraph', 'Conclusions'],
      ['Sec. V, end', 'Conclusions'],
      ['Eq. (1)', 'Sec. II'],
      ['Eq. (3)', 'Sec. II'],
      ['Eq. (4)', 'Sec. III'],
      ['Eq. (6)', 'Sec. III'],
      ['Eq. (7), definition of c', 'Sec. IV A'],
      ['Eq. (12) and the text before it', 'Sec. IV A'],
      ['Eqs. (13)–(14)', 'Sec. IV B 1'],
      ['Eq. (16)', 'Sec. IV B 1'],
      ['Eq. (A2)', 'Appendix A'],
      ['Eq. (B3)', 'Appendix B'],
      ['Fig. 1 caption', 'Sec. IV A'],
      ['Fig. 2', 'Sec. IV B 1'],
      ['Fig. 3 caption', 'Sec. IV B 2'],
      ['Sec. IV, introduction', 'Sec. IV'],
      ['Sec. IV B 2 and Fig. 3', 'Sec. IV B 2'],
      ['Appendix B, (B1)', 'Appendix B'],
      ['Fig. 3(b) (beyond the paper: W ≤ ωC_l1 for N > 2?), random initial states', 'Beyond the paper'],
    ];
    for (const [location, key] of table) expect(PAPER_OUTLINE.sectionOf(location), location).toBe(key);
    const keys = new Set(PAPER_OUTLINE.sections.map((x) => x.key));
    for (const [, key] of table) expect(keys.has(key), key).toBe(true);
  });
  it('the navigation lists each section with its per-verdict counts, linked to the section', () => {
    const html = renderHtml(baseline, [], { outline: PAPER_OUTLINE });
    const item = html.slice(html.indexOf('<li data-section="_s-appendix-a">'), html.indexOf('</li>', html.indexOf('<li data-section="_s-appendix-a">')));
    expect(item).toContain('<a href="#_s-appendix-a">Appendix A</a>');
    const counts = Object.fromEntries([...item.matchAll(/data-verdict="([^"]+)"[^>]*>(\d+)</g)].map((m) => [m[1], Number(m[2])]));
    const claims = baseline.claims.filter((c) => c.location.startsWith('Appendix A'));
    expect(counts).toEqual(Object.fromEntries(VERDICTS.map((v) => [v, claims.filter((c) => c.verdict === v).length])));
    expect(counts.erratum).toBe(1);
    expect(html).toContain('<section class="paper-section" id="_s-appendix-a">');
  });
});

describe('formulas wrap: breakableTex', () => {
  it('adds break points between the words of top-level \\text, after top-level spaces and commas, nowhere nested', () => {
    expect(breakableTex('\\text{a b c}')).toBe('\\text{a}\\allowbreak \\text{ b}\\allowbreak \\text{ c}');
    expect(breakableTex('x = 1, \\ y = 2')).toBe('x = 1,\\allowbreak  \\ \\allowbreak y = 2');
    expect(breakableTex('\\frac{a, b}{c}')).toBe('\\frac{a, b}{c}');
    expect(breakableTex('\\left( a, b \\right), c')).toBe('\\left( a, b \\right),\\allowbreak  c');
    expect(breakableTex('[0, 1, 0]^T')).toBe('[0, 1, 0]^T');
    expect(breakableTex('\\begin{cases} a, b \\end{cases}')).toBe('\\begin{cases} a, b \\end{cases}');
    expect(breakableTex('\\mathrm{x \\text{a b}}')).toBe('\\mathrm{x \\text{a b}}');
  });
  it('changes nothing but the break points: on every TeX field of the real report, it still parses, and without them it is the field', () => {
    let fields = 0;
    for (const c of baseline.claims) {
      for (const tex of [c.printed, c.derived, c.corrected]) {
        if (tex === null || tex.includes('$')) continue;
        const b = breakableTex(tex);
        expect(() => katex.renderToString(`\\displaystyle ${b}`, { throwOnError: true, strict: 'ignore' }), c.id).not.toThrow();
        expect(b.replace(/\\allowbreak /g, '').replace(/\}\\text\{/g, ''), c.id).toBe(tex.replace(/\}\\text\{/g, ''));
        fields++;
      }
    }
    expect(fields).toBeGreaterThan(100);
  });
});
