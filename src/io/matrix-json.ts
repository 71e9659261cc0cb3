/**
 * The matrix file format: JSON `{"re": [[…]], "im": [[…]]}` (`im` optional). Entries are JSON
 * numbers (read as written, i.e. as the shortest decimal of the float64 value), decimal strings
 * ("0.125", "-1.5e-3") or exact fractions ("79/272"). Reading is exact: nothing is rounded until
 * the matrix is converted to a working field.
 */
import { parseJsonText } from './json-text.js';
import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../errors.js';
import type { Field } from '../numeric/field.js';
import type { CMatrix } from '../numeric/matrix.js';
import type { Rational, RationalMatrix } from '../numeric/rational.js';
import { RZERO, parseRational, rationalFromNumber } from '../numeric/rational.js';

/** Parse the text of a matrix file; `source` names it in error messages. */
export function parseMatrixJson(text: string, source: string): RationalMatrix {
  const data = parseJsonText(text, source);
  const dup = duplicateKey(text);
  if (dup !== null) throw new InputError(`${source}: the key "${dup}" appears twice (JSON would silently keep the last one)`);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InputError(`${source}: expected an object {"re": [[…]], "im": [[…]]}`);
  }
  const obj = data as Record<string, unknown>;
  const unknownKeys = Object.keys(obj).filter((k) => k !== 're' && k !== 'im');
  if (unknownKeys.length > 0) throw new InputError(`${source}: unexpected key "${unknownKeys[0]}" (only "re" and "im" are allowed)`);
  if (!('re' in obj)) throw new InputError(`${source}: missing "re"`);
  let hasFloatEntries = false;
  const part = (key: 're' | 'im', rows?: number, cols?: number): { rows: number; cols: number; entries: Rational[] } => {
    const raw = obj[key];
    if (!Array.isArray(raw) || raw.length === 0) throw new InputError(`${source}: "${key}" must be a non-empty array of rows`);
    const r = raw.length;
    if (!Array.isArray(raw[0])) throw new InputError(`${source}: "${key}" row 1 is not an array`);
    const c = (raw[0] as unknown[]).length;
    if (c === 0) throw new InputError(`${source}: "${key}" row 1 is empty`);
    if (rows !== undefined && (r !== rows || c !== cols)) throw new InputError(`${source}: "${key}" is ${r}×${c} but "re" is ${rows}×${cols}`);
    const entries: Rational[] = [];
    raw.forEach((row, i) => {
      if (!Array.isArray(row)) throw new InputError(`${source}: "${key}" row ${i + 1} is not an array`);
      if (row.length !== c) throw new InputError(`${source}: "${key}" row ${i + 1} has ${row.length} entries, expected ${c}`);
      row.forEach((x: unknown, j: number) => {
        const where = `${source}: "${key}"[${i + 1}][${j + 1}]`;
        if (typeof x === 'number') {
          if (!Number.isFinite(x)) throw new InputError(`${where} is not finite`);
          if (!Number.isInteger(x)) hasFloatEntries = true;
          entries.push(rationalFromNumber(x));
        } else if (typeof x === 'string') {
          try {
            entries.push(parseRational(x));
          } catch (e) {
            throw new InputError(`${where}: ${(e as Error).message}`);
          }
        } else {
          throw new InputError(`${where} must be a number or a string, got ${x === null ? 'null' : typeof x}`);
        }
      });
    });
    return { rows: r, cols: c, entries };
  };
  const re = part('re');
  const im = obj.im === undefined ? { entries: new Array<Rational>(re.rows * re.cols).fill(RZERO) } : part('im', re.rows, re.cols);
  return { rows: re.rows, cols: re.cols, re: re.entries, im: im.entries, hasFloatEntries };
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

/** Read a matrix file (see parseMatrixJson). */
/** JSON.parse needs the file as one string, which node caps at 2^29 − 24 characters. */
const MAX_FILE_BYTES = 2 ** 29 - 24;

export function readMatrixFile(path: string): RationalMatrix {
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
  return parseMatrixJson(text, path);
}

/** A matrix as the file format, entries as decimal strings with `digits` significant digits. */
export function matrixToJson<T>(F: Field<T>, M: CMatrix<T>, digits: number = F.digits): { re: string[][]; im: string[][] } {
  const rows = (a: T[]): string[][] => Array.from({ length: M.rows }, (_, i) => a.slice(i * M.cols, (i + 1) * M.cols).map((x) => F.toString(x, digits)));
  return { re: rows(M.re), im: rows(M.im) };
}
