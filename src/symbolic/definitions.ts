/**
 * Substituting expressions for variables, and expanding named definitions (Z₊, n̄, …) until only
 * the model's parameters remain.
 */
import { InputError } from '../errors.js';
import type { Ast } from './ast.js';
import { toAst } from './infix-parse.js';

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
