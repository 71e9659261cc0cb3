/**
 * An exact identity decision for formulas read from TeX that also covers abs, sqrt and log (the
 * parser tests compare the claims' printed TeX with the paper's own math with it).
 */
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

export const show = (a: Ast): string => astToString(a);
