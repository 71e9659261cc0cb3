/**
 * Declarative claim kinds, so that a claim in proofs/ is mostly data:
 *   formulaClaim   — a printed formula against a symbolic derivation and a first-principles computation;
 *   piecewiseClaim — a printed piecewise formula against derived pieces (cases, bounds and formulas);
 *   checksClaim    — any statement decided by a list of checks (exact signs, limits, text);
 *   notCheckable   — a statement that cannot be checked, with the reason.
 */
import type { CheckRecord, Claim, ClaimContext, ClaimOutcome } from './claim.js';
import {
  fromAst,
  identical,
  THERMAL_DEFINITIONS,
  rfderivative,
  rfevalPartial,
  rfevalRational,
  rfisZero,
  rfneg,
  rfsub,
  rftoString,
  type RatFunc,
} from '../symbolic/ratfunc.js';
import { astToString, parse, toTeX, variables } from '../symbolic/expr.js';
import { interval, signSolutionToString, solveSignRatFunc, type RealInterval } from '../symbolic/sturm.js';
import { parseRational, rationalToString, rcmp, type Rational } from '../numeric/rational.js';
import { PAPER_DOMAIN, zeroSetOfDifference, type Domain } from './differs.js';
import { firstPrinciplesCheck, numericProbe, ratFuncOf, type FirstPrinciples, type Ranges } from './checks.js';
import { intervalOf, printedBranches, printedForms, readPrinted, type PrintedReading } from './printed.js';
import { readableOf } from './readable.js';

export type { PrintedBranch, PrintedReading } from './printed.js';

interface ClaimHeader {
  id: string;
  /** Starts with the paper's own label, e.g. "Eq. (N), branch …" or "Appendix A, (A2)". */
  location: string;
  statement: string;
  /** TeX exactly as printed, errors included. */
  printed: string;
}

/** The header fields of a claim, from a spec that carries more. */
const header = ({ id, location, statement, printed }: ClaimHeader): ClaimHeader => ({ id, location, statement, printed });

export interface FormulaClaimSpec extends ClaimHeader {
  /**
   * Which item and forms of `printed` to read (parsePrintedFormula); default: every form of the
   * first formula item, each compared with the derivation. With `perN` the TeX is read once per N.
   */
  reading?: PrintedReading;
  /** The derivation from the model: a rational function (in c, y = e^{−βω}, ω, …) or a formula; with `perN`, for that N. */
  derive: (N?: number) => RatFunc | string;
  /**
   * For a formula in the number of qubits N: the values of N at which printed (N substituted) and
   * derived are compared exactly; `derivedTeX` then names the derived form for general N.
   */
  perN?: readonly number[];
  derivedTeX?: string;
  /** The quantity is |derive()|: the printed form must be abs(P) with P ≡ ±derive() (e.g. C_l1 of an X state). */
  modulus?: boolean;
  /** One sentence: how `derive` obtains it. */
  derivation: string;
  /** Valid range of every variable (ω must contain 1 and other values). */
  ranges: Ranges;
  /** The domain of the exact comparison (default: the paper's, with c from `ranges`). */
  domain?: Domain;
  /** The same quantity from first principles (ρ built, diagonalised, …), for the consistency check. */
  firstPrinciples?: { compute: FirstPrinciples; what: string };
  /**
   * Where the derivation holds in `variable` (e.g. c): conditions g ≥ 0, each affine in the variable
   * and a rational function of it and y = e^{−βω}. The condition printed on the variable (e.g.
   * `0 \leq c < 1/2`) must lie inside for every y ∈ (0, 1]; a printed condition that claims the
   * formula beyond it is a printed error. `physical` is the variable's whole range.
   */
  validity?: { variable: string; physical: { lo: string; hi: string }; conditions: () => RatFunc[]; text: string };
  /** Extra checks; they receive the first compared printed form, read from the TeX (at N with `perN`). */
  extraChecks?: (ctx: ClaimContext, printedAt: (N?: number) => string) => CheckRecord[];
}

/** The first compared printed form of a formula claim, read from its TeX (with N substituted when given). */
const printedAt =
  (spec: FormulaClaimSpec) =>
  (N?: number): string =>
    printedForms(spec.printed, spec.reading, N === undefined ? undefined : { N })[0];

/** The per-N form of a formula claim: printed and derived compared exactly at every listed N. */
function perNOutcome(spec: FormulaClaimSpec, ctx: ClaimContext): ClaimOutcome {
  const Ns = spec.perN!;
  const checks: CheckRecord[] = [];
  const domain = spec.domain ?? domainOf(spec.ranges);
  const count = printedForms(spec.printed, spec.reading, { N: Ns[0] }).length;
  for (let i = 0; i < count; i++) {
    let failed: CheckRecord | null = null;
    for (const N of Ns) {
      const form = printedForms(spec.printed, spec.reading, { N })[i];
      const d = spec.derive(N);
      if (typeof d === 'string') throw new Error('formulaClaim: perN needs a rational derivation');
      const name = `printed form ${i + 1} ≡ derived, N = ${Ns[0]}..${Ns[Ns.length - 1]} (exact)`;
      let rec: CheckRecord | null;
      try {
        rec = exactComparison(name, form, d, domain, spec.modulus);
      } catch (e) {
        rec = null;
        if (!(e instanceof Error)) throw e;
      }
      if (!rec) {
        // the derivation is a rational function at this N and the printed form is not (e.g. it divides by zero)
        failed = {
          name,
          role: 'printed',
          method: 'exact-identity',
          outcome: 'fail',
          detail: `N = ${N}: the printed form is not a rational function of r here`,
          where: `at N = ${N}: the printed form is undefined or not rational (${fromAst(form, { definitions: THERMAL_DEFINITIONS }).ok ? 'not rational' : (fromAst(form, { definitions: THERMAL_DEFINITIONS }) as { message: string }).message}) while the derivation is ${rftoString(d)}`,
        };
        break;
      }
      if (rec.outcome === 'fail') {
        failed = { ...rec, detail: `N = ${N}: ${rec.detail}`, where: `at N = ${N} (the first N tried that differs): ${rec.where}` };
        break;
      }
    }
    checks.push(
      failed ?? {
        name: `printed form ${i + 1} ≡ derived, N = ${Ns[0]}..${Ns[Ns.length - 1]} (exact)`,
        role: 'printed',
        method: 'exact-identity',
        outcome: 'pass',
        detail: `identical as rational functions for every N = ${Ns[0]}..${Ns[Ns.length - 1]}`,
      },
    );
  }
  if (spec.extraChecks) checks.push(...spec.extraChecks(ctx, printedAt(spec)));
  const sample = Ns.filter((N) => N === 2 || N === 3).map((N) => `N = ${N}: ${derivedTeXOf(rftoString(spec.derive(N) as RatFunc))}`);
  return {
    derived: [spec.derivedTeX ?? '', ...sample].filter(Boolean).join('; \\quad '),
    checks,
    howDecided: `${spec.derivation}; printed and derived forms compared exactly as rational functions for N = ${Ns[0]}..${Ns[Ns.length - 1]} (where they differ: the zero set of the difference at the first differing N, by exact factors and Sturm sequences)`,
  };
}

/** The domain of an exact comparison: the paper's, with c restricted to the claim's range. */
export function domainOf(ranges: Ranges, base: Domain = PAPER_DOMAIN): Domain {
  const out: Record<string, RealInterval> = { ...base };
  for (const [v, r] of Object.entries(ranges)) {
    if (v === 'beta' || v === 'omega' || r.integer) continue;
    const same = String(r.lo) === String(r.hi);
    out[v] = interval(String(r.lo), String(r.hi), same ? '[]' : '[)');
  }
  return out;
}

/** TeX of a formula that is a function of y = e^{−βω} (or r), with that definition appended. */
export function derivedTeXOf(formula: string): string {
  const vs = variables(parse(formula));
  const tex = toTeX(formula).tex;
  const defs = [vs.includes('y') ? 'y = e^{-\\beta\\omega}' : null, vs.includes('r') ? 'r = e^{-\\beta\\omega}' : null].filter(Boolean);
  return defs.length ? `${tex}, \\quad ${defs.join(', ')}` : tex;
}

/** The printed formula as a rational function, or null (abs, sqrt, log). */
function rationalOrNull(formula: string): RatFunc | null {
  const r = fromAst(formula, { definitions: THERMAL_DEFINITIONS });
  return r.ok ? r.value : null;
}

/** printed ≡ derived exactly, with where they differ (zero set of the difference, Sturm) when not. */
export function exactComparison(name: string, printedFormula: string, derived: RatFunc, domain: Domain, modulus = false): CheckRecord | null {
  let printedRf: RatFunc | null;
  let signs: RatFunc[] = [derived];
  if (modulus) {
    const ast = parse(printedFormula);
    if (ast.kind !== 'call' || ast.fn !== 'abs')
      return {
        name,
        role: 'printed',
        method: 'exact-identity',
        outcome: 'fail',
        detail: 'the quantity is an absolute value and the printed form is not one',
        where: 'everywhere the inside changes sign',
      };
    printedRf = rationalOrNull(astToString(ast.arg));
    signs = [derived, rfneg(derived)];
  } else printedRf = rationalOrNull(printedFormula);
  if (!printedRf) return null;
  if (signs.some((d) => rfisZero(rfsub(printedRf!, d))))
    return {
      name,
      role: 'printed',
      method: 'exact-identity',
      outcome: 'pass',
      detail: `identical as rational functions${modulus ? ' (inside the absolute value, up to sign)' : ''}: the numerator of the difference over the common denominator expands to the zero polynomial`,
    };
  const z = zeroSetOfDifference(printedRf, derived, domain);
  return {
    name,
    role: 'printed',
    method: 'exact-identity',
    outcome: 'fail',
    detail: `not identical: printed − derived${modulus ? ' (inside the absolute value)' : ''} is nonzero ${z.text}`,
    where: `printed ≠ derived ${z.text}`,
  };
}

/** The printed condition on a variable (read from the TeX) lies where the derivation holds: each affine g ≥ 0 at both ends, for all y (Sturm). */
function validityCheck(printed: string, reading: PrintedReading | undefined, validity: NonNullable<FormulaClaimSpec['validity']>): CheckRecord {
  const v = validity.variable;
  const conds = readPrinted(printed, reading).conditions.filter((q) => [q.left, q.right].some((a) => a.kind === 'var' && a.name === v));
  const I = intervalOf(conds, v, validity.physical, 'the printed condition');
  const name = `the printed condition on ${v} lies where the derivation holds (${validity.text})`;
  const lo = rq(I.lo);
  const hi = rq(I.hi);
  const c = rcmp(lo, hi);
  const range = `${I.ends[0]}${I.lo}, ${I.hi}${I.ends[1]}`;
  if (c > 0 || (c === 0 && I.ends !== '[]'))
    return { name, role: 'printed', method: 'exact-sign', outcome: 'pass', detail: `the printed condition ${range} is empty: nothing is claimed` };
  const bad: string[] = [];
  for (const g of validity.conditions()) {
    if (!rfisZero(rfderivative(rfderivative(g, v), v))) throw new Error(`formulaClaim: the validity condition ${rftoString(g)} is not affine in ${v}`);
    // an affine condition holds on the interval iff it holds at both ends
    for (const end of c === 0 ? [lo] : [lo, hi]) {
      const h = rfevalPartial(g, { [v]: end });
      const s = h.num.vars.length === 0 && h.den.vars.length === 0 ? null : solveSignRatFunc(h, 'y', interval(0, 1, '(]'));
      const negative = s ? s.negative.length > 0 : rcmp(rfevalRational(h, {}), { num: 0n, den: 1n }) < 0;
      if (negative)
        bad.push(
          `at ${v} = ${rationalToString(end)}: ${rftoString(g)} < 0${s ? ` ${signSolutionToString({ ...s, positive: [], zeros: [] }, 12, '').replace(/^ ?< 0 /, '')}` : ''}`,
        );
    }
  }
  return {
    name,
    role: 'printed',
    method: 'exact-sign',
    outcome: bad.length ? 'fail' : 'pass',
    detail: bad.length
      ? `the printed condition ${v} ∈ ${range} goes beyond it: ${bad.join('; ')}`
      : `${v} ∈ ${range} is inside it for every y ∈ (0, 1] (Sturm at both ends)`,
    ...(bad.length ? { where: `the printed condition ${v} ∈ ${range} claims the formula where it does not hold (${validity.text}): ${bad.join('; ')}` } : {}),
  };
}

/** A printed formula checked against a derivation (exactly and by probes) and against first principles. */
export function formulaClaim(spec: FormulaClaimSpec): Claim {
  return {
    ...header(spec),
    check(ctx): ClaimOutcome {
      if (spec.perN) return perNOutcome(spec, ctx);
      const derived = spec.derive();
      const derivedText = typeof derived === 'string' ? derived : rftoString(derived);
      const wrap = (f: string) => (spec.modulus ? `abs(${f})` : f);
      const checks: CheckRecord[] = [];
      // the readable form printed from the derivation (readable.ts), proven identical to it exactly; it is a
      // presentation of the derivation, not a second route, so it adds no check that could confirm one
      const printedForm = typeof derived === 'string' ? null : readableOf(derived);
      if (printedForm !== null && typeof derived !== 'string' && !identical(ratFuncOf(printedForm), derived).identical)
        throw new Error(`formulaClaim: the readable form ${printedForm} is not the derivation ${rftoString(derived)}`);
      const readable = printedForm ?? derivedText;
      const domain = spec.domain ?? domainOf(spec.ranges);
      const forms = printedForms(spec.printed, spec.reading);
      let exact: CheckRecord | null = null;
      forms.forEach((form, i) => {
        const label = forms.length > 1 ? `printed form ${i + 1}` : 'printed';
        const e = typeof derived === 'string' ? null : exactComparison(`${label} ≡ derived (exact)`, form, derived, domain, spec.modulus);
        if (e) checks.push(e);
        exact ??= e;
        const probe = numericProbe(`${label} vs derived (numeric probe)`, 'printed', form, wrap(derivedText), ctx, spec.ranges);
        if (!e && probe.failures.length)
          probe.where = `at the probe points ${probe.failures.slice(0, 2).join('; ')} (the printed form is not rational: no exact zero set)`;
        checks.push(probe);
      });
      if (spec.firstPrinciples) {
        checks.push(
          firstPrinciplesCheck('derived vs first principles', 'consistency', wrap(derivedText), spec.firstPrinciples.compute, ctx, spec.ranges, {
            what: spec.firstPrinciples.what,
          }),
        );
        checks.push(
          firstPrinciplesCheck('printed vs first principles', 'printed', forms[0], spec.firstPrinciples.compute, ctx, spec.ranges, {
            what: spec.firstPrinciples.what,
          }),
        );
      }
      if (spec.validity) checks.push(validityCheck(spec.printed, spec.reading, spec.validity));
      if (spec.extraChecks) checks.push(...spec.extraChecks(ctx, printedAt(spec)));
      return {
        derived: derivedTeXOf(wrap(readable)),
        checks,
        howDecided: `${spec.derivation}; ${exact ? 'printed and derived forms compared exactly as rational functions (where they differ: the zero set of the difference, by exact factors and Sturm sequences)' : 'the printed form is not a rational function, so it was compared by numeric probes only'}${spec.firstPrinciples ? `, and both against ${spec.firstPrinciples.what}` : ''}`,
      };
    },
  };
}

/** One derived piece: the formula on the closed interval [lo, hi] of the branch variable. */
export interface DerivedPiece {
  lo: Rational;
  hi: Rational;
  f: RatFunc;
}

export interface PiecewiseClaimSpec extends ClaimHeader {
  /** The branch variable (e.g. c). */
  variable: string;
  /** The whole domain of the branch variable that the printed cases must cover. */
  domainLo: string;
  domainHi: string;
  /** Which item of `printed` holds the cases (e.g. the quantity "W"); the cases and their bounds are read from the TeX. */
  reading?: PrintedReading;
  /** The derivation: contiguous closed pieces covering the domain (a function continuous at the junctions). */
  derive: () => DerivedPiece[];
  derivation: string;
  /** Ranges of the other variables for probes and first principles (ω must contain 1 and other values). */
  ranges: Ranges;
  firstPrinciples?: { compute: FirstPrinciples; what: string };
  extraChecks?: (ctx: ClaimContext) => CheckRecord[];
}

const rq = (s: string): Rational => parseRational(s);
const maxQ = (a: Rational, b: Rational) => (rcmp(a, b) >= 0 ? a : b);
const minQ = (a: Rational, b: Rational) => (rcmp(a, b) <= 0 ? a : b);

/** The derived pieces as TeX cases (identical neighbouring formulas merged). */
function casesTeX(variable: string, pieces: readonly DerivedPiece[]): string {
  const merged: DerivedPiece[] = [];
  for (const p of pieces) {
    const last = merged[merged.length - 1];
    if (last && rfisZero(rfsub(last.f, p.f))) merged[merged.length - 1] = { ...last, hi: p.hi };
    else merged.push(p);
  }
  const v = variable === 'omega' ? '\\omega' : variable;
  const row = (p: DerivedPiece) =>
    `${toTeX(rftoString(p.f)).tex} & ${rcmp(p.lo, p.hi) === 0 ? `${v} = ${rationalToString(p.lo)}` : `${rationalToString(p.lo)} \\leq ${v} \\leq ${rationalToString(p.hi)}`}`;
  return merged.length === 1 ? toTeX(rftoString(merged[0].f)).tex : `\\begin{cases} ${merged.map(row).join(' \\\\ ')} \\end{cases}`;
}

/**
 * A printed piecewise formula against derived pieces: the printed cases must cover the domain, and
 * on every overlap of a printed case with a derived piece the two formulas must be identical; where
 * not, the zero set of their difference on the overlap is computed (Sturm). The derived pieces are
 * checked against first principles inside each piece.
 */
export function piecewiseClaim(spec: PiecewiseClaimSpec): Claim {
  return {
    ...header(spec),
    check(ctx): ClaimOutcome {
      const pieces = spec.derive();
      const v = spec.variable;
      const branches = printedBranches(spec.printed, spec.reading ?? {}, v, { lo: spec.domainLo, hi: spec.domainHi });
      const checks: CheckRecord[] = [];
      const lo = rq(spec.domainLo);
      const hi = rq(spec.domainHi);
      // coverage: sort the printed cases and walk the domain
      const sorted = [...branches].sort((a, b) => rcmp(rq(a.lo), rq(b.lo)));
      const gaps: string[] = [];
      let reach = lo;
      let reachClosed = false; // whether `reach` itself is covered
      for (const b of sorted) {
        const blo = rq(b.lo);
        const c0 = rcmp(blo, reach);
        if (c0 > 0) gaps.push(`${reachClosed ? '(' : '['}${rationalToString(reach)}, ${rationalToString(blo)}${b.ends[0] === '[' ? ')' : ']'}`);
        else if (c0 === 0 && !reachClosed && b.ends[0] === '(') gaps.push(`${v} = ${rationalToString(reach)}`);
        const bhi = rq(b.hi);
        if (rcmp(bhi, reach) > 0 || (rcmp(bhi, reach) === 0 && b.ends[1] === ']')) {
          reach = bhi;
          reachClosed = b.ends[1] === ']';
        }
      }
      if (rcmp(reach, hi) < 0 || !reachClosed)
        gaps.push(rcmp(reach, hi) < 0 ? `${reachClosed ? '(' : '['}${rationalToString(reach)}, ${rationalToString(hi)}]` : `${v} = ${rationalToString(hi)}`);
      // a printed case reaching outside the domain states the formula where the variable cannot be
      const outside = branches
        .map((b, k) => ({ b, k }))
        .filter(({ b }) => rcmp(rq(b.lo), lo) < 0 || rcmp(rq(b.hi), hi) > 0)
        .map(({ b, k }) => `case ${k + 1} (${b.ends[0]}${b.lo}, ${b.hi}${b.ends[1]}) reaches outside ${v} ∈ [${spec.domainLo}, ${spec.domainHi}]`);
      const problems = [...gaps.map((g) => `no printed case for ${g}`), ...outside];
      checks.push({
        name: `the printed cases cover ${v} ∈ [${spec.domainLo}, ${spec.domainHi}], and only it`,
        role: 'printed',
        method: 'exact-value',
        outcome: problems.length ? 'fail' : 'pass',
        detail: problems.length ? problems.join('; ') : 'every value is in a printed case (exact interval arithmetic)',
        ...(problems.length ? { where: problems.join('; ') } : {}),
      });
      // printed case vs derived piece on each overlap
      const bad: string[] = [];
      let compared = 0;
      for (const b of branches) {
        const pf = rationalOrNull(b.formula);
        if (!pf) throw new Error(`piecewiseClaim: printed case ${b.formula} is not rational`);
        for (const p of pieces) {
          const a = maxQ(rq(b.lo), p.lo);
          const z = minQ(rq(b.hi), p.hi);
          const cmp = rcmp(a, z);
          if (cmp > 0) continue;
          const aIn = rcmp(a, rq(b.lo)) > 0 || b.ends[0] === '[';
          const zIn = rcmp(z, rq(b.hi)) < 0 || b.ends[1] === ']';
          if (cmp === 0 && !(aIn && zIn)) continue;
          compared++;
          const diff = rfsub(pf, p.f);
          if (rfisZero(diff)) continue;
          if (cmp === 0) {
            const at = rfevalPartial(diff, { [v]: a });
            if (!rfisZero(at)) bad.push(`at ${v} = ${rationalToString(a)}: printed ${b.formula} ≠ derived ${rftoString(rfevalPartial(p.f, { [v]: a }))}`);
            continue;
          }
          const zs = zeroSetOfDifference(pf, p.f, { ...PAPER_DOMAIN, [v]: interval(a, z, `${aIn ? '[' : '('}${zIn ? ']' : ')'}` as '[]') });
          bad.push(`for the printed case ${b.formula} (${b.ends[0]}${b.lo}, ${b.hi}${b.ends[1]}) against the derived ${rftoString(p.f)}: ${zs.text}`);
        }
      }
      checks.push({
        name: 'each printed case ≡ the derived piece on their overlap (exact)',
        role: 'printed',
        method: 'exact-identity',
        outcome: bad.length ? 'fail' : 'pass',
        detail: bad.length ? `differs ${bad.join('; ')}` : `identical as rational functions on all ${compared} overlaps of a printed case with a derived piece`,
        ...(bad.length ? { where: bad.join('; ') } : {}),
      });
      // the derived pieces are contiguous and continuous
      let joined = rcmp(pieces[0].lo, lo) === 0 && rcmp(pieces[pieces.length - 1].hi, hi) === 0;
      for (let k = 1; k < pieces.length; k++)
        joined &&=
          rcmp(pieces[k - 1].hi, pieces[k].lo) === 0 &&
          rfisZero(rfsub(rfevalPartial(pieces[k - 1].f, { [v]: pieces[k].lo }), rfevalPartial(pieces[k].f, { [v]: pieces[k].lo })));
      checks.push({
        name: 'the derived pieces cover the domain and join continuously',
        role: 'consistency',
        method: 'exact-value',
        outcome: joined ? 'pass' : 'fail',
        detail: joined ? `${pieces.length} pieces, equal values at every junction (exact)` : 'a gap or a jump between derived pieces',
      });
      if (spec.firstPrinciples) {
        const fp = spec.firstPrinciples;
        pieces.forEach((p, k) => {
          const point = rcmp(p.lo, p.hi) === 0;
          const ranges = { ...spec.ranges, [v]: { lo: rationalToString(p.lo), hi: rationalToString(p.hi) } };
          checks.push(
            firstPrinciplesCheck(
              `derived piece ${k + 1} (${point ? `${v} = ${rationalToString(p.lo)}` : `${rationalToString(p.lo)} ≤ ${v} ≤ ${rationalToString(p.hi)}`}) vs first principles`,
              'consistency',
              p.f,
              fp.compute,
              ctx,
              ranges,
              { points: point ? 2 : 3, what: fp.what },
            ),
          );
        });
        branches.forEach((b, k) => {
          // compared inside the domain only; an empty printed case claims nothing to compare (the coverage check reports both)
          const bLo = maxQ(rq(b.lo), lo);
          const bHi = minQ(rq(b.hi), hi);
          const c = rcmp(bLo, bHi);
          if (c > 0 || (c === 0 && b.ends !== '[]' && rcmp(bLo, rq(b.lo)) === 0 && rcmp(bHi, rq(b.hi)) === 0)) return;
          const point = c === 0;
          const ranges = { ...spec.ranges, [v]: { lo: rationalToString(bLo), hi: rationalToString(bHi) } };
          checks.push(
            firstPrinciplesCheck(`printed case ${k + 1} vs first principles`, 'printed', b.formula, fp.compute, ctx, ranges, {
              points: point ? 2 : 3,
              what: fp.what,
            }),
          );
        });
      }
      if (spec.extraChecks) checks.push(...spec.extraChecks(ctx));
      return {
        derived: casesTeX(v, pieces),
        checks,
        howDecided: `${spec.derivation}; each printed case compared exactly with the derived piece(s) it overlaps (where they differ: the zero set of the difference on the overlap, by Sturm sequences), the printed cases checked to cover the domain${spec.firstPrinciples ? `, and both against ${spec.firstPrinciples.what}` : ''}`,
      };
    },
  };
}

export interface ChecksClaimSpec extends ClaimHeader {
  /** The checks; roles say which compare the printed statement and which our own routes. */
  /** The checks; they receive the printed TeX, from which they read what the statement says. */
  checks: (ctx: ClaimContext, printed: string) => CheckRecord[];
  howDecided: string;
  /**
   * What the derivation gives (TeX or words); for an erratum it is the correction. A function
   * builds it from the derivation (e.g. thresholds rendered from the rational functions found).
   */
  derived?: string | null | ((ctx: ClaimContext) => string | null);
}

/** A statement decided by a list of checks; an erratum's correction is `derived`, where it differs comes from the failing checks. */
export function checksClaim(spec: ChecksClaimSpec): Claim {
  return {
    ...header(spec),
    check(ctx): ClaimOutcome {
      const checks = spec.checks(ctx, spec.printed);
      const derived = typeof spec.derived === 'function' ? spec.derived(ctx) : (spec.derived ?? null);
      return { derived, checks, howDecided: spec.howDecided };
    },
  };
}

/** A statement that cannot be checked, with the reason. */
export function notCheckable(spec: ClaimHeader & { reason: string }): Claim {
  return {
    ...header(spec),
    check: () => ({ derived: null, checks: [], howDecided: 'not checkable', notCheckable: spec.reason }),
  };
}
