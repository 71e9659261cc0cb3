/**
 * Writing a report directory atomically: every file is rendered and written into a temporary
 * directory next to the target, which then replaces the target by renames. A renderer that throws,
 * or a run that is interrupted, leaves the previous report in place (and no half-written one).
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';

import { FIGURE_FILES } from './figures.js';

export const REPORT_FILES = { md: 'report.md', html: 'report.html', json: 'report.json', junit: 'report.junit.xml', tex: 'report.tex' } as const;
export type ReportFormat = keyof typeof REPORT_FILES;
export const REPORT_FORMATS = Object.keys(REPORT_FILES) as ReportFormat[];

const OWN_FILES = new Set<string>([...Object.values(REPORT_FILES), ...FIGURE_FILES]);

/**
 * Refuse an output directory that is not a report directory: a file, the working directory, or a
 * directory holding anything other than report files — replacing it would delete someone's files.
 */
export function checkOutDir(out: string): void {
  const path = resolve(out);
  if (path === resolve(process.cwd()) || path === dirname(path)) throw new InputError(`--out ${out}: must be a directory of its own, not the working directory or the root`);
  if (!existsSync(path)) return;
  if (!statSync(path).isDirectory()) throw new InputError(`--out ${out}: exists and is not a directory`);
  const foreign = readdirSync(path).filter((f) => !OWN_FILES.has(f));
  if (foreign.length > 0) throw new InputError(`--out ${out}: the directory holds files that are not an ergocheck report (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''}); choose another directory`);
}

/** Render and write `files` into the directory `out`, replacing it as a whole. */
export function writeReportDir(out: string, files: readonly { name: string; render: () => string }[]): void {
  checkOutDir(out);
  const path = resolve(out);
  const parent = dirname(path);
  mkdirSync(parent, { recursive: true });
  const tmp = mkdtempSync(join(parent, `.${basename(path)}.tmp-`));
  try {
    chmodSync(tmp, 0o755); // mkdtemp makes it private; a report is meant to be read
    for (const f of files) writeFileSync(join(tmp, f.name), f.render());
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  if (!existsSync(path)) {
    renameSync(tmp, path);
    return;
  }
  // rename(2) cannot replace a non-empty directory: move the old report aside, move the new one in
  const old = mkdtempSync(join(parent, `.${basename(path)}.old-`));
  const aside = join(old, 'report');
  renameSync(path, aside);
  try {
    renameSync(tmp, path);
  } catch (e) {
    renameSync(aside, path);
    rmSync(tmp, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
    throw e;
  }
  rmSync(old, { recursive: true, force: true });
}
