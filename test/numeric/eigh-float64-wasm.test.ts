/**
 * The WebAssembly float64 Hermitian eigendecomposition (src/numeric/eigh-float64-wasm.ts) against
 * its JavaScript reference eighFloat64Kernel (the same algorithm, written independently) and
 * against the definition: residual ‖AV − VΛ‖_F ≤ 1e-12·n·‖A‖_F and ‖V†V − I‖_F ≤ 1e-12·n (a
 * backward-stable decomposition reaches a small multiple of n·2^-53 ≈ 1.1e-16·n, so these leave
 * four orders of magnitude to rounding and none to a wrong rotation or reflector).
 *
 * Order: refusals; edge rows (empty, 1 × 1, zero, diagonal); random Hermitian matrices of the
 * listed sizes; degenerate and clustered spectra; real symmetric; scales near the ends of the
 * float64 range; then the certified decimal eigh that starts from it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalField } from '../../src/numeric/decimal.js';
import { eigh } from '../../src/numeric/eigh.js';
import { eighFloat64Kernel } from '../../src/numeric/eigh-float64.js';
import { eighFloat64Wasm } from '../../src/numeric/eigh-float64-wasm.js';
import { float64 } from '../../src/numeric/float64.js';
import { add, adjoint, convertMatrix, diag, mul, type CMatrix } from '../../src/numeric/matrix.js';
import { ginibre } from '../../src/random/ginibre.js';
import { haarUnitary } from '../../src/random/haar.js';
import { Rng } from '../../src/random/rng.js';

const TOL = 1e-12;

function randomHermitian(seed: number, n: number): CMatrix<number> {
  const G = ginibre(float64, new Rng(seed, ['eigh-float64-wasm']), n);
  return add(float64, G, adjoint(float64, G));
}

/** U diag(spec) U† for a seeded Haar-random U. */
function withSpectrum(seed: number, spec: number[]): CMatrix<number> {
  const n = spec.length;
  const U = haarUnitary(float64, new Rng(seed, ['eigh-float64-wasm-spectrum']), n);
  return mul(float64, mul(float64, U, diag(float64, spec)), adjoint(float64, U));
}

const frobenius = (A: CMatrix<number>): number => Math.hypot(...A.re, ...A.im);

/** ‖AV − VΛ‖_F and ‖V†V − I‖_F, in plain loops. */
function defects(A: CMatrix<number>, values: number[], V: CMatrix<number>): { residual: number; orthogonality: number } {
  const n = A.rows;
  let residual = 0;
  let orthogonality = 0;
  for (let i = 0; i < n; i++)
    for (let c = 0; c < n; c++) {
      let sr = -values[c] * V.re[i * n + c];
      let si = -values[c] * V.im[i * n + c];
      let gr = i === c ? -1 : 0;
      let gi = 0;
      for (let k = 0; k < n; k++) {
        const [ar, ai, vr, vi] = [A.re[i * n + k], A.im[i * n + k], V.re[k * n + c], V.im[k * n + c]];
        sr += ar * vr - ai * vi;
        si += ar * vi + ai * vr;
        const [ur, ui] = [V.re[k * n + i], V.im[k * n + i]];
        gr += ur * vr + ui * vi;
        gi += ur * vi - ui * vr;
      }
      residual += sr * sr + si * si;
      orthogonality += gr * gr + gi * gi;
    }
  return { residual: Math.sqrt(residual), orthogonality: Math.sqrt(orthogonality) };
}

/** The decomposition is backward stable for A and its values agree with the JavaScript kernel's. */
function checkAgainstReference(A: CMatrix<number>, label: string): void {
  const n = A.rows;
  const norm = frobenius(A);
  const got = eighFloat64Wasm(A);
  const ref = eighFloat64Kernel(A, false).values;
  expect(got.values.length).toBe(n);
  for (let k = 1; k < n; k++) expect(got.values[k], `${label}: ascending`).toBeGreaterThanOrEqual(got.values[k - 1]);
  got.values.forEach((v, k) => expect(Math.abs(v - ref[k]), `${label}: λ${k} = ${v}, reference ${ref[k]}`).toBeLessThanOrEqual(TOL * norm));
  const { residual, orthogonality } = defects(A, got.values, got.vectors);
  expect(residual, `${label}: ‖AV − VΛ‖_F (‖A‖_F = ${norm})`).toBeLessThanOrEqual(TOL * n * norm);
  expect(orthogonality, `${label}: ‖V†V − I‖_F`).toBeLessThanOrEqual(TOL * n);
}

describe('eighFloat64Wasm refuses', () => {
  it('a non-square matrix or one with the wrong number of entries', () => {
    expect(() => eighFloat64Wasm({ rows: 2, cols: 3, re: [1, 2, 3, 4, 5, 6], im: [0, 0, 0, 0, 0, 0] })).toThrow(/2 × 3 .* not square/);
    expect(() => eighFloat64Wasm({ rows: 2, cols: 2, re: [1, 2, 3], im: [0, 0, 0, 0] })).toThrow(/not square/);
  });
  it('a matrix with a NaN entry: the QL iteration cannot converge, and says so', () => {
    const A = randomHermitian(1, 3);
    A.re[1 * 3 + 0] = Number.NaN;
    expect(() => eighFloat64Wasm(A)).toThrow(/did not converge/);
  });
});

describe('eighFloat64Wasm: edge rows', () => {
  it('the empty matrix', () => {
    expect(eighFloat64Wasm({ rows: 0, cols: 0, re: [], im: [] })).toEqual({ values: [], vectors: { rows: 0, cols: 0, re: [], im: [] } });
  });
  it('1 × 1: the entry and the vector 1 (an imaginary part on the diagonal is ignored)', () => {
    expect(eighFloat64Wasm({ rows: 1, cols: 1, re: [-2.5], im: [7] })).toEqual({ values: [-2.5], vectors: { rows: 1, cols: 1, re: [1], im: [0] } });
  });
  it('the zero matrix: zeros and the identity, exactly', () => {
    const n = 5;
    const got = eighFloat64Wasm({ rows: n, cols: n, re: new Array(n * n).fill(0), im: new Array(n * n).fill(0) });
    expect(got.values).toEqual(new Array(n).fill(0));
    got.vectors.re.forEach((x, k) => expect(x).toBe(Math.floor(k / n) === k % n ? 1 : 0));
    got.vectors.im.forEach((x) => expect(Math.abs(x)).toBe(0));
  });
  it('a diagonal matrix of n = 560, beyond the workspace kept between calls, then a small one again', () => {
    for (const n of [560, 3]) {
      const entries = Array.from({ length: n }, (_, k) => ((k * 7919) % n) - n / 2);
      const got = eighFloat64Wasm(diag(float64, entries));
      expect(got.values).toEqual([...entries].sort((a, b) => a - b));
      for (let c = 0; c < n; c++) {
        const i = entries.indexOf(got.values[c]);
        expect(got.vectors.re[i * n + c]).toBe(1);
      }
      // and nothing else: n nonzero entries in all (the entries are distinct)
      expect(got.vectors.re.filter((x) => x !== 0).length).toBe(n);
      expect(got.vectors.im.every((x) => x === 0)).toBe(true);
    }
  });
  it('a diagonal matrix: its sorted diagonal and unit vectors, exactly (no reflector, no rotation)', () => {
    const entries = [3, -1, 0.5, 3, -7, 2 ** -30, 1e300];
    const n = entries.length;
    const got = eighFloat64Wasm(diag(float64, entries));
    const order = entries.map((_, i) => i).sort((a, b) => entries[a] - entries[b]);
    expect(got.values).toEqual(order.map((i) => entries[i]));
    for (let c = 0; c < n; c++)
      for (let i = 0; i < n; i++) {
        expect(got.vectors.re[i * n + c]).toBe(i === order[c] ? 1 : 0);
        expect(Math.abs(got.vectors.im[i * n + c])).toBe(0);
      }
  });
});

describe('eighFloat64Wasm against eighFloat64Kernel and the definition', () => {
  it.each([1, 2, 3, 7, 16, 33, 64, 100])('random Hermitian, n = %i', (n) => checkAgainstReference(randomHermitian(n, n), `n = ${n}`));

  it.each([
    ['degenerate (multiplicities 3)', 24, (k: number) => Math.floor(k / 3)],
    ['degenerate (one value)', 9, () => 2],
    ['clustered (gaps 1e-13)', 33, (k: number) => 1 + k * 1e-13],
    ['two clusters of opposite sign', 20, (k: number) => (k % 2 === 0 ? 1 : -1) + k * 1e-14],
  ])('%s, n = %i', (label, n, value) =>
    checkAgainstReference(
      withSpectrum(
        n,
        Array.from({ length: n }, (_, k) => value(k)),
      ),
      label,
    ),
  );

  it('seeded property: random, degenerate or clustered, n = 1 … 40', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.nat(), fc.constantFrom('random', 'degenerate', 'clustered'), (n, seed, kind) => {
        const A =
          kind === 'random'
            ? randomHermitian(seed, n)
            : withSpectrum(
                seed,
                Array.from({ length: n }, (_, k) => (kind === 'degenerate' ? Math.floor(k / 3) : 1 + k * 1e-13)),
              );
        checkAgainstReference(A, `${kind}, n = ${n}, seed ${seed}`);
      }),
      { numRuns: 40, seed: 20261205 },
    );
  });

  it('real symmetric: real vectors (the reflectors and phases stay real)', () => {
    for (const n of [5, 32]) {
      const H = randomHermitian(100 + n, n);
      const A = { ...H, im: new Array(n * n).fill(0) };
      checkAgainstReference(A, `real symmetric, n = ${n}`);
      for (const x of eighFloat64Wasm(A).vectors.im) expect(Math.abs(x)).toBe(0);
    }
  });

  it('scales 2^±300 (the reference too) and 2^±600 (beyond the reference: its squares overflow or underflow)', () => {
    const n = 16;
    const A = randomHermitian(7, n);
    const base = eighFloat64Wasm(A);
    const scaled = (s: number) => ({ ...A, re: A.re.map((x) => x * 2 ** s), im: A.im.map((x) => x * 2 ** s) });
    for (const s of [300, -300]) checkAgainstReference(scaled(s), `2^${s}·A`);
    for (const s of [600, -600, 1000, -1000]) {
      const As = scaled(s);
      const got = eighFloat64Wasm(As);
      // relative to the unscaled decomposition, the values are those of A times 2^s up to roundoff
      got.values.forEach((v, k) => expect(Math.abs(v / 2 ** s - base.values[k]), `2^${s}: λ${k}`).toBeLessThanOrEqual(TOL * frobenius(A)));
      const { residual, orthogonality } = defects(
        A,
        got.values.map((v) => v / 2 ** s),
        got.vectors,
      );
      expect(residual, `2^${s}: residual of the unscaled A`).toBeLessThanOrEqual(TOL * n * frobenius(A));
      expect(orthogonality, `2^${s}: ‖V†V − I‖_F`).toBeLessThanOrEqual(TOL * n);
    }
  });
});

describe('the certified decimal eigh starts from it', () => {
  it.each([
    [40, 1],
    [64, 2],
  ])('n = %i (seed %i) at 50 digits: refined, certified to 10·√(2n)·10^-50·‖A‖_F, within float64 accuracy of the JavaScript kernel', (n, seed) => {
    const P = 50;
    const D = decimalField(P);
    const Af = randomHermitian(1000 + seed, n);
    const A = convertMatrix(float64, D, Af);
    const e = eigh(D, A, { method: 'refine' });
    const c = e.certificate!;
    expect(c.valid).toBe(true);
    expect(c.evaluatedIn.startsWith('refinement')).toBe(true);
    const norm = frobenius(Af);
    expect(c.bound.toNumber()).toBeLessThanOrEqual(10 * Math.sqrt(2 * n) * 10 ** -P * norm);
    const ref = eighFloat64Kernel(Af, false).values;
    e.values.forEach((v, k) => expect(Math.abs(v.toNumber() - ref[k]), `λ${k}`).toBeLessThanOrEqual(TOL * norm));
  });
});
