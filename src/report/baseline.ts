/**
 * The regression guard: compare a run with an earlier report.json (the baseline). Every change is
 * listed: a verdict that changed, a claim added or removed, a largest deviation that grew above the
 * tolerance 10^−(precision−10), a printed/derived/corrected TeX that changed. Differences in the
 * run parameters (seed, precision) are notes, not changes.
 */
import { readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import type { CheckedClaim } from '../claims/claim.js';
import { InputError } from '../errors.js';
import type { BaselineChange, BaselineComparison, Report, ReportParameters } from './report.js';
import { reportSchemaProblem } from './schema.js';

/** Read and validate a baseline report.json; any problem is an InputError naming the file and the problem. */
export function readBaseline(file: string): Report {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(
      `cannot read baseline ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? (e as Error).message)}`,
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new InputError(`baseline ${file} is not JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  const problem = reportSchemaProblem(value);
  if (problem !== null) throw new InputError(`baseline ${file} is not an ergocheck report.json (docs/report.schema.json): ${problem}`);
  const report = value as Report;
  const seen = new Set<string>();
  for (const [k, c] of report.claims.entries()) {
    if (seen.has(c.id)) throw new InputError(`baseline ${file}: claim id "${c.id}" appears twice (/claims/${k})`);
    seen.add(c.id);
    const numbers: [string, string | null | undefined][] = [
      [`/claims/${k}/evidence/maxDeviation`, c.evidence.maxDeviation],
      ...c.evidence.checks.map((ch, j): [string, string | undefined] => [`/claims/${k}/evidence/checks/${j}/maxDeviation`, ch.maxDeviation]),
    ];
    for (const [where, v] of numbers) {
      if (v !== null && v !== undefined && !DECIMAL_TEXT.test(v))
        throw new InputError(`baseline ${file}: ${where} must be a decimal number, got ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`);
    }
  }
  return report;
}

/** A number as decimal.js writes it (and reads it back). */
const DECIMAL_TEXT = /^-?((\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?|Infinity)$|^NaN$/i;

/** The deviation a claim may reach before it counts as drift: 10^−(precision−10). */
export function deviationTolerance(precision: number): Decimal {
  return new Decimal(10).pow(-(precision - 10));
}

const TEX_FIELDS = ['printed', 'derived', 'corrected'] as const;

function compareClaim(before: CheckedClaim, after: CheckedClaim): BaselineChange[] {
  const changes: BaselineChange[] = [];
  const id = after.id;
  if (before.verdict !== after.verdict) {
    changes.push({
      kind: 'verdict-changed',
      id,
      field: 'verdict',
      before: before.verdict,
      after: after.verdict,
      message: `${id}: verdict ${before.verdict} → ${after.verdict}`,
    });
  }
  for (const f of TEX_FIELDS) {
    if (before[f] !== after[f])
      changes.push({
        kind: 'tex-changed',
        id,
        field: f,
        before: before[f],
        after: after[f],
        message: `${id}: ${f} TeX changed from ${before[f] ?? 'null'} to ${after[f] ?? 'null'}`,
      });
  }
  const a = after.evidence.maxDeviation;
  if (a !== null) {
    const tol = deviationTolerance(after.evidence.precision);
    const b = before.evidence.maxDeviation;
    const grew = b === null || new Decimal(a).abs().gt(new Decimal(b).abs());
    if (grew && new Decimal(a).abs().gt(tol)) {
      changes.push({
        kind: 'deviation-drifted',
        id,
        field: 'evidence.maxDeviation',
        before: b,
        after: a,
        message: `${id}: largest deviation grew from ${b ?? 'none'} to ${a}, above the tolerance ${tol.toExponential()} (10^−(precision−10) at ${after.evidence.precision} digits)`,
      });
    }
  }
  return changes;
}

/**
 * Compare the current claims with the baseline's. `selected` says which claim ids the run was
 * asked for (--only/--skip): baseline claims outside the selection are not counted as removed.
 */
export function compareWithBaseline(
  file: string,
  baseline: Report,
  current: readonly CheckedClaim[],
  parameters: ReportParameters,
  selected: (id: string) => boolean,
): BaselineComparison {
  const changes: BaselineChange[] = [];
  const old = new Map(baseline.claims.map((c) => [c.id, c]));
  const now = new Set(current.map((c) => c.id));
  for (const c of current) {
    const b = old.get(c.id);
    if (b === undefined)
      changes.push({ kind: 'claim-added', id: c.id, field: null, before: null, after: c.verdict, message: `${c.id}: new claim (${c.location}), ${c.verdict}` });
    else changes.push(...compareClaim(b, c));
  }
  for (const b of baseline.claims) {
    if (!now.has(b.id) && selected(b.id))
      changes.push({
        kind: 'claim-removed',
        id: b.id,
        field: null,
        before: b.verdict,
        after: null,
        message: `${b.id}: claim no longer checked (${b.location}), was ${b.verdict}`,
      });
  }
  const notes: string[] = [];
  const bp = baseline.parameters;
  if (bp.precision !== parameters.precision) notes.push(`baseline precision ${bp.precision} digits, this run ${parameters.precision}`);
  if (bp.seed !== parameters.seed) notes.push(`baseline seed ${bp.seed}, this run ${parameters.seed}: probe points differ`);
  return { file, changes, notes };
}
