/**
 * Rational functions P/Q over Q (Q ≠ 0) and the exact identity decision.
 *
 * `fromAst` turns a formula into P/Q when it is rational after the paper's rewriting: exp(k·β·ω)
 * → y^(−k) for integer k, with y = e^(−βω); cosh(k·β·ω) → (y^(−k) + y^k)/2; sinh(k·β·ω) →
 * (y^(−k) − y^k)/2; and any definitions asked for (e.g. r = y, nbar = y/(1 − y)). `abs`, `sqrt`,
 * `log` and non-integer powers are not rational: a typed failure names the part.
 *
 * Soundness of treating y as a new indeterminate next to β and ω: e^(−βω) is transcendental over
 * Q(β, ω), so a polynomial in (β, ω, y) vanishes identically after y := e^(−βω) iff it is the zero
 * polynomial. `identical` therefore decides a ≡ b exactly, both ways.
 *
 * Reduction: numerical content, common monomial factors and (for univariate functions) the gcd
 * are cancelled to keep sizes small; no decision depends on reduction (a multivariate gcd is not
 * computed, so P/Q need not be in lowest terms).
 */
import { InputError } from '../errors.js';
import type { AnalyticField } from '../numeric/field.js';
import { gcd, rational, rdiv, RONE, type Rational } from '../numeric/rational.js';
// the expression modules one by one, not expr.ts: rational functions must not load the CAS
import type { Ast } from './ast.js';
import { exactConstant } from './evaluate.js';
import { toAst } from './infix-parse.js';
import { astToString } from './print.js';
import {
  padd,
  pconst,
  pconstantValue,
  pcontent,
  pderivative,
  pdivExact,
  pequals,
  pevalField,
  pevalPartial,
  pevalRational,
  pisZero,
  pmonomial,
  pmul,
  pneg,
  pone,
  ppow,
  pscale,
  psub,
  ptoString,
  pvar,
  type Poly,
} from './poly.js';
import { zfromPoly, zgcd, ztoPoly } from './upoly.js';

export interface RatFunc {
  readonly num: Poly;
  /** Never the zero polynomial. */
  readonly den: Poly;
}

// ---------------------------------------------------------------------------------------------
// Construction and reduction.

/** Common monomial factor of all terms of a and b: variable → smallest exponent. */
function commonMonomial(a: Poly, b: Poly): Record<string, number> {
  const out: Record<string, number> = {};
  const vars = new Set([...a.vars, ...b.vars]);
  for (const v of vars) {
    let m = Infinity;
    for (const p of [a, b]) {
      const i = p.vars.indexOf(v);
      for (const t of p.terms.values()) {
        const e = i < 0 ? 0 : t.exps[i];
        if (e < m) m = e;
        if (m === 0) break;
      }
      if (m === 0) break;
    }
    if (m > 0 && m !== Infinity) out[v] = m;
  }
  return out;
}

/** num/den, reduced by content, common monomials and (univariate) gcd. Throws RangeError if den ≡ 0. */
export function ratfunc(num: Poly, den: Poly = pone()): RatFunc {
  if (pisZero(den)) throw new RangeError('ratfunc: zero denominator');
  if (pisZero(num)) return { num, den: pone() };
  // A constant denominator: fold it into the numerator.
  if (den.vars.length === 0) return { num: pscale(num, rdiv(RONE, pconstantValue(den))), den: pone() };
  let n = num;
  let d = den;
  const mono = commonMonomial(n, d);
  if (Object.keys(mono).length) {
    const m = pmonomial(1n, mono);
    n = pdivExact(n, m);
    d = pdivExact(d, m);
  }
  // Univariate in one common variable: cancel the gcd.
  const vars = new Set([...n.vars, ...d.vars]);
  if (vars.size === 1) {
    const v = [...vars][0];
    const g = zgcd(zfromPoly(n, v), zfromPoly(d, v));
    if (g.length > 1) {
      const gp = ztoPoly(g, v);
      n = pdivExact(n, gp);
      d = pdivExact(d, gp);
    }
  }
  // Integer coefficients, no common numerical factor, denominator with a positive leading coefficient.
  const cn = pcontent(n);
  const cd = pcontent(d);
  // n = cn·n′, d = cd·d′ with n′, d′ primitive integer polynomials; divide both by
  // ±gcd(num(cn), num(cd)) / lcm(den(cn), den(cd)), the sign of cd's making lc(d) positive.
  const g = gcd(cn.num, cd.num);
  const l = (cn.den * cd.den) / gcd(cn.den, cd.den);
  const scale = rdiv(RONE, rational(cd.num < 0n ? -g : g, l));
  n = pscale(n, scale);
  d = pscale(d, scale);
  if (d.vars.length === 0) return { num: pscale(n, rdiv(RONE, pconstantValue(d))), den: pone() };
  return { num: n, den: d };
}

export const rfConst = (q: Rational | bigint | number): RatFunc => ({ num: pconst(q), den: pone() });
export const rfVar = (name: string): RatFunc => ({ num: pvar(name), den: pone() });
export const rfFromPoly = (p: Poly): RatFunc => ({ num: p, den: pone() });

// ---------------------------------------------------------------------------------------------
// Field operations.

export function rfadd(a: RatFunc, b: RatFunc): RatFunc {
  if (pequals(a.den, b.den)) return ratfunc(padd(a.num, b.num), a.den);
  return ratfunc(padd(pmul(a.num, b.den), pmul(b.num, a.den)), pmul(a.den, b.den));
}
export const rfneg = (a: RatFunc): RatFunc => ({ num: pneg(a.num), den: a.den });
export const rfsub = (a: RatFunc, b: RatFunc): RatFunc => rfadd(a, rfneg(b));
export function rfmul(a: RatFunc, b: RatFunc): RatFunc {
  return ratfunc(pmul(a.num, b.num), pmul(a.den, b.den));
}
export function rfdiv(a: RatFunc, b: RatFunc): RatFunc {
  if (pisZero(b.num)) throw new RangeError('rfdiv: division by the zero rational function');
  return ratfunc(pmul(a.num, b.den), pmul(a.den, b.num));
}
/** a^n for any integer n (n < 0 needs a ≢ 0). */
export function rfpow(a: RatFunc, n: number): RatFunc {
  if (!Number.isSafeInteger(n)) throw new RangeError(`rfpow: exponent must be an integer, got ${n}`);
  if (n >= 0) return ratfunc(ppow(a.num, n), ppow(a.den, n));
  if (pisZero(a.num)) throw new RangeError('rfpow: zero raised to a negative power');
  return ratfunc(ppow(a.den, -n), ppow(a.num, -n));
}

export const rfisZero = (a: RatFunc): boolean => pisZero(a.num);

/** ∂a/∂v exactly, by the quotient rule: (N′D − ND′)/D². */
export function rfderivative(a: RatFunc, v: string): RatFunc {
  return ratfunc(psub(pmul(pderivative(a.num, v), a.den), pmul(a.num, pderivative(a.den, v))), pmul(a.den, a.den));
}

/** The exact value at a rational point (all variables bound); throws RangeError at a pole. */
export function rfevalRational(a: RatFunc, env: Readonly<Record<string, Rational>>): Rational {
  const d = pevalRational(a.den, env);
  if (d.num === 0n) throw new RangeError(`rfevalRational: the denominator ${ptoString(a.den)} vanishes at this point`);
  return rdiv(pevalRational(a.num, env), d);
}

/** Substitute rational values for some variables (the others stay symbolic). */
export function rfevalPartial(a: RatFunc, env: Readonly<Record<string, Rational>>): RatFunc {
  const d = pevalPartial(a.den, env);
  if (pisZero(d)) throw new RangeError(`rfevalPartial: the denominator ${ptoString(a.den)} vanishes identically at this substitution`);
  return ratfunc(pevalPartial(a.num, env), d);
}

/** The value in a field. */
export function rfevalField<T>(F: AnalyticField<T>, a: RatFunc, env: Readonly<Record<string, T>>): T {
  return F.div(pevalField(F, a.num, env), pevalField(F, a.den, env));
}

export function rftoString(a: RatFunc): string {
  if (a.den.vars.length === 0 && pconstantValue(a.den).num === 1n && pconstantValue(a.den).den === 1n) return ptoString(a.num);
  return `(${ptoString(a.num)}) / (${ptoString(a.den)})`;
}

// ---------------------------------------------------------------------------------------------
// The identity decision.

export interface IdentityDecision {
  /** True iff a ≡ b as rational functions (exact). */
  readonly identical: boolean;
  /** Numerator of a − b over the common denominator a.den · b.den, expanded (zero iff identical). */
  readonly numerator: Poly;
  /** The common denominator used. */
  readonly denominator: Poly;
}

/** Decide a ≡ b exactly: expand a.num·b.den − b.num·a.den and compare with the zero polynomial. */
export function identical(a: RatFunc, b: RatFunc): IdentityDecision {
  const numerator = psub(pmul(a.num, b.den), pmul(b.num, a.den));
  return { identical: pisZero(numerator), numerator, denominator: pmul(a.den, b.den) };
}

// ---------------------------------------------------------------------------------------------
// From formulas.

export interface BoltzmannNames {
  /** Inverse temperature (default "beta"). */
  readonly beta: string;
  /** Frequency (default "omega"). */
  readonly omega: string;
  /** The Boltzmann factor y = e^(−βω) (default "y"). */
  readonly y: string;
}

export const DEFAULT_BOLTZMANN: BoltzmannNames = { beta: 'beta', omega: 'omega', y: 'y' };

/** The paper's definitions in terms of y = e^(−βω): r = n̄/(n̄ + 1) = y and n̄ = 1/(e^(βω) − 1) = y/(1 − y). */
export const THERMAL_DEFINITIONS: Readonly<Record<string, string>> = { r: 'y', nbar: 'y/(1 - y)' };

export interface FromAstOptions {
  /** Rewrite exp/cosh/sinh of integer multiples of β·ω into powers of y (default on, default names); false disables. */
  readonly boltzmann?: BoltzmannNames | false;
  /** Definitions substituted for variables (recursively; each a formula or AST), e.g. THERMAL_DEFINITIONS or { N: '5' }. */
  readonly definitions?: Readonly<Record<string, string | Ast>>;
  /** Largest |integer exponent| accepted (default 100000). */
  readonly maxExponent?: number;
}

export type FromAstFailure = {
  readonly ok: false;
  readonly reason: 'non-rational' | 'division-by-zero' | 'exponent';
  /** The offending subformula, in our syntax. */
  readonly part: string;
  readonly message: string;
};
export type FromAstResult = { readonly ok: true; readonly value: RatFunc } | FromAstFailure;

class Fail extends Error {
  constructor(readonly failure: FromAstFailure) {
    super(failure.message);
  }
}

/**
 * The rational function of a formula, or a typed failure naming the non-rational part.
 * See the module comment for the rewriting rules.
 */
export function fromAst(input: Ast | string, options: FromAstOptions = {}): FromAstResult {
  const ast = toAst(input);
  const bz = options.boltzmann === false ? undefined : (options.boltzmann ?? DEFAULT_BOLTZMANN);
  const maxExp = options.maxExponent ?? 100000;
  const defs = new Map<string, Ast>();
  for (const [k, v] of Object.entries(options.definitions ?? {})) defs.set(k, toAst(v));
  const defCache = new Map<string, RatFunc>();
  const fail = (reason: FromAstFailure['reason'], part: Ast, message: string): never => {
    throw new Fail({ ok: false, reason, part: astToString(part), message });
  };

  /** k if p ≡ k·β·ω for an integer k (0 for the zero polynomial), else undefined. */
  const multipleOfBetaOmega = (f: RatFunc): bigint | undefined => {
    if (!bz) return undefined;
    if (f.den.vars.length !== 0) return undefined;
    const p = f.num;
    if (pisZero(p)) return 0n;
    if (p.terms.size !== 1) return undefined;
    const t = [...p.terms.values()][0];
    const want = [bz.beta, bz.omega].sort();
    if (p.vars.length !== 2 || p.vars[0] !== want[0] || p.vars[1] !== want[1]) return undefined;
    if (t.exps[0] !== 1 || t.exps[1] !== 1) return undefined;
    const q = rdiv(t.coef, pconstantValue(f.den));
    return q.den === 1n ? q.num : undefined;
  };
  const yPow = (k: bigint): RatFunc => rfpow(rfVar((bz ?? DEFAULT_BOLTZMANN).y), Number(k));

  const conv = (a: Ast, stack: readonly string[]): RatFunc => {
    switch (a.kind) {
      case 'num':
        return rfConst(a.value);
      case 'var': {
        const d = defs.get(a.name);
        if (!d) return rfVar(a.name);
        const hit = defCache.get(a.name);
        if (hit) return hit;
        if (stack.includes(a.name)) throw new InputError(`definitions are circular: ${[...stack, a.name].join(' → ')}`);
        const value = conv(d, [...stack, a.name]);
        defCache.set(a.name, value);
        return value;
      }
      case 'neg':
        return rfneg(conv(a.arg, stack));
      case 'bin':
        return a.op === '^' ? convPow(a, stack) : convBin(a, stack);
      case 'call':
        return convCall(a, stack);
    }
  };

  const convPow = (a: Extract<Ast, { kind: 'bin' }>, stack: readonly string[]): RatFunc => {
    const base = conv(a.left, stack);
    let k: Rational | undefined = exactConstant(a.right);
    if (!k) {
      const ex = conv(a.right, stack);
      if (ex.num.vars.length === 0 && ex.den.vars.length === 0) k = rdiv(pconstantValue(ex.num), pconstantValue(ex.den));
    }
    if (!k) return fail('non-rational', a, `${astToString(a)} has a symbolic exponent ${astToString(a.right)} (give its variables values through definitions)`);
    if (k.den !== 1n) return fail('non-rational', a, `${astToString(a)} is a non-integer power (exponent ${k.num}/${k.den}): not a rational function`);
    if (k.num > BigInt(maxExp) || k.num < -BigInt(maxExp)) return fail('exponent', a, `${astToString(a)}: exponent ${k.num} exceeds the limit ${maxExp}`);
    if (k.num < 0n && rfisZero(base)) return fail('division-by-zero', a, `${astToString(a)}: zero raised to a negative power`);
    return rfpow(base, Number(k.num));
  };

  const convBin = (a: Extract<Ast, { kind: 'bin' }>, stack: readonly string[]): RatFunc => {
    const l = conv(a.left, stack);
    const r = conv(a.right, stack);
    switch (a.op) {
      case '+':
        return rfadd(l, r);
      case '-':
        return rfsub(l, r);
      case '*':
        return rfmul(l, r);
      case '/':
        if (rfisZero(r)) return fail('division-by-zero', a, `${astToString(a)}: the divisor ${astToString(a.right)} is identically zero`);
        return rfdiv(l, r);
      case '^':
        return convPow(a, stack);
    }
  };

  const convCall = (a: Extract<Ast, { kind: 'call' }>, stack: readonly string[]): RatFunc => {
    if (a.fn === 'abs' || a.fn === 'sqrt' || a.fn === 'log') {
      return fail('non-rational', a, `${a.fn} is not rational: ${astToString(a)} cannot be turned into a rational function`);
    }
    const arg = conv(a.arg, stack);
    const k = multipleOfBetaOmega(arg);
    if (k === undefined) {
      const hint = bz ? `only ${a.fn}(k*${bz.beta}*${bz.omega}) with an integer k is rewritten into powers of ${bz.y}` : 'the Boltzmann rewriting is disabled';
      return fail('non-rational', a, `${astToString(a)} is not a rational function (${hint})`);
    }
    if (k > BigInt(maxExp) || k < -BigInt(maxExp)) return fail('exponent', a, `${astToString(a)}: exponent exceeds the limit ${maxExp}`);
    if (a.fn === 'exp') return yPow(-k);
    const half = rfConst({ num: 1n, den: 2n });
    if (a.fn === 'cosh') return rfmul(half, rfadd(yPow(-k), yPow(k)));
    return rfmul(half, rfsub(yPow(-k), yPow(k)));
  };

  try {
    return { ok: true, value: conv(ast, []) };
  } catch (e) {
    if (e instanceof Fail) return e.failure;
    throw e;
  }
}

export type IdentityVerdict =
  | ({ readonly verdict: 'identical' | 'different' } & IdentityDecision & { readonly lhs: RatFunc; readonly rhs: RatFunc })
  | { readonly verdict: 'not-rational'; readonly side: 'lhs' | 'rhs'; readonly failure: FromAstFailure };

/**
 * Decide lhs ≡ rhs for two formulas after the rewriting of `fromAst`: 'identical' or 'different'
 * (exact), or 'not-rational' when a side is not a rational function (e.g. contains abs or sqrt).
 */
export function decideIdentity(lhs: Ast | string, rhs: Ast | string, options: FromAstOptions = {}): IdentityVerdict {
  const l = fromAst(lhs, options);
  if (!l.ok) return { verdict: 'not-rational', side: 'lhs', failure: l };
  const r = fromAst(rhs, options);
  if (!r.ok) return { verdict: 'not-rational', side: 'rhs', failure: r };
  const d = identical(l.value, r.value);
  return { verdict: d.identical ? 'identical' : 'different', ...d, lhs: l.value, rhs: r.value };
}
