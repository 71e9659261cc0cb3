/**
 * Dense univariate polynomials with integer (BigInt) coefficients: the exact kernel behind Sturm
 * sequences, root isolation and univariate gcds over Q.
 *
 * A `ZPoly` is an array of coefficients, index = power, without trailing zeros (the zero
 * polynomial is `[]`). Every routine is exact. Over Q a polynomial is represented by a positive
 * integer multiple of it, which has the same roots and the same signs.
 */
import { InputError, InternalError } from '../errors.js';
import { gcd, rational, rdiv, RONE, type Rational } from '../numeric/rational.js';
import { pcoefficients, pconstantValue, pfromCoefficients, pconst, pscale, type Poly } from './poly.js';

export type ZPoly = readonly bigint[];

const abs = (a: bigint): bigint => (a < 0n ? -a : a);

/** Remove trailing zeros. */
export function ztrim(a: readonly bigint[]): ZPoly {
  let n = a.length;
  while (n > 0 && a[n - 1] === 0n) n--;
  return n === a.length ? a : a.slice(0, n);
}

export const zdegree = (a: ZPoly): number => a.length - 1;
export const zlead = (a: ZPoly): bigint => (a.length ? a[a.length - 1] : 0n);
export const zisZero = (a: ZPoly): boolean => a.length === 0;

/** gcd of the coefficients (≥ 0). */
export function zcontent(a: ZPoly): bigint {
  let g = 0n;
  for (const c of a) {
    g = gcd(g, c);
    if (g === 1n) break;
  }
  return g;
}

/** a divided by its content, with a positive leading coefficient. */
export function zprimitive(a: ZPoly): ZPoly {
  if (a.length === 0) return a;
  let g = zcontent(a);
  if (zlead(a) < 0n) g = -g;
  return g === 1n ? a : a.map((c) => c / g);
}

/** a divided by the positive number gcd(content): the same signs everywhere. */
function zpositivePrimitive(a: ZPoly): ZPoly {
  const g = zcontent(a);
  return g <= 1n ? a : a.map((c) => c / g);
}

export function zderivative(a: ZPoly): ZPoly {
  const out: bigint[] = [];
  for (let i = 1; i < a.length; i++) out.push(a[i] * BigInt(i));
  return ztrim(out);
}

export function zneg(a: ZPoly): ZPoly {
  return a.map((c) => -c);
}

export function zmul(a: ZPoly, b: ZPoly): ZPoly {
  if (!a.length || !b.length) return [];
  const out = new Array<bigint>(a.length + b.length - 1).fill(0n);
  for (let i = 0; i < a.length; i++) {
    if (a[i] === 0n) continue;
    for (let j = 0; j < b.length; j++) out[i + j] += a[i] * b[j];
  }
  return ztrim(out);
}

/**
 * Pseudo-remainder with a positive multiplier: the remainder of |lc(b)|^(deg a − deg b + 1) · a on
 * division by b. Its sign pattern is that of the true remainder times a positive number.
 */
export function zprem(a: ZPoly, b: ZPoly): ZPoly {
  if (!b.length) throw new RangeError('zprem: division by the zero polynomial');
  const r = a.slice();
  const db = b.length - 1;
  const lb = b[db];
  const alb = abs(lb);
  const sgn = lb < 0n ? -1n : 1n;
  let steps = a.length - 1 - db + 1;
  if (steps < 0) return ztrim(r);
  let dr = r.length - 1;
  while (dr >= db && dr >= 0) {
    const lr = r[dr];
    // r ← |lb|·r − sgn(lb)·lr·x^(dr−db)·b  (kills the leading term; multiplier |lb| > 0)
    for (let i = 0; i <= dr; i++) r[i] *= alb;
    if (lr !== 0n) {
      const f = sgn * lr;
      for (let j = 0; j <= db; j++) r[dr - db + j] -= f * b[j];
    }
    steps--;
    r.length = dr;
    dr--;
    while (dr >= 0 && r[dr] === 0n && dr >= db) {
      // A leading zero appeared earlier than expected: still account for the multiplier.
      for (let i = 0; i <= dr; i++) r[i] *= alb;
      steps--;
      r.length = dr;
      dr--;
    }
  }
  // Apply the remaining powers so the multiplier is exactly |lb|^(deg a − deg b + 1).
  if (steps > 0) {
    const m = alb ** BigInt(steps);
    for (let i = 0; i < r.length; i++) r[i] *= m;
  }
  return ztrim(r);
}

/** Exact quotient a / b over Z[x]; throws InternalError if b does not divide a over Z. */
export function zdivExact(a: ZPoly, b: ZPoly): ZPoly {
  if (!b.length) throw new RangeError('zdivExact: division by the zero polynomial');
  const r = a.slice();
  const db = b.length - 1;
  const lb = b[db];
  const q = new Array<bigint>(Math.max(0, a.length - db)).fill(0n);
  for (let d = r.length - 1; d >= db; d--) {
    if (r[d] === 0n) continue;
    if (r[d] % lb !== 0n) throw new InternalError('zdivExact: inexact division');
    const c = r[d] / lb;
    q[d - db] = c;
    for (let j = 0; j <= db; j++) r[d - db + j] -= c * b[j];
  }
  if (ztrim(r).length) throw new InternalError('zdivExact: non-zero remainder');
  return ztrim(q);
}

/** Primitive gcd of a and b over Z[x] (primitive PRS), positive leading coefficient; gcd(0, 0) = 0. */
export function zgcd(a: ZPoly, b: ZPoly): ZPoly {
  let x = zprimitive(ztrim(a));
  let y = zprimitive(ztrim(b));
  if (!x.length) return y;
  if (!y.length) return x;
  if (x.length < y.length) [x, y] = [y, x];
  while (y.length) {
    const r = zprimitive(zprem(x, y));
    x = y;
    y = r;
  }
  return zprimitive(x);
}

/** Square-free part: a / gcd(a, a′), primitive with positive leading coefficient. */
export function zsquareFree(a: ZPoly): ZPoly {
  const p = zprimitive(ztrim(a));
  if (p.length <= 2) return p;
  const g = zgcd(p, zderivative(p));
  return g.length <= 1 ? p : zprimitive(zdivExact(p, g));
}

/** Sign of a(q) for a rational q, exactly (homogenised Horner: the sign of den^deg · a(num/den)). */
export function zsignAt(a: ZPoly, q: Rational): -1 | 0 | 1 {
  if (!a.length) return 0;
  let s = 0n;
  let dpow = 1n;
  // Σ a_i num^i den^(n−i), evaluated by Horner in num with den powers carried along.
  for (let i = a.length - 1; i >= 0; i--) {
    s = s * q.num + a[i] * dpow;
    dpow *= q.den;
  }
  return s > 0n ? 1 : s < 0n ? -1 : 0;
}

/** Exact value a(q). */
export function zevalRational(a: ZPoly, q: Rational): Rational {
  let s = 0n;
  let dpow = 1n;
  for (let i = a.length - 1; i >= 0; i--) {
    s = s * q.num + a[i] * dpow;
    dpow *= q.den;
  }
  // s = den^(n) · a(q) with n = deg a (dpow = den^(n+1) after the loop)
  return rational(s, a.length ? dpow / q.den : 1n);
}

/** Sign of a at +∞ (dir = 1) or −∞ (dir = −1). */
export function zsignAtInfinity(a: ZPoly, dir: 1 | -1): -1 | 0 | 1 {
  if (!a.length) return 0;
  const l = zlead(a) > 0n ? 1 : -1;
  return ((a.length - 1) % 2 === 1 && dir < 0 ? -l : l) as -1 | 1;
}

/** A Cauchy bound: every real root of a lies in (−B, B). */
export function zrootBound(a: ZPoly): bigint {
  const n = a.length - 1;
  if (n < 1) return 1n;
  const l = abs(a[n]);
  let m = 0n;
  for (let i = 0; i < n; i++) if (abs(a[i]) > m) m = abs(a[i]);
  return m / l + 2n; // 1 + max|a_i/a_n|, rounded up, plus one
}

/**
 * The univariate polynomial p (in `v`, or constant) as a positive integer multiple of itself.
 * Throws InputError naming any other variable.
 */
export function zfromPoly(p: Poly, v: string): ZPoly {
  const others = p.vars.filter((x) => x !== v);
  if (others.length) throw new InputError(`expected a polynomial in ${v} only, but it also contains ${others.join(', ')}`);
  const coeffs = pcoefficients(p, v).map(pconstantValue);
  let l = 1n;
  for (const c of coeffs) l = (l / gcd(l, c.den)) * c.den;
  return zpositivePrimitive(ztrim(coeffs.map((c) => c.num * (l / c.den))));
}

/** The ZPoly as a Poly in `v`. */
export function ztoPoly(a: ZPoly, v: string): Poly {
  return pfromCoefficients(
    v,
    a.map((c) => pconst(c)),
  );
}

/** Readable form in variable `v`, highest power first. */
export function ztoString(a: ZPoly, v = 'x'): string {
  if (!a.length) return '0';
  const parts: string[] = [];
  for (let i = a.length - 1; i >= 0; i--) {
    const c = a[i];
    if (c === 0n) continue;
    const m = i === 0 ? '' : i === 1 ? v : `${v}^${i}`;
    const ac = abs(c);
    const body = m === '' ? `${ac}` : ac === 1n ? m : `${ac}*${m}`;
    parts.push(parts.length === 0 ? (c < 0n ? `-${body}` : body) : c < 0n ? `- ${body}` : `+ ${body}`);
  }
  return parts.join(' ');
}

/**
 * The monic gcd over Q of two polynomials in the single variable `v` (exact: primitive PRS over Z,
 * then divided by the leading coefficient). gcd(0, 0) = 0; a non-zero constant gcd is 1.
 */
export function pgcdUnivariate(a: Poly, b: Poly, v: string): Poly {
  const g = zgcd(zfromPoly(a, v), zfromPoly(b, v));
  if (!g.length) return pconst(0n);
  return pscale(ztoPoly(g, v), rdiv(RONE, { num: g[g.length - 1], den: 1n }));
}
