/**
 * The decreasing order of eigenvalues over a parameter domain, decided exactly.
 *
 * Input: levels over Q(c, y) that are affine in the state parameter c (or free of it), the domain
 * c ∈ [0, 1] (when c occurs), y ∈ (0, 1] (y = e^{−βω}). Every difference e_i − e_j is α(y) + c·β(y);
 * where β ≢ 0 it changes sign at the threshold c = t_ij(y) = −α/β, a rational function of y. The
 * critical values of y — zeros and poles of each β, where a threshold enters or leaves [0, 1], where
 * two thresholds cross, zeros of α when β ≡ 0 — are isolated exactly (Sturm). On each open
 * y-interval between them the thresholds inside (0, 1) keep their order; between consecutive
 * thresholds every difference has a constant sign, decided exactly at a rational sample point.
 * Each cell carries its decreasing order and the inequalities that define it.
 */
import { InputError, InternalError } from '../errors.js';
import { rational, rcmp, rdiv, radd, rationalToString, type Rational } from '../numeric/rational.js';
import { pcoefficients, pdegree, pisZero, pneg, psub, pmul, type Poly } from '../symbolic/poly.js';
import { ratfunc, rfevalRational, rfisZero, rfsub, rftoString, type RatFunc } from '../symbolic/ratfunc.js';
import { compareReal, interval, isolateRoots, realRational, realToString, type RealAlgebraic } from '../symbolic/sturm.js';
import { rfReduce } from './polynomial-gcd.js';

/** An eigenvalue (or a level of a Hamiltonian) with its multiplicity. */
export interface Level {
  readonly value: RatFunc;
  readonly multiplicity: number;
  /** A short name for reports (e.g. "1 − c", "ψ0"). */
  readonly label?: string;
}

/** A bound of a cell in c: a constant, or a threshold c = t(y) where levels i and j tie. */
export type CBound =
  | { readonly kind: 'constant'; readonly value: Rational }
  | { readonly kind: 'threshold'; readonly t: RatFunc; readonly pair: readonly [number, number] };

export interface OrderingCell {
  /** The open y-interval (lo, hi) of the cell (its closure is part of the domain). */
  readonly y: { readonly lo: RealAlgebraic; readonly hi: RealAlgebraic };
  /** The c-range lo < c < hi at each y of the interval (absent when the levels do not depend on c). */
  readonly c?: { readonly lo: CBound; readonly hi: CBound };
  /** Level indices, largest eigenvalue first. */
  readonly order: readonly number[];
  /** e_{order[k]} − e_{order[k+1]} ≥ 0 on the closed cell: the exact inequalities of the order. */
  readonly inequalities: readonly RatFunc[];
  /** A rational point inside the cell. */
  readonly sample: Readonly<Record<string, Rational>>;
}

export interface Ordering {
  readonly levels: readonly Level[];
  readonly cells: readonly OrderingCell[];
  /** The critical values of y in (0, 1), increasing. */
  readonly yCritical: readonly RealAlgebraic[];
  /** The thresholds c = t(y) for every pair whose difference depends on c. */
  readonly thresholds: readonly { readonly pair: readonly [number, number]; readonly t: RatFunc }[];
  readonly how: string;
}

export interface OrderingOptions {
  /** The state parameter (default "c"), over [0, 1]. */
  readonly c?: string;
  /** The temperature variable (default "y"), over (0, 1]. */
  readonly y?: string;
}

const ONE_Q: Rational = { num: 1n, den: 1n };
const ZERO_Q: Rational = { num: 0n, den: 1n };

/** α + c·β for a rational function affine in c with a c-free denominator; throws otherwise. */
function affineIn(f: RatFunc, c: string): { alpha: RatFunc; beta: RatFunc } {
  if (pdegree(f.den, c) > 0) throw new InputError(`ordering: ${rftoString(f)} has ${c} in its denominator (only levels affine in ${c} are handled)`);
  const co = pcoefficients(f.num, c);
  if (co.length > 2) throw new InputError(`ordering: ${rftoString(f)} is not affine in ${c}`);
  const z: Poly = psub(f.den, f.den);
  return { alpha: ratfunc(co[0] ?? z, f.den), beta: ratfunc(co[1] ?? z, f.den) };
}

const realLess = (a: RealAlgebraic, b: RealAlgebraic): number => compareReal(a, b);

/** The decreasing orders of `levels` over c ∈ [0, 1], y ∈ (0, 1], cell by cell; exact. */
export function eigenvalueOrderings(levels: readonly Level[], options: OrderingOptions = {}): Ordering {
  const c = options.c ?? 'c';
  const y = options.y ?? 'y';
  const n = levels.length;
  for (const l of levels) {
    const extra = [...new Set([...l.value.num.vars, ...l.value.den.vars])].filter((v) => v !== c && v !== y);
    if (extra.length) throw new InputError(`ordering: level ${l.label ?? rftoString(l.value)} depends on ${extra.join(', ')} (only ${c} and ${y} are allowed)`);
  }
  const usesC = levels.some((l) => pdegree(l.value.num, c) > 0 || pdegree(l.value.den, c) > 0);
  const Yopen = interval(0, 1, '()');
  const critical: RealAlgebraic[] = [];
  const addRoots = (p: Poly): void => {
    if (pisZero(p)) return;
    for (const r of isolateRoots(p, Yopen, y)) critical.push(r);
  };
  const thresholds: { pair: [number, number]; t: RatFunc }[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const diff = rfsub(levels[i].value, levels[j].value);
      if (rfisZero(diff)) throw new InputError(`ordering: levels ${i} and ${j} are identical; merge them (add multiplicities) first`);
      const { alpha, beta } = affineIn(diff, c);
      addRoots(diff.den);
      if (rfisZero(beta)) {
        addRoots(alpha.num);
        continue;
      }
      addRoots(beta.num);
      const thr = rfReduce(ratfunc(pneg(pmul(alpha.num, beta.den)), pmul(beta.num, alpha.den))); // −α/β
      thresholds.push({ pair: [i, j], t: thr });
      addRoots(thr.num); // t = 0
      addRoots(psub(thr.num, thr.den)); // t = 1
      addRoots(thr.den);
    }
  for (let a = 0; a < thresholds.length; a++)
    for (let b = a + 1; b < thresholds.length; b++) {
      const A = thresholds[a].t;
      const B = thresholds[b].t;
      addRoots(psub(pmul(A.num, B.den), pmul(B.num, A.den)));
    }
  critical.sort(realLess);
  const yCritical = critical.filter((r, k) => k === 0 || compareReal(r, critical[k - 1]) !== 0);
  const ends: RealAlgebraic[] = [realRational(ZERO_Q), ...yCritical, realRational(ONE_Q)];
  const cells: OrderingCell[] = [];
  for (let k = 0; k + 1 < ends.length; k++) {
    const y0 = sampleBetween(ends[k], ends[k + 1]);
    const env = { [y]: y0 };
    const cuts: { at: Rational; bound: CBound }[] = [];
    if (usesC)
      for (const th of thresholds) {
        const v = rfevalRational(th.t, env);
        if (rcmp(v, ZERO_Q) > 0 && rcmp(v, ONE_Q) < 0 && !cuts.some((x) => rcmp(x.at, v) === 0))
          cuts.push({ at: v, bound: { kind: 'threshold', t: th.t, pair: th.pair } });
      }
    cuts.sort((a, b) => rcmp(a.at, b.at));
    const bounds: { at: Rational; bound: CBound }[] = usesC
      ? [{ at: ZERO_Q, bound: { kind: 'constant', value: ZERO_Q } }, ...cuts, { at: ONE_Q, bound: { kind: 'constant', value: ONE_Q } }]
      : [
          { at: ZERO_Q, bound: { kind: 'constant', value: ZERO_Q } },
          { at: ONE_Q, bound: { kind: 'constant', value: ONE_Q } },
        ];
    for (let m = 0; m + 1 < bounds.length; m++) {
      const c0 = rdiv(radd(bounds[m].at, bounds[m + 1].at), rational(2n));
      const point = usesC ? { [y]: y0, [c]: c0 } : { [y]: y0 };
      const values = levels.map((l) => rfevalRational(l.value, point));
      const order = levels.map((_, i) => i).sort((a, b) => rcmp(values[b], values[a]) || a - b);
      for (let i = 0; i + 1 < order.length; i++)
        if (rcmp(values[order[i]], values[order[i + 1]]) === 0)
          throw new InternalError(`ordering: a tie at the sample point ${JSON.stringify(point)} (a missed critical value)`);
      const inequalities = order.slice(0, -1).map((i, q) => rfsub(levels[i].value, levels[order[q + 1]].value));
      cells.push({
        y: { lo: ends[k], hi: ends[k + 1] },
        ...(usesC ? { c: { lo: bounds[m].bound, hi: bounds[m + 1].bound } } : {}),
        order,
        inequalities,
        sample: point,
      });
    }
  }
  const how = `${n} levels; ${thresholds.length} thresholds c = t(y) from the pairwise differences (affine in ${c}); ${yCritical.length} critical values of ${y} in (0, 1) isolated by Sturm sequences; ${cells.length} cells, each order decided exactly at a rational sample point`;
  return { levels, cells, yCritical, thresholds, how };
}

/** A rational strictly between two distinct real algebraic numbers. */
function sampleBetween(a: RealAlgebraic, b: RealAlgebraic): Rational {
  const hiOf = (r: RealAlgebraic): Rational => (r.kind === 'rational' ? r.value : r.hi);
  const loOf = (r: RealAlgebraic): Rational => (r.kind === 'rational' ? r.value : r.lo);
  let lo = hiOf(a);
  let hi = loOf(b);
  // isolating intervals of neighbours may overlap the gap: refine by bisection of the gap ends
  if (rcmp(lo, hi) >= 0) {
    lo = a.kind === 'rational' ? a.value : a.lo;
    hi = b.kind === 'rational' ? b.value : b.hi;
  }
  for (let guard = 0; guard < 200; guard++) {
    const m = rdiv(radd(lo, hi), rational(2n));
    if (compareReal(realRational(m), a) > 0 && compareReal(realRational(m), b) < 0) return m;
    if (compareReal(realRational(m), a) <= 0) lo = m;
    else hi = m;
  }
  throw new InternalError('ordering: no sample point between two critical values');
}

/** A cell's region as text, e.g. "y ∈ (0, 1), 0 < c < (y^2 + y + 1)/(y^2 + y + 2)". */
export function cellText(cell: OrderingCell, options: OrderingOptions = {}): string {
  const c = options.c ?? 'c';
  const y = options.y ?? 'y';
  const r = (x: RealAlgebraic): string => (x.kind === 'rational' ? rationalToString(x.value) : realToString(x, 6, y));
  const b = (x: CBound): string => (x.kind === 'constant' ? rationalToString(x.value) : rftoString(x.t));
  return `${y} ∈ (${r(cell.y.lo)}, ${r(cell.y.hi)})${cell.c ? `, ${b(cell.c.lo)} < ${c} < ${b(cell.c.hi)}` : ''}`;
}
