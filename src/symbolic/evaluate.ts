/**
 * Numeric evaluation of an expression in any AnalyticField, and exact evaluation of constant
 * subexpressions over the rationals.
 */
import { InputError } from '../errors.js';
import type { AnalyticField } from '../numeric/field.js';
import type { Rational } from '../numeric/rational.js';
import type { Ast, BinaryOp } from './ast.js';
import { astToString } from './print.js';

/** Evaluation outside the domain: division by zero, sqrt or log of a negative number, 0^negative. */
export class DomainError extends RangeError {
  override readonly name = 'DomainError';
}

function ratOf(n: bigint, d: bigint): Rational | undefined {
  if (d === 0n) return undefined;
  const s = d < 0n ? -1n : 1n;
  let x = n * s;
  let y = d * s;
  let g = x < 0n ? -x : x;
  let h = y;
  while (h !== 0n) [g, h] = [h, g % h];
  if (g > 1n) {
    x /= g;
    y /= g;
  }
  return { num: x, den: y };
}

function exactBinary(op: BinaryOp, l: Rational, r: Rational): Rational | undefined {
  switch (op) {
    case '+':
      return ratOf(l.num * r.den + r.num * l.den, l.den * r.den);
    case '-':
      return ratOf(l.num * r.den - r.num * l.den, l.den * r.den);
    case '*':
      return ratOf(l.num * r.num, l.den * r.den);
    case '/':
      return ratOf(l.num * r.den, l.den * r.num);
    case '^':
      if (r.den !== 1n || (r.num < 0n ? -r.num : r.num) > 4096n) return undefined;
      return r.num >= 0n ? ratOf(l.num ** r.num, l.den ** r.num) : ratOf(l.den ** -r.num, l.num ** -r.num);
  }
}

/** The exact value of a constant subtree built from numbers with + − * / and integer powers, else undefined. */
export function exactConstant(a: Ast): Rational | undefined {
  if (a.kind === 'num') return a.value;
  if (a.kind === 'neg') {
    const x = exactConstant(a.arg);
    return x && { num: -x.num, den: x.den };
  }
  if (a.kind === 'bin') {
    const l = exactConstant(a.left);
    const r = l && exactConstant(a.right);
    return l && r ? exactBinary(a.op, l, r) : undefined;
  }
  return undefined;
}

/** x^n for an integer n by binary powering (exact in the field's arithmetic, one rounding per multiply). */
function intPow<T>(F: AnalyticField<T>, x: T, n: bigint, where: string): T {
  if (n < 0n) {
    if (F.isZero(x)) throw new DomainError(`0 raised to a negative power in ${where}`);
    return F.div(F.one, intPow(F, x, -n, where));
  }
  let acc = F.one;
  let b = x;
  let k = n;
  while (k > 0n) {
    if (k & 1n) acc = F.mul(acc, b);
    k >>= 1n;
    if (k > 0n) b = F.mul(b, b);
  }
  return acc;
}

/**
 * sinh by its Taylor series for |x| < 1/2 (no cancellation), else (eˣ − e⁻ˣ)/2: relative error a
 * few units of the field's roundoff either way.
 */
function sinh<T>(F: AnalyticField<T>, x: T): T {
  const half = F.div(F.one, F.fromNumber(2));
  if (F.cmp(F.abs(x), half) < 0) {
    const x2 = F.mul(x, x);
    let term = x;
    let sum = x;
    for (let k = 1; k < 10000; k++) {
      term = F.div(F.mul(term, x2), F.fromNumber(2 * k * (2 * k + 1)));
      const next = F.add(sum, term);
      if (F.cmp(next, sum) === 0) break;
      sum = next;
    }
    return sum;
  }
  const ex = F.exp(x);
  return F.mul(F.sub(ex, F.div(F.one, ex)), half);
}

/**
 * The value of `ast` in the field F with variables from `env` (all must be bound). Each operation
 * is rounded once by F; cosh and sinh are computed from exp (sinh by series near 0). Integer
 * powers (constant integer exponents, or a variable exponent whose value is an integer) use exact
 * binary powering and accept negative bases; other powers need a positive base. Throws DomainError
 * outside the domain and InputError for an unbound variable.
 */
export function evaluate<T>(ast: Ast, env: Readonly<Record<string, T>>, F: AnalyticField<T>): T {
  const half = F.div(F.one, F.fromNumber(2));
  const evCall = (a: Extract<Ast, { kind: 'call' }>): T => {
    const x = ev(a.arg);
    switch (a.fn) {
      case 'exp':
        return F.exp(x);
      case 'cosh': {
        const ex = F.exp(x);
        return F.mul(F.add(ex, F.div(F.one, ex)), half);
      }
      case 'sinh':
        return sinh(F, x);
      case 'sqrt':
        if (F.sign(x) < 0) throw new DomainError(`sqrt of a negative number (${F.toString(x, 12)}) in ${astToString(a)}`);
        return F.sqrt(x);
      case 'log':
        if (F.sign(x) <= 0) throw new DomainError(`log of a non-positive number (${F.toString(x, 12)}) in ${astToString(a)}`);
        return F.ln(x);
      case 'abs':
        return F.abs(x);
    }
  };
  const evPow = (a: Extract<Ast, { kind: 'bin' }>): T => {
    const k = exactConstant(a.right);
    const base = ev(a.left);
    if (k && k.den === 1n) return intPow(F, base, k.num, astToString(a));
    const ex = ev(a.right);
    // A variable exponent with an integer value (e.g. r^(N+1) at N = 3).
    const exText = F.toString(ex, F.digits);
    if (/^-?\d{1,7}$/.test(exText)) return intPow(F, base, BigInt(exText), astToString(a));
    if (F.sign(base) <= 0) throw new DomainError(`non-integer power of a non-positive base in ${astToString(a)}`);
    return F.exp(F.mul(ex, F.ln(base)));
  };
  const evBin = (a: Extract<Ast, { kind: 'bin' }>): T => {
    if (a.op === '^') return evPow(a);
    const l = ev(a.left);
    const r = ev(a.right);
    switch (a.op) {
      case '+':
        return F.add(l, r);
      case '-':
        return F.sub(l, r);
      case '*':
        return F.mul(l, r);
      case '/':
        if (F.isZero(r)) throw new DomainError(`division by zero in ${astToString(a)}`);
        return F.div(l, r);
    }
  };
  const ev = (a: Ast): T => {
    switch (a.kind) {
      case 'num':
        return F.fromRational(a.value);
      case 'var':
        if (!Object.hasOwn(env, a.name)) throw new InputError(`no value given for the variable "${a.name}"`);
        return env[a.name];
      case 'neg':
        return F.neg(ev(a.arg));
      case 'call':
        return evCall(a);
      case 'bin':
        return evBin(a);
    }
  };
  return ev(ast);
}
