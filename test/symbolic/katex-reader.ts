/**
 * A second, independent reader of the paper's TeX for tests: KaTeX's own parser (katex.__parse)
 * groups the TeX, and this file evaluates the scalar segments of its tree in float64. It shares no
 * code with src/symbolic/tex-parse.ts (only the naming rule for subscripted variables, restated
 * here), so agreement of the two readings checks our parser against another reading of the same text.
 *
 * `katexSegments(tex)` splits the statement at relations, punctuation, spacing and text (and
 * descends into cases/arrays and sets) and returns each segment as a function of the variables,
 * or null when the segment is not a scalar this reader understands (kets, sums, ellipses …).
 */
import katex from 'katex';

type KNode = { type: string; [k: string]: unknown };
type Env = Readonly<Record<string, number>>;
export type Value = (env: Env) => number;

class Unsupported extends Error {}

/** Names that denote functions before parentheses (the paper's Z_+(β), C_{l_1}(ρ), 𝓦(…)): such a segment is not a scalar product. */
const FUNCTION_HEADS = new Set(['W', 'L', 'D', 'C_l1', 'Z', 'Z_p', 'rho', 'rho_ss', 'rho_0', 'Tr', 'diag', 'C', 'D_m', 'D_p']);

const LOGICAL = new Set(['\\forall', '\\exists', '\\lor', '\\land', '\\lnot', '\\neg', '\\vee', '\\wedge']);
const GREEK = /^\\([A-Za-z]+)$/;
const FUNCTIONS: Readonly<Record<string, (x: number) => number>> = {
  '\\cosh': Math.cosh,
  '\\sinh': Math.sinh,
  '\\exp': Math.exp,
  '\\log': Math.log,
  '\\ln': Math.log,
};

/** The flattened name of a subscript: letters and digits kept, + → p, − → m (the parser's rule). */
function subName(n: KNode | undefined): string {
  if (!n) return '';
  switch (n.type) {
    case 'ordgroup':
      return (n.body as KNode[]).map(subName).join('');
    case 'mathord':
    case 'textord': {
      const t = n.text as string;
      const g = GREEK.exec(t);
      return g ? g[1] : t;
    }
    case 'supsub':
      if (n.sup) throw new Unsupported('superscript in a subscript');
      return subName(n.base as KNode) + subName(n.sub as KNode);
    case 'atom':
      if (n.text === '+') return 'p';
      if (n.text === '-') return 'm';
      throw new Unsupported(`atom ${String(n.text)} in a subscript`);
    default:
      throw new Unsupported(`${n.type} in a subscript`);
  }
}

function variableName(base: KNode, sub?: KNode): string {
  let name: string;
  if (base.type === 'mathord' || base.type === 'textord') {
    const t = base.text as string;
    const g = GREEK.exec(t);
    name = g ? g[1] : t;
  } else if (base.type === 'font' && (base.body as KNode).type === 'mathord') name = (base.body as KNode).text as string;
  else if (base.type === 'accent' && base.label === '\\bar') name = `${variableName(base.base as KNode)}bar`;
  else throw new Unsupported(`variable ${base.type}`);
  // e, i and π are constants, not variables (as in the expression language)
  if (!/^[A-Za-z]+$/.test(name) || name === 'infty' || name === 'e' || name === 'i' || name === 'pi') throw new Unsupported(`symbol ${name}`);
  return sub ? `${name}_${subName(sub)}` : name;
}

/** One scalar expression from a flat list of KaTeX nodes (binary + −, products, / and powers). */
function readList(nodes: readonly KNode[]): Value {
  // tokens: numbers merged from digits; brackets by atoms open/close
  let i = 0;
  const flat = nodes.filter((n) => !(n.type === 'spacing' || n.type === 'kern'));
  const peek = (): KNode | undefined => flat[i];
  const isBin = (n: KNode | undefined, t: string): boolean => !!n && n.type === 'atom' && n.family === 'bin' && n.text === t;
  const isSlash = (n: KNode | undefined): boolean => !!n && n.type === 'textord' && n.text === '/';
  const isClose = (n: KNode | undefined): boolean => !!n && n.type === 'atom' && n.family === 'close';
  const isBar = (n: KNode | undefined): boolean => !!n && n.type === 'textord' && n.text === '|';

  const sum = (): Value => {
    let sign = 1;
    if (isBin(peek(), '-')) {
      i++;
      sign = -1;
    } else if (isBin(peek(), '+')) i++;
    const first = product();
    let acc: Value = sign < 0 ? (e) => -first(e) : first;
    for (;;) {
      if (isBin(peek(), '+') || isBin(peek(), '-')) {
        const minus = isBin(peek(), '-');
        i++;
        const r = product();
        const l = acc;
        acc = minus ? (e) => l(e) - r(e) : (e) => l(e) + r(e);
        continue;
      }
      return acc;
    }
  };
  const closesWithPower = (n: KNode | undefined): boolean => !!n && n.type === 'supsub' && isClose(n.base as KNode);
  const startsFactor = (n: KNode | undefined): boolean =>
    !!n &&
    !isClose(n) &&
    !closesWithPower(n) &&
    !(n.type === 'atom' && (n.family === 'bin' || n.family === 'rel' || n.family === 'punct')) &&
    !isSlash(n) &&
    !isBar(n);
  const product = (): Value => {
    let acc = factor();
    for (;;) {
      const n = peek();
      if (isSlash(n) || isBin(n, '\\cdot') || isBin(n, '\\times')) {
        i++;
        const r = factor();
        const l = acc;
        acc = isSlash(n) ? (e) => l(e) / r(e) : (e) => l(e) * r(e);
        continue;
      }
      if (startsFactor(n)) {
        if (n?.type === 'atom' && n.family === 'open' && lastVariable !== undefined && FUNCTION_HEADS.has(lastVariable))
          throw new Unsupported(`${lastVariable}(…) is a function`);
        const r = factor();
        const l = acc;
        acc = (e) => l(e) * r(e);
        continue;
      }
      return acc;
    }
  };
  const factor = (): Value => {
    const n = flat[i++];
    lastVariable = undefined;
    if (!n) throw new Unsupported('missing operand');
    // digits (and a decimal point) form one number
    if (n.type === 'textord' && /^[0-9]$/.test(n.text as string)) {
      let text = n.text as string;
      while (peek()?.type === 'textord' && /^[0-9.]$/.test(peek()!.text as string)) text += flat[i++].text as string;
      // 10^5: KaTeX attaches the superscript to the last digit only
      const nx = peek();
      if (nx?.type === 'supsub' && !nx.sub && (nx.base as KNode).type === 'textord' && /^[0-9]$/.test((nx.base as KNode).text as string)) {
        i++;
        const base = Number(text + ((nx.base as KNode).text as string));
        const p = node(nx.sup as KNode);
        return (e) => base ** p(e);
      }
      const v = Number(text);
      return () => v;
    }
    if (n.type === 'op' && typeof n.name === 'string' && FUNCTIONS[n.name]) {
      const f = FUNCTIONS[n.name];
      const arg = factor();
      return (e) => f(arg(e));
    }
    if (n.type === 'atom' && n.family === 'open' && (n.text === '(' || n.text === '[')) {
      const inner = sum();
      const c = flat[i++];
      // (…)^k: KaTeX attaches the superscript to the closing bracket
      if (c && c.type === 'supsub' && isClose(c.base as KNode) && c.sup && !c.sub) {
        const p = node(c.sup as KNode);
        return (e) => inner(e) ** p(e);
      }
      if (!isClose(c)) throw new Unsupported('unclosed bracket');
      return inner;
    }
    if (isBar(n)) {
      const inner = sum();
      if (!isBar(flat[i++])) throw new Unsupported('unclosed |');
      return (e) => Math.abs(inner(e));
    }
    if (n.type === 'mathord' || n.type === 'font' || (n.type === 'supsub' && !(n.sup as KNode | undefined))) {
      try {
        lastVariable = n.type === 'supsub' ? variableName(n.base as KNode, n.sub as KNode) : variableName(n);
      } catch {
        lastVariable = undefined;
      }
    }
    if (n.type === 'supsub' && (n.sup as KNode | undefined) && (n.base as KNode).type !== 'op') {
      try {
        lastVariable = variableName(n.base as KNode, n.sub as KNode | undefined);
      } catch {
        lastVariable = undefined;
      }
    }
    return node(n);
  };
  let lastVariable: string | undefined;
  const v = sum();
  if (i !== flat.length) throw new Unsupported(`left over: ${flat[i].type} ${String(flat[i].text ?? '')}`);
  return v;
}

/** A single KaTeX node as a value. */
function node(n: KNode): Value {
  switch (n.type) {
    case 'ordgroup':
      return readList(n.body as KNode[]);
    case 'styling':
      return readList(n.body as KNode[]);
    case 'genfrac': {
      if (!n.hasBarLine) throw new Unsupported('binomial');
      const a = node(n.numer as KNode);
      const b = node(n.denom as KNode);
      return (e) => a(e) / b(e);
    }
    case 'sqrt': {
      if (n.index) throw new Unsupported('n-th root');
      const a = node(n.body as KNode);
      return (e) => Math.sqrt(a(e));
    }
    case 'leftright': {
      const body = readList(n.body as KNode[]);
      if (n.left === '(' || n.left === '[') return body;
      if (n.left === '|' || n.left === '\\vert') return (e) => Math.abs(body(e));
      throw new Unsupported(`\\left${String(n.left)}`);
    }
    case 'supsub': {
      const base = n.base as KNode;
      const sup = n.sup as KNode | undefined;
      if (base.type === 'mathord' && base.text === 'e' && sup && !n.sub) {
        const x = node(sup);
        return (e) => Math.exp(x(e));
      }
      if (base.type === 'op') throw new Unsupported(`${String(base.name)} with limits`);
      const b: Value = n.sub ? variable(variableName(base, n.sub as KNode)) : node(base);
      if (!sup) return b;
      if (sup.type === 'atom' || (sup.type === 'mathord' && sup.text === 'T')) throw new Unsupported('decoration');
      const p = node(sup);
      return (e) => b(e) ** p(e);
    }
    case 'mathord':
    case 'font':
    case 'accent':
      if (n.type === 'mathord' && n.text === 'e') throw new Unsupported('bare e');
      return variable(variableName(n));
    case 'textord':
      if (/^[0-9]$/.test(n.text as string)) {
        const v = Number(n.text);
        return () => v;
      }
      if (GREEK.test(n.text as string)) return variable(variableName(n)); // \hbar
      throw new Unsupported(`textord ${String(n.text)}`);
    default:
      throw new Unsupported(n.type);
  }
}

function variable(name: string): Value {
  return (e) => {
    if (!(name in e)) throw new Unsupported(`no value for ${name}`);
    return e[name];
  };
}

/** The node list of an array cell (a styling node around an ordgroup). */
function cellBody(cell: KNode): KNode[] {
  if (cell.type === 'styling' && (cell.body as KNode[]).length === 1 && (cell.body as KNode[])[0].type === 'ordgroup')
    return ((cell.body as KNode[])[0].body as KNode[]) ?? [];
  return [cell];
}

/** Split a list at relations, punctuation, spacing and text; descend into cases, arrays and sets. */
function segments(nodes: readonly KNode[]): KNode[][] {
  const out: KNode[][] = [];
  let cur: KNode[] = [];
  const flush = (): void => {
    if (cur.length) out.push(cur);
    cur = [];
  };
  for (let k = 0; k < nodes.length; k++) {
    const n = nodes[k];
    // a ket |…⟩ is one non-scalar item (its label may contain commas)
    if (n.type === 'textord' && n.text === '|') {
      const isRangle = (m: KNode): boolean => (m.type === 'atom' && m.text === '\\rangle') || (m.type === 'supsub' && isRangle(m.base as KNode));
      const close = nodes.findIndex((m, j) => j > k && isRangle(m));
      const bar = nodes.findIndex((m, j) => j > k && m.type === 'textord' && m.text === '|');
      if (close > k && (bar < 0 || close < bar)) {
        cur.push({ type: 'ket' });
        k = close;
        continue;
      }
    }
    // \quad and "\ " separate items; thin spaces (\, in mu) do not
    const wide =
      (n.type === 'kern' && (n.dimension as { unit?: string } | undefined)?.unit === 'em') || (n.type === 'spacing' && /quad|\\ /.test(String(n.text)));
    // logical words (∀, ∃, ∨, ∧, ¬) join statements, as text does
    const logical = (n.type === 'textord' || n.type === 'atom') && LOGICAL.has(String(n.text));
    const splits = (n.type === 'atom' && (n.family === 'rel' || n.family === 'punct')) || n.type === 'text' || wide || logical;
    if (splits) {
      flush();
      continue;
    }
    // a full stop ends a sentence (a decimal point sits between digits and is kept)
    const digit = (m: KNode | undefined): boolean => !!m && m.type === 'textord' && /^[0-9]$/.test(m.text as string);
    if (n.type === 'textord' && n.text === '.' && !(digit(nodes[k - 1]) && digit(nodes[k + 1]))) {
      flush();
      continue;
    }
    // aligned and other arrays: each cell on its own
    if (n.type === 'array') {
      flush();
      for (const row of n.body as KNode[][]) for (const cell of row) out.push(...segments(cellBody(cell)));
      continue;
    }
    if (n.type === 'leftright' && (n.left === '\\{' || n.left === '\\lbrace')) {
      flush();
      const body = n.body as KNode[];
      if (body.length === 1 && body[0].type === 'array')
        for (const row of body[0].body as KNode[][]) for (const cell of row) out.push(...segments(cellBody(cell)));
      else out.push(...segments(body));
      continue;
    }
    cur.push(n);
  }
  flush();
  return out;
}

/** The scalar segments of a statement as KaTeX reads it (null for a segment this reader cannot read). */
export function katexSegments(tex: string): (Value | null)[] {
  // __parse is KaTeX's parser entry (exported, not in its type declarations)
  const parseTree = (katex as unknown as { __parse: (t: string, o: object) => unknown }).__parse;
  const tree = parseTree(tex, { strict: 'ignore', displayMode: true }) as KNode[];
  const segs = segments(tree);
  // a trailing equation number "(8)" or "(\text{A1})" is a label, not a formula
  const last = segs[segs.length - 1];
  if (
    last &&
    last.length >= 3 &&
    last[0].type === 'atom' &&
    last[0].text === '(' &&
    last[last.length - 1].type === 'atom' &&
    last[last.length - 1].text === ')' &&
    last.slice(1, -1).every((n) => n.type === 'textord' && /^[0-9]$/.test(n.text as string))
  )
    segs.pop();
  return segs.map((seg) => {
    try {
      return readList(seg);
    } catch (e) {
      if (e instanceof Unsupported) return null;
      throw e;
    }
  });
}
