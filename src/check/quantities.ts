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
import { block, mul, zeros, type CMatrix } from '../numeric/matrix.js';
import { rcmp, type Rational } from '../numeric/rational.js';
import { l1Coherence } from '../physics/coherence.js';
import { certifiedErgotropy } from '../physics/passive-energy.js';
import { excitations } from '../physics/qubits.js';
import { ratFuncField as R } from '../symbolic/ratfunc-field.js';
import { identical, rfConst, rfevalPartial, rfevalRational, rfVar, type RatFunc } from '../symbolic/ratfunc.js';
import { pterms } from '../symbolic/poly.js';
import { compareReal, isolateRoots, realRational, type RealAlgebraic, type RealInterval } from '../symbolic/sturm.js';
import { zfromPoly, zmul, zsignAt } from '../symbolic/upoly.js';
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
    for (let b = 0; b < d; b++) if (levelOf(a, N) !== levelOf(b, N) && !(D.isZero(rho.re[a * d + b]) && D.isZero(rho.im[a * d + b]))) return null;
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

/**
 * Wootters' concurrence of a two-qubit state: C = max(0, λ1 − λ2 − λ3 − λ4), λ the decreasing
 * square roots of the eigenvalues of √ρ ρ̃ √ρ, ρ̃ = (σy⊗σy) ρ* (σy⊗σy). The square roots make the
 * error bound the square root of the eigenvalues' certified bound (plus the working precision's).
 */
function concurrence(D: DecimalField, rho: CMatrix<Dec>): NumericValue {
  const e = eigh(D, rho);
  const n = 4;
  const root = e.values.map((l) => (D.sign(l) > 0 ? D.sqrt(l) : D.zero));
  // √ρ = V diag(√λ) V†
  const S = zeros(D, n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let re = D.zero;
      let im = D.zero;
      for (let k = 0; k < n; k++) {
        const [ar, ai] = [e.vectors.re[i * n + k], e.vectors.im[i * n + k]];
        const [br, bi] = [e.vectors.re[j * n + k], D.neg(e.vectors.im[j * n + k])];
        re = D.add(re, D.mul(root[k], D.sub(D.mul(ar, br), D.mul(ai, bi))));
        im = D.add(im, D.mul(root[k], D.add(D.mul(ar, bi), D.mul(ai, br))));
      }
      S.re[i * n + j] = re;
      S.im[i * n + j] = im;
    }
  // σy⊗σy is the real antidiagonal (−1, 1, 1, −1) in any product basis
  const y = [-1, 1, 1, -1];
  const tilde = zeros(D, n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const s = y[i] * y[j];
      tilde.re[i * n + j] = D.mul(D.fromNumber(s), rho.re[(n - 1 - i) * n + (n - 1 - j)]);
      tilde.im[i * n + j] = D.mul(D.fromNumber(-s), rho.im[(n - 1 - i) * n + (n - 1 - j)]);
    }
  const M = mul(D, S, mul(D, tilde, S));
  // exactly Hermitian for the eigensolver
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      M.re[j * n + i] = M.re[i * n + j];
      M.im[j * n + i] = D.neg(M.im[i * n + j]);
    }
  for (let i = 0; i < n; i++) M.im[i * n + i] = D.zero;
  const m = eigh(D, M);
  const lam = m.values.map((x) => (D.sign(x) > 0 ? D.sqrt(x) : D.zero)).sort((a, b) => D.cmp(b, a));
  const c = D.sub(lam[0], D.add(lam[1], D.add(lam[2], lam[3])));
  const floor = D.mul(D.fromNumber(64), D.epsilon);
  const bound = D.mul(D.fromNumber(8), D.sqrt(D.add(D.add(m.certificate!.bound, e.certificate!.bound), floor)));
  return { values: [D.sign(c) > 0 ? c : D.zero], bound };
}

/** The quantity of ρ at ≥ 50 digits (ω the qubit frequency). */
export function numericQuantity(D: DecimalField, q: Quantity, rho: CMatrix<Dec>, N: number, omega: Dec): NumericValue {
  const d = rho.rows;
  const diag = Array.from({ length: d }, (_, a) => rho.re[a * d + a]);
  const tiny = D.mul(D.fromNumber(16 * d * d), D.epsilon);
  switch (q) {
    case 'concurrence':
      return concurrence(D, rho);
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
      return q === 'ergotropy'
        ? { values: [w.ergotropy], bound: D.add(w.ergotropyBound, tiny) }
        : { values: [w.passiveEnergy], bound: D.add(w.passiveEnergyBound, tiny) };
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

export type ExactQuantity =
  | { readonly ok: true; readonly pieces: readonly ExactPiece[]; readonly how: string }
  | { readonly ok: false; readonly reason: string };

const freeVars = (fs: readonly RatFunc[]): string[] => [...new Set(fs.flatMap((f) => [...f.num.vars, ...f.den.vars]))].sort();

/** Whether every coefficient of p has the sign s (then p has that sign wherever all its variables are > 0). */
const allCoefficients = (f: RatFunc, s: 1 | -1): boolean => pterms(f.num).every((t) => (t.coef.num > 0n ? 1 : -1) === s);
const denPositive = (f: RatFunc): boolean => pterms(f.den).every((t) => t.coef.num > 0n);

/** A region of the domain: the free variable (if any) between two ends, and an exact point inside. */
interface Region {
  readonly variable: string | null;
  readonly lo: RealAlgebraic | null;
  readonly hi: RealAlgebraic | null;
  readonly loIsDomainEnd: boolean;
  readonly hiIsDomainEnd: boolean;
  readonly sample: Readonly<Record<string, Rational>>;
}

/**
 * The regions on which every one of `fs` keeps its sign: with no free variable, the whole domain;
 * with one free variable v on I, the gaps between the real roots in I of every numerator and
 * denominator (isolated by Sturm sequences), each with a rational point inside; with more, null.
 */
function signRegions(fs: readonly RatFunc[], intervals: Readonly<Record<string, RealInterval>>): Region[] | null | string {
  const vars = freeVars(fs);
  if (vars.length === 0) return [{ variable: null, lo: null, hi: null, loIsDomainEnd: true, hiIsDomainEnd: true, sample: {} }];
  if (vars.length > 1) return null;
  const v = vars[0];
  const I = intervals[v];
  if (I === undefined) return `no interval for ${v}`;
  let points: RealAlgebraic[] = [];
  for (const f of fs) {
    const p = zmul(zfromPoly(f.num, v), zfromPoly(f.den, v));
    if (p.length === 0) continue;
    for (const r of isolateRoots(p, I)) if (!points.some((x) => compareReal(x, r) === 0)) points.push(r);
  }
  points = points.sort(compareReal);
  const ends: (RealAlgebraic | null)[] = [I.lo === null ? null : realRational(I.lo), ...points, I.hi === null ? null : realRational(I.hi)];
  const out: Region[] = [];
  for (let k = 0; k + 1 < ends.length; k++) {
    const lo = ends[k];
    const hi = ends[k + 1];
    if (lo !== null && hi !== null && compareReal(lo, hi) >= 0) continue;
    out.push({ variable: v, lo, hi, loIsDomainEnd: k === 0, hiIsDomainEnd: k + 2 === ends.length, sample: { [v]: sampleBetween(lo, hi) } });
  }
  return out;
}

/** The pieces of a quantity given region by region; adjacent regions with identical values are one piece. */
function piecesOver(regions: readonly Region[], valueAt: (r: Region) => RatFunc[]): ExactPiece[] {
  const pieces: ExactPiece[] = [];
  for (const r of regions) {
    const values = valueAt(r);
    const prev = pieces[pieces.length - 1];
    if (prev?.values.every((f, i) => identical(f, values[i]).identical)) pieces[pieces.length - 1] = { ...prev, hi: r.hi, hiIsDomainEnd: r.hiIsDomainEnd };
    else pieces.push({ values, variable: r.variable, lo: r.lo, hi: r.hi, loIsDomainEnd: r.loIsDomainEnd, hiIsDomainEnd: r.hiIsDomainEnd });
  }
  // a single piece has no condition beyond the domain
  return pieces.length === 1 ? [{ ...pieces[0], variable: null, lo: null, hi: null }] : pieces;
}

const signAt = (f: RatFunc, at: Readonly<Record<string, Rational>>): number => rcmp(rfevalRational(f, at), { num: 0n, den: 1n });

/**
 * |f| summed, piecewise: on each region of signRegions the signs are those at its sample point;
 * with several free variables, only when each entry has all coefficients of one sign (all
 * variables being positive on the domain).
 */
function absSum(entries: readonly RatFunc[], intervals: Readonly<Record<string, RealInterval>>): ExactQuantity {
  const nonzero = entries.filter((f) => !R.isZero(f));
  const vars = freeVars(nonzero);
  const sumWith = (signs: readonly number[]): RatFunc => nonzero.reduce((acc, f, k) => (signs[k] > 0 ? R.add(acc, f) : R.sub(acc, f)), R.zero);
  const regions = signRegions(nonzero, intervals);
  if (typeof regions === 'string') return { ok: false, reason: regions };
  if (regions !== null) {
    const pieces = piecesOver(regions, (r) => [sumWith(nonzero.map((f) => signAt(f, r.sample)))]);
    return {
      ok: true,
      pieces,
      how: vars.length === 0 ? 'the signs of exact constants' : `the sign of every entry on the domain of ${vars[0]}, decided by Sturm sequences`,
    };
  }
  const signs: number[] = [];
  for (const f of nonzero) {
    if (!denPositive(f))
      return { ok: false, reason: `the sign of an entry in ${vars.join(', ')} is not decided (its denominator has coefficients of both signs)` };
    if (allCoefficients(f, 1)) signs.push(1);
    else if (allCoefficients(f, -1)) signs.push(-1);
    else
      return {
        ok: false,
        reason: `an entry changes sign in the (${vars.join(', ')}) domain; with more than one free variable its sign regions are not decided exactly (fix all but one parameter in "assume")`,
      };
  }
  return {
    ok: true,
    pieces: [{ values: [sumWith(signs)], variable: null, lo: null, hi: null }],
    how: 'every entry has coefficients of one sign (all variables positive)',
  };
}

/**
 * Energy minus passive energy of a diagonal state with populations `p` on levels k_a·ω: on each
 * region where no two populations cross (their differences split the domain by Sturm), the
 * populations sorted at the sample point fill the levels upwards.
 */
function diagonalErgotropy(
  p: readonly RatFunc[],
  levels: readonly number[],
  omega: RatFunc,
  intervals: Readonly<Record<string, RealInterval>>,
  what: 'ergotropy' | 'passive-energy',
  energyInUnits?: RatFunc,
): ExactQuantity {
  const distinct: RatFunc[] = [];
  for (const f of p) if (!distinct.some((g) => identical(f, g).identical)) distinct.push(f);
  const diffs: RatFunc[] = [];
  for (let i = 0; i < distinct.length; i++) for (let j = i + 1; j < distinct.length; j++) diffs.push(R.sub(distinct[i], distinct[j]));
  const regions = signRegions(diffs.length ? diffs : [R.zero], intervals);
  if (regions === null || typeof regions === 'string')
    return {
      ok: false,
      reason: regions ?? 'the order of the populations over more than one free variable is not decided exactly (fix all but one parameter in "assume")',
    };
  const upward = [...levels].sort((a, b) => a - b);
  const energy = energyInUnits ?? p.reduce((acc, f, a) => R.add(acc, R.mul(rfConst(levels[a]), f)), R.zero);
  const pieces = piecesOver(regions, (r) => {
    const order = p.map((f, a) => ({ a, v: rfevalRational(f, r.sample) })).sort((x, y) => rcmp(y.v, x.v));
    const passive = order.reduce((acc, o, i) => R.add(acc, R.mul(rfConst(upward[i]), p[o.a])), R.zero);
    return [R.mul(omega, what === 'ergotropy' ? R.sub(energy, passive) : passive)];
  });
  return {
    ok: true,
    pieces,
    how: `the populations sorted on each region where none cross (differences split by Sturm sequences), filling the levels kω upwards`,
  };
}

/**
 * The eigenvalues of an exact state that commutes with H0, sector by sector, where each sector's
 * block is structurally simple: 1×1; of rank ≤ 1 (every principal 2×2 minor ≡ 0, which for a
 * positive semidefinite block — a density matrix's — means rank ≤ 1: eigenvalues its trace and
 * zeros); or real 2×2 with equal diagonal a and off-diagonal z (eigenvalues a ± z). Else the reason.
 */
function exactSpectrum(rho: CMatrix<RatFunc>, N: number): RatFunc[] | string {
  const d = rho.rows;
  const at = (a: number, b: number): RatFunc => rho.re[a * d + b];
  for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) if (!R.isZero(rho.im[a * d + b])) return 'the state has complex entries';
  for (let a = 0; a < d; a++)
    for (let b = 0; b < d; b++) if (levelOf(a, N) !== levelOf(b, N) && !R.isZero(at(a, b))) return 'the state has coherences between different energies';
  const values: RatFunc[] = [];
  for (let k = 0; k <= N; k++) {
    const idx = Array.from({ length: d }, (_, a) => a).filter((a) => levelOf(a, N) === k);
    if (idx.length === 1) {
      values.push(at(idx[0], idx[0]));
      continue;
    }
    let rankOne = true;
    for (let i = 0; i < idx.length && rankOne; i++)
      for (let j = i + 1; j < idx.length; j++) {
        const [a, b] = [idx[i], idx[j]];
        if (!R.isZero(R.sub(R.mul(at(a, a), at(b, b)), R.mul(at(a, b), at(b, a))))) {
          rankOne = false;
          break;
        }
      }
    if (rankOne) {
      values.push(
        idx.reduce((acc, a) => R.add(acc, at(a, a)), R.zero),
        ...idx.slice(1).map(() => R.zero),
      );
      continue;
    }
    const [a, b] = idx;
    if (idx.length === 2 && identical(at(a, a), at(b, b)).identical && identical(at(a, b), at(b, a)).identical) {
      values.push(R.add(at(a, a), at(a, b)), R.sub(at(a, a), at(a, b)));
      continue;
    }
    return `the block of ${k} excitations (${idx.length}×${idx.length}) has no closed-form spectrum here`;
  }
  return values;
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
  // the midpoint: strictly inside (a simplest rational of the closed gap may be an end, a root)
  return { num: upper(a).num * lower(b).den + lower(b).num * upper(a).den, den: 2n * upper(a).den * lower(b).den };
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
    case 'concurrence':
      return { ok: false, reason: 'no exact route for the concurrence (square roots of eigenvalues); checked by first principles only' };
    case 'incoherent-ergotropy':
    case 'eigenvalues':
    case 'ergotropy':
    case 'passive-energy': {
      const levels = Array.from({ length: d }, (_, a) => levelOf(a, ctx.N));
      let diagonal = true;
      for (let a = 0; a < d && diagonal; a++)
        for (let b = 0; b < d; b++) if (a !== b && !(R.isZero(rho.re[a * d + b]) && R.isZero(rho.im[a * d + b]))) diagonal = false;
      if (q === 'incoherent-ergotropy') {
        const r = diagonalErgotropy(diag, levels, omega, ctx.intervals, 'ergotropy');
        return r.ok ? { ...r, how: `the dephased state's ${r.how}` } : r;
      }
      const spectrum = diagonal ? diag : exactSpectrum(rho, ctx.N);
      if (typeof spectrum === 'string') return { ok: false, reason: `no exact route for the ${q}: ${spectrum}; checked by first principles only` };
      const how = diagonal ? 'the diagonal of the (diagonal) exact state' : 'the eigenvalues of the exact state, block by block of fixed excitation number';
      if (q === 'eigenvalues') return { ok: true, pieces: [{ values: spectrum, variable: null, lo: null, hi: null }], how };
      const energy = diag.reduce((acc, f, a) => R.add(acc, R.mul(rfConst(levels[a]), f)), R.zero);
      const r = diagonalErgotropy(spectrum, levels, omega, ctx.intervals, q, energy);
      return r.ok ? { ...r, how: `${how}, ${r.how.replace(/^the populations/, 'the eigenvalues')}` } : r;
    }
  }
}
