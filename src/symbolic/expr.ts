/**
 * A small expression language for formulas transcribed from the paper, with our own Pratt parser.
 *
 * Syntax: numbers (`2`, `0.125`, `1.5e-3`; read exactly as rationals), variables (identifiers such
 * as `c`, `beta`, `omega`, `r`, `y`, `nbar`, `N`, `k`), binary `+ - * / ^` (`^` is right
 * associative and binds tighter than unary minus: `-x^2` is −(x²)), unary `-` and `+`,
 * parentheses, and the functions `exp cosh sinh sqrt log abs` (`log` is the natural logarithm).
 * Multiplication is always explicit: `2x` and `2(x+1)` are refused with a message saying so.
 * `e`, `i` and `pi` are refused as variable names (the CAS reads them as constants).
 *
 * `evaluate` computes an AST in any AnalyticField; `toNerdamer` and `toTeX` print it for the CAS
 * and for reports (`toTeX` goes through the CAS and falls back to our own printer).
 */
import { InputError } from '../errors.js';
import type { AnalyticField } from '../numeric/field.js';
import { parseRational, rationalToString, type Rational } from '../numeric/rational.js';
import { casCall, casReservedNames, type CasFailure, type CasResult } from './cas.js';

// ---------------------------------------------------------------------------------------------
// AST.

export const FUNCTIONS = ['exp', 'cosh', 'sinh', 'sqrt', 'log', 'abs'] as const;
export type FunctionName = (typeof FUNCTIONS)[number];
export type BinaryOp = '+' | '-' | '*' | '/' | '^';

/** Names the CAS reads as constants (Euler's number, the imaginary unit, π): never variables. */
export const RESERVED_NAMES = ['e', 'i', 'pi'] as const;

export type Ast =
  | { readonly kind: 'num'; readonly value: Rational; /** As written, e.g. "0.125". */ readonly text: string }
  | { readonly kind: 'var'; readonly name: string }
  | { readonly kind: 'neg'; readonly arg: Ast }
  | { readonly kind: 'bin'; readonly op: BinaryOp; readonly left: Ast; readonly right: Ast }
  | { readonly kind: 'call'; readonly fn: FunctionName; readonly arg: Ast };

/** A parse error: an InputError whose message names the problem and its column (1-based). */
export class ParseError extends InputError {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
  }
}

// Builders (for code that assembles formulas).
/**
 * A number node (a negative value becomes neg(|q|)). Its text is the exact decimal when the
 * denominator has only the factors 2 and 5, else "p/q" (which re-parses as a quotient of the
 * same value rather than as one literal).
 */
export const num = (q: Rational | bigint | number): Ast => {
  const value: Rational = typeof q === 'object' ? q : { num: BigInt(q), den: 1n };
  if (value.num < 0n) return neg(num({ num: -value.num, den: value.den }));
  return { kind: 'num', value, text: numberText(value) };
};

function numberText(q: Rational): string {
  if (q.den === 1n) return q.num.toString();
  let d = q.den;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    twos++;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives++;
  }
  if (d !== 1n) return rationalToString(q);
  const k = Math.max(twos, fives);
  const scaled = (q.num * 10n ** BigInt(k)) / q.den;
  const s = scaled.toString().padStart(k + 1, '0');
  return `${s.slice(0, s.length - k)}.${s.slice(s.length - k)}`;
}
export const variable = (name: string): Ast => {
  checkVariableName(name, 0, name);
  return { kind: 'var', name };
};
export const neg = (arg: Ast): Ast => ({ kind: 'neg', arg });
export const bin = (op: BinaryOp, left: Ast, right: Ast): Ast => ({ kind: 'bin', op, left, right });
export const call = (fn: FunctionName, arg: Ast): Ast => ({ kind: 'call', fn, arg });

// ---------------------------------------------------------------------------------------------
// Lexer.

type Token =
  | { t: 'num'; text: string; col: number }
  | { t: 'id'; text: string; col: number }
  | { t: 'op'; text: BinaryOp; col: number }
  | { t: '('; col: number }
  | { t: ')'; col: number }
  | { t: 'end'; col: number };

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;

function lex(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const col = i + 1;
    if (/[0-9.]/.test(ch)) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(src);
      if (!m) throw new ParseError(`unexpected "${ch}" at column ${col} in "${src}"`, col);
      out.push({ t: 'num', text: m[0], col });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(ch)) {
      IDENT.lastIndex = i;
      const m = IDENT.exec(src)!;
      out.push({ t: 'id', text: m[0], col });
      i += m[0].length;
      continue;
    }
    if (ch === '*' && src[i + 1] === '*') {
      out.push({ t: 'op', text: '^', col });
      i += 2;
      continue;
    }
    if ('+-*/^'.includes(ch)) {
      out.push({ t: 'op', text: ch as BinaryOp, col });
      i++;
      continue;
    }
    if (ch === '(' || ch === ')') {
      out.push({ t: ch, col });
      i++;
      continue;
    }
    throw new ParseError(`unexpected character "${ch}" at column ${col} in "${src}"`, col);
  }
  out.push({ t: 'end', col: src.length + 1 });
  return out;
}

function checkVariableName(name: string, col: number, src: string): void {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new ParseError(`"${name}" is not a valid variable name`, col);
  if ((RESERVED_NAMES as readonly string[]).includes(name)) {
    const what = name === 'e' ? "Euler's number" : name === 'i' ? 'the imaginary unit' : 'π';
    throw new ParseError(`"${name}" is a reserved name (${what} in the CAS) and cannot be a variable${col ? ` (column ${col} in "${src}")` : ''}; write exp(x) for e^x and choose another name`, col);
  }
  if ((FUNCTIONS as readonly string[]).includes(name)) {
    throw new ParseError(`"${name}" is a function${col ? ` (column ${col} in "${src}")` : ''}: write ${name}(...)`, col);
  }
}

// ---------------------------------------------------------------------------------------------
// Pratt parser.

const INFIX: Record<BinaryOp, { lbp: number; rbp: number }> = {
  '+': { lbp: 10, rbp: 11 },
  '-': { lbp: 10, rbp: 11 },
  '*': { lbp: 20, rbp: 21 },
  '/': { lbp: 20, rbp: 21 },
  '^': { lbp: 40, rbp: 39 }, // right associative
};
/** Unary minus binds looser than ^ and tighter than * and /. */
const PREFIX_BP = 30;

const describe = (tok: Token): string =>
  tok.t === 'end' ? 'the end of the input' : tok.t === 'num' || tok.t === 'id' ? `"${tok.text}"` : tok.t === 'op' ? `"${tok.text}"` : `"${tok.t}"`;

/** Parse a formula; throws ParseError (an InputError) with a one-line message naming the problem and column. */
export function parse(src: string): Ast {
  if (typeof src !== 'string') throw new InputError(`parse: expected a string, got ${typeof src}`);
  if (src.trim() === '') throw new ParseError('empty expression', 1);
  const toks = lex(src);
  let pos = 0;
  const open: number[] = []; // columns of unclosed '('
  const peek = (): Token => toks[pos];
  const next = (): Token => toks[pos++];

  function nud(tok: Token): Ast {
    switch (tok.t) {
      case 'num': {
        let value: Rational;
        try {
          value = parseRational(tok.text);
        } catch {
          throw new ParseError(`"${tok.text}" at column ${tok.col} is not a number`, tok.col);
        }
        return { kind: 'num', value, text: tok.text };
      }
      case 'id': {
        if (peek().t === '(') {
          if (!(FUNCTIONS as readonly string[]).includes(tok.text)) {
            throw new ParseError(`unknown function "${tok.text}" at column ${tok.col} in "${src}" (known: ${FUNCTIONS.join(', ')}; for a product write ${tok.text}*(...))`, tok.col);
          }
          const lp = next();
          open.push(lp.col);
          if (peek().t === ')') throw new ParseError(`${tok.text}() at column ${tok.col} has no argument`, tok.col);
          const arg = expr(0);
          expectClose();
          return { kind: 'call', fn: tok.text as FunctionName, arg };
        }
        checkVariableName(tok.text, tok.col, src);
        return { kind: 'var', name: tok.text };
      }
      case 'op':
        if (tok.text === '-') return { kind: 'neg', arg: expr(PREFIX_BP) };
        if (tok.text === '+') return expr(PREFIX_BP);
        throw new ParseError(`expected an operand before "${tok.text}" at column ${tok.col} in "${src}"`, tok.col);
      case '(': {
        open.push(tok.col);
        if (peek().t === ')') throw new ParseError(`empty parentheses at column ${tok.col} in "${src}"`, tok.col);
        const e = expr(0);
        expectClose();
        return e;
      }
      case ')':
        throw new ParseError(`unbalanced parentheses: ")" at column ${tok.col} in "${src}" has no matching "("`, tok.col);
      case 'end':
        throw new ParseError(`unexpected end of input in "${src}": an operand is missing`, tok.col);
    }
  }

  function expectClose(): void {
    const tok = next();
    if (tok.t === ')') {
      open.pop();
      return;
    }
    const col = open[open.length - 1];
    if (tok.t === 'end') throw new ParseError(`unbalanced parentheses: "(" at column ${col} in "${src}" is never closed`, col);
    throw new ParseError(`expected ")" for the "(" at column ${col}, found ${describe(tok)} at column ${tok.col} in "${src}"`, tok.col);
  }

  function expr(minBp: number): Ast {
    let left = nud(next());
    for (;;) {
      const tok = peek();
      if (tok.t === 'op') {
        const { lbp, rbp } = INFIX[tok.text];
        if (lbp <= minBp) break;
        next();
        const right = expr(rbp);
        left = { kind: 'bin', op: tok.text, left, right };
        continue;
      }
      if (tok.t === 'num' || tok.t === 'id' || tok.t === '(') {
        throw new ParseError(`missing operator before ${describe(tok)} at column ${tok.col} in "${src}" (implicit multiplication is not supported: write a*b)`, tok.col);
      }
      break;
    }
    return left;
  }

  const ast = expr(0);
  const tok = peek();
  if (tok.t === ')') throw new ParseError(`unbalanced parentheses: ")" at column ${tok.col} in "${src}" has no matching "("`, tok.col);
  if (tok.t !== 'end') throw new ParseError(`unexpected ${describe(tok)} at column ${tok.col} in "${src}"`, tok.col);
  return ast;
}

/** An AST from a string or an AST (pass-through). */
export const toAst = (x: string | Ast): Ast => (typeof x === 'string' ? parse(x) : x);

// ---------------------------------------------------------------------------------------------
// Structure.

/** The free variables of an AST, sorted. */
export function variables(ast: Ast): string[] {
  const s = new Set<string>();
  const walk = (a: Ast): void => {
    switch (a.kind) {
      case 'var':
        s.add(a.name);
        return;
      case 'num':
        return;
      case 'neg':
      case 'call':
        walk(a.arg);
        return;
      case 'bin':
        walk(a.left);
        walk(a.right);
    }
  };
  walk(ast);
  return [...s].sort();
}

/** Structural equality (numbers compared by value). */
export function astEquals(a: Ast, b: Ast): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'num':
      return a.value.num === (b as typeof a).value.num && a.value.den === (b as typeof a).value.den;
    case 'var':
      return a.name === (b as typeof a).name;
    case 'neg':
      return astEquals(a.arg, (b as typeof a).arg);
    case 'call':
      return a.fn === (b as typeof a).fn && astEquals(a.arg, (b as typeof a).arg);
    case 'bin':
      return a.op === (b as typeof a).op && astEquals(a.left, (b as typeof a).left) && astEquals(a.right, (b as typeof a).right);
  }
}

/** Replace variables by expressions (simultaneously; the replacements are not themselves rewritten). */
export function substitute(ast: Ast, defs: Readonly<Record<string, string | Ast>>): Ast {
  const parsed = new Map<string, Ast>();
  for (const [k, v] of Object.entries(defs)) parsed.set(k, toAst(v));
  const walk = (a: Ast): Ast => {
    switch (a.kind) {
      case 'var':
        return parsed.get(a.name) ?? a;
      case 'num':
        return a;
      case 'neg':
        return { kind: 'neg', arg: walk(a.arg) };
      case 'call':
        return { kind: 'call', fn: a.fn, arg: walk(a.arg) };
      case 'bin':
        return { kind: 'bin', op: a.op, left: walk(a.left), right: walk(a.right) };
    }
  };
  return walk(ast);
}

/**
 * Replace variables by their definitions repeatedly until none is left (definitions may refer
 * to each other, e.g. r = nbar/(nbar + 1)); throws InputError on a cycle.
 */
export function expandDefinitions(ast: Ast, defs: Readonly<Record<string, string | Ast>>): Ast {
  const parsed = new Map<string, Ast>();
  for (const [k, v] of Object.entries(defs)) parsed.set(k, toAst(v));
  const walk = (a: Ast, stack: string[]): Ast => {
    switch (a.kind) {
      case 'var': {
        const d = parsed.get(a.name);
        if (!d) return a;
        if (stack.includes(a.name)) throw new InputError(`definitions are circular: ${[...stack, a.name].join(' → ')}`);
        return walk(d, [...stack, a.name]);
      }
      case 'num':
        return a;
      case 'neg':
        return { kind: 'neg', arg: walk(a.arg, stack) };
      case 'call':
        return { kind: 'call', fn: a.fn, arg: walk(a.arg, stack) };
      case 'bin':
        return { kind: 'bin', op: a.op, left: walk(a.left, stack), right: walk(a.right, stack) };
    }
  };
  return walk(ast, []);
}

// ---------------------------------------------------------------------------------------------
// Printing: our own syntax (round-trips through `parse`) and the CAS's.

const PREC = { add: 1, mul: 2, neg: 3, pow: 4, atom: 5 } as const;

function precOf(a: Ast, forCas: boolean): number {
  switch (a.kind) {
    case 'num':
      return a.value.num < 0n ? PREC.neg : forCas && a.value.den !== 1n ? PREC.mul : PREC.atom;
    case 'var':
    case 'call':
      return PREC.atom;
    case 'neg':
      return PREC.neg;
    case 'bin':
      return a.op === '+' || a.op === '-' ? PREC.add : a.op === '^' ? PREC.pow : PREC.mul;
  }
}

function print(a: Ast, forCas: boolean): string {
  const wrap = (x: Ast, need: number, strict: boolean): string => {
    const p = precOf(x, forCas);
    const s = print(x, forCas);
    return p < need || (strict && p === need) ? `(${s})` : s;
  };
  switch (a.kind) {
    case 'num':
      return forCas ? rationalToString(a.value) : a.text;
    case 'var':
      return a.name;
    case 'call':
      return `${a.fn}(${print(a.arg, forCas)})`;
    case 'neg':
      // -(a + b) and -(-x) keep their parentheses; -x^2 needs none.
      return `-${wrap(a.arg, PREC.neg, true)}`;
    case 'bin': {
      const rightNeg = a.right.kind === 'neg';
      if (a.op === '^') {
        const base = wrap(a.left, PREC.atom, false);
        const ex = a.right.kind === 'var' || (a.right.kind === 'num' && a.right.value.den === 1n) ? print(a.right, forCas) : `(${print(a.right, forCas)})`;
        return `${base}^${ex}`;
      }
      const p = a.op === '+' || a.op === '-' ? PREC.add : PREC.mul;
      const left = wrap(a.left, p, false);
      // Same-precedence right operands keep their parentheses, so the printed form re-parses to the same tree.
      const right = rightNeg ? `(${print(a.right, forCas)})` : wrap(a.right, p, true);
      return a.op === '*' || a.op === '/' ? `${left}${a.op}${right}` : `${left} ${a.op} ${right}`;
    }
  }
}

/** Our own infix form; `parse(astToString(a))` is structurally equal to `a`. */
export const astToString = (a: Ast): string => print(a, false);

/**
 * The formula as nerdamer input: numbers as exact fractions, minimal parentheses (nerdamer's
 * LaTeX converter fails on redundant ones such as `cosh((x))`). Throws InputError if a variable
 * collides with a name nerdamer reserves (a function or constant of the CAS).
 */
export function toNerdamer(a: Ast): string {
  const reserved = casReservedNames();
  const clash = variables(a).filter((v) => reserved.has(v));
  if (clash.length) throw new InputError(`variable name${clash.length > 1 ? 's' : ''} ${clash.map((v) => `"${v}"`).join(', ')} ${clash.length > 1 ? 'are' : 'is'} reserved by the CAS; rename ${clash.length > 1 ? 'them' : 'it'}`);
  return print(a, true);
}

// ---------------------------------------------------------------------------------------------
// Numeric evaluation.

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
      term = F.div(F.mul(term, x2), F.fromNumber((2 * k) * (2 * k + 1)));
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
        if (!Object.prototype.hasOwnProperty.call(env, a.name)) throw new InputError(`no value given for the variable "${a.name}"`);
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

// ---------------------------------------------------------------------------------------------
// TeX.

const GREEK = new Set([
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'varepsilon', 'zeta', 'eta', 'theta', 'vartheta', 'iota', 'kappa', 'lambda', 'mu', 'nu', 'xi',
  'rho', 'sigma', 'tau', 'upsilon', 'phi', 'varphi', 'chi', 'psi', 'omega', 'Gamma', 'Delta', 'Theta', 'Lambda', 'Xi', 'Sigma', 'Phi', 'Psi', 'Omega',
]);

function texName(name: string): string {
  if (GREEK.has(name)) return `\\${name}`;
  if (name === 'nbar') return '\\bar{n}';
  const m = /^([A-Za-z]+)_?(\d+|[A-Za-z]+)$/.exec(name);
  if (m && name.includes('_')) return `${texName(m[1])}_{${m[2]}}`;
  if (name.length > 1) return `\\mathrm{${name}}`;
  return name;
}

/** Our own TeX printer (used when the CAS fails): \frac for division, \left( \right) where needed. */
export function toTeXOwn(a: Ast): string {
  const tex = (x: Ast): string => {
    switch (x.kind) {
      case 'num':
        return x.value.den === 1n || x.text.includes('.') || /e/i.test(x.text) ? x.text : `\\frac{${x.value.num}}{${x.value.den}}`;
      case 'var':
        return texName(x.name);
      case 'call':
        if (x.fn === 'sqrt') return `\\sqrt{${tex(x.arg)}}`;
        if (x.fn === 'abs') return `\\left|${tex(x.arg)}\\right|`;
        return `\\${x.fn}\\left(${tex(x.arg)}\\right)`;
      case 'neg': {
        const p = precOf(x.arg, false);
        return p <= PREC.neg ? `-\\left(${tex(x.arg)}\\right)` : `-${tex(x.arg)}`;
      }
      case 'bin': {
        const paren = (y: Ast, need: number, strict = false): string => {
          const p = precOf(y, false);
          return p < need || (strict && p === need) ? `\\left(${tex(y)}\\right)` : tex(y);
        };
        switch (x.op) {
          case '/':
            return `\\frac{${tex(x.left)}}{${tex(x.right)}}`;
          case '^': {
            const base = x.left.kind === 'call' || precOf(x.left, false) < PREC.atom || (x.left.kind === 'num' && x.left.value.den !== 1n) ? `\\left(${tex(x.left)}\\right)` : tex(x.left);
            return `${base}^{${tex(x.right)}}`;
          }
          case '*':
            // A \frac is visually atomic: no parentheses around a quotient factor.
            return `${paren(x.left, PREC.mul)} \\cdot ${x.right.kind === 'neg' ? `\\left(${tex(x.right)}\\right)` : x.right.kind === 'bin' && x.right.op === '/' ? tex(x.right) : paren(x.right, PREC.mul, true)}`;
          case '+':
            return `${tex(x.left)} + ${x.right.kind === 'neg' ? `\\left(${tex(x.right)}\\right)` : tex(x.right)}`;
          case '-':
            return `${tex(x.left)} - ${x.right.kind === 'neg' ? `\\left(${tex(x.right)}\\right)` : paren(x.right, PREC.add, true)}`;
        }
      }
    }
  };
  return tex(a);
}

export interface TeXResult {
  readonly tex: string;
  /** 'cas': nerdamer's LaTeX converter (lightly normalised); 'fallback': our own printer. */
  readonly via: 'cas' | 'fallback';
  /** Why the CAS output was not used, when via = 'fallback'. */
  readonly casFailure?: CasFailure | { reason: 'rejected'; message: string };
}

/**
 * TeX for a formula through the CAS (`nerdamer.convertToLaTeX`, a literal conversion that does no
 * arithmetic), with its `*` normalised to `\cdot`; if the CAS throws, times out, or its output is
 * malformed (unbalanced braces, a dangling `^`), our own printer `toTeXOwn` is used instead.
 */
export function toTeX(a: Ast | string, options: { timeoutMs?: number } = {}): TeXResult {
  const ast = toAst(a);
  let src: string;
  try {
    src = toNerdamer(ast);
  } catch (e) {
    return { tex: toTeXOwn(ast), via: 'fallback', casFailure: { reason: 'rejected', message: (e as Error).message } };
  }
  return texFromCas(ast, casCall((cas) => cas.convertToLaTeX(src), { timeoutMs: options.timeoutMs }));
}

/**
 * The TeX to use given the CAS's answer for `ast`: the CAS text (normalised) if it is well formed,
 * else our own printer, with the reason recorded. (Split from `toTeX` so every branch is testable:
 * nerdamer's LaTeX converter does not check its TIMEOUT.)
 */
export function texFromCas(ast: Ast, r: CasResult<string>): TeXResult {
  if (!r.ok) return { tex: toTeXOwn(ast), via: 'fallback', casFailure: r };
  const tex = r.value.replace(/\s*\*\s*/g, ' \\cdot ');
  const problem = texProblem(tex);
  if (problem) return { tex: toTeXOwn(ast), via: 'fallback', casFailure: { reason: 'rejected', message: `CAS TeX ${JSON.stringify(r.value)}: ${problem}` } };
  return { tex, via: 'cas' };
}

/** A reason the TeX is malformed, or undefined. */
export function texProblem(tex: string): string | undefined {
  let depth = 0;
  for (const ch of tex) {
    if (ch === '{') depth++;
    if (ch === '}' && --depth < 0) return 'unbalanced braces';
  }
  if (depth !== 0) return 'unbalanced braces';
  if (/\}\s*\^\s*[^{\s]/.test(tex) || /\^\s*$/.test(tex)) return 'a power without braces';
  const lefts = (tex.match(/\\left/g) ?? []).length;
  const rights = (tex.match(/\\right/g) ?? []).length;
  if (lefts !== rights) return 'unbalanced \\left/\\right';
  if (tex.trim() === '') return 'empty output';
  return undefined;
}
