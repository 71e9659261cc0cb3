/**
 * Writing a report directory: every file is rendered, then written atomically into a directory
 * ergocheck owns (see out-dir.ts: a manifest of the files it wrote; anything else there is the
 * user's and makes the directory a refusal). A renderer that throws, or a run that is interrupted,
 * leaves the previous report in place (and no half-written one).
 */
import { checkOutputDir, writeOutputDir } from './out-dir.js';

export const REPORT_FILES = { md: 'report.md', html: 'report.html', json: 'report.json', junit: 'report.junit.xml', tex: 'report.tex' } as const;
export type ReportFormat = keyof typeof REPORT_FILES;
export const REPORT_FORMATS = Object.keys(REPORT_FILES) as ReportFormat[];

/** Refuse an output directory that ergocheck may not replace (see checkOutputDir). */
export function checkOutDir(out: string): void {
  checkOutputDir(out, 'report');
}

/** Render and write `files` into the directory `out`, replacing an earlier report as a whole. */
export function writeReportDir(out: string, files: readonly { name: string; render: () => string }[]): void {
  writeOutputDir(out, 'report', files);
}
