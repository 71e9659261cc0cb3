/**
 * The report of a `verify` run: the run parameters, the verdict counts, every checked claim in the
 * CheckedClaim shape, and the comparison with a baseline report. Renderers (markdown.ts, html.ts,
 * json.ts, junit.ts) are pure functions of a Report; report.json is exactly a Report
 * (schema: docs/report.schema.json).
 */
import { Decimal } from 'decimal.js';
import type { CheckedClaim, Verdict } from '../claims/claim.js';
import { verdictCounts } from './text.js';

export interface ReportParameters {
  /** Significant digits of the numeric checks. */
  precision: number;
  seed: number;
  /** Claim ids or id prefixes selected with --only (empty: every claim). */
  only: string[];
  /** Claim ids or id prefixes left out with --skip. */
  skip: string[];
  /** Node version, e.g. "v20.19.0". */
  node: string;
  /** ISO 8601 time the run started (varies between identical runs, like the timings). */
  startedAt: string;
}

export interface ReportSummary {
  verified: number;
  erratum: number;
  /** Every check passed, but on numerics only or a single route (weaker than verified). */
  supported: number;
  failed: number;
  inconclusive: number;
  notCheckable: number;
}

/**
 * One difference from the baseline. Every change is a regression for the exit code: a run that
 * differs from its baseline must be looked at, and the baseline regenerated if the change is meant.
 */
export interface BaselineChange {
  kind: 'verdict-changed' | 'claim-added' | 'claim-removed' | 'deviation-drifted' | 'tex-changed';
  id: string;
  /** The field compared ("verdict", "evidence.maxDeviation", "derived", …), null for an added or removed claim. */
  field: string | null;
  before: string | null;
  after: string | null;
  /** One sentence saying what changed. */
  message: string;
}

export interface BaselineComparison {
  /** The baseline file as given on the command line. */
  file: string;
  changes: BaselineChange[];
  /** Differences that are not regressions, e.g. a different seed or precision than the baseline's. */
  notes: string[];
}

export interface Report {
  tool: { name: 'ergocheck'; version: string };
  parameters: ReportParameters;
  summary: ReportSummary;
  claims: CheckedClaim[];
  /** Null unless the run was compared with a baseline (--baseline). */
  baseline: BaselineComparison | null;
}

export function summarize(claims: readonly CheckedClaim[]): ReportSummary {
  const n = verdictCounts(claims);
  return { verified: n.verified, erratum: n.erratum, supported: n.supported, failed: n.failed, inconclusive: n.inconclusive, notCheckable: n['not-checkable'] };
}

/** The summary rows in the order they are shown, with the verdict each counts. */
export const SUMMARY_ROWS: readonly { key: keyof ReportSummary; verdict: Verdict; label: string }[] = [
  { key: 'verified', verdict: 'verified', label: 'verified' },
  { key: 'erratum', verdict: 'erratum', label: 'erratum' },
  { key: 'supported', verdict: 'supported', label: 'supported' },
  { key: 'failed', verdict: 'failed', label: 'failed' },
  { key: 'inconclusive', verdict: 'inconclusive', label: 'inconclusive' },
  { key: 'notCheckable', verdict: 'not-checkable', label: 'not checkable' },
];

export function buildReport(claims: CheckedClaim[], parameters: ReportParameters, version: string, baseline: BaselineComparison | null = null): Report {
  return { tool: { name: 'ergocheck', version }, parameters, summary: summarize(claims), claims, baseline };
}

/** The section a claim belongs to: its location up to the first comma ("Eq. (10)", "Sec. IV A"). */
export function sectionOf(location: string): string {
  return location.split(',')[0].trim();
}

/** Sum of the claims' check times, in seconds (3 decimals). */
export function totalSeconds(report: Report): number {
  return Number(report.claims.reduce((s, c) => s + c.evidence.seconds, 0).toFixed(3));
}

/** A probe value for display: integers as they are, fractions and long decimals as ≈ 12 significant digits. */
export function shortValue(v: string, digits = 12): string {
  const fraction = /^(-?\d+)\/(\d+)$/.exec(v);
  let d: Decimal;
  try {
    d = fraction ? new Decimal(fraction[1]).div(fraction[2]) : new Decimal(v);
  } catch {
    return v.length > 24 ? v.slice(0, 24) + '…' : v;
  }
  if (d.isInteger() && !fraction) return v;
  const s = d.toSignificantDigits(digits).toString();
  return d.eq(s) ? s : `≈${s}`;
}

/** The first `n` probe points of a claim, each as "name = value" pairs (see shortValue). */
export function firstPoints(c: CheckedClaim, n = 3): string[] {
  return c.evidence.points.slice(0, n).map((p) =>
    Object.entries(p)
      .map(([k, v]) => `${k} = ${shortValue(v)}`)
      .join(', '),
  );
}

/** Why a failed claim failed: its first failing check, or its first check. */
export function failureDetail(c: CheckedClaim): string {
  const k = c.evidence.checks.find((x) => x.outcome === 'fail') ?? c.evidence.checks.find((x) => x.outcome === 'inconclusive') ?? c.evidence.checks[0];
  return k ? `${k.name}: ${k.detail}` : c.evidence.howDecided;
}
