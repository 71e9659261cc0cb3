/**
 * The paper's scalar formulas, read by the TeX parser from the one transcription there is: the
 * printed TeX of the claims in proofs/ and the verbatim math of the paper's text
 * (fixtures/paper-math.json). Each comes with the ranges its variables are sampled in: [lo, hi]
 * and whether the variable is an integer. Shared by the parser, TeX and probe tests.
 */
import { readFileSync } from 'node:fs';
import { CLAIMS } from '../../proofs/index.js';
import { astToString, type Ast, variables } from '../../src/symbolic/expr.js';
import { scalarParts } from '../../src/symbolic/tex-parse.js';

export interface PaperFormula {
  readonly name: string;
  /** In our expression syntax (astToString of what the TeX parser read). */
  readonly formula: string;
  readonly ranges: Readonly<Record<string, readonly [number, number, boolean?]>>;
}

/** Verbatim math segments of the paper's text (see fixtures/extract-paper-math.ts). */
export const PAPER_MATH: readonly { readonly line: number; readonly display: boolean; readonly tex: string }[] = JSON.parse(
  readFileSync(new URL('./fixtures/paper-math.json', import.meta.url), 'utf8'),
);

const B: readonly [number, number] = [0.01, 5];
const W: readonly [number, number] = [0.2, 3];
/** Where each variable is sampled (the physical domain: β > 0, ω > 0, 0 ≤ c ≤ 1, 0 < r < 1, 1 ≤ N ≤ 12). */
const VARIABLE_RANGES: Readonly<Record<string, readonly [number, number, boolean?]>> = {
  beta: B,
  omega: W,
  hbar: [0.5, 2],
  c: [0, 1],
  r: [0.05, 0.95],
  nbar: [0.01, 50],
  N: [1, 12, true],
  k: [0, 12, true],
  p_k: [1, 924, true],
};
/** Narrower c ranges where a formula is only defined on part of [0, 1] (the printed thresholds: c of their own conditions). */
const C_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  'appa-a1': [0.55, 0.75],
  'appa-a2': [0.76, 0.99],
  'appa-a3': [0.76, 0.99],
  'line 319': [0.55, 0.75],
  'line 321': [0.76, 0.99],
  'line 323': [0.76, 0.99],
};

/** A formula is kept when it has a variable and an operation (not a lone symbol) and every variable has a range. */
function collect(): PaperFormula[] {
  const sources = [...CLAIMS.map((c) => ({ name: c.id, tex: c.printed })), ...PAPER_MATH.map((m) => ({ name: `line ${m.line}`, tex: m.tex }))];
  const seen = new Set<string>();
  const out: PaperFormula[] = [];
  for (const s of sources) {
    let parts: Ast[];
    try {
      parts = scalarParts(s.tex);
    } catch {
      continue; // the paper's (B1), (B2) blocks have unbalanced brackets: see tex-parse.test.ts
    }
    parts.forEach((ast, i) => {
      const formula = astToString(ast);
      const vars = variables(ast);
      if (vars.length === 0 || ast.kind === 'var' || seen.has(formula) || !vars.every((v) => v in VARIABLE_RANGES)) return;
      seen.add(formula);
      const ranges = Object.fromEntries(vars.map((v) => [v, v === 'c' && C_RANGES[s.name] ? C_RANGES[s.name] : VARIABLE_RANGES[v]]));
      out.push({ name: `${s.name} #${i}`, formula, ranges });
    });
  }
  return out;
}

export const PAPER_FORMULAS: readonly PaperFormula[] = collect();
