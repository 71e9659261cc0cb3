/**
 * TeX of an expression for reports: through the CAS, falling back to our own printer.
 */
import type { Ast } from './ast.js';
import { toAst } from './infix-parse.js';
import { PREC, precOf } from './precedence.js';
import { toNerdamer } from './cas-syntax.js';
import { casCall, type CasFailure, type CasResult } from './cas.js';
import { GREEK_LETTERS } from './tex-names.js';

function texName(name: string): string {
  if (GREEK_LETTERS.has(name)) return `\\${name}`;
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
            const base =
              x.left.kind === 'call' || precOf(x.left, false) < PREC.atom || (x.left.kind === 'num' && x.left.value.den !== 1n)
                ? `\\left(${tex(x.left)}\\right)`
                : tex(x.left);
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
  return texFromCas(
    ast,
    casCall((cas) => cas.convertToLaTeX(src), { timeoutMs: options.timeoutMs }),
  );
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
