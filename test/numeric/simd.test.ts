/**
 * The WebAssembly SIMD kernels (src/numeric/simd/kernels.ts) against straightforward loops.
 *
 * Order: the committed binary is the compiled .wat; refusals; then each kernel over random shapes
 * (odd sizes, sizes below and across the SIMD tiles). Small integer entries make matvec and the
 * products exact in float64, so those are compared exactly; moduli are compared to roundoff.
 * matmulAdd promises more, the naive loop's rounding bit for bit, so it is tested on non-integer
 * doubles (and, for exactness, against BigInt sums).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SimdKernels } from '../../src/numeric/simd/kernels.js';
import { Rng } from '../../src/random/rng.js';
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

/** C += A B by the naive loop whose rounding matmulAdd must reproduce: per entry, p = 0, 1, … in turn. */
function naiveMatmulAdd(A: Float64Array, B: Float64Array, C: Float64Array, m: number, k: number, n: number): void {
  for (let i = 0; i < m; i++) for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) C[i * n + j] += A[i * k + p] * B[p * n + j];
}

/** Two plausible wrong orders (p descending; even and odd p in two lanes, summed at the end), to show the data tells orders apart. */
function reorderedMatmulAdd(A: Float64Array, B: Float64Array, C: Float64Array, m: number, k: number, n: number, how: 'reversed' | 'lanes'): void {
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      if (how === 'reversed') for (let p = k - 1; p >= 0; p--) C[i * n + j] += A[i * k + p] * B[p * n + j];
      else {
        let odd = 0;
        for (let p = 0; p < k; p++) {
          if (p % 2 === 0) C[i * n + j] += A[i * k + p] * B[p * n + j];
          else odd += A[i * k + p] * B[p * n + j];
        }
        C[i * n + j] += odd;
      }
    }
}

/**
 * A double spread over the exponents: ±0 (1/16 each), subnormals (1/64), |x| in [2^-500, 2^501)
 * (1/128: products that underflow or dominate a sum; rare, so that most sums are not dominated
 * and their rounding depends on the order) and otherwise |x| in [2^-8, 2^9). A sum of 65 products
 * never overflows.
 */
function wideDouble(rng: Rng): number {
  const kind = rng.int(0, 127);
  if (kind < 8) return -0;
  if (kind < 16) return 0;
  const sign = rng.int(0, 1) === 1 ? -1 : 1;
  if (kind < 18) return sign * rng.next() * 2 ** -1022;
  return sign * (1 + rng.next()) * 2 ** (kind === 18 ? rng.int(-500, 500) : rng.int(-8, 8));
}

const bits = (x: Float64Array) => new BigUint64Array(x.buffer, x.byteOffset, x.length);

/** '' if `got` and `want` agree bit for bit, else the first differing slot. */
function bitDiff(got: Float64Array, want: Float64Array, label: string): string {
  const [g, w] = [bits(got), bits(want)];
  for (let i = 0; i < w.length; i++)
    if (g[i] !== w[i]) return `${label} slot ${i}: ${Object.is(got[i], -0) ? '-0' : got[i]} ≠ ${Object.is(want[i], -0) ? '-0' : want[i]}`;
  return '';
}

interface MatmulCase {
  m: number;
  k: number;
  n: number;
  seed: number;
  /** Slots before A, between A and B, between B and C (odd starts: v128 loads unaligned). */
  gaps: [number, number, number];
}

/** Runs one case on memory filled with wide doubles; returns how many entries each wrong order would change. */
function checkMatmulCase({ m, k, n, seed, gaps }: MatmulCase): { reversed: number; lanes: number } {
  const rng = new Rng(seed, ['matmulAdd']);
  const at = { A: gaps[0], B: gaps[0] + m * k + gaps[1], C: gaps[0] + m * k + gaps[1] + k * n + gaps[2] };
  const total = at.C + m * n + 3;
  const g = new SimdKernels();
  g.reserve(total);
  const before = Float64Array.from({ length: total }, () => wideDouble(rng));
  g.f64.set(before);
  const A = before.slice(at.A, at.A + m * k);
  const B = before.slice(at.B, at.B + k * n);
  const want = before.slice(at.C, at.C + m * n);
  naiveMatmulAdd(A, B, want, m, k, n);
  g.matmulAdd(at.A, at.B, at.C, m, k, n);
  const shape = `m=${m} k=${k} n=${n} seed=${seed}`;
  expect(bitDiff(g.f64.slice(at.C, at.C + m * n), want, `${shape} C`)).toBe('');
  // nothing else written: the slots before C and after it
  expect(bitDiff(g.f64.slice(0, at.C), before.slice(0, at.C), `${shape} before C`)).toBe('');
  expect(bitDiff(g.f64.slice(at.C + m * n, total), before.slice(at.C + m * n), `${shape} after C`)).toBe('');
  const changed = (how: 'reversed' | 'lanes') => {
    const other = before.slice(at.C, at.C + m * n);
    reorderedMatmulAdd(A, B, other, m, k, n, how);
    const [o, w] = [bits(other), bits(want)];
    return o.filter((x, i) => x !== w[i]).length;
  };
  return { reversed: changed('reversed'), lanes: changed('lanes') };
}

const MATMUL_SIZES = [0, 1, 2, 3, 5, 7, 8, 9, 63, 64, 65];

describe('matmulAdd: C += A B, bit-identical to the naive loop', () => {
  describe('refusals', () => {
    const g = new SimdKernels();
    g.reserve(100);
    it('a negative, fractional or non-finite size', () => {
      expect(() => g.matmulAdd(0, 10, 20, -1, 2, 2)).toThrow(/matmulAdd: m = -1 must be a non-negative integer/);
      expect(() => g.matmulAdd(0, 10, 20, 2, 1.5, 2)).toThrow(/matmulAdd: k = 1.5 must be a non-negative integer/);
      expect(() => g.matmulAdd(0, 10, 20, 2, 2, Number.NaN)).toThrow(/matmulAdd: n = NaN must be a non-negative integer/);
      expect(() => g.matmulAdd(0, 10, 20, 2, 2, Number.POSITIVE_INFINITY)).toThrow(/matmulAdd: n = Infinity must be/);
    });
    it('a negative or fractional slot', () => {
      expect(() => g.matmulAdd(-1, 10, 20, 2, 2, 2)).toThrow(/matmulAdd: slots -1 … 3 outside the reserved/);
      expect(() => g.matmulAdd(0, 10.5, 20, 2, 2, 2)).toThrow(/matmulAdd: slots 10.5 … 14.5 outside the reserved/);
      expect(() => g.matmulAdd(0, 10, -3, 2, 2, 2)).toThrow(/outside the reserved/);
    });
    it('operands beyond the reserved memory', () => {
      const end = g.f64.length;
      expect(() => g.matmulAdd(end - 3, 0, 10, 2, 2, 2)).toThrow(/outside the reserved/);
      expect(() => g.matmulAdd(0, end - 5, 10, 2, 3, 2)).toThrow(/outside the reserved/);
      expect(() => g.matmulAdd(0, 10, end, 1, 2, 1)).toThrow(/outside the reserved/);
      // sizes whose product passes 2^53 are still out of range, not rounded into it
      expect(() => g.matmulAdd(0, 0, 0, 2 ** 30, 2 ** 30, 0)).toThrow(/outside the reserved/);
    });
    it('C overlapping A or B (A and B may overlap each other)', () => {
      expect(() => g.matmulAdd(0, 40, 3, 2, 2, 2)).toThrow(/C \(slots 3 … 7\) overlaps A \(slots 0 … 4\)/);
      expect(() => g.matmulAdd(0, 40, 43, 2, 2, 2)).toThrow(/C \(slots 43 … 47\) overlaps B \(slots 40 … 44\)/);
      g.f64.fill(1, 0, 20);
      g.matmulAdd(0, 2, 10, 2, 2, 2);
      expect(Array.from(g.f64.subarray(10, 14))).toEqual([3, 3, 3, 3]);
    });
    it('empty products touch nothing, wherever their (empty) operands sit', () => {
      g.f64.fill(7, 0, 100);
      g.matmulAdd(0, 0, 0, 0, 5, 5);
      g.matmulAdd(0, 0, 0, 5, 5, 0);
      g.matmulAdd(0, 0, 50, 2, 0, 3);
      expect(g.f64.subarray(0, 100).every((x) => x === 7)).toBe(true);
    });
  });

  it('each size on each axis (odd, below, at and across the 4 × 4 tile), random wide doubles', () => {
    let reversed = 0;
    let lanes = 0;
    const L = MATMUL_SIZES.length;
    for (let t = 0; t < L; t++) {
      const changed = checkMatmulCase({ m: MATMUL_SIZES[t], k: MATMUL_SIZES[(t + 3) % L], n: MATMUL_SIZES[(t + 7) % L], seed: t, gaps: [1, 2, 3] });
      reversed += changed.reversed;
      lanes += changed.lanes;
    }
    // the data would catch a kernel that summed in another order
    expect(reversed).toBeGreaterThan(100);
    expect(lanes).toBeGreaterThan(100);
  });

  it('random shapes and placements', () => {
    fc.assert(
      fc.property(
        fc.record({
          m: fc.constantFrom(...MATMUL_SIZES),
          k: fc.constantFrom(...MATMUL_SIZES),
          n: fc.constantFrom(...MATMUL_SIZES),
          seed: fc.nat({ max: 2 ** 31 }),
          gaps: fc.tuple(fc.nat({ max: 5 }), fc.nat({ max: 5 }), fc.nat({ max: 5 })),
        }),
        (c) => {
          checkMatmulCase(c);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('exact at n = 64 on integers |x| ≤ 2^22 (sums of 64 products < 2^53), against BigInt sums', () => {
    const n = 64;
    const lim = 2 ** 22;
    /** C0 with |C0| + 64·2^44 < 2^53, so that every partial sum is an integer below 2^53. */
    const cases: { name: string; entry: (rng: Rng) => number; c0: (rng: Rng) => number }[] = [
      { name: 'all 2^22, sums reaching 2^53 − 1', entry: () => lim, c0: () => 2 ** 53 - 1 - 2 ** 50 },
      { name: 'all −2^22 against 2^22', entry: (rng) => (rng.int(0, 1) === 1 ? lim : -lim), c0: () => 0 },
      ...[1, 2, 3].map((seed) => ({
        name: `random, seed ${seed}`,
        entry: (rng: Rng) => rng.int(-lim, lim),
        c0: (rng: Rng) => rng.int(-(2 ** 52) + 2 ** 50, 2 ** 52 - 2 ** 50),
      })),
    ];
    for (const [t, { name, entry, c0 }] of cases.entries()) {
      const rng = new Rng(t, ['matmulAdd-exact']);
      const A = Float64Array.from({ length: n * n }, () => entry(rng));
      const B = Float64Array.from({ length: n * n }, () => entry(rng));
      const C = Float64Array.from({ length: n * n }, () => c0(rng));
      const g = new SimdKernels();
      const at = { A: 1, B: 2 + n * n, C: 3 + 2 * n * n };
      g.reserve(at.C + n * n);
      g.f64.set(A, at.A);
      g.f64.set(B, at.B);
      g.f64.set(C, at.C);
      g.matmulAdd(at.A, at.B, at.C, n, n, n);
      let worst = '';
      for (let i = 0; i < n && worst === ''; i++)
        for (let j = 0; j < n; j++) {
          let sum = BigInt(C[i * n + j]);
          for (let p = 0; p < n; p++) sum += BigInt(A[i * n + p]) * BigInt(B[p * n + j]);
          const got = g.f64[at.C + i * n + j];
          if (!Number.isInteger(got) || BigInt(got) !== sum) {
            worst = `${name}: (${i}, ${j}) = ${got}, exact ${sum}`;
            break;
          }
        }
      expect(worst).toBe('');
    }
    // the first case ends exactly at 2^53 − 1 (one unit more would not be representable)
  });
});

// The slice* kernels' results are tested bit for bit against the loop engine, and against their
// definitions, in test/numeric/sliced-fixed.test.ts; here, what they refuse.
describe('slice kernels refuse what would read or write outside their memory', () => {
  const g = new SimdKernels();
  g.reserve(100);
  // the memory is whole pages: E slots; every region below is placed against its end
  const E = g.f64.length;
  it('slicePrepLeft: bad sizes, a row stride below n, operands beyond the memory', () => {
    expect(() => g.slicePrepLeft(0, 4, 8, 10, -1, 2, false)).toThrow(/slicePrepLeft: n = -1 must be a non-negative integer/);
    expect(() => g.slicePrepLeft(0, 4, 8, 1.5, 2, 2, false)).toThrow(/slicePrepLeft: block = 1.5 must be/);
    expect(() => g.slicePrepLeft(0, 4, 8, 10, 3, 2, true)).toThrow(/row stride 2 is below n = 3/);
    // n = 2, row 2: the third block ends at dst + 2·40 + 2 + 2 = E exactly; a wider stride passes it
    const dst = E - 84;
    g.slicePrepLeft(0, 4, dst, 40, 2, 2, true);
    expect(() => g.slicePrepLeft(0, 4, dst, 40, 2, 3, false)).toThrow(new RegExp(`slicePrepLeft: slots ${dst} … ${E + 1} outside the reserved`));
    expect(() => g.slicePrepLeft(E - 2, 4, 8, 10, 2, 2, false)).toThrow(/outside the reserved/);
    expect(() => g.slicePrepLeft(0, -4, 8, 10, 2, 2, false)).toThrow(/outside the reserved/);
  });
  it('slicePrepRight: bad sizes, operands beyond the memory', () => {
    expect(() => g.slicePrepRight(0, 10, 20, 10, 0.5)).toThrow(/slicePrepRight: count = 0.5 must be/);
    g.slicePrepRight(0, 10, E - 30, 10, 10);
    expect(() => g.slicePrepRight(0, 10, E - 30, 10, 11)).toThrow(new RegExp(`slicePrepRight: slots ${E - 30} … ${E + 1} outside the reserved`));
    expect(() => g.slicePrepRight(E - 5, 10, 20, 10, 10)).toThrow(/outside the reserved/);
  });
  it('sliceGauss: a width below three blocks, levels beyond the memory', () => {
    expect(() => g.sliceGauss(0, 8, 2, 3)).toThrow(/sliceGauss: width 8 is below 3·3/);
    // levels 1 … 3 of width 30 from slot E − 100 end at E − 100 + 90 + 30 > E (level 0 is not read)
    g.sliceGauss(E - 100, 30, 2, 10);
    expect(() => g.sliceGauss(E - 100, 30, 3, 10)).toThrow(new RegExp(`sliceGauss: slots ${E - 70} … ${E + 20} outside the reserved`));
    expect(() => g.sliceGauss(0, 9, -1, 3)).toThrow(/sliceGauss: U = -1 must be/);
  });
  it('sliceCarry: a width below two blocks, regions beyond the memory or overlapping', () => {
    expect(() => g.sliceCarry(0, 5, 2, 3, 2, 20, 40, 50)).toThrow(/sliceCarry: width 5 is below 2·3/);
    expect(() => g.sliceCarry(0, 6, 2, 3, 2, E - 11, 40, 50)).toThrow(new RegExp(`sliceCarry \\(out\\): slots ${E - 11} … ${E + 1} outside the reserved`));
    expect(() => g.sliceCarry(0, 6, 2, 3, 2, 10, 40, 50)).toThrow(/sliceCarry: levels overlaps out/);
    expect(() => g.sliceCarry(0, 6, 2, 3, 2, 20, 30, 50)).toThrow(/sliceCarry: out overlaps carry/);
    expect(() => g.sliceCarry(0, 6, 2, 3, 2, 20, 40, 45)).toThrow(/sliceCarry: carry overlaps maxAbs/);
    g.f64.fill(0, 0, 100);
    expect(g.sliceCarry(0, 6, 2, 3, 2, 20, 40, 50)).toBe(0);
  });
  it('sliceFlush and sliceAccumulate: overlapping or outside ranges, a sign other than ±1', () => {
    expect(() => g.sliceFlush(0, 5, 10)).toThrow(/sliceFlush: the two levels overlap/);
    expect(() => g.sliceFlush(0, E - 5, 10)).toThrow(/outside the reserved/);
    expect(() => g.sliceAccumulate(0, 5, 10, 1)).toThrow(/sliceAccumulate: the two ranges overlap/);
    expect(() => g.sliceAccumulate(0, 20, 10, 2 as 1)).toThrow(/sign 2 must be 1 or −1/);
    expect(() => g.sliceAccumulate(E - 5, 0, 10, -1)).toThrow(/outside the reserved/);
  });
});

// heev's results are tested against the JavaScript kernel in test/numeric/eigh-float64-wasm.test.ts;
// here, what it refuses.
describe('heev refuses what would read or write outside its memory', () => {
  const g = new SimdKernels();
  g.reserve(100);
  const E = g.f64.length;
  it('a negative or fractional size', () => {
    expect(() => g.heev(0, -1)).toThrow(/heev: n = -1 must be a non-negative integer/);
    expect(() => g.heev(0, 2.5)).toThrow(/heev: n = 2.5 must be/);
  });
  it('a workspace (7n² + 8n slots) beyond the memory, or a bad start', () => {
    expect(SimdKernels.heevSlots(3)).toBe(87);
    // n = 3 placed against the end fits; one slot later it does not
    g.f64.fill(0, E - 87, E);
    g.f64[E - 87] = 2; // A = diag(2, 0, 0)
    expect(g.heev(E - 87, 3)).toBe(true);
    // the eigenvalues, ascending, at slot at + 7n²
    expect(Array.from(g.f64.slice(E - 87 + 63, E - 87 + 66))).toEqual([0, 0, 2]);
    expect(() => g.heev(E - 86, 3)).toThrow(new RegExp(`heev: slots ${E - 86} … ${E + 1} outside the reserved`));
    expect(() => g.heev(0, 40)).toThrow(/outside the reserved/);
    expect(() => g.heev(-1, 1)).toThrow(/outside the reserved/);
    expect(() => g.heev(0.5, 1)).toThrow(/outside the reserved/);
  });
  it('n = 0 touches nothing', () => expect(g.heev(E, 0)).toBe(true));
});

// The ref* kernels likewise (results in test/numeric/sliced-fixed.test.ts); here, what they refuse.
describe('refinement kernels refuse what would read or write outside their memory', () => {
  const g = new SimdKernels();
  g.reserve(100);
  const E = g.f64.length;
  it('refScaleColumns: bad sizes, operands beyond the memory or overlapping', () => {
    expect(() => g.refScaleColumns(0, 10, 20, -1, 2)).toThrow(/refScaleColumns: rows = -1 must be a non-negative integer/);
    g.refScaleColumns(0, 10, E - 6, 3, 2);
    expect(() => g.refScaleColumns(0, 10, E - 6, 3, 3)).toThrow(new RegExp(`refScaleColumns: slots ${E - 6} … ${E + 3} outside the reserved`));
    expect(() => g.refScaleColumns(0, 4, 20, 3, 2)).toThrow(/refScaleColumns: src overlaps scale/);
    expect(() => g.refScaleColumns(0, 10, 11, 3, 2)).toThrow(/refScaleColumns: scale overlaps dst/);
  });
  it('refToDD and refFromDD: bad sizes, regions beyond the memory or overlapping, a stride below the entries', () => {
    expect(() => g.refToDD(0, 2.5, 3, 20, 30, 40)).toThrow(/refToDD: K = 2.5 must be/);
    expect(() => g.refToDD(0, 2, 3, 20, 30, E - 5)).toThrow(new RegExp(`refToDD \\(lo\\): slots ${E - 5} … ${E + 1} outside the reserved`));
    expect(() => g.refToDD(0, 2, 3, 11, 30, 40)).toThrow(/refToDD: data overlaps maxAbs/);
    expect(() => g.refToDD(0, 2, 3, 20, 30, 35)).toThrow(/refToDD: hi overlaps lo/);
    expect(() => g.refFromDD(0, 10, 5, 3, 20, 4)).toThrow(/refFromDD: the stride 4 is below 5/);
    // K = 3 digits of 5 entries, stride 6: the last ends at out + 2·6 + 5
    g.refFromDD(0, 10, 5, 3, E - 17, 6);
    expect(() => g.refFromDD(0, 10, 5, 3, E - 16, 6)).toThrow(/refFromDD \(out\): slots .* outside the reserved/);
    expect(() => g.refFromDD(0, 3, 5, 3, 20, 6)).toThrow(/refFromDD: hi overlaps lo/);
    expect(() => g.refFromDD(0, 10, 5, 3, 12, 6)).toThrow(/refFromDD: lo overlaps out/);
  });
  it('refCorrections and refTranspose: bad sizes, regions beyond the memory or overlapping, a sign other than ±1', () => {
    // n = 2: S, R 8 slots each part, λ 2, F 4
    const at = { Shi: 0, Slo: 8, Rhi: 16, Rlo: 24, lamH: 32, lamL: 34, reHi: 36, reLo: 40, imHi: 44, imLo: 48 };
    g.f64.fill(0, 0, 100);
    expect(g.refCorrections(2, at, 0)).toBe(0);
    expect(() => g.refCorrections(-2, at, 0)).toThrow(/refCorrections: n = -2 must be/);
    expect(() => g.refCorrections(2, { ...at, lamL: 33 }, 0)).toThrow(/refCorrections: lamH overlaps lamL/);
    expect(() => g.refCorrections(2, { ...at, imLo: E - 3 }, 0)).toThrow(/refCorrections \(imLo\): slots .* outside the reserved/);
    expect(() => g.refTranspose(0, 8, 3, 1)).toThrow(/refTranspose: src overlaps dst/);
    expect(() => g.refTranspose(0, E - 8, 3, -1)).toThrow(/outside the reserved/);
    expect(() => g.refTranspose(0, 20, 3, 0 as 1)).toThrow(/sign 0 must be 1 or −1/);
    g.f64.fill(0, 0, 100);
    g.f64.set([2, 0, 1], 30);
    g.refGatherColumns(0, 10, 3, 30);
    expect(() => g.refGatherColumns(0, 5, 3, 30)).toThrow(/refGatherColumns: src overlaps dst/);
    g.f64[31] = 3;
    expect(() => g.refGatherColumns(0, 10, 3, 30)).toThrow(/refGatherColumns: column 3 outside 0 … 2/);
    g.f64[31] = 0.5;
    expect(() => g.refGatherColumns(0, 10, 3, 30)).toThrow(/column 0.5 outside/);
  });
  it('refHexDigits: ends out of order, a stride below the count, text or digits beyond the memory or overlapping', () => {
    g.f64.fill(0, 0, 100);
    // two entries "-1f" and "a" from byte 0 of slot 40 (ends at slots 10, 11)
    new TextEncoder().encodeInto('-1fa', new Uint8Array(g.f64.buffer, 8 * 40, 4));
    g.f64.set([3, 4], 10);
    expect(g.refHexDigits(40, 10, 0, 2, 2, 20, 2)).toBe(false);
    expect([g.f64[20], g.f64[21], g.f64[22], g.f64[23]]).toEqual([-0, 0, -31, 10]);
    expect(() => g.refHexDigits(40, 10, 0, 2, 2, 20, 1)).toThrow(/refHexDigits: the stride 1 is below 2/);
    g.f64.set([3, 2], 10);
    expect(() => g.refHexDigits(40, 10, 0, 2, 2, 20, 2)).toThrow(/refHexDigits: entry 1 ends at 2, before 3/);
    g.f64.set([3, 4], 10);
    expect(() => g.refHexDigits(40, 10, 4, 2, 2, 20, 2)).toThrow(/entry 0 ends at 3, before 4/);
    expect(() => g.refHexDigits(40, 10, 0, 2, 2, 39, 2)).toThrow(/refHexDigits: out overlaps text|text overlaps out/);
    expect(() => g.refHexDigits(40, 10, 0, 2, 2, E - 3, 2)).toThrow(/refHexDigits \(out\): slots .* outside the reserved/);
    g.f64[11] = 8 * (E - 40) + 1;
    expect(() => g.refHexDigits(40, 10, 0, 2, 2, 20, 2)).toThrow(/refHexDigits \(text\): slots .* outside the reserved/);
  });
  it('refFromFloat64: a stride below the count, regions beyond the memory or overlapping', () => {
    g.f64.fill(0, 0, 100);
    g.f64.set([1.5 * 2 ** -20, -(2 ** -21)], 0);
    g.refFromFloat64(0, 2, 1, 10, 2);
    expect([g.f64[10], g.f64[11]]).toEqual([2, -0]);
    expect(() => g.refFromFloat64(0, 2, 1, 10, 1)).toThrow(/refFromFloat64: the stride 1 is below 2/);
    expect(() => g.refFromFloat64(0, 2, 2, 1, 2)).toThrow(/refFromFloat64: src overlaps out/);
    expect(() => g.refFromFloat64(0, 2, 3, E - 5, 2)).toThrow(/refFromFloat64 \(out\): slots .* outside the reserved/);
  });
  it('refMaxAbs and refAbsAccumulate: bad sizes, outside or overlapping ranges', () => {
    expect(() => g.refMaxAbs(0, -2)).toThrow(/refMaxAbs: count = -2 must be/);
    expect(() => g.refMaxAbs(E - 2, 3)).toThrow(/outside the reserved/);
    expect(g.refMaxAbs(E - 2, 0)).toBe(0);
    expect(() => g.refAbsAccumulate(0, 5, 10, 1)).toThrow(/refAbsAccumulate: src overlaps dst/);
    expect(() => g.refAbsAccumulate(0, E - 5, 10, 1)).toThrow(/outside the reserved/);
  });
});
