/**
 * report.html in a real headless browser (Debian's chromium, driven by playwright-core; no browser
 * is downloaded): it loads offline with no console error and no request, every formula of the
 * real report (docs/baseline/report.json, all claims) is typeset, and the counts shown are those
 * of the claims; and the page `verify` writes (a small selection, so the run stays short) shows
 * the counts of its report.json and its figures. Saves test-results/report.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { VERDICTS } from '../../src/claims/claim.js';
import { runCli } from '../cli/run-cli.js';
import { baselinePage, CHROMIUM, HAS_CHROMIUM, launchChromium } from './browser-helpers.js';

/** Formulas a TeX field yields: prose with $…$ has one per pair, any other field one. */
const formulas = (tex: string | null): number => (tex === null ? 0 : tex.includes('$') ? Math.floor(tex.split('$').length / 2) : 1);

describe.skipIf(!HAS_CHROMIUM)(`report.html in headless chromium (needs Debian chromium at ${CHROMIUM}, apt-get install chromium; skipped without it)`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync('test-results', { recursive: true });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** Load a page; collect console errors, page errors, failed requests and every request made. */
  async function load(url: string): Promise<{ page: Page; problems: string[]; requests: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1600 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url, { waitUntil: 'load' });
    // (page code as strings: the test is compiled without the DOM library)
    await page.evaluate('document.fonts.ready.then(() => true)');
    return { page, problems, requests };
  }

  it('the real report: loads offline, typesets every formula, no raw TeX outside KaTeX, counts of the claims', async () => {
    const { url, report } = await baselinePage(true);
    const { page, problems, requests } = await load(url);
    expect(problems).toEqual([]);
    // the page itself, and its fonts as data: URIs: nothing from the network
    expect(requests.filter((u) => u !== url && !u.startsWith('data:'))).toEqual([]);

    // every TeX field typeset: printed, derived, corrected of each claim, and printed and corrected again in the errata list
    let expected = 0;
    for (const c of report.claims) expected += formulas(c.derived) + (formulas(c.printed) + formulas(c.corrected)) * (c.verdict === 'erratum' ? 2 : 1);
    expect(await page.locator('.katex').count()).toBe(expected);
    expect(await page.locator('.tex-error, .katex-error').count()).toBe(0);
    const outside = await page.evaluate<string>(`(() => {
      const clone = document.body.cloneNode(true);
      clone.querySelectorAll('.katex, script').forEach((k) => k.remove());
      return clone.textContent;
    })()`);
    expect(outside).not.toMatch(/\\(frac|omega|beta|mathcal|langle|text|allowbreak|displaystyle)\b/);
    // KaTeX fonts loaded from the embedded data
    expect(await page.evaluate<boolean>(`document.fonts.check('16px KaTeX_Main')`)).toBe(true);

    for (const v of VERDICTS)
      expect(await page.locator(`td[data-count="${v}"]`).textContent(), v).toBe(String(report.claims.filter((c) => c.verdict === v).length));
    expect(await page.locator('[data-count="claims"]').textContent()).toBe(String(report.claims.length));
    expect(await page.locator('article.claim').count()).toBe(report.claims.length);
    expect(await page.locator('figure svg').count()).toBe(2);
    await page.screenshot({ path: 'test-results/report.png' });
    await page.close();
  }, 40_000);

  it('the page verify writes: no console error, the counts of its report.json, Figs. 1–3', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ergocheck-browser-')), 'report');
    expect((await runCli('verify', '--only', 'eq10,appa', '--fig3', '200', '--quiet', '--out', out, '--format', 'html,json')).code).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const url = pathToFileURL(join(out, 'report.html')).href;
    const { page, problems, requests } = await load(url);
    expect(problems).toEqual([]);
    expect(requests.filter((u) => u !== url && !u.startsWith('data:'))).toEqual([]);
    const summaryKey: Record<string, string> = { 'not-checkable': 'notCheckable' };
    for (const v of VERDICTS) expect(await page.locator(`td[data-count="${v}"]`).textContent(), v).toBe(String(report.summary[summaryKey[v] ?? v]));
    expect(await page.locator('article.claim').count()).toBe(report.claims.length);
    expect(await page.locator('figure svg').count()).toBe(4);
    expect(await page.locator('.tex-error, .katex-error').count()).toBe(0);
    // the claims sit under the paper's sections
    expect(await page.locator('section.paper-section > h3').allTextContents()).toEqual([
      'Sec. IV A — Two qubits',
      'Appendix A — Ordering of eigenvalues between 1/2 < c < 1',
    ]);
    await page.close();
  }, 40_000);
});
