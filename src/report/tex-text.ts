/**
 * TeX as readable plain text for terminals: `\frac{\omega}{1+e^{\omega\beta}}` → `ω/(1+e^(ωβ))`,
 * `\text{high temperature limit, } \beta \rightarrow 0` → `high temperature limit, β → 0`. A string
 * with `$…$` is text with inline math; one without is math throughout. Covers the constructs the
 * claims print (fractions, roots, sub- and superscripts, Greek letters, relations, \text, \left,
 * \underbrace); an unknown command is written as its name.
 */

const SYMBOLS: Record<string, string> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ϵ',
  varepsilon: 'ε',
  zeta: 'ζ',
  eta: 'η',
  theta: 'θ',
  kappa: 'κ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  xi: 'ξ',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  phi: 'φ',
  varphi: 'φ',
  chi: 'χ',
  psi: 'ψ',
  omega: 'ω',
  Gamma: 'Γ',
  Delta: 'Δ',
  Lambda: 'Λ',
  Phi: 'Φ',
  Psi: 'Ψ',
  Omega: 'Ω',
  leq: '≤',
  le: '≤',
  geq: '≥',
  ge: '≥',
  neq: '≠',
  ne: '≠',
  approx: '≈',
  to: '→',
  rightarrow: '→',
  Rightarrow: '⇒',
  leftarrow: '←',
  infty: '∞',
  cdot: '·',
  times: '×',
  dots: '…',
  ldots: '…',
  cdots: '⋯',
  langle: '⟨',
  rangle: '⟩',
  pm: '±',
  partial: '∂',
  sum: 'Σ',
  prod: 'Π',
  in: '∈',
  quad: ' ',
  qquad: ' ',
  dagger: '†',
  log: 'log',
  ln: 'ln',
  exp: 'exp',
  cosh: 'cosh',
  sinh: 'sinh',
  tanh: 'tanh',
  cos: 'cos',
  sin: 'sin',
  max: 'max',
  min: 'min',
  lim: 'lim',
  Tr: 'Tr',
  operatorname: '',
};
const SUB: Record<string, string> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
  '+': '₊',
  '-': '₋',
  '=': '₌',
  '(': '₍',
  ')': '₎',
};
const SUP: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '+': '⁺',
  '-': '⁻',
  T: 'ᵀ',
};

class Reader {
  i = 0;
  constructor(readonly s: string) {}
  get done(): boolean {
    return this.i >= this.s.length;
  }
  peek(): string {
    return this.s[this.i];
  }
  /** One argument: a {group} or a single token. */
  arg(): string {
    while (this.peek() === ' ') this.i++;
    if (this.peek() === '{') {
      this.i++;
      return this.until('}');
    }
    if (this.peek() === '\\') return this.command();
    return this.done ? '' : this.s[this.i++];
  }
  /** Math up to `close` (consumed) or the end. */
  until(close: string | null): string {
    let out = '';
    while (!this.done) {
      const ch = this.s[this.i];
      if (close !== null && ch === close) {
        this.i++;
        return out;
      }
      if (ch === '{') {
        this.i++;
        out += this.until('}');
      } else if (ch === '\\') out += this.command();
      else if (ch === '^' || ch === '_') {
        this.i++;
        out += script(this.arg(), ch === '^' ? SUP : SUB, ch);
      } else {
        this.i++;
        out += ch === '-' ? '−' : ch;
      }
    }
    return out;
  }
  command(): string {
    this.i++; // the backslash
    const m = /^([A-Za-z]+|.)/.exec(this.s.slice(this.i));
    if (m === null) return '';
    const name = m[1];
    this.i += name.length;
    switch (name) {
      case 'frac': {
        const a = this.arg();
        const b = this.arg();
        return `${wrap(a)}/${wrap(b)}`;
      }
      case 'sqrt':
        return `√${wrap(this.arg())}`;
      case 'text':
      case 'mathrm':
      case 'textrm':
      case 'mathcal':
      case 'mathbf':
      case 'mathit': {
        if (this.peek() !== '{') return this.arg();
        const start = ++this.i;
        let depth = 1;
        while (!this.done && depth > 0) {
          if (this.s[this.i] === '{') depth++;
          else if (this.s[this.i] === '}') depth--;
          this.i++;
        }
        const raw = this.s.slice(start, this.i - 1);
        return name === 'text' || name === 'textrm' ? raw : new Reader(raw).until(null);
      }
      case 'bar':
      case 'overline':
        return `${this.arg()}\u0304`;
      case 'hat':
        return `${this.arg()}\u0302`;
      case 'underbrace': {
        const body = this.arg();
        while (this.peek() === ' ') this.i++;
        if (this.peek() !== '_') return body;
        this.i++;
        return `${body} (${this.arg()} entries)`;
      }
      case 'left':
      case 'right':
      case 'big':
      case 'Big':
      case 'bigl':
      case 'bigr': {
        const d = this.peek() === '\\' ? this.command() : this.done ? '' : this.s[this.i++];
        return d === '.' ? '' : d;
      }
      case ' ':
      case ',':
      case ';':
      case ':':
        return ' ';
      case '{':
      case '}':
      case '|':
      case '%':
      case '$':
      case '#':
      case '&':
        return name;
      default: {
        const sym = SYMBOLS[name] ?? name;
        // a function name after an operand ("1/ω log(…)") needs a space: marked, resolved in texToText
        return /^[a-z]{2,}$/i.test(sym) ? `\u0000${sym}` : sym;
      }
    }
  }
}

/** Parenthesise a compound operand of / or √. */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: the combining macron and circumflex may follow a letter (n̄, x̂)
const wrap = (x: string): string => (/^[\p{L}\p{N}\u0304\u0302.₀-₉⁰-⁹]+$/u.test(x) ? x : `(${x})`);

function script(x: string, table: Record<string, string>, mark: string): string {
  if (x.length > 0 && [...x].every((ch) => ch in table)) return [...x].map((ch) => table[ch]).join('');
  return x.length === 1 ? `${mark}${x}` : `${mark}(${x})`;
}

/** Readable plain text of `tex` (see the file header). */
export function texToText(tex: string): string {
  const math = (s: string): string => new Reader(s).until(null);
  const text = tex.includes('$')
    ? tex
        .split(/\$\$?/)
        .map((part, k) => (k % 2 === 1 ? math(part) : part))
        .join('')
    : math(tex);
  return text
    .replace(/([^\s(\u0000])\u0000/g, '$1 ')
    .replace(/\u0000/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
