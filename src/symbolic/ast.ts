/**
 * The expression tree of formulas (numbers read exactly as rationals, variables, + − × ÷ ^, and
 * the functions exp cosh sinh sqrt log abs), its builders and structural operations (variables,
 * equality, substitution). Parsed by infix-parse.ts, printed by print.ts and tex-print.ts,
 * computed by evaluate.ts.
 */
import { InputError } from '../errors.js';
import { rationalToString, type Rational } from '../numeric/rational.js';

export const FUNCTIONS = ['exp', 'cosh', 'sinh', 'sqrt', 'log', 'abs'] as const;
export type FunctionName = (typeof FUNCTIONS)[number];
export type BinaryOp = '+' | '-' | '*' | '/' | '^';

/** Names the CAS reads as constants (Euler's number, the imaginary unit, π): never variables. */
export const RESERVED_NAMES = ['e', 'i', 'pi'] as const;

export type Ast =
  | { readonly kind: 'num'; readonly value: Rational /** As written, e.g. "0.125". */; readonly text: string }
  | { readonly kind: 'var'; readonly name: string }
  | { readonly kind: 'neg'; readonly arg: Ast }
  | { readonly kind: 'bin'; readonly op: BinaryOp; readonly left: Ast; readonly right: Ast }
  | { readonly kind: 'call'; readonly fn: FunctionName; readonly arg: Ast };

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

/** A parse error: an InputError whose message names the problem and its column (1-based). */
export class ParseError extends InputError {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
  }
}

/** Refuses a name that cannot be a variable (reserved by the CAS, a function name, not an identifier). */
export function checkVariableName(name: string, col: number, src: string): void {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new ParseError(`"${name}" is not a valid variable name`, col);
  if ((RESERVED_NAMES as readonly string[]).includes(name)) {
    const what = name === 'e' ? "Euler's number" : name === 'i' ? 'the imaginary unit' : 'π';
    throw new ParseError(
      `"${name}" is a reserved name (${what} in the CAS) and cannot be a variable${col ? ` (column ${col} in "${src}")` : ''}; write exp(x) for e^x and choose another name`,
      col,
    );
  }
  if ((FUNCTIONS as readonly string[]).includes(name)) {
    throw new ParseError(`"${name}" is a function${col ? ` (column ${col} in "${src}")` : ''}: write ${name}(...)`, col);
  }
}
