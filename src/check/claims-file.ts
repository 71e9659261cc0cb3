/**
 * The claims file: a user's own formulas about states of the model, read and validated in full
 * before anything is checked (schema: docs/claims-file.schema.json). Every problem is an
 * InputError of one line naming the claim and the problem.
 */
import { parseJsonText } from '../io/json-text.js';
import { InputError } from '../errors.js';
import type { RationalMatrix } from '../numeric/rational.js';
import { densityFromRational } from '../physics/density.js';
import { decimalField } from '../numeric/decimal.js';
import { parseMatrixJson } from '../io/matrix-json.js';
import { astToString, parse as parseInfix, variables, type Ast } from '../symbolic/expr.js';
import { lowerTeX, parsePrintedFormula, parseTeX, type TexNode } from '../symbolic/tex-parse.js';
import { checkInModel, integersIn, isPoint, parseAssumption, PARAMETERS, TEMPERATURE, type Parameter, type Range } from './domain.js';

/** The quantities a claim can be about. */
export const QUANTITIES = [
  'ergotropy',
  'coherence',
  'energy',
  'passive-energy',
  'incoherent-ergotropy',
  'eigenvalues',
  'populations',
  'purity',
  'concurrence',
] as const;
export type Quantity = (typeof QUANTITIES)[number];
/** Quantities whose value is a list (compared entry by entry; eigenvalues as sorted lists). */
export const LIST_QUANTITIES: readonly Quantity[] = ['eigenvalues', 'populations'];

export const FAMILIES = ['two-qubit', 'steady-state', 'gibbs', 'explicit'] as const;
export type Family = (typeof FAMILIES)[number];
/** Older names of families, still read: the first release called the two-qubit family by its equation number. */
const FAMILY_ALIASES: Readonly<Record<string, Family>> = { eq7: 'two-qubit' };

export type Initial =
  | { readonly kind: 'ground' | 'excited' | 'thermal' | 'psi-plus' | 'psi-minus' }
  | { readonly kind: 'dicke'; readonly k: number }
  | { readonly kind: 'matrix'; readonly matrix: RationalMatrix };

export interface StateSpec {
  readonly family: Family;
  /** The collective steady state's initial state (family steady-state). */
  readonly initial?: Initial;
  /** The state itself (family explicit). */
  readonly matrix?: RationalMatrix;
}

/** One validated user claim. */
export interface UserClaimSpec {
  readonly id: string;
  readonly quantity: Quantity;
  readonly state: StateSpec;
  /** The TeX as the user printed it, or null when the formula was given in plain infix. */
  readonly printed: string | null;
  /** The plain-infix formula(s) as given, or null. */
  readonly formula: string | readonly string[] | null;
  /** Optional words for the claim (default: generated). */
  readonly statement: string | null;
  /** Assumed range of each named parameter (exact), within the model. */
  readonly assume: Readonly<Partial<Record<Parameter, Range>>>;
  /** The numbers of qubits to check, increasing. */
  readonly qubits: readonly number[];
  /** The formula at a given N (TeX sums expanded): one Ast for a scalar quantity, a list otherwise. */
  readonly formsAt: (N: number) => readonly Ast[];
}

/** The parameters a family's states depend on (and so a formula or an assumption may use). */
export function familyParameters(family: Family): Parameter[] {
  switch (family) {
    case 'two-qubit':
      return ['beta', 'omega', 'y', 'r', 'nbar', 'c'];
    case 'steady-state':
    case 'gibbs':
      return ['beta', 'omega', 'y', 'r', 'nbar', 'N'];
    case 'explicit':
      return ['omega'];
  }
}

const QUANTITY_ALIASES: Readonly<Record<string, Quantity>> = {
  'l1-coherence': 'coherence',
  coherences: 'coherence',
  spectrum: 'eigenvalues',
  'dephased-ergotropy': 'incoherent-ergotropy',
};

/** "passive energy", "Passive_Energy" → "passive-energy". */
const normalise = (s: string): string =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');

/** The quantity a printed left-hand side names, for catching a formula filed under the wrong quantity. */
const SYMBOL_QUANTITY: Readonly<Record<string, Quantity>> = { W: 'ergotropy', C_l1: 'coherence' };

const CLAIM_KEYS = ['id', 'quantity', 'state', 'printed', 'formula', 'assume', 'statement'];
const STATE_KEYS: Readonly<Record<Family, string[]>> = {
  'two-qubit': ['family'],
  'steady-state': ['family', 'qubits', 'initial'],
  gibbs: ['family', 'qubits'],
  explicit: ['family', 'matrix'],
};

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function readInitial(raw: unknown, where: string): Initial {
  if (typeof raw === 'string') {
    const t = raw.trim();
    if (t === 'ground' || t === 'excited' || t === 'thermal' || t === 'psi-plus' || t === 'psi-minus') return { kind: t };
    const m = /^dicke:(\d+)$/.exec(t);
    if (m) return { kind: 'dicke', k: Number(m[1]) };
    throw new InputError(`${where}: unknown initial state "${t}" (ground, excited, thermal, dicke:K, psi-plus, psi-minus, or a matrix {"re": …, "im": …})`);
  }
  if (isObject(raw)) return { kind: 'matrix', matrix: readMatrix(raw, `${where}: initial`) };
  throw new InputError(`${where}: "initial" must be a name (ground, excited, thermal, dicke:K, psi-plus, psi-minus) or a matrix {"re": …, "im": …}`);
}

function readMatrix(raw: Record<string, unknown>, where: string): RationalMatrix {
  const Q = parseMatrixJson(JSON.stringify(raw), where);
  const n = Q.rows;
  if (n !== Q.cols || n < 2 || (n & (n - 1)) !== 0 || n > 2 ** 12)
    throw new InputError(`${where}: a state of N qubits is 2^N × 2^N (N = 1…12), got ${n}×${Q.cols}`);
  // Hermitian, unit trace (exactly) and positive semidefinite (certified)
  try {
    densityFromRational(decimalField(30), Q, { what: 'the matrix' });
  } catch (e) {
    if (e instanceof InputError) throw new InputError(`${where}: ${e.message}`);
    throw e;
  }
  return Q;
}

/** The scalar or list form(s) of printed TeX, with sums expanded at N. */
function texForms(tex: string, list: boolean, N: number | undefined): Ast[] {
  const values: Record<string, number> = N === undefined ? {} : { N };
  if (!list) {
    const f = parsePrintedFormula(tex, { values });
    if (f.pieces !== null) throw new InputError('a piecewise printed formula: give one claim per piece, with its condition in "assume"');
    if (f.forms.length === 0) throw new InputError('no formula to check (a relation or text only)');
    return [f.forms[f.forms.length - 1]];
  }
  const st = parseTeX(tex);
  let node: TexNode = st.body;
  if (node.kind === 'rel') node = node.items[node.items.length - 1];
  if (node.kind !== 'list') return [lowerTeX(node, { values })];
  return node.items.map((it) => lowerTeX(it, { values }));
}

function printedQuantity(tex: string, N: number | undefined): string | null {
  try {
    return parsePrintedFormula(tex, { values: N === undefined ? {} : { N } }).quantity;
  } catch {
    return null;
  }
}

/** Validate one claim object (see the module comment); `index` numbers claims without an id. */
function readClaim(raw: unknown, index: number): UserClaimSpec {
  if (!isObject(raw)) throw new InputError(`claim ${index + 1}: must be an object {"id", "quantity", "state", "printed" or "formula", "assume"}`);
  if (typeof raw.id !== 'string' || raw.id.trim() === '') throw new InputError(`claim ${index + 1}: "id" must be a non-empty string`);
  const id = raw.id;
  // the id pattern of docs/claim.schema.json, so checked user claims fit the reports
  if (!/^[a-z0-9][a-z0-9.-]*$/.test(id))
    throw new InputError(
      `claim "${id}": the id may contain only lower-case letters, digits, . and - (it names the claim in reports), starting with a letter or digit`,
    );
  const where = `claim "${id}"`;
  for (const k of Object.keys(raw)) if (!CLAIM_KEYS.includes(k)) throw new InputError(`${where}: unknown key "${k}" (keys: ${CLAIM_KEYS.join(', ')})`);

  if (typeof raw.quantity !== 'string') throw new InputError(`${where}: "quantity" must be a string (${QUANTITIES.join(', ')})`);
  const qn = normalise(raw.quantity);
  const quantity = (QUANTITIES as readonly string[]).includes(qn) ? (qn as Quantity) : Object.hasOwn(QUANTITY_ALIASES, qn) ? QUANTITY_ALIASES[qn] : undefined;
  if (quantity === undefined) {
    throw new InputError(`${where}: unknown quantity "${raw.quantity}" (quantities: ${QUANTITIES.join(', ')})`);
  }

  if (!isObject(raw.state)) throw new InputError(`${where}: "state" must be an object such as {"family": "two-qubit"}`);
  const st = raw.state;
  const family: Family | undefined =
    typeof st.family !== 'string'
      ? undefined
      : (FAMILIES as readonly string[]).includes(st.family)
        ? (st.family as Family)
        : Object.hasOwn(FAMILY_ALIASES, st.family)
          ? FAMILY_ALIASES[st.family]
          : undefined;
  if (family === undefined) throw new InputError(`${where}: unknown state family ${JSON.stringify(st.family)} (families: ${FAMILIES.join(', ')})`);
  for (const k of Object.keys(st))
    if (!STATE_KEYS[family].includes(k))
      throw new InputError(`${where}: the state family ${family} has no key "${k}" (keys: ${STATE_KEYS[family].join(', ')})`);
  if (st.basis !== undefined) throw new InputError(`${where}: only the computational basis is supported`);

  // the numbers of qubits the state fixes
  let fixedN: number | undefined;
  let state: StateSpec = { family };
  if (family === 'two-qubit') fixedN = 2;
  if (st.qubits !== undefined) {
    if (typeof st.qubits !== 'number' || !Number.isInteger(st.qubits) || st.qubits < 1 || st.qubits > 12)
      throw new InputError(`${where}: "qubits" must be an integer from 1 to 12, got ${JSON.stringify(st.qubits)}`);
    fixedN = st.qubits;
  }
  if (family === 'steady-state') {
    if (st.initial === undefined)
      throw new InputError(`${where}: a steady state needs "initial" (ground, excited, thermal, dicke:K, psi-plus, psi-minus, or a matrix)`);
    const initial = readInitial(st.initial, where);
    if (initial.kind === 'matrix') {
      const n = Math.log2(initial.matrix.rows);
      if (fixedN !== undefined && n !== fixedN)
        throw new InputError(`${where}: the initial matrix is ${initial.matrix.rows}×${initial.matrix.rows}, not a state of ${fixedN} qubits`);
      fixedN = n;
    }
    if ((initial.kind === 'psi-plus' || initial.kind === 'psi-minus') && fixedN !== undefined && fixedN !== 2)
      throw new InputError(`${where}: ${initial.kind} is a state of 2 qubits, not ${fixedN}`);
    if (initial.kind === 'psi-plus' || initial.kind === 'psi-minus') fixedN = 2;
    state = { family, initial };
  }
  if (family === 'explicit') {
    if (!isObject(st.matrix)) throw new InputError(`${where}: an explicit state needs "matrix": {"re": [[…]], "im": [[…]]}`);
    const matrix = readMatrix(st.matrix, `${where}: matrix`);
    fixedN = Math.log2(matrix.rows);
    state = { family, matrix };
  }

  // assumptions
  const params = familyParameters(family);
  const assume: Partial<Record<Parameter, Range>> = {};
  if (raw.assume !== undefined) {
    if (!isObject(raw.assume)) throw new InputError(`${where}: "assume" must be an object such as {"beta": "0", "c": "0 <= c < 1/2"}`);
    for (const [k, v] of Object.entries(raw.assume)) {
      if (!(PARAMETERS as readonly string[]).includes(k))
        throw new InputError(`${where}: unknown parameter "${k}" in "assume" (parameters: ${PARAMETERS.join(', ')})`);
      const p = k as Parameter;
      if (!params.includes(p)) throw new InputError(`${where}: the state ${family} has no parameter ${p} (it has ${params.join(', ') || 'none'})`);
      if (typeof v !== 'string' && typeof v !== 'number')
        throw new InputError(`${where}: the assumption on ${p} must be a string such as "0" or "0 <= ${p} < 1/2"`);
      assume[p] = checkInModel(p, parseAssumption(p, String(v), `${where}: assume ${p}`), `${where}: assume ${p}`);
    }
  }
  const temps = TEMPERATURE.filter((t) => assume[t] !== undefined);
  if (temps.length > 1)
    throw new InputError(
      `${where}: assume bounds ${temps.join(' and ')}, which are one temperature (y = r = e^{-beta omega}, nbar = y/(1 - y)): bound only one`,
    );
  if (assume.N !== undefined && fixedN !== undefined && !(isPoint(assume.N) && assume.N.lo!.num === BigInt(fixedN)))
    throw new InputError(`${where}: assume N contradicts the state, which has ${fixedN} qubits`);
  const qubits = fixedN !== undefined ? [fixedN] : assume.N !== undefined ? integersIn(assume.N) : [];
  if (qubits.length === 0) throw new InputError(`${where}: give the number of qubits ("qubits" in the state, or "N" in "assume")`);
  if (state.initial?.kind === 'dicke' && state.initial.k > qubits[0])
    throw new InputError(`${where}: dicke:${state.initial.k} has more excitations than ${qubits[0]} qubits`);
  if (family === 'two-qubit' || state.initial?.kind === 'psi-plus' || state.initial?.kind === 'psi-minus') {
    if (qubits.some((n) => n !== 2)) throw new InputError(`${where}: this state is a state of 2 qubits`);
  }

  if (quantity === 'concurrence' && qubits.some((n) => n !== 2))
    throw new InputError(`${where}: the concurrence is defined here for two qubits, not ${qubits.find((n) => n !== 2)}`);

  // the formula
  const list = LIST_QUANTITIES.includes(quantity);
  const hasPrinted = raw.printed !== undefined;
  const hasFormula = raw.formula !== undefined;
  if (hasPrinted === hasFormula) throw new InputError(`${where}: give exactly one of "printed" (TeX) and "formula" (plain infix)`);
  let printed: string | null = null;
  let formula: string | readonly string[] | null = null;
  let formsAt: (N: number) => readonly Ast[];
  if (hasPrinted) {
    if (typeof raw.printed !== 'string' || raw.printed.trim() === '') throw new InputError(`${where}: "printed" must be a non-empty TeX string`);
    const tex = raw.printed;
    printed = tex;
    formsAt = (N) => {
      try {
        return texForms(tex, list, N);
      } catch (e) {
        if (e instanceof InputError) throw new InputError(`${where}: printed TeX: ${e.message}`);
        throw e;
      }
    };
    const sym = printedQuantity(tex, qubits[0]);
    const fits =
      sym === null || SYMBOL_QUANTITY[sym] === undefined || SYMBOL_QUANTITY[sym] === quantity || (sym === 'W' && quantity === 'incoherent-ergotropy');
    if (!fits && sym !== null)
      throw new InputError(`${where}: the printed formula defines ${sym} (the ${SYMBOL_QUANTITY[sym]}), but the claim's quantity is ${quantity}`);
  } else {
    const f = raw.formula;
    const texts = typeof f === 'string' ? [f] : Array.isArray(f) && f.every((x) => typeof x === 'string') ? (f as string[]) : null;
    if (texts === null || texts.length === 0 || texts.some((t) => t.trim() === ''))
      throw new InputError(`${where}: "formula" must be a plain infix string${list ? ' or a list of them' : ''}`);
    if (!list && texts.length !== 1) throw new InputError(`${where}: ${quantity} is one number: give one formula, not a list`);
    const asts = texts.map((t, k) => {
      try {
        return parseInfix(t);
      } catch (e) {
        if (e instanceof InputError) throw new InputError(`${where}: formula${texts.length > 1 ? ` ${k + 1}` : ''}: ${e.message}`);
        throw e;
      }
    });
    formula = typeof f === 'string' ? f : texts;
    // N in a plain formula is the number of qubits
    formsAt = (N) => asts.map((a) => substituteN(a, N));
  }
  // every form at every N parses; every variable is a parameter of the state
  for (const N of qubits) {
    const forms = formsAt(N);
    for (const a of forms) {
      for (const v of variables(a)) {
        if (!(PARAMETERS as readonly string[]).includes(v))
          throw new InputError(`${where}: the formula uses "${v}", which is not a parameter of the model (parameters: ${PARAMETERS.join(', ')})`);
        if (!params.includes(v as Parameter))
          throw new InputError(`${where}: the formula uses ${v}, which the state ${family} does not have (it has ${params.join(', ') || 'no parameter'})`);
      }
    }
  }
  const statement = typeof raw.statement === 'string' ? raw.statement : null;
  if (raw.statement !== undefined && statement === null) throw new InputError(`${where}: "statement" must be a string`);
  return { id, quantity, state, printed, formula, statement, assume, qubits, formsAt };
}

function substituteN(a: Ast, N: number): Ast {
  switch (a.kind) {
    case 'var':
      return a.name === 'N' ? { kind: 'num', value: { num: BigInt(N), den: 1n }, text: String(N) } : a;
    case 'neg':
      return { ...a, arg: substituteN(a.arg, N) };
    case 'call':
      return { ...a, arg: substituteN(a.arg, N) };
    case 'bin':
      return { ...a, left: substituteN(a.left, N), right: substituteN(a.right, N) };
    default:
      return a;
  }
}

/** Parse and validate a whole claims file (JSON text); `source` names it in messages. */
export function parseClaimsFile(text: string, source = 'claims file'): UserClaimSpec[] {
  const data = parseJsonText(text, source);
  if (!isObject(data) || !Array.isArray(data.claims)) throw new InputError(`${source}: expected {"claims": [ … ]}`);
  for (const k of Object.keys(data)) if (k !== 'claims') throw new InputError(`${source}: unknown key "${k}" (only "claims")`);
  if (data.claims.length === 0) throw new InputError(`${source}: "claims" is empty`);
  const seen = new Set<string>();
  const out: UserClaimSpec[] = [];
  data.claims.forEach((raw, i) => {
    const id = isObject(raw) && typeof raw.id === 'string' ? raw.id : null;
    if (id !== null && seen.has(id)) throw new InputError(`claim "${id}": the id is used twice`);
    if (id !== null) seen.add(id);
    out.push(readClaim(raw, i));
  });
  return out;
}

/** The formula of a claim as plain infix, for messages and the generated statement. */
export const formsText = (forms: readonly Ast[]): string => (forms.length === 1 ? astToString(forms[0]) : `[${forms.map(astToString).join(', ')}]`);
