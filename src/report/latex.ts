/**
 * report.tex: an erratum note for the paper's readers, in LaTeX that pdflatex compiles with the
 * standard packages (amsmath, amssymb, graphicx, geometry). For each erratum: where it stands, the
 * form as printed, the corrected form, why the printed form cannot hold (the claim's
 * `differsWhere`) and how the correction was verified (its `howDecided` and checks); then the
 * results beyond the paper. Plain text is escaped for LaTeX and made ASCII: the Unicode that
 * ergocheck writes (Greek letters, relations, sub- and superscripts) becomes LaTeX commands, and
 * any other character is shown as its code point, never dropped.
 */
import { VERDICTS, type CheckedClaim } from '../claims/claim.js';
import { isBeyondThePaper } from './outline.js';
import type { Report } from './report.js';
import { isProse, texParts } from './tex.js';

/** LaTeX for the non-ASCII characters of ergocheck's texts; \ensuremath makes each valid in text and in math. */
const UNICODE: Readonly<Record<string, string>> = {
  α: '\\alpha',
  β: '\\beta',
  γ: '\\gamma',
  δ: '\\delta',
  ε: '\\varepsilon',
  η: '\\eta',
  θ: '\\theta',
  λ: '\\lambda',
  μ: '\\mu',
  ν: '\\nu',
  π: '\\pi',
  ρ: '\\rho',
  σ: '\\sigma',
  τ: '\\tau',
  φ: '\\phi',
  χ: '\\chi',
  ψ: '\\psi',
  ω: '\\omega',
  Γ: '\\Gamma',
  Δ: '\\Delta',
  Θ: '\\Theta',
  Λ: '\\Lambda',
  Π: '\\Pi',
  Φ: '\\Phi',
  Σ: '\\Sigma',
  Ψ: '\\Psi',
  Ω: '\\Omega',
  '⟨': '\\langle',
  '⟩': '\\rangle',
  '−': '-',
  '≈': '\\approx',
  '≡': '\\equiv',
  '≢': '\\not\\equiv',
  '≥': '\\geq',
  '≤': '\\leq',
  '≠': '\\neq',
  '→': '\\to',
  '←': '\\leftarrow',
  '↓': '{\\downarrow}',
  '↑': '{\\uparrow}',
  '⊗': '\\otimes',
  '†': '^\\dagger',
  '∞': '\\infty',
  '√': '\\surd',
  '∈': '\\in',
  '∉': '\\notin',
  '∝': '\\propto',
  '⟺': '\\iff',
  '⇔': '\\Leftrightarrow',
  '⇒': '\\Rightarrow',
  '×': '\\times',
  '∅': '\\emptyset',
  '∂': '\\partial',
  '∪': '\\cup',
  '∩': '\\cap',
  '·': '\\cdot',
  '½': '\\tfrac12',
  '±': '\\pm',
  '∑': '\\sum',
  '∫': '\\int',
  '∀': '\\forall',
  '∃': '\\exists',
  '²': '^2',
  '³': '^3',
  '⁴': '^4',
  '⁻': '^-',
  '¹': '^1',
  '⁰': '^0',
  '₀': '_0',
  '₁': '_1',
  '₂': '_2',
  '₊': '_+',
  '₋': '_-',
  ℓ: '\\ell',
  '…': '\\dots',
};
/** Text-mode LaTeX for characters that are not math (nothing from textcomp, whose TS1 fonts may be missing). */
const TEXT_UNICODE: Readonly<Record<string, string>> = {
  '–': '--',
  '—': '---',
  '“': '``',
  '”': "''",
  '‘': '`',
  '’': "'",
  Ç: '\\c{C}',
  ç: '\\c{c}',
  é: "\\'e",
  ö: '\\"o',
  ü: '\\"u',
  ı: '\\i{}',
  ğ: '\\u{g}',
  ş: '\\c{s}',
  '\u00a0': '~',
};
const TEXT_SPECIAL: Readonly<Record<string, string>> = {
  '\\': '\\ensuremath{\\backslash}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '#': '\\#',
  '%': '\\%',
  _: '\\_',
  '^': '{\\char94}',
  '~': '{\\char126}',
  '<': '\\ensuremath{<}',
  '>': '\\ensuremath{>}',
  '|': '\\ensuremath{|}',
};
const COMBINING_MACRON = '\u0304';

const codePoint = (ch: string): string => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Plain text as LaTeX: specials escaped, straight double quotes paired, known Unicode as commands, anything else as its code point. */
export function latexText(s: string): string {
  const chars = [...s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')];
  let out = '';
  let quotes = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === '"') out += quotes++ % 2 === 0 ? '``' : "''";
    else if (chars[i + 1] === COMBINING_MACRON) {
      out += `\\ensuremath{\\bar{${UNICODE[ch] ?? (/[A-Za-z0-9]/.test(ch) ? ch : '\\square')}}}`;
      i++;
    } else if (TEXT_SPECIAL[ch] !== undefined) out += TEXT_SPECIAL[ch];
    else if (ch.charCodeAt(0) < 128) out += ch;
    else if (UNICODE[ch] !== undefined) out += `\\ensuremath{${UNICODE[ch]}}`;
    else if (TEXT_UNICODE[ch] !== undefined) out += TEXT_UNICODE[ch];
    else out += `\\texttt{[${codePoint(ch)}]}`;
  }
  return out;
}

/** A TeX formula for LaTeX: unchanged, apart from non-ASCII characters (as in latexText) and line breaks. */
export function latexMath(tex: string): string {
  return [...tex.replace(/\s*\n\s*/g, ' ')]
    .map((ch) => (ch.charCodeAt(0) < 128 ? ch : UNICODE[ch] !== undefined ? `\\ensuremath{${UNICODE[ch]}}` : `\\text{[${codePoint(ch)}]}`))
    .join('');
}

/** A TeX field: a displayed formula (scaled down if wider than the line), or a paragraph of prose with inline math. */
function field(tex: string): string {
  if (!isProse(tex)) return `\\formula{${latexMath(tex)}}`;
  return `\\par\\noindent ${texParts(tex)
    .map((p) => (p.math ? `\\(${latexMath(p.text)}\\)` : latexText(p.text)))
    .join('')}\\par`;
}

/** "48 verified, 10 errata, …" from the claims' verdicts, in the order of the claim model. */
function verdictSummary(claims: readonly CheckedClaim[]): string {
  const counts = new Map<string, number>([...VERDICTS].map((v) => [v, 0]));
  for (const c of claims) counts.set(c.verdict, (counts.get(c.verdict) ?? 0) + 1);
  return [...counts]
    .filter(([, n]) => n > 0)
    .map(([v, n]) => `${n} ${v === 'erratum' && n !== 1 ? 'errata' : v.replace(/-/g, ' ')}`)
    .join(', ');
}

function checksSentence(c: CheckedClaim): string {
  const passed = c.evidence.checks.filter((k) => k.role === 'consistency' && k.outcome === 'pass');
  const failed = c.evidence.checks.filter((k) => k.role === 'printed' && k.outcome === 'fail');
  const name = (k: { name: string; method: string }) => `${latexText(k.name)} (${latexText(k.method.replace(/-/g, ' '))})`;
  const parts: string[] = [];
  if (passed.length > 0) parts.push(`our routes agree: ${passed.map(name).join('; ')}`);
  if (failed.length > 0) parts.push(`the printed form fails: ${failed.map(name).join('; ')}`);
  return parts.length === 0 ? '' : ` Checks --- ${parts.join('; ')}.`;
}

/** A clause as a sentence: capitalised, with a full stop. */
const sentence = (s: string): string => {
  const t = s.trim().replace(/^[a-z]/, (ch) => ch.toUpperCase());
  return /[.!?]$/.test(t) ? t : `${t}.`;
};

function erratumEntry(c: CheckedClaim, n: number): string[] {
  const e = c.evidence;
  return [
    `\\subsection*{${n}.\\ ${latexText(c.location)}}`,
    `\\noindent\\textbf{Printed.}`,
    field(c.printed),
    `\\noindent\\textbf{Corrected.}`,
    field(c.corrected ?? ''),
    `\\noindent\\textbf{Why.} ${latexText(sentence(e.differsWhere ?? c.statement))}`,
    '',
    `\\noindent\\textbf{How verified.} ${latexText(sentence(e.howDecided))}${checksSentence(c)} Claim \\texttt{${latexText(c.id)}}, ${e.precision}~digits.`,
    '',
  ];
}

function beyondEntry(c: CheckedClaim): string[] {
  const lines = [
    `\\item \\textbf{${latexText(c.location)}} (${latexText(c.verdict.replace(/-/g, ' '))}, claim \\texttt{${latexText(c.id)}}). ${latexText(sentence(c.statement))}`,
  ];
  if (c.derived !== null) lines.push(field(c.derived));
  lines.push(`${latexText(sentence(c.evidence.howDecided))}`);
  return lines;
}

const PREAMBLE = [
  '\\documentclass[11pt,a4paper]{article}',
  '\\usepackage{amsmath,amssymb}',
  '\\usepackage{graphicx}',
  '\\usepackage[margin=25mm]{geometry}',
  '\\setlength{\\parindent}{0pt}',
  '\\setlength{\\parskip}{0.5\\baselineskip}',
  '\\sloppy',
  '\\renewcommand{\\labelitemi}{\\ensuremath{\\bullet}}',
  '% a displayed formula, scaled down to the line width if it is wider',
  '\\newsavebox{\\formulabox}',
  '\\newcommand{\\formula}[1]{\\par\\sbox{\\formulabox}{$\\displaystyle #1$}%',
  '  \\ifdim\\wd\\formulabox>\\linewidth\\noindent\\resizebox{\\linewidth}{!}{\\usebox{\\formulabox}}%',
  '  \\else\\noindent\\makebox[\\linewidth][c]{\\usebox{\\formulabox}}\\fi\\par}',
];

export function renderLatex(report: Report): string {
  const p = report.parameters;
  const errata = report.claims.filter((c) => c.verdict === 'erratum');
  const beyond = report.claims.filter((c) => isBeyondThePaper(c.location));
  const date = /^\d{4}-\d{2}-\d{2}/.exec(p.startedAt)?.[0] ?? '';
  const lines = [
    `% report.tex, written by ${latexText(report.tool.name)} ${latexText(report.tool.version)} (verify, precision ${p.precision}, seed ${p.seed}); compile with pdflatex`,
    ...PREAMBLE,
    "\\title{Errata to ``Ergotropy from coherences in an open quantum system''}",
    `\\author{Checked with ${latexText(report.tool.name)} ${latexText(report.tool.version)}}`,
    `\\date{${latexText(date)}}`,
    '\\begin{document}',
    '\\maketitle',
    '',
    `To the readers of B.~\\c{C}akmak, \\emph{Ergotropy from coherences in an open quantum system}. We checked ${report.claims.length} statements of the paper --- its formulas, limits, orderings, textual statements and figures${p.only.length + p.skip.length > 0 ? ' (a selection)' : ''} --- symbolically in exact arithmetic and numerically at ${p.precision} significant digits (seed ${p.seed}): ${latexText(verdictSummary(report.claims))}.`,
    errata.length === 0
      ? 'None of them is misprinted.'
      : `${errata.length === 1 ? 'One of them is' : `${errata.length} of them are`} misprinted. For each we give where it stands, the form as printed, the corrected form, why the printed form cannot hold, and how the correction was verified. A correction is reported only when the printed form disagrees with two of our own routes (an exact derivation and an independent computation) that agree with each other.`,
    '',
    ...(errata.length === 0 ? [] : ['\\section*{Errata}', '', ...errata.flatMap((c, i) => erratumEntry(c, i + 1))]),
  ];
  if (beyond.length > 0) {
    lines.push('\\section*{Beyond the paper}', '', 'Results the paper does not state, obtained along the way:', '\\begin{itemize}');
    for (const c of beyond) lines.push(...beyondEntry(c));
    lines.push('\\end{itemize}', '');
  }
  lines.push(
    `Every claim, with its evidence, is in the full report (report.html, report.json) of the same run; it is reproduced by \\texttt{ergocheck verify --precision ${p.precision} --seed ${p.seed}}.`,
    '',
    '\\end{document}',
    '',
  );
  return lines.join('\n');
}
