/**
 * A posteriori certificate for a computed Hermitian eigendecomposition A V ≈ V Λ.
 *
 * With R = AV − VΛ and E = V†V − I, and η = ‖E‖₂ < 1:
 *   • V†AV = Λ + (EΛ + V†R) is Hermitian, so by Weyl |λ_k(V†AV) − Λ_k| ≤ η‖Λ‖₂ + √(1+η)‖R‖₂;
 *   • by Ostrowski, λ_k(V†AV) = θ_k λ_k(A) with θ_k ∈ [1−η, 1+η], so |λ_k(V†AV) − λ_k(A)| ≤ η‖A‖₂.
 * Hence every sorted computed eigenvalue satisfies |λ_k(A) − Λ_k| ≤ η(‖Λ‖₂ + ‖A‖₂) + √(1+η)‖R‖₂.
 *
 * Spectral norms are bounded by √(‖X‖₁‖X‖∞), with |z| ≤ |Re z| + |Im z|, so no small number is ever
 * squared (fixed point could not represent the square). R and E are evaluated in a field G chosen by
 * the caller — more precise than the one the eigenpairs were computed in — and every entry is charged
 * an a-priori bound on G's rounding error (relative model: γ_k = k·u/(1 − k·u) times the sum of
 * absolute products; absolute model: a fixed multiple of n·u), so the bound is rigorous.
 */
import type { Field } from './field.js';
import type { CMatrix } from './matrix.js';

export interface NormBounds<T> {
  /** Upper bounds of the 1-norm and ∞-norm of R = AV − VΛ. */
  r1: T;
  rInf: T;
  /** Upper bounds of the 1-norm and ∞-norm of E = V†V − I. */
  e1: T;
  eInf: T;
  /** Upper bounds of the 1-norm and ∞-norm of A. */
  a1: T;
  aInf: T;
  /** max_k |Λ_k| */
  lambdaMax: T;
}

/** |z| ≤ |re| + |im|, exact in every field (no rounding in abs, one addition). */
const abs1 = <T>(G: Field<T>, re: T, im: T): T => G.add(G.abs(re), G.abs(im));

/** Rounding error allowance for a complex dot product of length len in G with sum of |products| = mag. */
function dotError<T>(G: Field<T>, len: number, mag: T): T {
  const k = 2 * len + 4;
  if (G.errorModel === 'relative') {
    // each real part is a real dot product of length 2·len: error ≤ γ_k·Σ|products|, γ_k ≤ 1.01·k·u
    return G.mul(G.mul(G.fromNumber(1.01 * k), G.epsilon), G.add(mag, G.epsilon));
  }
  // absolute model: each real product and each input conversion costs ≤ u (values are O(1))
  return G.mul(G.fromNumber(4 * k), G.epsilon);
}

/** Norm bounds of the residual and orthogonality defect, evaluated in G (see file comment). */
export function residualBounds<T>(G: Field<T>, A: CMatrix<T>, V: CMatrix<T>, values: readonly T[]): NormBounds<T> {
  const n = A.rows;
  const rowR = new Array<T>(n).fill(G.zero);
  const colR = new Array<T>(n).fill(G.zero);
  const rowE = new Array<T>(n).fill(G.zero);
  const colE = new Array<T>(n).fill(G.zero);
  const { re: Ar, im: Ai } = A;
  const { re: Vr, im: Vi } = V;
  let lambdaMax = G.zero;
  for (const l of values) if (G.cmp(G.abs(l), lambdaMax) > 0) lambdaMax = G.abs(l);
  // Absolute row/column sums of A; for the relative error model also (upper bounds of) the
  // Euclidean norms of A's rows and V's columns, which bound Σ_k |A_ik||V_kj| by Cauchy–Schwarz.
  const rowAbsA = new Array<T>(n).fill(G.zero);
  const colAbsA = new Array<T>(n).fill(G.zero);
  const rowSqA = new Array<T>(n).fill(G.zero);
  const colSqV = new Array<T>(n).fill(G.zero);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const a = abs1(G, Ar[i * n + j], Ai[i * n + j]);
      rowAbsA[i] = G.add(rowAbsA[i], a);
      colAbsA[j] = G.add(colAbsA[j], a);
      rowSqA[i] = G.add(rowSqA[i], G.mul(a, a));
      const v = abs1(G, Vr[i * n + j], Vi[i * n + j]);
      colSqV[j] = G.add(colSqV[j], G.mul(v, v));
    }
  const relative = G.errorModel === 'relative';
  const slack = (x: T): T => G.mul(x, G.add(G.one, G.mul(G.fromNumber(4 * n + 4), G.epsilon)));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      // R_ij = Σ_k A_ik V_kj − V_ij λ_j
      let sr = G.zero;
      let si = G.zero;
      for (let k = 0; k < n; k++) {
        const ar = Ar[i * n + k];
        const ai = Ai[i * n + k];
        const vr = Vr[k * n + j];
        const vi = Vi[k * n + j];
        sr = G.add(sr, G.sub(G.mulWide(ar, vr), G.mulWide(ai, vi)));
        si = G.add(si, G.add(G.mulWide(ar, vi), G.mulWide(ai, vr)));
      }
      sr = G.reduceWide(G.sub(sr, G.mulWide(Vr[i * n + j], values[j])));
      si = G.reduceWide(G.sub(si, G.mulWide(Vi[i * n + j], values[j])));
      const mag = relative ? slack(G.add(G.sqrt(G.mul(rowSqA[i], colSqV[j])), G.mul(abs1(G, Vr[i * n + j], Vi[i * n + j]), G.abs(values[j])))) : G.zero;
      const r = G.add(abs1(G, sr, si), dotError(G, n + 1, mag));
      rowR[i] = G.add(rowR[i], r);
      colR[j] = G.add(colR[j], r);
      // E_ij = Σ_k conj(V_ki) V_kj − δ_ij; E is Hermitian, so |E_ji| = |E_ij|: compute j ≥ i only
      if (j < i) continue;
      let er = G.zero;
      let ei = G.zero;
      for (let k = 0; k < n; k++) {
        const ar = Vr[k * n + i];
        const ai = Vi[k * n + i];
        const br = Vr[k * n + j];
        const bi = Vi[k * n + j];
        er = G.add(er, G.add(G.mulWide(ar, br), G.mulWide(ai, bi)));
        ei = G.add(ei, G.sub(G.mulWide(ar, bi), G.mulWide(ai, br)));
      }
      er = G.reduceWide(er);
      ei = G.reduceWide(ei);
      if (i === j) er = G.sub(er, G.one);
      const emag = relative ? slack(G.sqrt(G.mul(colSqV[i], colSqV[j]))) : G.zero;
      const e = G.add(abs1(G, er, ei), dotError(G, n + 1, emag));
      rowE[i] = G.add(rowE[i], e);
      colE[j] = G.add(colE[j], e);
      if (j > i) {
        rowE[j] = G.add(rowE[j], e);
        colE[i] = G.add(colE[i], e);
      }
    }
  }
  const max = (xs: T[]): T => xs.reduce((a, b) => (G.cmp(a, b) >= 0 ? a : b), G.zero);
  // Summing n bounds adds rounding too (relative model): inflate by (1 + 2n·u).
  const inflate = (x: T): T =>
    G.errorModel === 'relative' ? G.mul(x, G.add(G.one, G.mul(G.fromNumber(2 * n + 2), G.epsilon))) : G.add(x, G.mul(G.fromNumber(n + 1), G.epsilon));
  return {
    r1: inflate(max(colR)),
    rInf: inflate(max(rowR)),
    e1: inflate(max(colE)),
    eInf: inflate(max(rowE)),
    a1: inflate(max(colAbsA)),
    aInf: inflate(max(rowAbsA)),
    lambdaMax,
  };
}

export interface EigenCertificate<T> {
  /** Upper bound on ‖AV − VΛ‖₂. */
  residual: T;
  /** Upper bound on ‖V†V − I‖₂. */
  orthogonality: T;
  /** Every sorted eigenvalue is within `bound` of the true one: |λ_k(A) − Λ_k| ≤ bound. */
  bound: T;
  /** False if V was too far from orthonormal (η ≥ 1) for the theorem to apply; bound is then infinite. */
  valid: boolean;
  /** The field in which the residuals were evaluated. */
  evaluatedIn: string;
}

/**
 * Turn norm bounds (converted to field D, which must be a floating field: float64 or decimal) into
 * the eigenvalue bound; `scale` multiplies A, V-independent quantities back (A was A_true/scale).
 * Every operation in D is rounded upward by a relative margin so the result stays an upper bound.
 */
export function finishBound<T>(D: Field<T>, nb: NormBounds<T>, scale: T, evaluatedIn: string): EigenCertificate<T> {
  const up = D.add(D.one, D.mul(D.fromNumber(64), D.epsilon));
  const u = (x: T): T => D.mul(x, up);
  const spec = (a: T, b: T): T => u(D.sqrt(u(D.mul(a, b))));
  const res = u(D.mul(spec(nb.r1, nb.rInf), scale));
  const eta = spec(nb.e1, nb.eInf);
  const aNorm = u(D.mul(spec(nb.a1, nb.aInf), scale));
  const lam = u(D.mul(nb.lambdaMax, scale));
  if (D.cmp(eta, D.one) >= 0) {
    return { residual: res, orthogonality: eta, bound: D.fromNumber(Number.MAX_VALUE), valid: false, evaluatedIn };
  }
  const bound = u(D.add(u(D.mul(eta, u(D.add(lam, aNorm)))), u(D.mul(u(D.sqrt(u(D.add(D.one, eta)))), res))));
  return { residual: res, orthogonality: eta, bound, valid: true, evaluatedIn };
}

/**
 * The float64 specialisation of `residualBounds` (same bounds, same relative error model; loops
 * ordered for contiguous access on Float64Arrays): the generic version over boxed numbers costs
 * more than the float64 eigendecomposition it certifies. Tested against it.
 */
export function residualBoundsFloat64(A: CMatrix<number>, V: CMatrix<number>, values: readonly number[]): NormBounds<number> {
  const n = A.rows;
  const u = 2 ** -53;
  const Ar = Float64Array.from(A.re);
  const Ai = Float64Array.from(A.im);
  const Vr = Float64Array.from(V.re);
  const Vi = Float64Array.from(V.im);
  let lambdaMax = 0;
  for (const l of values) lambdaMax = Math.max(lambdaMax, Math.abs(l));
  const rowAbsA = new Float64Array(n);
  const colAbsA = new Float64Array(n);
  const rowSqA = new Float64Array(n);
  const colSqV = new Float64Array(n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const a = Math.abs(Ar[i * n + j]) + Math.abs(Ai[i * n + j]);
      rowAbsA[i] += a;
      colAbsA[j] += a;
      rowSqA[i] += a * a;
      const v = Math.abs(Vr[i * n + j]) + Math.abs(Vi[i * n + j]);
      colSqV[j] += v * v;
    }
  const slack = (x: number) => x * (1 + (4 * n + 4) * u);
  const gamma = 1.01 * (2 * (n + 1) + 4) * u;
  // AV row by row (k middle, j inner: contiguous rows of V)
  const rr = new Float64Array(n);
  const ri = new Float64Array(n);
  const rowR = new Float64Array(n);
  const colR = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    rr.fill(0);
    ri.fill(0);
    for (let k = 0; k < n; k++) {
      const ar = Ar[i * n + k];
      const ai = Ai[i * n + k];
      if (ar === 0 && ai === 0) continue;
      const o = k * n;
      for (let j = 0; j < n; j++) {
        rr[j] += ar * Vr[o + j] - ai * Vi[o + j];
        ri[j] += ar * Vi[o + j] + ai * Vr[o + j];
      }
    }
    for (let j = 0; j < n; j++) {
      const vr = Vr[i * n + j];
      const vi = Vi[i * n + j];
      const sr = rr[j] - vr * values[j];
      const si = ri[j] - vi * values[j];
      const mag = slack(Math.sqrt(rowSqA[i] * colSqV[j]) + (Math.abs(vr) + Math.abs(vi)) * Math.abs(values[j]));
      const r = Math.abs(sr) + Math.abs(si) + gamma * (mag + u);
      rowR[i] += r;
      colR[j] += r;
    }
  }
  // E = V†V − I: (V†V)_ij = Σ_k conj(V_ki) V_kj, accumulated over k (contiguous rows of V)
  const er = new Float64Array(n * n);
  const ei = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const o = k * n;
    for (let i = 0; i < n; i++) {
      const a = Vr[o + i];
      const b = Vi[o + i];
      if (a === 0 && b === 0) continue;
      const row = i * n;
      for (let j = i; j < n; j++) {
        er[row + j] += a * Vr[o + j] + b * Vi[o + j];
        ei[row + j] += a * Vi[o + j] - b * Vr[o + j];
      }
    }
  }
  const rowE = new Float64Array(n);
  const colE = new Float64Array(n);
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      const x = er[i * n + j] - (i === j ? 1 : 0);
      const e = Math.abs(x) + Math.abs(ei[i * n + j]) + gamma * (slack(Math.sqrt(colSqV[i] * colSqV[j])) + u);
      rowE[i] += e;
      colE[j] += e;
      if (j > i) {
        rowE[j] += e;
        colE[i] += e;
      }
    }
  const inflate = (x: number) => x * (1 + (2 * n + 2) * u);
  const max = (xs: Float64Array) => xs.reduce((a, b) => Math.max(a, b), 0);
  return {
    r1: inflate(max(colR)),
    rInf: inflate(max(rowR)),
    e1: inflate(max(colE)),
    eInf: inflate(max(rowE)),
    a1: inflate(max(colAbsA)),
    aInf: inflate(max(rowAbsA)),
    lambdaMax,
  };
}
