/**
 * The WebAssembly SIMD kernels (src/numeric/simd/kernels.ts) against straightforward loops.
 *
 * Order: the committed binary is the compiled .wat; refusals; then each kernel over random shapes
 * (odd sizes, sizes below and across the SIMD tiles). Small integer entries make matvec and the
 * products exact in float64, so those are compared exactly; moduli are compared to roundoff.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SimdKernels } from '../../src/numeric/simd/kernels.js';
import { expectedModule, MODULE_PATH } from '../../scripts/wasm-module.js';

describe('the committed module is kernels.wat compiled', () => {
  it('kernels-wasm.ts equals what `npm run build:wasm` writes now', async () => {
    expect(readFileSync(MODULE_PATH, 'utf8')).toBe(await expectedModule());
  });
});

describe('SimdKernels refuses what would read or write outside its memory', () => {
  const g = new SimdKernels();
  g.reserve(100);
  it('slots beyond the reserved memory', () => expect(() => g.matvec(0, 4, 4, 16, 20, g.f64.length, 0)).toThrow(/outside the reserved/));
  it('a negative or fractional slot', () => {
    expect(() => g.offdiagAbsSum(-2, 2, 2)).toThrow(/outside the reserved/);
    expect(() => g.offdiagAbsSum(0.5, 2, 2)).toThrow(/outside the reserved/);
  });
  it('an odd width', () => expect(() => g.offdiagAbsSum(0, 2, 3)).toThrow(/width 3 must be even/));
  it('columns outside the width', () => expect(() => g.productT(0, 1, 1, 0, 2, 1, 3, 0)).toThrow(/columns 1 … 3 outside 0 … 2/));
  it('more columns than the width', () => expect(() => g.transpose(0, 1, 3, 0, 2)).toThrow(/3 columns exceed the width 2/));
  it('more than 2 GiB', () => expect(() => g.reserve(2 ** 29)).toThrow(/exceed the 2 GiB/));
});

const ints = (n: number) => fc.array(fc.integer({ min: -8, max: 8 }), { minLength: n, maxLength: n });

describe('matvec: y = U x, exact on integers', () => {
  it('random shapes', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 9 })
          .chain((n) => fc.integer({ min: 1, max: 19 }).chain((s) => fc.tuple(fc.constant(n), fc.constant(s), ints(n * s), ints(s), ints(s)))),
        ([n, s, U, xr, xi]) => {
          const g = new SimdKernels();
          const at = { U: 1, xr: 1 + n * s, xi: 1 + n * s + s, yr: 1 + n * s + 2 * s, yi: 1 + n * s + 2 * s + n }; // odd slots: unaligned
          g.reserve(at.yi + n);
          g.f64.set(U, at.U);
          g.f64.set(xr, at.xr);
          g.f64.set(xi, at.xi);
          g.matvec(at.U, n, s, at.xr, at.xi, at.yr, at.yi);
          for (let a = 0; a < n; a++) {
            let re = 0;
            let im = 0;
            for (let x = 0; x < s; x++) {
              re += U[a * s + x] * xr[x];
              im += U[a * s + x] * xi[x];
            }
            expect(g.f64[at.yr + a]).toBe(re);
            expect(g.f64[at.yi + a]).toBe(im);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('productT then transpose: Q[x][q] = Σ_a V[a][x] F[a][q] for q in a column block, exact on integers', () => {
  it('random shapes, blocks and unaligned starts', () => {
    fc.assert(
      fc.property(
        fc
          .record({ n: fc.integer({ min: 1, max: 7 }), s: fc.integer({ min: 1, max: 21 }), half: fc.integer({ min: 1, max: 4 }) })
          .chain(({ n, s, half }) =>
            fc.record({
              n: fc.constant(n),
              s: fc.constant(s),
              width: fc.constant(2 * half),
              c0: fc.integer({ min: 0, max: 2 * half }),
              V: ints(n * s),
              F: ints(n * 4 * half),
            }),
          )
          .chain(
            (r) =>
              fc.record({
                ...Object.fromEntries(Object.entries(r).map(([k, v]) => [k, fc.constant(v)])),
                c1: fc.integer({ min: r.c0, max: r.width }),
              }) as fc.Arbitrary<typeof r & { c1: number }>,
          ),
        ({ n, s, width, c0, c1, V, F }) => {
          const g = new SimdKernels();
          const at = { V: 3, F: 3 + n * s, T: 3 + n * s + 2 * n * width, Q: 3 + n * s + 2 * n * width + 2 * s * width };
          g.reserve(at.Q + 2 * s * width);
          g.f64.set(V, at.V);
          g.f64.set(F, at.F);
          g.productT(at.V, n, s, at.F, width, c0, c1, at.T);
          g.transpose(at.T + 2 * s * c0, s, c1 - c0, at.Q + c0, width);
          for (let x = 0; x < s; x++)
            for (let q = c0; q < c1; q++) {
              let re = 0;
              let im = 0;
              for (let a = 0; a < n; a++) {
                re += V[a * s + x] * F[a * 2 * width + q];
                im += V[a * s + x] * F[a * 2 * width + width + q];
              }
              expect(g.f64[at.T + 2 * s * q + x], `T re ${x},${q}`).toBe(re);
              expect(g.f64[at.T + 2 * s * q + s + x], `T im ${x},${q}`).toBe(im);
              expect(g.f64[at.Q + x * 2 * width + q], `Q re ${x},${q}`).toBe(re);
              expect(g.f64[at.Q + x * 2 * width + width + q], `Q im ${x},${q}`).toBe(im);
            }
        },
      ),
      { numRuns: 80 },
    );
  });
});

/** s split complex rows of an even width, integer entries: [s, width, Q]. */
const splitRows = (minS: number, maxS: number) =>
  fc
    .integer({ min: minS, max: maxS })
    .chain((s) => fc.integer({ min: 1, max: 5 }).chain((half) => fc.tuple(fc.constant(s), fc.constant(2 * half), ints(s * 4 * half))));

/** (Q Q†)[x][y] by the definition, for split rows of `width` columns. */
function gramEntry(Q: readonly number[], width: number, x: number, y: number): { re: number; im: number } {
  let re = 0;
  let im = 0;
  for (let r = 0; r < width; r++) {
    const [ar, ai, br, bi] = [Q[x * 2 * width + r], Q[x * 2 * width + width + r], Q[y * 2 * width + r], Q[y * 2 * width + width + r]];
    re += ar * br + ai * bi;
    im += ai * br - ar * bi;
  }
  return { re, im };
}

/** Σ_{x<y} |(Q Q†)[x][y]| by the definition. */
function offdiagReference(Q: readonly number[], s: number, width: number): number {
  let sum = 0;
  for (let x = 0; x < s; x++)
    for (let y = x + 1; y < s; y++) {
      const { re, im } = gramEntry(Q, width, x, y);
      sum += Math.hypot(re, im);
    }
  return sum;
}

describe('offdiagAbsSum: Σ_{x<y} |(Q Q†)[x][y]|', () => {
  it('s = 0, 1 give 0; s = 2 is the one entry', () => {
    const g = new SimdKernels();
    g.reserve(16);
    expect(g.offdiagAbsSum(0, 0, 2)).toBe(0);
    g.f64.set([3, 0, 4, 0], 0);
    expect(g.offdiagAbsSum(0, 1, 2)).toBe(0);
    // rows (3, 4i) and (1, 0): entry = 3·1 + 4i·1 → |3 + 4i| = 5
    g.f64.set([1, 0, 0, 0], 4);
    expect(g.offdiagAbsSum(0, 2, 2)).toBe(5);
  });
  it('random shapes (integer entries) equal the definition to roundoff', () => {
    fc.assert(
      fc.property(splitRows(0, 23), ([s, width, Q]) => {
        const g = new SimdKernels();
        g.reserve(1 + Q.length);
        g.f64.set(Q, 1);
        const ref = offdiagReference(Q, s, width);
        expect(Math.abs(g.offdiagAbsSum(1, s, width) - ref)).toBeLessThanOrEqual(1e-14 * (1 + ref));
      }),
      { numRuns: 80 },
    );
  });
  it('a unitary Q gives 0 (Q Q† = I) up to roundoff', () => {
    // Q = the 4 × 4 DFT matrix / 2: rows orthonormal
    const s = 4;
    const width = 4;
    const g = new SimdKernels();
    g.reserve(2 * s * width);
    for (let x = 0; x < s; x++)
      for (let r = 0; r < width; r++) {
        g.f64[x * 2 * width + r] = Math.cos((2 * Math.PI * x * r) / 4) / 2;
        g.f64[x * 2 * width + width + r] = Math.sin((2 * Math.PI * x * r) / 4) / 2;
      }
    expect(g.offdiagAbsSum(0, s, width)).toBeLessThan(1e-15);
  });
});

describe('reflect: B ← (I − τ v v†) B, exact on integers with τ = 1', () => {
  it('random shapes', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 9 })
          .chain((len) =>
            fc.integer({ min: 1, max: 5 }).chain((half) => fc.tuple(fc.constant(len), fc.constant(2 * half), ints(len * 4 * half), ints(2 * len))),
          ),
        ([len, m, B, v]) => {
          const g = new SimdKernels();
          const at = { B: 1, v: 1 + len * 2 * m, w: 1 + len * 2 * m + 2 * len };
          g.reserve(at.w + 2 * m);
          g.f64.set(B, at.B);
          g.f64.set(v, at.v);
          g.reflect(at.B, m, len, at.v, 1, at.w);
          for (let c = 0; c < m; c++) {
            // w_c = Σ_q conj(v_q) B[q][c]
            let wr = 0;
            let wi = 0;
            for (let q = 0; q < len; q++) {
              const [vr, vi, br, bi] = [v[q], v[len + q], B[q * 2 * m + c], B[q * 2 * m + m + c]];
              wr += vr * br + vi * bi;
              wi += vr * bi - vi * br;
            }
            for (let q = 0; q < len; q++) {
              const [vr, vi] = [v[q], v[len + q]];
              expect(g.f64[at.B + q * 2 * m + c]).toBe(B[q * 2 * m + c] - (vr * wr - vi * wi));
              expect(g.f64[at.B + q * 2 * m + m + c]).toBe(B[q * 2 * m + m + c] - (vr * wi + vi * wr));
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
  it('refuses an odd m', () => {
    const g = new SimdKernels();
    g.reserve(64);
    expect(() => g.reflect(0, 3, 1, 20, 1, 30)).toThrow(/m = 3 must be even/);
  });
});

describe('gram: M = Q Q†, exact on integers', () => {
  it('random shapes: both triangles, a real diagonal, M Hermitian', () => {
    fc.assert(
      fc.property(splitRows(1, 9), ([s, width, Q]) => {
        const g = new SimdKernels();
        const at = { Q: 1, Mr: 1 + Q.length, Mi: 1 + Q.length + s * s };
        g.reserve(at.Mi + s * s);
        g.f64.set(Q, at.Q);
        g.gram(at.Q, s, width, at.Mr, at.Mi);
        for (let x = 0; x < s; x++)
          for (let y = 0; y < s; y++) {
            const { re, im } = gramEntry(Q, width, x, y);
            // + 0 makes −0 and 0 equal (the lower triangle stores −Im, which is −0 for a real entry)
            expect(g.f64[at.Mr + x * s + y] + 0).toBe(re + 0);
            expect(g.f64[at.Mi + x * s + y] + 0).toBe(x === y ? 0 : im + 0);
          }
      }),
      { numRuns: 60 },
    );
  });
  it('refuses an odd width', () => {
    const g = new SimdKernels();
    g.reserve(64);
    expect(() => g.gram(0, 2, 3, 20, 30)).toThrow(/width 3 must be even/);
  });
});
