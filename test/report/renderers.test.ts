import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { renderHtml, typeset } from '../../src/report/html.js';
import { renderJson } from '../../src/report/json.js';
import { escapeXml, renderJunit } from '../../src/report/junit.js';
import { mdText, renderMarkdown } from '../../src/report/markdown.js';
import { renderSummaryTable } from '../../src/report/summary-table.js';
import { sectionOf } from '../../src/report/report.js';
import { texParts } from '../../src/report/tex.js';
import { HOSTILE, syntheticReport } from './fixture.js';

const Ajv = Ajv2020 as unknown as typeof Ajv2020.default;
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addSchema(JSON.parse(readFileSync('docs/claim.schema.json', 'utf8')));
const validate = ajv.compile(JSON.parse(readFileSync('docs/report.schema.json', 'utf8')));

describe('escaping: hostile text stays text', () => {
  it('HTML: <script> and & in a statement are escaped, never markup (the page has its own script only)', () => {
    const html = renderHtml(syntheticReport());
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toContain('alert("');
    expect(html).toContain('x &lt;script&gt;alert(&quot;&amp;&quot;)&lt;/script&gt; &amp; y &#39; ]]&gt;');
  });
  it('XML: <script>, &, quotes, ]]> are escaped and forbidden control characters dropped', () => {
    const xml = renderJunit(syntheticReport(), { strict: false });
    expect(xml).not.toContain('<script');
    expect(xml).not.toContain('\u0001');
    expect(escapeXml(HOSTILE)).toBe('x &lt;script&gt;alert(&quot;&amp;&quot;)&lt;/script&gt; &amp; y &apos; ]]&gt; ');
    // every & starts an entity
    expect(xml.match(/&(?!(amp|lt|gt|quot|apos);)/g)).toBeNull();
  });
  it('Markdown: no raw HTML, emphasis or math from plain text', () => {
    expect(mdText('a <b> & *c* _d_ $e$ |f|')).toBe('a &lt;b&gt; &amp; \\*c\\* \\_d\\_ \\$e\\$ \\|f\\|');
    expect(renderMarkdown(syntheticReport())).not.toContain('<script');
  });
});

describe('TeX', () => {
  it('a field with $ is prose with inline math, any other field one formula', () => {
    expect(texParts('\\frac{a}{b}')).toEqual([{ math: true, text: '\\frac{a}{b}' }]);
    expect(texParts('x $a$ y $b$')).toEqual([
      { math: false, text: 'x ' },
      { math: true, text: 'a' },
      { math: false, text: ' y ' },
      { math: true, text: 'b' },
    ]);
  });
  it('TeX KaTeX cannot parse is shown escaped with a visible marker', () => {
    const html = typeset('\\frac{a<b', true);
    expect(html).toContain('tex-error');
    expect(html).toContain('⚠ TeX not typeset');
    expect(html).toContain('<code>\\frac{a&lt;b</code>');
    expect(html).not.toContain('class="katex"');
  });
  it('TeX KaTeX can parse is typeset', () => {
    expect(typeset('\\frac{a}{b}', false)).toMatch(/^<span class="katex">/);
  });
});

describe('report.md', () => {
  const md = renderMarkdown(syntheticReport());
  it('starts with the summary: counts, errata with corrected forms, failures, run parameters', () => {
    const summary = md.slice(0, md.indexOf('## Claims'));
    expect(summary).toContain('| verified | 2 |');
    expect(summary).toContain('| erratum | 2 |');
    expect(summary).toContain('| failed | 1 |');
    expect(summary).toContain('| inconclusive | 1 |');
    expect(summary).toContain('| not checkable | 1 |');
    expect(summary).toContain('corrected $\\frac{b}{a}$');
    expect(summary).toContain('corrected holds for $c \\geq 1/2$ &amp; not for $c < 1/2$');
    expect(summary).toMatch(/c-failed.*failed: consistency: equal/);
    for (const s of [
      'precision: 50 digits',
      'seed: 7',
      'tool: ergocheck 0.0.0-test',
      'node: v20.0.0',
      'started: 2024-01-02T03:04:05.000Z',
      'check time: 0.875 s',
    ])
      expect(summary).toContain(s);
  });
  it('then each claim with printed/derived/corrected TeX in $$…$$ and its evidence', () => {
    const b = md.slice(md.indexOf('### b-erratum'), md.indexOf('### c-failed'));
    expect(b).toContain('**Verdict: erratum**');
    expect(b).toContain('Printed:\n\n$$\n\\frac{a}{b}\n$$');
    expect(b).toContain('Corrected:\n\n$$\n\\frac{b}{a}\n$$');
    expect(b).toContain('- points probed: 2 (first: c = 0.25; c = 0.5)');
    expect(b).toContain('- largest deviation: 1e-60');
    expect(b).toContain('- differs where: everywhere');
    expect(b).toContain('- time taken: 0.125 s');
    expect(b).toContain('| probe | printed | numeric-probe | fail | agree at 2 points | 1e-60 |');
  });
});

describe('report.json', () => {
  it('is the Report, valid against docs/report.schema.json', () => {
    const r = syntheticReport();
    const json = JSON.parse(renderJson(r));
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(Object.keys(json)).toEqual(['tool', 'parameters', 'summary', 'claims', 'baseline']);
    expect(json.summary).toEqual({ verified: 2, erratum: 2, supported: 0, failed: 1, inconclusive: 1, notCheckable: 1 });
    expect(json.claims).toEqual(r.claims);
  });
  it('the schema rejects a malformed report', () => {
    const json = JSON.parse(renderJson(syntheticReport()));
    expect(validate({ ...json, summary: { verified: 1 } })).toBe(false);
    expect(validate({ ...json, claims: [{ ...json.claims[0], verdict: 'fine' }] })).toBe(false);
    expect(validate({ ...json, extra: 1 })).toBe(false);
  });
});

describe('report.junit.xml', () => {
  const r = syntheticReport();
  it('one testcase per claim, classname = location section; failed → failure, inconclusive and not-checkable → skipped', () => {
    const xml = renderJunit(r, { strict: false });
    expect(xml.match(/<testcase /g)).toHaveLength(r.claims.length);
    expect(xml).toContain(`classname="${sectionOf(r.claims[0].location)}"`);
    expect(sectionOf('Eq. (10), branch c = 1')).toBe('Eq. (10)');
    expect(xml).toMatch(/name="c-failed"[^>]*>\n\s*<failure type="failed"/);
    expect(xml).toMatch(/name="d-inconclusive"[^>]*>\n\s*<skipped message="inconclusive: /);
    expect(xml).toMatch(/name="e-not-checkable"[^>]*>\n\s*<skipped message="not checkable: no formula"/);
    expect(xml).toMatch(/<testsuite name="ergocheck" tests="7" failures="1" errors="0" skipped="2"/);
  });
  it('an erratum is system-out without --strict, a failure with it', () => {
    expect(renderJunit(r, { strict: false })).toMatch(/name="b-erratum"[^>]*>\n\s*<system-out>erratum: /);
    const strict = renderJunit(r, { strict: true });
    expect(strict).toMatch(/name="b-erratum"[^>]*>\n\s*<failure type="erratum" message="erratum: corrected \\frac\{b\}\{a\}"/);
    expect(strict).toMatch(/<testsuite name="ergocheck" tests="7" failures="3"/);
  });
  it('baseline changes are one more failing testcase', () => {
    const withBaseline = {
      ...r,
      baseline: {
        file: 'b.json',
        changes: [{ kind: 'claim-added' as const, id: 'x', field: null, before: null, after: 'verified', message: 'x: new claim' }],
        notes: [],
      },
    };
    const xml = renderJunit(withBaseline, { strict: false });
    expect(xml).toMatch(/<testcase name="baseline" classname="baseline" time="0">\n\s*<failure type="baseline"/);
    expect(xml).toMatch(/tests="8" failures="2"/);
  });
});

describe('summary table', () => {
  it('counts, errata with corrected forms, failures, files written', () => {
    const t = renderSummaryTable(syntheticReport(), ['out/report.md']);
    expect(t).toMatch(/^ {2}verified\s+2$/m);
    expect(t).toMatch(/^ {2}not checkable\s+1$/m);
    // the terminal shows readable text, the reports keep the TeX
    expect(t).toContain('b-erratum (Eq. (9), branch b-erratum): b/a');
    expect(t).toContain('FAILED c-failed');
    expect(t).toContain('report: out/report.md');
  });
});

describe('probe points for display', () => {
  it('integers and short decimals as they are, fractions and long decimals to 12 digits, marked ≈', async () => {
    const { shortValue } = await import('../../src/report/report.js');
    expect(shortValue('50')).toBe('50');
    expect(shortValue('0.25')).toBe('0.25');
    expect(shortValue('1/4')).toBe('0.25');
    expect(shortValue('3795815703910049/500000000000000')).toBe('≈7.59163140782');
    expect(shortValue('0.12345678901234567890')).toBe('≈0.123456789012');
  });
});
