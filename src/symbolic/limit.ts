/**
 * Exact limits of rational functions. At a finite point a of the variable v: substitute
 * v = a + t, expand numerator and denominator in t and compare their lowest-order coefficients
 * (polynomials in the other variables): P/Q = t^{m−n}·(P_m + O(t))/(Q_n + O(t)). At v → ±∞:
 * compare the leading coefficients. With other variables present the result is the limit for
 * generic values of them (those where the coefficients used do not vanish).
 */
import { rational, type Rational } from '../numeric/rational.js';
import { padd, pcoefficients, pconst, pisZero, pneg, psubstitute, pvar, type Poly } from './poly.js';
import { ratfunc, type RatFunc } from './ratfunc.js';

export type Limit =
  /** A finite limit (a rational function of the remaining variables). */
  | { readonly kind: 'finite'; readonly value: RatFunc }
  /** A pole: |f| → ∞; `order` is its order, `coefficient` the leading coefficient of f·(v − a)^order. */
  | { readonly kind: 'pole'; readonly order: number; readonly coefficient: RatFunc };

const T = '__limit_t';

function lowest(p: Poly): { order: number; coef: Poly } {
  const cs = pcoefficients(p, T);
  for (let k = 0; k < cs.length; k++) if (!pisZero(cs[k])) return { order: k, coef: cs[k] };
  throw new RangeError('limit: zero polynomial');
}

/** lim_{v → a} f exactly, as a finite value or a pole with its order (from the Laurent expansion in v − a). */
export function limitAt(f: RatFunc, v: string, a: Rational | bigint | number): Limit {
  const q: Rational = typeof a === 'object' ? a : typeof a === 'bigint' ? rational(a) : rational(BigInt(a));
  if (typeof a === 'number' && !Number.isInteger(a)) throw new RangeError('limitAt: pass a non-integer point as a Rational');
  const shift = padd(pconst(q), pvar(T));
  if (pisZero(f.num)) return { kind: 'finite', value: f };
  const n = lowest(psubstitute(f.num, v, shift));
  const d = lowest(psubstitute(f.den, v, shift));
  if (n.order >= d.order) {
    if (n.order > d.order) return { kind: 'finite', value: ratfunc(pconst(0)) };
    return { kind: 'finite', value: ratfunc(n.coef, d.coef) };
  }
  return { kind: 'pole', order: d.order - n.order, coefficient: ratfunc(n.coef, d.coef) };
}

/** lim_{v → +∞} f exactly (v → −∞ with `sign` −1): finite value or a pole at infinity. */
export function limitAtInfinity(f: RatFunc, v: string, sign: 1 | -1 = 1): Limit {
  if (pisZero(f.num)) return { kind: 'finite', value: f };
  const orient = (p: Poly): Poly => (sign === 1 ? p : psubstitute(p, v, pneg(pvar(v))));
  const nc = pcoefficients(orient(f.num), v);
  const dc = pcoefficients(orient(f.den), v);
  const dn = nc.length - 1;
  const dd = dc.length - 1;
  if (dn < dd) return { kind: 'finite', value: ratfunc(pconst(0)) };
  if (dn === dd) return { kind: 'finite', value: ratfunc(nc[dn], dc[dd]) };
  return { kind: 'pole', order: dn - dd, coefficient: ratfunc(nc[dn], dc[dd]) };
}
