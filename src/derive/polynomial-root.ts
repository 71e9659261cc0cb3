/**
 * The exact square root of a multivariate polynomial over Q, when it is a perfect square: the
 * term-by-term "long division" method in graded lexicographic order. Each new term of the root is
 * lt(remainder)/(2·lt(root)); the terms decrease strictly and are confined to a finite box (each
 * exponent at most half that of p, total degree at least half p's lowest), so the search ends.
 */
import { rational, rdiv, rmul, type Rational } from '../numeric/rational.js';
import { padd, pdegree, pisZero, pmonomial, pmul, psub, pterms, pzero, type Poly, type PolyTerm } from '../symbolic/poly.js';
import { ratfunc, type RatFunc } from '../symbolic/ratfunc.js';
import { rfReduce } from './polynomial-gcd.js';

function isqrt(n: bigint): bigint | undefined {
  if (n < 0n) return undefined;
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  for (;;) {
    const next = (x + n / x) >> 1n;
    if (next >= x && x * x <= n) break;
    x = next;
  }
  while (x * x > n) x--;
  while ((x + 1n) * (x + 1n) <= n) x++;
  return x * x === n ? x : undefined;
}

function sqrtRational(q: Rational): Rational | undefined {
  const a = isqrt(q.num);
  const b = isqrt(q.den);
  return a === undefined || b === undefined ? undefined : rational(a, b);
}

const powersOf = (p: Poly, t: PolyTerm): Record<string, number> => Object.fromEntries(p.vars.map((v, i) => [v, t.exps[i]]));
const deg = (e: Record<string, number>): number => Object.values(e).reduce((s, x) => s + x, 0);

/** grlex comparison of two exponent maps: > 0 if a is larger. */
function cmpGrlex(a: Record<string, number>, b: Record<string, number>): number {
  const da = deg(a);
  const db = deg(b);
  if (da !== db) return da - db;
  const vars = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  for (const v of vars) if ((a[v] ?? 0) !== (b[v] ?? 0)) return (a[v] ?? 0) - (b[v] ?? 0);
  return 0;
}

/** s with s² = p and a positive leading coefficient, or undefined when p is not a square in Q[vars]. */
export function polySqrt(p: Poly): Poly | undefined {
  if (pisZero(p)) return pzero();
  const terms = pterms(p);
  const lead = terms[0];
  const leadPowers = powersOf(p, lead);
  if (Object.values(leadPowers).some((e) => e % 2 !== 0)) return undefined;
  const c = sqrtRational(lead.coef);
  if (!c) return undefined;
  const maxExp: Record<string, number> = Object.fromEntries(p.vars.map((v) => [v, Math.floor(pdegree(p, v) / 2)]));
  const minDeg = Math.min(...terms.map((t) => t.exps.reduce((s, e) => s + e, 0)));
  const sLeadPowers = Object.fromEntries(Object.entries(leadPowers).map(([v, e]) => [v, e / 2]));
  const sLeadCoef = c;
  let s = pmonomial(c, sLeadPowers);
  let last = sLeadPowers;
  for (;;) {
    const R = psub(p, pmul(s, s));
    if (pisZero(R)) return s;
    const lr = pterms(R)[0];
    const lrPowers = powersOf(R, lr);
    const t: Record<string, number> = {};
    for (const v of new Set([...Object.keys(lrPowers), ...Object.keys(sLeadPowers)])) {
      const e = (lrPowers[v] ?? 0) - (sLeadPowers[v] ?? 0);
      if (e < 0 || e > (maxExp[v] ?? 0)) return undefined;
      t[v] = e;
    }
    if (2 * deg(t) < minDeg || cmpGrlex(t, last) >= 0) return undefined;
    s = padd(s, pmonomial(rdiv(lr.coef, rmul(sLeadCoef, rational(2n))), t));
    last = t;
  }
}

/** √(N/D) = √(N·D)/D as a rational function, when N·D is a perfect square. */
export function ratFuncSqrt(a: RatFunc): RatFunc | undefined {
  const s = polySqrt(pmul(a.num, a.den));
  return s ? rfReduce(ratfunc(s, a.den)) : undefined;
}
