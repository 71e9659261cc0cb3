/**
 * report.html in a real headless browser (Debian's chromium, driven by playwright-core; no browser
 * is downloaded): it loads offline with no console error and no request, every formula is typeset,
 * and the counts shown match report.json. Saves test-results/report.png.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { VERDICTS } from '../../src/claims/claim.js';
import { runCli } from '../cli/run-cli.js';

const CHROMIUM = '/usr/bin/chromium';

/** Formulas a TeX field yields: prose with $…$ has one per pair, any other field one. */
const formulas = (tex: string | null): number => (tex === null ? 0 : tex.includes('$') ? Math.floor(tex.split('$').length / 2) : 1);

describe('report.html in headless chromium', () => {
  it.skipIf(!existsSync(CHROMIUM))(`loads offline, typesets every formula, shows the counts of report.json (needs Debian chromium at ${CHROMIUM}, apt-get install chromium; skipped without it)`, async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ergocheck-browser-')), 'report');
    expect((await runCli('verify', '--out', out, '--format', 'html,json')).code).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));

    const profile = mkdtempSync(join(tmpdir(), 'ergocheck-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
      viewport: { width: 1200, height: 1600 },
    });
    try {
      const page = await context.newPage();
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
      page.on('request', (r) => requests.push(r.url()));
      const url = pathToFileURL(join(out, 'report.html')).href;
      await page.goto(url, { waitUntil: 'load' });
      // (page code as strings: the test is compiled without the DOM library)
      await page.evaluate('document.fonts.ready.then(() => true)');

      expect(problems).toEqual([]);
      // the page itself, and its fonts as data: URIs: nothing from the network
      expect(requests.filter((u) => u !== url && !u.startsWith('data:'))).toEqual([]);

      // every TeX field typeset: printed, derived, corrected of each claim, and the errata list's printed and corrected forms
      let expected = 0;
      for (const c of report.claims) expected += formulas(c.derived) + (formulas(c.printed) + formulas(c.corrected)) * (c.verdict === 'erratum' ? 2 : 1);
      expect(await page.locator('.katex').count()).toBe(expected);
      expect(await page.locator('.tex-error, .katex-error').count()).toBe(0);
      // no raw TeX outside KaTeX
      const outside = await page.evaluate<string>(`(() => {
        const clone = document.body.cloneNode(true);
        clone.querySelectorAll('.katex').forEach((k) => k.remove());
        return clone.textContent;
      })()`);
      expect(outside).not.toMatch(/\\(frac|omega|beta|mathcal|langle|text)\b/);
      // KaTeX fonts loaded from the embedded data
      expect(await page.evaluate<boolean>(`document.fonts.check('16px KaTeX_Main')`)).toBe(true);

      // the counts shown are report.json's
      const summaryKey: Record<string, string> = { 'not-checkable': 'notCheckable' };
      for (const v of VERDICTS) {
        expect(await page.locator(`td[data-count="${v}"]`).textContent(), v).toBe(String(report.summary[summaryKey[v] ?? v]));
      }
      expect(await page.locator('[data-count="claims"]').textContent()).toBe(String(report.claims.length));
      expect(await page.locator('article.claim').count()).toBe(report.claims.length);

      mkdirSync('test-results', { recursive: true });
      await page.screenshot({ path: 'test-results/report.png' });
      await page.locator('#eq10-c-one').screenshot({ path: 'test-results/report-verify-erratum.png' });
    } finally {
      await context.close();
    }
  });
});
