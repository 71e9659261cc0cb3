/**
 * The quantities of a user claim, by the two routes of states.ts:
 *   numericQuantity — from a state at ≥ 50 digits, with a rigorous error bound where the physics
 *                     has one (spectra: certified eigendecompositions, sector by sector);
 *   exactQuantity   — over Q(y, c, ω) for the quantities rational in the entries (energy,
 *                     populations, purity; the l1 coherence piecewise, where each entry's sign is
 *                     decided by Sturm sequences), or the reason there is none.
 */
import type { DecimalField } from '../numeric/decimal.js';
import { eigh } from '../numeric/eigh.js';
import { block, zeros, type CMatrix } from '../numeric/matrix.js';
import { rcmp, type Rational } from '../numeric/rational.js';
import { l1Coherence } from '../physics/coherence.js';
import { certifiedErgotropy } from '../physics/passive-energy.js';
import { excitations } from '../physics/qubits.js';
import { ratFuncField as R, rfConstantValue } from '../symbolic/ratfunc-field.js';
import { identical, rfConst, rfevalPartial, rfVar, type RatFunc } from '../symbolic/ratfunc.js';
import { pterms } from '../symbolic/poly.js';
import { compareReal, isolateRoots, realRational, type RealAlgebraic, type RealInterval } from '../symbolic/sturm.js';
import { zfromPoly, zmul, zsignAt } from '../symbolic/upoly.js';
import { simplestRational } from '../symbolic/sturm.js';
import type { Quantity } from './claims-file.js';

type Dec = DecimalField['zero'];

/** A value (one number, or a list) and a bound on its distance from the true value. */
export interface NumericValue {
  readonly values: readonly Dec[];
  readonly bound: Dec;
}

/** The levels k·ω of H0 for each basis state. */
const levelOf = (a: number, N: number): number => excitations(a, N);

/** Whether ρ has no entry between different excitation numbers (then it is a direct sum of sector blocks). */
function sectorIndices(D: DecimalField, rho: CMatrix<Dec>, N: number): number[][] | null {
  const d = rho.rows;
  for (let a = 0; a < d; a++)
    for (let b = 0; b < d; b++)
      if (levelOf(a, N) !== levelOf(b, N) && !(D.isZero(rho.re[a * d + b]) && D.isZero(rho.im[a * d + b]))) return null;
  const out: number[][] = Array.from({ length: N + 1 }, () => []);
  for (let a = 0; a < d; a++) out[levelOf(a, N)].push(a);
  return out;
}

/** Certified eigenvalues of ρ (any order) and one bound for all: sector by sector when ρ commutes with H0. */
function spectrum(D: DecimalField, rho: CMatrix<Dec>, N: number): { values: Dec[]; bound: Dec } {
  const sectors = sectorIndices(D, rho, N) ?? [Array.from({ length: rho.rows }, (_, a) => a)];
  const values: Dec[] = [];
  let bound = D.zero;
  for (const idx of sectors) {
    if (idx.length === 0) continue;
    if (idx.length === 1) {
      values.push(rho.re[idx[0] * rho.rows + idx[0]]);
      continue;
    }
    const e = eigh(D, block(rho, idx));
    values.push(...e.values);
    if (D.cmp(e.certificate!.bound, bound) > 0) bound = e.certificate!.bound;
  }
  return { values, bound };
}

/** Ergotropy, passive energy and energy from a certified spectrum (levels k·ω exact in the working field). */
function spectral(D: DecimalField, rho: CMatrix<Dec>, N: number, omega: Dec, pops: { values: Dec[]; bound: Dec }) {
  const d = rho.rows;
  let E = D.zero;
  for (let a = 0; a < d; a++) E = D.add(E, D.mul(D.mul(D.fromNumber(levelOf(a, N)), omega), rho.re[a * d + a]));
  const levels = Array.from({ length: d }, (_, a) => D.mul(D.fromNumber(levelOf(a, N)), omega));
  // the energy and the levels carry a few roundings of the working field: bound them generously
  const roundoff = D.mul(D.mul(D.fromNumber(4 * d * (N + 1)), D.epsilon), D.add(D.one, omega));
  return certifiedErgotropy(D, { value: E, bound: roundoff }, pops, { values: levels, bound: roundoff });
}

/** The quantity of ρ at ≥ 50 digits (ω the qubit frequency). */
export function numericQuantity(D: DecimalField, q: Quantity, rho: CMatrix<Dec>, N: number, omega: Dec): NumericValue {
  const d = rho.rows;
  const diag = Array.from({ length: d }, (_, a) => rho.re[a * d + a]);
  const tiny = D.mul(D.fromNumber(16 * d * d), D.epsilon);
  switch (q) {
    case 'populations':
      return { values: diag, bound: tiny };
    case 'energy': {
      let E = D.zero;
      for (let a = 0; a < d; a++) E = D.add(E, D.mul(D.mul(D.fromNumber(levelOf(a, N)), omega), diag[a]));
      return { values: [E], bound: D.mul(tiny, D.add(D.one, omega)) };
    }
    case 'purity': {
      let s = D.zero;
      for (let k = 0; k < d * d; k++) s = D.add(s, D.add(D.mul(rho.re[k], rho.re[k]), D.mul(rho.im[k], rho.im[k])));
      return { values: [s], bound: tiny };
    }
    case 'coherence':
      return { values: [l1Coherence(D, rho)], bound: tiny };
    case 'eigenvalues': {
      const s = spectrum(D, rho, N);
      return { values: s.values.slice().sort((a, b) => D.cmp(b, a)), bound: D.add(s.bound, tiny) };
    }
    case 'ergotropy':
    case 'passive-energy': {
      const w = spectral(D, rho, N, omega, spectrum(D, rho, N));
      return q === 'ergotropy' ? { values: [w.ergotropy], bound: D.add(w.ergotropyBound, tiny) } : { values: [w.passiveEnergy], bound: D.add(w.passiveEnergyBound, tiny) };
    }
    case 'incoherent-ergotropy': {
      // the dephased state is diagonal: its spectrum is its diagonal, exactly
      const dephased = zeros(D, d);
      for (let a = 0; a < d; a++) dephased.re[a * d + a] = diag[a];
      const w = spectral(D, dephased, N, omega, { values: diag, bound: D.zero });
      return { values: [w.ergotropy], bound: D.add(w.ergotropyBound, tiny) };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Exact route.

/** One piece of an exact quantity: its value(s) where the free variable lies in (lo, hi). */
export interface ExactPiece {
  readonly values: readonly RatFunc[];
  /** The free variable the pieces split (null: one piece, no condition). */
  readonly variable: string | null;
  readonly lo: RealAlgebraic | null;
  readonly hi: RealAlgebraic | null;
  /** Whether lo (hi) is the end of the variable's domain rather than a root. */
  readonly loIsDomainEnd?: boolean;
  readonly hiIsDomainEnd?: boolean;
}

export type ExactQuantity = { readonly ok: true; readonly pieces: readonly ExactPiece[]; readonly how: string } | { readonly ok: false; readonly reason: string };

const freeVars = (fs: readonly RatFunc[]): string[] => [...new Set(fs.flatMap((f) => [...f.num.vars, ...f.den.vars]))].sort();

/** Whether every coefficient of p has the sign s (then p has that sign wherever all its variables are > 0). */
const allCoefficients = (f: RatFunc, s: 1 | -1): boolean => pterms(f.num).every((t) => (t.coef.num > 0n ? 1 : -1) === s);
const denPositive = (f: RatFunc): boolean => pterms(f.den).every((t) => t.coef.num > 0n);

/**
 * |f| summed, piecewise: with no free variable the signs are those of the constants; with one free
 * variable v on I the real roots of every entry's numerator and denominator split I (Sturm), and
 * each gap takes the signs at a rational point inside it; with several, only when each entry has
 * all coefficients of one sign (all variables being positive on the domain).
 */
function absSum(entries: readonly RatFunc[], intervals: Readonly<Record<string, RealInterval>>): ExactQuantity {
  const nonzero = entries.filter((f) => !R.isZero(f));
  const vars = freeVars(nonzero);
  const sumWith = (signs: readonly (1 | -1)[]): RatFunc => nonzero.reduce((acc, f, k) => (signs[k] > 0 ? R.add(acc, f) : R.sub(acc, f)), R.zero);
  if (vars.length === 0) {
    const signs = nonzero.map((f) => (rcmp(rfConstantValue(f)!, { num: 0n, den: 1n }) > 0 ? 1 : -1) as 1 | -1);
    return { ok: true, pieces: [{ values: [sumWith(signs)], variable: null, lo: null, hi: null }], how: 'the signs of exact constants' };
  }
  if (vars.length === 1) {
    const v = vars[0];
    const I = intervals[v];
    if (I === undefined) return { ok: false, reason: `no interval for ${v}` };
    let points: RealAlgebraic[] = [];
    for (const f of nonzero) {
      const p = zmul(zfromPoly(f.num, v), zfromPoly(f.den, v));
      for (const r of isolateRoots(p, I)) if (!points.some((x) => compareReal(x, r) === 0)) points.push(r);
    }
    points = points.sort(compareReal);
    const ends: (RealAlgebraic | null)[] = [I.lo === null ? null : realRational(I.lo), ...points, I.hi === null ? null : realRational(I.hi)];
    const pieces: ExactPiece[] = [];
    for (let k = 0; k + 1 < ends.length; k++) {
      const lo = ends[k];
      const hi = ends[k + 1];
      if (lo !== null && hi !== null && compareReal(lo, hi) >= 0) continue;
      const s = sampleBetween(lo, hi);
      const signs = nonzero.map((f) => {
        const sg = zsignAt(zfromPoly(f.num, v), s) * zsignAt(zfromPoly(f.den, v), s);
        return (sg >= 0 ? 1 : -1) as 1 | -1;
      });
      const value = sumWith(signs);
      const prev = pieces[pieces.length - 1];
      // adjacent gaps with the same formula are one piece
      const hiIsDomainEnd = k + 2 === ends.length;
      if (prev && identical(prev.values[0], value).identical) pieces[pieces.length - 1] = { ...prev, hi, hiIsDomainEnd };
      else pieces.push({ values: [value], variable: v, lo, hi, loIsDomainEnd: k === 0, hiIsDomainEnd });
    }
    return { ok: true, pieces, how: `the sign of every entry on the domain of ${v}, decided by Sturm sequences` };
  }
  const signs: (1 | -1)[] = [];
  for (const f of nonzero) {
    if (!denPositive(f)) return { ok: false, reason: `the sign of an entry in ${vars.join(', ')} is not decided (its denominator has coefficients of both signs)` };
    if (allCoefficients(f, 1)) signs.push(1);
    else if (allCoefficients(f, -1)) signs.push(-1);
    else return { ok: false, reason: `an entry changes sign in the (${vars.join(', ')}) domain; with more than one free variable its sign regions are not decided exactly (fix all but one parameter in "assume")` };
  }
  return { ok: true, pieces: [{ values: [sumWith(signs)], variable: null, lo: null, hi: null }], how: 'every entry has coefficients of one sign (all variables positive)' };
}

/** A rational point strictly between two ends (either may be ±∞). */
function sampleBetween(lo: RealAlgebraic | null, hi: RealAlgebraic | null): Rational {
  const upper = (r: RealAlgebraic): Rational => (r.kind === 'rational' ? r.value : r.hi);
  const lower = (r: RealAlgebraic): Rational => (r.kind === 'rational' ? r.value : r.lo);
  if (lo === null && hi === null) return { num: 0n, den: 1n };
  if (lo === null) return { num: lower(hi!).num - lower(hi!).den, den: lower(hi!).den };
  if (hi === null) return { num: upper(lo).num + upper(lo).den, den: upper(lo).den };
  // refine algebraic ends until their isolating intervals separate
  let a = lo;
  let b = hi;
  for (let i = 0; i < 200 && rcmp(upper(a), lower(b)) >= 0; i++) {
    a = refine(a);
    b = refine(b);
  }
  return simplestRational(upper(a), lower(b)) ?? upper(a);
}

function refine(r: RealAlgebraic): RealAlgebraic {
  if (r.kind === 'rational') return r;
  const m: Rational = { num: r.lo.num * r.hi.den + r.hi.num * r.lo.den, den: 2n * r.lo.den * r.hi.den };
  const s = zsignAt(r.poly, m);
  if (s === 0) return realRational(m);
  return s === r.signLo ? { ...r, lo: m } : { ...r, hi: m };
}

/** Variables of the exact route and the constant values fixed by the claim's assumptions. */
export interface ExactContext {
  readonly N: number;
  /** Fixed values substituted into the state (y, c, omega). */
  readonly fixed: Readonly<Record<string, Rational>>;
  /** Intervals (supersets of the domain) of the free variables y, c, omega. */
  readonly intervals: Readonly<Record<string, RealInterval>>;
}

/** The quantity of the exact state over Q(y, c, ω), or why there is no exact route. */
export function exactQuantity(q: Quantity, rho0: CMatrix<RatFunc>, ctx: ExactContext): ExactQuantity {
  const d = rho0.rows;
  const sub = (f: RatFunc): RatFunc => rfevalPartial(f, ctx.fixed);
  const rho = { ...rho0, re: rho0.re.map(sub), im: rho0.im.map(sub) };
  const omega = ctx.fixed.omega ? rfConst(ctx.fixed.omega) : rfVar('omega');
  const diag = Array.from({ length: d }, (_, a) => rho.re[a * d + a]);
  const one = (v: RatFunc, how: string): ExactQuantity => ({ ok: true, pieces: [{ values: [v], variable: null, lo: null, hi: null }], how });
  const real = rho.im.every((f) => R.isZero(f));
  switch (q) {
    case 'populations':
      return { ok: true, pieces: [{ values: diag, variable: null, lo: null, hi: null }], how: 'the diagonal of the exact state' };
    case 'energy':
      return one(
        diag.reduce((acc, p, a) => R.add(acc, R.mul(R.mul(rfConst(levelOf(a, ctx.N)), omega), p)), R.zero),
        'Tr(ρH0) = ω Σ_k k·(population of k excitations), exactly',
      );
    case 'purity': {
      let s = R.zero;
      for (let k = 0; k < d * d; k++) s = R.add(s, R.add(R.mul(rho.re[k], rho.re[k]), R.mul(rho.im[k], rho.im[k])));
      return one(s, 'Tr ρ² = Σ |ρ_ij|², exactly');
    }
    case 'coherence': {
      if (!real) return { ok: false, reason: 'the state has complex entries: |ρ_ij| is a square root, not a rational function' };
      const off: RatFunc[] = [];
      for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) if (a !== b) off.push(rho.re[a * d + b]);
      const r = absSum(off, ctx.intervals);
      return r.ok ? { ...r, how: `C_l1 = Σ_{i≠j} |ρ_ij| with ${r.how}` } : r;
    }
    case 'eigenvalues':
    case 'ergotropy':
    case 'passive-energy':
    case 'incoherent-ergotropy':
      return { ok: false, reason: `no exact route for the ${q} yet (it needs the eigenvalues and their order over the domain); checked by first principles only` };
  }
}
