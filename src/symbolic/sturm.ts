/**
 * Real roots of univariate polynomials over Q, exactly: Sturm sequences, root counting on
 * intervals with open or closed ends, isolation of every real root into disjoint rational
 * intervals, refinement to any width, and the sign of a polynomial (or rational function) on
 * every piece of an interval.
 *
 * Every answer is exact: signs are decided in BigInt arithmetic at rational points, never in
 * floating point. Irrational roots are `RealAlgebraic` numbers: a square-free integer polynomial
 * and an isolating interval (lo, hi) with rational ends at which it is non-zero with opposite
 * signs, containing exactly one of its roots.
 */
import { InputError, InternalError } from '../errors.js';
import { parseRational, radd, rational, rcmp, rdiv, rmul, rsub, rationalToString, type Rational } from '../numeric/rational.js';
import { pevalPartial, type Poly } from './poly.js';
import type { RatFunc } from './ratfunc.js';
import {
  zderivative,
  zfromPoly,
  zgcd,
  zisZero,
  zmul,
  zprem,
  zrootBound,
  zsignAt,
  zsignAtInfinity,
  zsquareFree,
  ztoString,
  ztrim,
  type ZPoly,
} from './upoly.js';

// ---------------------------------------------------------------------------------------------
// Types.

/** An interval of the real line; a null end is infinite (and then open). */
export interface RealInterval {
  readonly lo: Rational | null;
  readonly hi: Rational | null;
  readonly loClosed: boolean;
  readonly hiClosed: boolean;
}

/** A real algebraic number: exactly rational, or the unique root of `poly` in the open interval (lo, hi). */
export type RealAlgebraic =
  | { readonly kind: 'rational'; readonly value: Rational }
  | {
      readonly kind: 'algebraic';
      /** Square-free, primitive, positive leading coefficient. */
      readonly poly: ZPoly;
      readonly lo: Rational;
      readonly hi: Rational;
      /** Sign of poly at lo (the sign at hi is the opposite). */
      readonly signLo: -1 | 1;
    };

/** One end of a piece of a sign decomposition: a real algebraic number, or infinity (value null, open). */
export interface Endpoint {
  readonly value: RealAlgebraic | null;
  readonly closed: boolean;
}

export interface Piece {
  readonly lo: Endpoint;
  readonly hi: Endpoint;
}

/** Where a polynomial is > 0, = 0 and < 0 on an interval. */
export interface SignSolution {
  readonly positive: Piece[];
  readonly negative: Piece[];
  /** Roots in the interval, increasing. */
  readonly zeros: RealAlgebraic[];
  /** True for the zero polynomial (then `zeros` is empty and the whole interval is a zero set). */
  readonly identicallyZero: boolean;
}

/** Where a rational function N/D is > 0, = 0, < 0, and where it is undefined (D = 0). */
export interface RatSignSolution extends SignSolution {
  /** Points of the interval where the denominator vanishes, increasing. */
  readonly undefinedAt: RealAlgebraic[];
}

const ZERO: Rational = { num: 0n, den: 1n };
const HALF: Rational = { num: 1n, den: 2n };
const mid = (a: Rational, b: Rational): Rational => rmul(radd(a, b), HALF);

// ---------------------------------------------------------------------------------------------
// Intervals.

/**
 * An interval from its ends and a bracket pattern: interval(0, 1, '(]') is (0, 1]. Ends are
 * rationals, numbers (read as written), decimal/fraction strings, or null / ±Infinity for ∞.
 */
export function interval(lo: Rational | number | string | null, hi: Rational | number | string | null, ends: '()' | '(]' | '[)' | '[]' = '()'): RealInterval {
  const read = (x: Rational | number | string | null, inf: number): Rational | null => {
    if (x === null || x === inf) return null;
    if (typeof x === 'number') {
      if (!Number.isFinite(x)) throw new InputError(`interval: ${x} is not a valid end here`);
      return parseRational(String(x));
    }
    if (typeof x === 'string') return parseRational(x);
    return x;
  };
  const l = read(lo, -Infinity);
  const h = read(hi, Infinity);
  const loClosed = ends[0] === '[';
  const hiClosed = ends[1] === ']';
  if ((l === null && loClosed) || (h === null && hiClosed)) throw new InputError('interval: an infinite end must be open');
  if (l !== null && h !== null) {
    const c = rcmp(l, h);
    if (c > 0 || (c === 0 && !(loClosed && hiClosed)))
      throw new InputError(`interval: empty interval ${intervalToString({ lo: l, hi: h, loClosed, hiClosed })}`);
  }
  return { lo: l, hi: h, loClosed, hiClosed };
}

/** Parse "(0, 1]", "[-inf, 2)" is refused (∞ must be open), "(-inf, inf)", "[1/3, 0.5]". */
export function parseInterval(text: string): RealInterval {
  const m = /^\s*([([])\s*([^,]+?)\s*,\s*([^,]+?)\s*([)\]])\s*$/.exec(text);
  if (!m) throw new InputError(`"${text}" is not an interval (expected e.g. "(0, 1]")`);
  const end = (s: string, sign: 1 | -1): Rational | null => {
    if (/^[+-]?(inf|infinity|∞)$/i.test(s)) {
      const neg = s.startsWith('-');
      if (sign < 0 !== neg) throw new InputError(`"${text}": ${s} is on the wrong side`);
      return null;
    }
    return parseRational(s);
  };
  return interval(end(m[2], -1), end(m[3], 1), `${m[1]}${m[4]}` as '()' | '(]' | '[)' | '[]');
}

export function intervalToString(I: RealInterval): string {
  return `${I.loClosed ? '[' : '('}${I.lo === null ? '-inf' : rationalToString(I.lo)}, ${I.hi === null ? 'inf' : rationalToString(I.hi)}${I.hiClosed ? ']' : ')'}`;
}

// ---------------------------------------------------------------------------------------------
// Sturm sequences and root counting.

/**
 * The Sturm sequence of the square-free part of p: s0 = sqf(p), s1 = s0′,
 * s(k+1) = −(positive multiple of) rem(s(k−1), s(k)), each divided by its positive content.
 */
export function sturmSequence(p: ZPoly): ZPoly[] {
  const s0 = zsquareFree(p);
  if (s0.length === 0) throw new InputError('sturmSequence: the zero polynomial has no Sturm sequence');
  const seq: ZPoly[] = [s0];
  if (s0.length === 1) return seq;
  seq.push(zderivative(s0));
  for (;;) {
    const a = seq[seq.length - 2];
    const b = seq[seq.length - 1];
    const r = zprem(a, b);
    if (zisZero(r)) break;
    const g = r.reduce((acc, c) => {
      let x = acc;
      let y = c < 0n ? -c : c;
      while (y !== 0n) [x, y] = [y, x % y];
      return x;
    }, 0n);
    seq.push(r.map((c) => -c / g));
  }
  return seq;
}

type Point = Rational | 'inf' | '-inf';

function variations(seq: readonly ZPoly[], x: Point): number {
  let last = 0;
  let v = 0;
  for (const s of seq) {
    const sg = x === 'inf' ? zsignAtInfinity(s, 1) : x === '-inf' ? zsignAtInfinity(s, -1) : zsignAt(s, x);
    if (sg === 0) continue;
    if (last !== 0 && sg !== last) v++;
    last = sg;
  }
  return v;
}

/** Number of distinct real roots of p in (a, b] by Sturm's theorem (V(a) − V(b)). */
function countHalfOpen(seq: readonly ZPoly[], a: Point, b: Point): number {
  return variations(seq, a) - variations(seq, b);
}

/** Number of distinct real roots of p (not the zero polynomial) in the interval I, ends handled exactly. */
export function countRoots(p: ZPoly | Poly, I: RealInterval, v?: string): number {
  const z = asZ(p, v);
  if (zisZero(z)) throw new InputError('countRoots: the zero polynomial vanishes everywhere');
  const seq = sturmSequence(z);
  const a: Point = I.lo ?? '-inf';
  const b: Point = I.hi ?? 'inf';
  let n = countHalfOpen(seq, a, b); // (a, b]
  if (I.lo !== null && I.loClosed && zsignAt(z, I.lo) === 0) n++;
  if (I.hi !== null && !I.hiClosed && zsignAt(z, I.hi) === 0) n--;
  return n;
}

function asZ(p: ZPoly | Poly, v?: string): ZPoly {
  if (Array.isArray(p)) return ztrim(p as bigint[]);
  const poly = p as Poly;
  const name = v ?? (poly.vars.length === 1 ? poly.vars[0] : poly.vars.length === 0 ? 'x' : undefined);
  if (name === undefined) throw new InputError(`expected a univariate polynomial, got one in ${poly.vars.join(', ')}`);
  return zfromPoly(poly, name);
}

// ---------------------------------------------------------------------------------------------
// Root isolation.

/**
 * All distinct real roots of p in I, increasing: every rational root exactly (kind 'rational'),
 * every irrational one as an isolating interval of the square-free part of p, inside I and
 * disjoint from the others (Sturm counts plus bisection; exact).
 */
export function isolateRoots(p: ZPoly | Poly, I: RealInterval, v?: string): RealAlgebraic[] {
  const z = asZ(p, v);
  if (zisZero(z)) throw new InputError('isolateRoots: the zero polynomial vanishes everywhere');
  const sqf = zsquareFree(z);
  if (sqf.length <= 1) return [];
  const seq = sturmSequence(sqf);
  const B: Rational = { num: zrootBound(sqf), den: 1n };
  let lo = I.lo ?? { num: -B.num, den: 1n };
  let hi = I.hi ?? B;
  // Clip to the root bound (nothing lies outside (−B, B)).
  if (rcmp(lo, { num: -B.num, den: 1n }) < 0) lo = { num: -B.num, den: 1n };
  if (rcmp(hi, B) > 0) hi = B;
  const out: RealAlgebraic[] = [];
  if (rcmp(lo, hi) > 0) return out;
  const includeLo = I.lo !== null && rcmp(lo, I.lo) === 0 && I.loClosed;
  const includeHi = I.hi !== null && rcmp(hi, I.hi) === 0 && I.hiClosed;
  if (includeLo && zsignAt(sqf, lo) === 0) out.push({ kind: 'rational', value: lo });
  if (rcmp(lo, hi) === 0) return out;
  // Open intervals (a, b) with their root counts; stack-based bisection, left to right.
  const countOpen = (a: Rational, b: Rational): number => countHalfOpen(seq, a, b) - (zsignAt(sqf, b) === 0 ? 1 : 0);
  const stack: [Rational, Rational, number][] = [[lo, hi, countOpen(lo, hi)]];
  const found: RealAlgebraic[] = [];
  while (stack.length) {
    const [a, b, n] = stack.pop()!;
    if (n === 0) continue;
    const sa = zsignAt(sqf, a);
    const sb = zsignAt(sqf, b);
    if (n === 1 && sa !== 0 && sb !== 0) {
      if (sa === sb) throw new InternalError(`isolateRoots: one root in (${rationalToString(a)}, ${rationalToString(b)}) but no sign change`);
      found.push({ kind: 'algebraic', poly: sqf, lo: a, hi: b, signLo: sa });
      continue;
    }
    const m = mid(a, b);
    const atM = zsignAt(sqf, m) === 0;
    if (atM) found.push({ kind: 'rational', value: m });
    const nLeft = countOpen(a, m);
    const nRight = n - nLeft - (atM ? 1 : 0);
    stack.push([m, b, nRight], [a, m, nLeft]);
  }
  // Isolating intervals are disjoint and exclude the exact roots; on a tie of lower bounds the
  // exact root is the interval's end, hence smaller.
  for (let k = 0; k < found.length; k++) found[k] = exactIfRational(found[k]);
  found.sort((x, y) => rcmp(lowerOf(x), lowerOf(y)) || (x.kind === y.kind ? 0 : x.kind === 'rational' ? -1 : 1));
  out.push(...found);
  if (includeHi && zsignAt(sqf, hi) === 0) out.push({ kind: 'rational', value: hi });
  return out;
}

/** floor(q) as a BigInt. */
function floorQ(q: Rational): bigint {
  const f = q.num / q.den;
  return q.num < 0n && f * q.den !== q.num ? f - 1n : f;
}

/** The rational with the smallest denominator in the closed interval [a, b] (a ≤ b), by continued fractions. */
export function simplestRational(a: Rational, b: Rational): Rational {
  if (rcmp(a, b) > 0) throw new RangeError('simplestRational: empty interval');
  if (a.num <= 0n && b.num >= 0n) return ZERO;
  if (b.num < 0n) {
    const s = simplestRational({ num: -b.num, den: b.den }, { num: -a.num, den: a.den });
    return { num: -s.num, den: s.den };
  }
  const fl = floorQ(a);
  if (fl * a.den === a.num) return { num: fl, den: 1n };
  if (rcmp({ num: fl + 1n, den: 1n }, b) <= 0) return { num: fl + 1n, den: 1n };
  // a, b ∈ (fl, fl + 1): fl + 1 / simplest(1/(b − fl), 1/(a − fl)).
  const fa = rsub(a, { num: fl, den: 1n });
  const fb = rsub(b, { num: fl, den: 1n });
  const inner = simplestRational(rdiv({ num: 1n, den: 1n }, fb), rdiv({ num: 1n, den: 1n }, fa));
  return radd({ num: fl, den: 1n }, rdiv({ num: 1n, den: 1n }, inner));
}

/**
 * r itself, or the exact rational it equals. Exact decision: a rational root p/q (lowest terms) of
 * the primitive integer polynomial P has q | lc(P), and two distinct fractions with denominators
 * ≤ |lc| differ by ≥ 1/lc², so once the enclosure is narrower than that, the simplest rational in
 * it is the only candidate.
 */
function exactIfRational(r: RealAlgebraic): RealAlgebraic {
  if (r.kind === 'rational') return r;
  const lc = r.poly[r.poly.length - 1];
  const alc = lc < 0n ? -lc : lc;
  const narrow = refineRoot(r, { num: 1n, den: 2n * alc * alc });
  if (narrow.kind === 'rational') return narrow;
  const s = simplestRational(narrow.lo, narrow.hi);
  if (s.den <= alc && zsignAt(r.poly, s) === 0) return { kind: 'rational', value: s };
  return r;
}

const lowerOf = (r: RealAlgebraic): Rational => (r.kind === 'rational' ? r.value : r.lo);
const upperOf = (r: RealAlgebraic): Rational => (r.kind === 'rational' ? r.value : r.hi);

/**
 * The real roots in I of p(v, params…) after substituting rational values for every other
 * variable, e.g. the boundary y*(c) of an inequality at a fixed c. Throws InputError if a
 * variable other than v is left unbound or if the substituted polynomial is identically zero.
 */
export function rootsAt(p: Poly, v: string, params: Readonly<Record<string, Rational>>, I: RealInterval): RealAlgebraic[] {
  return isolateRoots(pevalPartial(p, params), I, v);
}

/** Shrink the isolating interval of r by bisection until hi − lo ≤ width (exact; a rational root stays exact). */
export function refineRoot(r: RealAlgebraic, width: Rational): RealAlgebraic {
  if (width.num <= 0n) throw new RangeError('refineRoot: width must be positive');
  if (r.kind === 'rational') return r;
  let { lo, hi } = r;
  const s = r.signLo;
  while (rcmp(rsub(hi, lo), width) > 0) {
    const m = mid(lo, hi);
    const sm = zsignAt(r.poly, m);
    if (sm === 0) return { kind: 'rational', value: m };
    if (sm === s) lo = m;
    else hi = m;
  }
  return { kind: 'algebraic', poly: r.poly, lo, hi, signLo: s };
}

/** Sign of (r − q), exactly. */
export function compareWithRational(r: RealAlgebraic, q: Rational): -1 | 0 | 1 {
  if (r.kind === 'rational') return rcmp(r.value, q);
  if (rcmp(q, r.lo) <= 0) return 1;
  if (rcmp(q, r.hi) >= 0) return -1;
  const sq = zsignAt(r.poly, q);
  if (sq === 0) return 0;
  // r lies between lo and q iff the sign changes there.
  return sq === r.signLo ? 1 : -1;
}

/** True iff r is a root of q (exact: via gcd and a Sturm count on the isolating interval). */
export function isRootOf(r: RealAlgebraic, q: ZPoly): boolean {
  if (zisZero(q)) return true;
  if (r.kind === 'rational') return zsignAt(q, r.value) === 0;
  const g = zgcd(r.poly, q);
  if (g.length <= 1) return false;
  return countRoots(g, { lo: r.lo, hi: r.hi, loClosed: false, hiClosed: false }) > 0;
}

const negSign = (s: -1 | 0 | 1): -1 | 0 | 1 => (s === 0 ? 0 : s === 1 ? -1 : 1);

/** Sign of (a − b), exactly (equality decided through the gcd of the defining polynomials). */
export function compareReal(a: RealAlgebraic, b: RealAlgebraic): -1 | 0 | 1 {
  if (a.kind === 'rational') return negSign(compareWithRational(b, a.value));
  if (b.kind === 'rational') return compareWithRational(a, b.value);
  if (rcmp(a.hi, b.lo) <= 0) return -1;
  if (rcmp(b.hi, a.lo) <= 0) return 1;
  // Overlapping enclosures: a = b iff gcd(Pa, Pb) has a root in the overlap (that root is then the
  // unique root of Pa in a's interval and of Pb in b's).
  const g = zgcd(a.poly, b.poly);
  if (g.length > 1) {
    const lo = rcmp(a.lo, b.lo) >= 0 ? a.lo : b.lo;
    const hi = rcmp(a.hi, b.hi) <= 0 ? a.hi : b.hi;
    if (countRoots(g, { lo, hi, loClosed: false, hiClosed: false }) > 0) return 0;
  }
  // Distinct: refine until the enclosures separate.
  let x: RealAlgebraic = a;
  let y: RealAlgebraic = b;
  for (;;) {
    if (x.kind === 'rational') return negSign(compareWithRational(y, x.value));
    if (y.kind === 'rational') return compareWithRational(x, y.value);
    if (rcmp(x.hi, y.lo) <= 0) return -1;
    if (rcmp(y.hi, x.lo) <= 0) return 1;
    x = refineRoot(x, rmul(rsub(x.hi, x.lo), HALF));
    y = refineRoot(y, rmul(rsub(y.hi, y.lo), HALF));
  }
}

// ---------------------------------------------------------------------------------------------
// Decimal approximations with guaranteed bounds.

/** floor(q · 10^d) / 10^d as a decimal string with d fraction digits (mode 'floor' or 'ceil'). */
export function rationalToDecimal(q: Rational, fractionDigits: number, mode: 'floor' | 'ceil' = 'floor'): string {
  if (!Number.isSafeInteger(fractionDigits) || fractionDigits < 0) throw new RangeError('rationalToDecimal: fractionDigits must be a non-negative integer');
  const scale = 10n ** BigInt(fractionDigits);
  const x = q.num * scale;
  let n = x / q.den; // truncates toward zero
  const exact = n * q.den === x;
  if (!exact) {
    if (mode === 'floor' && x < 0n) n -= 1n;
    if (mode === 'ceil' && x > 0n) n += 1n;
  }
  const neg = n < 0n;
  const s = (neg ? -n : n).toString().padStart(fractionDigits + 1, '0');
  const body = fractionDigits === 0 ? s : `${s.slice(0, s.length - fractionDigits)}.${s.slice(s.length - fractionDigits)}`;
  return neg ? `-${body}` : body;
}

export interface RootDecimal {
  /** The root rounded to `fractionDigits` digits after the point (nearest, from an enclosure 10× narrower). */
  readonly approx: string;
  /** Decimal strings rounded outward: lo ≤ root ≤ hi, and hi − lo ≤ 2·10^−fractionDigits. */
  readonly lo: string;
  readonly hi: string;
  /** Rigorous bound on |approx − root| (≤ 0.55 · 10^−fractionDigits). */
  readonly errorBound: Rational;
  /** The refined root itself (exact enclosure). */
  readonly root: RealAlgebraic;
}

/** q rounded to the nearest multiple of 10^−d (ties away from zero), as a decimal string. */
function roundDecimal(q: Rational, d: number): string {
  const scale = 10n ** BigInt(d);
  const x = q.num * scale * 2n + (q.num < 0n ? -q.den : q.den);
  const n = x / (2n * q.den);
  return rationalToDecimal({ num: n, den: scale }, d, 'floor');
}

/** The root to `fractionDigits` decimals (rounded to nearest), with a guaranteed enclosure and error bound. */
export function rootDecimal(r: RealAlgebraic, fractionDigits: number): RootDecimal {
  if (!Number.isSafeInteger(fractionDigits) || fractionDigits < 0) throw new RangeError('rootDecimal: fractionDigits must be a non-negative integer');
  const unit = rational(1n, 10n ** BigInt(fractionDigits));
  if (r.kind === 'rational') {
    const lo = rationalToDecimal(r.value, fractionDigits, 'floor');
    const hi = rationalToDecimal(r.value, fractionDigits, 'ceil');
    const approx = roundDecimal(r.value, fractionDigits);
    const err = rsub(parseRational(approx), r.value);
    return { approx, lo, hi, errorBound: err.num < 0n ? { num: -err.num, den: err.den } : err, root: r };
  }
  const refined = refineRoot(r, rational(1n, 10n ** BigInt(fractionDigits + 1)));
  if (refined.kind === 'rational') return rootDecimal(refined, fractionDigits);
  const lo = rationalToDecimal(refined.lo, fractionDigits, 'floor');
  const hi = rationalToDecimal(refined.hi, fractionDigits, 'ceil');
  const approx = roundDecimal(mid(refined.lo, refined.hi), fractionDigits);
  // The root lies in (refined.lo, refined.hi): the error is at most the larger distance to an end.
  const a = parseRational(approx);
  const abs = (q: Rational): Rational => (q.num < 0n ? { num: -q.num, den: q.den } : q);
  const d1 = abs(rsub(a, refined.lo));
  const d2 = abs(rsub(refined.hi, a));
  const errorBound = rcmp(d1, d2) >= 0 ? d1 : d2;
  if (rcmp(errorBound, unit) > 0) throw new InternalError('rootDecimal: error bound exceeds one unit of the last digit');
  return { approx, lo, hi, errorBound, root: refined };
}

/** Readable form: an exact rational, or "root of P in (lo, hi) ≈ x". */
export function realToString(r: RealAlgebraic, digits = 20, v = 'x'): string {
  if (r.kind === 'rational') return rationalToString(r.value);
  return `root of ${ztoString(r.poly, v)} in (${rationalToString(r.lo)}, ${rationalToString(r.hi)}) ≈ ${rootDecimal(r, digits).approx}`;
}

// ---------------------------------------------------------------------------------------------
// Sign decomposition.

/** A rational sample strictly between two consecutive (distinct) points, or next to one end. */
function sampleBetween(left: RealAlgebraic | Rational | null, right: RealAlgebraic | Rational | null): Rational {
  const up = (x: RealAlgebraic | Rational): Rational => ('kind' in x ? upperOf(x) : x);
  const down = (x: RealAlgebraic | Rational): Rational => ('kind' in x ? lowerOf(x) : x);
  if (left === null && right === null) return ZERO;
  if (left === null) return rsub(down(right!), { num: 1n, den: 1n });
  if (right === null) return radd(up(left), { num: 1n, den: 1n });
  return mid(up(left), down(right));
}

/**
 * Sign of p (a univariate polynomial in `v`) on the interval I: the pieces where p > 0 and p < 0
 * (open at roots, with I's own ends where they belong) and the roots. Signs are decided exactly at
 * one rational sample point per piece.
 */
export function solveSign(p: Poly | ZPoly, v: string, I: RealInterval): SignSolution {
  const z = asZ(p, v);
  if (zisZero(z)) return { positive: [], negative: [], zeros: [], identicallyZero: true };
  const roots = isolateRoots(z, I);
  const { positive, negative } = pieces(roots, I, (q) => zsignAt(z, q));
  return { positive, negative, zeros: roots, identicallyZero: false };
}

/** Split I at `points` (increasing, all in I) and classify each open gap by the sign at a sample. */
function pieces(points: readonly RealAlgebraic[], I: RealInterval, signAt: (q: Rational) => -1 | 0 | 1): { positive: Piece[]; negative: Piece[] } {
  const positive: Piece[] = [];
  const negative: Piece[] = [];
  const loEnd: Endpoint = { value: I.lo === null ? null : { kind: 'rational', value: I.lo }, closed: I.loClosed };
  const hiEnd: Endpoint = { value: I.hi === null ? null : { kind: 'rational', value: I.hi }, closed: I.hiClosed };
  // A one-point interval [a, a]: either a is a root, or it is a piece of its own.
  if (I.lo !== null && I.hi !== null && rcmp(I.lo, I.hi) === 0) {
    if (points.length === 0) (signAt(I.lo) > 0 ? positive : negative).push({ lo: loEnd, hi: hiEnd });
    return { positive, negative };
  }
  const bounds: { end: Endpoint; point: RealAlgebraic | Rational | null }[] = [];
  // Left end of the first gap.
  const firstIsLo = points.length > 0 && I.lo !== null && points[0].kind === 'rational' && rcmp(points[0].value, I.lo) === 0;
  const lastIsHi =
    points.length > 0 &&
    I.hi !== null &&
    points[points.length - 1].kind === 'rational' &&
    rcmp((points[points.length - 1] as { value: Rational }).value, I.hi) === 0;
  bounds.push({ end: firstIsLo ? { value: points[0], closed: false } : loEnd, point: firstIsLo ? points[0] : I.lo });
  const inner = points.slice(firstIsLo ? 1 : 0, lastIsHi ? points.length - 1 : points.length);
  for (const r of inner) bounds.push({ end: { value: r, closed: false }, point: r });
  bounds.push({ end: lastIsHi ? { value: points[points.length - 1], closed: false } : hiEnd, point: lastIsHi ? points[points.length - 1] : I.hi });
  for (let k = 0; k + 1 < bounds.length; k++) {
    const L = bounds[k];
    const R = bounds[k + 1];
    // Skip an empty gap (a degenerate interval [a, a], or a root at an end already accounted for).
    if (L.point !== null && R.point !== null) {
      const l = 'kind' in L.point ? L.point : ({ kind: 'rational', value: L.point } as RealAlgebraic);
      const r = 'kind' in R.point ? R.point : ({ kind: 'rational', value: R.point } as RealAlgebraic);
      if (compareReal(l, r) >= 0) continue;
    }
    const s = sampleBetween(L.point, R.point);
    const sg = signAt(s);
    if (sg === 0) throw new InternalError(`solveSign: sample ${rationalToString(s)} between consecutive roots is a root`);
    (sg > 0 ? positive : negative).push({ lo: L.end, hi: R.end });
  }
  return { positive, negative };
}

/**
 * Sign of the rational function f = N/D (univariate in `v`) on I: where f > 0, f = 0, f < 0, and
 * the points where D = 0 (f undefined there, even if the zero of D cancels against N).
 */
export function solveSignRatFunc(f: RatFunc, v: string, I: RealInterval): RatSignSolution {
  const N = zfromPoly(f.num, v);
  const D = zfromPoly(f.den, v);
  if (zisZero(D)) throw new InternalError('solveSignRatFunc: zero denominator');
  if (zisZero(N)) {
    return { positive: [], negative: [], zeros: [], identicallyZero: true, undefinedAt: isolateRoots(D, I) };
  }
  const ND = zmul(N, D);
  const points = isolateRoots(ND, I);
  const zeros: RealAlgebraic[] = [];
  const undefinedAt: RealAlgebraic[] = [];
  for (const r of points) {
    if (isRootOf(r, D)) undefinedAt.push(r);
    else zeros.push(r);
  }
  const { positive, negative } = pieces(points, I, (q) => zsignAt(ND, q));
  return { positive, negative, zeros, identicallyZero: false, undefinedAt };
}

/** Readable form of a sign solution, e.g. "p > 0 on (1/3, 1/2); < 0 on (0, 1/3) ∪ (1/2, 1]; = 0 at 1/3, 1/2". */
export function signSolutionToString(s: SignSolution, digits = 12, label = 'p'): string {
  if (s.identicallyZero) return '≡ 0';
  const end = (e: Endpoint, left: boolean): string =>
    e.value === null ? (left ? '(-inf' : 'inf)') : left ? `${e.closed ? '[' : '('}${short(e.value)}` : `${short(e.value)}${e.closed ? ']' : ')'}`;
  const short = (r: RealAlgebraic): string => (r.kind === 'rational' ? rationalToString(r.value) : `≈${rootDecimal(r, digits).approx}`);
  const list = (ps: Piece[]): string => (ps.length ? ps.map((p) => `${end(p.lo, true)}, ${end(p.hi, false)}`).join(' ∪ ') : '∅');
  const zs = s.zeros.map(short).join(', ') || 'nowhere';
  const extra = 'undefinedAt' in s ? `; undefined at ${(s as RatSignSolution).undefinedAt.map(short).join(', ') || 'nowhere'}` : '';
  return `${label} > 0 on ${list(s.positive)}; < 0 on ${list(s.negative)}; = 0 at ${zs}${extra}`;
}

/** The rational number as an exact RealAlgebraic. */
export const realRational = (q: Rational): RealAlgebraic => ({ kind: 'rational', value: q });
