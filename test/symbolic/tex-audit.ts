/**
 * Helpers for comparing formulas read from the printed TeX with plain-infix copies: an exact
 * identity decision that also covers abs, sqrt and log, and the collection of the infix copies
 * that proofs/ still carries.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { astToString, call, type Ast } from '../../src/symbolic/expr.js';
import { fromAst, identical, type RatFunc } from '../../src/symbolic/ratfunc.js';

/**
 * a ≡ b exactly: every abs/sqrt/log call is replaced by a fresh variable, the same variable for
 * calls of the same function whose arguments are identical rational functions (recursively), and
 * the results are compared as rational functions in y = e^{−βω}. 'identical' is a proof; 'different'
 * means different after this abstraction (the caller may probe numerically); 'not-rational' if a
 * part stays non-rational (e.g. a symbolic exponent).
 */
export function sameFormula(a: Ast, b: Ast, definitions: Readonly<Record<string, string>> = {}): 'identical' | 'different' | 'not-rational' {
  const seen: { fn: string; arg: RatFunc; name: string }[] = [];
  const abstract = (x: Ast): Ast | null => {
    switch (x.kind) {
      case 'num':
      case 'var':
        return x;
      case 'neg': {
        const g = abstract(x.arg);
        return g && { kind: 'neg', arg: g };
      }
      case 'bin': {
        const l = abstract(x.left);
        const r = abstract(x.right);
        return l && r && { ...x, left: l, right: r };
      }
      case 'call': {
        const inner = abstract(x.arg);
        if (!inner) return null;
        if (x.fn === 'exp' || x.fn === 'cosh' || x.fn === 'sinh') return call(x.fn, inner);
        const r = fromAst(inner, { definitions });
        if (!r.ok) return null;
        const hit = seen.find((s) => s.fn === x.fn && identical(s.arg, r.value).identical);
        if (hit) return { kind: 'var', name: hit.name };
        const name = `${x.fn}_of_${seen.length}`;
        seen.push({ fn: x.fn, arg: r.value, name });
        return { kind: 'var', name };
      }
    }
  };
  const A = abstract(a);
  const B = abstract(b);
  if (!A || !B) return 'not-rational';
  const ra = fromAst(A, { definitions });
  const rb = fromAst(B, { definitions });
  if (!ra.ok || !rb.ok) return 'not-rational';
  return identical(ra.value, rb.value).identical ? 'identical' : 'different';
}

export interface InfixCopy {
  /** Where: "proofs/file.ts: printedFormula of <id>" or "proofs/file.ts: PRINTED.<key>". */
  readonly where: string;
  readonly formula: string;
}

/** The plain-infix transcriptions of printed formulas still in proofs/ (printedFormula, printedThreshold, PRINTED). */
export function infixCopiesInProofs(): { copies: InfixCopy[]; mentions: number } {
  const dir = fileURLToPath(new URL('../../proofs/', import.meta.url));
  const copies: InfixCopy[] = [];
  let mentions = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
    const src = readFileSync(dir + file, 'utf8');
    mentions += (src.match(/\b(printedFormula|printedThreshold)\s*:\s*'/g) ?? []).length;
    for (const m of src.matchAll(/\b(printedFormula|printedThreshold)\s*:\s*'([^']*)'/g)) {
      const before = src.slice(0, m.index);
      const id = [...before.matchAll(/\bid:\s*'([^']*)'/g)].pop()?.[1] ?? '?';
      copies.push({ where: `proofs/${file}: ${m[1]} of ${id}`, formula: m[2] });
    }
    const block = /export const PRINTED\s*=\s*\{([\s\S]*?)\n\}/.exec(src);
    if (block) {
      for (const m of block[1].matchAll(/^\s*(\w+):\s*'([^']*)'/gm)) {
        mentions++;
        copies.push({ where: `proofs/${file}: PRINTED.${m[1]}`, formula: m[2] });
      }
    }
  }
  return { copies, mentions };
}

export const show = (a: Ast): string => astToString(a);
