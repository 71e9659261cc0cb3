/**
 * Printing an expression in our own infix syntax (round-trips through `parse`) and in the CAS's
 * (without loading the CAS: toNerdamer, which checks names against it, is in cas-syntax.ts).
 */
import { rationalToString } from '../numeric/rational.js';
import type { Ast } from './ast.js';
import { PREC, precOf } from './precedence.js';

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

/** The CAS's infix form (numbers as exact fractions, minimal parentheses); see toNerdamer. */
export const astToCasSyntax = (a: Ast): string => print(a, true);
