/**
 * The numeric probe that accompanies every symbolic result: both sides of a claimed identity are
 * evaluated at ≥ 50 significant digits at seeded random points of a declared valid range, and
 * always at ω = 1 as well as at ω ≠ 1 (a formula that drops a factor ω is invisible at ω = 1).
 *
 * Accuracy: each side is evaluated in decimal.js at `precision + GUARD` digits (every operation
 * correctly rounded), then compared; a point passes when |lhs − rhs| ≤ 10^−(precision − 10) ·
 * max(|lhs|, |rhs|, 1) — relative for values of magnitude ≥ 1, absolute below. The 10 + GUARD
 * spare digits absorb the rounding and cancellation of the paper's formulas (sums of O(1) terms),
 * while a wrong identity of this kind differs at O(1) relative size.
 *
 * A probe is evidence, not proof: the exact decision is `decideIdentity`. A point where a side is
 * undefined (a pole, sqrt of a negative number) fails the probe, with the reason recorded.
 */
import { InputError } from '../errors.js';
import { decimalField, type Dec as Decimal } from '../numeric/decimal.js';
import { parseRational, rationalFromNumber, rationalToString, rcmp, type Rational } from '../numeric/rational.js';
import type { Rng } from '../random/rng.js';
import { evaluate, expandDefinitions, toAst, variables, type Ast } from './expr.js';

/** Extra digits carried on top of the requested precision. */
export const PROBE_GUARD_DIGITS = 20;
/** Digits of the requested precision not required to agree. */
export const PROBE_SLACK_DIGITS = 10;

export interface VariableRange {
  /** Inclusive lower end (number read as written, or a decimal/fraction string). */
  readonly lo: number | string;
  /** Upper end (exclusive for real draws, inclusive for integer ones). */
  readonly hi: number | string;
  /** Draw integers in [lo, hi] (e.g. the number of qubits N). */
  readonly integer?: boolean;
}

export interface ProbeOptions {
  /** The seeded generator (forked per variable, so adding a variable does not shift the others). */
  readonly rng: Rng;
  /** Valid range of every variable that occurs. */
  readonly ranges: Readonly<Record<string, VariableRange>>;
  /** Random points besides the ω = 1 point (default 6). */
  readonly points?: number;
  /** Significant digits that must agree, ≥ 50 (default 50). */
  readonly precision?: number;
  /** Name of the frequency variable (default "omega"); null if the formulas have none. */
  readonly omega?: string | null;
  /** Definitions substituted into both sides before evaluation (e.g. { y: 'exp(-beta*omega)' }). */
  readonly definitions?: Readonly<Record<string, string | Ast>>;
}

export interface ProbePoint {
  /** The exact point (rationals as "p/q"). */
  readonly at: Readonly<Record<string, string>>;
  readonly lhs: string;
  readonly rhs: string;
  readonly absDeviation: string;
  readonly relDeviation: string;
  readonly pass: boolean;
  /** Why the point could not be evaluated, if so. */
  readonly error?: string;
}

export interface ProbeResult {
  readonly pass: boolean;
  readonly precision: number;
  /** Digits carried in the evaluation. */
  readonly workingDigits: number;
  /** The pass threshold: |lhs − rhs| ≤ tolerance · max(|lhs|, |rhs|, 1). */
  readonly tolerance: string;
  readonly points: readonly ProbePoint[];
  readonly maxAbsDeviation: string;
  readonly maxRelDeviation: string;
  /** Whether a point with ω = 1 and one with ω ≠ 1 were both probed (always, when ω occurs). */
  readonly omegaCovered: boolean;
}

const ONE: Rational = { num: 1n, den: 1n };

function readEnd(x: number | string, what: string): Rational {
  if (typeof x === 'number') return rationalFromNumber(x);
  if (typeof x === 'string') return parseRational(x);
  throw new InputError(`probe: ${what} must be a number or a string`);
}

/**
 * Evaluate lhs and rhs at the ω = 1 point and at `points` seeded random points; see the module
 * comment for the pass criterion. Throws InputError for a missing or invalid range.
 */
export function probeIdentity(lhsIn: Ast | string, rhsIn: Ast | string, options: ProbeOptions): ProbeResult {
  const precision = options.precision ?? 50;
  if (!Number.isInteger(precision) || precision < 50) throw new InputError(`probe: precision must be an integer ≥ 50, got ${precision}`);
  const nPoints = options.points ?? 6;
  if (!Number.isInteger(nPoints) || nPoints < 1) throw new InputError(`probe: points must be a positive integer, got ${nPoints}`);
  const defs = options.definitions ?? {};
  const lhs = expandDefinitions(toAst(lhsIn), defs);
  const rhs = expandDefinitions(toAst(rhsIn), defs);
  const vars = [...new Set([...variables(lhs), ...variables(rhs)])].sort();
  const omega = options.omega === undefined ? 'omega' : options.omega;

  const ranges = new Map<string, { lo: Rational; hi: Rational; integer: boolean }>();
  for (const v of vars) {
    const r = options.ranges[v];
    if (!r) throw new InputError(`probe: no range declared for the variable "${v}"`);
    const lo = readEnd(r.lo, `the lower end for ${v}`);
    const hi = readEnd(r.hi, `the upper end for ${v}`);
    const integer = r.integer ?? false;
    if (rcmp(lo, hi) > 0 || (!integer && rcmp(lo, hi) === 0)) throw new InputError(`probe: the range of "${v}" is empty ([${r.lo}, ${r.hi}])`);
    if (integer && (lo.den !== 1n || hi.den !== 1n)) throw new InputError(`probe: the integer range of "${v}" needs integer ends`);
    ranges.set(v, { lo, hi, integer });
  }
  const hasOmega = omega !== null && vars.includes(omega);
  if (hasOmega) {
    const r = ranges.get(omega)!;
    if (r.integer) throw new InputError(`probe: "${omega}" must have a real range`);
    if (rcmp(r.lo, ONE) > 0 || rcmp(r.hi, ONE) <= 0)
      throw new InputError(`probe: the range of "${omega}" must contain 1 and values other than 1 (a dropped factor ${omega} is invisible at ${omega} = 1)`);
  }

  // Draw the points: per-variable forks of the generator, exact rationals (shortest decimals of the doubles).
  const streams = new Map(vars.map((v) => [v, options.rng.fork(`probe:${v}`)]));
  const draw = (v: string): Rational => {
    const r = ranges.get(v)!;
    const rng = streams.get(v)!;
    if (r.integer) return { num: BigInt(rng.int(Number(r.lo.num), Number(r.hi.num))), den: 1n };
    const lo = Number(r.lo.num) / Number(r.lo.den);
    const hi = Number(r.hi.num) / Number(r.hi.den);
    for (;;) {
      const q = rationalFromNumber(rng.uniform(lo, hi));
      if (rcmp(q, r.lo) >= 0 && rcmp(q, r.hi) < 0) return q;
    }
  };
  const pts: Record<string, Rational>[] = [];
  for (let k = 0; k < nPoints + (hasOmega ? 1 : 0); k++) {
    const p: Record<string, Rational> = {};
    for (const v of vars) p[v] = draw(v);
    if (hasOmega) {
      if (k === 0) p[omega!] = ONE;
      else while (rcmp(p[omega!], ONE) === 0) p[omega!] = draw(omega!);
    }
    pts.push(p);
  }

  const workingDigits = precision + PROBE_GUARD_DIGITS;
  const F = decimalField(workingDigits);
  const D = F.Decimal;
  const tol = new D(10).pow(-(precision - PROBE_SLACK_DIGITS));
  const points: ProbePoint[] = [];
  let maxAbs: Decimal = new D(0);
  let maxRel: Decimal = new D(0);
  let pass = true;
  const fmt = (x: Decimal): string => x.toSignificantDigits(precision).toString();
  for (const p of pts) {
    const at: Record<string, string> = {};
    const env: Record<string, Decimal> = {};
    for (const v of vars) {
      at[v] = rationalToString(p[v]);
      env[v] = F.fromRational(p[v]);
    }
    let l: Decimal;
    let r: Decimal;
    try {
      l = evaluate(lhs, env, F);
      r = evaluate(rhs, env, F);
    } catch (e) {
      pass = false;
      points.push({ at, lhs: 'undefined', rhs: 'undefined', absDeviation: 'NaN', relDeviation: 'NaN', pass: false, error: (e as Error).message });
      continue;
    }
    const dev = l.minus(r).abs();
    const scale = D.max(l.abs(), r.abs());
    const rel = scale.isZero() ? new D(0) : dev.div(scale);
    const ok = dev.lte(tol.times(D.max(scale, 1))) && dev.isFinite();
    if (!ok) pass = false;
    if (dev.gt(maxAbs)) maxAbs = dev;
    if (rel.gt(maxRel)) maxRel = rel;
    points.push({
      at,
      lhs: fmt(l),
      rhs: fmt(r),
      absDeviation: dev.toSignificantDigits(6).toString(),
      relDeviation: rel.toSignificantDigits(6).toString(),
      pass: ok,
    });
  }
  return {
    pass,
    precision,
    workingDigits,
    tolerance: tol.toString(),
    points,
    maxAbsDeviation: maxAbs.toSignificantDigits(6).toString(),
    maxRelDeviation: maxRel.toSignificantDigits(6).toString(),
    omegaCovered: hasOmega,
  };
}
