/**
 * Our own Pratt parser for formulas in plain infix.
 *
 * Syntax: numbers (`2`, `0.125`, `1.5e-3`; read exactly as rationals), variables (identifiers such
 * as `c`, `beta`, `omega`, `r`, `y`, `nbar`, `N`, `k`), binary `+ - * / ^` (`^` is right
 * associative and binds tighter than unary minus: `-x^2` is −(x²)), unary `-` and `+`,
 * parentheses, and the functions `exp cosh sinh sqrt log abs` (`log` is the natural logarithm).
 * Multiplication is always explicit: `2x` and `2(x+1)` are refused with a message saying so.
 * `e`, `i` and `pi` are refused as variable names (the CAS reads them as constants).
 */
import { InputError } from '../errors.js';
import { parseRational, type Rational } from '../numeric/rational.js';
import { FUNCTIONS, ParseError, checkVariableName, type Ast, type BinaryOp, type FunctionName } from './ast.js';

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
            throw new ParseError(
              `unknown function "${tok.text}" at column ${tok.col} in "${src}" (known: ${FUNCTIONS.join(', ')}; for a product write ${tok.text}*(...))`,
              tok.col,
            );
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
        throw new ParseError(
          `missing operator before ${describe(tok)} at column ${tok.col} in "${src}" (implicit multiplication is not supported: write a*b)`,
          tok.col,
        );
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
