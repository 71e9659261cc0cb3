/**
 * Dense complex matrices over any Field, stored row-major as two flat arrays (real and imaginary
 * parts). Every function takes the field first and never mixes fields. Accuracy: each entry of a
 * result is a short sum of products, so errors are those of the field's arithmetic (no pivoting or
 * iteration here).
 */
import type { Field } from './field.js';
import type { Complex } from './complex.js';
import { convert } from './field.js';

export interface CMatrix<T> {
  readonly rows: number;
  readonly cols: number;
  readonly re: T[];
  readonly im: T[];
}

function assertShape(ok: boolean, what: string): void {
  if (!ok) throw new RangeError(what);
}

export function zeros<T>(F: Field<T>, rows: number, cols: number = rows): CMatrix<T> {
  assertShape(Number.isInteger(rows) && Number.isInteger(cols) && rows >= 0 && cols >= 0, `zeros: bad shape ${rows}×${cols}`);
  const n = rows * cols;
  return { rows, cols, re: new Array<T>(n).fill(F.zero), im: new Array<T>(n).fill(F.zero) };
}

export function identity<T>(F: Field<T>, n: number): CMatrix<T> {
  const I = zeros(F, n);
  for (let i = 0; i < n; i++) I.re[i * n + i] = F.one;
  return I;
}

/** Real diagonal matrix. */
export function diag<T>(F: Field<T>, d: readonly T[]): CMatrix<T> {
  const n = d.length;
  const D = zeros(F, n);
  for (let i = 0; i < n; i++) D.re[i * n + i] = d[i];
  return D;
}

/** Build from nested arrays (real part, optional imaginary part). */
export function fromRows<T>(F: Field<T>, re: readonly (readonly T[])[], im?: readonly (readonly T[])[]): CMatrix<T> {
  const rows = re.length;
  const cols = rows > 0 ? re[0].length : 0;
  const M = zeros(F, rows, cols);
  for (let i = 0; i < rows; i++) {
    assertShape(re[i].length === cols, `fromRows: row ${i} has ${re[i].length} entries, expected ${cols}`);
    if (im) assertShape(im.length === rows && im[i].length === cols, `fromRows: imaginary part is not ${rows}×${cols}`);
    for (let j = 0; j < cols; j++) {
      M.re[i * cols + j] = re[i][j];
      if (im) M.im[i * cols + j] = im[i][j];
    }
  }
  return M;
}

/** Nested arrays of numbers, for convenience in float64 code and tests. */
export const fromNumbers = <T>(F: Field<T>, re: readonly (readonly number[])[], im?: readonly (readonly number[])[]): CMatrix<T> =>
  fromRows(
    F,
    re.map((r) => r.map((x) => F.fromNumber(x))),
    im?.map((r) => r.map((x) => F.fromNumber(x))),
  );

export const get = <T>(A: CMatrix<T>, i: number, j: number): Complex<T> => ({ re: A.re[i * A.cols + j], im: A.im[i * A.cols + j] });
export function set<T>(A: CMatrix<T>, i: number, j: number, z: Complex<T>): void {
  A.re[i * A.cols + j] = z.re;
  A.im[i * A.cols + j] = z.im;
}

export const clone = <T>(A: CMatrix<T>): CMatrix<T> => ({ rows: A.rows, cols: A.cols, re: A.re.slice(), im: A.im.slice() });

export function convertMatrix<S, T>(from: Field<S>, to: Field<T>, A: CMatrix<S>): CMatrix<T> {
  return { rows: A.rows, cols: A.cols, re: A.re.map((x) => convert(from, to, x)), im: A.im.map((x) => convert(from, to, x)) };
}

export const isSquare = <T>(A: CMatrix<T>): boolean => A.rows === A.cols;

function sameShape<T>(A: CMatrix<T>, B: CMatrix<T>, op: string): void {
  assertShape(A.rows === B.rows && A.cols === B.cols, `${op}: shapes ${A.rows}×${A.cols} and ${B.rows}×${B.cols} differ`);
}

export function add<T>(F: Field<T>, A: CMatrix<T>, B: CMatrix<T>): CMatrix<T> {
  sameShape(A, B, 'add');
  return { rows: A.rows, cols: A.cols, re: A.re.map((x, k) => F.add(x, B.re[k])), im: A.im.map((x, k) => F.add(x, B.im[k])) };
}

export function sub<T>(F: Field<T>, A: CMatrix<T>, B: CMatrix<T>): CMatrix<T> {
  sameShape(A, B, 'sub');
  return { rows: A.rows, cols: A.cols, re: A.re.map((x, k) => F.sub(x, B.re[k])), im: A.im.map((x, k) => F.sub(x, B.im[k])) };
}

/** z·A for a complex scalar z. */
export function scale<T>(F: Field<T>, z: Complex<T>, A: CMatrix<T>): CMatrix<T> {
  const re = new Array<T>(A.re.length);
  const im = new Array<T>(A.re.length);
  for (let k = 0; k < re.length; k++) {
    re[k] = F.sub(F.mul(z.re, A.re[k]), F.mul(z.im, A.im[k]));
    im[k] = F.add(F.mul(z.re, A.im[k]), F.mul(z.im, A.re[k]));
  }
  return { rows: A.rows, cols: A.cols, re, im };
}

/** t·A for a real scalar t. */
export const scaleReal = <T>(F: Field<T>, t: T, A: CMatrix<T>): CMatrix<T> => ({
  rows: A.rows,
  cols: A.cols,
  re: A.re.map((x) => F.mul(t, x)),
  im: A.im.map((x) => F.mul(t, x)),
});

export function mul<T>(F: Field<T>, A: CMatrix<T>, B: CMatrix<T>): CMatrix<T> {
  assertShape(A.cols === B.rows, `mul: inner dimensions ${A.rows}×${A.cols} · ${B.rows}×${B.cols} do not match`);
  const { rows: n, cols: m } = A;
  const p = B.cols;
  const C = zeros(F, n, p);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < m; k++) {
      const ar = A.re[i * m + k];
      const ai = A.im[i * m + k];
      const arZero = F.isZero(ar);
      const aiZero = F.isZero(ai);
      if (arZero && aiZero) continue; // physics matrices are sparse; skipping zeros is exact
      for (let j = 0; j < p; j++) {
        const br = B.re[k * p + j];
        const bi = B.im[k * p + j];
        const idx = i * p + j;
        if (!arZero) {
          C.re[idx] = F.add(C.re[idx], F.mul(ar, br));
          C.im[idx] = F.add(C.im[idx], F.mul(ar, bi));
        }
        if (!aiZero) {
          C.re[idx] = F.sub(C.re[idx], F.mul(ai, bi));
          C.im[idx] = F.add(C.im[idx], F.mul(ai, br));
        }
      }
    }
  }
  return C;
}

export function adjoint<T>(F: Field<T>, A: CMatrix<T>): CMatrix<T> {
  const C = zeros(F, A.cols, A.rows);
  for (let i = 0; i < A.rows; i++)
    for (let j = 0; j < A.cols; j++) {
      C.re[j * A.rows + i] = A.re[i * A.cols + j];
      C.im[j * A.rows + i] = F.neg(A.im[i * A.cols + j]);
    }
  return C;
}

export function trace<T>(F: Field<T>, A: CMatrix<T>): Complex<T> {
  assertShape(isSquare(A), `trace: matrix is ${A.rows}×${A.cols}, not square`);
  let re = F.zero;
  let im = F.zero;
  for (let i = 0; i < A.rows; i++) {
    re = F.add(re, A.re[i * A.cols + i]);
    im = F.add(im, A.im[i * A.cols + i]);
  }
  return { re, im };
}

/** Real parts of the diagonal. */
export function diagonal<T>(A: CMatrix<T>): T[] {
  const n = Math.min(A.rows, A.cols);
  const d: T[] = [];
  for (let i = 0; i < n; i++) d.push(A.re[i * A.cols + i]);
  return d;
}

/** Kronecker product A ⊗ B (A's index is the more significant). */
export function kron<T>(F: Field<T>, A: CMatrix<T>, B: CMatrix<T>): CMatrix<T> {
  const rows = A.rows * B.rows;
  const cols = A.cols * B.cols;
  const C = zeros(F, rows, cols);
  for (let ia = 0; ia < A.rows; ia++)
    for (let ja = 0; ja < A.cols; ja++) {
      const ar = A.re[ia * A.cols + ja];
      const ai = A.im[ia * A.cols + ja];
      if (F.isZero(ar) && F.isZero(ai)) continue;
      for (let ib = 0; ib < B.rows; ib++)
        for (let jb = 0; jb < B.cols; jb++) {
          const br = B.re[ib * B.cols + jb];
          const bi = B.im[ib * B.cols + jb];
          const k = (ia * B.rows + ib) * cols + ja * B.cols + jb;
          C.re[k] = F.sub(F.mul(ar, br), F.mul(ai, bi));
          C.im[k] = F.add(F.mul(ar, bi), F.mul(ai, br));
        }
    }
  return C;
}

/** Kronecker product of a list of matrices, first factor most significant. */
export function kronAll<T>(F: Field<T>, factors: readonly CMatrix<T>[]): CMatrix<T> {
  assertShape(factors.length > 0, 'kronAll: no factors');
  return factors.slice(1).reduce((acc, M) => kron(F, acc, M), factors[0]);
}

/**
 * Partial trace of a square matrix on a tensor product of subsystems with dimensions `dims`
 * (first most significant), keeping the subsystems listed in `keep` (in their original order).
 */
export function partialTrace<T>(F: Field<T>, A: CMatrix<T>, dims: readonly number[], keep: readonly number[]): CMatrix<T> {
  const total = dims.reduce((a, b) => a * b, 1);
  assertShape(isSquare(A) && A.rows === total, `partialTrace: matrix is ${A.rows}×${A.cols}, subsystem dimensions [${dims.join(', ')}] need ${total}×${total}`);
  const kept = [...new Set(keep)].sort((a, b) => a - b);
  assertShape(
    kept.every((k) => Number.isInteger(k) && k >= 0 && k < dims.length),
    `partialTrace: keep must list subsystems in 0..${dims.length - 1}`,
  );
  const traced = dims.map((_, k) => k).filter((k) => !kept.includes(k));
  const keptDims = kept.map((k) => dims[k]);
  const tracedDims = traced.map((k) => dims[k]);
  const dk = keptDims.reduce((a, b) => a * b, 1);
  const dt = tracedDims.reduce((a, b) => a * b, 1);
  const strides = dims.map((_, k) => dims.slice(k + 1).reduce((a, b) => a * b, 1));
  const unpack = (x: number, ds: number[]): number[] => {
    const out = new Array<number>(ds.length);
    for (let k = ds.length - 1; k >= 0; k--) {
      out[k] = x % ds[k];
      x = Math.floor(x / ds[k]);
    }
    return out;
  };
  const fullIndex = (keptIdx: number[], tracedIdx: number[]): number => {
    let s = 0;
    kept.forEach((k, a) => (s += keptIdx[a] * strides[k]));
    traced.forEach((k, a) => (s += tracedIdx[a] * strides[k]));
    return s;
  };
  const R = zeros(F, dk);
  for (let i = 0; i < dk; i++) {
    const ik = unpack(i, keptDims);
    for (let j = 0; j < dk; j++) {
      const jk = unpack(j, keptDims);
      let re = F.zero;
      let im = F.zero;
      for (let t = 0; t < dt; t++) {
        const ti = unpack(t, tracedDims);
        const p = fullIndex(ik, ti) * total + fullIndex(jk, ti);
        re = F.add(re, A.re[p]);
        im = F.add(im, A.im[p]);
      }
      R.re[i * dk + j] = re;
      R.im[i * dk + j] = im;
    }
  }
  return R;
}

/** [A, B] = AB − BA */
export const commutator = <T>(F: Field<T>, A: CMatrix<T>, B: CMatrix<T>): CMatrix<T> => sub(F, mul(F, A, B), mul(F, B, A));
/** {A, B} = AB + BA */
export const anticommutator = <T>(F: Field<T>, A: CMatrix<T>, B: CMatrix<T>): CMatrix<T> => add(F, mul(F, A, B), mul(F, B, A));

/** max_{ij} |A_ij − conj(A_ji)| (0 for an exactly Hermitian matrix). */
export function hermiticityDefect<T>(F: Field<T>, A: CMatrix<T>): T {
  assertShape(isSquare(A), `hermiticityDefect: matrix is ${A.rows}×${A.cols}, not square`);
  const n = A.rows;
  let worst = F.zero;
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      const dr = F.sub(A.re[i * n + j], A.re[j * n + i]);
      const di = F.add(A.im[i * n + j], A.im[j * n + i]);
      const d = F.sqrt(F.add(F.mul(dr, dr), F.mul(di, di)));
      if (F.cmp(d, worst) > 0) worst = d;
    }
  return worst;
}

export const isHermitian = <T>(F: Field<T>, A: CMatrix<T>, tol: T = F.zero): boolean => isSquare(A) && F.cmp(hermiticityDefect(F, A), tol) <= 0;

/** The submatrix on the given row and column indices (block extraction). */
export function block<T>(A: CMatrix<T>, rowIdx: readonly number[], colIdx: readonly number[] = rowIdx): CMatrix<T> {
  for (const i of rowIdx) assertShape(Number.isInteger(i) && i >= 0 && i < A.rows, `block: row index ${i} out of range 0..${A.rows - 1}`);
  for (const j of colIdx) assertShape(Number.isInteger(j) && j >= 0 && j < A.cols, `block: column index ${j} out of range 0..${A.cols - 1}`);
  const re: T[] = [];
  const im: T[] = [];
  for (const i of rowIdx)
    for (const j of colIdx) {
      re.push(A.re[i * A.cols + j]);
      im.push(A.im[i * A.cols + j]);
    }
  return { rows: rowIdx.length, cols: colIdx.length, re, im };
}

/** Frobenius norm √(Σ|a_ij|²). */
export function frobeniusNorm<T>(F: Field<T>, A: CMatrix<T>): T {
  let s = F.zero;
  for (let k = 0; k < A.re.length; k++) s = F.add(s, F.add(F.mul(A.re[k], A.re[k]), F.mul(A.im[k], A.im[k])));
  return F.sqrt(s);
}

/** max_{ij} |a_ij| */
export function maxAbs<T>(F: Field<T>, A: CMatrix<T>): T {
  let worst = F.zero;
  for (let k = 0; k < A.re.length; k++) {
    const a = F.sqrt(F.add(F.mul(A.re[k], A.re[k]), F.mul(A.im[k], A.im[k])));
    if (F.cmp(a, worst) > 0) worst = a;
  }
  return worst;
}

/**
 * A A† computed on and above the diagonal and mirrored, so the result is exactly Hermitian (the
 * diagonal is exactly real) and positive semidefinite up to the rounding of its entries.
 */
export function gram<T>(F: Field<T>, A: CMatrix<T>): CMatrix<T> {
  const { rows: n, cols: m } = A;
  const W = zeros(F, n);
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      // Σ_k A_ik · conj(A_jk)
      let re = F.zero;
      let im = F.zero;
      for (let k = 0; k < m; k++) {
        const ar = A.re[i * m + k];
        const ai = A.im[i * m + k];
        const br = A.re[j * m + k];
        const bi = A.im[j * m + k];
        re = F.add(re, F.add(F.mul(ar, br), F.mul(ai, bi)));
        if (i !== j) im = F.add(im, F.sub(F.mul(ai, br), F.mul(ar, bi)));
      }
      W.re[i * n + j] = re;
      W.re[j * n + i] = re;
      if (i !== j) {
        W.im[i * n + j] = im;
        W.im[j * n + i] = F.neg(im);
      }
    }
  return W;
}

/** Tr(A B) without forming the product. */
export function traceProduct<T>(F: Field<T>, A: CMatrix<T>, B: CMatrix<T>): Complex<T> {
  assertShape(A.cols === B.rows && A.rows === B.cols, 'traceProduct: shapes do not match');
  let re = F.zero;
  let im = F.zero;
  for (let i = 0; i < A.rows; i++)
    for (let k = 0; k < A.cols; k++) {
      const a = i * A.cols + k;
      const b = k * B.cols + i;
      re = F.add(re, F.sub(F.mul(A.re[a], B.re[b]), F.mul(A.im[a], B.im[b])));
      im = F.add(im, F.add(F.mul(A.re[a], B.im[b]), F.mul(A.im[a], B.re[b])));
    }
  return { re, im };
}

/** The matrix as nested number arrays (for display and float64 interop). */
export function toNumbers<T>(F: Field<T>, A: CMatrix<T>): { re: number[][]; im: number[][] } {
  const re: number[][] = [];
  const im: number[][] = [];
  for (let i = 0; i < A.rows; i++) {
    re.push(A.re.slice(i * A.cols, (i + 1) * A.cols).map((x) => F.toNumber(x)));
    im.push(A.im.slice(i * A.cols, (i + 1) * A.cols).map((x) => F.toNumber(x)));
  }
  return { re, im };
}
