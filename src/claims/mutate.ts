/**
 * Mutants of a printed TeX statement, for mutation tests of the claim engine: the TeX is parsed
 * into its tree (parseTeX), one site is changed the way a misprint would change it, and the tree is
 * written back as TeX, so a mutant is a claim's `printed` text like any other. The changes: a
 * constant (n → n + 1; an exponent or a case bound when it stands there), a sign (+ ↔ −, a minus
 * dropped), cosh ↔ sinh, a dropped factor or divisor, a reversed inequality (< ↔ >, ≤ ↔ ≥), and two
 * cases of a `cases` block exchanged. Subscripts (names such as C_{l_1}, p_{k+1}) are not mutated.
 */
import { radd, rationalToString, type Rational } from '../numeric/rational.js';
import { parseTeX, type RelOp, type TexNode } from '../symbolic/tex-parse.js';
import { SYMBOL_COMMANDS } from '../symbolic/tex-names.js';

export type MutationKind = 'constant' | 'exponent' | 'case-bound' | 'sign' | 'cosh-sinh' | 'dropped-factor' | 'inequality' | 'swapped-cases';

export interface TexMutant {
  kind: MutationKind;
  /** What changed, e.g. "3 → 4" or "cosh → sinh". */
  change: string;
  /** The whole statement with the change, as TeX. */
  tex: string;
}

const REL_TEX: Readonly<Record<RelOp, string>> = {
  '=': '=',
  '<': '<',
  '>': '>',
  '<=': '\\leq',
  '>=': '\\geq',
  '!=': '\\neq',
  '->': '\\to',
  '~': '\\sim',
  '≈': '\\approx',
  '<=>': '\\iff',
  '=>': '\\Rightarrow',
  in: '\\in',
  '≡': '\\equiv',
};
const DECORATION_TEX: Readonly<Record<string, string>> = {
  down: '\\downarrow',
  up: '\\uparrow',
  dag: '\\dagger',
  ast: '*',
  prime: '\\prime',
  p: '+',
  m: '-',
  T: 'T',
};

const numTeX = (q: Rational): string => (q.den === 1n ? rationalToString(q) : `\\frac{${q.num}}{${q.den}}`);

const symTeX = (n: Extract<TexNode, { kind: 'sym' }>): string => {
  const base = SYMBOL_COMMANDS.has(n.base) ? `\\${n.base}` : n.base === 'nbar' ? '\\bar{n}' : n.base.length > 1 ? `\\mathrm{${n.base}}` : n.base;
  const sub = n.sub === null ? '' : n.sub.kind === 'text' && /^[+-]$/.test(n.sub.text) ? `_${n.sub.text}` : `_{${texOfNode(n.sub)}}`;
  const dec = n.decoration === null ? '' : `^{${DECORATION_TEX[n.decoration] ?? n.decoration}}`;
  return `${base}${sub}${dec}`;
};

/** A node as TeX that parses back to the same tree (grouping made explicit with \left( \right)). */
export function texOfNode(n: TexNode): string {
  const group = (x: TexNode): string => (x.kind === 'num' || x.kind === 'sym' ? texOfNode(x) : `\\left(${texOfNode(x)}\\right)`);
  switch (n.kind) {
    case 'num':
      return n.text;
    case 'sym':
      return symTeX(n);
    case 'neg':
      return `-${group(n.arg)}`;
    case 'op':
      if (n.op === '/') return `\\frac{${texOfNode(n.left)}}{${texOfNode(n.right)}}`;
      if (n.op === '^') return `${group(n.left)}^{${texOfNode(n.right)}}`;
      return `${group(n.left)} ${n.op === '*' ? '\\cdot' : n.op === '±' ? '\\pm' : n.op} ${group(n.right)}`;
    case 'fn':
      if (n.fn === 'exp') return `e^{${texOfNode(n.arg)}}`;
      if (n.fn === 'sqrt') return `\\sqrt{${texOfNode(n.arg)}}`;
      if (n.fn === 'abs') return `\\left|${texOfNode(n.arg)}\\right|`;
      return `\\${n.fn}\\left(${texOfNode(n.arg)}\\right)`;
    case 'apply':
      return `${texOfNode(n.head)}\\left(${n.args.map(texOfNode).join(', ')}\\right)`;
    case 'sum': {
      const sub = n.condition ? texOfNode(n.condition) : n.lower ? `${n.indices.join(',')}=${texOfNode(n.lower)}` : n.indices.join(',');
      return `\\${n.op}_{${sub}}${n.upper ? `^{${texOfNode(n.upper)}}` : ''} \\left(${texOfNode(n.body)}\\right)`;
    }
    case 'limit':
      return `\\${n.op}${n.sub ? `_{${texOfNode(n.sub)}}` : ''} ${group(n.body)}`;
    case 'rel':
      return n.items.map((x, i) => (i === 0 ? '' : ` ${REL_TEX[n.ops[i - 1]]} `) + texOfNode(x)).join('');
    case 'list': {
      const inner = n.items.map(texOfNode).join(', ');
      const body = n.bracket === '{' ? `\\left\\{ ${inner} \\right\\}` : n.bracket === '[' ? `[${inner}]` : `\\left(${inner}\\right)`;
      return n.transpose ? `${body}^T` : body;
    }
    case 'cases':
      return `\\begin{cases} ${n.rows.map((r) => `${texOfNode(r.value)}${r.condition ? ` & ${texOfNode(r.condition)}` : ''}`).join(' \\\\ ')} \\end{cases}`;
    case 'matrix':
      return `\\begin{${n.env}} ${n.rows.map((r) => r.map(texOfNode).join(' & ')).join(' \\\\ ')} \\end{${n.env}}`;
    case 'ket':
      return `|${n.label}\\rangle`;
    case 'bra':
      return `\\langle ${n.label}|`;
    case 'braket':
      return `\\langle ${n.left}|${n.op ? `${texOfNode(n.op)}|` : ''}${n.right}\\rangle`;
    case 'text':
      return n.text === '' ? '' : `\\text{${n.text}}`;
    case 'dots':
      return '\\dots';
    case 'underbrace':
      return `\\underbrace{${texOfNode(n.body)}}_{${texOfNode(n.label)}}`;
    case 'seq':
      return n.items.map(texOfNode).join(' \\quad ');
  }
}

/** A parsed statement written back as TeX (its equation number dropped). */
export const texOf = (src: string): string => texOfNode(parseTeX(src).body);

const REVERSED: Partial<Record<RelOp, RelOp>> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=' };
const ONE: Rational = { num: 1n, den: 1n };

/** Every single-site mutant of a printed TeX statement (duplicates by resulting text removed). */
export function texMutants(src: string): TexMutant[] {
  const root = parseTeX(src).body;
  const out: TexMutant[] = [];
  const seen = new Set<string>([texOfNode(root)]);
  type Ctx = { exponent: boolean; bound: boolean };
  let where: Ctx = { exponent: false, bound: false };
  const push = (kind: MutationKind, change: string, tree: TexNode) => {
    const tex = texOfNode(tree);
    if (seen.has(tex)) return;
    seen.add(tex);
    // any change inside a case's condition moves the case's bound
    out.push({ kind: where.bound && kind !== 'inequality' ? 'case-bound' : kind, change, tex });
  };
  // replace(node) gives the whole tree with this node replaced
  const walk = (n: TexNode, replace: (x: TexNode) => TexNode, ctx: Ctx): void => {
    where = ctx;
    switch (n.kind) {
      case 'num': {
        const v = radd(n.value, ONE);
        const kind: MutationKind = ctx.bound ? 'case-bound' : ctx.exponent ? 'exponent' : 'constant';
        push(kind, `${n.text} → ${numTeX(v)}`, replace({ kind: 'num', value: v, text: numTeX(v), col: n.col }));
        return;
      }
      case 'neg':
        push('sign', `−(${texOfNode(n.arg)}) → ${texOfNode(n.arg)}`, replace(n.arg));
        walk(n.arg, (x) => replace({ ...n, arg: x }), ctx);
        return;
      case 'fn':
        if (n.fn === 'cosh' || n.fn === 'sinh')
          push('cosh-sinh', `${n.fn} → ${n.fn === 'cosh' ? 'sinh' : 'cosh'}`, replace({ ...n, fn: n.fn === 'cosh' ? 'sinh' : 'cosh' }));
        walk(n.arg, (x) => replace({ ...n, arg: x }), { ...ctx, exponent: ctx.exponent || n.fn === 'exp' });
        return;
      case 'op': {
        if (n.op === '+' || n.op === '-') push('sign', `${n.op} → ${n.op === '+' ? '−' : '+'}`, replace({ ...n, op: n.op === '+' ? '-' : '+' }));
        if (n.op === '*') {
          push('dropped-factor', `dropped ${texOfNode(n.left)}`, replace(n.right));
          push('dropped-factor', `dropped ${texOfNode(n.right)}`, replace(n.left));
        }
        if (n.op === '/') push('dropped-factor', `dropped the divisor ${texOfNode(n.right)}`, replace(n.left));
        walk(n.left, (x) => replace({ ...n, left: x }), ctx);
        walk(n.right, (x) => replace({ ...n, right: x }), { ...ctx, exponent: ctx.exponent || n.op === '^' });
        return;
      }
      case 'sum':
        // the bounds of a printed sum are constants of the statement too
        if (n.lower) walk(n.lower, (x) => replace({ ...n, lower: x }), ctx);
        if (n.upper) walk(n.upper, (x) => replace({ ...n, upper: x }), ctx);
        walk(n.body, (x) => replace({ ...n, body: x }), ctx);
        return;
      case 'apply':
        n.args.forEach((a, i) => walk(a, (x) => replace({ ...n, args: n.args.map((b, j) => (j === i ? x : b)) }), ctx));
        return;
      case 'limit':
        walk(n.body, (x) => replace({ ...n, body: x }), ctx);
        return;
      case 'rel':
        n.ops.forEach((op, i) => {
          const r = REVERSED[op];
          if (r) push('inequality', `${op} → ${r}`, replace({ ...n, ops: n.ops.map((o, j) => (j === i ? r : o)) }));
        });
        n.items.forEach((a, i) => walk(a, (x) => replace({ ...n, items: n.items.map((b, j) => (j === i ? x : b)) }), ctx));
        return;
      case 'list':
        n.items.forEach((a, i) => walk(a, (x) => replace({ ...n, items: n.items.map((b, j) => (j === i ? x : b)) }), ctx));
        return;
      case 'cases': {
        const rows = n.rows;
        rows.forEach((row, i) => {
          walk(row.value, (x) => replace({ ...n, rows: rows.map((r, j) => (j === i ? { ...r, value: x } : r)) }), ctx);
          if (row.condition)
            walk(row.condition, (x) => replace({ ...n, rows: rows.map((r, j) => (j === i ? { ...r, condition: x } : r)) }), { ...ctx, bound: true });
        });
        where = ctx;
        for (let i = 0; i < rows.length; i++)
          for (let j = i + 1; j < rows.length; j++)
            if (rows[i].value.kind !== 'text' && rows[j].value.kind !== 'text' && texOfNode(rows[i].value) !== texOfNode(rows[j].value))
              push(
                'swapped-cases',
                `cases ${i + 1} and ${j + 1} exchanged`,
                replace({ ...n, rows: rows.map((r, k) => (k === i ? { ...r, value: rows[j].value } : k === j ? { ...r, value: rows[i].value } : r)) }),
              );
        return;
      }
      case 'seq':
        n.items.forEach((a, i) => walk(a, (x) => replace({ ...n, items: n.items.map((b, j) => (j === i ? x : b)) }), ctx));
        return;
      default:
        // symbols (their subscripts are names), text, kets, dots: nothing a misprint of a value changes
        return;
    }
  };
  walk(root, (x) => x, { exponent: false, bound: false });
  return out;
}
