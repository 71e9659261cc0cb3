/**
 * The claim model: a checkable statement of the paper, the evidence gathered for it, and the
 * verdict that evidence supports. `CheckedClaim` is the one machine-readable shape of a checked
 * claim, printed by `ergocheck prove --json` and embedded in reports (schema: docs/claim.schema.json).
 */

export const VERDICTS = ['verified', 'erratum', 'supported', 'failed', 'inconclusive', 'not-checkable'] as const;
/**
 * verified: the printed form agrees exactly with our derivation, and the derivation agrees with a
 *   second, independent route (certified first-principles numerics or another exact derivation);
 * erratum: the printed form disagrees with our derivation while the derivation agrees with the
 *   second route; the corrected form is the derived one, and where they differ is computed;
 * supported: every check passes but the evidence is short of verified — numerics only (K points to
 *   D digits, not a proof), or a single route with nothing independent to confirm it;
 * failed: our own routes disagree, or a check broke — a defect of ergocheck;
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
  /**
   * For a failing printed check: where the printed statement and the derivation differ, computed by
   * the check (e.g. the zero set of printed − derived by Sturm sequences). Feeds Evidence.differsWhere.
   */
  where?: string;
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
  /** Starts with the paper's own label: "Eq. (N), branch …", "Appendix A, (A2)", "Fig. N caption". */
  location: string;
  /** The claim in words. */
  statement: string;
  /** TeX, transcribed as printed, errors included. */
  printed: string;
  /** TeX of what our derivation gives (null when there is no formula). */
  derived: string | null;
  verdict: Verdict;
  /** TeX of the corrected form (the derived one); null unless the verdict is erratum. */
  corrected: string | null;
  evidence: Evidence;
}

/**
 * What a claim's check returns; the engine turns it into a verdict. There is no separate corrected
 * form: an erratum's correction is `derived`, and where it differs comes from the failing printed
 * checks (their `where`, else their computed detail).
 */
export interface ClaimOutcome {
  /** TeX (or words) of what the derivation gives; required for an erratum. */
  derived: string | null;
  checks: CheckRecord[];
  howDecided: string;
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

/** Methods that decide exactly (a proof), as opposed to sampled numerics. */
export const EXACT_METHODS: readonly CheckRecord['method'][] = ['exact-identity', 'exact-sign', 'exact-value'];
export const isExact = (c: CheckRecord): boolean => EXACT_METHODS.includes(c.method);
/** A route independent of the exact derivation: certified first-principles numerics, or a check of our routes against each other. */
const isSecondRoute = (c: CheckRecord): boolean => c.method === 'first-principles' || c.role === 'consistency';

/** Why a set of passing checks is `supported` rather than `verified`, or null if it is verified. */
export function shortOfVerified(checks: readonly CheckRecord[], precision?: number): string | null {
  const passed = checks.filter((c) => c.outcome === 'pass' && c.method !== 'text');
  const exact = passed.filter(isExact);
  if (exact.length === 0) {
    const numeric = passed.filter((c) => c.method === 'numeric-probe' || c.method === 'first-principles');
    const points = new Set(numeric.flatMap((c) => (c.points ?? []).map((p) => JSON.stringify(p)))).size;
    return `numerics only: ${numeric.length} numeric check${numeric.length === 1 ? '' : 's'}${points ? ` at ${points} points${precision ? ` to ${precision} digits` : ''}` : ' (see their details for points and precision)'}, not a proof`;
  }
  const second = passed.some((c) => isSecondRoute(c) && !(exact.length === 1 && c === exact[0]));
  return second ? null : 'a single exact route: nothing independent (first principles or a second derivation) confirms it';
}

/** The verdict the checks support (see Verdict). */
export function verdictOf(outcome: ClaimOutcome): Verdict {
  if (outcome.notCheckable !== undefined) return 'not-checkable';
  const { checks } = outcome;
  if (checks.length === 0) return 'failed';
  if (checks.some((c) => c.role === 'consistency' && c.outcome === 'fail')) return 'failed';
  if (checks.some((c) => c.outcome === 'inconclusive')) return 'inconclusive';
  if (printedCheckFailed(checks)) {
    // an erratum needs a derivation (its correction) confirmed by a second route; without both it is our failure
    const confirmed = checks.some((c) => c.outcome === 'pass' && isSecondRoute(c) && c.method !== 'text');
    return confirmed && outcome.derived ? 'erratum' : 'failed';
  }
  return shortOfVerified(checks) === null ? 'verified' : 'supported';
}

/** Where an erratum differs, from its failing printed checks (their computed `where`, else their detail). */
export function differsWhereOf(checks: readonly CheckRecord[]): string | null {
  const failing = checks.filter((c) => c.role === 'printed' && c.outcome === 'fail');
  if (failing.length === 0) return null;
  const withWhere = failing.filter((c) => c.where);
  return withWhere.length > 0 ? [...new Set(withWhere.map((c) => c.where!))].join('; ') : failing.map((c) => `${c.name}: ${c.detail}`).join('; ');
}
