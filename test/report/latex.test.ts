/**
 * report.tex, the erratum note: checked structurally everywhere (ASCII only, every environment and
 * brace balanced, every formula parses with KaTeX, every erratum with its printed and corrected
 * forms, why and how), compiled with pdflatex where a TeX engine is installed, and written by
 * `verify --format tex`.
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import katex from 'katex';
import { latexMath, latexText, renderLatex } from '../../src/report/latex.js';
import type { Report } from '../../src/report/report.js';
import { runCli } from '../cli/run-cli.js';
import { HOSTILE, syntheticReport } from './fixture.js';

const run = promisify(execFile);
const baseline: Report = JSON.parse(readFileSync('docs/baseline/report.json', 'utf8'));
const PDFLATEX = ['/usr/bin/pdflatex', '/usr/local/bin/pdflatex'].find((p) => existsSync(p));
const PDFTOTEXT = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => existsSync(p));

/** The argument of each `\name{…}` (balanced braces, escaped braces skipped). */
function macroArguments(tex: string, name: string): string[] {
  const out: string[] = [];
  let at = tex.indexOf(`\\${name}{`);
  while (at >= 0) {
    let i = at + name.length + 2;
    let depth = 1;
    const start = i;
    for (; i < tex.length && depth > 0; i++) {
      if (tex[i] === '\\') i++;
      else if (tex[i] === '{') depth++;
      else if (tex[i] === '}') depth--;
    }
    out.push(tex.slice(start, i - 1));
    at = tex.indexOf(`\\${name}{`, i);
  }
  return out;
}

/** Inline formulas \(…\). */
const inlineFormulas = (tex: string): string[] => [...tex.matchAll(/\\\(([\s\S]*?)\\\)/g)].map((m) => m[1]);

/** The body of the document, after the preamble's macro definitions. */
const body = (tex: string): string => tex.slice(tex.indexOf('\\begin{document}'));

function expectWellFormed(tex: string): void {
  expect(tex).toMatch(/^[\x09\x0a\x20-\x7e]*$/);
  // environments nest properly
  const stack: string[] = [];
  for (const m of tex.matchAll(/\\(begin|end)\{([^}]*)\}/g)) {
    if (m[1] === 'begin') stack.push(m[2]);
    else expect(stack.pop(), `\\end{${m[2]}}`).toBe(m[2]);
  }
  expect(stack).toEqual([]);
  // braces balance (escaped ones aside) and \( \) pair up
  let depth = 0;
  for (let i = 0; i < tex.length; i++) {
    if (tex[i] === '\\') i++;
    else if (tex[i] === '{') depth++;
    else if (tex[i] === '}') expect(--depth).toBeGreaterThanOrEqual(0);
  }
  expect(depth).toBe(0);
  expect(tex.match(/\\\(/g)?.length ?? 0).toBe(tex.match(/\\\)/g)?.length ?? 0);
}

/** KaTeX parses the formula (\ensuremath is LaTeX's "math here" and means nothing more inside math). */
function expectParses(formula: string): void {
  expect(
    () => katex.renderToString(formula, { throwOnError: true, strict: 'ignore', displayMode: true, macros: { '\\ensuremath': '#1' } }),
    formula,
  ).not.toThrow();
}

describe('LaTeX text and formulas', () => {
  it('text: specials escaped, quotes paired, the Unicode of ergocheck as commands, anything else as its code point', () => {
    const table: [string, string][] = [
      ['a & b % c # d $ e', 'a \\& b \\% c \\# d \\$ e'],
      ['x_1 ^ {y} ~ \\', 'x\\_1 {\\char94} \\{y\\} {\\char126} \\ensuremath{\\backslash}'],
      ['a < b > c | d', 'a \\ensuremath{<} b \\ensuremath{>} c \\ensuremath{|} d'],
      ['"only when" and "so"', "``only when'' and ``so''"],
      ['ω ≤ β → ∞', '\\ensuremath{\\omega} \\ensuremath{\\leq} \\ensuremath{\\beta} \\ensuremath{\\to} \\ensuremath{\\infty}'],
      ['n̄ = Z₊ y²', '\\ensuremath{\\bar{n}} = Z\\ensuremath{_+} y\\ensuremath{^2}'],
      ['Çakmak — 1–2', '\\c{C}akmak --- 1--2'],
      ['☃', '\\texttt{[U+2603]}'],
    ];
    for (const [input, expected] of table) expect(latexText(input), input).toBe(expected);
    expect(latexText(HOSTILE).replace(/\\ensuremath\{[<>|]\}/g, '')).not.toMatch(/[<>\u0001]|(?<!\\)[&#%$_]/);
  });
  it('math: unchanged but for non-ASCII characters and line breaks', () => {
    expect(latexMath('\\frac{a}{b}')).toBe('\\frac{a}{b}');
    expect(latexMath('(k = 1…4)\n x')).toBe('(k = 1\\ensuremath{\\dots}4) x');
  });
});

describe('report.tex of the real report (docs/baseline/report.json)', () => {
  const tex = renderLatex(baseline);
  const errata = baseline.claims.filter((c) => c.verdict === 'erratum');
  it('is ASCII, with balanced environments and braces', () => {
    expectWellFormed(tex);
    expect(tex).not.toContain('[U+');
    expect(tex).toMatch(/^% report\.tex[^\n]*\n\\documentclass/);
  });
  it('every formula in it parses with KaTeX', () => {
    const formulas = [...macroArguments(body(tex), 'formula'), ...inlineFormulas(tex)];
    // printed and corrected of each erratum, derived forms of the results beyond the paper, inline math of prose fields
    expect(formulas.length).toBeGreaterThanOrEqual(2 * errata.length);
    for (const f of formulas) expectParses(f);
  });
  it('each erratum in order: where, printed, corrected, why, how verified', () => {
    let from = tex.indexOf('\\section*{Errata}');
    expect(from).toBeGreaterThan(0);
    for (const [i, c] of errata.entries()) {
      const at = tex.indexOf(`\\subsection*{${i + 1}.\\ ${latexText(c.location)}}`, from);
      expect(at, c.id).toBeGreaterThan(from);
      const next = tex.indexOf('\\subsection*', at + 1);
      const entry = tex.slice(at, next < 0 ? undefined : next);
      expect(entry).toMatch(/\\textbf\{Printed\.\}[\s\S]*\\textbf\{Corrected\.\}[\s\S]*\\textbf\{Why\.\}[\s\S]*\\textbf\{How verified\.\}/);
      expect(entry).toContain(c.printed.includes('$') ? latexText(c.printed.split('$')[0]) : `\\formula{${latexMath(c.printed)}}`);
      expect(entry).toContain(c.corrected?.includes('$') ? latexText(c.corrected.split('$')[0]) : `\\formula{${latexMath(c.corrected ?? '')}}`);
      expect(entry).toContain(`\\texttt{${c.id}}`);
      from = at;
    }
    expect(tex).toContain(`${errata.length} of them are misprinted`);
    const n = (v: string) => baseline.claims.filter((c) => c.verdict === v).length;
    expect(tex).toContain(`: ${n('verified')} verified, ${errata.length} errata, `);
  });
  it('lists the results beyond the paper', () => {
    const beyond = tex.slice(tex.indexOf('\\section*{Beyond the paper}'));
    const ids = baseline.claims.filter((c) => c.location.includes('beyond the paper')).map((c) => c.id);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(beyond).toContain(`\\texttt{${id}}`);
  });
});

describe.skipIf(PDFLATEX === undefined)(
  `report.tex compiles with pdflatex (installed at ${PDFLATEX ?? 'nowhere: skipped, the structural checks above still run'})`,
  () => {
    async function compile(tex: string): Promise<{ dir: string; log: string }> {
      const dir = mkdtempSync(join(tmpdir(), 'ergocheck-tex-'));
      writeFileSync(join(dir, 'report.tex'), tex);
      await run(PDFLATEX as string, ['-interaction=nonstopmode', '-halt-on-error', '-no-shell-escape', 'report.tex'], { cwd: dir, timeout: 30_000 });
      return { dir, log: readFileSync(join(dir, 'report.log'), 'latin1') };
    }
    it('the real report: no error, no missing character, no font made on the fly; the PDF reads as the note', async () => {
      const { dir, log } = await compile(renderLatex(baseline));
      expect(log).not.toMatch(/^! /m);
      expect(log).not.toContain('Missing character');
      expect(log.replace(/\n/g, '')).not.toMatch(/\.\d+pk\b/); // bitmap (Metafont) fonts would mean a glyph from an uninstalled encoding
      expect(readdirSync(dir)).toContain('report.pdf');
      if (PDFTOTEXT !== undefined) {
        const { stdout } = await run(PDFTOTEXT, [join(dir, 'report.pdf'), '-'], { timeout: 20_000 });
        const text = stdout.replace(/\s+/g, ' ');
        expect(text).toContain('Errata to “Ergotropy from coherences in an open quantum system”');
        for (const c of baseline.claims.filter((x) => x.verdict === 'erratum')) expect(text, c.id).toContain(c.id);
        expect(text).toContain('Beyond the paper');
      }
    }, 40_000);
    it('hostile text compiles too', async () => {
      const { log } = await compile(renderLatex(syntheticReport()));
      expect(log).not.toMatch(/^! /m);
    }, 40_000);
  },
);

describe('verify --format tex', () => {
  it('writes report.tex alone, and it is the note of the run', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ergocheck-tex-cli-')), 'report');
    const r = await runCli('verify', '--only', 'eq10', '--format', 'tex', '--fig3', '0', '--quiet', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`report: ${join(out, 'report.tex')}`);
    expect(readdirSync(out)).toEqual(['.ergocheck-manifest.json', 'report.tex']);
    const tex = readFileSync(join(out, 'report.tex'), 'utf8');
    expectWellFormed(tex);
    expect(tex).toContain('We checked 2 statements of the paper');
    expect(tex).toContain('\\subsection*{1.\\ Eq. (10), branch c = 1}');
  }, 30_000);
  it('is named in the help and in the message for an unknown format', async () => {
    expect((await runCli('verify', '--help')).out).toMatch(/--format F\s+the files to write, comma-separated from md, html, json, junit, tex/);
    const r = await runCli('verify', '--format', 'pdf', '--only', 'eq10');
    expect(r.code).toBe(2);
    expect(r.err).toContain('(formats: md, html, json, junit, tex)');
  });
});
