/** Reading a density matrix (and optionally a Hamiltonian) from files for the CLI commands. */
import { InputError } from '../errors.js';
import type { DecimalField } from '../numeric/decimal.js';
import type { CMatrix } from '../numeric/matrix.js';
import type { Field } from '../numeric/field.js';
import { exactMatrix, readMatrixFile, type MatrixEntries } from '../io/matrix-json.js';
import {
  checkHermitianExact,
  defaultTolerance,
  densityFromRational,
  rationalToField,
  type DensityCheckOptions,
  type DensityMatrix,
  type RationalMatrix,
} from '../physics/density.js';
import { densityFromFloat64Entries } from '../physics/density-float64.js';

type Dec = DecimalField['zero'];

export function toleranceOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const t = Number(value);
  if (!Number.isFinite(t) || t < 0 || value.trim() === '') throw new InputError(`--tolerance must be a number ≥ 0, got "${value}"`);
  return t;
}

/** Read and validate the state in FILE at field D. */
export function readState(D: DecimalField, path: string, tolerance: number | undefined): DensityMatrix<Dec> {
  return densityFromRational(D, readMatrixFile(path), { tolerance, what: `ρ in ${path}` });
}

/**
 * Validate a state read from a file, in field F. A float64 computation on a file of JSON numbers
 * checks the doubles it will use (the same decisions, without reading every entry exactly);
 * otherwise the entries are read exactly and checked exactly.
 */
export function densityFromEntries<T>(F: Field<T>, Q: MatrixEntries, options: DensityCheckOptions): DensityMatrix<T> {
  if (F.kind === 'float64' && Q.stringEntries === 0) return densityFromFloat64Entries(Q, () => exactMatrix(Q), options) as DensityMatrix<T>;
  return densityFromRational(F, exactMatrix(Q), options);
}

/** Read a Hermitian matrix (a Hamiltonian) of dimension n. */
export function readHermitian(D: DecimalField, path: string, n: number): CMatrix<Dec> {
  return rationalToField(D, readHermitianExact(path, n));
}

/** Read a Hermitian matrix (a Hamiltonian) of dimension n, exactly. */
export function readHermitianExact(path: string, n: number): RationalMatrix {
  const Q = readMatrixFile(path);
  if (Q.rows !== Q.cols) throw new InputError(`H in ${path} is ${Q.rows}×${Q.cols}, not square`);
  if (Q.rows !== n) throw new InputError(`H in ${path} is ${Q.rows}×${Q.cols} but ρ is ${n}×${n}`);
  checkHermitianExact(Q, defaultTolerance(Q), `H in ${path}`);
  return Q;
}
