/**
 * Building blocks of claim checks, each returning one CheckRecord: an exact identity decision, a
 * numeric probe of two formulas, a comparison of a formula with a first-principles computation,
 * and an exact sign decision. The claims in proofs/ compose these.
 */
import { decimalField, type DecimalField } from '../numeric/decimal.js';
import { parseRational, rationalFromNumber, rationalToString, rcmp, type Rational } from '../numeric/rational.js';
import { Rng } from '../random/rng.js';
import { decideIdentity, fromAst, THERMAL_DEFINITIONS, rftoString, type FromAstOptions, type RatFunc } from '../symbolic/ratfunc.js';
import { probeIdentity, PROBE_GUARD_DIGITS, PROBE_SLACK_DIGITS, type VariableRange } from '../symbolic/probe.js';
import { evaluate, expandDefinitions, parse, variables, type Ast } from '../symbolic/expr.js';
import type { CheckRecord, ClaimContext, ProbePoint } from './claim.js';

export type Ranges = Readonly<Record<string, VariableRange>>;
type Dec = DecimalField['zero'];

/** y = e^{−βω} and the paper's r, n̄ in terms of y: what probes substitute before evaluating. */
export const THERMAL_DEFINITIONS_IN_BETA: Readonly<Record<string, string>> = { y: 'exp(-beta*omega)', r: 'exp(-beta*omega)', nbar: '1/(exp(beta*omega) - 1)' };

const asString = (x: string | RatFunc): string => (typeof x === 'string' ? x : rftoString(x));

const SHORT = decimalField(12);
/** A value for a message: 12 significant digits. */
const short = (x: string): string => (/^-?[\d.]+(e[+-]?\d+)?$/i.test(x) ? SHORT.toString(SHORT.fromString(x)) : x);
/** A probe point for a message: each coordinate as a 10-digit decimal (the exact point is kept in the evidence). */
export const pointText = (at: Readonly<Record<string, string>>): string =>
  Object.entries(at)
    .map(([k, v]) => `${k} = ${SHORT.toString(SHORT.fromRational(parseRational(v)), 10)}`)
    .join(', ');

/**
 * lhs ≡ rhs as rational functions after rewriting exp/cosh/sinh of βω into y = e^{−βω} and
 * r, n̄ into y. Returns null when a side is not rational (abs, sqrt, log): no exact decision.
 */
export function exactIdentity(
  name: string,
  role: CheckRecord['role'],
  lhs: string | RatFunc,
  rhs: string | RatFunc,
  options: FromAstOptions = {},
): CheckRecord | null {
  const opts = { definitions: THERMAL_DEFINITIONS, ...options };
  const d = decideIdentity(asString(lhs), asString(rhs), opts);
  if (d.verdict === 'not-rational') return null;
  const pass = d.verdict === 'identical';
  return {
    name,
    role,
    method: 'exact-identity',
    outcome: pass ? 'pass' : 'fail',
    detail: pass
      ? 'identical as rational functions: the numerator of the difference over the common denominator expands to the zero polynomial'
      : `not identical: the numerator of the difference is a nonzero polynomial (${Math.min(d.numerator.terms.size, 9999)} terms)`,
  };
}

/** The rational function of a formula (after the paper's rewriting), or throw naming the non-rational part. */
export function ratFuncOf(formula: string, options: FromAstOptions = {}): RatFunc {
  const r = fromAst(formula, { definitions: THERMAL_DEFINITIONS, ...options });
  if (!r.ok) throw new Error(`not a rational function: ${r.message}`);
  return r.value;
}

const toProbePoint = (at: Readonly<Record<string, string>>): ProbePoint => ({ ...at });

/** Both formulas at ≥ 50 digits at seeded random points (always ω = 1 and ω ≠ 1 when ω occurs). */
export function numericProbe(
  name: string,
  role: CheckRecord['role'],
  lhs: string | RatFunc,
  rhs: string | RatFunc,
  ctx: ClaimContext,
  ranges: Ranges,
  options: { points?: number; definitions?: Readonly<Record<string, string>> } = {},
): CheckRecord & { failures: string[] } {
  const r = probeIdentity(asString(lhs), asString(rhs), {
    rng: new Rng(ctx.seed, ['probe', name]),
    ranges,
    points: options.points ?? 6,
    precision: ctx.precision,
    definitions: { ...THERMAL_DEFINITIONS_IN_BETA, ...options.definitions },
  });
  const failures = r.points.filter((p) => !p.pass).map((p) => `${pointText(p.at)}: ${p.error ?? `${short(p.lhs)} vs ${short(p.rhs)}`}`);
  return {
    name,
    role,
    method: 'numeric-probe',
    outcome: r.pass ? 'pass' : 'fail',
    detail: r.pass
      ? `agree at ${r.points.length} points to ${r.precision} digits (tolerance ${r.tolerance}·max(1, |value|))${r.omegaCovered ? ', ω = 1 and ω ≠ 1 included' : ''}`
      : `differ at ${failures.length} of ${r.points.length} points, e.g. ${failures[0]}`,
    maxDeviation: r.maxAbsDeviation,
    points: r.points.map((p) => toProbePoint(p.at)),
    failures,
  };
}

/** Seeded random points in `ranges` (exact rationals), the first with ω = 1 if ω is a variable. */
export function drawPoints(ctx: ClaimContext, name: string, ranges: Ranges, count: number): Record<string, Rational>[] {
  const vars = Object.keys(ranges).sort();
  const streams = new Map(vars.map((v) => [v, new Rng(ctx.seed, ['points', name, v])]));
  const out: Record<string, Rational>[] = [];
  for (let k = 0; k < count; k++) {
    const p: Record<string, Rational> = {};
    for (const v of vars) {
      const r = ranges[v];
      const lo = typeof r.lo === 'number' ? rationalFromNumber(r.lo) : parseRational(r.lo);
      const hi = typeof r.hi === 'number' ? rationalFromNumber(r.hi) : parseRational(r.hi);
      const rng = streams.get(v)!;
      if (r.integer) p[v] = { num: BigInt(rng.int(Number(lo.num / lo.den), Number(hi.num / hi.den))), den: 1n };
      else if (rcmp(lo, hi) === 0) p[v] = lo;
      else {
        const a = Number(lo.num) / Number(lo.den);
        const b = Number(hi.num) / Number(hi.den);
        let q: Rational;
        do q = rationalFromNumber(rng.uniform(a, b));
        while (rcmp(q, lo) < 0 || rcmp(q, hi) >= 0);
        p[v] = q;
      }
    }
    if (k === 0 && 'omega' in ranges) p.omega = { num: 1n, den: 1n };
    out.push(p);
  }
  return out;
}

/** A first-principles computation at a point: its value and a rigorous error bound if it has one. */
export type FirstPrinciples = (point: Readonly<Record<string, Dec>>, D: DecimalField) => { value: Dec; errorBound?: Dec };

/**
 * A formula against a first-principles computation (density matrices, eigendecompositions) at
 * seeded points: agreement within the computation's error bound plus 10^−(p−10)·max(1, |value|).
 */
export function firstPrinciplesCheck(
  name: string,
  role: CheckRecord['role'],
  formula: string | RatFunc,
  compute: FirstPrinciples,
  ctx: ClaimContext,
  ranges: Ranges,
  options: { points?: number; what?: string } = {},
): CheckRecord & { failures: string[] } {
  const D = decimalField(ctx.precision + PROBE_GUARD_DIGITS);
  const ast: Ast = expandDefinitions(parse(asString(formula)), THERMAL_DEFINITIONS_IN_BETA);
  const need = variables(ast);
  const pts = drawPoints(ctx, name, ranges, options.points ?? 5);
  const tol = new D.Decimal(10).pow(-(ctx.precision - PROBE_SLACK_DIGITS));
  let maxDev = new D.Decimal(0);
  const failures: string[] = [];
  const points: ProbePoint[] = [];
  for (const p of pts) {
    const env: Record<string, Dec> = {};
    const at: ProbePoint = {};
    for (const [k, v] of Object.entries(p)) {
      env[k] = D.fromRational(v);
      at[k] = rationalToString(v);
    }
    for (const v of need) if (!(v in env)) throw new Error(`firstPrinciplesCheck: no range for "${v}"`);
    points.push(at);
    const f = evaluate(ast, env, D);
    const fp = compute(env, D);
    const dev = f.minus(fp.value).abs();
    if (dev.gt(maxDev)) maxDev = dev;
    const allowed = tol.times(D.Decimal.max(1, fp.value.abs())).plus(fp.errorBound ?? 0);
    if (!dev.lte(allowed)) failures.push(`${pointText(at)}: formula ${f.toSignificantDigits(12)} vs ${fp.value.toSignificantDigits(12)}`);
  }
  return {
    name,
    role,
    method: 'first-principles',
    outcome: failures.length === 0 ? 'pass' : 'fail',
    detail:
      failures.length === 0
        ? `agrees with ${options.what ?? 'the first-principles computation'} at ${pts.length} points (within its certified error bound + 10^-${ctx.precision - PROBE_SLACK_DIGITS})`
        : `differs from ${options.what ?? 'the first-principles computation'} at ${failures.length} of ${pts.length} points, e.g. ${failures[0]}`,
    maxDeviation: maxDev.toSignificantDigits(6).toString(),
    points,
    failures,
  };
}

/** A check decided by an exact computation that returns pass/fail and a sentence. */
export function exactCheck(
  name: string,
  role: CheckRecord['role'],
  method: CheckRecord['method'],
  decide: () => { pass: boolean; detail: string },
): CheckRecord {
  const r = decide();
  return { name, role, method, outcome: r.pass ? 'pass' : 'fail', detail: r.detail };
}
