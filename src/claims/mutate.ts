/**
 * Mutants of a formula in ergocheck's expression language, for mutation tests of the claim engine:
 * each mutant changes one thing the way a misprint would — a constant (n → n + 1), a sign
 * (+ ↔ −, a minus dropped), cosh ↔ sinh, an exponent (k → k + 1), or a dropped factor (a·b → a or b).
 */
import { astToString, bin, call, neg, num, parse, type Ast } from '../symbolic/expr.js';
import { radd } from '../numeric/rational.js';

export type MutationKind = 'constant' | 'sign' | 'cosh-sinh' | 'exponent' | 'dropped-factor';

export interface Mutant {
  kind: MutationKind;
  /** What changed, e.g. "3 → 4" or "cosh → sinh". */
  change: string;
  formula: string;
}

/** Every single-site mutant of `formula` (duplicates by resulting text removed). */
export function mutants(formula: string): Mutant[] {
  const out: Mutant[] = [];
  const seen = new Set<string>([astToString(parse(formula))]);
  const push = (kind: MutationKind, change: string, ast: Ast) => {
    const text = astToString(ast);
    if (seen.has(text)) return;
    seen.add(text);
    out.push({ kind, change, formula: text });
  };
  // walk with a rebuild function: replace(node) gives the whole tree with this node replaced
  const walk = (node: Ast, replace: (n: Ast) => Ast, inExponent: boolean): void => {
    switch (node.kind) {
      case 'num':
        push(
          inExponent ? 'exponent' : 'constant',
          `${node.text} → ${astToString(num(radd(node.value, { num: 1n, den: 1n })))}`,
          replace(num(radd(node.value, { num: 1n, den: 1n }))),
        );
        return;
      case 'var':
        return;
      case 'neg':
        push('sign', `−(${astToString(node.arg)}) → ${astToString(node.arg)}`, replace(node.arg));
        walk(node.arg, (n) => replace(neg(n)), inExponent);
        return;
      case 'call':
        if (node.fn === 'cosh' || node.fn === 'sinh')
          push('cosh-sinh', `${node.fn} → ${node.fn === 'cosh' ? 'sinh' : 'cosh'}`, replace(call(node.fn === 'cosh' ? 'sinh' : 'cosh', node.arg)));
        walk(node.arg, (n) => replace(call(node.fn, n)), inExponent);
        return;
      case 'bin': {
        const { op, left, right } = node;
        if (op === '+' || op === '-') push('sign', `${op} → ${op === '+' ? '−' : '+'}`, replace(bin(op === '+' ? '-' : '+', left, right)));
        if (op === '*') {
          push('dropped-factor', `dropped ${astToString(left)}`, replace(right));
          push('dropped-factor', `dropped ${astToString(right)}`, replace(left));
        }
        if (op === '/') push('dropped-factor', `dropped the divisor ${astToString(right)}`, replace(left));
        walk(left, (n) => replace(bin(op, n, right)), inExponent);
        walk(right, (n) => replace(bin(op, left, n)), inExponent || op === '^');
        return;
      }
    }
  };
  walk(parse(formula), (n) => n, false);
  return out;
}
