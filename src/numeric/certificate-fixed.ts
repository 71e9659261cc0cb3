/**
 * The fixed-point specialisation of `residualBounds` (certificate.ts): the same norm bounds of
 * R = AV − VΛ and E = V†V − I, bit for bit, as the generic version run in fixedField(gBits) on V
 * shifted up to gBits — but V is taken at its own, coarser binary point (the eigensolver's), so no
 * conversion is made, every dot product is accumulated exactly in BigInt with three real products
 * per complex one instead of four, and each entry of R and E is rounded once to G's unit.
 *
 * Accuracy: exactly that of `residualBounds(fixedField(gBits), A, V·2^(gBits−vBits), values)`
 * (tested bit for bit against it); every bound is in units of 2^-gBits.
 */
import type { CMatrix } from './matrix.js';
import type { NormBounds } from './certificate.js';

/** x·2^-s rounded half up (x·2^|s| when s ≤ 0): the generic reduceWide on a rescaled product. */
const roundShift = (x: bigint, s: number): bigint => (s > 0 ? (x + (1n << BigInt(s - 1))) >> BigInt(s) : x << BigInt(-s));

const absB = (x: bigint): bigint => (x < 0n ? -x : x);

/**
 * Norm bounds of R = AV − VΛ and E = V†V − I for A and values in units of 2^-gBits and V in units
 * of 2^-vBits (vBits ≤ gBits), in units of 2^-gBits. Matrices are row-major n×n.
 */
export function residualBoundsFixed(gBits: number, vBits: number, A: CMatrix<bigint>, V: CMatrix<bigint>, values: readonly bigint[]): NormBounds<bigint> {
  const n = A.rows;
  if (!(Number.isInteger(vBits) && Number.isInteger(gBits) && vBits >= 1 && vBits <= gBits))
    throw new RangeError(`residualBoundsFixed: need integers 1 ≤ vBits ≤ gBits, got ${vBits}, ${gBits}`);
  if (V.rows !== n || V.cols !== n || A.cols !== n || values.length !== n)
    throw new RangeError('residualBoundsFixed: A and V must be n×n and values of length n');
  const { re: Ar, im: Ai } = A;
  const { re: Vr, im: Vi } = V;
  const ONE_G = 1n << BigInt(gBits);
  // the generic absolute-model allowances, in units of 2^-gBits: 4·(2(n+1) + 4) per dot product,
  // n + 1 per summed bound
  const dotError = BigInt(4 * (2 * (n + 1) + 4));
  const inflate = BigInt(n + 1);
  let lambdaMax = 0n;
  for (const l of values) if (absB(l) > lambdaMax) lambdaMax = absB(l);
  const rowAbsA = new Array<bigint>(n).fill(0n);
  const colAbsA = new Array<bigint>(n).fill(0n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const a = absB(Ar[i * n + j]) + absB(Ai[i * n + j]);
      rowAbsA[i] += a;
      colAbsA[j] += a;
    }
  // Columns of V, contiguous, with the sums the three-product complex multiplication needs:
  // (a + ib)(x + iy) = x(a + b) − b(x + y) + i[x(a + b) + a(y − x)].
  const cr: bigint[][] = [];
  const ci: bigint[][] = [];
  const cSum: bigint[][] = []; // x + y
  const cDiff: bigint[][] = []; // y − x
  const cConj: bigint[][] = []; // x − y, for conj(x + iy) on the left of V†V
  for (let j = 0; j < n; j++) {
    const r = new Array<bigint>(n);
    const m = new Array<bigint>(n);
    const s = new Array<bigint>(n);
    const d = new Array<bigint>(n);
    const c = new Array<bigint>(n);
    for (let k = 0; k < n; k++) {
      const x = Vr[k * n + j];
      const y = Vi[k * n + j];
      r[k] = x;
      m[k] = y;
      s[k] = x + y;
      d[k] = y - x;
      c[k] = x - y;
    }
    cr.push(r);
    ci.push(m);
    cSum.push(s);
    cDiff.push(d);
    cConj.push(c);
  }
  const rowR = new Array<bigint>(n).fill(0n);
  const colR = new Array<bigint>(n).fill(0n);
  const aSum = new Array<bigint>(n);
  for (let i = 0; i < n; i++) {
    const row = i * n;
    for (let k = 0; k < n; k++) aSum[k] = Ar[row + k] + Ai[row + k];
    for (let j = 0; j < n; j++) {
      // R_ij = Σ_k A_ik V_kj − V_ij λ_j, exact in units of 2^-(gBits + vBits)
      const x = cr[j];
      const s = cSum[j];
      const d = cDiff[j];
      let k1 = 0n;
      let k2 = 0n;
      let k3 = 0n;
      for (let k = 0; k < n; k++) {
        k1 += x[k] * aSum[k];
        k2 += Ar[row + k] * d[k];
        k3 += Ai[row + k] * s[k];
      }
      const sr = roundShift(k1 - k3 - Vr[row + j] * values[j], vBits);
      const si = roundShift(k1 + k2 - Vi[row + j] * values[j], vBits);
      const r = absB(sr) + absB(si) + dotError;
      rowR[i] += r;
      colR[j] += r;
    }
  }
  // E_ij = Σ_k conj(V_ki) V_kj − δ_ij for j ≥ i (E is Hermitian), exact in units of 2^-2vBits:
  // conj(a + ib)(x + iy) = x(a − b) + b(x + y) + i[x(a − b) + a(y − x)].
  const rowE = new Array<bigint>(n).fill(0n);
  const colE = new Array<bigint>(n).fill(0n);
  const eShift = 2 * vBits - gBits;
  for (let i = 0; i < n; i++) {
    const a = cr[i];
    const b = ci[i];
    const c = cConj[i];
    for (let j = i; j < n; j++) {
      const x = cr[j];
      const s = cSum[j];
      const d = cDiff[j];
      let k1 = 0n;
      let k2 = 0n;
      let k3 = 0n;
      for (let k = 0; k < n; k++) {
        k1 += x[k] * c[k];
        k2 += a[k] * d[k];
        k3 += b[k] * s[k];
      }
      let er = roundShift(k1 + k3, eShift);
      const ei = roundShift(k1 + k2, eShift);
      if (i === j) er -= ONE_G;
      const e = absB(er) + absB(ei) + dotError;
      rowE[i] += e;
      colE[j] += e;
      if (j > i) {
        rowE[j] += e;
        colE[i] += e;
      }
    }
  }
  const max = (xs: bigint[]): bigint => xs.reduce((p, q) => (p >= q ? p : q), 0n);
  return {
    r1: max(colR) + inflate,
    rInf: max(rowR) + inflate,
    e1: max(colE) + inflate,
    eInf: max(rowE) + inflate,
    a1: max(colAbsA) + inflate,
    aInf: max(rowAbsA) + inflate,
    lambdaMax,
  };
}
