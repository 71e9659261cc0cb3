/**
 * Quantities of a state over Q(parameters), exactly: energy, populations, the l1-norm of
 * coherence in the computational basis (piecewise where an entry changes sign), and the ergotropy
 * of the dephased state (the part of W that the populations alone carry); the two-qubit
 * concurrence numerically (it needs square roots of eigenvalues).
 */
import { InputError, InternalError } from '../errors.js';
import type { DecimalField } from '../numeric/decimal.js';
import { eigh } from '../numeric/eigh.js';
import { mul, type CMatrix } from '../numeric/matrix.js';
import { identical, rfadd, rfConst, rfisZero, rfmul, rfneg, type RatFunc } from '../symbolic/ratfunc.js';
import { rfReduce as rfReduceSafe } from './polynomial-gcd.js';
import { eigenvalueOrderings, type Level, type Ordering, type OrderingOptions } from './ordering.js';
import type { LadderSteadyState } from './ladder-steady-state.js';
import { compareReal, interval, realRational, solveSignRatFunc, type Piece, type RealAlgebraic } from '../symbolic/sturm.js';
import { excitationLevels, piecewiseErgotropy, type PiecewiseErgotropy } from './passive-pairing.js';

const popcount = (x: number): number => {
  let c = 0;
  for (; x !== 0; x &= x - 1) c++;
  return c;
};

const qubitsOf = (rho: CMatrix<RatFunc>): number => {
  const N = Math.round(Math.log2(rho.rows));
  if (rho.rows !== rho.cols || 2 ** N !== rho.rows) throw new InputError(`quantities: ρ must be 2^N × 2^N, got ${rho.rows}×${rho.cols}`);
  return N;
};

/** Tr(ρH0), H0 = ω·(number of excitations); exact. */
export function energyOf(rho: CMatrix<RatFunc>, omega: RatFunc): RatFunc {
  const N = qubitsOf(rho);
  const d = rho.rows;
  let s = rfConst(0);
  for (let a = 0; a < d; a++) if (!rfisZero(rho.re[a * d + a])) s = rfadd(s, rfmul(rfConst(N - popcount(a)), rho.re[a * d + a]));
  return rfReduceSafe(rfmul(omega, s));
}

/** The diagonal of ρ in the computational basis. */
export const populationsOf = (rho: CMatrix<RatFunc>): RatFunc[] => Array.from({ length: rho.rows }, (_, a) => rho.re[a * rho.rows + a]);

/** Distinct values with multiplicities (exact identity), e.g. the populations as levels for eigenvalueOrderings. */
export function distinctLevels(values: readonly RatFunc[]): Level[] {
  const out: { value: RatFunc; multiplicity: number }[] = [];
  for (const v of values) {
    const hit = out.find((l) => identical(l.value, v).identical);
    if (hit) hit.multiplicity++;
    else out.push({ value: v, multiplicity: 1 });
  }
  return out;
}

export interface PiecewiseValue {
  readonly pieces: readonly { readonly value: RatFunc; readonly ordering: Ordering; readonly cells: Ordering['cells'][number][] }[];
  readonly how: string;
}

/**
 * C_l1 = Σ_{a≠b} |ρ_ab| in the computational basis, as a piecewise rational function: the sign of
 * every distinct real off-diagonal entry is decided over the domain by ordering it against 0
 * (eigenvalueOrderings), and cells with the same expression are merged. Entries with an imaginary
 * part are refused (their modulus is not rational).
 */
export function piecewiseL1Coherence(rho: CMatrix<RatFunc>, options: OrderingOptions = {}): PiecewiseValue {
  const d = rho.rows;
  if (!rho.im.every(rfisZero)) throw new InputError('piecewiseL1Coherence: ρ has imaginary entries (|ρ_ab| is then not a rational function)');
  const off: RatFunc[] = [];
  for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) if (a !== b && !rfisZero(rho.re[a * d + b])) off.push(rho.re[a * d + b]);
  const levels = distinctLevels([...off, rfConst(0)]).map((l) => (rfisZero(l.value) ? { ...l, multiplicity: 1 } : l));
  const zero = levels.findIndex((l) => rfisZero(l.value));
  const ordering = eigenvalueOrderings(levels, options);
  const pieces: { value: RatFunc; ordering: Ordering; cells: Ordering['cells'][number][] }[] = [];
  for (const cell of ordering.cells) {
    const pos = cell.order.indexOf(zero);
    let s = rfConst(0);
    cell.order.forEach((i, k) => {
      if (i === zero) return;
      const term = rfmul(rfConst(levels[i].multiplicity), levels[i].value);
      s = rfadd(s, k < pos ? term : rfneg(term));
    });
    const value = rfReduceSafe(s);
    const hit = pieces.find((p) => identical(p.value, value).identical);
    if (hit) hit.cells.push(cell);
    else pieces.push({ value, ordering, cells: [cell] });
  }
  return {
    pieces,
    how: `signs of ${levels.length - 1} distinct off-diagonal entries decided against 0 over the domain (${ordering.how}); ${pieces.length} distinct expressions`,
  };
}

export interface PiecewiseInY {
  /** Each distinct expression with the open y-intervals where it holds (their closures cover [0, 1]). */
  readonly pieces: readonly { readonly value: RatFunc; readonly intervals: { readonly lo: RealAlgebraic; readonly hi: RealAlgebraic }[] }[];
  readonly how: string;
}

/** Whether a sign piece contains the open interval (lo, hi); null ends are ±∞. */
const pieceContains = (p: Piece, lo: RealAlgebraic, hi: RealAlgebraic): boolean =>
  (p.lo.value === null || compareReal(p.lo.value, lo) <= 0) && (p.hi.value === null || compareReal(hi, p.hi.value) <= 0);

/**
 * C_l1 (computational basis) of a ladder steady state from its own structure, without the dense
 * matrix: block k is C(N, k) × C(N, k) with every entry equal to its block entry and blocks do not
 * couple, so the off-diagonal entries are C(N, k)(C(N, k) − 1) copies of each block entry. Each
 * entry's sign over 0 < y < 1 is decided by Sturm; between consecutive zeros of the entries every
 * |entry| is ± the entry, which gives one expression per y-interval (identical ones merged).
 */
export function ladderL1Coherence(s: LadderSteadyState, y = 'y'): PiecewiseInY {
  const open = interval(0, 1, '()');
  const terms: { count: bigint; value: RatFunc; sign: ReturnType<typeof solveSignRatFunc> }[] = [];
  s.blockEntries.forEach((e, k) => {
    const count = s.sectorSizes[k] * (s.sectorSizes[k] - 1n);
    if (count === 0n || rfisZero(e)) return;
    const sign = solveSignRatFunc(e, y, open);
    if (sign.undefinedAt.length) throw new InputError(`ladderL1Coherence: the entry of block ${k} has a pole in 0 < ${y} < 1`);
    terms.push({ count, value: e, sign });
  });
  const zeros = terms.flatMap((t) => t.sign.zeros).sort(compareReal);
  const ends: RealAlgebraic[] = [
    realRational({ num: 0n, den: 1n }),
    ...zeros.filter((z, i) => i === 0 || compareReal(z, zeros[i - 1]) !== 0),
    realRational({ num: 1n, den: 1n }),
  ];
  const pieces: { value: RatFunc; intervals: { lo: RealAlgebraic; hi: RealAlgebraic }[] }[] = [];
  for (let i = 0; i + 1 < ends.length; i++) {
    const [lo, hi] = [ends[i], ends[i + 1]];
    let sum = rfConst(0);
    for (const t of terms) {
      // no zero of the entry lies inside (lo, hi), so one sign piece holds all of it
      const negative = t.sign.negative.some((p) => pieceContains(p, lo, hi));
      if (!negative && !t.sign.positive.some((p) => pieceContains(p, lo, hi)))
        throw new InternalError('ladderL1Coherence: an entry changes sign between consecutive zeros');
      const term = rfmul(rfConst(t.count), t.value);
      sum = rfadd(sum, negative ? rfneg(term) : term);
    }
    const value = rfReduceSafe(sum);
    const hit = pieces.find((p) => identical(p.value, value).identical);
    if (hit) hit.intervals.push({ lo, hi });
    else pieces.push({ value, intervals: [{ lo, hi }] });
  }
  return {
    pieces,
    how: `${terms.length} nonzero block entries with off-diagonal copies (C(N, k)(C(N, k) − 1) copies each), their signs decided over 0 < ${y} < 1 by Sturm sequences (${ends.length - 2} zeros); ${pieces.length} distinct expressions`,
  };
}

/**
 * The ergotropy of the dephased state diag(ρ) (computational basis) for H0 = ω·(excitations): its
 * eigenvalues are the populations, so W(Δρ) is the passive pairing of the ordered populations. It
 * is the part of W that needs no coherence (W(Δρ) > 0 iff the populations are inverted).
 */
export function dephasedErgotropy(rho: CMatrix<RatFunc>, omega: RatFunc, options: OrderingOptions = {}): PiecewiseErgotropy {
  const N = qubitsOf(rho);
  const ordering = eigenvalueOrderings(distinctLevels(populationsOf(rho)), options);
  return piecewiseErgotropy(energyOf(rho, omega), ordering, excitationLevels(N, omega));
}

/**
 * Wootters' concurrence of a two-qubit state, numerically in D: C = max(0, λ1 − λ2 − λ3 − λ4) with
 * λ_i the decreasing square roots of the eigenvalues of √ρ ρ̃ √ρ, ρ̃ = (σ_y⊗σ_y) ρ* (σ_y⊗σ_y). Accurate
 * to about the working precision when ρ's eigenvalues are well separated from 0 or exactly 0
 * (√ρ is taken from a certified eigendecomposition, negative roundoff clipped to 0).
 */
export function concurrence(D: DecimalField, rho: CMatrix<InstanceType<DecimalField['Decimal']>>): InstanceType<DecimalField['Decimal']> {
  if (rho.rows !== 4 || rho.cols !== 4) throw new InputError(`concurrence: ρ must be 4×4 (two qubits), got ${rho.rows}×${rho.cols}`);
  type Dv = InstanceType<DecimalField['Decimal']>;
  const sqrtOf = (A: CMatrix<Dv>): CMatrix<Dv> => {
    const e = eigh(D, A, { certify: false });
    const n = A.rows;
    const re = new Array<Dv>(n * n).fill(D.zero);
    const im = new Array<Dv>(n * n).fill(D.zero);
    e.values.forEach((lam, k) => {
      const s = D.sign(lam) > 0 ? D.sqrt(lam) : D.zero;
      for (let a = 0; a < n; a++)
        for (let b = 0; b < n; b++) {
          // s·v_a·conj(v_b)
          const ar = e.vectors.re[a * n + k];
          const ai = e.vectors.im[a * n + k];
          const br = e.vectors.re[b * n + k];
          const bi = e.vectors.im[b * n + k];
          re[a * n + b] = D.add(re[a * n + b], D.mul(s, D.add(D.mul(ar, br), D.mul(ai, bi))));
          im[a * n + b] = D.add(im[a * n + b], D.mul(s, D.sub(D.mul(ai, br), D.mul(ar, bi))));
        }
    });
    return { rows: n, cols: n, re, im };
  };
  // σ_y⊗σ_y is anti-diagonal with (σy⊗σy)_{a,3−a} = s_a, s = (−1, 1, 1, −1), so ρ̃_ab = s_a s_b conj(ρ_{3−a,3−b})
  const sign = [-1, 1, 1, -1];
  const tilde: CMatrix<Dv> = {
    rows: 4,
    cols: 4,
    re: Array.from({ length: 16 }, (_, k) => {
      const a = Math.floor(k / 4);
      const b = k % 4;
      const v = rho.re[(3 - a) * 4 + (3 - b)];
      return sign[a] * sign[b] > 0 ? v : D.neg(v);
    }),
    im: Array.from({ length: 16 }, (_, k) => {
      const a = Math.floor(k / 4);
      const b = k % 4;
      const v = D.neg(rho.im[(3 - a) * 4 + (3 - b)]);
      return sign[a] * sign[b] > 0 ? v : D.neg(v);
    }),
  };
  const r = sqrtOf(rho);
  const M = mul(D, r, mul(D, tilde, r));
  const lam = eigh(D, M, { certify: false }).values.map((x) => (D.sign(x) > 0 ? D.sqrt(x) : D.zero));
  lam.sort((a, b) => D.cmp(b, a));
  const c = D.sub(D.sub(D.sub(lam[0], lam[1]), lam[2]), lam[3]);
  return D.sign(c) > 0 ? c : D.zero;
}
