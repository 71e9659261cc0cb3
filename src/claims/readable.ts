/**
 * A readable form of a derived rational function, for what a claim shows as its derivation (and
 * an erratum as its correction): lowest terms, the factor ω taken out, the numerator grouped by
 * powers of c, and each group split into a polynomial and a proper fraction in y when that is
 * shorter — ω(1 − c − c/(1 + y + y²)) rather than an expanded quotient of degree 8. Polynomials in y
 * are written in increasing powers. Returns null for shapes it does not cover (another variable in
 * the denominator, ω not a common factor); the caller then shows the plain quotient. The template
 * checks the result identical to the derivation exactly before it is shown.
 */
import { rfReduce } from '../derive/polynomial-gcd.js';
import { radd, rationalToString, rdiv, rmul, rneg, type Rational } from '../numeric/rational.js';
import { pcoefficients, pconstantValue, pisConstant, type Poly } from '../symbolic/poly.js';
import type { RatFunc } from '../symbolic/ratfunc.js';

const ZERO: Rational = { num: 0n, den: 1n };
const isZero = (q: Rational) => q.num === 0n;

/** A polynomial in y alone as its coefficients in increasing powers, or null. */
function inY(p: Poly): Rational[] | null {
  if (p.vars.some((v) => v !== 'y')) return null;
  if (!p.vars.includes('y')) return [pconstantValue(p)];
  return pcoefficients(p, 'y').map((c) => (pisConstant(c) ? pconstantValue(c) : ZERO));
}

const trim = (a: Rational[]): Rational[] => {
  const out = [...a];
  while (out.length && isZero(out[out.length - 1])) out.pop();
  return out;
};
const terms = (a: readonly Rational[]) => a.filter((q) => !isZero(q)).length;

/** Quotient and remainder of a by b (b ≠ 0), coefficients in increasing powers. */
function divide(a: readonly Rational[], b: readonly Rational[]): { q: Rational[]; r: Rational[] } {
  const r = trim([...a]);
  const B = trim([...b]);
  const q: Rational[] = Array.from({ length: Math.max(0, r.length - B.length + 1) }, () => ZERO);
  while (r.length >= B.length && r.length > 0) {
    const k = r.length - B.length;
    const f = rdiv(r[r.length - 1], B[B.length - 1]);
    q[k] = f;
    for (let i = 0; i < B.length; i++) r[k + i] = radd(r[k + i], rneg(rmul(f, B[i])));
    r.pop();
    while (r.length && isZero(r[r.length - 1])) r.pop();
  }
  return { q: trim(q), r };
}

/** a(y) written in increasing powers, e.g. "1 + y + y^2". */
function polyText(a: readonly Rational[]): string {
  const parts: string[] = [];
  a.forEach((q, k) => {
    if (isZero(q)) return;
    const mag = q.num < 0n ? rneg(q) : q;
    const mono = k === 0 ? '' : k === 1 ? 'y' : `y^${k}`;
    const coef = rationalToString(mag);
    const body = mono === '' ? coef : coef === '1' ? mono : `${coef}*${mono}`;
    parts.push(parts.length === 0 ? (q.num < 0n ? `-${body}` : body) : `${q.num < 0n ? '-' : '+'} ${body}`);
  });
  return parts.length ? parts.join(' ') : '0';
}

/** One signed term: sign × (poly in y) × c^k [/ den]. */
interface Term {
  negative: boolean;
  text: string;
}

function term(p: readonly Rational[], k: number, den: string | null): Term | null {
  const nz = p.filter((q) => !isZero(q));
  if (nz.length === 0) return null;
  // a single negative monomial carries its sign out; a sum keeps it inside
  const single = nz.length === 1;
  const negative = single && nz[0].num < 0n;
  const P = negative ? p.map(rneg) : p;
  const ptext = polyText(P);
  const cPow = k === 0 ? '' : k === 1 ? 'c' : `c^${k}`;
  let text: string;
  if (cPow === '') text = single ? ptext : `(${ptext})`;
  else if (ptext === '1') text = cPow;
  else text = single ? `${ptext}*${cPow}` : `${cPow}*(${ptext})`;
  if (den !== null) text = `${text}/(${den})`;
  if (cPow === '' && den === null && !single) text = ptext;
  return { negative, text };
}

/** The readable form of f (see the module comment), or null. */
export function readableOf(f: RatFunc): string | null {
  const g = rfReduce(f);
  let D = inY(g.den);
  if (!D) return null;
  D = trim(D);
  // scale so that the lowest coefficient of the denominator is 1
  const low = D.find((q) => !isZero(q))!;
  D = D.map((q) => rdiv(q, low));
  let num = g.num;
  let omega = false;
  if (num.vars.includes('omega')) {
    const byOmega = pcoefficients(num, 'omega');
    // ω a common factor: no term without it, none with ω²
    if (byOmega.length !== 2 || byOmega[0].terms.size !== 0) return null;
    num = byOmega[1];
    omega = true;
  }
  if (num.vars.some((v) => v !== 'c' && v !== 'y')) return null;
  const byC = num.vars.includes('c') ? pcoefficients(num, 'c') : [num];
  const denText = D.length === 1 ? null : polyText(D);
  const parts: Term[] = [];
  for (const [k, a] of byC.entries()) {
    let A = inY(a);
    if (!A) return null;
    A = A.map((q) => rdiv(q, low));
    if (terms(A) === 0) continue;
    if (denText === null) {
      const t = term(A, k, null);
      if (t) parts.push(t);
      continue;
    }
    const { q, r } = divide(A, D);
    if (terms(q) > 0 && terms(r) < terms(A)) {
      // polynomial part, one term per power of y, then the proper fraction
      q.forEach((x, j) => {
        if (isZero(x)) return;
        const t = term(
          Array.from({ length: j + 1 }, (_, i) => (i === j ? x : ZERO)),
          k,
          null,
        );
        if (t) parts.push(t);
      });
      const t = term(r, k, denText);
      if (t) parts.push(t);
    } else {
      const t = term(A, k, denText);
      if (t) parts.push(t);
    }
  }
  if (parts.length === 0) return '0';
  const inner = parts.map((p, i) => (i === 0 ? (p.negative ? `-${p.text}` : p.text) : `${p.negative ? '-' : '+'} ${p.text}`)).join(' ');
  if (!omega) return inner;
  return parts.length === 1 && !parts[0].negative ? `omega*${inner}` : `omega*(${inner})`;
}
