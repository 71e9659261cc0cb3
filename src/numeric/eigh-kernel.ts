/**
 * The Hermitian eigenvalue algorithm, written once over any Field: Householder reduction of a
 * complex Hermitian matrix to a real symmetric tridiagonal one, then the implicit QL iteration with
 * Wilkinson-type shifts (as in EISPACK's tql2), accumulating eigenvectors.
 *
 * Backward stable: the computed eigenpairs are exact for a matrix within a small multiple of
 * n·(unit roundoff)·‖A‖ of A. Degenerate and clustered spectra need no special treatment because
 * the eigenvectors are accumulated orthogonal transformations. The accuracy actually achieved is
 * certified a posteriori by `certificate.ts`, never assumed.
 */
import type { Field } from './field.js';
import type { CMatrix } from './matrix.js';
import type { Decimal } from 'decimal.js';
import { decimalField } from './decimal.js';
import type { FixedField } from './fixed.js';
import { InternalError } from '../errors.js';

export interface KernelResult<T> {
  /** Eigenvalues in ascending order. */
  values: T[];
  /** Eigenvectors as columns, in the order of `values` (absent when not requested). */
  vectors?: CMatrix<T>;
}

interface Reflector<T> {
  k: number; // acts on indices k+1 .. n-1
  vr: T[];
  vi: T[];
  tau: T;
}

const MAX_QL_ITERATIONS = 60;
/** Sweeps on one eigenvalue after which a fixed-point QL hands over to a floating field. */
const FIXED_STALL_ITERATIONS = 12;

/** Bits a fixed-point kernel should carry beyond the accuracy wanted (see `negligible`). */
export const FIXED_KERNEL_HEADROOM_BITS = 24;

/**
 * A floating field for the QL recurrence and the conversion of its rotations into the kernel's
 * field. Fixed point lacks relative precision for tiny subdiagonals: next to a (near-)degenerate
 * cluster the implicit-shift sweep then stalls (seen for U·diag(0, 0, 1)·U† at 50 digits), so the
 * fixed-point kernel runs the O(n²) recurrence in decimal and only the O(n³) rotations of Z in
 * fixed point.
 */
export interface QlField<Q, T> {
  readonly Q: Field<Q>;
  toQ(x: T): Q;
  fromQ(x: Q): T;
}

/**
 * The QL field for F: F itself when it is floating; for fixed point with b bits, decimal with
 * ⌈b·log10 2⌉ + 10 digits, which holds every fixed-point value of order one exactly.
 */
function defaultQlField<T>(F: Field<T>): QlField<unknown, T> {
  if (F.errorModel === 'relative') return { Q: F, toQ: (x) => x, fromQ: (x) => x as T };
  const bits = (F as unknown as FixedField).bits;
  const Q = decimalField(Math.ceil(bits * Math.log10(2)) + 10);
  const pow2 = new Q.Decimal(2).pow(bits);
  return {
    Q: Q as Field<unknown>,
    toQ: (x) => new Q.Decimal((x as bigint).toString()).div(pow2),
    fromQ: (x) => BigInt((x as Decimal).times(pow2).toFixed(0)) as T,
  };
}

export interface KernelOptions {
  /**
   * With vectors (and no QlField given), find the eigenvalues first and shift each first QL sweep
   * by the nearest (default true); false keeps the standard shifts throughout (for comparison and
   * tests).
   */
  presetShifts?: boolean;
}

/** Eigen-decomposition of the Hermitian matrix A (only its lower triangle is read) in field F. */
export function eighKernel<T, Q = T>(F: Field<T>, A: CMatrix<T>, wantVectors: boolean, ql?: QlField<Q, T>, options: KernelOptions = {}): KernelResult<T> {
  const n = A.rows;
  if (n === 0) return { values: [], vectors: wantVectors ? { rows: 0, cols: 0, re: [], im: [] } : undefined };
  // Work on a full Hermitian copy built from the lower triangle.
  const ar = new Array<T>(n * n);
  const ai = new Array<T>(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      ar[i * n + j] = A.re[i * n + j];
      ai[i * n + j] = A.im[i * n + j];
      ar[j * n + i] = A.re[i * n + j];
      ai[j * n + i] = F.neg(A.im[i * n + j]);
    }
    ar[i * n + i] = A.re[i * n + i];
    ai[i * n + i] = F.zero;
  }

  const reflectors: Reflector<T>[] = [];
  const pr = new Array<T>(n);
  const pi = new Array<T>(n);
  for (let k = 0; k < n - 2; k++) {
    const m = n - k - 1; // length of x = A[k+1.., k]
    // Nothing to annihilate below the subdiagonal: skip (the reflector would be the identity).
    let tailZero = true;
    for (let t = k + 2; t < n && tailZero; t++) tailZero = F.isZero(ar[t * n + k]) && F.isZero(ai[t * n + k]);
    if (tailZero) continue;
    const vr = new Array<T>(m);
    const vi = new Array<T>(m);
    for (let t = 0; t < m; t++) {
      vr[t] = ar[(k + 1 + t) * n + k];
      vi[t] = ai[(k + 1 + t) * n + k];
    }
    const sigma = scaledNorm(F, vr, vi);
    const absx0 = hypot(F, vr[0], vi[0]);
    // phase of x0 (1 if x0 = 0); alpha = -phase·sigma makes v0 = phase·(|x0| + sigma): no cancellation
    let phr = F.one;
    let phi = F.zero;
    if (!F.isZero(absx0)) [phr, phi] = unitPhase(F, F.div(vr[0], absx0), F.div(vi[0], absx0));
    const s0 = F.add(absx0, sigma);
    vr[0] = F.mul(phr, s0);
    vi[0] = F.mul(phi, s0);
    // H = I − 2vv† with ‖v‖ = 1 to full precision (see normalize).
    normalize(F, vr, vi);
    const tau = F.add(F.one, F.one);
    // p = tau · A22 v
    for (let i = 0; i < m; i++) {
      let sr = F.zero;
      let si = F.zero;
      const row = (k + 1 + i) * n + k + 1;
      for (let j = 0; j < m; j++) {
        const a = ar[row + j];
        const b = ai[row + j];
        sr = F.add(sr, F.sub(F.mulWide(a, vr[j]), F.mulWide(b, vi[j])));
        si = F.add(si, F.add(F.mulWide(a, vi[j]), F.mulWide(b, vr[j])));
      }
      pr[i] = F.mul(tau, F.reduceWide(sr));
      pi[i] = F.mul(tau, F.reduceWide(si));
    }
    // K = (tau/2)·(v†p), real because A22 is Hermitian
    let vp = F.zero;
    for (let i = 0; i < m; i++) vp = F.add(vp, F.add(F.mulWide(vr[i], pr[i]), F.mulWide(vi[i], pi[i])));
    const K = F.scale2(F.mul(tau, F.reduceWide(vp)), -1);
    // w = p − K v (stored in p)
    for (let i = 0; i < m; i++) {
      pr[i] = F.sub(pr[i], F.mul(K, vr[i]));
      pi[i] = F.sub(pi[i], F.mul(K, vi[i]));
    }
    // A22 ← A22 − v w† − w v†
    for (let i = 0; i < m; i++) {
      const row = (k + 1 + i) * n + k + 1;
      for (let j = 0; j <= i; j++) {
        // (v w†)_ij = v_i conj(w_j); (w v†)_ij = w_i conj(v_j)
        const re = F.add(F.add(F.mulWide(vr[i], pr[j]), F.mulWide(vi[i], pi[j])), F.add(F.mulWide(pr[i], vr[j]), F.mulWide(pi[i], vi[j])));
        const im = F.add(F.sub(F.mulWide(vi[i], pr[j]), F.mulWide(vr[i], pi[j])), F.sub(F.mulWide(pi[i], vr[j]), F.mulWide(pr[i], vi[j])));
        ar[row + j] = F.sub(ar[row + j], F.reduceWide(re));
        ai[row + j] = F.sub(ai[row + j], F.reduceWide(im));
        if (j < i) {
          const mirror = (k + 1 + j) * n + k + 1 + i;
          ar[mirror] = ar[row + j];
          ai[mirror] = F.neg(ai[row + j]);
        }
      }
      ai[row + i] = F.zero;
    }
    // column k below the diagonal becomes (alpha, 0, …), alpha = -phase·sigma
    ar[(k + 1) * n + k] = F.neg(F.mul(phr, sigma));
    ai[(k + 1) * n + k] = F.neg(F.mul(phi, sigma));
    for (let t = k + 2; t < n; t++) {
      ar[t * n + k] = F.zero;
      ai[t * n + k] = F.zero;
    }
    reflectors.push({ k, vr, vi, tau });
  }

  // Tridiagonal T with complex subdiagonal s_i; D = diag(delta) makes it real: D† T D has |s_i|.
  const d = new Array<T>(n);
  const e = new Array<T>(n);
  const dr = new Array<T>(n);
  const di = new Array<T>(n);
  dr[0] = F.one;
  di[0] = F.zero;
  for (let i = 0; i < n; i++) {
    d[i] = ar[i * n + i];
    if (i === n - 1) {
      e[i] = F.zero;
      break;
    }
    const sr = ar[(i + 1) * n + i];
    const si = ai[(i + 1) * n + i];
    const abs = hypot(F, sr, si);
    e[i] = abs;
    if (F.isZero(abs)) {
      dr[i + 1] = dr[i];
      di[i + 1] = di[i];
    } else {
      const [ur, ui] = unitPhase(F, F.div(sr, abs), F.div(si, abs));
      [dr[i + 1], di[i + 1]] = unitPhase(F, F.sub(F.mul(dr[i], ur), F.mul(di[i], ui)), F.add(F.mul(dr[i], ui), F.mul(di[i], ur)));
    }
  }

  // Z: real orthogonal accumulation of the QL rotations, stored row-major.
  const z: T[] | null = wantVectors ? new Array<T>(n * n).fill(F.zero) : null;
  if (z) for (let i = 0; i < n; i++) z[i * n + i] = F.one;
  // The recurrence runs in F itself while it converges; if a fixed-point sweep stalls, it goes on
  // from there in a floating field (the rotations applied so far stay valid: Z is only ever rotated).
  // Only the stalled eigenvalue is finished in the floating field; then the fast field resumes.
  const self: QlField<T, T> = { Q: F, toQ: (x) => x, fromQ: (x) => x };
  const conv = (ql ?? defaultQlField(F)) as QlField<Q, T>;
  let values: T[] = d;
  if (ql) {
    const dq = d.map((x) => conv.toQ(x));
    tql(
      conv,
      dq,
      e.map((x) => conv.toQ(x)),
      F,
      z,
      n,
      0,
      n,
      MAX_QL_ITERATIONS,
    );
    values = dq.map((x) => conv.fromQ(x));
  } else {
    const stallLimit = F.errorModel === 'relative' ? MAX_QL_ITERATIONS : FIXED_STALL_ITERATIONS;
    const all = (dd: T[], ee: T[], zz: T[] | null, shifts?: T[]) => {
      for (let l = 0; l < n; ) {
        const stalledAt = tql(self, dd, ee, F, zz, n, l, n, stallLimit, shifts);
        if (stalledAt === n) break;
        const dq = dd.map((x) => conv.toQ(x));
        const eq = ee.map((x) => conv.toQ(x));
        tql(conv, dq, eq, F, zz, n, stalledAt, stalledAt + 1, MAX_QL_ITERATIONS);
        dq.forEach((x, i) => (dd[i] = conv.fromQ(x)));
        eq.forEach((x, i) => (ee[i] = conv.fromQ(x)));
        l = stalledAt + 1;
      }
    };
    // With vectors, the eigenvalues are found first without them (O(n²)): shifted by an eigenvalue
    // itself, a sweep deflates at once where the standard shift needs two or three, and each sweep
    // rotates all of Z (O(n²)). Any shift keeps the rotations orthogonal; only their number changes.
    if (z && n > 2 && (options.presetShifts ?? true)) {
      const dd = d.slice();
      all(dd, e.slice(), null);
      all(d, e, z, dd);
    } else all(d, e, z);
  }
  const order = values.map((_, i) => i).sort((a, b) => F.cmp(values[a], values[b]));
  values = order.map((i) => values[i]);
  if (!z) return { values };

  // V = Q · D · Z, with columns permuted into ascending order.
  const vRe = new Array<T>(n * n);
  const vIm = new Array<T>(n * n);
  for (let i = 0; i < n; i++)
    for (let c = 0; c < n; c++) {
      const zz = z[i * n + order[c]];
      vRe[i * n + c] = F.mul(dr[i], zz);
      vIm[i * n + c] = F.mul(di[i], zz);
    }
  for (let r = reflectors.length - 1; r >= 0; r--) {
    const { k, vr, vi, tau } = reflectors[r];
    const m = n - k - 1;
    for (let c = 0; c < n; c++) {
      // s = v† W[:, c] over rows k+1..n-1
      let sr = F.zero;
      let si = F.zero;
      for (let t = 0; t < m; t++) {
        const idx = (k + 1 + t) * n + c;
        sr = F.add(sr, F.add(F.mulWide(vr[t], vRe[idx]), F.mulWide(vi[t], vIm[idx])));
        si = F.add(si, F.sub(F.mulWide(vr[t], vIm[idx]), F.mulWide(vi[t], vRe[idx])));
      }
      if (F.isZero(sr) && F.isZero(si)) continue;
      sr = F.mul(tau, F.reduceWide(sr));
      si = F.mul(tau, F.reduceWide(si));
      for (let t = 0; t < m; t++) {
        const idx = (k + 1 + t) * n + c;
        vRe[idx] = F.sub(vRe[idx], F.reduceWide(F.sub(F.mulWide(vr[t], sr), F.mulWide(vi[t], si))));
        vIm[idx] = F.sub(vIm[idx], F.reduceWide(F.add(F.mulWide(vr[t], si), F.mulWide(vi[t], sr))));
      }
    }
  }
  return { values, vectors: { rows: n, cols: n, re: vRe, im: vIm } };
}

/**
 * |e| negligible against dd = |d_m| + |d_{m+1}| + ‖T‖: the classical test in a floating field;
 * in fixed point (absolute precision, values of order one) |e| ≤ 2^16 units, within the kernel's
 * headroom bits.
 */
function negligible<Q>(F: Field<Q>, e: Q, dd: Q): boolean {
  const ae = F.abs(e);
  if (F.isZero(ae)) return true;
  if (F.errorModel === 'relative') return F.cmp(ae, F.mul(F.epsilon, dd)) <= 0;
  return F.cmp(ae, F.scale2(F.epsilon, FIXED_KERNEL_HEADROOM_BITS)) <= 0;
}

/** sign(a)·|b| (Fortran SIGN) */
const withSign = <T>(F: Field<T>, mag: T, s: T): T => (F.sign(s) < 0 ? F.neg(F.abs(mag)) : F.abs(mag));
/**
 * √(a² + b²) scaled by max(|a|, |b|), so that in fixed point tiny arguments keep their relative
 * accuracy (rotations stay orthogonal) and in floating point nothing over- or underflows.
 */
function hypot<T>(F: Field<T>, a: T, b: T): T {
  let x = F.abs(a);
  let y = F.abs(b);
  if (F.cmp(x, y) < 0) [x, y] = [y, x];
  if (F.isZero(x)) return F.zero;
  if (F.isZero(y)) return x;
  const q = F.div(y, x);
  return F.mul(x, F.sqrt(F.add(F.one, F.mul(q, q))));
}

/**
 * (a, b)/|(a, b)| for a, b of order one. In fixed point the phase of a tiny number is known only to
 * its relative precision; any phase of modulus one is then as good, but the modulus must be one to
 * full precision or V = Q·D·Z stops being unitary.
 */
function unitPhase<T>(F: Field<T>, a: T, b: T): [T, T] {
  const m = hypot(F, a, b);
  return [F.div(a, m), F.div(b, m)];
}

/**
 * The rotation (c, s) = (g, f)/r, r = √(f² + g²), with c and s computed from the O(1) ratio of the
 * smaller to the larger argument. Never as g/r and f/r: in fixed point r carries only the absolute
 * precision of its (possibly tiny) arguments, and c² + s² = 1 would fail at that relative level,
 * costing the eigenvectors their orthogonality.
 */
function givens<T>(F: Field<T>, f: T, g: T): { c: T; s: T; r: T } {
  const af = F.abs(f);
  const ag = F.abs(g);
  if (F.isZero(af) && F.isZero(ag)) return { c: F.one, s: F.zero, r: F.zero };
  if (F.cmp(ag, af) >= 0) {
    const t = F.div(f, g);
    const u = F.sqrt(F.add(F.one, F.mul(t, t)));
    const c = F.div(F.sign(g) < 0 ? F.neg(F.one) : F.one, u);
    return { c, s: F.mul(t, c), r: F.mul(ag, u) };
  }
  const t = F.div(g, f);
  const u = F.sqrt(F.add(F.one, F.mul(t, t)));
  const s = F.div(F.sign(f) < 0 ? F.neg(F.one) : F.one, u);
  return { c: F.mul(t, s), s, r: F.mul(af, u) };
}

/** Scale the complex vector (re, im) in place to unit norm, exact to O(1) units whatever its size. */
function normalize<T>(F: Field<T>, re: T[], im: T[]): void {
  let mx = F.zero;
  for (let t = 0; t < re.length; t++) {
    if (F.cmp(F.abs(re[t]), mx) > 0) mx = F.abs(re[t]);
    if (F.cmp(F.abs(im[t]), mx) > 0) mx = F.abs(im[t]);
  }
  if (F.isZero(mx)) return;
  let s = F.zero;
  for (let t = 0; t < re.length; t++) {
    re[t] = F.div(re[t], mx);
    im[t] = F.div(im[t], mx);
    s = F.add(s, F.add(F.mul(re[t], re[t]), F.mul(im[t], im[t])));
  }
  const norm = F.sqrt(s);
  for (let t = 0; t < re.length; t++) {
    re[t] = F.div(re[t], norm);
    im[t] = F.div(im[t], norm);
  }
}

/** Euclidean norm of the complex vector (re, im), scaled by its largest component (see hypot). */
function scaledNorm<T>(F: Field<T>, re: readonly T[], im: readonly T[]): T {
  let mx = F.zero;
  for (let t = 0; t < re.length; t++) {
    if (F.cmp(F.abs(re[t]), mx) > 0) mx = F.abs(re[t]);
    if (F.cmp(F.abs(im[t]), mx) > 0) mx = F.abs(im[t]);
  }
  if (F.isZero(mx)) return F.zero;
  let s = F.zero;
  for (let t = 0; t < re.length; t++) {
    const a = F.div(re[t], mx);
    const b = F.div(im[t], mx);
    s = F.add(s, F.add(F.mul(a, a), F.mul(b, b)));
  }
  return F.mul(mx, F.sqrt(s));
}

/**
 * Implicit QL with shifts on the symmetric tridiagonal (d, e) held in the floating field Q, e[i]
 * coupling i and i+1, e[n-1] = 0. On return d holds the eigenvalues (unsorted); the rotations are
 * accumulated into z (row-major, field F) when given.
 */
function tql<Q, T>(
  ql: QlField<Q, T>,
  d: Q[],
  e: Q[],
  F: Field<T>,
  z: T[] | null,
  n: number,
  lStart: number,
  lEnd: number,
  maxIterations: number,
  shifts?: Q[],
): number {
  const { Q } = ql;
  const two = Q.add(Q.one, Q.one);
  // A norm estimate of T, as in EISPACK's tql2: deflating |e| ≤ ε·‖T‖ is backward stable, and
  // without it a cluster of (near-)zero eigenvalues can never deflate against its own tiny scale.
  let tnorm = Q.zero;
  for (let i = 0; i < n; i++) {
    const t = Q.add(Q.abs(d[i]), Q.abs(e[i]));
    if (Q.cmp(t, tnorm) > 0) tnorm = t;
  }
  for (let l = lStart; l < lEnd; l++) {
    let iter = 0;
    let m: number;
    do {
      for (m = l; m < n - 1; m++) {
        if (negligible(Q, e[m], Q.add(Q.add(Q.abs(d[m]), Q.abs(d[m + 1])), tnorm))) break;
      }
      if (m !== l) {
        if (iter++ === maxIterations) {
          if (maxIterations < MAX_QL_ITERATIONS) return l; // stalled: the caller continues in a floating field
          throw new InternalError(`eigh: QL iteration did not converge for eigenvalue ${l} of ${n}`);
        }
        let g = Q.div(Q.sub(d[l + 1], d[l]), Q.mul(two, e[l]));
        let r = hypot(Q, g, Q.one);
        // the Wilkinson-type shift d[l] − e[l]/(g ± r); on the first sweep, the nearest known eigenvalue
        let shift = Q.sub(d[l], Q.div(e[l], Q.add(g, withSign(Q, r, g))));
        if (shifts && shifts.length > 0 && iter === 1) shift = shifts[nearest(Q, shifts, shift)];
        g = Q.sub(d[m], shift);
        let s = Q.one;
        let c = Q.one;
        let p = Q.zero;
        let i: number;
        let underflow = false;
        for (i = m - 1; i >= l; i--) {
          const f = Q.mul(s, e[i]);
          const b = Q.mul(c, e[i]);
          const rot = givens(Q, f, g);
          r = rot.r;
          e[i + 1] = r;
          if (Q.isZero(r)) {
            // No rotation at i: the coupling of i and i + 1 is left as the rotation at i + 1 made
            // it, c·e[i] (the bulge s·e[i] is zero). Keeping e[i] instead flips its sign whenever
            // c = −1 — rare in floating point, where f = g = 0 exactly, but common in fixed point,
            // where both round to zero once tiny, and then Z no longer belongs to T: vectors inside
            // a cluster of tiny eigenvalues came out mixed.
            e[i] = b;
            d[i + 1] = Q.sub(d[i + 1], p);
            e[m] = Q.zero;
            underflow = true;
            break;
          }
          s = rot.s;
          c = rot.c;
          g = Q.sub(d[i + 1], p);
          r = Q.add(Q.mul(Q.sub(d[i], g), s), Q.mul(Q.mul(two, c), b));
          p = Q.mul(s, r);
          d[i + 1] = Q.add(g, p);
          g = Q.sub(Q.mul(c, r), b);
          if (z) {
            const zs = ql.fromQ(s);
            const zc = ql.fromQ(c);
            for (let k = 0; k < n; k++) {
              const row = k * n;
              const zf = z[row + i + 1];
              const zi = z[row + i];
              z[row + i + 1] = F.reduceWide(F.add(F.mulWide(zs, zi), F.mulWide(zc, zf)));
              z[row + i] = F.reduceWide(F.sub(F.mulWide(zc, zi), F.mulWide(zs, zf)));
            }
          }
        }
        if (underflow) continue;
        d[l] = Q.sub(d[l], p);
        e[l] = g;
        e[m] = Q.zero;
      }
    } while (m !== l);
    // d[l] is final: its eigenvalue leaves the pool of shifts
    if (shifts && shifts.length > 0) shifts.splice(nearest(Q, shifts, d[l]), 1);
  }
  return n;
}

/** Index of the element of xs nearest to x. */
function nearest<Q>(Q: Field<Q>, xs: readonly Q[], x: Q): number {
  let best = 0;
  let dist = Q.abs(Q.sub(xs[0], x));
  for (let k = 1; k < xs.length; k++) {
    const dk = Q.abs(Q.sub(xs[k], x));
    if (Q.cmp(dk, dist) < 0) {
      best = k;
      dist = dk;
    }
  }
  return best;
}
