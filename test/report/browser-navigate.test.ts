/**
 * report.html navigated in headless chromium, as a reader would: verdict filters hide and show the
 * right claims and counts, the search finds a claim by id, the state survives in the URL, a
 * `#id` URL opens that claim, and with JavaScript off the whole report is shown. Saves
 * screenshots in test-results/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import fc from 'fast-check';
import type { Browser, Page } from 'playwright-core';
import { VERDICTS } from '../../src/claims/claim.js';
import type { Report } from '../../src/report/report.js';
import { baselinePage, CHROMIUM, HAS_CHROMIUM, launchChromium } from './browser-helpers.js';

// (page code as strings: the test is compiled without the DOM library)
const SHOWN = `[...document.querySelectorAll('article.claim')].filter((a) => a.getClientRects().length > 0).map((a) => a.id).sort()`;
const OPEN = `[...document.querySelectorAll('details.evidence')].filter((d) => d.open).map((d) => d.closest('article').id).sort()`;
const tallyOf = (section: string) =>
  `Object.fromEntries([...document.querySelectorAll('li[data-section="${section}"] .tally span')].filter((s) => s.getClientRects().length > 0).map((s) => [s.dataset.verdict, Number(s.textContent)]))`;

describe.skipIf(!HAS_CHROMIUM)(`report.html navigated in chromium (needs Debian chromium at ${CHROMIUM}; skipped without it)`, () => {
  let browser: Browser;
  let url: string;
  let report: Report;
  /** Ids of the claims that satisfy pred, sorted (the page groups claims by section; SHOWN sorts too). */
  const ids = (pred: (c: Report['claims'][number]) => boolean) =>
    report.claims
      .filter(pred)
      .map((c) => c.id)
      .sort();

  beforeAll(async () => {
    ({ url, report } = await baselinePage(false));
    browser = await launchChromium();
    mkdirSync('test-results', { recursive: true });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function open(hash = '', javaScriptEnabled = true, width = 1280): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(url + hash, { waitUntil: 'load' });
    if (javaScriptEnabled) await page.evaluate('document.fonts.ready.then(() => true)');
    return { page, problems };
  }

  it('starts with every claim shown, evidence collapsed, the controls visible, and no script error', async () => {
    const { page, problems } = await open();
    expect(await page.evaluate<string[]>(SHOWN)).toEqual(ids(() => true));
    expect(await page.evaluate<string[]>(OPEN)).toEqual([]);
    expect(await page.locator('#_controls').isVisible()).toBe(true);
    expect(await page.locator('#_shown').textContent()).toBe(String(report.claims.length));
    for (const v of VERDICTS)
      expect(await page.locator(`#_filters span[data-count="${v}"]`).textContent(), v).toBe(String(report.claims.filter((c) => c.verdict === v).length));
    expect(problems).toEqual([]);
    await page.screenshot({ path: 'test-results/report-top.png' });
    await page.context().close();
  });

  it('the verdict filters hide and show the right claims, sections and counts, and the URL carries them', async () => {
    const { page, problems } = await open();
    await page.locator('#_filters input[value="verified"]').uncheck();
    const notVerified = ids((c) => c.verdict !== 'verified');
    expect(await page.evaluate<string[]>(SHOWN)).toEqual(notVerified);
    expect(await page.locator('#_shown').textContent()).toBe(String(notVerified.length));
    expect(new URL(page.url()).hash).toBe(`#show=${VERDICTS.filter((v) => v !== 'verified').join(',')}`);
    // Appendix A: 4 verified and 1 erratum; with verified hidden, its navigation entry counts the erratum only
    expect(await page.evaluate(tallyOf('_s-appendix-a'))).toEqual({ erratum: 1 });

    // supported is hidden too, so that (with no failed claim in the report) the errata alone remain
    for (const v of ['supported', 'inconclusive', 'not-checkable']) await page.locator(`#_filters input[value="${v}"]`).uncheck();
    const errata = ids((c) => c.verdict === 'erratum');
    expect(ids((c) => c.verdict === 'failed')).toEqual([]);
    // a few errata named by id (their count grows as claims are added)
    expect(errata).toEqual(
      expect.arrayContaining(['appa-a1', 'appendix-b-b1', 'eq10-c-one', 'eq14-r-definition', 'fig2-caption-high-temperature', 'fig3-caption-high-temperature']),
    );
    expect(await page.evaluate<string[]>(SHOWN)).toEqual(errata);
    // a section without errata disappears from the page and greys out in the navigation
    expect(await page.locator('#_s-sec-ii').isVisible()).toBe(false);
    expect(await page.locator('li[data-section="_s-sec-ii"]').getAttribute('class')).toBe('none');
    expect(await page.locator('#_s-appendix-b').isVisible()).toBe(true);

    // a link shows what its sender saw
    const link = page.url();
    expect(link).toMatch(/#show=erratum,failed$/);
    const { page: other } = await open(new URL(link).hash);
    expect(await other.evaluate<string[]>(SHOWN)).toEqual(errata);
    expect(await other.locator('#_filters input[value="verified"]').isChecked()).toBe(false);
    expect(await other.locator('#_filters input[value="erratum"]').isChecked()).toBe(true);
    await other.screenshot({ path: 'test-results/report-errata-only.png' });
    await other.context().close();

    await page.locator('#_reset').click();
    expect(await page.evaluate<string[]>(SHOWN)).toHaveLength(report.claims.length);
    expect(new URL(page.url()).hash).toBe('');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('the search finds a claim by id, and by words of its location and statement', async () => {
    const { page } = await open();
    await page.locator('#_search').fill('eq10-c-one');
    expect(await page.evaluate<string[]>(SHOWN)).toEqual(['eq10-c-one']);
    expect(await page.locator('#_shown').textContent()).toBe('1');
    expect(new URL(page.url()).hash).toBe('#q=eq10-c-one');

    // every word must occur in the id, location or statement
    await page.locator('#_search').fill('Appendix B');
    expect(await page.evaluate<string[]>(SHOWN)).toEqual(
      ids((c) => ['appendix', 'b'].every((w) => `${c.id} ${c.location} ${c.statement}`.toLowerCase().includes(w))),
    );
    expect(await page.evaluate<string[]>(SHOWN)).toEqual(
      expect.arrayContaining(['appendix-b-b1', 'appendix-b-b2', 'appendix-b-b3', 'appendix-b-b4', 'appendix-b-b5']),
    );

    // search and filter together, kept in the URL
    await page.locator('#_filters input[value="verified"]').uncheck();
    expect(await page.evaluate<string[]>(SHOWN)).toEqual(
      ids((c) => c.verdict !== 'verified' && ['appendix', 'b'].every((w) => `${c.id} ${c.location} ${c.statement}`.toLowerCase().includes(w))),
    );
    expect(await page.evaluate<string[]>(SHOWN)).toContain('appendix-b-b1');
    expect(await page.evaluate<string[]>(SHOWN)).not.toContain('appendix-b-b2');
    const { page: other } = await open(new URL(page.url()).hash);
    expect(await other.locator('#_search').inputValue()).toBe('Appendix B');
    expect(await other.evaluate<string[]>(SHOWN)).toEqual(await page.evaluate<string[]>(SHOWN));
    await other.context().close();

    await page.locator('#_search').fill('no such words anywhere');
    expect(await page.evaluate<string[]>(SHOWN)).toEqual([]);
    expect(await page.locator('#_shown').textContent()).toBe('0');
    await page.context().close();
  });

  it('any filter and search given in the URL shows exactly the claims that match, with matching counts (seeded, 25 cases)', async () => {
    const { page } = await open();
    const sections = await page.evaluate<string[]>(`[...document.querySelectorAll('section.paper-section')].map((s) => s.id)`);
    const sectionOf = new Map(
      await page.evaluate<[string, string][]>(`[...document.querySelectorAll('article.claim')].map((a) => [a.id, a.closest('section.paper-section').id])`),
    );
    const words = [...new Set(report.claims.flatMap((c) => `${c.id} ${c.location}`.toLowerCase().split(/[\s,()]+/)))].filter((w) => w.length > 1);
    await fc.assert(
      fc.asyncProperty(fc.subarray([...VERDICTS]), fc.array(fc.constantFrom(...words), { maxLength: 2 }), async (show, query) => {
        const q = query.join(' ');
        await page.evaluate(`location.hash = ${JSON.stringify(`show=${show.join(',')}${q ? `&q=${encodeURIComponent(q)}` : ''}`)}`);
        const expected = report.claims.filter(
          (c) => show.includes(c.verdict) && query.every((w) => `${c.id} ${c.location} ${c.statement}`.toLowerCase().includes(w)),
        );
        expect(await page.evaluate<string[]>(SHOWN)).toEqual(expected.map((c) => c.id).sort());
        expect(await page.locator('#_shown').textContent()).toBe(String(expected.length));
        for (const section of sections) {
          const inSection = expected.filter((c) => sectionOf.get(c.id) === section);
          const tally = Object.fromEntries(
            VERDICTS.map((v): [string, number] => [v, inSection.filter((c) => c.verdict === v).length]).filter(([, n]) => n > 0),
          );
          expect(await page.evaluate(tallyOf(section)), section).toEqual(tally);
        }
      }),
      { seed: 20220513, numRuns: 25 },
    );
    await page.context().close();
  });

  it('a #id URL opens that claim (only that one) and brings it into view; a link to a claim does the same', async () => {
    const { page } = await open('#eq10-c-one');
    expect(await page.evaluate<string[]>(OPEN)).toEqual(['eq10-c-one']);
    const box = await page.locator('#eq10-c-one').boundingBox();
    expect(box).not.toBeNull();
    expect(box?.y).toBeGreaterThanOrEqual(-1);
    expect(box?.y).toBeLessThan(900);
    expect(await page.locator('#eq10-c-one').getAttribute('class')).toContain('target');
    await page.locator('#eq10-c-one').screenshot({ path: 'test-results/report-erratum.png' });

    // the errata list links to the claims; following one opens it and keeps any filter in the URL
    await page.locator('#_filters input[value="verified"]').uncheck();
    await page.locator('ul.errata a[href="#appa-a1"]').click();
    expect(await page.evaluate<string[]>(OPEN)).toEqual(['appa-a1', 'eq10-c-one']);
    expect(new URL(page.url()).hash).toBe(`#appa-a1&show=${VERDICTS.filter((v) => v !== 'verified').join(',')}`);
    const y = (await page.locator('#appa-a1').boundingBox())?.y ?? -1e9;
    expect(y).toBeGreaterThanOrEqual(-1);
    expect(y).toBeLessThan(900);

    // a claim the URL names is shown even when its verdict is filtered out
    const { page: other } = await open('#appa-a1&show=verified');
    expect(await other.evaluate<string[]>(SHOWN)).toEqual(ids((c) => c.verdict === 'verified' || c.id === 'appa-a1'));
    expect(await other.evaluate<string[]>(OPEN)).toEqual(['appa-a1']);
    await other.context().close();
    await page.context().close();
  });

  it('with JavaScript off: every claim and all its evidence shown, the controls hidden, #id links still jump', async () => {
    const { page } = await open('#appendix-b-b1', false);
    expect(await page.locator('article.claim:visible').count()).toBe(report.claims.length);
    expect(await page.locator('details.evidence[open]').count()).toBe(report.claims.length);
    expect(await page.locator('dl.evidence:visible').count()).toBe(report.claims.length);
    expect(await page.locator('#_controls').isVisible()).toBe(false);
    expect(await page.locator('li[data-section="_s-appendix-b"] .tally span[data-verdict="erratum"]').textContent()).toBe('1');
    const box = await page.locator('#appendix-b-b1').boundingBox();
    expect(box?.y).toBeGreaterThanOrEqual(-1);
    expect(box?.y).toBeLessThan(900);
    await page.screenshot({ path: 'test-results/report-nojs.png' });
    await page.context().close();
  });

  it('no formula is cut off at 1280 or 800 px: each fits, or scrolls with a visible scrollbar', async () => {
    const { page } = await open('', true, 1280);
    for (const width of [1280, 800]) {
      await page.setViewportSize({ width, height: 900 });
      const rows = await page.evaluate<{ id: string; scroll: number; client: number; bar: number; overflow: string }[]>(
        `[...document.querySelectorAll('.math')].filter((m) => m.getClientRects().length > 0).map((m) => ({ id: m.closest('article, li').id || m.closest('li').textContent.slice(0, 30), scroll: m.scrollWidth, client: m.clientWidth, bar: m.offsetHeight - m.clientHeight, overflow: getComputedStyle(m).overflowX }))`,
      );
      expect(rows.length).toBeGreaterThan(100);
      const wide = rows.filter((r) => r.scroll > r.client + 1);
      for (const r of wide) {
        expect(r.overflow, r.id).toBe('auto');
        expect(r.bar, `${r.id}: a horizontal scrollbar takes room`).toBeGreaterThan(0);
      }
      // wrapping, not scrolling, is the rule: at most a handful of formulas need the scrollbar
      expect(wide.length, `${width} px`).toBeLessThanOrEqual(width >= 1280 ? 0 : 3);
      // and nothing runs off the page itself
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
    }
    await page.screenshot({ path: 'test-results/report-narrow.png' });
    await page.context().close();
  });
});
