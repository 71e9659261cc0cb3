/**
 * A parser for the TeX the paper prints, so that each formula is transcribed once (as printed)
 * and both displayed and checked from that one text.
 *
 * Two levels:
 *   `parseTeX(src)`            — the whole printed statement as a tree (`TexNode`): expressions,
 *                                relation chains, piecewise `cases`, sums with bounds, sets and
 *                                vectors, kets and bras, text, matrices; never loses structure.
 *   `parsePrintedFormula(src)` — the scalar reading of a printed formula as `Ast`s of expr.ts (so
 *                                `evaluate`, `toTeX` and `fromAst` apply): the quantity the
 *                                left-hand side names, the equal forms, the pieces of a `cases`
 *                                with their conditions, and the conditions after `\quad` or
 *                                `\text{when}`, each relation split into `Inequality`s.
 *   `texToAst(src)`            — one scalar expression (no relation) as an `Ast`.
 *   `printedEquations(src)`    — every `name = …` item with scalar sides (e.g. a printed definition d_k = …).
 *   `scalarParts(src)`         — every maximal scalar subexpression (to find what a formula transcribes).
 *   `lowerTeX(node)`, `relationToInequalities(node)` — the lowering itself, for a node of the tree.
 *
 * Notation read: numbers, single Latin letters (TeX reads `kp` as k·p), Greek letters, `\bar n`,
 * `\mathcal{W}`, `\mathrm{Tr}`, sub- and superscripts, `\frac \tfrac \dfrac`, `\sqrt`, `\exp`,
 * `e^{…}`, `\cosh \sinh \log \ln`, `\left( \right)`, `\left[ \right]` and bare ( ) [ ] as
 * parentheses, `\left| \right|` and `| |` as absolute values, implicit multiplication, `\cdot`,
 * `\times`, `\pm`, relations (= < > \leq \geq \neq \to \sim \approx \iff \Rightarrow \in), logical
 * words (\forall \exists \lor \land \lnot, read as text items) and a bracketed statement [… ; …],
 * `\sum`/`\lim`/`\sup` with sub- and superscripts, `\begin{cases|pmatrix|aligned}`, `\text{…}`,
 * `\dots`, `\underbrace`, kets `|a\rangle`, bras and brakets, a trailing equation number
 * `\quad (10)` or `\tag{B1}`.
 *
 * Variable names (the naming rule): a Latin letter is its own name (`c`, `r`, `N`); a Greek
 * letter is its command name (`\beta` → `beta`, `\varepsilon` → `varepsilon`); `\bar{n}` → `nbar`;
 * `\mathcal{W}` → `W`, `\mathrm{Tr}` → `Tr`. A subscript is appended after `_`, flattened: an
 * integer-valued subscript (after the sum index and `values` are substituted) becomes its digits
 * (`p_{k+1}` at k = 2 → `p_3`; a digit label with a leading zero keeps it, `p_{01}` → `p_01`), otherwise its letters and digits are kept and `+` → `p`, `-` → `m`,
 * nested subscripts and braces dropped (`C_{l_1}` → `C_l1`, `Z_+` → `Z_p`, `\rho_{ss}` → `rho_ss`,
 * `p_{N-1}` → `p_Nm1` while N is symbolic). These match the names of the expression language
 * (`beta`, `omega`, `nbar`), so printed TeX and our formulas meet in `fromAst`.
 *
 * Errors are `ParseError` (an InputError): one line naming the problem and its 1-based column.
 */
import { parseRational, type Rational } from '../numeric/rational.js';
import { bin, call, neg, num, ParseError, RESERVED_NAMES, FUNCTIONS, type Ast, type FunctionName } from './expr.js';
import { SYMBOL_COMMANDS } from './tex-names.js';

// ---------------------------------------------------------------------------------------------
// Tree.

export type RelOp = '=' | '<' | '>' | '<=' | '>=' | '!=' | '->' | '~' | '≈' | '<=>' | '=>' | 'in' | '≡';
export type ArithOp = '+' | '-' | '*' | '/' | '^' | '±';

export type TexNode =
  | { readonly kind: 'num'; readonly value: Rational; readonly text: string; readonly col: number }
  /** A symbol: `base` per the naming rule, an optional subscript (kept as a tree until lowering) and superscript decoration (σ^+, r^↓). */
  | { readonly kind: 'sym'; readonly base: string; readonly sub: TexNode | null; readonly decoration: string | null; readonly col: number }
  | { readonly kind: 'neg'; readonly arg: TexNode; readonly col: number }
  | { readonly kind: 'op'; readonly op: ArithOp; readonly left: TexNode; readonly right: TexNode; readonly col: number }
  | { readonly kind: 'fn'; readonly fn: FunctionName; readonly arg: TexNode; readonly col: number }
  /** A named function applied to arguments: Z_+(β), C_{l_1}(ρ_ss), \mathcal{W}(|ψ_1⟩), C(N, k). */
  | { readonly kind: 'apply'; readonly head: TexNode; readonly args: readonly TexNode[]; readonly col: number }
  /** \sum or \prod: index names and bounds from `_{k=1}^{N-1}`; `_{j,i}` or `_{i \neq j}` give names and a condition. */
  | {
      readonly kind: 'sum';
      readonly op: 'sum' | 'prod';
      readonly indices: readonly string[];
      readonly lower: TexNode | null;
      readonly upper: TexNode | null;
      readonly condition: TexNode | null;
      readonly body: TexNode;
      readonly col: number;
    }
  | { readonly kind: 'limit'; readonly op: 'lim' | 'sup' | 'inf' | 'max' | 'min'; readonly sub: TexNode | null; readonly body: TexNode; readonly col: number }
  | { readonly kind: 'rel'; readonly ops: readonly RelOp[]; readonly items: readonly TexNode[]; readonly col: number }
  /** A set \{…\}, a vector […] or a tuple (…) with commas; `transpose` for `[…]^T`. */
  | { readonly kind: 'list'; readonly bracket: '{' | '[' | '('; readonly items: readonly TexNode[]; readonly transpose: boolean; readonly col: number }
  | { readonly kind: 'cases'; readonly rows: readonly { readonly value: TexNode; readonly condition: TexNode | null }[]; readonly col: number }
  | { readonly kind: 'matrix'; readonly env: string; readonly rows: readonly (readonly TexNode[])[]; readonly col: number }
  | { readonly kind: 'ket' | 'bra'; readonly label: string; readonly col: number }
  /** ⟨a|b⟩ (op null) or ⟨a|B|b⟩. */
  | { readonly kind: 'braket'; readonly left: string; readonly op: TexNode | null; readonly right: string; readonly col: number }
  | { readonly kind: 'text'; readonly text: string; readonly col: number }
  | { readonly kind: 'dots'; readonly col: number }
  | { readonly kind: 'underbrace'; readonly body: TexNode; readonly label: TexNode; readonly col: number }
  /** A statement: items in order, separated by `,` `;` `:` `\quad` or text (kept as text items). */
  | { readonly kind: 'seq'; readonly items: readonly TexNode[]; readonly col: number };

export interface TexStatement {
  readonly source: string;
  /** The statement (a `seq` when it has several items). */
  readonly body: TexNode;
  /** A trailing equation number (`\quad (10)` → "10", `\tag{B1}` → "B1"), else null. */
  readonly label: string | null;
}

// ---------------------------------------------------------------------------------------------
// Lexer.

type Tok =
  | { t: 'cmd'; v: string; col: number } // \frac, \{, \\, \  (control space is "\\ ")
  | { t: 'num'; v: string; col: number }
  | { t: 'letter'; v: string; col: number }
  | { t: 'ch'; v: string; col: number }
  | { t: 'end'; v: ''; col: number };

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    const col = i + 1;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '\\') {
      const m = /^\\([A-Za-z]+)/.exec(src.slice(i));
      if (m) {
        out.push({ t: 'cmd', v: m[1], col });
        i += m[0].length;
        continue;
      }
      if (i + 1 >= src.length) throw new ParseError(`a lone backslash at column ${col}`, col);
      out.push({ t: 'cmd', v: src[i + 1] === '\n' ? ' ' : src[i + 1], col });
      i += 2;
      continue;
    }
    if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(?:\d+(?:\.\d+)?|\.\d+)/.exec(src.slice(i))!;
      out.push({ t: 'num', v: m[0], col });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      out.push({ t: 'letter', v: ch, col });
      i++;
      continue;
    }
    if ("+-*/^_()[]{}|,;:=<>&.!'".includes(ch)) {
      out.push({ t: 'ch', v: ch, col });
      i++;
      continue;
    }
    throw new ParseError(`unexpected character "${ch}" at column ${col}`, col);
  }
  out.push({ t: 'end', v: '', col: src.length + 1 });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary.

const FUNCTION_COMMANDS: Readonly<Record<string, FunctionName>> = { exp: 'exp', cosh: 'cosh', sinh: 'sinh', log: 'log', ln: 'log', sqrt: 'sqrt' };
const RELATIONS: Readonly<Record<string, RelOp>> = {
  '=': '=',
  '<': '<',
  '>': '>',
  leq: '<=',
  le: '<=',
  geq: '>=',
  ge: '>=',
  neq: '!=',
  ne: '!=',
  to: '->',
  rightarrow: '->',
  sim: '~',
  approx: '≈',
  iff: '<=>',
  Leftrightarrow: '<=>',
  Rightarrow: '=>',
  implies: '=>',
  in: 'in',
  equiv: '≡',
};
/** Spacing commands: separators between statement items, ignored inside expressions. */
const SPACES = new Set([' ', ',', ';', '!', 'quad', 'qquad', ':', '>']);
const THIN_SPACES = new Set([',', ';', '!', '>']);
const DOTS = new Set(['dots', 'ldots', 'cdots', 'vdots', 'ddots']);
const TEXT_COMMANDS = new Set(['text', 'textrm', 'mbox', 'textit']);
/** Logical words written as symbols between the items of a statement (kept as text items). */
const CONNECTIVES: Readonly<Record<string, string>> = {
  forall: 'for all',
  exists: 'there is',
  lor: 'or',
  vee: 'or',
  land: 'and',
  wedge: 'and',
  lnot: 'not',
  neg: 'not',
};
const DECORATIONS: Readonly<Record<string, string>> = {
  downarrow: 'down',
  uparrow: 'up',
  dagger: 'dag',
  ast: 'ast',
  prime: 'prime',
  '+': 'p',
  '-': 'm',
  '*': 'ast',
  T: 'T',
};
/** Symbols read as functions when directly followed by parentheses: Z_+(β), C_{l_1}(ρ), \mathcal{W}(…), C(N, k); any other symbol before ( … ) is a factor. */
export const DEFAULT_FUNCTION_HEADS: readonly string[] = ['W', 'L', 'D', 'C_l1', 'Z', 'Z_p', 'rho', 'rho_ss', 'rho_0', 'Tr', 'diag', 'C', 'D_m', 'D_p'];

export interface TexParseOptions {
  /** Symbol names (per the naming rule, subscripts included) that are functions before ( … ). Default DEFAULT_FUNCTION_HEADS. */
  readonly functionHeads?: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Parser.

const isRelTok = (tok: Tok): RelOp | undefined =>
  tok.t === 'ch' && (tok.v === '=' || tok.v === '<' || tok.v === '>') ? RELATIONS[tok.v] : tok.t === 'cmd' ? RELATIONS[tok.v] : undefined;

class Parser {
  private pos = 0;
  private readonly toks: Tok[];
  private readonly heads: Set<string>;
  /** The label of a \tag{…}, if one was read. */
  private tag: string | null = null;

  constructor(
    private readonly src: string,
    options: TexParseOptions,
  ) {
    this.toks = lex(src);
    this.heads = new Set(options.functionHeads ?? DEFAULT_FUNCTION_HEADS);
  }

  private peek(k = 0): Tok {
    return this.toks[Math.min(this.pos + k, this.toks.length - 1)];
  }
  private next(): Tok {
    return this.toks[this.pos++] ?? this.toks[this.toks.length - 1];
  }
  private is(tok: Tok, t: Tok['t'], v?: string): boolean {
    return tok.t === t && (v === undefined || tok.v === v);
  }
  private fail(message: string, col: number): never {
    throw new ParseError(`${message} at column ${col}`, col);
  }
  private describe(tok: Tok): string {
    return tok.t === 'end' ? 'the end of the formula' : tok.t === 'cmd' ? `\\${tok.v === ' ' ? '(space)' : tok.v}` : `"${tok.v}"`;
  }
  private expect(t: Tok['t'], v: string, what: string): Tok {
    const tok = this.next();
    if (!this.is(tok, t, v)) this.fail(`expected ${what}, found ${this.describe(tok)}`, tok.col);
    return tok;
  }

  /** The raw source of a balanced {…} group (the opening brace is next), for \text and \begin names. */
  private rawGroup(): { text: string; col: number } {
    const open = this.expect('ch', '{', '"{"');
    let depth = 1;
    const start = open.col; // index of "{" is col - 1
    for (;;) {
      const tok = this.next();
      if (tok.t === 'end') this.fail('unclosed "{"', open.col);
      if (this.is(tok, 'ch', '{')) depth++;
      if (this.is(tok, 'ch', '}') && --depth === 0) return { text: this.src.slice(start, tok.col - 1), col: open.col };
    }
  }

  // -- statements ------------------------------------------------------------------------------

  statement(): TexStatement {
    if (this.src.trim() === '') this.fail('empty formula', 1);
    const items = this.items(() => this.is(this.peek(), 'end'));
    // a trailing equation number: \tag{B1}, or "(10)" or "(\text{A1})" after a \quad
    let label: string | null = this.tag;
    const last = items[items.length - 1];
    if (label === null && items.length > 1 && last && (last.kind === 'num' || (last.kind === 'text' && /^[A-Z]\d+$/.test(last.text)))) {
      const before = this.src.slice(0, last.col - 1).trimEnd();
      if (/\\q?quad\s*\($/.test(before)) {
        label = last.text;
        items.pop();
      }
    }
    const body: TexNode = items.length === 1 ? items[0] : { kind: 'seq', items, col: 1 };
    return { source: this.src, body, label };
  }

  /** Items (relations, text, connectives) separated by spacing and punctuation, until `stop`. */
  private items(stop: () => boolean): TexNode[] {
    const out: TexNode[] = [];
    for (;;) {
      const tok = this.peek();
      if (stop()) return out;
      if (tok.t === 'end') return out;
      if ((tok.t === 'cmd' && SPACES.has(tok.v)) || (tok.t === 'ch' && (tok.v === ',' || tok.v === ';' || tok.v === ':' || tok.v === '.'))) {
        this.next();
        continue;
      }
      if (tok.t === 'cmd' && tok.v === 'tag') {
        this.next();
        this.tag = this.rawGroup().text.trim();
        continue;
      }
      if (tok.t === 'cmd' && TEXT_COMMANDS.has(tok.v)) {
        out.push(this.text());
        continue;
      }
      if (tok.t === 'cmd' && CONNECTIVES[tok.v]) {
        this.next();
        out.push({ kind: 'text', text: CONNECTIVES[tok.v], col: tok.col });
        continue;
      }
      if (this.is(tok, 'ch', '(') && this.is(this.peek(1), 'cmd', 'text') && out.length > 0) {
        // an equation number such as (\text{A1})
        const save = this.pos;
        this.next();
        const t = this.text();
        if (this.is(this.peek(), 'ch', ')')) {
          this.next();
          out.push(t);
          continue;
        }
        this.pos = save;
      }
      const op = isRelTok(tok);
      if (op) {
        // a connective without a left operand, e.g. "\text{…} \Rightarrow C = 0"
        this.next();
        const rhs = this.relation();
        out.push({ kind: 'rel', ops: [op], items: [{ kind: 'text', text: '', col: tok.col }, rhs], col: tok.col });
        continue;
      }
      const before = this.pos;
      out.push(this.relation());
      if (this.pos === before) this.fail(`unexpected ${this.describe(tok)}`, tok.col);
    }
  }

  private text(): TexNode {
    const tok = this.next();
    const g = this.rawGroup();
    return { kind: 'text', text: g.text, col: tok.col };
  }

  /** expr (relop expr)* */
  private relation(): TexNode {
    const first = this.expr();
    const ops: RelOp[] = [];
    const items: TexNode[] = [first];
    for (;;) {
      const op = isRelTok(this.peek());
      if (!op) break;
      this.next();
      ops.push(op);
      items.push(this.expr());
    }
    return ops.length ? { kind: 'rel', ops, items, col: first.col } : first;
  }

  // -- expressions -----------------------------------------------------------------------------

  private expr(): TexNode {
    const tok = this.peek();
    let left: TexNode;
    if (this.is(tok, 'ch', '-') || this.is(tok, 'ch', '+') || this.is(tok, 'cmd', 'pm')) {
      this.next();
      const t = this.term();
      const zero: TexNode = { kind: 'num', value: { num: 0n, den: 1n }, text: '0', col: tok.col };
      left = tok.v === '-' ? { kind: 'neg', arg: t, col: tok.col } : tok.v === 'pm' ? { kind: 'op', op: '±', left: zero, right: t, col: tok.col } : t;
    } else {
      left = this.term();
    }
    for (;;) {
      const op = this.peek();
      if (this.is(op, 'ch', '+') || this.is(op, 'ch', '-') || this.is(op, 'cmd', 'pm') || this.is(op, 'cmd', 'mp')) {
        this.next();
        const right = this.term();
        left = { kind: 'op', op: op.v === '+' ? '+' : op.v === '-' ? '-' : '±', left, right, col: op.col };
        continue;
      }
      return left;
    }
  }

  /** Whether the next token can start a factor of an implicit product. */
  private startsFactor(): boolean {
    const tok = this.peek();
    if (tok.t === 'num' || tok.t === 'letter') return true;
    if (tok.t === 'ch') {
      if (tok.v === '(' || tok.v === '[' || tok.v === '{') return true;
      if (tok.v === '|') return this.ketAhead();
      return false;
    }
    if (tok.t === 'cmd') {
      const v = tok.v;
      if (
        RELATIONS[v] ||
        SPACES.has(v) ||
        TEXT_COMMANDS.has(v) ||
        CONNECTIVES[v] ||
        v === 'right' ||
        v === 'end' ||
        v === '\\' ||
        v === '}' ||
        v === 'rangle' ||
        v === 'tag'
      )
        return false;
      if (v === 'cdot' || v === 'times' || v === 'pm' || v === 'mp') return false;
      return true;
    }
    return false;
  }

  private term(): TexNode {
    let left = this.power();
    for (;;) {
      const tok = this.peek();
      if (this.is(tok, 'ch', '*') || this.is(tok, 'cmd', 'cdot') || this.is(tok, 'cmd', 'times') || this.is(tok, 'ch', '/')) {
        this.next();
        const right = this.power();
        left = { kind: 'op', op: tok.v === '/' ? '/' : '*', left, right, col: tok.col };
        continue;
      }
      // thin spaces inside a product: \, \; \! \>
      if (tok.t === 'cmd' && THIN_SPACES.has(tok.v)) {
        const after = this.peek(1);
        this.next();
        if (after.t === 'cmd' && THIN_SPACES.has(after.v)) continue;
        if (!this.startsFactor()) return left;
        continue;
      }
      if (this.startsFactor()) {
        const right = this.power();
        left = { kind: 'op', op: '*', left, right, col: right.col };
        continue;
      }
      return left;
    }
  }

  /** A TeX argument: {…} group, or one token (a letter, a digit, a command). */
  private argument(): TexNode {
    const tok = this.peek();
    if (this.is(tok, 'ch', '{')) {
      this.next();
      const inner = this.groupContent('}');
      this.expect('ch', '}', '"}"');
      return inner;
    }
    if (tok.t === 'num') {
      // \frac12: one digit per argument
      this.next();
      const d = tok.v[0];
      if (tok.v.length > 1) {
        this.toks.splice(this.pos, 0, { t: 'num', v: tok.v.slice(1), col: tok.col + 1 });
      }
      return { kind: 'num', value: parseRational(d), text: d, col: tok.col };
    }
    if ((tok.t === 'ch' && (tok.v === '+' || tok.v === '-' || tok.v === '*')) || (tok.t === 'cmd' && (tok.v === 'pm' || tok.v === 'mp'))) {
      this.next();
      return { kind: 'text', text: tok.v, col: tok.col };
    }
    return this.primary();
  }

  /** Inside braces: a relation, a comma list, or several items (e.g. a subscript "j,i" or "0<r<1"). */
  private groupContent(close: string): TexNode {
    const items: TexNode[] = [];
    const col = this.peek().col;
    for (;;) {
      if (this.is(this.peek(), 'ch', close)) break;
      if (this.is(this.peek(), 'end')) this.fail(`unclosed "{"`, col - 1);
      if (this.is(this.peek(), 'ch', ',')) {
        this.next();
        continue;
      }
      if (this.peek().t === 'cmd' && SPACES.has(this.peek().v)) {
        this.next();
        continue;
      }
      if (this.peek().t === 'cmd' && TEXT_COMMANDS.has(this.peek().v)) {
        items.push(this.text());
        continue;
      }
      const before = this.pos;
      items.push(this.relation());
      if (this.pos === before) this.fail(`unexpected ${this.describe(this.peek())}`, this.peek().col);
    }
    if (items.length === 0) return { kind: 'seq', items: [], col };
    return items.length === 1 ? items[0] : { kind: 'list', bracket: '{', items, transpose: false, col };
  }

  /** primary, then ^ / _ decorations and powers (right associative through the exponent group). */
  private power(): TexNode {
    let base = this.primary();
    for (;;) {
      const tok = this.peek();
      if (this.is(tok, 'ch', '^')) {
        this.next();
        const ex = this.peek();
        if (
          (base.kind === 'list' || base.kind === 'ket') &&
          (this.is(ex, 'letter', 'T') || (this.is(ex, 'ch', '{') && this.is(this.peek(1), 'letter', 'T') && this.is(this.peek(2), 'ch', '}')))
        ) {
          // […]^T; |0, 0, 0, 1⟩^T is the paper's way of writing a column vector (kept as the ket)
          this.argument();
          if (base.kind === 'list') base = { ...base, transpose: true };
          continue;
        }
        // decorations on a symbol: σ^+, r^\downarrow
        const deco = this.decoration();
        if (deco !== undefined) {
          if (base.kind === 'sym' && base.decoration === null) base = { ...base, decoration: deco };
          else this.fail(`a superscript ${deco} on something that is not a symbol`, ex.col);
          continue;
        }
        const exponent = this.argument();
        base = { kind: 'op', op: '^', left: base, right: exponent, col: tok.col };
        base = this.maybeApply(base);
        continue;
      }
      if (this.is(tok, 'ch', '_')) this.fail('a subscript on something that is not a symbol', tok.col);
      if (this.is(tok, 'ch', "'")) {
        this.next();
        if (base.kind === 'sym' && base.decoration === null) base = { ...base, decoration: 'prime' };
        else this.fail('a prime on something that is not a symbol', tok.col);
        continue;
      }
      return base;
    }
  }

  /** A superscript that decorates rather than raises to a power, or undefined. */
  private decoration(): string | undefined {
    const tok = this.peek();
    const one = (t: Tok): string | undefined => (t.t === 'ch' ? DECORATIONS[t.v] : t.t === 'cmd' ? DECORATIONS[t.v] : undefined);
    if (this.is(tok, 'ch', '{')) {
      const inner = this.peek(1);
      const d = one(inner);
      if (d && d !== 'T' && this.is(this.peek(2), 'ch', '}')) {
        this.pos += 3;
        return d;
      }
      return undefined;
    }
    const d = one(tok);
    if (d && d !== 'T') {
      this.next();
      return d;
    }
    return undefined;
  }

  /** After a function head (or a head raised to a power): an argument list in parentheses. */
  private maybeApply(node: TexNode): TexNode {
    const head = node.kind === 'op' && node.op === '^' ? node.left : node;
    if (head.kind !== 'sym' || !this.heads.has(headName(head))) return node;
    const tok = this.peek();
    const leftParen = this.is(tok, 'ch', '(') || (this.is(tok, 'cmd', 'left') && this.is(this.peek(1), 'ch', '('));
    if (!leftParen) return node;
    const args = this.parenArgs();
    const applied: TexNode = { kind: 'apply', head, args, col: head.col };
    return node === head ? applied : { ...(node as Extract<TexNode, { kind: 'op' }>), left: applied };
  }

  /** ( a, b, … ) or \left( … \right) as a list of arguments. */
  private parenArgs(): TexNode[] {
    const open = this.next();
    const sized = open.t === 'cmd';
    if (sized) this.next();
    const args: TexNode[] = [];
    for (;;) {
      args.push(this.argItem());
      const tok = this.peek();
      if (this.is(tok, 'ch', ',')) {
        this.next();
        continue;
      }
      break;
    }
    if (sized) {
      this.expect('cmd', 'right', '\\right)');
      this.expect('ch', ')', '")"');
    } else this.expect('ch', ')', `")" for the "(" at column ${open.col}`);
    return args;
  }

  /** An element of a list or argument: a relation, possibly preceded by text. */
  private argItem(): TexNode {
    const tok = this.peek();
    if (tok.t === 'cmd' && TEXT_COMMANDS.has(tok.v)) return this.text();
    if (tok.t === 'cmd' && DOTS.has(tok.v)) {
      this.next();
      return { kind: 'dots', col: tok.col };
    }
    return this.relation();
  }

  /** A symbol from its name, with an optional subscript. */
  private symbol(base: string, col: number): TexNode {
    let sub: TexNode | null = null;
    if (this.is(this.peek(), 'ch', '_')) {
      this.next();
      sub = this.argument();
    }
    const s: TexNode = { kind: 'sym', base, sub, decoration: null, col };
    return this.maybeApply(s);
  }

  private primary(): TexNode {
    const tok = this.peek();
    switch (tok.t) {
      case 'end':
        return this.fail('the formula ends where an operand is expected', tok.col);
      case 'num': {
        this.next();
        return { kind: 'num', value: parseRational(tok.v), text: tok.v, col: tok.col };
      }
      case 'letter': {
        this.next();
        if (tok.v === 'e' && this.is(this.peek(), 'ch', '^')) {
          this.next();
          const arg = this.argument();
          return { kind: 'fn', fn: 'exp', arg, col: tok.col };
        }
        return this.symbol(tok.v, tok.col);
      }
      case 'ch':
        return this.primaryChar(tok);
      case 'cmd':
        return this.primaryCommand(tok);
    }
  }

  private primaryChar(tok: Tok): TexNode {
    switch (tok.v) {
      case '(':
      case '[': {
        this.next();
        const close = tok.v === '(' ? ')' : ']';
        return this.bracketed(tok, close, tok.v as '(' | '[');
      }
      case '{': {
        this.next();
        const inner = this.groupContent('}');
        this.expect('ch', '}', `"}" for the "{" at column ${tok.col}`);
        return inner;
      }
      case '|': {
        if (this.ketAhead()) return this.ket();
        // a bare | that does not open a ket ends the innermost absolute value
        this.next();
        const inner = this.expr();
        this.expect('ch', '|', `"|" closing the absolute value opened at column ${tok.col}`);
        return { kind: 'fn', fn: 'abs', arg: inner, col: tok.col };
      }
      case ')':
      case ']':
        return this.fail(`unbalanced "${tok.v}": no matching opening bracket`, tok.col);
      default:
        return this.fail(`unexpected ${this.describe(tok)}`, tok.col);
    }
  }

  /** After an opening ( or [: a parenthesised expression, or a tuple / vector when commas separate items. */
  private bracketed(open: Tok, close: string, bracket: '(' | '['): TexNode {
    const items: TexNode[] = [];
    // A bracketed statement, e.g. [a \geq b \ \forall c \in [0, 1]; \ D = C \lor c = 1]: inside [ ],
    // spacing commands and ";" separate items and logical words are text items; an expression never
    // contains these, so every bracket that parsed before reads as before.
    const separator = (t: Tok): boolean => bracket === '[' && ((t.t === 'cmd' && SPACES.has(t.v)) || this.is(t, 'ch', ';'));
    for (;;) {
      if (this.is(this.peek(), 'ch', close) && items.length === 0) this.fail(`empty "${open.v}${close}"`, open.col);
      while (separator(this.peek())) this.next();
      const tok = this.peek();
      if (bracket === '[' && tok.t === 'cmd' && CONNECTIVES[tok.v]) {
        this.next();
        items.push({ kind: 'text', text: CONNECTIVES[tok.v], col: tok.col });
        continue;
      }
      items.push(this.argItem());
      if (this.is(this.peek(), 'ch', ',') || separator(this.peek())) {
        while (this.is(this.peek(), 'ch', ',') || separator(this.peek())) this.next();
        if (this.is(this.peek(), 'ch', close)) break;
        continue;
      }
      if (bracket === '[' && this.peek().t === 'cmd' && CONNECTIVES[this.peek().v]) continue;
      break;
    }
    const end = this.next();
    if (!this.is(end, 'ch', close)) {
      if (end.t === 'end') this.fail(`unbalanced "${open.v}": never closed`, open.col);
      this.fail(`expected "${close}" for the "${open.v}" at column ${open.col}, found ${this.describe(end)}`, end.col);
    }
    if (items.length === 1 && bracket === '(') return items[0];
    if (items.length === 1 && bracket === '[' && items[0].kind !== 'dots') return items[0];
    return { kind: 'list', bracket, items, transpose: false, col: open.col };
  }

  /** Whether a | at the current position opens a ket: a \rangle comes before any other |. */
  private ketAhead(): boolean {
    for (let k = 1; ; k++) {
      const t = this.peek(k);
      if (t.t === 'end') return false;
      if (this.is(t, 'cmd', 'rangle')) return true;
      if (this.is(t, 'ch', '|') || this.is(t, 'cmd', 'right') || this.is(t, 'cmd', 'langle') || isRelTok(t)) return false;
    }
  }

  /** The raw source between the current token and the first token matching `end` (exclusive). */
  private rawUntil(end: (t: Tok) => boolean, what: string, col: number): string {
    const first = this.peek();
    for (;;) {
      const t = this.peek();
      if (t.t === 'end') this.fail(`${what} opened here is never closed`, col);
      if (end(t)) return this.src.slice(first.col - 1, t.col - 1).trim();
      this.next();
    }
  }

  private ket(): TexNode {
    const open = this.next();
    const label = this.rawUntil((t) => this.is(t, 'cmd', 'rangle'), 'a ket', open.col);
    this.next();
    return { kind: 'ket', label, col: open.col };
  }

  /** \langle a |  (bra), \langle a | b \rangle (braket), \langle a | B | b \rangle (matrix element). */
  private bra(): TexNode {
    const open = this.next();
    const left = this.rawUntil((t) => this.is(t, 'ch', '|') || this.is(t, 'cmd', 'rangle'), 'a bra', open.col);
    const sep = this.next();
    if (this.is(sep, 'cmd', 'rangle')) return { kind: 'braket', left, op: null, right: '', col: open.col };
    // what follows the first |: a label up to \rangle, an operator up to a second |, or nothing (a bra)
    let plainOp = true;
    for (let k = 0; ; k++) {
      const t = this.peek(k);
      if (t.t === 'end' || isRelTok(t) || this.is(t, 'ch', ')') || this.is(t, 'cmd', 'right') || this.is(t, 'cmd', 'langle'))
        return { kind: 'bra', label: left, col: open.col };
      if (this.is(t, 'cmd', 'rangle')) {
        const right = this.rawUntil((u) => this.is(u, 'cmd', 'rangle'), 'a braket', open.col);
        this.next();
        return { kind: 'braket', left, op: null, right, col: open.col };
      }
      if (this.is(t, 'ch', '|')) {
        if (k === 0 || !plainOp) return { kind: 'bra', label: left, col: open.col };
        // ⟨a|B|b⟩ only if a label and \rangle follow the second |
        let closes = false;
        for (let j = k + 1; ; j++) {
          const u = this.peek(j);
          if (u.t === 'end' || this.is(u, 'ch', '|') || isRelTok(u)) break;
          if (this.is(u, 'cmd', 'rangle')) {
            closes = true;
            break;
          }
        }
        if (!closes) return { kind: 'bra', label: left, col: open.col };
        // the operator is one factor (a following |ψ⟩ must not be read as a product)
        const opNode = this.power();
        this.expect('ch', '|', '"|" in ⟨a|B|b⟩');
        const right = this.rawUntil((u) => this.is(u, 'cmd', 'rangle'), 'a braket', open.col);
        this.next();
        return { kind: 'braket', left, op: opNode, right, col: open.col };
      }
      if (this.is(t, 'ch', '+') || this.is(t, 'ch', '-') || this.is(t, 'ch', '(')) plainOp = false;
    }
  }

  private primaryCommand(tok: Tok): TexNode {
    const v = tok.v;
    if (SYMBOL_COMMANDS.has(v)) {
      this.next();
      return this.symbol(v, tok.col);
    }
    if (v in FUNCTION_COMMANDS) {
      this.next();
      const fn = FUNCTION_COMMANDS[v];
      if (fn === 'sqrt') {
        if (this.is(this.peek(), 'ch', '[')) this.fail('\\sqrt[n] (an n-th root) is not supported', this.peek().col);
        return { kind: 'fn', fn, arg: this.argument(), col: tok.col };
      }
      let power: TexNode | null = null;
      if (this.is(this.peek(), 'ch', '^')) {
        this.next();
        power = this.argument();
      }
      const arg = this.functionArgument(tok);
      const f: TexNode = { kind: 'fn', fn, arg, col: tok.col };
      return power ? { kind: 'op', op: '^', left: f, right: power, col: tok.col } : f;
    }
    switch (v) {
      case 'frac':
      case 'tfrac':
      case 'dfrac': {
        this.next();
        const a = this.argument();
        const b = this.argument();
        return { kind: 'op', op: '/', left: a, right: b, col: tok.col };
      }
      case 'left':
        return this.leftRight();
      case 'bar':
      case 'overline':
      case 'dot':
      case 'hat':
      case 'tilde': {
        this.next();
        const inner = this.argument();
        const name = flatName(inner);
        if (name === undefined) this.fail(`\\${v} of something that is not a symbol`, tok.col);
        const suffix = v === 'overline' ? 'bar' : v;
        return this.symbol(`${name}${suffix}`, tok.col);
      }
      case 'mathcal':
      case 'mathrm':
      case 'mathbf':
      case 'mathit':
      case 'operatorname': {
        this.next();
        const g = this.rawGroup();
        const name = g.text.replace(/\s+/g, '');
        if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) this.fail(`\\${v}{${g.text}} is not a name`, tok.col);
        return this.symbol(name, tok.col);
      }
      case 'sum':
      case 'prod':
        return this.sum(tok);
      case 'lim':
      case 'sup':
      case 'inf':
      case 'max':
      case 'min': {
        this.next();
        let sub: TexNode | null = null;
        if (this.is(this.peek(), 'ch', '_')) {
          this.next();
          sub = this.argument();
        }
        return { kind: 'limit', op: v, sub, body: this.term(), col: tok.col };
      }
      case 'langle':
        return this.bra();
      case '{': {
        this.next();
        return this.setList(
          tok,
          () => this.is(this.peek(), 'cmd', '}'),
          () => this.expect('cmd', '}', `"\\}" for the "\\{" at column ${tok.col}`),
        );
      }
      case 'begin':
        return this.environment(tok);
      case 'underbrace': {
        this.next();
        const body = this.underbraceBody();
        this.expect('ch', '_', 'the "_" label of \\underbrace');
        const label = this.argument();
        return { kind: 'underbrace', body, label, col: tok.col };
      }
      default:
        if (DOTS.has(v)) {
          this.next();
          return { kind: 'dots', col: tok.col };
        }
        if (TEXT_COMMANDS.has(v)) return this.text();
        return this.fail(`unknown command \\${v === ' ' ? '(space)' : v}`, tok.col);
    }
  }

  /** \underbrace{…}: its body may be a bare comma list such as "0,\dots,0". */
  private underbraceBody(): TexNode {
    const open = this.expect('ch', '{', '"{" after \\underbrace');
    const items: TexNode[] = [];
    while (!this.is(this.peek(), 'ch', '}')) {
      if (this.is(this.peek(), 'end')) this.fail('unclosed "{"', open.col);
      if (this.is(this.peek(), 'ch', ',')) {
        this.next();
        continue;
      }
      items.push(this.argItem());
    }
    this.next();
    return items.length === 1 ? items[0] : { kind: 'list', bracket: '[', items, transpose: false, col: open.col };
  }

  /** The argument of \exp, \cosh, …: a parenthesised group, a {…} group, or the next power. */
  private functionArgument(fnTok: Tok): TexNode {
    const tok = this.peek();
    if (this.is(tok, 'ch', '(')) {
      this.next();
      const e = this.expr();
      this.expect('ch', ')', `")" closing the argument of \\${fnTok.v} at column ${fnTok.col}`);
      return e;
    }
    if (this.is(tok, 'cmd', 'left')) return this.leftRight();
    if (this.is(tok, 'ch', '{')) return this.argument();
    if (tok.t === 'end' || !this.startsFactor()) this.fail(`\\${fnTok.v} has no argument`, fnTok.col);
    return this.power();
  }

  /** \left X … \right Y with X, Y ∈ ( [ | \{ . */
  private leftRight(): TexNode {
    const left = this.next();
    const d = this.next();
    const kind =
      d.t === 'ch' && (d.v === '(' || d.v === '[' || d.v === '|') ? d.v : d.t === 'cmd' && d.v === '{' ? '{' : d.t === 'ch' && d.v === '.' ? '.' : undefined;
    if (!kind) this.fail(`\\left must be followed by ( [ | \\{ or ., found ${this.describe(d)}`, d.col);
    const closeOk = (): boolean => this.is(this.peek(), 'cmd', 'right');
    const closing = (): void => {
      const r = this.next();
      if (!this.is(r, 'cmd', 'right')) this.fail(`\\left at column ${left.col} is never closed by \\right`, left.col);
      const c = this.next();
      const want = kind === '(' ? ')' : kind === '[' ? ']' : kind === '|' ? '|' : kind === '{' ? '}' : undefined;
      const got = c.t === 'cmd' && c.v === '}' ? '}' : c.v;
      if (want !== undefined && got !== want) this.fail(`\\right${got} does not match \\left${kind === '{' ? '\\{' : kind} at column ${left.col}`, c.col);
    };
    if (kind === '{') return this.setList(left, closeOk, closing);
    if (kind === '|') {
      const inner = this.expr();
      if (!closeOk()) this.fail(`expected \\right| for the \\left| at column ${left.col}, found ${this.describe(this.peek())}`, this.peek().col);
      closing();
      return { kind: 'fn', fn: 'abs', arg: inner, col: left.col };
    }
    const items: TexNode[] = [];
    for (;;) {
      items.push(this.argItem());
      if (this.is(this.peek(), 'ch', ',')) {
        this.next();
        continue;
      }
      break;
    }
    if (!closeOk()) {
      const t = this.peek();
      this.fail(
        t.t === 'end'
          ? `\\left at column ${left.col} is never closed by \\right`
          : `expected \\right for the \\left at column ${left.col}, found ${this.describe(t)}`,
        t.col,
      );
    }
    closing();
    if (items.length === 1) return items[0];
    return { kind: 'list', bracket: kind === '[' ? '[' : '(', items, transpose: false, col: left.col };
  }

  /** A set \{ a, b, … \} (or an anticommutator {A, B}). */
  private setList(open: Tok, atClose: () => boolean, close: () => void): TexNode {
    const items: TexNode[] = [];
    while (!atClose()) {
      if (this.is(this.peek(), 'end')) this.fail('"\\{" is never closed', open.col);
      if (this.is(this.peek(), 'ch', ',')) {
        this.next();
        continue;
      }
      items.push(this.argItem());
    }
    close();
    return { kind: 'list', bracket: '{', items, transpose: false, col: open.col };
  }

  private sum(tok: Tok): TexNode {
    this.next();
    let lower: TexNode | null = null;
    let upper: TexNode | null = null;
    let condition: TexNode | null = null;
    const indices: string[] = [];
    for (let k = 0; k < 2; k++) {
      if (this.is(this.peek(), 'ch', '_')) {
        this.next();
        const sub = this.argument();
        // k=1  |  j,i  |  i \neq j  |  i,j=1
        const parts = sub.kind === 'list' ? [...sub.items] : [sub];
        for (const part of parts) {
          if (part.kind === 'sym') indices.push(symbolName(part, {}, true));
          else if (part.kind === 'rel' && part.ops.length === 1 && part.ops[0] === '=' && part.items[0].kind === 'sym') {
            indices.push(symbolName(part.items[0], {}, true));
            lower = part.items[1];
          } else if (part.kind === 'rel') {
            condition = part;
            for (const it of part.items) if (it.kind === 'sym') indices.push(symbolName(it, {}, true));
          } else this.fail('a \\sum subscript must name its index (k = 1, "j,i" or "i \\neq j")', part.col);
        }
      } else if (this.is(this.peek(), 'ch', '^')) {
        this.next();
        upper = this.argument();
      }
    }
    if (indices.length === 0) this.fail('a \\sum without an index', tok.col);
    const body = this.term();
    return { kind: 'sum', op: tok.v as 'sum' | 'prod', indices: [...new Set(indices)], lower, upper, condition, body, col: tok.col };
  }

  private environment(tok: Tok): TexNode {
    this.next();
    const name = this.rawGroup().text.trim();
    const rows: TexNode[][] = [];
    let row: TexNode[] = [];
    const cell = (): TexNode => {
      const items = this.items(() => {
        const t = this.peek();
        return this.is(t, 'ch', '&') || this.is(t, 'cmd', '\\') || this.is(t, 'cmd', 'end');
      });
      return items.length === 1 ? items[0] : { kind: 'seq', items, col: items[0]?.col ?? this.peek().col };
    };
    for (;;) {
      const t = this.peek();
      if (t.t === 'end') this.fail(`\\begin{${name}} is never closed by \\end{${name}}`, tok.col);
      if (this.is(t, 'cmd', 'end')) {
        this.next();
        const endName = this.rawGroup().text.trim();
        if (endName !== name) this.fail(`\\end{${endName}} does not match \\begin{${name}} at column ${tok.col}`, t.col);
        if (row.length) rows.push(row);
        break;
      }
      if (this.is(t, 'cmd', '\\')) {
        this.next();
        rows.push(row);
        row = [];
        continue;
      }
      if (this.is(t, 'ch', '&')) {
        this.next();
        if (row.length === 0) row.push({ kind: 'seq', items: [], col: t.col });
        continue;
      }
      row.push(cell());
    }
    if (name === 'cases') {
      return {
        kind: 'cases',
        rows: rows.map((r) => {
          if (r.length > 2) this.fail('a cases row has more than one "&"', r[2].col);
          return { value: r[0], condition: r[1] ?? null };
        }),
        col: tok.col,
      };
    }
    if (name === 'pmatrix' || name === 'bmatrix' || name === 'matrix' || name === 'aligned' || name === 'align' || name === 'array')
      return { kind: 'matrix', env: name, rows, col: tok.col };
    return this.fail(`unknown environment ${name}`, tok.col);
  }
}

/** The flattened text of a subscript or \bar argument, if it is made of names, digits, + and −. */
function flatName(n: TexNode): string | undefined {
  switch (n.kind) {
    case 'num':
      return n.text.replace('.', 'd');
    case 'sym': {
      const sub = n.sub ? flatName(n.sub) : '';
      return sub === undefined ? undefined : n.base + sub;
    }
    case 'op':
      if (n.op === '*') {
        const l = flatName(n.left);
        const r = flatName(n.right);
        return l !== undefined && r !== undefined ? l + r : undefined;
      }
      if (n.op === '+' || n.op === '-') {
        const l = flatName(n.left);
        const r = flatName(n.right);
        return l !== undefined && r !== undefined ? `${l}${n.op === '+' ? 'p' : 'm'}${r}` : undefined;
      }
      return undefined;
    case 'neg': {
      const a = flatName(n.arg);
      return a === undefined ? undefined : `m${a}`;
    }
    case 'text':
      return n.text === '+' ? 'p' : n.text === '-' ? 'm' : /^[A-Za-z0-9]+$/.test(n.text) ? n.text : undefined;
    case 'list':
      return n.items.every((x) => flatName(x) !== undefined) ? n.items.map((x) => flatName(x)).join('') : undefined;
    default:
      return undefined;
  }
}

/** A symbol's name for the function-head test, or "" when its subscript has no name (e.g. ε_{2^N}). */
function headName(n: Extract<TexNode, { kind: 'sym' }>): string {
  try {
    return symbolName(n, {}, true);
  } catch {
    return '';
  }
}

/** The integer value of a node after substituting `values`, if it is an integer constant. */
function integerValue(n: TexNode, values: Readonly<Record<string, number>>): number | undefined {
  switch (n.kind) {
    case 'num':
      return n.value.den === 1n ? Number(n.value.num) : undefined;
    case 'sym':
      return n.sub === null && n.decoration === null && Object.hasOwn(values, n.base) ? values[n.base] : undefined;
    case 'neg': {
      const a = integerValue(n.arg, values);
      return a === undefined ? undefined : -a;
    }
    case 'op': {
      const l = integerValue(n.left, values);
      const r = integerValue(n.right, values);
      if (l === undefined || r === undefined) return undefined;
      if (n.op === '+') return l + r;
      if (n.op === '-') return l - r;
      if (n.op === '*') return l * r;
      if (n.op === '^' && r >= 0) return l ** r;
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The variable name of a symbol per the naming rule (module comment); `values` give integer
 * values to index variables (N, k) so `p_{k+1}` at k = 2 is `p_3`. With `headOnly` a decoration is ignored.
 */
export function symbolName(n: Extract<TexNode, { kind: 'sym' }>, values: Readonly<Record<string, number>> = {}, headOnly = false): string {
  let name = n.base;
  if (n.sub) {
    // a digit label such as p_{01} (the population of |01⟩) keeps its digits, leading zero included
    const label = n.sub.kind === 'num' && /^0\d/.test(n.sub.text) ? n.sub.text : undefined;
    const k = label === undefined ? integerValue(n.sub, values) : undefined;
    const s = label ?? (k !== undefined ? (k < 0 ? `m${-k}` : String(k)) : flatName(n.sub));
    if (s === undefined) throw new ParseError(`the subscript of ${n.base} at column ${n.col} is not a name or an integer`, n.col);
    name += `_${s}`;
  }
  if (n.decoration && !headOnly) name += `_${n.decoration}`;
  return name;
}

/** Parse a printed TeX statement into its tree (throws ParseError naming the problem and column). */
export function parseTeX(src: string, options: TexParseOptions = {}): TexStatement {
  if (typeof src !== 'string') throw new ParseError(`parseTeX: expected a string, got ${typeof src}`, 1);
  return new Parser(src, options).statement();
}

// ---------------------------------------------------------------------------------------------
// Lowering to the expression language.

export type InequalityOp = '=' | '<' | '<=' | '>' | '>=' | '!=';
/** One relation between two scalar expressions (a chain 0 ≤ c < 1/2 gives two). */
export interface Inequality {
  readonly left: Ast;
  readonly op: InequalityOp;
  readonly right: Ast;
}

export interface LowerOptions extends TexParseOptions {
  /** Integer values of variables, substituted everywhere (sum bounds, subscripts, the formula), e.g. { N: 5 }. Sums with symbolic bounds need them. */
  readonly values?: Readonly<Record<string, number>>;
  /** Largest number of terms a sum may expand to (default 10000). */
  readonly maxTerms?: number;
}

const WHAT: Partial<Record<TexNode['kind'], string>> = {
  rel: 'a relation',
  list: 'a set, vector or tuple',
  cases: 'a piecewise definition',
  matrix: 'a matrix',
  ket: 'a ket',
  bra: 'a bra',
  braket: 'a braket',
  text: 'text',
  dots: 'an ellipsis (…)',
  underbrace: 'an \\underbrace',
  seq: 'several items',
  limit: 'a limit, sup or max',
  apply: 'a function application',
};

/** The scalar expression of a node (sums expanded with `values`), or a ParseError naming the non-scalar part. */
export function lowerTeX(node: TexNode, options: LowerOptions = {}): Ast {
  const maxTerms = options.maxTerms ?? 10000;
  const lower = (n: TexNode, values: Readonly<Record<string, number>>): Ast => {
    switch (n.kind) {
      case 'num':
        return { kind: 'num', value: n.value, text: n.text };
      case 'sym': {
        if (n.decoration)
          throw new ParseError(
            `${symbolName(n, values)} at column ${n.col} carries a superscript decoration (an operator or a sorted list), not a scalar`,
            n.col,
          );
        if (n.sub === null && Object.hasOwn(values, n.base)) return num(values[n.base]);
        const name = symbolName(n, values);
        if ((RESERVED_NAMES as readonly string[]).includes(name))
          throw new ParseError(
            `"${name}" at column ${n.col} is reserved (${name === 'e' ? "Euler's number: write e^{…}" : name === 'i' ? 'the imaginary unit' : 'π'}) and cannot be a variable`,
            n.col,
          );
        if ((FUNCTIONS as readonly string[]).includes(name))
          throw new ParseError(`"${name}" at column ${n.col} is a function name and cannot be a variable`, n.col);
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new ParseError(`"${name}" at column ${n.col} is not a variable name`, n.col);
        return { kind: 'var', name };
      }
      case 'neg':
        return neg(lower(n.arg, values));
      case 'op':
        if (n.op === '±') throw new ParseError(`± at column ${n.col} has two values, not one`, n.col);
        return bin(n.op, lower(n.left, values), lower(n.right, values));
      case 'fn':
        return call(n.fn, lower(n.arg, values));
      case 'sum': {
        if (n.op !== 'sum' || n.indices.length !== 1 || n.condition || !n.lower || !n.upper) {
          throw new ParseError(
            `the sum at column ${n.col} has no range k = a … b (${n.indices.join(', ')} over an unspecified set): it cannot be expanded`,
            n.col,
          );
        }
        const a = integerValue(n.lower, values);
        const b = integerValue(n.upper, values);
        if (a === undefined || b === undefined) {
          throw new ParseError(`the sum at column ${n.col} has a symbolic bound: give integer values for its variables (values: { N: … })`, n.col);
        }
        if (b - a + 1 > maxTerms) throw new ParseError(`the sum at column ${n.col} has ${b - a + 1} terms, more than ${maxTerms}`, n.col);
        let acc: Ast | null = null;
        for (let k = a; k <= b; k++) {
          const t = lower(n.body, { ...values, [n.indices[0]]: k });
          acc = acc ? bin('+', acc, t) : t;
        }
        return acc ?? num(0);
      }
      default:
        throw new ParseError(`${WHAT[n.kind] ?? n.kind} at column ${n.col} is not a scalar expression`, n.col);
    }
  };
  return lower(node, options.values ?? {});
}

/** One scalar expression (no relation, no text) as an Ast; sums are expanded with `options.values`. */
export function texToAst(src: string, options: LowerOptions = {}): Ast {
  const st = parseTeX(src, options);
  if (st.body.kind === 'seq' || st.body.kind === 'rel')
    throw new ParseError(`"${src}" is ${WHAT[st.body.kind]}, not a single expression (use parsePrintedFormula)`, st.body.col);
  return lowerTeX(st.body, options);
}

const INEQ: Partial<Record<RelOp, InequalityOp>> = { '=': '=', '<': '<', '<=': '<=', '>': '>', '>=': '>=', '!=': '!=' };

/** A relation chain as inequalities (a op1 b op2 c → a op1 b, b op2 c), or a ParseError. */
export function relationToInequalities(node: TexNode, options: LowerOptions = {}): Inequality[] {
  if (node.kind !== 'rel') throw new ParseError(`expected a relation at column ${node.col}`, node.col);
  const sides = node.items.map((it) => lowerTeX(it, options));
  return node.ops.map((op, k) => {
    const o = INEQ[op];
    if (!o) throw new ParseError(`the relation "${op}" at column ${node.col} is not an equality or inequality`, node.col);
    return { left: sides[k], op: o, right: sides[k + 1] };
  });
}

export interface PrintedPiece {
  /** The value of the piece (an expression), or null when the piece is itself a relation. */
  readonly value: Ast | null;
  /** The piece as relations when it is one (e.g. β > log(…) in (A1)), else []. */
  readonly relations: readonly Inequality[];
  /** Its condition(s), e.g. 0 ≤ c < 1/2 → [0 ≤ c, c < 1/2]; [] for none. */
  readonly conditions: readonly Inequality[];
  /** Text in the condition cell ("for"), trimmed. */
  readonly text: string;
}

export interface PrintedCondition extends Inequality {
  /** The words before it ("when", "for") or the separator ("quad"), trimmed; "" if none. */
  readonly qualifier: string;
}

export interface PrintedFormulaOptions extends LowerOptions {
  /** Read the item that defines this quantity (e.g. "W" in `\{1 - c, c, 0, 0\}; \quad \mathcal{W} = …`); default: the first item that is not text. */
  readonly quantity?: string;
}

export interface PrintedFormula {
  readonly tex: string;
  /** A trailing equation number, e.g. "10". */
  readonly label: string | null;
  /** The quantity the left-hand side names (a lone symbol, or a function applied, before "="), e.g. "W", "C_l1", "r", "d_k", "Z_p"; null otherwise. */
  readonly quantity: string | null;
  /** The arguments when the left-hand side is a function applied, e.g. [β] for Z_+(β) and [|ψ−⟩⟨ψ−|] for 𝓛(|ψ−⟩⟨ψ−|); [] otherwise. */
  readonly quantityArguments: readonly TexNode[];
  /** The expressions of the first relation chain after the quantity (each equal to it); all sides when there is no quantity. */
  readonly forms: readonly Ast[];
  /** The first item's relations when it is not a definition (e.g. 1 − c < … in (A1)), else []. */
  readonly relations: readonly Inequality[];
  /** The pieces of a \begin{cases}, in order (rows of text only, such as "or", are left out); null without cases. */
  readonly pieces: readonly PrintedPiece[] | null;
  /** Relations after the item read (after \quad, \text{when}, \text{for}). */
  readonly conditions: readonly PrintedCondition[];
  /** A limit the item is stated in, from a `x \to a:` just before it (e.g. r → 1 in `r \to 1:\ C_{l_1} = …`); else null. */
  readonly limit: { readonly variable: string; readonly to: Ast } | null;
}

const textOf = (n: TexNode | null): string =>
  n === null
    ? ''
    : n.kind === 'text'
      ? n.text.trim()
      : n.kind === 'seq'
        ? n.items
            .filter((i) => i.kind === 'text')
            .map((i) => (i as { text: string }).text.trim())
            .join(' ')
        : '';

/**
 * The scalar reading of a printed formula: `Q = A = B, \quad cond` → quantity Q, forms [A, B],
 * conditions; `Q = \begin{cases} … \end{cases}` → pieces with their conditions; a relation such as
 * `1 - c < \frac{…}{…} \text{ when } …` → relations and conditions. Sums are expanded with
 * `options.values` (e.g. { N: 5 }). Throws ParseError when a part is not scalar (a ket, a set …).
 */
export function parsePrintedFormula(src: string, options: PrintedFormulaOptions = {}): PrintedFormula {
  const st = parseTeX(src, options);
  const items = st.body.kind === 'seq' ? st.body.items : [st.body];
  const defines = (n: TexNode, q: string): boolean => {
    if (n.kind !== 'rel' || n.ops[0] !== '=') return false;
    const h = n.items[0].kind === 'apply' ? n.items[0].head : n.items[0];
    return h.kind === 'sym' && headName(h) === q;
  };
  const want = options.quantity;
  const first = want === undefined ? items.find((i) => i.kind !== 'text') : items.find((i) => defines(i, want));
  if (!first) throw new ParseError(want === undefined ? `"${src}" has no formula, only text` : `"${src}" has no item defining ${want}`, 1);
  // "x \to a:" just before the item
  const before = items[items.indexOf(first) - 1];
  let limit: PrintedFormula['limit'] = null;
  if (before && before.kind === 'rel' && before.ops.length === 1 && before.ops[0] === '->' && before.items[0].kind === 'sym') {
    limit = { variable: symbolName(before.items[0], options.values ?? {}), to: lowerTeX(before.items[1], options) };
  }
  let quantity: string | null = null;
  let quantityArguments: readonly TexNode[] = [];
  let forms: Ast[] = [];
  let relations: Inequality[] = [];
  let pieces: PrintedPiece[] | null = null;
  const casePieces = (c: Extract<TexNode, { kind: 'cases' }>): PrintedPiece[] =>
    c.rows
      .filter((r) => !(r.condition === null && r.value.kind === 'text'))
      .map((r) => {
        const conds = r.condition === null ? [] : (r.condition.kind === 'seq' ? r.condition.items : [r.condition]).filter((i) => i.kind !== 'text');
        const isRel = r.value.kind === 'rel';
        return {
          value: isRel ? null : lowerTeX(r.value, options),
          relations: isRel ? relationToInequalities(r.value, options) : [],
          conditions: conds.flatMap((cn) => relationToInequalities(cn, options)),
          text: textOf(r.condition),
        };
      });
  if (first.kind === 'rel') {
    const head = first.items[0];
    if (first.ops[0] === '=' && first.ops.every((o) => o === '=') && (head.kind === 'sym' || head.kind === 'apply')) {
      quantity =
        head.kind === 'sym' ? symbolName(head, options.values ?? {}) : symbolName(head.head as Extract<TexNode, { kind: 'sym' }>, options.values ?? {});
      if (head.kind === 'apply') quantityArguments = head.args;
      const rest = first.items.slice(1);
      if (rest.length === 1 && rest[0].kind === 'cases') pieces = casePieces(rest[0]);
      else forms = rest.map((x) => lowerTeX(x, options));
    } else if (first.ops.every((o) => o === '=')) {
      forms = first.items.map((x) => lowerTeX(x, options));
    } else relations = relationToInequalities(first, options);
  } else if (first.kind === 'cases') pieces = casePieces(first);
  else forms = [lowerTeX(first, options)];
  const conditions: PrintedCondition[] = [];
  let qualifier = '';
  const rest = items.slice(items.indexOf(first) + 1);
  for (const it of rest) {
    if (it.kind === 'text') {
      qualifier = it.text.trim();
      continue;
    }
    // "x \to a:" starts the next clause
    if (it.kind === 'rel' && it.ops.includes('->')) break;
    if (it.kind === 'cases') {
      // "… when \begin{cases} cond & for … \end{cases}": conditions per row
      for (const p of casePieces(it)) for (const r of p.relations) conditions.push({ ...r, qualifier: [qualifier, p.text].filter(Boolean).join(' ') });
      continue;
    }
    for (const r of relationToInequalities(it, options)) conditions.push({ ...r, qualifier });
  }
  return { tex: src, label: st.label, quantity, quantityArguments, forms, relations, pieces, conditions, limit };
}

/** Every `name = expr (= expr …)` item of a statement whose sides are scalar, e.g. d_k and D_k in Eqs. (13)–(14); other items are skipped. */
export function printedEquations(src: string, options: LowerOptions = {}): { readonly quantity: string; readonly forms: readonly Ast[] }[] {
  const st = parseTeX(src, options);
  const out: { quantity: string; forms: Ast[] }[] = [];
  const visit = (n: TexNode): void => {
    if (n.kind === 'seq') return n.items.forEach(visit);
    if (n.kind !== 'rel' || !n.ops.every((o) => o === '=')) return;
    // Z_+(\beta) = … defines Z_p
    const head = n.items[0].kind === 'apply' ? n.items[0].head : n.items[0];
    if (head.kind !== 'sym') return;
    try {
      out.push({ quantity: symbolName(head, options.values ?? {}), forms: n.items.slice(1).map((x) => lowerTeX(x, options)) });
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
    }
  };
  visit(st.body);
  return out;
}

/**
 * The maximal scalar subexpressions of a statement (sides of relations, values of cases rows,
 * items of lists, arguments), each lowered with `options`; parts that are not scalar are searched
 * inside. For finding which printed expression a formula transcribes.
 */
export function scalarParts(src: string, options: LowerOptions = {}): Ast[] {
  const out: Ast[] = [];
  const visit = (n: TexNode): void => {
    switch (n.kind) {
      case 'seq':
        return n.items.forEach(visit);
      case 'rel':
        return n.items.forEach(visit);
      case 'cases':
        return n.rows.forEach((r) => {
          visit(r.value);
          if (r.condition) visit(r.condition);
        });
      case 'list':
        return n.items.forEach(visit);
      case 'apply':
        return n.args.forEach(visit);
      case 'matrix':
        return n.rows.forEach((r) => r.forEach(visit));
      case 'limit':
        return visit(n.body);
      case 'underbrace':
        return visit(n.label);
      case 'text':
      case 'dots':
      case 'ket':
      case 'bra':
      case 'braket':
        return;
      default:
        try {
          out.push(lowerTeX(n, options));
        } catch (e) {
          if (!(e instanceof ParseError)) throw e;
          if (n.kind === 'op') {
            visit(n.left);
            visit(n.right);
          } else if (n.kind === 'neg' || n.kind === 'fn') visit(n.arg);
          else if (n.kind === 'sum') visit(n.body);
        }
    }
  };
  visit(parseTeX(src, options).body);
  return out;
}
