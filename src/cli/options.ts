/**
 * The values several commands accept (precision, exact numbers, integers in a range, files and
 * directories) as converters for option tables (option-table.ts), and the options they share.
 */
import { InputError } from '../errors.js';
import { DEFAULT_PRECISION } from '../numeric/decimal.js';
import { parseRational, rabs, rationalFromNumber, rcmp, RZERO, type Rational } from '../numeric/rational.js';
import { option, type OptionContext } from './option-table.js';

const FLOAT64_MAX = rationalFromNumber(Number.MAX_VALUE);

export const MIN_PRECISION = 10;
/**
 * decimal.js carries ln 10 and π to 1025 digits, so its ln, exp of large arguments, non-integer
 * powers and trigonometric functions refuse a working precision beyond ≈ 1013 digits; internal
 * guard digits (up to ≈ 70 on top of the requested precision in the claims' first-principles
 * routes) must stay below that. 900 keeps a margin of more than 40 digits.
 */
export const MAX_PRECISION = 900;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** --precision D: an integer number of significant digits. */
export function precisionOption(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PRECISION;
  const d = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(d) || d < MIN_PRECISION || d > MAX_PRECISION) {
    throw new InputError(`--precision must be an integer from ${MIN_PRECISION} to ${MAX_PRECISION}, got "${value}"`);
  }
  return d;
}

/** A numeric option read exactly; `positive` demands > 0, otherwise ≥ 0 when `nonNegative`. */
export function numberOption(name: string, value: string, rule: 'positive' | 'nonNegative' | 'any' = 'any'): Rational {
  let q: Rational;
  try {
    q = parseRational(value);
  } catch {
    throw new InputError(`--${name} must be a number (decimal or fraction), got "${value}"`);
  }
  // beyond the float64 range nothing in the model is meaningful, and --float64 could not take it
  if (rcmp(rabs(q), FLOAT64_MAX) > 0) throw new InputError(`--${name} must lie within ±1.8e308 (the float64 range), got ${value}`);
  if (rule === 'positive' && rcmp(q, RZERO) <= 0) throw new InputError(`--${name} must be > 0, got ${value}`);
  if (rule === 'nonNegative' && rcmp(q, RZERO) < 0) throw new InputError(`--${name} must be ≥ 0, got ${value}`);
  return q;
}

/** Tolerance text shared by the help of every command that reads a state. */
export const TOLERANCE_HELP = `Input checks (each failure: a one-line message and exit code 2):
  the file must be readable JSON {"re": [[…]], "im": [[…]]} of a square matrix
  with finite entries; the state must be Hermitian and have trace 1 and be
  positive semidefinite. Entries given as strings ("0.125", "79/272") are exact
  and Hermiticity and trace are then checked exactly (tolerance 0); if any entry
  is a non-integer JSON number the input is taken to be float64 data and the
  tolerance is d·2^-50 (d the dimension). Positivity: the smallest eigenvalue,
  certified to ±bound, must be ≥ −(bound + d·10^(1−P)·max|ρ_ij| + tolerance),
  P the working precision, so an exactly positive state passes at any precision
  (a rigorous float64 Cholesky test decides first when it can: fast for big states).
  --tolerance T overrides the tolerance (absolute, T ≥ 0).`;

/** Converter of a numeric option read exactly (see numberOption). */
export const exactNumber =
  (rule: 'positive' | 'nonNegative' | 'any' = 'any') =>
  (raw: string, cx: OptionContext): Rational =>
    numberOption(cx.name, raw, rule);

/** Converter of an integer option within [lo, hi]; the message names the command. */
export const integerIn =
  (lo: number, hi: number) =>
  (raw: string, cx: OptionContext): number => {
    const n = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < lo || n > hi)
      throw new InputError(`${cx.command}: --${cx.name} must be an integer from ${lo} to ${hi}, got "${raw}"`);
    return n;
  };

/** Converter of a file name: any non-blank string (reading it is the command's business). */
export const fileName = (raw: string, cx: OptionContext): string => {
  if (raw.trim() === '') throw new InputError(`${cx.command}: --${cx.name} must name a file`);
  return raw;
};

/** Converter of a directory name (an output place, checked by the command before any work). */
export const directoryName = (raw: string, cx: OptionContext): string => {
  if (raw.trim() === '') throw new InputError(`${cx.command}: --${cx.name} must name a directory`);
  return raw;
};

/** --precision D of the commands that compute at a working precision. */
export const PRECISION = option({
  value: 'D',
  help: `significant digits, ${MIN_PRECISION}–${MAX_PRECISION}`,
  default: String(DEFAULT_PRECISION),
  read: (raw) => precisionOption(raw),
});
