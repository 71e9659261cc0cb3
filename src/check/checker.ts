/**
 * A user claim as a claim of the engine (src/claims): the printed formula against an exact
 * derivation (where the state and the quantity have one) and against first principles at ≥ 50
 * digits at seeded points of the assumed domain — always ω = 1 and ω ≠ 1 where ω is free, and one
 * point inside every piece of a piecewise derivation.
 */
import { decimalField, type DecimalField } from '../numeric/decimal.js';
import { rational, rationalFromNumber, rationalToString, rcmp, rdiv, radd, RONE, type Rational } from '../numeric/rational.js';
import { Rng } from '../random/rng.js';
import type { CheckRecord, CheckedClaim, Claim, ClaimContext, ClaimOutcome, ProbePoint } from '../claims/claim.js';
import { runClaims } from '../claims/run.js';
import { pointText } from '../claims/checks.js';
import { evaluate, num, substitute, toTeX, type Ast } from '../symbolic/expr.js';
import { fromAst, identical, THERMAL_DEFINITIONS, rfevalField, rftoString, type RatFunc } from '../symbolic/ratfunc.js';
import { interval, isolateRoots, realToString, rootDecimal, type RealAlgebraic, type RealInterval } from '../symbolic/sturm.js';
import { PROBE_GUARD_DIGITS, PROBE_SLACK_DIGITS } from '../symbolic/probe.js';
import { zfromPoly } from '../symbolic/upoly.js';
import { formsText, LIST_QUANTITIES, type UserClaimSpec } from './claims-file.js';
import { isPoint, rangeConstraints, MODEL_RANGES, type Parameter, type Range } from './domain.js';
import { exactQuantity, numericQuantity, type ExactPiece } from './quantities.js';
import { exactState, numericState } from './states.js';

type Dec = DecimalField['zero'];

/** One piece of a correction: a plain-infix formula (in y = e^{−βω}, c, ω) and where it holds. */
export interface CorrectedPiece {
  readonly formula: string | readonly string[];
  readonly where: readonly string[];
}

/** A checked user claim: the engine's shape, and for an erratum the correction as plain infix. */
export interface CheckedUserClaim extends CheckedClaim {
  correctedPieces?: CorrectedPiece[];
}

/** Probe points per number of qubits (plus one per piece of a piecewise derivation). */
export const PROBE_POINTS = 5;

/** The finite box probes are drawn from, for a range with an infinite end. */
const SPAN: Readonly<Record<Parameter, number>> = { beta: 10, omega: 3, y: 1, r: 1, nbar: 10, c: 1, N: 0 };

const Q = (n: bigint, d = 1n): Rational => rational(n, d);

/** The sampling coordinate of the temperature: the one the user bounded, else y over (0, 1]. */
function temperatureOf(spec: UserClaimSpec): { v: 'beta' | 'y' | 'r' | 'nbar'; range: Range } {
  for (const v of ['beta', 'y', 'r', 'nbar'] as const) if (spec.assume[v]) return { v, range: spec.assume[v]! };
  return { v: 'y', range: MODEL_RANGES.y };
}

/** A seeded rational point of R (open ends avoided), or the point itself. */
function drawIn(rng: Rng, R: Range, v: Parameter): Rational {
  if (isPoint(R)) return R.lo!;
  const lo = R.lo ?? Q(0n);
  const hi = R.hi ?? radd(lo, rationalFromNumber(SPAN[v]));
  const a = Number(lo.num) / Number(lo.den);
  const b = Number(hi.num) / Number(hi.den);
  for (let tries = 0; tries < 64; tries++) {
    const q = rationalFromNumber(rng.uniform(a, b));
    const cl = rcmp(q, lo);
    const ch = rcmp(q, hi);
    if (cl < 0 || ch > 0 || (cl === 0 && !R.loClosed) || (ch === 0 && (!R.hiClosed || R.hi === null))) continue;
    return q;
  }
  // a range narrower than a double can resolve: its exact midpoint
  return rdiv(radd(lo, hi), Q(2n));
}

interface Point {
  /** Exact coordinates drawn (the temperature coordinate, ω, c). */
  readonly exact: Record<string, Rational>;
}

/** The values of every parameter at a point, in D (β from y when y was drawn, and so on). */
function environment(D: DecimalField, p: Point, tv: string): Record<string, Dec> {
  const omega = D.fromRational(p.exact.omega);
  const t = D.fromRational(p.exact[tv]);
  let beta: Dec;
  let y: Dec;
  if (tv === 'beta') {
    beta = t;
    y = D.exp(D.neg(D.mul(beta, omega)));
  } else {
    y = tv === 'nbar' ? D.div(t, D.add(D.one, t)) : t;
    beta = D.isZero(D.sub(y, D.one)) ? D.zero : D.div(y.ln().neg(), omega);
  }
  const env: Record<string, Dec> = { beta, omega, y, r: y };
  // n̄ = ∞ at β = 0: left out, so a formula in n̄ cannot be evaluated there
  if (tv === 'nbar') env.nbar = t;
  else if (!D.isZero(D.sub(y, D.one))) env.nbar = D.div(y, D.sub(D.one, y));
  if (p.exact.c !== undefined) env.c = D.fromRational(p.exact.c);
  return env;
}

const endText = (r: RealAlgebraic): string => (r.kind === 'rational' ? rationalToString(r.value) : rootDecimal(r, 30).approx);

/** A piece's condition as plain infix inequalities (an algebraic end as a 30-digit decimal). */
function pieceWhere(p: ExactPiece): string[] {
  if (p.variable === null) return [];
  const out: string[] = [];
  // an end of the domain itself is already in the domain's constraints
  if (p.lo !== null && !p.loIsDomainEnd) out.push(`${p.variable} > ${endText(p.lo)}`);
  // the quantity is continuous inside the domain: the shared end belongs to either piece
  if (p.hi !== null && !p.hiIsDomainEnd) out.push(`${p.variable} <= ${endText(p.hi)}`);
  return out;
}

/** Whether a decimal value of the piece's variable lies in its (closed) range. */
function inPiece(D: DecimalField, p: ExactPiece, env: Record<string, Dec>): boolean {
  if (p.variable === null) return true;
  const x = env[p.variable];
  const end = (r: RealAlgebraic | null): Dec | null =>
    r === null ? null : r.kind === 'rational' ? D.fromRational(r.value) : D.fromString(rootDecimal(r, D.precision + 5).approx.replace(/^≈/, ''));
  const lo = end(p.lo);
  const hi = end(p.hi);
  return (lo === null || D.cmp(x, lo) >= 0) && (hi === null || D.cmp(x, hi) <= 0);
}

const texOf = (f: RatFunc): string => toTeX(rftoString(f)).tex;

/** Piecewise TeX of an exact result. */
function piecesTeX(pieces: readonly ExactPiece[]): string {
  const value = (p: ExactPiece): string => (p.values.length === 1 ? texOf(p.values[0]) : `\\left(${p.values.map(texOf).join(', ')}\\right)`);
  if (pieces.length === 1) return value(pieces[0]);
  return pieces
    .map(
      (p) =>
        `${value(p)} \\ \\text{for } ${pieceWhere(p)
          .map((w) => w.replace('<=', '\\leq'))
          .join(',\\ ')}`,
    )
    .join(';\\quad ');
}

/** The claim in words, when the user gave none. */
function statementOf(spec: UserClaimSpec, N: number): string {
  const st = spec.state;
  const what =
    st.family === 'two-qubit'
      ? 'the two-qubit collective steady state with parameter c'
      : st.family === 'gibbs'
        ? `the Gibbs state of ${N} qubits`
        : st.family === 'explicit'
          ? `the given state of ${N} qubits`
          : `the collective steady state of ${spec.qubits.length > 1 ? 'N' : N} qubits from ${st.initial!.kind === 'matrix' ? 'the given initial state' : st.initial!.kind === 'dicke' ? `the Dicke state with ${st.initial!.k} excitations` : `the ${st.initial!.kind} state`}`;
  const domain = Object.entries(spec.assume)
    .flatMap(([v, R]) => rangeConstraints(v, R!))
    .join(', ');
  return `The ${spec.quantity.replace('-', ' ')} of ${what} is ${formsText(spec.formsAt(N))}${domain ? ` for ${domain}` : ''}.`;
}

/** A user claim as an engine Claim; `correctedPieces()` gives the correction after an erratum. */
export interface UserClaim extends Claim {
  readonly spec: UserClaimSpec;
  correctedPieces(): CorrectedPiece[] | null;
}

/** The engine claim of a validated user claim; `source` (e.g. the file name) starts its location. */
export function userClaim(spec: UserClaimSpec, source = 'claims file'): UserClaim {
  let corrections: CorrectedPiece[] | null = null;
  const forms0 = spec.formsAt(spec.qubits[0]);
  const printed = spec.printed ?? (forms0.length === 1 ? toTeX(forms0[0]).tex : `\\left(${forms0.map((f) => toTeX(f).tex).join(', ')}\\right)`);
  return {
    spec,
    id: spec.id,
    location: `User claims (${source}), claim ${spec.id}`,
    statement: spec.statement ?? statementOf(spec, spec.qubits[0]),
    printed,
    correctedPieces: () => corrections,
    check(ctx: ClaimContext): ClaimOutcome {
      corrections = null;
      const checks: CheckRecord[] = [];
      const derivedTeX: string[] = [];
      const pieces: CorrectedPiece[] = [];
      const differs: string[] = [];
      const hows: string[] = [];
      const many = spec.qubits.length > 1;
      for (const N of spec.qubits) {
        const r = checkAtN(spec, N, ctx, many ? `, N = ${N}` : '');
        checks.push(...r.checks);
        if (r.derivedTeX) derivedTeX.push(many ? `N = ${N}:\\ ${r.derivedTeX}` : r.derivedTeX);
        pieces.push(...r.pieces.map((p) => ({ ...p, where: many ? [`N = ${N}`, ...p.where] : p.where })));
        if (r.differs) differs.push(many ? `N = ${N}: ${r.differs}` : r.differs);
        if (!hows.includes(r.how)) hows.push(r.how);
      }
      const printedFails = checks.some((c) => c.role === 'printed' && c.outcome === 'fail');
      const derived = derivedTeX.length ? derivedTeX.join(';\\quad ') : null;
      if (printedFails && derived !== null) corrections = pieces;
      // the engine takes the correction from `derived` and where they differ from the failing check
      const where = differs.join('; ') || null;
      if (printedFails && where !== null) {
        const failing = checks.find((c) => c.role === 'printed' && c.outcome === 'fail');
        if (failing && failing.where === undefined) failing.where = where;
      }
      return { derived, checks, howDecided: hows.join('; ') };
    },
  };
}

interface AtN {
  checks: CheckRecord[];
  derivedTeX: string | null;
  pieces: CorrectedPiece[];
  differs: string | null;
  how: string;
}

function checkAtN(spec: UserClaimSpec, N: number, ctx: ClaimContext, suffix: string): AtN {
  const D = decimalField(ctx.precision + PROBE_GUARD_DIGITS);
  const list = LIST_QUANTITIES.includes(spec.quantity);
  const sorted = spec.quantity === 'eigenvalues';
  const forms = spec.formsAt(N);
  const { v: tv, range: tRange } = temperatureOf(spec);
  const omegaRange = spec.assume.omega ?? MODEL_RANGES.omega;
  const hasC = spec.state.family === 'two-qubit';
  const cRange = spec.assume.c ?? MODEL_RANGES.c;

  // Exact route: fixed values and (superset) intervals of the free variables y, c, ω.
  const fixed: Record<string, Rational> = {};
  const intervals: Record<string, RealInterval> = {};
  const asInterval = (R: Range): RealInterval => ({ lo: R.lo, hi: R.hi, loClosed: R.loClosed, hiClosed: R.hiClosed });
  if (isPoint(omegaRange)) fixed.omega = omegaRange.lo!;
  else intervals.omega = asInterval(omegaRange);
  if (hasC) {
    if (isPoint(cRange)) fixed.c = cRange.lo!;
    else intervals.c = asInterval(cRange);
  }
  if (tv === 'y' || tv === 'r') {
    if (isPoint(tRange)) fixed.y = tRange.lo!;
    else intervals.y = asInterval(tRange);
  } else if (tv === 'nbar') {
    const map = (n: Rational | null): Rational | null => (n === null ? null : rdiv(n, radd(RONE, n)));
    if (isPoint(tRange)) fixed.y = map(tRange.lo)!;
    else intervals.y = { lo: map(tRange.lo), hi: map(tRange.hi) ?? RONE, loClosed: tRange.loClosed, hiClosed: tRange.hi !== null && tRange.hiClosed };
  } else if (isPoint(tRange) && tRange.lo!.num === 0n) fixed.y = RONE;
  else intervals.y = interval(0, 1, '(]');

  // The printed forms with the fixed values put in (β = 0 ⇒ y = r = 1).
  const fixedAst: Record<string, Ast> = {};
  for (const [k, v] of Object.entries(fixed)) fixedAst[k] = num(v);
  if (fixed.y !== undefined) fixedAst.r = num(fixed.y);
  if (tv === 'beta' && isPoint(tRange)) fixedAst.beta = num(tRange.lo!);
  if (tv === 'nbar' && isPoint(tRange)) fixedAst.nbar = num(tRange.lo!);
  const printedRat: (RatFunc | null)[] = forms.map((f) => {
    const r = fromAst(substitute(f, fixedAst), { definitions: THERMAL_DEFINITIONS });
    return r.ok ? r.value : null;
  });

  const st = exactState(spec.state, N);
  const ex = st.ok ? exactQuantity(spec.quantity, st.rho, { N, fixed, intervals }) : st;
  const how = [
    st.ok ? `exact: ${st.how}` : `no exact state: ${st.reason}`,
    st.ok ? (ex.ok ? `the ${spec.quantity} by ${ex.how}` : ex.reason) : null,
    `first principles: the state built from the model (Schur–Weyl map of the collective master equation, or the given matrix) and measured at ${ctx.precision} digits`,
  ]
    .filter(Boolean)
    .join('; ');
  const checks: CheckRecord[] = [];

  // Probe points: seeded in the domain, the first at ω = 1, plus one inside each exact piece.
  const rng = new Rng(ctx.seed, ['user-claim', spec.id, String(N)]);
  const points: Point[] = [];
  for (let k = 0; k < PROBE_POINTS; k++) {
    const exact: Record<string, Rational> = { [tv]: drawIn(rng, tRange, tv), omega: drawIn(rng, omegaRange, 'omega') };
    if (hasC) exact.c = drawIn(rng, cRange, 'c');
    if (k === 0 && !isPoint(omegaRange) && rcmp(Q(1n), omegaRange.lo ?? Q(0n)) > 0 && (omegaRange.hi === null || rcmp(Q(1n), omegaRange.hi) < 0))
      exact.omega = Q(1n);
    points.push({ exact });
  }
  if (ex.ok && ex.pieces.length > 1) {
    for (const p of ex.pieces) {
      const v = p.variable!;
      const s = pieceSample(p);
      const base = { ...points[points.length - 1].exact };
      if (v === 'y' && tv !== 'y' && tv !== 'r') continue; // y is not a sampling coordinate here
      base[v === 'y' ? tv : v] = v === 'y' && tv === 'nbar' ? rdiv(s, radd(RONE, { num: -s.num, den: s.den })) : s;
      points.push({ exact: base });
    }
  }
  const probe: ProbePoint[] = points.map((p) => Object.fromEntries(Object.entries(p.exact).map(([k, v]) => [k, rationalToString(v)])));

  // First principles at every point.
  const tol = new D.Decimal(10).pow(-(ctx.precision - PROBE_SLACK_DIGITS));
  const fp = points.map((p) => {
    const env = environment(D, p, tv);
    const rho = numericState(D, spec.state, N, { beta: env.beta, omega: env.omega, c: env.c ?? D.zero });
    return { env, value: numericQuantity(D, spec.quantity, rho, N, env.omega) };
  });

  const compare = (name: string, role: CheckRecord['role'], valuesAt: (k: number) => Dec[] | string, what: string): CheckRecord => {
    let maxDev = new D.Decimal(0);
    const failures: string[] = [];
    points.forEach((_, k) => {
      const got = valuesAt(k);
      const ref = fp[k].value;
      const at = pointText(probe[k]);
      if (typeof got === 'string') return void failures.push(`${at}: ${got}`);
      if (got.length !== ref.values.length) return void failures.push(`${at}: ${got.length} values, the state has ${ref.values.length}`);
      const a = sorted ? got.slice().sort((x, y) => D.cmp(y, x)) : got;
      a.forEach((x, i) => {
        const dev = x.minus(ref.values[i]).abs();
        if (dev.gt(maxDev)) maxDev = dev;
        const allowed = tol.times(D.Decimal.max(1, ref.values[i].abs())).plus(ref.bound);
        if (!dev.lte(allowed)) failures.push(`${at}: ${x.toSignificantDigits(12)} vs ${ref.values[i].toSignificantDigits(12)}`);
      });
    });
    return {
      name: name + suffix,
      role,
      method: 'first-principles',
      outcome: failures.length === 0 ? 'pass' : 'fail',
      detail:
        failures.length === 0
          ? `${what} agrees with the first-principles ${spec.quantity} at ${points.length} points (within its error bound + 10^-${ctx.precision - PROBE_SLACK_DIGITS}·max(1, |value|))`
          : `${what} differs from the first-principles ${spec.quantity} at ${failures.length} of ${points.length} points, e.g. ${failures[0]}`,
      maxDeviation: maxDev.toSignificantDigits(6).toString(),
      points: probe,
    };
  };

  let derivedTeX: string | null = null;
  let pieces: CorrectedPiece[] = [];
  let differs: string | null = null;
  if (ex.ok) {
    derivedTeX = piecesTeX(ex.pieces);
    const valueAt = (k: number): Dec[] | string => {
      const env = fp[k].env;
      const p = ex.pieces.find((pc) => inPiece(D, pc, env));
      if (!p) return 'outside every piece';
      return p.values.map((f) => rfevalField(D, f, env));
    };
    checks.push(compare('derived vs first principles', 'consistency', valueAt, 'the exact derivation'));
    // the exact identity, piece by piece
    const rational = printedRat.every((f) => f !== null);
    if (rational && printedRat.length === ex.pieces[0].values.length) {
      const bad: ExactPiece[] = [];
      for (const p of ex.pieces) {
        const same = sorted ? multisetEqual(printedRat as RatFunc[], p.values) : p.values.every((f, i) => identical(printedRat[i]!, f).identical);
        if (!same) bad.push(p);
      }
      const domain = Object.entries(spec.assume).flatMap(([v, R]) => rangeConstraints(v, R!));
      pieces = ex.pieces.map((p) => ({
        formula: p.values.length === 1 && !list ? rftoString(p.values[0]) : p.values.map(rftoString),
        where: [...domain.filter((c) => !/^N /.test(c)), ...pieceWhere(p)],
      }));
      if (bad.length > 0) differs = bad.map((p) => differsText(printedRat as RatFunc[], p)).join('; ');
      checks.push({
        name: `printed ≡ derived (exact)${suffix}`,
        role: 'printed',
        method: 'exact-identity',
        outcome: bad.length === 0 ? 'pass' : 'fail',
        detail:
          bad.length === 0
            ? `identical as rational functions${ex.pieces.length > 1 ? ` on each of the ${ex.pieces.length} pieces` : ''}: the numerator of the difference expands to the zero polynomial`
            : `not identical${ex.pieces.length > 1 ? ` on ${bad.length} of ${ex.pieces.length} pieces` : ''}: ${differs}`,
      });
    } else if (!rational) {
      notRationalNote(checks, suffix);
    }
  }
  checks.push(
    compare(
      'printed vs first principles',
      'printed',
      (k) => {
        try {
          return forms.map((f) => evaluate(f, fp[k].env, D));
        } catch (e) {
          return `the formula cannot be evaluated (${(e as Error).message.split('\n')[0]})`;
        }
      },
      'the printed formula',
    ),
  );
  return { checks, derivedTeX, pieces, differs, how };
}

/** Note, without a verdict of its own, that the printed form is not rational (so it was compared numerically). */
function notRationalNote(checks: CheckRecord[], suffix: string): void {
  checks.push({
    name: `printed form${suffix}`,
    role: 'printed',
    method: 'text',
    outcome: 'pass',
    detail: 'the printed form is not a rational function of y = e^{-βω}, c, ω (abs, sqrt, log …): compared with the derivation by first-principles probes only',
  });
}

function multisetEqual(a: readonly RatFunc[], b: readonly RatFunc[]): boolean {
  if (a.length !== b.length) return false;
  const left = [...b];
  for (const f of a) {
    const i = left.findIndex((g) => identical(f, g).identical);
    if (i < 0) return false;
    left.splice(i, 1);
  }
  return true;
}

/** Where printed and derived differ on a piece: there except at the real zeros of the difference (one variable), said exactly. */
function differsText(printed: readonly RatFunc[], p: ExactPiece): string {
  const where = pieceWhere(p);
  const zeros: string[] = [];
  printed.forEach((f, i) => {
    const d = identical(f, p.values[i]);
    if (d.identical || p.variable === null) return;
    const v = p.variable;
    if (d.numerator.vars.length === 1 && d.numerator.vars[0] === v) {
      const I: RealInterval = {
        lo: p.lo?.kind === 'rational' ? p.lo.value : null,
        hi: p.hi?.kind === 'rational' ? p.hi.value : null,
        loClosed: false,
        hiClosed: false,
      };
      for (const r of isolateRoots(zfromPoly(d.numerator, v), I))
        zeros.push(`${v} = ${r.kind === 'rational' ? rationalToString(r.value) : realToString(r, 20, v)}`);
    }
  });
  const region = where.length ? where.join(', ') : 'the whole domain';
  return `on ${region}${zeros.length ? ` except at ${zeros.join(', ')}` : ''} (printed − derived is not the zero function there)`;
}

/** A rational point inside a piece. */
function pieceSample(p: ExactPiece): Rational {
  const lo = p.lo === null ? null : p.lo.kind === 'rational' ? p.lo.value : p.lo.hi;
  const hi = p.hi === null ? null : p.hi.kind === 'rational' ? p.hi.value : p.hi.lo;
  if (lo !== null && hi !== null) return rdiv(radd(lo, hi), Q(2n));
  if (lo !== null) return radd(lo, RONE);
  if (hi !== null) return radd(hi, Q(-1n));
  return Q(0n);
}

/** Check user claims with the engine (runClaims), adding `correctedPieces` to each erratum. */
export async function checkUserClaims(
  claims: readonly UserClaim[],
  ctx: ClaimContext,
  onDone?: (c: CheckedUserClaim, index: number) => void,
): Promise<CheckedUserClaim[]> {
  const byId = new Map(claims.map((c) => [c.id, c]));
  const withPieces = (c: CheckedClaim): CheckedUserClaim => {
    const pieces = c.verdict === 'erratum' ? byId.get(c.id)?.correctedPieces() : null;
    return pieces ? { ...c, correctedPieces: pieces } : c;
  };
  const out = await runClaims(claims, ctx, (c, i) => onDone?.(withPieces(c), i));
  return out.map(withPieces);
}
