/**
 * The claim model: a checkable statement of the paper, the evidence gathered for it, and the
 * verdict that evidence supports. `CheckedClaim` is the one machine-readable shape of a checked
 * claim, printed by `ergocheck prove --json` and embedded in reports (schema: docs/claim.schema.json).
 */

export const VERDICTS = ['verified', 'erratum', 'failed', 'inconclusive', 'not-checkable'] as const;
/**
 * verified: the printed form agrees with our derivations, which agree with each other;
 * erratum: the printed form disagrees with two agreeing derivations (the corrected form is given);
 * failed: our own derivations disagree, or a check broke — a defect of ergocheck;
 * inconclusive: a check could not finish (e.g. a CAS timeout);
 * not-checkable: the statement cannot be checked (the reason is given).
 */
export type Verdict = (typeof VERDICTS)[number];

/** Values of the variables at one probe point, as decimal strings. */
export type ProbePoint = Record<string, string>;

/**
 * One piece of evidence. `role` says what it compares: 'consistency' — two of our own routes
 * (symbolic derivation and first-principles numerics); 'printed' — the paper's printed form with
 * one of our routes.
 */
export interface CheckRecord {
  name: string;
  role: 'consistency' | 'printed';
  method: 'exact-identity' | 'exact-sign' | 'exact-value' | 'numeric-probe' | 'first-principles' | 'text';
  outcome: 'pass' | 'fail' | 'inconclusive';
  detail: string;
  /** Largest absolute deviation seen (decimal string), for numeric checks. */
  maxDeviation?: string;
  points?: ProbePoint[];
}

export interface Evidence {
  /** One sentence: how the verdict was decided. */
  howDecided: string;
  checks: CheckRecord[];
  /** All probe points used (decimal strings). */
  points: ProbePoint[];
  /** Largest deviation over the numeric checks that passed, or over all if none did. */
  maxDeviation: string | null;
  /** Working precision in significant digits. */
  precision: number;
  /** For an erratum: where in parameter space the printed form and the derivations differ. */
  differsWhere: string | null;
  /** For not-checkable: why. */
  reason: string | null;
  /** Wall time of the check in seconds (the only field that may vary between identical runs). */
  seconds: number;
}

export interface CheckedClaim {
  id: string;
  /** Starts with the paper's own label: "Eq. (12), branch c < 3/4", "Appendix A, (A2)", "Fig. 1 caption". */
  location: string;
  /** The claim in words. */
  statement: string;
  /** TeX, transcribed as printed, errors included. */
  printed: string;
  /** TeX of what our derivation gives (null when there is no formula). */
  derived: string | null;
  verdict: Verdict;
  /** TeX of the corrected form; null unless the verdict is erratum. */
  corrected: string | null;
  evidence: Evidence;
}

/** What a claim's check returns; the engine turns it into a verdict. */
export interface ClaimOutcome {
  derived: string | null;
  checks: CheckRecord[];
  howDecided: string;
  /** Required for an erratum (a printed check failed while all consistency checks passed). */
  corrected?: string | null;
  differsWhere?: string | null;
  /** Set when the statement cannot be checked; the checks are then usually empty. */
  notCheckable?: string;
}

export interface ClaimContext {
  /** Significant digits for numeric work (≥ 50 for probes). */
  precision: number;
  /** Seed for every random draw of the claim (probe points, random states). */
  seed: number;
}

/** A claim of the paper: where it is, what is printed, and how to check it. */
export interface Claim {
  id: string;
  location: string;
  statement: string;
  printed: string;
  check(ctx: ClaimContext): ClaimOutcome | Promise<ClaimOutcome>;
}

/** Whether a check of the printed statement failed (an erratum or a failure, by the other checks). */
export const printedCheckFailed = (checks: readonly CheckRecord[]): boolean => checks.some((c) => c.role === 'printed' && c.outcome === 'fail');

/** The verdict the checks support (see Verdict). */
export function verdictOf(outcome: ClaimOutcome): Verdict {
  if (outcome.notCheckable !== undefined) return 'not-checkable';
  const { checks } = outcome;
  if (checks.length === 0) return 'failed';
  if (checks.some((c) => c.role === 'consistency' && c.outcome === 'fail')) return 'failed';
  if (checks.some((c) => c.outcome === 'inconclusive')) return 'inconclusive';
  if (printedCheckFailed(checks)) {
    // an erratum needs two agreeing derivations and a corrected form; without them it is our failure
    const consistent = checks.some((c) => c.role === 'consistency' && c.outcome === 'pass');
    return consistent && outcome.corrected ? 'erratum' : 'failed';
  }
  return 'verified';
}
