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
  /**
   * Where: "proofs/file.ts: printedFormula of <id>", "proofs/file.ts: NAME[i].printedFormula of <id>"
   * (a branch of a piecewise claim), "proofs/file.ts: NAME[i] of <id>" (a list of printed forms) or
   * "proofs/file.ts: PRINTED.<key>".
   */
  readonly where: string;
  readonly formula: string;
  /** For a copy inside an array: its index (the piece of a `cases`, or the form of an equality chain). */
  readonly index?: number;
  /** A printed relation symbol (e.g. '>') rather than a formula. */
  readonly relation?: boolean;
}

/** The array constant `const NAME_PRINTED … = [` whose (unclosed) body contains the offset `at`, if any. */
function enclosingArray(src: string, at: number): { name: string; start: number } | undefined {
  const decl = [...src.slice(0, at).matchAll(/\bconst\s+(\w+_PRINTED)\b[^=\n]*=\s*\[/g)].pop();
  if (!decl) return undefined;
  const open = decl.index + decl[0].length;
  return /\n\];?/.test(src.slice(open, at)) ? undefined : { name: decl[1], start: open };
}

/** The id of the claim an array constant is handed to: `f(NAME)`, then the first `id:` in `function f`. */
function claimIdOfArgument(src: string, file: string, name: string): string {
  const call = new RegExp(`\\b(\\w+)\\(\\s*${name}\\s*\\)`).exec(src);
  const fn = call && src.indexOf(`function ${call[1]}(`);
  const id = fn !== null && fn !== undefined && fn >= 0 ? /\bid:\s*'([^']*)'/.exec(src.slice(fn))?.[1] : undefined;
  if (id === undefined) throw new Error(`proofs/${file}: ${name} is not handed to a claim function (f(${name}) with an id)`);
  return id;
}

/** The plain-infix transcriptions of printed formulas still in proofs/ (printedFormula, printedThreshold, *_PRINTED, PRINTED). */
export function infixCopiesInProofs(): { copies: InfixCopy[]; mentions: number } {
  const dir = fileURLToPath(new URL('../../proofs/', import.meta.url));
  const copies: InfixCopy[] = [];
  let mentions = 0;
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const src = readFileSync(dir + file, 'utf8');
    mentions += (src.match(/\b(printedFormula|printedThreshold)\s*:\s*'/g) ?? []).length;
    for (const m of src.matchAll(/\b(printedFormula|printedThreshold)\s*:\s*'([^']*)'/g)) {
      const arr = enclosingArray(src, m.index);
      if (arr) {
        // a branch of a printed `cases`, e.g. EQ11_PRINTED = [{ printedFormula: '…', lo, hi }, …]
        const index = (src.slice(arr.start, m.index).match(/\b(printedFormula|printedThreshold)\s*:/g) ?? []).length;
        copies.push({ where: `proofs/${file}: ${arr.name}[${index}].${m[1]} of ${claimIdOfArgument(src, file, arr.name)}`, formula: m[2], index });
        continue;
      }
      const before = src.slice(0, m.index);
      const id = [...before.matchAll(/\bid:\s*'([^']*)'/g)].pop()?.[1] ?? '?';
      copies.push({ where: `proofs/${file}: ${m[1]} of ${id}`, formula: m[2] });
    }
    // lists of printed forms: export const EQ8_PRINTED: readonly string[] = ['…', '…'];
    for (const b of src.matchAll(/\bconst\s+(\w+_PRINTED)\s*:\s*readonly string\[\]\s*=\s*\[([^\]]*)\]/g)) {
      const id = claimIdOfArgument(src, file, b[1]);
      [...b[2].matchAll(/'([^']*)'/g)].forEach((f, index) => {
        mentions++;
        copies.push({ where: `proofs/${file}: ${b[1]}[${index}] of ${id}`, formula: f[1], index });
      });
    }
    const block = /export const PRINTED\s*=\s*\{([\s\S]*?)\n\}/.exec(src);
    if (block) {
      for (const m of block[1].matchAll(/^\s*(\w+):\s*'([^']*)'/gm)) {
        mentions++;
        copies.push({ where: `proofs/${file}: PRINTED.${m[1]}`, formula: m[2], relation: /^(<|>|<=|>=|=)$/.test(m[2]) });
      }
    }
  }
  return { copies, mentions };
}

export const show = (a: Ast): string => astToString(a);
