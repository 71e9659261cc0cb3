/**
 * Shared by the browser tests: Debian's chromium driven by playwright-core (no browser is
 * downloaded), and report.html rendered from a real report (docs/baseline/report.json, 62 claims)
 * with the paper's outline, so the tests need no `verify` run of their own.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { renderHtml } from '../../src/report/html.js';
import { reportFigures } from '../../src/report/figures.js';
import type { Report } from '../../src/report/report.js';
import { PAPER_OUTLINE } from '../../proofs/outline.js';

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const PDFTOTEXT = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => existsSync(p));

export const baselineReport = (): Report => JSON.parse(readFileSync('docs/baseline/report.json', 'utf8'));

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** report.html of the baseline report (with Figs. 1–2 if asked), written to a temporary directory; its file URL. */
export async function baselinePage(withFigures: boolean): Promise<{ url: string; report: Report; file: string }> {
  const report = baselineReport();
  const figures = withFigures ? await reportFigures() : [];
  const file = join(mkdtempSync(join(tmpdir(), 'ergocheck-page-')), 'report.html');
  writeFileSync(file, renderHtml(report, figures, { outline: PAPER_OUTLINE }));
  return { url: pathToFileURL(file).href, report, file };
}
