/**
 * Sparse multivariate polynomials over Q with exact BigInt coefficients.
 *
 * A `Poly` is immutable and canonical: `vars` lists, sorted, exactly the variables that occur with
 * a positive exponent in some term; `terms` maps a monomial key (its exponent vector aligned with
 * `vars`, joined by commas) to a non-zero rational coefficient. Two polynomials are equal iff
 * their canonical forms are, so `pequals` and `pisZero` are exact decisions.
 *
 * Exact throughout: no operation rounds. Speed: a product costs one BigInt multiply-add per pair of
 * terms (integer coefficients take a fast path that skips gcds), e.g. 42 × 33 terms in well under
 * a millisecond.
 */
import { InputError, InternalError } from '../errors.js';
import type { Field } from '../numeric/field.js';
import { gcd, rational, radd, rmul, rdiv, rneg, rationalToString, RONE, RZERO, type Rational } from '../numeric/rational.js';

export interface PolyTerm {
  /** Exponents aligned with the polynomial's `vars`. */
  readonly exps: readonly number[];
  /** Non-zero coefficient. */
  readonly coef: Rational;
}

export interface Poly {
  /** Variables that occur, sorted (by code unit). */
  readonly vars: readonly string[];
  /** Monomial key (`exps.join(',')`) → term. */
  readonly terms: ReadonlyMap<string, PolyTerm>;
}

// ---------------------------------------------------------------------------------------------
// Coefficient arithmetic with an integer fast path (most coefficients here are integers).

const qadd = (a: Rational, b: Rational): Rational => (a.den === 1n && b.den === 1n ? { num: a.num + b.num, den: 1n } : radd(a, b));
const qmul = (a: Rational, b: Rational): Rational => (a.den === 1n && b.den === 1n ? { num: a.num * b.num, den: 1n } : rmul(a, b));
function qpow(a: Rational, n: number): Rational {
  if (n === 0) return RONE;
  const e = BigInt(n);
  return { num: a.num ** e, den: a.den ** e };
}
const toRational = (q: Rational | bigint | number): Rational => {
  if (typeof q === 'bigint') return { num: q, den: 1n };
  if (typeof q === 'number') {
    if (!Number.isSafeInteger(q)) throw new RangeError(`poly: ${q} is not a safe integer (pass a Rational for non-integers)`);
    return { num: BigInt(q), den: 1n };
  }
  return q;
};

// ---------------------------------------------------------------------------------------------
// Construction and canonical form.

const ZERO_POLY: Poly = Object.freeze({ vars: Object.freeze([]) as readonly string[], terms: new Map<string, PolyTerm>() });

/** Build the canonical polynomial from (vars, key → term) with possibly zero coefficients or unused vars. */
function canonical(vars: readonly string[], acc: Map<string, { exps: number[]; coef: Rational }>): Poly {
  const used = new Array<boolean>(vars.length).fill(false);
  let anyZero = false;
  for (const t of acc.values()) {
    if (t.coef.num === 0n) {
      anyZero = true;
      continue;
    }
    for (let i = 0; i < vars.length; i++) if (t.exps[i] !== 0) used[i] = true;
  }
  const keep: number[] = [];
  for (let i = 0; i < vars.length; i++) if (used[i]) keep.push(i);
  const terms = new Map<string, PolyTerm>();
  if (keep.length === vars.length) {
    if (!anyZero) {
      for (const [k, t] of acc) terms.set(k, t);
    } else {
      for (const [k, t] of acc) if (t.coef.num !== 0n) terms.set(k, t);
    }
    return { vars: vars.slice(), terms };
  }
  const newVars = keep.map((i) => vars[i]);
  for (const t of acc.values()) {
    if (t.coef.num === 0n) continue;
    const exps = keep.map((i) => t.exps[i]);
    terms.set(exps.join(','), { exps, coef: t.coef });
  }
  return { vars: newVars, terms };
}

/** The zero polynomial. */
export const pzero = (): Poly => ZERO_POLY;

/** A constant polynomial. */
export function pconst(q: Rational | bigint | number): Poly {
  const c = toRational(q);
  if (c.num === 0n) return ZERO_POLY;
  return { vars: [], terms: new Map([['', { exps: [], coef: c }]]) };
}

/** The polynomial 1. */
export const pone = (): Poly => pconst(1n);

/** The polynomial `name` (a variable). */
export function pvar(name: string): Poly {
  if (typeof name !== 'string' || name.length === 0) throw new RangeError('pvar: a variable name must be a non-empty string');
  return { vars: [name], terms: new Map([['1', { exps: [1], coef: RONE }]]) };
}

/** c · Π v^e from a coefficient and a map variable → exponent (exponents non-negative integers). */
export function pmonomial(coef: Rational | bigint | number, powers: Readonly<Record<string, number>>): Poly {
  const c = toRational(coef);
  if (c.num === 0n) return ZERO_POLY;
  const vars = Object.keys(powers)
    .filter((v) => powers[v] !== 0)
    .sort();
  for (const v of vars) {
    const e = powers[v];
    if (!Number.isSafeInteger(e) || e < 0) throw new RangeError(`pmonomial: exponent of ${v} must be a non-negative integer, got ${e}`);
  }
  const exps = vars.map((v) => powers[v]);
  return { vars, terms: new Map([[exps.join(','), { exps, coef: c }]]) };
}

/** Union of two sorted variable lists and index maps from each into it. */
function unionVars(a: readonly string[], b: readonly string[]): { vars: string[]; ia: number[]; ib: number[] } {
  if (a.length === b.length && a.every((v, i) => v === b[i])) {
    const id = a.map((_, i) => i);
    return { vars: a.slice(), ia: id, ib: id };
  }
  const vars = [...new Set([...a, ...b])].sort();
  const pos = new Map(vars.map((v, i) => [v, i]));
  return { vars, ia: a.map((v) => pos.get(v)!), ib: b.map((v) => pos.get(v)!) };
}

function lift(exps: readonly number[], idx: readonly number[], n: number): number[] {
  const out = new Array<number>(n).fill(0);
  for (let i = 0; i < idx.length; i++) out[idx[i]] = exps[i];
  return out;
}

// ---------------------------------------------------------------------------------------------
// Ring operations.

export function padd(a: Poly, b: Poly): Poly {
  if (a.terms.size === 0) return b;
  if (b.terms.size === 0) return a;
  const { vars, ia, ib } = unionVars(a.vars, b.vars);
  const n = vars.length;
  const acc = new Map<string, { exps: number[]; coef: Rational }>();
  const same = ia.every((v, i) => v === i) && ia.length === n;
  for (const [k, t] of a.terms) {
    if (same) acc.set(k, { exps: t.exps as number[], coef: t.coef });
    else {
      const e = lift(t.exps, ia, n);
      acc.set(e.join(','), { exps: e, coef: t.coef });
    }
  }
  const sameB = ib.every((v, i) => v === i) && ib.length === n;
  for (const [k0, t] of b.terms) {
    const e = sameB ? (t.exps as number[]) : lift(t.exps, ib, n);
    const k = sameB ? k0 : e.join(',');
    const hit = acc.get(k);
    if (hit) acc.set(k, { exps: hit.exps, coef: qadd(hit.coef, t.coef) });
    else acc.set(k, { exps: e, coef: t.coef });
  }
  return canonical(vars, acc);
}

export function pneg(a: Poly): Poly {
  const terms = new Map<string, PolyTerm>();
  for (const [k, t] of a.terms) terms.set(k, { exps: t.exps, coef: rneg(t.coef) });
  return { vars: a.vars, terms };
}

export const psub = (a: Poly, b: Poly): Poly => padd(a, pneg(b));

/** q · a for a rational q. */
export function pscale(a: Poly, q: Rational | bigint | number): Poly {
  const c = toRational(q);
  if (c.num === 0n) return ZERO_POLY;
  if (c.num === 1n && c.den === 1n) return a;
  const terms = new Map<string, PolyTerm>();
  for (const [k, t] of a.terms) terms.set(k, { exps: t.exps, coef: qmul(t.coef, c) });
  return { vars: a.vars, terms };
}

export function pmul(a: Poly, b: Poly): Poly {
  if (a.terms.size === 0 || b.terms.size === 0) return ZERO_POLY;
  if (a.vars.length === 0) return pscale(b, a.terms.get('')!.coef);
  if (b.vars.length === 0) return pscale(a, b.terms.get('')!.coef);
  const { vars, ia, ib } = unionVars(a.vars, b.vars);
  const n = vars.length;
  const A = [...a.terms.values()].map((t) => ({ e: lift(t.exps, ia, n), c: t.coef }));
  const B = [...b.terms.values()].map((t) => ({ e: lift(t.exps, ib, n), c: t.coef }));
  const acc = new Map<string, { exps: number[]; coef: Rational }>();
  const allInt = A.every((t) => t.c.den === 1n) && B.every((t) => t.c.den === 1n);
  if (allInt) {
    // Integer coefficients: accumulate bare BigInts, then wrap once.
    const sums = new Map<string, { exps: number[]; num: bigint }>();
    for (const x of A) {
      for (const y of B) {
        const e = new Array<number>(n);
        for (let i = 0; i < n; i++) e[i] = x.e[i] + y.e[i];
        const k = e.join(',');
        const hit = sums.get(k);
        if (hit) hit.num += x.c.num * y.c.num;
        else sums.set(k, { exps: e, num: x.c.num * y.c.num });
      }
    }
    for (const [k, s] of sums) acc.set(k, { exps: s.exps, coef: { num: s.num, den: 1n } });
    return canonical(vars, acc);
  }
  for (const x of A) {
    for (const y of B) {
      const e = new Array<number>(n);
      for (let i = 0; i < n; i++) e[i] = x.e[i] + y.e[i];
      const k = e.join(',');
      const c = qmul(x.c, y.c);
      const hit = acc.get(k);
      if (hit) hit.coef = qadd(hit.coef, c);
      else acc.set(k, { exps: e, coef: c });
    }
  }
  return canonical(vars, acc);
}

/** a^n for a non-negative integer n (binary powering). */
export function ppow(a: Poly, n: number): Poly {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`ppow: exponent must be a non-negative integer, got ${n}`);
  if (n === 0) return pone();
  // A single term: raise it directly.
  if (a.terms.size === 1) {
    const t = [...a.terms.values()][0];
    const exps = t.exps.map((e) => e * n);
    return { vars: a.vars, terms: new Map([[exps.join(','), { exps, coef: qpow(t.coef, n) }]]) };
  }
  let result: Poly | undefined;
  let base = a;
  let k = n;
  while (k > 0) {
    if (k & 1) result = result ? pmul(result, base) : base;
    k >>= 1;
    if (k > 0) base = pmul(base, base);
  }
  return result!;
}

/** Sum of many polynomials (one accumulation pass). */
export function psum(ps: readonly Poly[]): Poly {
  let s = ZERO_POLY;
  for (const p of ps) s = padd(s, p);
  return s;
}

// ---------------------------------------------------------------------------------------------
// Predicates and inspection.

export const pisZero = (a: Poly): boolean => a.terms.size === 0;

export function pequals(a: Poly, b: Poly): boolean {
  if (a.terms.size !== b.terms.size || a.vars.length !== b.vars.length) return false;
  for (let i = 0; i < a.vars.length; i++) if (a.vars[i] !== b.vars[i]) return false;
  for (const [k, t] of a.terms) {
    const u = b.terms.get(k);
    if (!u || u.coef.num !== t.coef.num || u.coef.den !== t.coef.den) return false;
  }
  return true;
}

/** True if a is a constant (including zero). */
export const pisConstant = (a: Poly): boolean => a.vars.length === 0;

/** The value of a constant polynomial; throws if a has variables. */
export function pconstantValue(a: Poly): Rational {
  if (a.vars.length !== 0) throw new RangeError(`pconstantValue: ${ptoString(a)} is not a constant`);
  return a.terms.get('')?.coef ?? RZERO;
}

/** Degree of a in `v` (−1 for the zero polynomial, 0 if v does not occur). */
export function pdegree(a: Poly, v: string): number {
  if (a.terms.size === 0) return -1;
  const i = a.vars.indexOf(v);
  if (i < 0) return 0;
  let d = 0;
  for (const t of a.terms.values()) if (t.exps[i] > d) d = t.exps[i];
  return d;
}

/** Total degree (−1 for the zero polynomial). */
export function ptotalDegree(a: Poly): number {
  let d = -1;
  for (const t of a.terms.values()) {
    let s = 0;
    for (const e of t.exps) s += e;
    if (s > d) d = s;
  }
  return d;
}

/** Coefficients of a as a polynomial in `v`: result[k] is the coefficient of v^k (a polynomial free of v). */
export function pcoefficients(a: Poly, v: string): Poly[] {
  const d = pdegree(a, v);
  if (d < 0) return [];
  const i = a.vars.indexOf(v);
  if (i < 0) return [a];
  const rest = a.vars.filter((_, j) => j !== i);
  const accs = Array.from({ length: d + 1 }, () => new Map<string, { exps: number[]; coef: Rational }>());
  for (const t of a.terms.values()) {
    const exps = t.exps.filter((_, j) => j !== i) as number[];
    accs[t.exps[i]].set(exps.join(','), { exps, coef: t.coef });
  }
  return accs.map((acc) => canonical(rest, acc));
}

/** Σ coeffs[k] · v^k. */
export function pfromCoefficients(v: string, coeffs: readonly Poly[]): Poly {
  const x = pvar(v);
  let s = ZERO_POLY;
  for (let k = coeffs.length - 1; k >= 0; k--) s = padd(pmul(s, x), coeffs[k]);
  return s;
}

/** Leading coefficient of a in v (a polynomial free of v; zero for the zero polynomial). */
export function pleadingCoefficient(a: Poly, v: string): Poly {
  const c = pcoefficients(a, v);
  return c.length ? c[c.length - 1] : ZERO_POLY;
}

/** Terms sorted by the canonical order (graded lexicographic on `vars`, highest first). */
export function pterms(a: Poly): PolyTerm[] {
  const deg = (t: PolyTerm) => t.exps.reduce((s, e) => s + e, 0);
  return [...a.terms.values()].sort((x, y) => {
    const dx = deg(x);
    const dy = deg(y);
    if (dx !== dy) return dy - dx;
    for (let i = 0; i < x.exps.length; i++) if (x.exps[i] !== y.exps[i]) return y.exps[i] - x.exps[i];
    return 0;
  });
}

/** Terms sorted lexicographically on `vars` (highest first): the order used by `pdivExact`. */
function lexTerms(a: Poly): PolyTerm[] {
  return [...a.terms.values()].sort((x, y) => {
    for (let i = 0; i < x.exps.length; i++) if (x.exps[i] !== y.exps[i]) return y.exps[i] - x.exps[i];
    return 0;
  });
}

// ---------------------------------------------------------------------------------------------
// Substitution and evaluation.

/** a with the polynomial q substituted for the variable v (Horner in v). */
export function psubstitute(a: Poly, v: string, q: Poly): Poly {
  if (!a.vars.includes(v)) return a;
  const c = pcoefficients(a, v);
  let s = ZERO_POLY;
  for (let k = c.length - 1; k >= 0; k--) s = padd(pmul(s, q), c[k]);
  return s;
}

/** a with rational values substituted for some of its variables (the others stay symbolic). */
export function pevalPartial(a: Poly, env: Readonly<Record<string, Rational>>): Poly {
  const bound = a.vars.map((v) => Object.hasOwn(env, v));
  if (!bound.some(Boolean)) return a;
  const restIdx = a.vars.map((_, i) => i).filter((i) => !bound[i]);
  const rest = restIdx.map((i) => a.vars[i]);
  const powCache = a.vars.map(() => new Map<number, Rational>());
  const power = (i: number, e: number): Rational => {
    let r = powCache[i].get(e);
    if (!r) {
      r = qpow(env[a.vars[i]], e);
      powCache[i].set(e, r);
    }
    return r;
  };
  const acc = new Map<string, { exps: number[]; coef: Rational }>();
  for (const t of a.terms.values()) {
    let c = t.coef;
    for (let i = 0; i < a.vars.length; i++) if (bound[i] && t.exps[i] !== 0) c = qmul(c, power(i, t.exps[i]));
    const exps = restIdx.map((i) => t.exps[i]);
    const k = exps.join(',');
    const hit = acc.get(k);
    if (hit) hit.coef = qadd(hit.coef, c);
    else acc.set(k, { exps, coef: c });
  }
  return canonical(rest, acc);
}

/** The exact value of a at a rational point; every variable of a must be bound. */
export function pevalRational(a: Poly, env: Readonly<Record<string, Rational>>): Rational {
  const missing = a.vars.filter((v) => !Object.hasOwn(env, v));
  if (missing.length) throw new InputError(`pevalRational: no value for ${missing.join(', ')}`);
  const r = pevalPartial(a, env);
  return r.terms.get('')?.coef ?? RZERO;
}

/** The value of a in the field F (each monomial evaluated with cached powers; one rounding per operation). */
export function pevalField<T>(F: Field<T>, a: Poly, env: Readonly<Record<string, T>>): T {
  const missing = a.vars.filter((v) => !Object.hasOwn(env, v));
  if (missing.length) throw new InputError(`pevalField: no value for ${missing.join(', ')}`);
  const cache = a.vars.map(() => new Map<number, T>());
  const power = (i: number, e: number): T => {
    let r = cache[i].get(e);
    if (r === undefined) {
      const x = env[a.vars[i]];
      let acc = F.one;
      let b = x;
      let k = e;
      while (k > 0) {
        if (k & 1) acc = F.mul(acc, b);
        k >>= 1;
        if (k > 0) b = F.mul(b, b);
      }
      r = acc;
      cache[i].set(e, r);
    }
    return r;
  };
  let s = F.zero;
  for (const t of a.terms.values()) {
    let m = F.fromRational(t.coef);
    for (let i = 0; i < t.exps.length; i++) if (t.exps[i] !== 0) m = F.mul(m, power(i, t.exps[i]));
    s = F.add(s, m);
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Content, primitive part, exact division, derivative.

/**
 * The rational content of a: the positive-or-negative rational c such that a / c has coprime
 * integer coefficients and a positive leading coefficient (canonical order). 0 for the zero poly.
 */
export function pcontent(a: Poly): Rational {
  if (a.terms.size === 0) return RZERO;
  let g = 0n;
  let l = 1n;
  for (const t of a.terms.values()) {
    g = gcd(g, t.coef.num);
    l = (l / gcd(l, t.coef.den)) * t.coef.den;
  }
  const lead = pterms(a)[0].coef;
  return rational(lead.num < 0n ? -g : g, l);
}

/** a / content(a): integer coprime coefficients, positive leading coefficient. */
export function pprimitive(a: Poly): Poly {
  if (a.terms.size === 0) return a;
  const c = pcontent(a);
  return pscale(a, rdiv(RONE, c));
}

/** Partial derivative ∂a/∂v. */
export function pderivative(a: Poly, v: string): Poly {
  const i = a.vars.indexOf(v);
  if (i < 0) return ZERO_POLY;
  const acc = new Map<string, { exps: number[]; coef: Rational }>();
  for (const t of a.terms.values()) {
    const e = t.exps[i];
    if (e === 0) continue;
    const exps = t.exps.slice() as number[];
    exps[i] = e - 1;
    acc.set(exps.join(','), { exps, coef: qmul(t.coef, { num: BigInt(e), den: 1n }) });
  }
  return canonical(a.vars, acc);
}

/**
 * The exact quotient a / b when b divides a in Q[vars]; throws InternalError otherwise
 * (multivariate division by the lexicographic leading term, which is exact for exact divisors).
 */
export function pdivExact(a: Poly, b: Poly): Poly {
  if (b.terms.size === 0) throw new RangeError('pdivExact: division by the zero polynomial');
  if (a.terms.size === 0) return ZERO_POLY;
  if (b.vars.length === 0) return pscale(a, rdiv(RONE, b.terms.get('')!.coef));
  const lb = lexTerms(b)[0];
  const lbPowers: Record<string, number> = {};
  b.vars.forEach((v, i) => (lbPowers[v] = lb.exps[i]));
  let r = a;
  let q = ZERO_POLY;
  for (let guard = 0; r.terms.size > 0; guard++) {
    if (guard > 1_000_000) throw new InternalError('pdivExact: no progress');
    const lr = lexTerms(r)[0];
    const powers: Record<string, number> = {};
    r.vars.forEach((v, i) => (powers[v] = lr.exps[i]));
    const quot: Record<string, number> = { ...powers };
    for (const v of b.vars) {
      const e = (powers[v] ?? 0) - lbPowers[v];
      if (e < 0) throw new InternalError(`pdivExact: ${ptoString(b)} does not divide ${ptoString(a)}`);
      quot[v] = e;
    }
    const m = pmonomial(rdiv(lr.coef, lb.coef), quot);
    q = padd(q, m);
    r = psub(r, pmul(m, b));
  }
  return q;
}

// ---------------------------------------------------------------------------------------------
// Resultant and discriminant (Sylvester matrix, fraction-free Bareiss elimination).

/** Determinant of a square matrix of polynomials by Bareiss's fraction-free elimination. */
export function pdeterminant(m: readonly (readonly Poly[])[]): Poly {
  const n = m.length;
  if (n === 0) return pone();
  const a = m.map((row) => {
    if (row.length !== n) throw new RangeError('pdeterminant: matrix is not square');
    return row.slice();
  });
  let sign = 1;
  let prev = pone();
  for (let k = 0; k < n - 1; k++) {
    if (pisZero(a[k][k])) {
      const s = a.findIndex((row, i) => i > k && !pisZero(row[k]));
      if (s < 0) return ZERO_POLY;
      [a[k], a[s]] = [a[s], a[k]];
      sign = -sign;
    }
    for (let i = k + 1; i < n; i++) {
      for (let j = k + 1; j < n; j++) {
        a[i][j] = pdivExact(psub(pmul(a[i][j], a[k][k]), pmul(a[i][k], a[k][j])), prev);
      }
      a[i][k] = ZERO_POLY;
    }
    prev = a[k][k];
  }
  return sign < 0 ? pneg(a[n - 1][n - 1]) : a[n - 1][n - 1];
}

/** Res_v(a, b): the Sylvester resultant of a and b with respect to v (a polynomial free of v). */
export function presultant(a: Poly, b: Poly, v: string): Poly {
  const ca = pcoefficients(a, v);
  const cb = pcoefficients(b, v);
  const m = ca.length - 1;
  const n = cb.length - 1;
  if (m < 0 || n < 0) return ZERO_POLY;
  if (m === 0) return ppow(ca[0], n);
  if (n === 0) return ppow(cb[0], m);
  const size = m + n;
  const rows: Poly[][] = [];
  for (let i = 0; i < n; i++) {
    const row = new Array<Poly>(size).fill(ZERO_POLY);
    for (let j = 0; j <= m; j++) row[i + j] = ca[m - j];
    rows.push(row);
  }
  for (let i = 0; i < m; i++) {
    const row = new Array<Poly>(size).fill(ZERO_POLY);
    for (let j = 0; j <= n; j++) row[i + j] = cb[n - j];
    rows.push(row);
  }
  return pdeterminant(rows);
}

/**
 * The discriminant of a with respect to v: (−1)^(n(n−1)/2) · Res_v(a, ∂a/∂v) / lc_v(a), n = deg_v a ≥ 1.
 * For a·v² + b·v + c it is b² − 4ac.
 */
export function pdiscriminant(a: Poly, v: string): Poly {
  const n = pdegree(a, v);
  if (n < 1) throw new RangeError(`pdiscriminant: ${ptoString(a)} has degree ${n} in ${v} (needs ≥ 1)`);
  const r = pdivExact(presultant(a, pderivative(a, v), v), pleadingCoefficient(a, v));
  return ((n * (n - 1)) / 2) % 2 === 0 ? r : pneg(r);
}

// ---------------------------------------------------------------------------------------------
// Printing.

/** Readable, deterministic form, e.g. "3*c^2*y - y + 1/2" (terms in graded lexicographic order). */
export function ptoString(a: Poly): string {
  if (a.terms.size === 0) return '0';
  const parts: string[] = [];
  for (const t of pterms(a)) {
    const neg = t.coef.num < 0n;
    const abs: Rational = { num: neg ? -t.coef.num : t.coef.num, den: t.coef.den };
    const mono = a.vars
      .map((v, i) => (t.exps[i] === 0 ? '' : t.exps[i] === 1 ? v : `${v}^${t.exps[i]}`))
      .filter((s) => s !== '')
      .join('*');
    const isOne = abs.num === 1n && abs.den === 1n;
    const body = mono === '' ? rationalToString(abs) : isOne ? mono : `${rationalToString(abs)}*${mono}`;
    if (parts.length === 0) parts.push(neg ? `-${body}` : body);
    else parts.push(neg ? `- ${body}` : `+ ${body}`);
  }
  return parts.join(' ');
}

/** Number of terms. */
export const psize = (a: Poly): number => a.terms.size;
