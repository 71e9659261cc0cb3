/** The claim checker: runs claims, times them, and turns their outcomes into verdicts. */
import { performance } from 'node:perf_hooks';
import { Decimal } from 'decimal.js';
import type { CheckedClaim, CheckRecord, Claim, ClaimContext, ClaimOutcome, ProbePoint } from './claim.js';
import { differsWhereOf, shortOfVerified, verdictOf } from './claim.js';

/** Thrown by a check that could not finish (e.g. a CAS timeout): the verdict is inconclusive, never a pass. */
export class InconclusiveError extends Error {
  override readonly name = 'InconclusiveError';
}

const D = Decimal.clone({
  precision: 20,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -7,
  toExpPos: 21,
  minE: -9e15,
  maxE: 9e15,
  crypto: false,
  modulo: Decimal.ROUND_DOWN,
  defaults: false,
});

function largest(values: (string | undefined)[]): string | null {
  let best: InstanceType<typeof D> | null = null;
  for (const v of values) {
    if (v === undefined) continue;
    const d = new D(v).abs();
    if (best === null || d.gt(best)) best = d;
  }
  return best === null ? null : best.toSignificantDigits(3).toString();
}

function dedupe(points: ProbePoint[]): ProbePoint[] {
  const seen = new Set<string>();
  return points.filter((p) => {
    const k = JSON.stringify(Object.entries(p).sort());
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Check one claim; a check that throws is reported (inconclusive or failed), never propagated. */
export async function runClaim(claim: Claim, ctx: ClaimContext): Promise<CheckedClaim> {
  const t0 = performance.now();
  let outcome: ClaimOutcome;
  try {
    outcome = await claim.check(ctx);
  } catch (e) {
    const inconclusive = e instanceof InconclusiveError;
    const message = e instanceof Error ? e.message : String(e);
    outcome = {
      derived: null,
      howDecided: inconclusive ? 'a check could not finish' : 'a check broke',
      checks: [{ name: 'check', role: 'consistency', method: 'text', outcome: inconclusive ? 'inconclusive' : 'fail', detail: message.split('\n')[0] }],
    };
  }
  const differsWhere = differsWhereOf(outcome.checks);
  // keep exactly the published fields of each check (helpers may carry extras, e.g. failure lists)
  const checks: CheckRecord[] = outcome.checks.map(({ name, role, method, outcome: o, detail, maxDeviation, points }) => ({
    name,
    role,
    method,
    outcome: o,
    detail,
    ...(maxDeviation === undefined ? {} : { maxDeviation }),
    ...(points === undefined ? {} : { points }),
  }));
  outcome = { ...outcome, checks };
  const verdict = verdictOf(outcome);
  const passed = outcome.checks.filter((c) => c.outcome === 'pass');
  const howDecided =
    outcome.notCheckable !== undefined
      ? 'not checkable'
      : verdict === 'supported'
        ? `${outcome.howDecided} — supported, not verified: ${shortOfVerified(outcome.checks, ctx.precision)}`
        : outcome.howDecided;
  return {
    id: claim.id,
    location: claim.location,
    statement: claim.statement,
    printed: claim.printed,
    derived: outcome.derived,
    verdict,
    corrected: verdict === 'erratum' ? outcome.derived : null,
    evidence: {
      howDecided,
      checks: outcome.checks,
      points: dedupe(outcome.checks.flatMap((c) => c.points ?? [])),
      maxDeviation: largest((passed.length > 0 ? passed : outcome.checks).map((c) => c.maxDeviation)),
      precision: ctx.precision,
      differsWhere: verdict === 'erratum' ? differsWhere : null,
      reason: outcome.notCheckable ?? null,
      seconds: Number(((performance.now() - t0) / 1000).toFixed(3)),
    },
  };
}

/** Check claims in order, reporting each as it finishes. */
export async function runClaims(claims: readonly Claim[], ctx: ClaimContext, onDone?: (c: CheckedClaim, index: number) => void): Promise<CheckedClaim[]> {
  const out: CheckedClaim[] = [];
  for (const [i, claim] of claims.entries()) {
    // yield to the event loop between claims, so a long run never starves timers and I/O
    await new Promise<void>((resolve) => setImmediate(resolve));
    const checked = await runClaim(claim, ctx);
    out.push(checked);
    onDone?.(checked, i);
  }
  return out;
}
