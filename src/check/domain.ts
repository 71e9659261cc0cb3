/**
 * The parameters of the model a user claim may use, their ranges in the model, and the user's
 * assumptions on them: a fixed exact value ("0", "1/2") or a plain infix chain of inequalities
 * ("0 <= c < 1/2", "omega > 0"). Everything here is exact (rationals); nothing is sampled.
 */
import { InputError } from '../errors.js';
import { parseRational, rcmp, rationalToString, type Rational } from '../numeric/rational.js';
import { exactConstant, parse } from '../symbolic/expr.js';

/** Every parameter name a formula or an assumption may use. */
export const PARAMETERS = ['beta', 'omega', 'y', 'r', 'nbar', 'c', 'N'] as const;
export type Parameter = (typeof PARAMETERS)[number];

/** y and r are the same number, e^{−βω}; β, y, r and n̄ are four coordinates of one temperature. */
export const TEMPERATURE: readonly Parameter[] = ['beta', 'y', 'r', 'nbar'];

/** An interval with exact ends; null is infinite (open). */
export interface Range {
  readonly lo: Rational | null;
  readonly hi: Rational | null;
  readonly loClosed: boolean;
  readonly hiClosed: boolean;
}

const q = (s: string): Rational => parseRational(s);

/** The model's range of each parameter (the largest domain a claim can be about). */
export const MODEL_RANGES: Readonly<Record<Parameter, Range>> = {
  beta: { lo: q('0'), hi: null, loClosed: true, hiClosed: false },
  omega: { lo: q('0'), hi: null, loClosed: false, hiClosed: false },
  // β < ∞: the steady state at β = ∞ is a limit with its own conditions (see steady-state.ts)
  y: { lo: q('0'), hi: q('1'), loClosed: false, hiClosed: true },
  r: { lo: q('0'), hi: q('1'), loClosed: false, hiClosed: true },
  nbar: { lo: q('0'), hi: null, loClosed: true, hiClosed: false },
  c: { lo: q('0'), hi: q('1'), loClosed: true, hiClosed: true },
  N: { lo: q('1'), hi: q('12'), loClosed: true, hiClosed: true },
};

const MODEL_TEXT: Readonly<Record<Parameter, string>> = {
  beta: 'β ≥ 0 (finite)',
  omega: 'ω > 0',
  y: '0 < y ≤ 1',
  r: '0 < r ≤ 1',
  nbar: 'n̄ ≥ 0',
  c: '0 ≤ c ≤ 1',
  N: 'N = 1…12',
};

export const rangeToString = (v: string, R: Range): string => {
  const lo = R.lo === null ? '' : `${rationalToString(R.lo)} ${R.loClosed ? '<=' : '<'} `;
  const hi = R.hi === null ? '' : ` ${R.hiClosed ? '<=' : '<'} ${rationalToString(R.hi)}`;
  return lo === '' && hi === '' ? `${v} real` : `${lo}${v}${hi}`;
};

/** The range as plain infix inequalities ("0 <= c", "c < 1/2"). */
export function rangeConstraints(v: string, R: Range): string[] {
  const out: string[] = [];
  if (R.lo !== null && R.hi !== null && rcmp(R.lo, R.hi) === 0) return [`${v} = ${rationalToString(R.lo)}`];
  if (R.lo !== null) out.push(`${v} ${R.loClosed ? '>=' : '>'} ${rationalToString(R.lo)}`);
  if (R.hi !== null) out.push(`${v} ${R.hiClosed ? '<=' : '<'} ${rationalToString(R.hi)}`);
  return out;
}

export const isPoint = (R: Range): boolean => R.lo !== null && R.hi !== null && rcmp(R.lo, R.hi) === 0;

/** R ⊆ S. */
export function within(R: Range, S: Range): boolean {
  if (S.lo !== null) {
    if (R.lo === null) return false;
    const c = rcmp(R.lo, S.lo);
    if (c < 0 || (c === 0 && R.loClosed && !S.loClosed)) return false;
  }
  if (S.hi !== null) {
    if (R.hi === null) return false;
    const c = rcmp(R.hi, S.hi);
    if (c > 0 || (c === 0 && R.hiClosed && !S.hiClosed)) return false;
  }
  return true;
}

/** R ∩ S, or null when empty. */
export function intersect(R: Range, S: Range): Range | null {
  let lo = R.lo;
  let loClosed = R.loClosed;
  if (S.lo !== null && (lo === null || rcmp(S.lo, lo) > 0 || (rcmp(S.lo, lo) === 0 && !S.loClosed))) {
    lo = S.lo;
    loClosed = S.loClosed && (R.lo === null || rcmp(S.lo, R.lo) !== 0 || R.loClosed);
  }
  let hi = R.hi;
  let hiClosed = R.hiClosed;
  if (S.hi !== null && (hi === null || rcmp(S.hi, hi) < 0 || (rcmp(S.hi, hi) === 0 && !S.hiClosed))) {
    hi = S.hi;
    hiClosed = S.hiClosed && (R.hi === null || rcmp(S.hi, R.hi) !== 0 || R.hiClosed);
  }
  if (lo !== null && hi !== null) {
    const c = rcmp(lo, hi);
    if (c > 0 || (c === 0 && !(loClosed && hiClosed))) return null;
  }
  return { lo, hi, loClosed, hiClosed };
}

/** An exact number written in plain infix ("3/4", "0.5", "-2", "inf"), or null for ±∞. */
function exactNumber(text: string, where: string): Rational | null | 'inf' {
  const t = text.trim();
  if (/^[+]?(inf|infinity|∞)$/i.test(t)) return 'inf';
  let v: Rational | undefined;
  try {
    v = exactConstant(parse(t));
  } catch {
    v = undefined;
  }
  if (v === undefined) throw new InputError(`${where}: "${t}" is not an exact number (write e.g. 1/2, 0.75, 3)`);
  return v;
}

/**
 * Read an assumption on `v`: an exact value ("0", "3/4") or a chain of inequalities in which v
 * appears once ("0 <= c < 1/2", "omega > 0", "c <= 3/4", "1/2 < c"). `where` prefixes messages.
 */
export function parseAssumption(v: Parameter, text: string, where: string): Range {
  const ops = text.split(/(<=|>=|≤|≥|<|>|=)/).map((s) => s.trim());
  if (ops.length === 1) {
    const x = exactNumber(text, where);
    if (x === 'inf' || x === null) throw new InputError(`${where}: ${v} = ${text.trim()} is not a finite value`);
    return { lo: x, hi: x, loClosed: true, hiClosed: true };
  }
  let R: Range = { lo: null, hi: null, loClosed: false, hiClosed: false };
  let seen = 0;
  for (let k = 0; k + 2 < ops.length; k += 2) {
    const [a, op, b] = [ops[k], ops[k + 1], ops[k + 2]];
    const norm = op === '≤' ? '<=' : op === '≥' ? '>=' : op;
    const aIsV = a === v;
    const bIsV = b === v;
    if (aIsV === bIsV) throw new InputError(`${where}: in "${text}" each inequality must compare ${v} with an exact number (got "${a} ${op} ${b}")`);
    if (aIsV) seen++;
    if (bIsV) seen++;
    const x = exactNumber(aIsV ? b : a, where);
    // v op x (flip when v is on the right)
    const rel = aIsV ? norm : ({ '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=' } as Record<string, string>)[norm];
    let S: Range;
    if (x === 'inf') {
      if (rel === '<' || rel === '<=') continue; // v < ∞ says nothing
      throw new InputError(`${where}: "${text}" puts ${v} at or beyond infinity`);
    }
    if (x === null) throw new InputError(`${where}: "${text}" is not an inequality with exact numbers`);
    if (rel === '=') S = { lo: x, hi: x, loClosed: true, hiClosed: true };
    else if (rel === '<' || rel === '<=') S = { lo: null, hi: x, loClosed: false, hiClosed: rel === '<=' };
    else S = { lo: x, hi: null, loClosed: rel === '>=', hiClosed: false };
    const I = intersect(R, S);
    if (I === null) throw new InputError(`${where}: "${text}" leaves no value of ${v}`);
    R = I;
  }
  if (seen === 0) throw new InputError(`${where}: "${text}" does not mention ${v}`);
  return R;
}

/** Refuse a range outside the model's (β < 0, c > 1, N > 12, ω ≤ 0 …). */
export function checkInModel(v: Parameter, R: Range, where: string): Range {
  const M = MODEL_RANGES[v];
  if (!within(R, M)) throw new InputError(`${where}: ${rangeToString(v, R)} lies outside the model (${MODEL_TEXT[v]})`);
  if (v === 'N') {
    const I = R.lo!;
    if (isPoint(R) && I.den !== 1n) throw new InputError(`${where}: N must be an integer, got ${rationalToString(I)}`);
  }
  return R;
}

/** The integers of a range of N, in order. */
export function integersIn(R: Range): number[] {
  const out: number[] = [];
  for (let n = 1; n <= 12; n++) {
    const x: Rational = { num: BigInt(n), den: 1n };
    const S: Range = { lo: x, hi: x, loClosed: true, hiClosed: true };
    if (within(S, R)) out.push(n);
  }
  return out;
}
