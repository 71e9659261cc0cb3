/**
 * Greatest common divisors of multivariate polynomials over Q, exactly: recursive primitive
 * pseudo-remainder sequences in one variable with coefficients in Q[other variables]. Used to bring
 * the rational functions the elimination produces to lowest terms (src/symbolic/ratfunc.ts only
 * cancels monomials and univariate gcds).
 */
import { pcoefficients, pconst, pdegree, pdivExact, pisConstant, pisZero, pmonomial, pmul, pone, pprimitive, psub, type Poly } from '../symbolic/poly.js';
import { pgcdUnivariate } from '../symbolic/upoly.js';
import { ratfunc, rfisZero, type RatFunc } from '../symbolic/ratfunc.js';

/** Pseudo-remainder of a by b in v: lc_v(b)^k·a reduced below deg_v(b). */
function prem(a: Poly, b: Poly, v: string): Poly {
  const db = pdegree(b, v);
  const lb = pcoefficients(b, v)[db];
  let r = a;
  for (let dr = pdegree(r, v); !pisZero(r) && dr >= db; dr = pdegree(r, v)) {
    const lr = pcoefficients(r, v)[dr];
    r = psub(pmul(lb, r), pmul(pmul(lr, pmonomial(1n, { [v]: dr - db })), b));
  }
  return r;
}

/** gcd of the coefficients of p in v (a polynomial free of v). */
function contentIn(p: Poly, v: string): Poly {
  return pcoefficients(p, v).reduce((g, c) => (pisZero(c) ? g : polyGcd(g, c)), pconst(0n));
}

/** A normalised gcd of a and b in Q[vars] (primitive integer coefficients, positive leading term); gcd(0, 0) = 0. */
export function polyGcd(a: Poly, b: Poly): Poly {
  if (pisZero(a)) return pisZero(b) ? b : pprimitive(b);
  if (pisZero(b)) return pprimitive(a);
  if (pisConstant(a) || pisConstant(b)) return pone();
  const vars = [...new Set([...a.vars, ...b.vars])].sort();
  if (vars.length === 1) return pprimitive(pgcdUnivariate(a, b, vars[0]));
  const v = vars[0];
  const ca = contentIn(a, v);
  const cb = contentIn(b, v);
  const gc = polyGcd(ca, cb);
  let p = pdivExact(a, ca);
  let q = pdivExact(b, cb);
  if (pdegree(p, v) < pdegree(q, v)) [p, q] = [q, p];
  while (!pisZero(q) && pdegree(q, v) > 0) {
    const r = prem(p, q, v);
    p = q;
    q = pisZero(r) ? r : pdivExact(r, contentIn(r, v));
  }
  // q = 0: p is the gcd of the primitive parts; q a non-zero constant in v: they are coprime
  const g = pisZero(q) ? pdivExact(p, contentIn(p, v)) : pone();
  return pprimitive(pmul(gc, g));
}

/** a in lowest terms (numerator and denominator divided by their gcd). */
export function rfReduce(a: RatFunc): RatFunc {
  if (rfisZero(a) || pisConstant(a.den)) return ratfunc(a.num, a.den);
  const g = polyGcd(a.num, a.den);
  if (pisConstant(g)) return ratfunc(a.num, a.den);
  return ratfunc(pdivExact(a.num, g), pdivExact(a.den, g));
}

/** The polynomial vector divided by the gcd of its entries. */
export function primitiveVector(v: readonly Poly[]): Poly[] {
  const g = v.reduce((acc, x) => (pisZero(x) ? acc : polyGcd(acc, x)), pconst(0n));
  if (pisZero(g) || pisConstant(g)) return v.slice();
  return v.map((x) => (pisZero(x) ? x : pdivExact(x, g)));
}
