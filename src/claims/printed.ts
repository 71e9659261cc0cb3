/**
 * What a claim compares, read from the one transcription of the paper: its printed TeX. The
 * templates call these readers, so a claim spec carries the TeX and at most which item of it to
 * read; no plain-infix copy of a printed formula exists anywhere.
 */
import { exactConstant } from '../symbolic/evaluate.js';
import { astToString, expandDefinitions, variables, type Ast } from '../symbolic/expr.js';
import { lowerTeX, parsePrintedFormula, parseTeX, printedEquations, symbolName, type Inequality, type PrintedFormula } from '../symbolic/tex-parse.js';
import { parseRational, rationalToString, rcmp } from '../numeric/rational.js';

/** Which part of a printed statement a claim reads, and the conventions it reads it with. */
export interface PrintedReading {
  /** Read the item that defines this quantity (e.g. "W" in `\{…\}; \quad \mathcal{W} = …`); default: the first formula item. */
  readonly quantity?: string;
  /** Which forms of the printed equality chain are compared (indices from 0); default: all. */
  readonly forms?: readonly number[];
  /**
   * Printed definitions of symbols the formula uses (e.g. `Z_+(\beta) = 1 + e^{-\omega\beta} + …`,
   * TeX as printed elsewhere in the paper); substituted before comparing.
   */
  readonly definitions?: readonly string[];
}

/** The symbol → formula map of printed definitions (the last form of each). */
export function printedDefinitions(texs: readonly string[] = []): Record<string, Ast> {
  const out: Record<string, Ast> = {};
  for (const t of texs) for (const d of printedEquations(t)) out[d.quantity] = d.forms[d.forms.length - 1];
  return out;
}

/** The printed statement read with `reading`, and with integer `values` substituted (e.g. { N: 5 }). */
export function readPrinted(printed: string, reading: PrintedReading = {}, values?: Readonly<Record<string, number>>): PrintedFormula {
  return parsePrintedFormula(printed, { quantity: reading.quantity, values });
}

/** The printed forms a formula claim compares, as formulas of the expression language (definitions expanded). */
export function printedForms(printed: string, reading: PrintedReading = {}, values?: Readonly<Record<string, number>>): string[] {
  const p = readPrinted(printed, reading, values);
  const defs = printedDefinitions(reading.definitions);
  const idx = reading.forms ?? p.forms.map((_, i) => i);
  if (idx.length === 0) throw new Error(`printedForms: "${printed}" prints no form to compare`);
  return idx.map((i) => {
    const f = p.forms[i];
    if (!f) throw new Error(`printedForms: "${printed}" has no form ${i + 1} (it has ${p.forms.length})`);
    return astToString(expandDefinitions(f, defs));
  });
}

/** One printed case of a piecewise formula: the formula and its printed interval of the branch variable. */
export interface PrintedBranch {
  readonly formula: string;
  readonly lo: string;
  readonly hi: string;
  /** Closed or open ends, as printed: '[)' is lo ≤ v < hi. */
  readonly ends: '[]' | '[)' | '(]' | '()';
}

const constantOf = (a: Ast, what: string): string => {
  const q = exactConstant(a);
  if (!q) throw new Error(`printed case bound ${astToString(a)} of ${what} is not a number`);
  return rationalToString(q);
};

/**
 * The interval of `variable` that printed conditions state: `0 ≤ c < 1/2` → ['0', '1/2', '[)'],
 * `c = 3/4` → ['3/4', '3/4', '[]']; a missing end is the domain's (closed).
 */
export function intervalOf(
  conditions: readonly Inequality[],
  variable: string,
  domain: { lo: string; hi: string },
  what: string,
): { lo: string; hi: string; ends: PrintedBranch['ends'] } {
  let lo = domain.lo;
  let hi = domain.hi;
  let loClosed = true;
  let hiClosed = true;
  // the domain's ends stand only where nothing is printed; printed conditions intersect
  let loSet = false;
  let hiSet = false;
  const isVar = (a: Ast) => a.kind === 'var' && a.name === variable;
  for (const q of conditions) {
    // normalise to "variable op constant"
    const flip: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=', '!=': '!=' };
    const [op, bound] = isVar(q.left) ? [q.op, q.right] : isVar(q.right) ? [flip[q.op], q.left] : [null, null];
    if (op === null || bound === null)
      throw new Error(`printed condition of ${what} does not bound ${variable}: ${astToString(q.left)} ${q.op} ${astToString(q.right)}`);
    if (variables(bound).length) throw new Error(`printed case bound ${astToString(bound)} of ${what} is not a number`);
    const b = constantOf(bound, what);
    const cLo = rcmp(parseRational(b), parseRational(lo));
    const cHi = rcmp(parseRational(b), parseRational(hi));
    if (op === '=' || op === '>' || op === '>=') {
      const closed = op !== '>';
      if (!loSet || cLo > 0 || (cLo === 0 && !closed)) [lo, loClosed] = [b, closed];
      loSet = true;
    }
    if (op === '=' || op === '<' || op === '<=') {
      const closed = op !== '<';
      if (!hiSet || cHi < 0 || (cHi === 0 && !closed)) [hi, hiClosed] = [b, closed];
      hiSet = true;
    }
    if (op === '!=') throw new Error(`printed condition ${op} of ${what} is not an interval`);
  }
  return { lo, hi, ends: `${loClosed ? '[' : '('}${hiClosed ? ']' : ')'}` as PrintedBranch['ends'] };
}

/** The cases of a printed piecewise formula, each with its interval of `variable`, in printed order. */
export function printedBranches(printed: string, reading: PrintedReading, variable: string, domain: { lo: string; hi: string }): PrintedBranch[] {
  const p = readPrinted(printed, reading);
  if (!p.pieces) throw new Error(`printedBranches: "${printed}" prints no cases`);
  const defs = printedDefinitions(reading.definitions);
  return p.pieces.map((piece, i) => {
    if (!piece.value) throw new Error(`printedBranches: case ${i + 1} of "${printed}" is a relation, not a value`);
    return { formula: astToString(expandDefinitions(piece.value, defs)), ...intervalOf(piece.conditions, variable, domain, `case ${i + 1}`) };
  });
}

/** One printed limit statement `x \to a: Q \to v` or `x \to a: Q = v`. */
export interface PrintedLimit {
  readonly variable: string;
  readonly at: Ast;
  readonly quantity: string;
  readonly value: Ast;
}

/**
 * Every limit a printed statement states, in order: an item `x \to a` followed by an item that
 * gives the value of a quantity (`Q \to v` or `Q = v`), read with integer `values` (e.g. { N: 5 }).
 */
export function printedLimits(printed: string, values?: Readonly<Record<string, number>>): PrintedLimit[] {
  const body = parseTeX(printed, {}).body;
  const items = body.kind === 'seq' ? body.items : [body];
  const out: PrintedLimit[] = [];
  const opts = { values };
  for (let i = 0; i + 1 < items.length; i++) {
    const a = items[i];
    const b = items[i + 1];
    if (a.kind !== 'rel' || a.ops.length !== 1 || a.ops[0] !== '->' || a.items[0].kind !== 'sym') continue;
    if (b.kind !== 'rel' || b.ops.length !== 1 || (b.ops[0] !== '->' && b.ops[0] !== '=') || b.items[0].kind !== 'sym') continue;
    out.push({
      variable: symbolName(a.items[0], values ?? {}),
      at: lowerTeX(a.items[1], opts),
      quantity: symbolName(b.items[0], values ?? {}),
      value: lowerTeX(b.items[1], opts),
    });
    i++;
  }
  return out;
}

/** The relation symbol of a printed statement that is one relation between two sides, e.g. '>' in `p_k d_k > p_{k+1} d_{k+1}`. */
export function printedRelation(printed: string): Inequality['op'] {
  const body = parseTeX(printed).body;
  if (body.kind !== 'rel' || body.ops.length !== 1) throw new Error(`printedRelation: "${printed}" is not one relation`);
  const op = body.ops[0];
  if (op !== '<' && op !== '>' && op !== '<=' && op !== '>=' && op !== '=' && op !== '!=') throw new Error(`printedRelation: "${op}" is not an (in)equality`);
  return op;
}
