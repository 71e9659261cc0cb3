/**
 * The refinement of float64 eigenpairs (src/numeric/eigh-refine.ts) and the decimal eigh it serves.
 *
 * Order: residualBoundsSliced against the exact residuals (BigInt), with and without the
 * allowances for A's and the values' rounding; refineEigh reaching its target; mutations the
 * certificate must catch; then eigh(decimalField(P)) on seeded random Hermitian matrices against
 * the generic decimal kernel at P + 30 digits (itself certified), and on hard spectra built exactly
 * (U·diag(λ)·U† over the Gaussian rationals, test/physics/exact-states.ts), where every computed
 * value must lie within its certified bound of the exact eigenvalue, whichever path produced it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { finishBound, type NormBounds } from '../../src/numeric/certificate.js';
import { decimalField } from '../../src/numeric/decimal.js';
import { certify, eigh } from '../../src/numeric/eigh.js';
import { eighFloat64Kernel } from '../../src/numeric/eigh-float64.js';
import { eighKernel } from '../../src/numeric/eigh-kernel.js';
import {
  ascendingOrder,
  permuteColumns,
  rayleighQuotients,
  refineEigh,
  refinementCorrections,
  residualBoundsSliced,
  stepGoal,
} from '../../src/numeric/eigh-refine.js';
import { exactValue } from '../../src/numeric/exact-bounds.js';
import { add, adjoint, convertMatrix, type CMatrix } from '../../src/numeric/matrix.js';
import { RZERO, parseRational, rabs, radd, rational, rcmp, rmul, rsub, type Rational } from '../../src/numeric/rational.js';
import { SLICE_BITS, loopProduct, simdProduct, type Sliced, slicedEntryBigInt, slicedEntryDD, slicedFromBigInt } from '../../src/numeric/sliced-fixed.js';
import { rationalToField } from '../../src/physics/density.js';
import { ginibre } from '../../src/random/ginibre.js';
import { Rng } from '../../src/random/rng.js';
import { randomBig } from './random-big.js';
import { buildExact, type ExactSpectrumSpec } from '../physics/exact-states.js';

const L = SLICE_BITS;
const absB = (x: bigint): bigint => (x < 0n ? -x : x);
/** The largest of BigInts (0 for none). */
function maxB(xs: readonly bigint[]): bigint {
  let m = 0n;
  for (const x of xs) if (x > m) m = x;
  return m;
}

/**
 * A seeded Hermitian matrix with ‖A‖_F < 1, entries exact integers in units of 2^-bits (bits ≥ L·K):
 * |entries| < 2^-(⌈log2 n⌉ + 1), so the n² of them have a Frobenius norm below 1.
 */
function hermitianBig(rng: Rng, n: number, bits: number): { re: bigint[]; im: bigint[] } {
  const b = bits - Math.ceil(Math.log2(n)) - 1;
  const re = new Array<bigint>(n * n);
  const im = new Array<bigint>(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      re[i * n + j] = re[j * n + i] = randomBig(rng, b);
      const y = i === j ? 0n : randomBig(rng, b);
      im[i * n + j] = y;
      im[j * n + i] = -y;
    }
  return { re, im };
}

/** The float64 eigenpairs refineEigh starts from (A read to double precision). */
function float64Pairs(A: Sliced) {
  const n = A.n;
  const Af: CMatrix<number> = { rows: n, cols: n, re: [], im: [] };
  for (let q = 0; q < n * n; q++) {
    Af.re.push(slicedEntryDD(A, 0, q)[0]);
    Af.im.push(slicedEntryDD(A, 1, q)[0]);
  }
  const e = eighFloat64Kernel(Af, true);
  return { values: e.values, vectors: e.vectors! };
}

/** The float64 eigenvectors refineEigh starts from. */
const float64Start = (A: Sliced) => float64Pairs(A).vectors;

/**
 * The exact norms the bounds stand for: max column and row sums of |Re z| + |Im z| for
 * R = A·X − X·diag(λ) (A in units of 2^-aBits, X and λ in 2^(−L·K)) and E = X†X − I, in units
 * of 2^-(aBits + L·K) and 2^(−2L·K).
 */
function exactNorms(Are: bigint[], Aim: bigint[], aBits: number, X: Sliced, values: readonly bigint[]) {
  const n = X.n;
  const K = X.K;
  const xr = Array.from({ length: n * n }, (_, q) => slicedEntryBigInt(X, 0, q));
  const xi = Array.from({ length: n * n }, (_, q) => slicedEntryBigInt(X, 1, q));
  const lamShift = BigInt(aBits - L * K); // λ·X in the product's unit
  const one = 1n << BigInt(2 * L * K);
  const colR = new Array<bigint>(n).fill(0n);
  const rowR = new Array<bigint>(n).fill(0n);
  const colE = new Array<bigint>(n).fill(0n);
  const rowE = new Array<bigint>(n).fill(0n);
  const colA = new Array<bigint>(n).fill(0n);
  const rowA = new Array<bigint>(n).fill(0n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let sr = 0n;
      let si = 0n;
      let er = i === j ? -one : 0n;
      let ei = 0n;
      for (let k = 0; k < n; k++) {
        const [ar, ai] = [Are[i * n + k], Aim[i * n + k]];
        const [br, bi] = [xr[k * n + j], xi[k * n + j]];
        sr += ar * br - ai * bi;
        si += ar * bi + ai * br;
        // (X†X)_ij = Σ_k conj(x_ki) x_kj
        const [cr, ci] = [xr[k * n + i], xi[k * n + i]];
        er += cr * br + ci * bi;
        ei += cr * bi - ci * br;
      }
      sr -= (xr[i * n + j] * values[j]) << lamShift;
      si -= (xi[i * n + j] * values[j]) << lamShift;
      const r = absB(sr) + absB(si);
      const e = absB(er) + absB(ei);
      const a = absB(Are[i * n + j]) + absB(Aim[i * n + j]);
      colR[j] += r;
      rowR[i] += r;
      colE[j] += e;
      rowE[i] += e;
      colA[j] += a;
      rowA[i] += a;
    }
  return { r1: maxB(colR), rInf: maxB(rowR), e1: maxB(colE), eInf: maxB(rowE), a1: maxB(colA), aInf: maxB(rowA) };
}

/** x·2^-from ≤ y·2^-to, exactly. */
const leq = (x: bigint, from: number, y: bigint, to: number): boolean => (from >= to ? x <= y << BigInt(from - to) : x << BigInt(to - from) <= y);

/** The eigenvalue certificate from norm bounds in units of 2^-gBits (A of norm ≤ 1: scale 1), at 80 digits. */
const B80 = decimalField(80);
function certificateOf(nb: NormBounds<bigint>, gBits: number) {
  const c = (x: bigint) => B80.scale2(B80.fromString(x.toString()), -gBits);
  return finishBound(
    B80,
    { r1: c(nb.r1), rInf: c(nb.rInf), e1: c(nb.e1), eInf: c(nb.eInf), a1: c(nb.a1), aInf: c(nb.aInf), lambdaMax: c(nb.lambdaMax) },
    B80.one,
    'test',
  );
}

/** A refined decomposition of a seeded Hermitian matrix at K slices, with its exact entries. */
function refinedCase(seed: number, n: number, K: number, extraBits = 0) {
  const rng = new Rng(seed, ['eigh-refine']);
  const bits = L * K + extraBits;
  const { re, im } = hermitianBig(rng, n, bits);
  const A = slicedFromBigInt(n, K, re, im, bits);
  const X0 = float64Start(A);
  const r = refineEigh(simdProduct(), { A, X0re: X0.re, X0im: X0.im, targetBits: L * K - 30 });
  return { A, re, im, bits, r };
}

/** The eigenvalues of the exact A (entries in units of 2^-bits) by the generic decimal kernel at `digits`, with its own certified bound. */
function reference(re: bigint[], im: bigint[], bits: number, n: number, digits: number) {
  const R = decimalField(digits);
  const toR = (x: bigint) => R.fromRational(rational(x, 1n << BigInt(bits)));
  const A: CMatrix<ReturnType<typeof R.fromNumber>> = { rows: n, cols: n, re: re.map(toR), im: im.map(toR) };
  const { values, vectors } = eighKernel(R, A, true);
  // A in R is the exact A rounded (relative 10^-digits per entry): its eigenvalues move by at most
  // ‖ΔA‖_F ≤ Σ|Δ|, counted exactly
  let moved = RZERO;
  A.re.forEach((x, q) => {
    moved = radd(moved, rabs(rsub(exactValue(R, x), rational(re[q], 1n << BigInt(bits)))));
  });
  A.im.forEach((x, q) => {
    moved = radd(moved, rabs(rsub(exactValue(R, x), rational(im[q], 1n << BigInt(bits)))));
  });
  const bound = radd(exactValue(R, certify(R, A, vectors!, values).bound), moved);
  return { values: values.map((v) => exactValue(R, v)), bound };
}

describe('residualBoundsSliced bounds the exact residuals', () => {
  it.each([
    [1, 2, 6],
    [2, 5, 8],
    [3, 9, 10],
    [4, 16, 6],
  ])('seed %i, n = %i, K = %i: every norm bound ≥ the exact norm, and within 16n units of it', (seed, n, K) => {
    const { A, re, im, r } = refinedCase(seed, n, K);
    const gBits = L * K + 8;
    const nb = residualBoundsSliced(loopProduct(), A, r.X, r.values, 0, 0, gBits);
    const ex = exactNorms(re, im, L * K, r.X, r.values);
    const unitsG = BigInt(16 * n) << BigInt(gBits - L * K); // 16n units of 2^(−L·K), in G's unit
    for (const key of ['r1', 'rInf', 'e1', 'eInf'] as const) {
      expect(leq(ex[key], 2 * L * K, nb[key], gBits), key).toBe(true);
      // tight: the bound exceeds the exact norm by no more than the roundings it charges
      expect(leq(nb[key], gBits, ex[key] + (unitsG << BigInt(2 * L * K - gBits)), 2 * L * K), key).toBe(true);
    }
    for (const key of ['a1', 'aInf'] as const) expect(leq(ex[key], L * K, nb[key], gBits), key).toBe(true);
    const lamMax = maxB(r.values.map(absB));
    expect(leq(lamMax, L * K, nb.lambdaMax, gBits)).toBe(true);
    // the loop and SIMD engines give the same bounds
    expect(residualBoundsSliced(simdProduct(), A, r.X, r.values, 0, 0, gBits)).toEqual(nb);
  });

  it.each([
    [0.5, 29, 0],
    [512, 29, 10],
  ])('covers the rounding of A into the slices (aRounding = %f): residuals of the exact, finer A', (aRounding, extra, coarse) => {
    // A exact in units of 2^-(L·K + extra); the A used is it rounded to units of 2^-(L·K − coarse)
    // (lower triangle rounded, then mirrored: Hermitian), so |A_used − A| ≤ 2^(coarse − 1) units
    const n = 7;
    const K = 8;
    const rng = new Rng(21, ['eigh-refine-arounding']);
    const bits = L * K + extra;
    const { re, im } = hermitianBig(rng, n, bits);
    const s = BigInt(extra + coarse);
    const round = (x: bigint) => (x + (1n << (s - 1n))) >> s;
    const ur = re.slice();
    const ui = im.slice();
    for (let i = 0; i < n; i++)
      for (let j = 0; j <= i; j++) {
        ur[i * n + j] = ur[j * n + i] = round(re[i * n + j]);
        ui[i * n + j] = round(im[i * n + j]);
        ui[j * n + i] = -ui[i * n + j];
      }
    const A = slicedFromBigInt(n, K, ur, ui, L * K - coarse);
    const X0 = float64Start(A);
    const r = refineEigh(simdProduct(), { A, X0re: X0.re, X0im: X0.im, targetBits: L * K - 30 });
    const gBits = L * K + 8;
    const nb = residualBoundsSliced(loopProduct(), A, r.X, r.values, aRounding, 0, gBits);
    const ex = exactNorms(re, im, bits, r.X, r.values);
    for (const key of ['r1', 'rInf'] as const) expect(leq(ex[key], bits + L * K, nb[key], gBits), key).toBe(true);
    for (const key of ['a1', 'aInf'] as const) expect(leq(ex[key], bits, nb[key], gBits), key).toBe(true);
    if (coarse > 0) {
      // here the rounding dominates the residual: without the allowance it would not be covered
      const bare = residualBoundsSliced(loopProduct(), A, r.X, r.values, 0, 0, gBits);
      expect(leq(ex.r1, bits + L * K, bare.r1, gBits)).toBe(false);
    }
  });

  it('covers values within valueRounding of those given (shifted up and down by it)', () => {
    const n = 6;
    const K = 7;
    const { A, re, im, r } = refinedCase(33, n, K);
    const gBits = L * K + 8;
    const shift = 1000n;
    const nb = residualBoundsSliced(loopProduct(), A, r.X, r.values, 0, Number(shift), gBits);
    for (const s of [shift, -shift]) {
      const moved = r.values.map((v, k) => (k % 2 === 0 ? v + s : v - s));
      const ex = exactNorms(re, im, L * K, r.X, moved);
      for (const key of ['r1', 'rInf'] as const) expect(leq(ex[key], 2 * L * K, nb[key], gBits), key).toBe(true);
    }
  });
});

describe('stepGoal', () => {
  /** A step's output from an input of a bits, as refineEigh estimates it (products precise enough). */
  const step = (a: number) => Math.min(2 * a - 4, a + 98);

  it('plans the fewest steps: following the goals from float64 vectors reaches the target as soon as full steps would', () => {
    for (const target of [60, 120, 180, 200, 346, 520, 700]) {
      for (const start of [20, 35, 40, 53]) {
        // the number of steps going all out (each step as far as it can)
        let a = start;
        let full = 0;
        while (a < target) {
          a = step(a);
          full++;
        }
        // the goals: each reachable from its input, and as many steps
        a = start;
        let planned = 0;
        while (a < target) {
          const g = stepGoal(a, target);
          expect(g).toBeGreaterThan(a);
          expect(g, `from ${a} to ${target}`).toBeLessThanOrEqual(Math.max(step(a), target));
          a = Math.min(step(a), g);
          planned++;
          expect(planned).toBeLessThanOrEqual(full);
        }
        expect(planned).toBe(full);
      }
    }
  });

  it('at 50 digits for 64×64 (target 180 bits) from 40 bits: 48, then 92, then the target', () => {
    expect(stepGoal(40, 180)).toBe(48);
    expect(stepGoal(66, 180)).toBe(92);
    expect(stepGoal(106, 180)).toBe(180);
    expect(stepGoal(200, 180)).toBe(180);
  });
});

describe('refineEigh', () => {
  it.each([
    [5, 2, 6],
    [6, 12, 10],
    [7, 30, 12],
  ])('seed %i, n = %i, K = %i: reaches its target, values ascending, and within the certificate of a 90-digit reference', (seed, n, K) => {
    const { A, re, im, bits, r } = refinedCase(seed, n, K);
    expect(r.accuracyBits).toBeGreaterThanOrEqual(L * K - 30);
    expect(r.steps).toBeLessThanOrEqual(5);
    for (let k = 1; k < n; k++) expect(r.values[k] >= r.values[k - 1]).toBe(true);
    const gBits = L * K + 8;
    const cert = certificateOf(residualBoundsSliced(simdProduct(), A, r.X, r.values, 0, 0, gBits), gBits);
    expect(cert.valid).toBe(true);
    // tight: within n·2^-target (the refinement stops once its estimate passes the target), far
    // below the float64 start's 2^-50
    expect(cert.bound.toNumber()).toBeLessThan(n * 2 ** -(L * K - 30));
    const ref = reference(re, im, bits, n, 90);
    const bound = radd(exactValue(B80, cert.bound), ref.bound);
    r.values.forEach((v, k) => {
      const err = rabs(rsub(rational(v, 1n << BigInt(L * K)), ref.values[k]));
      expect(rcmp(err, bound) <= 0, `λ${k}`).toBe(true);
    });
  });

  it.each([
    ['the float64 values', 'float64'],
    ['zeros', 'zero'],
    ['seeded values in [−1, 1]', 'random'],
  ] as const)('S formed around %s (GΛ̃ + X†(AX − XΛ̃)) refines as X†·AX does: the same certified accuracy and values', (_, around) => {
    const n = 12;
    const K = 9;
    const { A, re, im, bits, r } = refinedCase(21, n, K);
    const start = float64Pairs(A);
    const rng = new Rng(5, ['values0']);
    const values0 = around === 'float64' ? start.values : around === 'zero' ? new Array(n).fill(0) : Array.from({ length: n }, () => rng.uniform(-1, 1));
    const r2 = refineEigh(simdProduct(), { A, X0re: start.vectors.re, X0im: start.vectors.im, values0, targetBits: L * K - 30 });
    expect(r2.accuracyBits).toBeGreaterThanOrEqual(L * K - 30);
    const gBits = L * K + 8;
    const c1 = certificateOf(residualBoundsSliced(simdProduct(), A, r.X, r.values, 0, 0, gBits, r.last), gBits);
    const c2 = certificateOf(residualBoundsSliced(simdProduct(), A, r2.X, r2.values, 0, 0, gBits, r2.last), gBits);
    expect(c2.valid).toBe(true);
    expect(c2.bound.toNumber()).toBeLessThan(n * 2 ** -(L * K - 30));
    // both hold the 90-digit truth, and so each other within the sum of their bounds
    const ref = reference(re, im, bits, n, 90);
    const order = ascendingOrder(r2.values);
    order.forEach((i, k) => {
      const err = rabs(rsub(rational(r2.values[i], 1n << BigInt(L * K)), ref.values[k]));
      expect(rcmp(err, radd(exactValue(B80, c2.bound), ref.bound)) <= 0, `λ${k}`).toBe(true);
    });
    expect(c1.valid).toBe(true);
  });

  it('one step from float64 vectors is not enough: with maxSteps 1 the accuracy (and the certificate) stay far short', () => {
    const { A, r } = refinedCase(8, 10, 10);
    const X0 = float64Start(A);
    const short = refineEigh(simdProduct(), { A, X0re: X0.re, X0im: X0.im, targetBits: L * 10 - 30, maxSteps: 1 });
    expect(short.steps).toBe(1);
    expect(short.accuracyBits).toBeLessThan(L * 10 - 30);
    const gBits = L * 10 + 8;
    const c1 = certificateOf(residualBoundsSliced(simdProduct(), A, short.X, short.values, 0, 0, gBits), gBits);
    const cFull = certificateOf(residualBoundsSliced(simdProduct(), A, r.X, r.values, 0, 0, gBits), gBits);
    expect(c1.bound.gt(cFull.bound.times(1e6))).toBe(true);
  });
});

describe('rayleighQuotients', () => {
  it.each([
    [31, 6, 8],
    [32, 9, 10],
  ])('seed %i, n = %i, K = %i: each value within its error of x†Ax/x†x computed exactly; x†x bounded below', (seed, n, K) => {
    const rng = new Rng(seed, ['rayleigh']);
    const bits = L * K;
    const { re, im } = hermitianBig(rng, n, bits);
    const A = slicedFromBigInt(n, K, re, im, bits);
    const X0 = float64Start(A);
    const half = refineEigh(simdProduct(), { A, X0re: X0.re, X0im: X0.im, targetBits: L * K - 30, beforeFinal: true });
    expect(half.beforeFinal).toBe(true);
    const q = rayleighQuotients(simdProduct(), A, half.X, half.values);
    const xr = Array.from({ length: n * n }, (_, k) => slicedEntryBigInt(half.X, 0, k));
    const xi = Array.from({ length: n * n }, (_, k) => slicedEntryBigInt(half.X, 1, k));
    for (let i = 0; i < n; i++) {
      // x†Ax (units 2^-(bits + 2LK)) and x†x (units 2^-2LK), exactly
      let sr = 0n;
      let xx = 0n;
      for (let k = 0; k < n; k++) {
        xx += xr[k * n + i] ** 2n + xi[k * n + i] ** 2n;
        for (let l = 0; l < n; l++) {
          const [ar, ai] = [re[k * n + l], im[k * n + l]];
          const [br, bi] = [xr[l * n + i], xi[l * n + i]];
          const [cr, ci] = [ar * br - ai * bi, ar * bi + ai * br];
          sr += xr[k * n + i] * cr + xi[k * n + i] * ci;
        }
      }
      const rho = rational(sr, xx << BigInt(bits));
      const got = rational(q.values[i], 1n << BigInt(L * K));
      const allowed = rational(BigInt(Math.ceil(q.error)), 1n << BigInt(L * K));
      expect(rcmp(rabs(rsub(got, rho)), allowed) <= 0, `ρ${i}`).toBe(true);
      expect(q.normSq[i]).toBeLessThanOrEqual(Number(xx) / 2 ** (2 * L * K));
      expect(q.normSq[i]).toBeGreaterThan(0.999);
    }
    // and second order: the values are far more accurate than the vectors (about 2^-acc)
    expect(q.error).toBeLessThan(2 ** 40);
  });
});

describe('eigh by refinement, second order', () => {
  it('a well-separated spectrum is certified by Kato–Temple from half-refined vectors; its vectors are refined in full', () => {
    const n = 40;
    const D = decimalField(50);
    const G = ginibre(D, new Rng(77, ['second-order']), n);
    const A = add(D, G, adjoint(D, G));
    const e = eigh(D, A, { method: 'refine' });
    expect(e.certificate!.evaluatedIn).toMatch(/^refinement, Kato–Temple, fixed\(\d+ bits\)$/);
    // tight as a backward-stable decomposition at 50 digits: n·10^-50·max|λ| or so
    const tight = 10 * n * 1e-50 * Math.max(...e.values.map((v) => Math.abs(v.toNumber())));
    expect(e.certificate!.bound.toNumber()).toBeLessThan(tight);
    const again = certify(D, A, e.vectors, e.values);
    expect(again.valid).toBe(true);
    expect(again.bound.toNumber()).toBeLessThan(tight);
  });

  it('a cluster 1e-20 apart at 50 digits is not (the first-order path takes it)', () => {
    const values = ['1', '1.00000000000000000001', '1.00000000000000000002', '1/2', '-1'].map(r);
    const exact = buildExact({ n: 5, kind: 'generic', values, unitary: unitarySpec(new Rng(3, ['cluster']), 5, 3) });
    const e = eigh(decimalField(50), rationalToField(decimalField(50), exact), { method: 'refine' });
    expect(e.certificate!.valid).toBe(true);
    expect(e.certificate!.evaluatedIn).not.toMatch(/Kato–Temple/);
  });
});

describe('the certificate catches mutations', () => {
  const n = 8;
  const K = 10;
  const gBits = L * K + 8;
  const { A, re, im, bits, r } = refinedCase(13, n, K);
  const honest = certificateOf(residualBoundsSliced(simdProduct(), A, r.X, r.values, 0, 0, gBits), gBits);
  const ref = reference(re, im, bits, n, 90);

  it.each([3, 40, 133])('a value moved by 2^-%i gets a bound covering the move, and still holds the truth', (e) => {
    expect(honest.bound.toNumber()).toBeLessThan(2 ** -180);
    const delta = 1n << BigInt(L * K - e);
    const wrong = r.values.slice();
    wrong[3] += delta;
    const c = certificateOf(residualBoundsSliced(simdProduct(), A, r.X, wrong, 0, 0, gBits), gBits);
    // column 3 of R is now the honest one minus δ·x_3, so ‖R‖₂ ≥ δ(1 − η) − honest, and the
    // bound is at least ‖R‖₂: ≥ 0.99·δ with η and the honest residual below 2^-180
    expect(c.bound.gte(B80.scale2(B80.one, -e).times(0.99))).toBe(true);
    // and it still holds the truth, sorted value by sorted value (the move may reorder them)
    expect(c.valid).toBe(true);
    const sorted = wrong.slice().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    sorted.forEach((v, k) => {
      const err = rabs(rsub(rational(v, 1n << BigInt(L * K)), ref.values[k]));
      expect(rcmp(err, radd(exactValue(B80, c.bound), ref.bound)) <= 0, `λ${k}`).toBe(true);
    });
  });

  it('a vector entry moved by 2^-60 raises the bound to at least 2^-60·|x|·max|λ|', () => {
    const X = { ...r.X, data: r.X.data.slice(), maxAbs: r.X.maxAbs.slice() };
    // entry (0, 5), real part: add 2^-60 at slice 3 (units 2^-60)
    const q = 5;
    X.data[2 * n * n + q] += 1;
    X.maxAbs[2] = Math.max(X.maxAbs[2], Math.abs(X.data[2 * n * n + q]));
    const c = certificateOf(residualBoundsSliced(simdProduct(), A, X, r.values, 0, 0, gBits), gBits);
    // E_55 = 2·ε·Re x_05 + ε² + (the honest E_55): η ≥ 2ε|Re x_05| − tiny, and bound ≥ η·max|λ|
    const x05 = Math.abs(Number(slicedEntryBigInt(r.X, 0, q)) * 2 ** (-L * K));
    const lamMax = Math.max(...r.values.map((v) => Math.abs(Number(v) * 2 ** (-L * K))));
    expect(x05).toBeGreaterThan(1e-3);
    expect(c.bound.toNumber()).toBeGreaterThanOrEqual(2 ** -60 * x05 * lamMax);
    expect(c.bound.gt(honest.bound.times(1e30))).toBe(true);
  });
});

/** Which path certified an eigh result: the refinement labels its certificate. */
function pathOf(evaluatedIn: string): 'refined' | 'kernel' | 'other' {
  if (/^refinement, (Kato–Temple, )?fixed\(\d+ bits\)$/.test(evaluatedIn)) return 'refined';
  if (/^fixed\(\d+ bits\)$/.test(evaluatedIn)) return 'kernel';
  return 'other';
}

describe('eigh(decimalField(P)) on random Hermitian matrices, against the decimal kernel at P + 30 digits', () => {
  it.each([
    [2, 20, 1],
    [3, 50, 2],
    [5, 100, 3],
    [8, 20, 4],
    [13, 50, 5],
    [16, 100, 6],
    [24, 50, 7],
    [40, 20, 8],
  ])('n = %i at %i digits (seed %i): refined, certified to √(2n)·10^(1−P)·‖A‖_F, holding the reference', (n, P, seed) => checkRandom(n, P, seed));

  it('seeded property: n = 2 … 10 at 20, 50 or 100 digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 10 }), fc.constantFrom(20, 50, 100), fc.nat(), (n, P, seed) => checkRandom(n, P, seed)),
      { numRuns: 12, seed: 20261205 },
    );
  });

  function checkRandom(n: number, P: number, seed: number) {
    const D = decimalField(P);
    const G = ginibre(D, new Rng(seed, ['eigh-refine-random']), n);
    const H = add(D, G, adjoint(D, G));
    const A = { ...H, re: H.re.map((x) => D.scale2(x, -1)), im: H.im.map((x) => D.scale2(x, -1)) };
    const e = eigh(D, A, { method: 'refine' });
    const c = e.certificate!;
    expect(c.valid).toBe(true);
    expect(pathOf(c.evaluatedIn)).toBe('refined');
    // tight: the values are rounded to P digits (≤ 5·10^-P·|λ| each), which puts √(2n)·5·10^-P·max|λ|
    // into the residual bound (column sums of |x|·δ); everything else is far smaller. Twice that:
    let frob = 0;
    for (const x of [...A.re, ...A.im]) frob += x.toNumber() ** 2;
    expect(c.bound.toNumber()).toBeLessThanOrEqual(10 * Math.sqrt(2 * n) * 10 ** -P * Math.sqrt(frob));
    const R = decimalField(P + 30);
    const AR = convertMatrix(D, R, A);
    const ref = eighKernel(R, AR, true);
    const refBound = exactValue(R, certify(R, AR, ref.vectors!, ref.values).bound);
    const bound = radd(exactValue(D, c.bound), refBound);
    e.values.forEach((v, k) => {
      const err = rabs(rsub(exactValue(D, v), exactValue(R, ref.values[k])));
      expect(rcmp(err, bound) <= 0, `λ${k} = ${v.toString()}`).toBe(true);
    });
  }
});

/** A seeded exact unitary: phases and `reflections` Householder vectors of small Gaussian integers. */
function unitarySpec(rng: Rng, n: number, reflections = 3): ExactSpectrumSpec['unitary'] {
  const gi = (): [number, number] => [rng.int(-5, 5), rng.int(-5, 5)];
  const nonZero = (): [number, number] => {
    for (;;) {
      const z = gi();
      if (z[0] !== 0 || z[1] !== 0) return z;
    }
  };
  return { phases: Array.from({ length: n }, nonZero), reflectors: Array.from({ length: reflections }, () => Array.from({ length: n }, gi)) };
}

const r = parseRational;
const scaled = (xs: string[], s: string) => xs.map((x) => rmul(r(x), r(s)));

describe('eigh(decimalField(P)) on hard spectra, exact truth: never silently wrong', () => {
  const cases: { name: string; values: Rational[]; P: number; reflections?: number; want?: 'refined' | 'kernel' }[] = [
    { name: 'n = 1', values: [r('7/3')], P: 50, want: 'kernel' },
    { name: 'n = 2', values: [r('-1/3'), r('2/7')], P: 50, want: 'refined' },
    { name: 'zero 4×4', values: ['0', '0', '0', '0'].map(r), P: 50, want: 'refined' },
    { name: 'diagonal (no rotation)', values: ['3', '-1', '2', '1/2', '-1/7'].map(r), P: 50, reflections: 0, want: 'refined' },
    { name: 'exactly degenerate 1,1,1,−2,−2,3', values: ['1', '1', '1', '-2', '-2', '3'].map(r), P: 50, want: 'refined' },
    { name: 'exactly degenerate at 100 digits', values: ['1/3', '1/3', '-1', '-1', '2/3'].map(r), P: 100, want: 'refined' },
    { name: 'rank-deficient state 0,0,0,1/2,1/3,1/6', values: ['0', '0', '0', '1/2', '1/3', '1/6'].map(r), P: 50, want: 'refined' },
    { name: 'cluster 1e-20 apart', values: ['1', '1.00000000000000000001', '1.00000000000000000002', '1/2', '-1'].map(r), P: 50 },
    {
      name: 'cluster 1e-40 apart',
      values: ['1', '1.0000000000000000000000000000000000000001', '1.0000000000000000000000000000000000000002', '-1'].map(r),
      P: 50,
    },
    { name: 'cluster 1e-40 apart at 20 digits (below the precision)', values: ['1', '1.0000000000000000000000000000000000000001', '2/3'].map(r), P: 20 },
    { name: 'tiny cluster 1e-21, 2e-21 (after 0)', values: ['0', '1e-21', '2e-21', '-1', '1.000000000000000000001'].map(r), P: 50 },
    { name: 'huge scale 1e30', values: scaled(['1', '-2', '3/7', '5'], '1e30'), P: 50, want: 'refined' },
    { name: 'tiny scale 1e-30', values: scaled(['1', '-2', '3/7', '5'], '1e-30'), P: 50, want: 'refined' },
    { name: 'scales 1e30 to 1e-30 at once', values: ['1e30', '1', '1e-30', '-1e15'].map(r), P: 50 },
    { name: 'far below float64 (1e-200)', values: scaled(['1', '2', '-3'], '1e-200'), P: 50, want: 'kernel' },
    {
      name: 'random spectrum at 20 digits, n = 9',
      values: ['1/9', '-2/5', '3', '1/11', '-7/13', '2/3', '5/17', '-1/19', '4/23'].map(r),
      P: 20,
      want: 'refined',
    },
  ];

  it.each(cases)('$name at $P digits', ({ values, P, reflections, want }) => {
    const n = values.length;
    const rng = new Rng(n * 7919 + P, ['eigh-refine-hard']);
    const exact = buildExact({ n, kind: 'generic', values, unitary: unitarySpec(rng, n, reflections ?? 3) });
    const D = decimalField(P);
    const A = rationalToField(D, exact);
    const e = eigh(D, A, { method: 'refine' });
    const c = e.certificate!;
    expect(c.valid).toBe(true);
    if (want) expect(pathOf(c.evaluatedIn)).toBe(want);
    expect(pathOf(c.evaluatedIn)).not.toBe('other');
    // A in D is the exact matrix rounded: its eigenvalues are within Σ|ΔA| (≥ ‖ΔA‖₂) of the exact ones
    let moved = RZERO;
    A.re.forEach((x, q) => {
      moved = radd(moved, rabs(rsub(exactValue(D, x), exact.re[q])));
    });
    A.im.forEach((x, q) => {
      moved = radd(moved, rabs(rsub(exactValue(D, x), exact.im[q])));
    });
    const truth = values.slice().sort(rcmp);
    const bound = radd(exactValue(D, c.bound), moved);
    e.values.forEach((v, k) => {
      const err = rabs(rsub(exactValue(D, v), truth[k]));
      expect(rcmp(err, bound) <= 0, `λ${k}: ${v.toString()} vs ${truth[k].num}/${truth[k].den}`).toBe(true);
    });
    // tight: a backward-stable decomposition at P digits, n·10^-P·max|λ| or so (the zero matrix:
    // only the fixed-point allowances, far below 10^-P)
    const lamMax = Math.max(...truth.map((t) => Math.abs(Number(t.num) / Number(t.den))));
    const tight = 10 * n * 10 ** -P * (lamMax > 0 ? lamMax : 10 ** -10);
    expect(c.bound.toNumber()).toBeLessThanOrEqual(tight);
    // the vectors really are eigenvectors at this precision (checked by the generic certificate)
    const again = certify(D, A, e.vectors, e.values);
    expect(again.valid).toBe(true);
    expect(again.bound.toNumber()).toBeLessThanOrEqual(tight);
  });

  it.each([
    ['1e-20', ['1', '1.00000000000000000001', '1.00000000000000000002', '1/2', '-1']],
    ['1e-40', ['1', '1.0000000000000000000000000000000000000001', '1.0000000000000000000000000000000000000002', '-1']],
    ['1e-30 and 1e-60 under 1', ['1', '1e-30', '1e-60', '-1e-15']],
  ])('refineEigh on a cluster %s apart, called directly: its certificate may be loose, never wrong', (_, spectrum) => {
    // eigh falls back to the direct kernel here; the refinement's own answer must still be honest
    const values = spectrum.map(r);
    const n = values.length;
    const exact = buildExact({ n, kind: 'clustered', values, unitary: unitarySpec(new Rng(n, ['eigh-refine-direct']), n) });
    const K = 12;
    const bits = L * K;
    // A/4 (‖A‖_F ≤ 2 for these spectra) correctly rounded into the slices: ½ unit per part
    const toUnits = (q: Rational) => {
      const num = q.num << BigInt(bits);
      const den = q.den << 2n;
      const t = (2n * absB(num) + den) / (2n * den);
      return num < 0n ? -t : t;
    };
    const A = slicedFromBigInt(n, K, exact.re.map(toUnits), exact.im.map(toUnits), bits);
    const X0 = float64Start(A);
    const res = refineEigh(simdProduct(), { A, X0re: X0.re, X0im: X0.im, targetBits: bits - 24 });
    const gBits = bits + 8;
    const cert = certificateOf(residualBoundsSliced(simdProduct(), A, res.X, res.values, 0.5, 0, gBits), gBits);
    expect(cert.valid).toBe(true);
    // loose (about the cluster's width, or where it gave up) but not vacuous: below float64's 2^-50
    expect(cert.bound.toNumber()).toBeLessThan(2 ** -50);
    const truth = values.map((v) => rmul(v, r('1/4'))).sort(rcmp);
    res.values.forEach((v, k) => {
      const err = rabs(rsub(rational(v, 1n << BigInt(bits)), truth[k]));
      expect(rcmp(err, exactValue(B80, cert.bound)) <= 0, `λ${k}`).toBe(true);
    });
  });

  it('the refinement itself is not trusted: a cluster it cannot separate at 50 digits still comes out right', () => {
    // eigenvalues 1e-45 apart: float64 vectors mix them and the refinement cannot split them below
    // its accuracy; whatever path answers, the values must hold the exact spectrum
    const values = ['1', '1.000000000000000000000000000000000000000000001', '1.000000000000000000000000000000000000000000002', '-1/3'].map(r);
    const n = values.length;
    const exact = buildExact({ n, kind: 'clustered', values, unitary: unitarySpec(new Rng(99, ['eigh-refine-hard']), n) });
    const D = decimalField(50);
    const A = rationalToField(D, exact);
    const { values: got, certificate } = eigh(D, A, { method: 'refine' });
    expect(certificate!.valid).toBe(true);
    let moved = RZERO;
    for (const [xs, ys] of [
      [A.re, exact.re],
      [A.im, exact.im],
    ] as const)
      xs.forEach((x, q) => {
        moved = radd(moved, rabs(rsub(exactValue(D, x), ys[q])));
      });
    const truth = values.slice().sort(rcmp);
    got.forEach((v, k) => expect(rcmp(rabs(rsub(exactValue(D, v), truth[k])), radd(exactValue(D, certificate!.bound), moved)) <= 0).toBe(true));
    expect(certificate!.bound.toNumber()).toBeLessThan(1e-47);
  });
});

describe('the corrections and the refinement on either engine', () => {
  // The corrections as first written, one tuple per double-double operation: the reference that
  // the allocation-free version must match bit for bit (the same operations in the same order).
  const SPLIT = 134217729;
  function twoProd(a: number, b: number): [number, number] {
    const p = a * b;
    let t = SPLIT * a;
    const ah = t - (t - a);
    const al = a - ah;
    t = SPLIT * b;
    const bh = t - (t - b);
    const bl = b - bh;
    return [p, ah * bh - p + ah * bl + al * bh + al * bl];
  }
  function ddAdd(ah: number, al: number, bh: number, bl: number): [number, number] {
    const s = ah + bh;
    const bb = s - ah;
    const e = ah - (s - bb) + (bh - bb) + al + bl;
    const h = s + e;
    return [h, e - (h - s)];
  }
  function ddMul(ah: number, al: number, bh: number, bl: number): [number, number] {
    const [p, e] = twoProd(ah, bh);
    const f = e + (ah * bl + al * bh);
    const h = p + f;
    return [h, f - (h - p)];
  }
  function ddDiv(ah: number, al: number, bh: number, bl: number): [number, number] {
    const q1 = ah / bh;
    const [ph, pl] = ddMul(q1, 0, bh, bl);
    const [rh, rl] = ddAdd(ah, al, -ph, -pl);
    const q2 = rh / bh;
    const [p2h, p2l] = ddMul(q2, 0, bh, bl);
    const [r2h] = ddAdd(rh, rl, -p2h, -p2l);
    const q3 = r2h / bh;
    return ddAdd(q1, q2, q3, 0);
  }
  type DD = { hi: Float64Array; lo: Float64Array };
  function referenceCorrections(n: number, Sd: DD, Rd: DD, lamH: Float64Array, lamL: Float64Array, delta: number) {
    const nn = n * n;
    const out = { reHi: new Float64Array(nn), reLo: new Float64Array(nn), imHi: new Float64Array(nn), imLo: new Float64Array(nn) };
    let maxF = 0;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const q = i * n + j;
        const [rrh, rrl, rih, ril] = [Rd.hi[q], Rd.lo[q], Rd.hi[nn + q], Rd.lo[nn + q]];
        let fr: [number, number];
        let fi: [number, number];
        const gap = ddAdd(lamH[j], lamL[j], -lamH[i], -lamL[i]);
        if (i === j || Math.abs(gap[0]) <= delta) {
          fr = [rrh / 2, rrl / 2];
          fi = i === j ? [0, 0] : [rih / 2, ril / 2];
        } else {
          const lr = ddMul(lamH[j], lamL[j], rrh, rrl);
          const li = ddMul(lamH[j], lamL[j], rih, ril);
          const nr = ddAdd(Sd.hi[q], Sd.lo[q], lr[0], lr[1]);
          const ni = ddAdd(Sd.hi[nn + q], Sd.lo[nn + q], li[0], li[1]);
          fr = ddDiv(nr[0], nr[1], gap[0], gap[1]);
          fi = ddDiv(ni[0], ni[1], gap[0], gap[1]);
        }
        [out.reHi[q], out.reLo[q], out.imHi[q], out.imLo[q]] = [fr[0], fr[1], fi[0], fi[1]];
        maxF = Math.max(maxF, Math.abs(fr[0]) + Math.abs(fi[0]));
      }
    return { out, maxF };
  }
  const bits = (x: Float64Array) => Array.from(new BigUint64Array(x.buffer, x.byteOffset, x.length));

  it('the corrections on either engine match the tuple-per-operation reference bit for bit (random S, R, λ; clusters within δ; seeded)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.nat(), (n, seed) => {
        const rng = new Rng(seed, ['refine-corrections']);
        const nn = n * n;
        /** a normalised double-double of magnitude about 2^-e */
        const dd = (e: number): [number, number] => {
          const h = rng.uniform(-1, 1) * 2 ** -e;
          const l = rng.uniform(-0.5, 0.5) * 2 ** (Math.floor(Math.log2(Math.abs(h) || 1)) - 52);
          return [h + l, l - (h + l - h)];
        };
        const S = { hi: new Float64Array(2 * nn), lo: new Float64Array(2 * nn) };
        const R = { hi: new Float64Array(2 * nn), lo: new Float64Array(2 * nn) };
        for (let e = 0; e < 2 * nn; e++) {
          [S.hi[e], S.lo[e]] = dd(rng.int(0, 40));
          [R.hi[e], R.lo[e]] = dd(rng.int(20, 100));
        }
        const lamH = new Float64Array(n);
        const lamL = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          // a third of the values repeat an earlier one up to a tiny shift: gaps below δ
          const near = i > 0 && rng.int(0, 2) === 0;
          [lamH[i], lamL[i]] = near ? ddAdd(lamH[i - 1], lamL[i - 1], ...dd(rng.int(30, 60))) : dd(rng.int(0, 3));
        }
        const delta = 2 ** -rng.int(25, 45);
        const ref = referenceCorrections(n, S, R, lamH, lamL, delta);
        for (const engine of [loopProduct(), simdProduct()]) {
          const out = { reHi: new Float64Array(nn), reLo: new Float64Array(nn), imHi: new Float64Array(nn), imLo: new Float64Array(nn) };
          const maxF = refinementCorrections(engine, n, S, R, lamH, lamL, delta, out);
          expect(maxF).toBe(ref.maxF);
          for (const k of ['reHi', 'reLo', 'imHi', 'imLo'] as const) expect(bits(out[k])).toEqual(bits(ref.out[k]));
        }
      }),
      { numRuns: 60, seed: 20261205 },
    );
  });

  it('refineEigh and residualBoundsSliced give the same vectors, values and bounds on either engine', () => {
    const rng = new Rng(17, ['refine-engines']);
    const n = 7;
    const K = 8;
    const bits = L * K;
    const { re, im } = hermitianBig(rng, n, bits);
    const A = slicedFromBigInt(n, K, re, im, bits);
    const X0 = float64Start(A);
    const [a, b] = [loopProduct(), simdProduct()].map((e) => refineEigh(e, { A, X0re: X0.re, X0im: X0.im, targetBits: L * K - 30 }));
    expect(b.values).toEqual(a.values);
    expect(b.steps).toBe(a.steps);
    expect(b.accuracyBits).toBe(a.accuracyBits);
    expect(bits64(b.X.data)).toEqual(bits64(a.X.data));
    const gBits = L * K + 8;
    const [p, q] = [loopProduct(), simdProduct()].map((e) => residualBoundsSliced(e, A, a.X, a.values, 0.5, 1, gBits, a.last));
    expect(q).toEqual(p);
  });

  it('permuteColumns puts the columns in the given order, the same on either engine', () => {
    const { r } = refinedCase(19, 6, 4);
    const order = ascendingOrder(r.values).reverse();
    const [P, Q] = [loopProduct(), simdProduct()].map((e) => permuteColumns(r.X, order, e));
    expect(bits64(Q.data)).toEqual(bits64(P.data));
    expect(Array.from(P.maxAbs)).toEqual(Array.from(r.X.maxAbs));
    for (const part of [0, 1] as const)
      for (let i = 0; i < 6; i++)
        for (let j = 0; j < 6; j++) expect(slicedEntryBigInt(P, part, i * 6 + j)).toBe(slicedEntryBigInt(r.X, part, i * 6 + order[j]));
    expect(() => permuteColumns(r.X, [0, 1])).toThrow(/2 columns for 6/);
  });
  const bits64 = (x: Float64Array) => Array.from(new BigUint64Array(x.buffer, x.byteOffset, x.length));
});
