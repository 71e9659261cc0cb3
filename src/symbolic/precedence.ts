/** Binding strength of expression nodes, shared by the infix and TeX printers (not part of the language's API). */
import type { Ast } from './ast.js';

export const PREC = { add: 1, mul: 2, neg: 3, pow: 4, atom: 5 } as const;

/** How tightly a node binds; numbers that print as fractions bind like products for the CAS. */
export function precOf(a: Ast, forCas: boolean): number {
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
