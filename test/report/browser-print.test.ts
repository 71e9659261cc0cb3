/**
 * report.html printed by headless chromium (page.pdf, as "Print to PDF" does): the summary and the
 * errata with their printed and corrected forms come first, then the claims with their evidence
 * open; no navigation or controls; formulas and figures fit an A4 or Letter page. The PDF text is
 * read with pdftotext (poppler-utils). Saves test-results/report-a4.pdf.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { groupBySection } from '../../src/report/outline.js';
import type { Report } from '../../src/report/report.js';
import { PAPER_OUTLINE } from '../../proofs/outline.js';
import { baselinePage, CHROMIUM, HAS_CHROMIUM, launchChromium, PDFTOTEXT } from './browser-helpers.js';

const run = promisify(execFile);

/** The text of each page of a PDF (pdftotext separates pages by form feeds). */
async function pdfPages(file: string): Promise<string[]> {
  const { stdout } = await run(PDFTOTEXT as string, ['-layout', file, '-'], { timeout: 20_000, maxBuffer: 64 * 1024 * 1024 });
  return stdout.split('\f').map((p) => p.replace(/\s+/g, ' '));
}

/** Content width of a printed page in CSS px: the page width less the print stylesheet's 13 mm margins. */
const contentWidth = (pageMm: number): number => Math.floor(((pageMm - 26) / 25.4) * 96);

/**
 * Pages the summary and the errata may take: the first page holds the summary and the first errata,
 * and a page holds at least six errata (each a heading line and two short formulas); a fixed count
 * stopped holding when the report grew from 10 to 17 errata.
 */
const errataPages = (errata: number): number => 1 + Math.ceil(errata / 6);

describe.skipIf(!HAS_CHROMIUM)(`report.html printed by chromium (needs Debian chromium at ${CHROMIUM}; skipped without it)`, () => {
  let browser: Browser;
  let page: Page;
  let report: Report;

  beforeAll(async () => {
    const p = await baselinePage(true);
    report = p.report;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(p.url, { waitUntil: 'load' });
    await page.evaluate('document.fonts.ready.then(() => true)');
    mkdirSync('test-results', { recursive: true });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
  });

  for (const [name, widthMm] of [
    ['A4', 210],
    ['Letter', 215.9],
  ] as const) {
    it(`in print layout on ${name}, no formula and no figure is wider than the page, and the navigation is gone`, async () => {
      const width = contentWidth(widthMm);
      await page.setViewportSize({ width, height: 1000 });
      await page.emulateMedia({ media: 'print' });
      try {
        const wide = await page.evaluate<string[]>(
          `[...document.querySelectorAll('.math')].filter((m) => m.getClientRects().length > 0 && m.scrollWidth > m.clientWidth + 1).map((m) => (m.closest('article, li') || m).id + ': ' + m.scrollWidth + ' > ' + m.clientWidth)`,
        );
        expect(wide).toEqual([]);
        const figures = await page.evaluate<number[]>(`[...document.querySelectorAll('figure svg')].map((s) => s.getBoundingClientRect().right)`);
        expect(figures).toHaveLength(2);
        for (const right of figures) expect(right).toBeLessThanOrEqual(width + 1);
        expect(await page.locator('nav.toc').isVisible()).toBe(false);
        // every claim's evidence is printed
        expect(await page.locator('dl.evidence:visible').count()).toBe(report.claims.length);
        // the errata end within the first errataPages page heights (269 mm of content each), before the figures and claims begin
        const [errataEnd, figuresTop, claimsTop] = await page.evaluate<number[]>(
          `['ul.errata', '#_figures', '#_claims'].map((s, i) => { const r = document.querySelector(s).getBoundingClientRect(); return (i === 0 ? r.bottom : r.top) + scrollY; })`,
        );
        expect(errataEnd).toBeLessThan(errataPages(report.claims.filter((c) => c.verdict === 'erratum').length) * ((297 - 28) / 25.4) * 96);
        expect(errataEnd).toBeLessThan(figuresTop);
        expect(figuresTop).toBeLessThan(claimsTop);
      } finally {
        await page.emulateMedia({ media: null });
        await page.setViewportSize({ width: 1280, height: 900 });
      }
    });
  }

  it.skipIf(PDFTOTEXT === undefined)(
    'Print to PDF (A4): the summary and the errata with printed and corrected forms first, then the claims with their evidence; no navigation',
    async () => {
      // a reader who filtered the page still prints the whole report
      await page.locator('#_filters input[value="verified"]').uncheck();
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      writeFileSync('test-results/report-a4.pdf', pdf);
      const pages = await pdfPages('test-results/report-a4.pdf');
      const text = pages.join(' ');
      const errata = report.claims.filter((c) => c.verdict === 'erratum');

      expect(pages[0]).toContain('ergocheck report');
      expect(pages[0]).toContain('Summary');
      expect(pages[0]).toContain('Errata');
      // the list starts on the first page, under its heading (not pushed whole to the next page)
      expect(pages[0]).toContain(errata[0].id);
      // the errata, each with its printed and corrected form, on the first pages, before the figures and claims
      const firstPages = pages.slice(0, errataPages(errata.length)).join(' ');
      for (const c of errata) expect(firstPages, c.id).toContain(c.id);
      expect(firstPages.match(/Printed/g)?.length).toBeGreaterThanOrEqual(errata.length);
      expect(firstPages.match(/Corrected/g)?.length).toBeGreaterThanOrEqual(errata.length);
      // the claims begin with the paper's first section that holds one (the Abstract, since it has a claim)
      const claimsAt = text.indexOf(`Claims ${groupBySection(report.claims, PAPER_OUTLINE)[0].section.title}`);
      expect(claimsAt).toBeGreaterThan(text.indexOf(errata[errata.length - 1].id));
      // every claim printed, with its evidence open (the script's filters and collapsing do not apply)
      for (const c of report.claims) expect(text.indexOf(c.id, claimsAt), c.id).toBeGreaterThan(0);
      expect(text.match(/How decided/g)?.length).toBe(report.claims.length);
      // no navigation or controls
      for (const s of ['Search id', 'Show all', 'SECTIONS', 'Showing']) expect(text).not.toContain(s);
      expect(pages.length).toBeGreaterThan(10);
      expect(pages.length).toBeLessThan(80);
    },
    40_000,
  );
});
