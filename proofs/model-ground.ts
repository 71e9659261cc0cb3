/**
 * Shared helpers for Sec. IV B (ground initial states) and Appendix B: the steady state of
 * Eqs. (13)–(14) symbolically over Q(y, ω) with y = e^{−βω} = r, its C_l1 and W as derived, and
 * the first-principles steady state (the exact collective map applied to the all-ground state),
 * memoised so that several claims share one diagonalisation.
 */
import type { DecimalField } from '../src/numeric/decimal.js';
import type { CMatrix } from '../src/numeric/matrix.js';
import { collectiveCoupling } from '../src/physics/lindblad.js';
import { collectiveSteadyState } from '../src/physics/steady-state.js';
import { ergotropy } from '../src/physics/ergotropy.js';
import { excitations, h0 } from '../src/physics/qubits.js';
import { l1Coherence } from '../src/physics/coherence.js';
import { gibbsState } from '../src/physics/states.js';
import { firstPrinciplesCheck, type Ranges } from '../src/claims/checks.js';
import type { CheckRecord, ClaimContext } from '../src/claims/claim.js';
import { pderivative, pmul, psub } from '../src/symbolic/poly.js';
import { ratfunc, rfadd, rfConst, rfmul, rfsub, rfVar, type RatFunc } from '../src/symbolic/ratfunc.js';
import type { Dec } from './model.js';
import { groundLadderSteadyState, ladderStateMatrix, type LadderSteadyState } from '../src/derive/ladder-steady-state.js';
import { ladderL1Coherence } from '../src/derive/quantities.js';

export const Y = rfVar('y');
export const OMEGA = rfVar('omega');
const _ONE = rfConst(1);

/** C(n, k) exactly. */
export function binom(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let b = 1n;
  for (let i = 1; i <= k; i++) b = (b * BigInt(n - k + i)) / BigInt(i);
  return b;
}

const ladder = new Map<number, LadderSteadyState>();
/** The steady state from the all-ground state, derived by the pipeline (Schur–Weyl ladder, src/derive), memoised per N. */
export function groundDerivation(N: number): LadderSteadyState {
  let s = ladder.get(N);
  if (!s) ladder.set(N, (s = groundLadderSteadyState(N)));
  return s;
}

/** p_k d_k, the weight of block k (derived: the population of the ladder state with k excitations; = (1 − y) y^k / (1 − y^{N+1})). */
export const blockWeight = (N: number, k: number): RatFunc => groundDerivation(N).populations[k];
/** d_k (derived: the common entry of block k; Eq. (14) with r = y). */
export const dk = (N: number, k: number): RatFunc => groundDerivation(N).blockEntries[k];

const l1Memo = new Map<number, RatFunc>();
/**
 * C_l1 (computational basis) of the derived steady state, from its blocks by the pipeline
 * (src/derive): every block entry is positive on 0 < y < 1, so it is one rational function.
 */
export function groundL1(N: number): RatFunc {
  let c = l1Memo.get(N);
  if (!c) {
    const pw = ladderL1Coherence(groundDerivation(N));
    if (pw.pieces.length !== 1) throw new Error(`groundL1: C_l1 of the derived state is piecewise for N = ${N} (${pw.how})`);
    l1Memo.set(N, (c = pw.pieces[0].value));
  }
  return c;
}

/** Excitation number of the i-th lowest level of H0 (i = 0 … 2^N − 1), levels sorted increasingly. */
export function levelExcitation(N: number, i: number): number {
  let k = 0;
  let seen = 0n;
  while (BigInt(i) >= seen + binom(N, k)) {
    seen += binom(N, k);
    k++;
  }
  return k;
}

/**
 * W = Tr(ρH0) − Σ_i r_i↓ ε_i↑ for the spectrum {p_k d_k} ∪ {0, …} taken in the order `decreasing`
 * (a permutation of k = 0 … N): our derivation of Eq. (16) from Eq. (2). Only the first N + 1 levels
 * of H0 are needed (the other eigenvalues are 0).
 */
export function wPairing(N: number, decreasing: readonly number[] = Array.from({ length: N + 1 }, (_, k) => k)): RatFunc {
  let energy = rfConst(0);
  for (let k = 0; k <= N; k++) energy = rfadd(energy, rfmul(rfConst(k), blockWeight(N, k)));
  let passive = rfConst(0);
  decreasing.forEach((k, i) => (passive = rfadd(passive, rfmul(rfConst(levelExcitation(N, i)), blockWeight(N, k)))));
  return rfmul(OMEGA, rfsub(energy, passive));
}

/** Eqs. (13)–(14) in Q(y) as derived by the pipeline, in the computational basis (|1…1⟩ first, |0…0⟩ last). */
export function groundStateSymbolic(N: number): CMatrix<RatFunc> {
  return ladderStateMatrix(groundDerivation(N));
}

/** f′ (in v) as a rational function with numerator n′d − nd′ and denominator d². */
export function rfDerivative(f: RatFunc, v: string): RatFunc {
  return ratfunc(psub(pmul(pderivative(f.num, v), f.den), pmul(f.num, pderivative(f.den, v))), pmul(f.den, f.den));
}

/** A formula with the symbol N replaced by an integer. */
export const withN = (formula: string, N: number): string => formula.replace(/\bN\b/g, `(${N})`);

/** "1, 2, …, 8" → "1..8" for a contiguous list. */
export const rangeText = (ns: readonly number[]): string =>
  ns.length > 2 && ns[ns.length - 1] - ns[0] === ns.length - 1 ? `${ns[0]}..${ns[ns.length - 1]}` : ns.join(', ');

// ----- first principles, numerically -------------------------------------------------------------

const steadyMemo = new Map<string, CMatrix<Dec>>();
const ergoMemo = new Map<string, ReturnType<typeof ergotropy<Dec>>>();
const key = (D: DecimalField, N: number, p: Readonly<Record<string, Dec>>): string => `${D.digits}|${N}|${p.beta.toString()}|${p.omega.toString()}`;

/** ρ_ss from the all-ground state by the exact collective steady-state map (Schur–Weyl), not from Eq. (13). */
export function groundSteadyAt(D: DecimalField, N: number, p: Readonly<Record<string, Dec>>): CMatrix<Dec> {
  const k = key(D, N, p);
  let rho = steadyMemo.get(k);
  if (!rho) {
    const d = 2 ** N;
    const re = new Array<Dec>(d).fill(D.zero);
    re[d - 1] = D.one;
    const model = collectiveCoupling(D, N, { omega: p.omega, beta: p.beta, gamma0: D.one, f: D.fromString('0.3'), timeScale: 'normalised' });
    rho = collectiveSteadyState(D, model, { re, im: new Array<Dec>(d).fill(D.zero) }).rho;
    steadyMemo.set(k, rho);
  }
  return rho;
}

/** w_2/w_1, the ratio of the weights of the blocks with two and with one excitation of groundSteadyAt for N = 3. */
export function groundBlockWeightRatioAt(D: DecimalField, p: Readonly<Record<string, Dec>>): Dec {
  const rho = groundSteadyAt(D, 3, p);
  const w = [D.zero, D.zero, D.zero, D.zero];
  for (let a = 0; a < 8; a++) w[excitations(a, 3)] = D.add(w[excitations(a, 3)], rho.re[a * 9]);
  return D.div(w[2], w[1]);
}

/** The certified ergotropy result (Eq. (2)) of groundSteadyAt. */
export function groundErgotropyAt(D: DecimalField, N: number, p: Readonly<Record<string, Dec>>): ReturnType<typeof ergotropy<Dec>> {
  const k = key(D, N, p);
  let e = ergoMemo.get(k);
  if (!e) {
    e = ergotropy(D, groundSteadyAt(D, N, p), h0(D, N, p.omega));
    ergoMemo.set(k, e);
  }
  return e;
}

export const groundL1At = (D: DecimalField, N: number, p: Readonly<Record<string, Dec>>): Dec => l1Coherence(D, groundSteadyAt(D, N, p));

/** The product Gibbs state of H0 (e^{−βH0}/Z) at p. */
export const gibbsAt = (D: DecimalField, N: number, p: Readonly<Record<string, Dec>>): CMatrix<Dec> => gibbsState(D, N, { beta: p.beta, omega: p.omega });

/** One record from per-N records of the same comparison. */
export function mergeRecords(name: string, role: CheckRecord['role'], parts: readonly { N: number; rec: CheckRecord }[], what: string): CheckRecord {
  const failed = parts.filter((x) => x.rec.outcome === 'fail');
  const inconclusive = parts.some((x) => x.rec.outcome === 'inconclusive');
  let maxDev: string | undefined;
  for (const x of parts)
    if (x.rec.maxDeviation !== undefined && (maxDev === undefined || Number(x.rec.maxDeviation) > Number(maxDev))) maxDev = x.rec.maxDeviation;
  const npts = parts.reduce((s, x) => s + (x.rec.points?.length ?? 0), 0);
  return {
    name,
    role,
    method: parts[0]?.rec.method ?? 'first-principles',
    outcome: failed.length ? 'fail' : inconclusive ? 'inconclusive' : 'pass',
    detail: failed.length
      ? failed.map((x) => `N = ${x.N}: ${x.rec.detail}`).join('; ')
      : `agrees with ${what} for N = ${rangeText(parts.map((x) => x.N))} (${npts} points in all; per N: ${parts[0]?.rec.detail ?? ''})`,
    ...(maxDev !== undefined ? { maxDeviation: maxDev } : {}),
    points: parts.flatMap((x) => (x.rec.points ?? []).map((pt) => ({ N: String(x.N), ...pt }))),
  };
}

/** firstPrinciplesCheck for each N (formula and computation depend on N), merged into one record. */
export function firstPrinciplesPerN(
  name: string,
  role: CheckRecord['role'],
  Ns: readonly number[],
  formula: (N: number) => string | RatFunc,
  compute: (N: number, p: Readonly<Record<string, Dec>>, D: DecimalField) => { value: Dec; errorBound?: Dec },
  ctx: ClaimContext,
  ranges: Ranges,
  options: { points?: (N: number) => number; what: string },
): CheckRecord {
  const parts = Ns.map((N) => ({
    N,
    rec: firstPrinciplesCheck(`${name} [N=${N}]`, role, formula(N), (p, D) => compute(N, p, D), ctx, ranges, {
      points: options.points?.(N) ?? 2,
      what: options.what,
    }) as CheckRecord,
  }));
  return mergeRecords(name, role, parts, options.what);
}
