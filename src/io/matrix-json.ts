/**
 * The matrix file format: JSON `{"re": [[…]], "im": [[…]]}` (`im` optional). Entries are JSON
 * numbers (read as written, i.e. as the shortest decimal of the float64 value), decimal strings
 * ("0.125", "-1.5e-3") or exact fractions ("79/272"). Reading is exact: nothing is rounded until
 * the matrix is converted to a working field. A caller that works in float64 can take the entries
 * as read (`readMatrixEntries`: the doubles of the JSON numbers, exact values only for strings)
 * and form the exact matrix only if it needs it.
 */
import { parseJsonText } from './json-text.js';
import { decimalOfNumber } from './json-number.js';
import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../errors.js';
import type { Field } from '../numeric/field.js';
import type { CMatrix } from '../numeric/matrix.js';
import type { Rational, RationalMatrix } from '../numeric/rational.js';
import { RZERO, parseRational } from '../numeric/rational.js';

/**
 * A matrix file as read, before any conversion: row-major, each JSON number as the double
 * JSON.parse gave (its exact value is `decimalOfNumber` of it), each string entry parsed exactly.
 */
export interface MatrixEntries {
  readonly rows: number;
  readonly cols: number;
  /** The JSON numbers; NaN where the entry is a string (its value is in `strings`). */
  readonly re: Float64Array;
  readonly im: Float64Array;
  /** Exact values of the string entries, row-major; undefined where the entry is a JSON number. */
  readonly strings: { readonly re: readonly (Rational | undefined)[]; readonly im: readonly (Rational | undefined)[] };
  /** How many entries were given as strings (0: a file of JSON numbers only). */
  readonly stringEntries: number;
  /** True if any entry was given as a non-integer JSON number (float64 input: float64 tolerances apply). */
  readonly hasFloatEntries: boolean;
}

/** Read the entries of the text of a matrix file (shape and entries checked); `source` names it in error messages. */
export function parseMatrixEntries(text: string, source: string): MatrixEntries {
  const data = parseJsonText(text, source);
  const dup = withoutDuplicateKeys(text, data) ? null : duplicateKey(text);
  if (dup !== null) throw new InputError(`${source}: the key "${dup}" appears twice (JSON would silently keep the last one)`);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InputError(`${source}: expected an object {"re": [[…]], "im": [[…]]}`);
  }
  const obj = data as Record<string, unknown>;
  const unknownKeys = Object.keys(obj).filter((k) => k !== 're' && k !== 'im');
  if (unknownKeys.length > 0) throw new InputError(`${source}: unexpected key "${unknownKeys[0]}" (only "re" and "im" are allowed)`);
  if (!('re' in obj)) throw new InputError(`${source}: missing "re"`);
  let hasFloatEntries = false;
  let stringEntries = 0;
  // Files of exact fractions repeat the same strings (a common denominator, a few numerators): each
  // distinct string is parsed once, and equal entries share one Rational (immutable).
  const parsed = new Map<string, Rational>();
  const part = (key: 're' | 'im', rows?: number, cols?: number): { rows: number; cols: number; values: Float64Array; strings: (Rational | undefined)[] } => {
    const raw = obj[key];
    if (!Array.isArray(raw) || raw.length === 0) throw new InputError(`${source}: "${key}" must be a non-empty array of rows`);
    const r = raw.length;
    if (!Array.isArray(raw[0])) throw new InputError(`${source}: "${key}" row 1 is not an array`);
    const c = (raw[0] as unknown[]).length;
    if (c === 0) throw new InputError(`${source}: "${key}" row 1 is empty`);
    if (rows !== undefined && (r !== rows || c !== cols)) throw new InputError(`${source}: "${key}" is ${r}×${c} but "re" is ${rows}×${cols}`);
    const values = new Float64Array(r * c);
    const strings: (Rational | undefined)[] = []; // row-major, one push per entry
    for (let i = 0; i < r; i++) {
      const row: unknown = raw[i];
      if (!Array.isArray(row)) throw new InputError(`${source}: "${key}" row ${i + 1} is not an array`);
      if (row.length !== c) throw new InputError(`${source}: "${key}" row ${i + 1} has ${row.length} entries, expected ${c}`);
      for (let j = 0; j < c; j++) {
        const x: unknown = row[j];
        if (typeof x === 'number') {
          if (!Number.isFinite(x)) throw new InputError(`${source}: "${key}"[${i + 1}][${j + 1}] is not finite`);
          if (!Number.isInteger(x)) hasFloatEntries = true;
          values[i * c + j] = x;
          strings.push(undefined);
        } else if (typeof x === 'string') {
          let q = parsed.get(x);
          if (q === undefined) {
            try {
              q = parseRational(x);
            } catch (e) {
              throw new InputError(`${source}: "${key}"[${i + 1}][${j + 1}]: ${(e as Error).message}`);
            }
            parsed.set(x, q);
          }
          strings.push(q);
          values[i * c + j] = NaN;
          stringEntries++;
        } else {
          throw new InputError(`${source}: "${key}"[${i + 1}][${j + 1}] must be a number or a string, got ${x === null ? 'null' : typeof x}`);
        }
      }
    }
    return { rows: r, cols: c, values, strings };
  };
  const re = part('re');
  const im = obj.im === undefined ? { values: new Float64Array(re.rows * re.cols), strings: [] } : part('im', re.rows, re.cols);
  return { rows: re.rows, cols: re.cols, re: re.values, im: im.values, strings: { re: re.strings, im: im.strings }, stringEntries, hasFloatEntries };
}

/** The exact matrix of entries read from a file: JSON numbers as the decimals they denote, strings as parsed. */
export function exactMatrix(Q: MatrixEntries): RationalMatrix {
  const exact = (values: Float64Array, strings: readonly (Rational | undefined)[]): Rational[] => {
    // a copy: the entries stay as read, and exactMatrix may be called again
    const out = strings.slice() as Rational[];
    for (let k = 0; k < values.length; k++) {
      const x = values[k];
      if (!Number.isNaN(x)) out[k] = x === 0 ? RZERO : decimalOfNumber(x); // a JSON number
    }
    return out;
  };
  return { rows: Q.rows, cols: Q.cols, re: exact(Q.re, Q.strings.re), im: exact(Q.im, Q.strings.im), hasFloatEntries: Q.hasFloatEntries };
}

/** Parse the text of a matrix file exactly; `source` names it in error messages. */
export function parseMatrixJson(text: string, source: string): RationalMatrix {
  return exactMatrix(parseMatrixEntries(text, source));
}

/**
 * True if the JSON text whose value is `data` certainly has no key twice in an object, decided
 * without a scan: with a single '{' in the whole text, `data` is the only object, each occurrence
 * of one of its keys is followed by a ':', so at most as many occurrences as ':' characters; as
 * many ':' as distinct keys leaves no room for a repeat. False: undecided (see duplicateKey).
 */
function withoutDuplicateKeys(text: string, data: unknown): boolean {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  const open = text.indexOf('{');
  if (open < 0 || text.indexOf('{', open + 1) >= 0) return false;
  const keys = Object.keys(data).length;
  let colons = 0;
  for (let k = text.indexOf(':'); k >= 0; k = text.indexOf(':', k + 1)) if (++colons > keys) return false;
  return colons === keys;
}

/**
 * The first key that occurs twice in the same object of valid JSON `text`, or null. Every string
 * is matched whole (escapes included), so the scan stays aligned; a string followed by ':' is a key.
 */
function duplicateKey(text: string): string | null {
  const stack: Set<string>[] = [];
  const token = /"(?:[^"\\]|\\.)*"(\s*:)?|[{}]/g;
  for (let m = token.exec(text); m !== null; m = token.exec(text)) {
    if (m[0] === '{') stack.push(new Set());
    else if (m[0] === '}') stack.pop();
    else if (m[1] !== undefined) {
      const key = JSON.parse(m[0].slice(0, m[0].length - m[1].length)) as string;
      const keys = stack[stack.length - 1];
      if (keys.has(key)) return key;
      keys.add(key);
    }
  }
  return null;
}

/** JSON.parse needs the file as one string, which node caps at 2^29 − 24 characters. */
const MAX_FILE_BYTES = 2 ** 29 - 24;

/** Read the entries of a matrix file (see parseMatrixEntries). */
export function readMatrixEntries(path: string): MatrixEntries {
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES)
      throw new InputError(
        `cannot read ${path}: ${(size / 2 ** 20).toFixed(0)} MB is more than a JSON text can hold here (512 MB; write the entries with fewer digits)`,
      );
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new InputError(`cannot read ${path}: ${why}`);
  }
  return parseMatrixEntries(text, path);
}

/** Read a matrix file exactly (see parseMatrixJson). */
export function readMatrixFile(path: string): RationalMatrix {
  return exactMatrix(readMatrixEntries(path));
}

/** A matrix as the file format, entries as decimal strings with `digits` significant digits. */
export function matrixToJson<T>(F: Field<T>, M: CMatrix<T>, digits: number = F.digits): { re: string[][]; im: string[][] } {
  const rows = (a: T[]): string[][] => Array.from({ length: M.rows }, (_, i) => a.slice(i * M.cols, (i + 1) * M.cols).map((x) => F.toString(x, digits)));
  return { re: rows(M.re), im: rows(M.im) };
}
