/** `ergocheck verify`: check the paper's claims and write the report for people and for CI. */
import { InputError } from '../../errors.js';
import { runClaims } from '../../claims/run.js';
import { CLAIMS } from '../../../proofs/index.js';
import { PAPER_OUTLINE } from '../../../proofs/outline.js';
import { packageVersion } from '../../package-files.js';
import { compareWithBaseline, readBaseline } from '../../report/baseline.js';
import { renderHtml } from '../../report/html.js';
import { renderJson } from '../../report/json.js';
import { renderJunit } from '../../report/junit.js';
import { renderLatex } from '../../report/latex.js';
import { renderMarkdown } from '../../report/markdown.js';
import { buildReport, type Report, type ReportParameters } from '../../report/report.js';
import { renderSummaryTable } from '../../report/summary-table.js';
import { claimLine } from '../../report/text.js';
import { reportFigures } from '../../report/figures.js';
import { checkOutDir, REPORT_FILES, REPORT_FORMATS, writeReportDir, type ReportFormat } from '../../report/write.js';
import { directoryName, fileName, type Io } from '../options.js';
import { command, flag, helpText, listOption, option, parseCommand, type OptionContext } from '../option-table.js';
import { CLAIM_PRECISION, claimSeed, selectClaims } from './prove.js';
import { readClaimsFile } from '../../check/index.js';
import { checkUserClaims } from '../../check/checker.js';
import { join } from 'node:path';

/** Random initial states per N of the report's Fig. 3 (the paper used 10^5; the statements are decided either way). */
export const DEFAULT_FIG3_SAMPLES = 10_000;

/** The comma- or repeat-separated values of a list option. */
function listValues(raw: string[], cx: OptionContext): string[] {
  const list = raw
    .flatMap((x) => x.split(','))
    .map((x) => x.trim())
    .filter((x) => x !== '');
  // an empty value would otherwise mean "everything"
  if (raw.length > 0 && list.length === 0) throw new InputError(`${cx.command}: --${cx.name} needs at least one value, got "${raw.join(',')}"`);
  return list;
}

function formatOption(values: string[]): ReportFormat[] {
  if (values.length === 0) return [...REPORT_FORMATS];
  for (const f of values) {
    if (!(REPORT_FORMATS as string[]).includes(f)) throw new InputError(`verify: unknown format "${f}" (formats: ${REPORT_FORMATS.join(', ')})`);
  }
  return REPORT_FORMATS.filter((f) => values.includes(f));
}

const matches = (id: string, selectors: readonly string[]): boolean => selectors.some((s) => id === s || id.startsWith(s));

export const VERIFY = command({
  name: 'verify',
  options: {
    only: listOption({ value: 'ID', help: 'check only these claims (ids or id prefixes, as in prove); repeat or use commas', read: listValues }),
    skip: listOption({ value: 'ID', help: 'leave these claims out (ids or id prefixes); repeat or use commas', read: listValues }),
    precision: CLAIM_PRECISION,
    seed: claimSeed('seed of every random probe point and random state'),
    out: option({
      value: 'DIR',
      help: 'the report directory ({default}); it is replaced as a whole, atomically, and only if it is empty or holds nothing but an earlier report, unchanged (its .ergocheck-manifest.json lists the files ergocheck wrote)',
      default: 'report',
      read: directoryName,
    }),
    format: listOption({
      value: 'F',
      synopsis: REPORT_FORMATS.join(','),
      help: `the files to write, comma-separated from ${REPORT_FORMATS.join(', ')} (default all)`,
      read: (raw, cx) => formatOption(listValues(raw, cx)),
    }),
    baseline: option({
      value: 'FILE',
      help: 'compare with an earlier report.json: any changed verdict, added or removed claim, changed TeX (printed, derived, corrected), or largest deviation grown above 10^-(precision-10) is listed and makes the exit code 1',
      read: fileName,
    }),
    strict: flag('an erratum makes the exit code 1 (and is a failure in report.junit.xml)'),
    quiet: flag('no progress lines (they are printed on stderr only when it is a terminal)'),
    fig3: option({
      value: 'N',
      help: `Fig. 3 in the md and html reports from N Haar-random initial states per N = 2…7 (β = 0, seed S), with the statements of Sec. IV B 2 decided from them; {default} (≈ 1 s on 2 cores; 10^5, the paper's count, ≈ 8 s); 0 leaves Fig. 3 out. ergocheck figures has every option (ensembles, β, N ≤ 12)`,
      default: String(DEFAULT_FIG3_SAMPLES),
      read: (raw) => {
        const n = Number(raw);
        if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n === 1 || n > 10_000_000)
          throw new InputError(`verify: --fig3 must be 0 (no Fig. 3) or an integer number of samples from 2 to 10000000, got "${raw}"`);
        return n;
      },
    }),
    claims: option({
      value: 'FILE',
      help: 'also check the claims of a claims file (see ergocheck check --help): they join the reports and the baseline comparison (--only and --skip select paper claims)',
      read: fileName,
    }),
  },
  about: `Check the paper's claims and write the report into DIR: report.md (for a code host),
report.html (one self-contained offline page, equations typeset; filters, search and a print
layout), report.json (schema: docs/report.schema.json), report.junit.xml (for CI test viewers)
and report.tex (a LaTeX erratum note for the paper's readers). Prints a summary.`,
  notes: `Exit code: 0 if nothing failed; 1 if a claim failed, or a baseline change was found, or (with
--strict) a claim is an erratum; 2 for a usage or input error (unknown option, claim or format,
a bad --out place, unreadable or malformed baseline).`,
});

export async function verifyCommand(args: string[], io: Io): Promise<number> {
  const p = parseCommand(VERIFY, args);
  if (p.help) {
    io.out(helpText(VERIFY));
    return 0;
  }
  // every input is checked before the (slow) run
  const { precision, seed, only, skip, fig3, format: formats, out } = p.options;
  for (const s of skip) selectClaims(CLAIMS, [s], 'verify');
  const claims = selectClaims(CLAIMS, only, 'verify').filter((c) => !matches(c.id, skip));
  if (claims.length === 0) throw new InputError('verify: --skip leaves no claim to check');
  if (p.given('fig3') && fig3 > 0 && !formats.includes('md') && !formats.includes('html'))
    throw new InputError('verify: --fig3 draws Fig. 3 into the md and html reports; add md or html to --format');
  checkOutDir(out);
  const claimsFile = p.options.claims;
  const userClaims = claimsFile === undefined ? [] : readClaimsFile(claimsFile);
  const clash = userClaims.find((u) => CLAIMS.some((c) => c.id === u.id));
  if (clash) throw new InputError(`verify: claim "${clash.id}" of ${claimsFile} has the id of a claim of the paper; rename it`);
  const baselineFile = p.options.baseline;
  const baseline = baselineFile === undefined ? null : readBaseline(baselineFile);
  const strict = p.options.strict;

  const progress = !p.options.quiet && process.stderr.isTTY === true;

  const parameters: ReportParameters = { precision, seed, only, skip, node: process.version, startedAt: new Date().toISOString() };
  const total = claims.length + userClaims.length;
  const paperChecked = await runClaims(claims, { precision, seed }, (c, i) => {
    if (progress) io.err(`[${i + 1}/${total}] ${claimLine(c)}`);
  });
  const userChecked = await checkUserClaims(userClaims, { precision, seed }, (c, i) => {
    if (progress) io.err(`[${claims.length + i + 1}/${total}] ${claimLine(c)}`);
  });
  const checked = [...paperChecked, ...userChecked];
  const userIds = new Set(userClaims.map((c) => c.id));
  const selected = (id: string) => userIds.has(id) || ((only.length === 0 || matches(id, only)) && !matches(id, skip));
  const comparison = baseline === null || baselineFile === undefined ? null : compareWithBaseline(baselineFile, baseline, checked, parameters, selected);
  const report: Report = buildReport(checked, parameters, packageVersion(), comparison);

  // Figs. 1–3 go beside (md) and inside (html) the human-readable reports
  const drawn = formats.includes('md') || formats.includes('html');
  if (drawn && fig3 > 0 && progress) io.err(`Fig. 3: ${fig3} Haar samples per N = 2…7`);
  const figures = drawn ? await reportFigures(fig3 > 0 ? { samples: fig3, seed } : undefined) : [];
  const renderers: Record<ReportFormat, () => string> = {
    md: () => renderMarkdown(report, figures),
    html: () => renderHtml(report, figures, { outline: PAPER_OUTLINE }),
    json: () => renderJson(report),
    junit: () => renderJunit(report, { strict }),
    tex: () => renderLatex(report),
  };
  writeReportDir(out, [
    ...formats.map((f) => ({ name: REPORT_FILES[f], render: renderers[f] })),
    ...(formats.includes('md') ? figures.map((f) => ({ name: f.file, render: () => f.svg })) : []),
  ]);
  io.out(
    renderSummaryTable(
      report,
      formats.map((f) => join(out, REPORT_FILES[f])),
    ),
  );

  const failed = report.summary.failed > 0;
  const errata = strict && report.summary.erratum > 0;
  const regressed = comparison !== null && comparison.changes.length > 0;
  return failed || errata || regressed ? 1 : 0;
}
