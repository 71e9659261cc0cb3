/**
 * Exact linear algebra over the rational-function field Q(parameters): reduced row echelon form,
 * null spaces, rank at a rational point and connected blocks of a sparse matrix.
 *
 * Every zero test is exact (a numerator is the zero polynomial). A rank or null space computed
 * over Q(parameters) is the GENERIC one: it holds at every parameter point where none of the pivots
 * used vanishes, and those pivots are returned (`pivots`) so that a caller can state where the
 * result is valid; at a special point the rank can only drop.
 */
import { InputError } from '../errors.js';
import { primitiveVector, rfReduce } from './polynomial-gcd.js';
import { rdiv, rmul, rsub, type Rational } from '../numeric/rational.js';
import { pdivExact, pequals, pisConstant, pisZero, pmul, pone, psize, psub, pzero, type Poly } from '../symbolic/poly.js';
import { ratfunc, rfConst, rfevalRational, rfisZero, rfmul, rfsub, type RatFunc } from '../symbolic/ratfunc.js';

/** A dense matrix of rational functions, as rows. */
export type RfMatrix = RatFunc[][];

const ZERO = rfConst(0);
const ONE = rfConst(1);

export interface EchelonForm {
  /** The reduced row echelon form (pivot entries 1, zero above and below them); zero rows dropped. */
  readonly rows: RfMatrix;
  /** Column of each row's pivot. */
  readonly pivotColumns: readonly number[];
  /** The last fraction-free pivot (a minor of the row-scaled matrix): the result holds wherever it does not vanish. */
  readonly pivots: readonly RatFunc[];
}

/** The row scaled by the product of its distinct denominators: a row of polynomials with the same null space. */
function polynomialRow(row: readonly RatFunc[]): Poly[] {
  const dens: Poly[] = [];
  for (const x of row) if (!rfisZero(x) && !pisConstant(x.den) && !dens.some((d) => pequals(d, x.den))) dens.push(x.den);
  const all = dens.reduce((a, b) => pmul(a, b), pone());
  return row.map((x) => (rfisZero(x) ? pzero() : pequals(x.den, all) ? x.num : pdivExact(pmul(x.num, all), x.den)));
}

/**
 * Reduced row echelon form over Q(params) by fraction-free Gauss–Jordan elimination (Bareiss):
 * every intermediate entry is a minor of the row-scaled matrix, so each division is exact and
 * nothing grows beyond a determinant; each pivot row is divided by the final pivot only at the end.
 * The pivot in each column is the candidate with the fewest terms.
 */
export function echelon(M: RfMatrix): EchelonForm {
  const m = M.length;
  const n = m ? M[0].length : 0;
  if (M.some((r) => r.length !== n)) throw new InputError('echelon: rows of different lengths');
  const A = M.map(polynomialRow);
  const pivotColumns: number[] = [];
  let prev = pone();
  let row = 0;
  for (let col = 0; col < n && row < m; col++) {
    let best = -1;
    for (let i = row; i < m; i++) if (!pisZero(A[i][col]) && (best < 0 || psize(A[i][col]) < psize(A[best][col]))) best = i;
    if (best < 0) continue;
    [A[row], A[best]] = [A[best], A[row]];
    const p = A[row][col];
    for (let i = 0; i < m; i++) {
      if (i === row) continue;
      const f = A[i][col];
      A[i] = A[i].map((x, j) => {
        if (j === col) return pzero();
        const t = pisZero(f) || pisZero(A[row][j]) ? pmul(p, x) : psub(pmul(p, x), pmul(f, A[row][j]));
        return pisZero(t) ? t : pdivExact(t, prev);
      });
    }
    prev = p;
    pivotColumns.push(col);
    row++;
  }
  // Rows above the last pivot were rescaled by every later pivot: each pivot row's pivot entry is its
  // own scale, so dividing the row by it gives the reduced form.
  const rows = A.slice(0, row).map((r, i) => {
    const piv = r[pivotColumns[i]];
    return r.map((x, j) => (j === pivotColumns[i] ? ONE : pisZero(x) ? ZERO : ratfunc(x, piv)));
  });
  const pivots = row ? [ratfunc(A[row - 1][pivotColumns[row - 1]])] : [];
  return { rows, pivotColumns, pivots };
}

export interface NullSpace {
  /** Basis vectors (one per free column; the free coordinate is 1, the other free ones 0). */
  readonly basis: RfMatrix;
  readonly rank: number;
  readonly pivots: readonly RatFunc[];
}

/**
 * {x : Mx = 0} over Q(params), one basis vector per free column: (pivot-variable entries from the
 * fraction-free echelon form, free entry its pivot), divided by the gcd of its entries and scaled
 * so that the free coordinate is 1 (the canonical reduced-echelon basis, in lowest terms).
 */
export function nullSpace(M: RfMatrix, columns = M[0]?.length ?? 0): NullSpace {
  const E = echelon(M);
  const isPivot = new Set(E.pivotColumns);
  const basis: RfMatrix = [];
  for (let free = 0; free < columns; free++) {
    if (isPivot.has(free)) continue;
    // x_free = 1, x_pivot(i) = −R[i][free] with R the reduced rows (R[i][free] = num/den)
    const entries = new Array<RatFunc>(columns).fill(ZERO);
    entries[free] = ONE;
    E.rows.forEach((r, i) => {
      if (!rfisZero(r[free])) entries[E.pivotColumns[i]] = rfsub(ZERO, r[free]);
    });
    // common denominator, gcd of the numerators, then back to free coordinate 1
    const dens: Poly[] = [];
    for (const x of entries) if (!pisConstant(x.den) && !dens.some((d) => pequals(d, x.den))) dens.push(x.den);
    const all = dens.reduce((a, b) => pmul(a, b), pone());
    const polys = primitiveVector(entries.map((x) => (rfisZero(x) ? pzero() : pdivExact(pmul(x.num, all), x.den))));
    const lead = polys[free];
    basis.push(polys.map((x) => (pisZero(x) ? ZERO : rfReduce(ratfunc(x, lead)))));
  }
  return { basis, rank: E.rows.length, pivots: E.pivots };
}

export const transpose = (M: RfMatrix): RfMatrix => (M.length ? M[0].map((_, j) => M.map((r) => r[j])) : []);

/** Rank of M at a rational parameter point (exact rational elimination); never above the generic rank. */
export function rankAt(M: RfMatrix, point: Readonly<Record<string, Rational>>): number {
  const A = M.map((r) => r.map((x) => rfevalRational(x, point)));
  const m = A.length;
  const n = m ? A[0].length : 0;
  let rank = 0;
  for (let col = 0; col < n && rank < m; col++) {
    const p = A.findIndex((r, i) => i >= rank && r[col].num !== 0n);
    if (p < 0) continue;
    [A[rank], A[p]] = [A[p], A[rank]];
    const piv = A[rank][col];
    for (let i = rank + 1; i < m; i++) {
      const f = A[i][col];
      if (f.num === 0n) continue;
      const t = rdiv(f, piv);
      A[i] = A[i].map((x, j) => (A[rank][j].num === 0n ? x : rsub(x, rmul(t, A[rank][j]))));
    }
    rank++;
  }
  return rank;
}

/** Product M·v. */
export function matVec(M: RfMatrix, v: readonly RatFunc[]): RatFunc[] {
  return M.map((r) => r.reduce((s, x, j) => (rfisZero(x) || rfisZero(v[j]) ? s : rfAddFast(s, rfmul(x, v[j]))), ZERO));
}

const rfAddFast = (a: RatFunc, b: RatFunc): RatFunc => (rfisZero(a) ? b : rfisZero(b) ? a : rfsub(a, rfsub(ZERO, b)));

/**
 * The connected blocks of a square sparsity pattern: index sets closed under "M[i][j] ≠ 0 or
 * M[j][i] ≠ 0". In a basis ordered block by block, M is block diagonal.
 */
export function connectedBlocks(n: number, nonzero: (i: number, j: number) => boolean): number[][] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      if (nonzero(i, j) || nonzero(j, i)) {
        const a = find(i);
        const b = find(j);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  }
  return [...groups.values()];
}
