/**
 * Sliced fixed-point matrices (src/numeric/sliced-fixed.ts) against exact BigInt arithmetic.
 *
 * Order: refusals; conversions (BigInt, float64, double-double in and out); slicedCombine; then
 * slicedProduct over seeded operands of every shape the refinement meets (zero leading slices,
 * values near and above 1, negative and mixed signs, balanced digits of a previous product), both
 * engines, with and without the conjugate transpose, at K below, equal to and above the exact
 * width. Every entry is checked against the exact product, scaled to the result's unit, within
 * the returned `error`, and the two engines must give the same digits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InternalError } from '../../src/errors.js';
import {
  SLICE_BITS,
  carryResult,
  type RealProduct,
  type Sliced,
  loopProduct,
  simdProduct,
  slicedAbsUpper,
  slicedCombine,
  slicedEntryAbsUpper,
  slicedEntryBigInt,
  slicedEntryDD,
  slicedFromBigInt,
  slicedFromDD,
  slicedFromFloat64,
  slicedIdentity,
  slicedProduct,
  slicedToDD,
  blankSliced,
  releaseSliced,
  withSliceArena,
  zeroSliced,
} from '../../src/numeric/sliced-fixed.js';
import { Rng } from '../../src/random/rng.js';

const L = SLICE_BITS;
const RADIX = 2 ** L;
const engines: [string, () => RealProduct][] = [
  ['loop', loopProduct],
  ['simd', simdProduct],
];

/** A seeded integer of either sign (or the given sign) with |x| < 2^bits. */
function randomBig(rng: Rng, bits: number, sign: 1 | -1 | 0 = 0): bigint {
  if (bits <= 0) return 0n;
  const chunks = Math.ceil(bits / 24);
  let x = 0n;
  for (let c = 0; c < chunks; c++) x = (x << 24n) | BigInt(rng.int(0, 2 ** 24 - 1));
  x >>= BigInt(chunks * 24 - bits);
  const s = sign === 0 ? (rng.int(0, 1) === 1 ? -1 : 1) : sign;
  return s < 0 ? -x : x;
}

/** Kinds of operand entries (all in units of 2^(−L·K)). */
type Kind = 'unit' | 'small' | 'nearOne' | 'aboveOne' | 'negative' | 'sparse';

/** n×n entries (re, im) of the given kind at K slices, as exact integers in units of 2^(−L·K). */
function entries(rng: Rng, n: number, K: number, kind: Kind): { re: bigint[]; im: bigint[] } {
  const one = 1n << BigInt(L * K);
  const draw = (): bigint => {
    switch (kind) {
      case 'unit':
        return randomBig(rng, L * K);
      case 'small': // the leading ⌈K/2⌉ slices empty: a correction
        return randomBig(rng, L * (K - Math.ceil(K / 2)));
      case 'nearOne': // 1 − δ or −(1 − δ), the leading digit 2^L − 1 and full lower slices
        return (rng.int(0, 1) === 1 ? -1n : 1n) * (one - 1n - randomBig(rng, L * (K - 1), 1));
      case 'aboveOne': // 1 + δ with δ < 2^-3
        return (rng.int(0, 1) === 1 ? -1n : 1n) * (one + randomBig(rng, L * K - 3, 1));
      case 'negative':
        return randomBig(rng, L * K, -1);
      case 'sparse':
        return rng.int(0, 3) === 0 ? randomBig(rng, L * K) : 0n;
    }
  };
  const nn = n * n;
  return { re: Array.from({ length: nn }, draw), im: Array.from({ length: nn }, draw) };
}

function sliced(rng: Rng, n: number, K: number, kind: Kind): Sliced {
  const { re, im } = entries(rng, n, K, kind);
  return slicedFromBigInt(n, K, re, im, L * K);
}

/** The exact op(A)·B, real and imaginary parts in units of 2^(−L·(A.K + B.K)). */
function exactProduct(A: Sliced, B: Sliced, conjugateLeft: boolean): { re: bigint[]; im: bigint[] } {
  const n = A.n;
  const e = (X: Sliced, part: 0 | 1) => Array.from({ length: n * n }, (_, q) => slicedEntryBigInt(X, part, q));
  const [ar, ai, br, bi] = [e(A, 0), e(A, 1), e(B, 0), e(B, 1)];
  const re: bigint[] = [];
  const im: bigint[] = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let sr = 0n;
      let si = 0n;
      for (let k = 0; k < n; k++) {
        // op(A)_ik = A_ik, or conj(A_ki)
        const x = conjugateLeft ? ar[k * n + i] : ar[i * n + k];
        const y = conjugateLeft ? -ai[k * n + i] : ai[i * n + k];
        const u = br[k * n + j];
        const v = bi[k * n + j];
        sr += x * u - y * v;
        si += x * v + y * u;
      }
      re.push(sr);
      im.push(si);
    }
  return { re, im };
}

/** max over entries and parts of |computed − exact|, in units of 2^(−L·K) of the result (as a float, exact to 2^-40). */
function maxDeviation(C: Sliced, exact: { re: bigint[]; im: bigint[] }, exactK: number): number {
  const shift = L * (exactK - C.K);
  let worst = 0;
  for (const part of [0, 1] as const)
    for (let q = 0; q < C.n * C.n; q++) {
      const c = slicedEntryBigInt(C, part, q);
      const x = (part === 0 ? exact.re : exact.im)[q];
      // |c·2^shift − x| in units 2^(−L·exactK), then scaled down to the result's unit with 40 fraction bits
      const d = shift >= 0 ? (c << BigInt(shift)) - x : c - (x << BigInt(-shift));
      const ad = d < 0n ? -d : d;
      const scaled = shift >= 40 ? Number(ad >> BigInt(shift - 40)) * 2 ** -40 : Number(ad) * 2 ** -Math.max(shift, 0);
      worst = Math.max(worst, scaled);
    }
  return worst;
}

/** The digits of X as plain numbers (−0 read as 0), for comparing engines. */
const digits = (X: Sliced): number[] => Array.from(X.data, (x) => x + 0);

/** x = m·2^e exactly for a finite float64. */
function exactFloat(x: number): { m: bigint; e: number } {
  if (x === 0) return { m: 0n, e: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased !== 0) m |= 1n << 52n;
  const e = (biased === 0 ? 1 : biased) - 1075;
  return { m: hi >>> 31 ? -m : m, e };
}

/** x·2^bits as an exact BigInt, or null when it is not an integer. */
function floatTimes2(x: number, bits: number): bigint | null {
  const { m, e } = exactFloat(x);
  const s = e + bits;
  if (s >= 0) return m << BigInt(s);
  const q = m >> BigInt(-s);
  return q << BigInt(-s) === m ? q : null;
}

describe('slices given back', () => {
  it('are handed out again, zeroed, for a matrix of the same size in the same region, and only there', () => {
    withSliceArena(1000, () => {
      const a = zeroSliced(3, 2);
      a.data.fill(7);
      releaseSliced(a);
      // another size takes fresh slots; the same size takes a's, cleared
      const b = zeroSliced(2, 2);
      expect(b.data.buffer).toBe(a.data.buffer);
      expect(b.data.byteOffset).not.toBe(a.data.byteOffset);
      const c = zeroSliced(3, 2);
      expect(c.data.byteOffset).toBe(a.data.byteOffset);
      expect(Array.from(c.data).every((x) => x === 0)).toBe(true);
      // once only: the next one of that size is new
      const d = zeroSliced(3, 2);
      expect(d.data.byteOffset).not.toBe(c.data.byteOffset);
      // slices from outside the region are not taken in
      const outside = { n: 3, K: 2, data: new Float64Array(36), maxAbs: new Float64Array(2) };
      releaseSliced(outside);
      expect(zeroSliced(3, 2).data.buffer).not.toBe(outside.data.buffer);
    });
    // outside any region, giving back does nothing and new matrices are fresh arrays
    const e = zeroSliced(3, 2);
    releaseSliced(e);
    expect(zeroSliced(3, 2).data.buffer).not.toBe(e.data.buffer);
  });

  it('serve blank matrices (for callers that write every slot) of the same size too', () => {
    withSliceArena(1000, () => {
      const a = zeroSliced(2, 3);
      releaseSliced(a);
      const b = blankSliced(2, 3);
      expect([b.n, b.K, b.data.length, b.maxAbs.length]).toEqual([2, 3, 24, 3]);
      expect(b.data.byteOffset).toBe(a.data.byteOffset);
    });
  });

  it('from an outer region are not handed out by an inner one', () => {
    withSliceArena(1000, () => {
      const a = zeroSliced(3, 2);
      withSliceArena(1000, () => {
        releaseSliced(a);
        expect(zeroSliced(3, 2).data.buffer).not.toBe(a.data.buffer);
      });
    });
  });
});

describe('sliced-fixed refuses', () => {
  it('a product of matrices of different sizes', () => {
    expect(() => slicedProduct(loopProduct(), zeroSliced(2, 2), zeroSliced(3, 2), 2)).toThrow(/2×2 times 3×3/);
  });
  it('a sum of matrices of different sizes', () => {
    expect(() => slicedCombine(zeroSliced(2, 2), zeroSliced(3, 2), 2)).toThrow(/sizes differ/);
  });
  it('an entry too large for the leading slice (≥ 2^33)', () => {
    expect(() => slicedFromBigInt(1, 2, [1n << 73n], [0n], 40)).toThrow(/too large for fixed point/);
    // just below: 2^33 − 2^-40 fits (leading digit 2^53 − 1)
    expect(() => slicedFromBigInt(1, 2, [(1n << 73n) - 1n], [0n], 40)).not.toThrow();
  });
  it('digits whose slice products would not be exact in float64', () => {
    // leading digits 2^30 (value 2^10): 2·n·2^30·2^30 ≥ 2^53
    const big = slicedFromBigInt(2, 2, [1n << 50n, 0n, 0n, 1n << 50n], [0n, 0n, 0n, 0n], 40);
    for (const [, make] of engines) expect(() => slicedProduct(make(), big, big, 2)).toThrow(/digits too large/);
  });
});

describe('conversions', () => {
  it('BigInt → sliced → BigInt is exact at the slices’ own unit, and when scaling up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 5 }), fc.nat(), (n, K, seed) => {
        const rng = new Rng(seed, ['sliced-roundtrip']);
        for (const kind of ['unit', 'small', 'nearOne', 'aboveOne', 'negative'] as Kind[]) {
          const { re, im } = entries(rng, n, K, kind);
          const X = slicedFromBigInt(n, K, re, im, L * K);
          re.forEach((x, q) => expect(slicedEntryBigInt(X, 0, q)).toBe(x));
          im.forEach((x, q) => expect(slicedEntryBigInt(X, 1, q)).toBe(x));
          // given at a coarser unit (7 bits fewer): shifted up exactly
          const coarse = re.map((x) => x >> 7n);
          const Y = slicedFromBigInt(n, K, coarse, im, L * K - 7);
          coarse.forEach((x, q) => expect(slicedEntryBigInt(Y, 0, q)).toBe(x << 7n));
        }
      }),
      { numRuns: 40, seed: 20261205 },
    );
  });

  it('BigInt given finer than the slices is rounded to nearest (error ≤ ½ unit), ties away from −∞', () => {
    const rng = new Rng(3, ['sliced-rounding']);
    const K = 3;
    const extra = 37;
    const xs = [...Array.from({ length: 30 }, () => randomBig(rng, L * K + extra)), 1n << BigInt(extra - 1), -(1n << BigInt(extra - 1)), 0n];
    const X = slicedFromBigInt(1, K, xs.slice(0, 1), [0n], L * K + extra);
    expect(X.K).toBe(K);
    for (const x of xs) {
      const Y = slicedFromBigInt(1, K, [x], [-x], L * K + extra);
      for (const [part, v] of [
        [0, x],
        [1, -x],
      ] as const) {
        const got = slicedEntryBigInt(Y, part, 0) << BigInt(extra);
        const err = got - v;
        // |err| ≤ 2^(extra−1): half a unit of the last slice
        expect(err <= 1n << BigInt(extra - 1) && -err <= 1n << BigInt(extra - 1)).toBe(true);
      }
    }
    // a tie rounds up: +½ unit → 1, −½ unit → 0
    expect(slicedEntryBigInt(slicedFromBigInt(1, K, [1n << BigInt(extra - 1)], [0n], L * K + extra), 0, 0)).toBe(1n);
    expect(slicedEntryBigInt(slicedFromBigInt(1, K, [-(1n << BigInt(extra - 1))], [0n], L * K + extra), 0, 0)).toBe(0n);
  });

  it('float64 → sliced is exact for multiples of 2^(−L·K) (53-bit mantissas at every offset, values up to 2^32)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.nat(), (K, seed) => {
        const rng = new Rng(seed, ['sliced-float64']);
        const xs: number[] = [0, -0, 1, -1, 2 ** (-L * K), -(2 ** (-L * K)), 2 ** 32 - 2 ** -20, -(1 - 2 ** -53)];
        for (let c = 0; c < 40; c++) {
          // m·2^(e − L·K) with |m| < 2^53 and 0 ≤ e chosen so that |x| < 2^32
          const m = Number(randomBig(rng, 53));
          const e = rng.int(0, Math.max(0, L * K - 21));
          xs.push(m * 2 ** (e - L * K));
        }
        const ok = xs.filter((x) => floatTimes2(x, L * K) !== null && Math.abs(x) < 2 ** 32);
        const X = slicedFromFloat64(ok.length, K, [...ok, ...new Array(ok.length * ok.length - ok.length).fill(0)], new Float64Array(ok.length ** 2));
        ok.forEach((x, q) => expect(slicedEntryBigInt(X, 0, q)).toBe(floatTimes2(x, L * K)));
      }),
      { numRuns: 30, seed: 20261205 },
    );
  });

  it('float64 not a multiple of 2^(−L·K) is rounded to nearest', () => {
    const K = 2;
    const xs = [Math.PI, -Math.E, 1 / 3, -1e-15, 2 ** (-L * K - 1) * 3];
    const X = slicedFromFloat64(1, K, xs.slice(0, 1), [0]);
    expect(X.K).toBe(K);
    for (const x of xs) {
      const Y = slicedFromFloat64(1, K, [x], [0]);
      const got = slicedEntryBigInt(Y, 0, 0);
      // |got·2^(−L·K) − x| ≤ ½·2^(−L·K), exactly: compare at the float's own exponent
      const { m, e } = exactFloat(x);
      const s = -e - L * K; // x·2^(L·K) = m·2^(−s)
      const diff = (got << BigInt(s)) - m;
      expect((diff < 0n ? -diff : diff) <= 1n << BigInt(s - 1)).toBe(true);
    }
  });

  it('double-double → sliced rounds hi + lo to nearest (≤ ½ unit + 2^-30), and back within 2^-100 relative', () => {
    const rng = new Rng(11, ['sliced-dd']);
    const K = 7; // 140 bits: more than a double-double holds, so the reading back is relative
    const n = 5;
    const nn = n * n;
    const reHi = new Float64Array(nn);
    const reLo = new Float64Array(nn);
    const imHi = new Float64Array(nn);
    const imLo = new Float64Array(nn);
    for (let q = 0; q < nn; q++) {
      for (const [H, Lo] of [
        [reHi, reLo],
        [imHi, imLo],
      ]) {
        const scale = 2 ** -rng.int(0, 60);
        const hi = rng.uniform(-1, 1) * scale;
        // a lo below half an ulp of hi: a normalised pair
        const lo = rng.uniform(-0.5, 0.5) * 2 ** (Math.floor(Math.log2(Math.abs(hi))) - 52);
        H[q] = hi + lo;
        Lo[q] = lo - (hi + lo - hi);
      }
    }
    const X = slicedFromDD(n, K, reHi, reLo, imHi, imLo);
    const bits = L * K;
    for (let q = 0; q < nn; q++)
      for (const part of [0, 1] as const) {
        const hi = (part === 0 ? reHi : imHi)[q];
        const lo = (part === 0 ? reLo : imLo)[q];
        // exact hi + lo in units of 2^(−bits − 200)
        const exact = (exactFloatScaled(hi, bits + 200) as bigint) + (exactFloatScaled(lo, bits + 200) as bigint);
        const got = slicedEntryBigInt(X, part, q) << 200n;
        const d = got - exact;
        const ad = d < 0n ? -d : d;
        // ≤ (½ + 2^-30)·2^200 in these units
        expect(ad <= (1n << 199n) + (1n << 170n)).toBe(true);
        // reading back as a double-double: relative 2^-100 of the entry (plus 2^-30 of a unit)
        const [h2, l2] = slicedEntryDD(X, part, q);
        const back = (exactFloatScaled(h2, bits + 200) as bigint) + (exactFloatScaled(l2, bits + 200) as bigint);
        const e2 = back - got;
        const ae2 = e2 < 0n ? -e2 : e2;
        const ag = got < 0n ? -got : got;
        expect(ae2 <= (ag >> 100n) + (1n << 170n)).toBe(true);
        // and the absolute upper bound really is one
        const upper = slicedEntryAbsUpper(X, part, q);
        expect(exactFloatScaled(upper, bits + 200)! >= ag).toBe(true);
      }
  });

  it('slicedEntryAbsUpper bounds |entry| from above, tightly, for balanced digits of either sign', () => {
    const rng = new Rng(5, ['sliced-absupper']);
    const eng = loopProduct();
    for (const K of [1, 2, 4, 9]) {
      // a product's digits are balanced (mixed signs within one entry)
      const A = sliced(rng, 4, K, 'unit');
      const B = sliced(rng, 4, K, 'aboveOne');
      const C = slicedProduct(eng, A, B, K).value;
      for (const part of [0, 1] as const)
        for (let q = 0; q < 16; q++) {
          const x = slicedEntryBigInt(C, part, q);
          const ax = x < 0n ? -x : x;
          const up = exactFloatScaled(slicedEntryAbsUpper(C, part, q), L * K) as bigint;
          expect(up >= ax).toBe(true);
          // Σ|d_s|·2^(−L·s) over balanced digits exceeds |entry| by less than 2·|entry| (the digits below
          // the leading one sum to under half of it), plus the float64 rounding: not vacuous
          expect(up <= 3n * ax + 1n).toBe(true);
        }
    }
  });
});

/** x·2^bits exactly, floored when it is not an integer (all our uses are integers). */
function exactFloatScaled(x: number, bits: number): bigint | null {
  const { m, e } = exactFloat(x);
  const s = e + bits;
  return s >= 0 ? m << BigInt(s) : m >> BigInt(-s);
}

describe('slicedCombine', () => {
  it('A ± B is exact when K is at least both operands’ K (error 0), whatever their widths', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom<1 | -1>(1, -1),
        fc.nat(),
        (n, KA, KB, b, seed) => {
          const rng = new Rng(seed, ['sliced-combine']);
          const kinds: Kind[] = ['unit', 'small', 'nearOne', 'aboveOne', 'negative'];
          const A = sliced(rng, n, KA, kinds[rng.int(0, 4)]);
          const B = sliced(rng, n, KB, kinds[rng.int(0, 4)]);
          const K = Math.max(KA, KB) + rng.int(0, 2);
          const { value, error } = slicedCombine(A, B, K, b);
          const ref = slicedCombine(A, B, K, b, loopProduct());
          expect(digits(value)).toEqual(digits(ref.value));
          expect(Array.from(value.maxAbs)).toEqual(Array.from(ref.value.maxAbs));
          expect(ref.error).toBe(error);
          expect(error).toBe(0);
          expect(value.K).toBe(K);
          for (const part of [0, 1] as const)
            for (let q = 0; q < n * n; q++) {
              const exact = (slicedEntryBigInt(A, part, q) << BigInt(L * (K - KA))) + BigInt(b) * (slicedEntryBigInt(B, part, q) << BigInt(L * (K - KB)));
              expect(slicedEntryBigInt(value, part, q)).toBe(exact);
            }
        },
      ),
      { numRuns: 60, seed: 20261205 },
    );
  });

  it('rounding to fewer slices stays within its bound, which is about ½ unit', () => {
    const rng = new Rng(8, ['sliced-combine-round']);
    for (const [KA, KB, K] of [
      [4, 3, 2],
      [5, 5, 1],
      [3, 6, 4],
    ]) {
      const A = sliced(rng, 3, KA, 'unit');
      const B = sliced(rng, 3, KB, 'negative');
      const { value, error } = slicedCombine(A, B, K, -1);
      expect(error).toBeGreaterThan(0);
      expect(error).toBeLessThanOrEqual(0.5 * (1 + 2 ** (1 - L)));
      const W = Math.max(KA, KB);
      const exact = { re: [] as bigint[], im: [] as bigint[] };
      for (let q = 0; q < 9; q++) {
        exact.re.push((slicedEntryBigInt(A, 0, q) << BigInt(L * (W - KA))) - (slicedEntryBigInt(B, 0, q) << BigInt(L * (W - KB))));
        exact.im.push((slicedEntryBigInt(A, 1, q) << BigInt(L * (W - KA))) - (slicedEntryBigInt(B, 1, q) << BigInt(L * (W - KB))));
      }
      expect(maxDeviation(value, exact, W)).toBeLessThanOrEqual(error);
    }
  });

  it('digits whose sum would pass 2^53 are refused, not rounded (leading or lower slice)', () => {
    // 2^52 + 1 plus 2^52 is 2^53 + 1, which float64 cannot hold
    for (const s of [0, 1]) {
      const digitsAt = (d: number) => [0, 1].map((t) => [t === s ? d : 0]);
      const A = fromDigits(1, digitsAt(2 ** 52 + 1), [[0], [0]]);
      const B = fromDigits(1, digitsAt(2 ** 52), [[0], [0]]);
      expect(() => slicedCombine(A, B, 2)).toThrow(RangeError);
      expect(() => slicedCombine(A, B, 2)).toThrow(/digits too large/);
    }
  });

  it('the identity is 1 on the diagonal, exactly', () => {
    const I = slicedIdentity(3, 4);
    for (let q = 0; q < 9; q++) {
      expect(slicedEntryBigInt(I, 0, q)).toBe(q % 4 === 0 ? 1n << BigInt(4 * L) : 0n);
      expect(slicedEntryBigInt(I, 1, q)).toBe(0n);
    }
  });
});

describe('slicedProduct against exact BigInt products', () => {
  const kinds: Kind[] = ['unit', 'small', 'nearOne', 'aboveOne', 'negative', 'sparse'];

  /** One case: both engines, the bound holds entry by entry, the engines agree digit for digit. */
  function check(n: number, KA: number, KB: number, K: number, kindA: Kind, kindB: Kind, conjugateLeft: boolean, seed: number) {
    const rng = new Rng(seed, ['sliced-product', kindA, kindB]);
    const A = sliced(rng, n, KA, kindA);
    const B = sliced(rng, n, KB, kindB);
    const exact = exactProduct(A, B, conjugateLeft);
    const results = engines.map(([, make]) => slicedProduct(make(), A, B, K, { conjugateLeft }));
    for (const r of results) {
      expect(r.value.K).toBe(K);
      expect(maxDeviation(r.value, exact, KA + KB)).toBeLessThanOrEqual(r.error);
    }
    expect(digits(results[1].value)).toEqual(digits(results[0].value));
    expect(results[1].error).toBe(results[0].error);
    return { results, exact };
  }

  it('random shapes: n, widths, K below/at/above the exact width, every kind, A or A† (seeded)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 2, 3, 7, 16),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: -4, max: 2 }),
        fc.constantFrom(...kinds),
        fc.constantFrom(...kinds),
        fc.boolean(),
        fc.nat(),
        (n, KA, KB, dK, kindA, kindB, conj, seed) => {
          const K = Math.max(1, KA + KB + dK);
          const { results } = check(n, KA, KB, K, kindA, kindB, conj, seed);
          // not vacuous: a truncated product is off by at most one unit of its last slice
          expect(results[0].error).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 120, seed: 20261205 },
    );
  });

  it.each([
    [64, 2, 2, 3, false],
    [64, 3, 3, 6, true],
    [64, 2, 3, 2, true],
  ])('n = %i, widths %i·%i, K = %i, conjugateLeft %s', (n, KA, KB, K, conj) => {
    const { results } = check(n, KA, KB, K, 'aboveOne', 'nearOne', conj, 64);
    expect(results[0].error).toBeLessThanOrEqual(1);
  });

  it('at or above the exact width the digits are those of the exact product', () => {
    for (const [n, KA, KB, dK, conj] of [
      [1, 1, 1, 0, false],
      [2, 2, 3, 0, true],
      [3, 3, 2, 2, false],
      [7, 1, 4, 1, true],
      [16, 2, 2, 0, true],
    ] as const) {
      const K = KA + KB + dK;
      const { results, exact } = check(n, KA, KB, K, 'aboveOne', 'negative', conj, n * 31 + K);
      for (const r of results) expect(maxDeviation(r.value, exact, KA + KB)).toBe(0);
    }
  });

  it('nothing dropped means an error bound of zero (the file’s promise), with or without extra levels', () => {
    const rng = new Rng(2, ['sliced-exact-bound']);
    const A = sliced(rng, 3, 2, 'unit');
    const B = sliced(rng, 3, 2, 'unit');
    expect(slicedProduct(loopProduct(), A, B, 4, { extraLevels: 0 }).error).toBe(0);
    expect(slicedProduct(loopProduct(), A, B, 4).error).toBe(0);
  });

  it('a product with a small correction skips the empty leading slices and stays exact to the bound', () => {
    // F with its leading 3 of 5 slices empty: the product is small, its bound still ≤ 1 unit
    const { results, exact } = check(7, 5, 5, 5, 'unit', 'small', false, 77);
    expect(results[0].value.maxAbs[0]).toBeLessThanOrEqual(1);
    expect(maxDeviation(results[0].value, exact, 10)).toBeLessThanOrEqual(results[0].error);
    expect(results[0].error).toBeLessThanOrEqual(1);
  });

  it('operands with balanced digits of both signs (a previous product) chain within the summed bounds', () => {
    const rng = new Rng(9, ['sliced-chain']);
    const n = 5;
    const K = 4;
    const eng = simdProduct();
    const A = sliced(rng, n, K, 'unit');
    const B = sliced(rng, n, K, 'aboveOne');
    const AB = slicedProduct(eng, A, B, K);
    // mixed-sign digits within entries are present
    let mixed = false;
    for (let q = 0; q < n * n && !mixed; q++) {
      const ds = Array.from({ length: K }, (_, s) => AB.value.data[s * n * n + q]).filter((d) => d !== 0);
      mixed = ds.some((d) => d > 0) && ds.some((d) => d < 0);
    }
    expect(mixed).toBe(true);
    const C = sliced(rng, n, K, 'negative');
    const r = slicedProduct(eng, AB.value, C, K, { conjugateLeft: true });
    const exact = exactProduct(AB.value, C, true);
    expect(maxDeviation(r.value, exact, 2 * K)).toBeLessThanOrEqual(r.error);
    expect(digits(slicedProduct(loopProduct(), AB.value, C, K, { conjugateLeft: true }).value)).toEqual(digits(r.value));
  });

  it('n = 64 at the exact width with leading digits above 2^L: exact', () => {
    const { results, exact } = check(64, 4, 4, 8, 'aboveOne', 'aboveOne', false, 4);
    for (const r of results) expect(maxDeviation(r.value, exact, 8)).toBe(0);
  });
});

/** A Sliced from its digits given slice by slice (digits need not be normalised: any integers). */
function fromDigits(n: number, re: number[][], im: number[][]): Sliced {
  const K = re.length;
  const nn = n * n;
  const data = new Float64Array(2 * K * nn);
  const maxAbs = new Float64Array(K);
  for (let s = 0; s < K; s++)
    for (let q = 0; q < nn; q++) {
      data[s * nn + q] = re[s][q];
      data[(K + s) * nn + q] = im[s][q];
      maxAbs[s] = Math.max(maxAbs[s], Math.abs(re[s][q]), Math.abs(im[s][q]));
    }
  return { n, K, data, maxAbs };
}

describe('slicedProduct with level sums near 2^53 (digits the pair check accepts)', () => {
  // Each slice pair passes the check on 2·n·max|a|·max|b|, but the sums at one level, or a level
  // plus the carry from the level below, can pass 2^53: those must be carried exactly, never
  // rounded silently nor reported as an internal error. The products below are all of modest size
  // (below 2^14), so a refusal is acceptable only as "digits too large".

  /** Both engines: within the bound of the exact product, the same digits; or both refuse the digits. */
  function holds(A: Sliced, B: Sliced, K: number, mayRefuse = false) {
    const exact = exactProduct(A, B, false);
    const outcomes = engines.map(([, make]) => {
      try {
        return slicedProduct(make(), A, B, K);
      } catch (e) {
        if (!mayRefuse) throw e;
        expect(e).toBeInstanceOf(RangeError);
        expect((e as Error).message).toMatch(/digits too large/);
        return null;
      }
    });
    if (outcomes[0] === null || outcomes[1] === null) {
      expect(outcomes).toEqual([null, null]);
      return 'refused';
    }
    for (const r of outcomes) expect(maxDeviation(r!.value, exact, A.K + B.K)).toBeLessThanOrEqual(r!.error);
    expect(digits(outcomes[1]!.value)).toEqual(digits(outcomes[0]!.value));
    return 'exact';
  }

  it('one pair filling a level to 2^53 − 2^28, plus a carry of about 2^32 from below: exact or refused, at K = 2, 3, 4', () => {
    // m = 2^26 − 1: level 2 holds m·m + (m − 1)·m, odd, and the carry of level 3 (m·m) takes it past 2^53
    const m = 2 ** 26 - 1;
    const A = fromDigits(1, [[m], [m]], [[-(m - 1)], [0]]);
    const B = fromDigits(1, [[m], [0]], [[m], [0]]);
    for (const K of [2, 3, 4]) holds(A, B, K, true);
  });

  it('two pairs each filling a level almost to 2^53, the level above almost full too: exact or refused', () => {
    const m = 2 ** 26 - 1;
    const A = fromDigits(1, [[m], [m]], [[-m], [-m]]);
    const B = fromDigits(1, [[m], [m]], [[m], [m]]);
    for (const K of [2, 4]) holds(A, B, K, true);
  });

  it('the largest digits accepted: levels near the limit, carries cascading two levels up, exact', () => {
    // Gauss's accumulators: a pair adds n·max|a|·max|b| to a level's bound b (|T1|, |T2| ≤ b,
    // |T3| ≤ 4b), which must stay below ⌊(2^53 − 2^35)/6⌋ − 2^20; m is the largest digit that allows
    const limit = Math.floor((2 ** 53 - 2 ** 35) / 6) - 2 ** 20;
    let m = Math.floor(Math.sqrt(limit));
    while (m * m >= limit) m--;
    expect(() => slicedProduct(loopProduct(), fromDigits(1, [[m + 1]], [[0]]), fromDigits(1, [[m + 1]], [[0]]), 2)).toThrow(/digits too large/);
    const A = fromDigits(1, [[m], [m], [m]], [[-(m - 1)], [-m], [m]]);
    const B = fromDigits(1, [[m], [m], [-m]], [[m], [m], [m]]);
    for (const K of [1, 2, 3, 4, 6]) expect(holds(A, B, K)).toBe('exact');
    const A2 = fromDigits(1, [[m], [m]], [[-(m - 1)], [0]]);
    const B2 = fromDigits(1, [[m], [0]], [[m], [0]]);
    for (const K of [2, 4]) expect(holds(A2, B2, K)).toBe('exact');
  });

  it('many moderate pairs per level, n = 64 (digits 2^22: each pair 2^51, flushes at every level)', () => {
    const rng = new Rng(12, ['sliced-flush']);
    const n = 64;
    const K = 5;
    const draw = () => Array.from({ length: K }, () => Array.from({ length: n * n }, () => (rng.int(0, 1) ? 1 : -1) * (2 ** 22 - rng.int(0, 3))));
    const A = fromDigits(n, draw(), draw());
    const B = fromDigits(n, draw(), draw());
    holds(A, B, K);
    holds(A, B, 2 * K);
  });
});

/**
 * The steps a product runs in its engine's memory, on the WebAssembly engine against the loop
 * engine (the reference), bit for bit over the whole memory (so nothing outside a step's output
 * is written either), and each against its definition computed here.
 */
describe('engine steps: the WebAssembly kernels against the loop reference, bit for bit', () => {
  const bits = (x: Float64Array) => new BigUint64Array(x.buffer, x.byteOffset, x.length);
  const LIMIT = 2 ** 53 - 2 ** 35;

  /** Both engines with `slots` slots holding the same values; `same` checks their memories agree bit for bit. */
  function twins(slots: number, fill: (i: number) => number) {
    const before = Float64Array.from({ length: slots }, (_, i) => fill(i));
    const pair = engines.map(([, make]) => {
      const e = make();
      e.reserve(slots);
      e.mem().set(before);
      return e;
    });
    const same = () => {
      const [a, b] = pair.map((e) => bits(e.mem().subarray(0, slots)));
      const first = a.findIndex((x, i) => x !== b[i]);
      expect(first === -1 ? '' : `slot ${first}: loop ${pair[0].mem()[first]}, simd ${pair[1].mem()[first]}`).toBe('');
    };
    return { pair, before, mem: () => pair[0].mem(), same };
  }

  /** A digit-like integer: zero (a quarter of the time, so −0 from negation shows), small, or up to 2^52. */
  const digit = (rng: Rng): number => {
    const k = rng.int(0, 7);
    if (k < 2) return 0;
    if (k < 6) return rng.int(-(2 ** 20), 2 ** 20);
    return rng.int(-(2 ** 52 - 1), 2 ** 52 - 1);
  };

  it('prepLeft: random n, strides and placements, A or A†', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.nat({ max: 5 }), fc.nat({ max: 3 }), fc.boolean(), fc.nat(), (n, extraRow, gap, conj, seed) => {
        const rng = new Rng(seed, ['engine-prepLeft']);
        const nn = n * n;
        const row = n + extraRow;
        const block = n * row + gap;
        const re = gap + 1;
        const im = re + nn;
        const dst = im + nn + gap;
        const slots = dst + 2 * block + n * row + 3;
        const t = twins(slots, () => digit(rng));
        for (const e of t.pair) e.prepLeft(re, im, dst, block, n, row, conj);
        t.same();
        const m = t.mem();
        const b = t.before;
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) {
            const src = conj ? j * n + i : i * n + j;
            const x = b[re + src];
            const y = conj ? -b[im + src] : b[im + src];
            const at = dst + i * row + j;
            expect([m[at], m[at + block], m[at + 2 * block]]).toEqual([x, y, x + y]);
          }
      }),
      { numRuns: 60, seed: 20261205 },
    );
  });

  it('prepRight: odd and even counts, empty', () => {
    fc.assert(
      fc.property(fc.nat({ max: 37 }), fc.nat({ max: 3 }), fc.nat(), (count, gap, seed) => {
        const rng = new Rng(seed, ['engine-prepRight']);
        const re = gap;
        const im = re + count + gap;
        const dst = im + count + 1;
        const block = count + gap;
        const slots = dst + 2 * block + count + 2;
        const t = twins(slots, () => digit(rng));
        for (const e of t.pair) e.prepRight(re, im, dst, block, count);
        t.same();
        const [m, b] = [t.mem(), t.before];
        for (let q = 0; q < count; q++) expect([m[dst + q], m[dst + block + q], m[dst + 2 * block + q]]).toEqual([b[re + q], b[im + q], b[re + q] + b[im + q]]);
      }),
      { numRuns: 40, seed: 20261205 },
    );
  });

  it('gauss: levels 1 … U combined in place (level 0 untouched), accumulators up to 2^50', () => {
    fc.assert(
      fc.property(fc.nat({ max: 5 }), fc.integer({ min: 1, max: 33 }), fc.nat({ max: 4 }), fc.nat(), (U, count, gap, seed) => {
        const rng = new Rng(seed, ['engine-gauss']);
        const width = 3 * count + gap;
        const levels = 1 + gap;
        const slots = levels + (U + 1) * width + 2;
        const t = twins(slots, () => rng.int(-(2 ** 50), 2 ** 50));
        for (const e of t.pair) e.gauss(levels, width, U, count);
        t.same();
        const [m, b] = [t.mem(), t.before];
        for (let u = 1; u <= U; u++)
          for (let q = 0; q < count; q++) {
            const c = levels + u * width + q;
            const [t1, t2, t3] = [b[c], b[c + count], b[c + 2 * count]];
            expect([m[c], m[c + count], m[c + 2 * count]]).toEqual([t1 - t2, t3 - t1 - t2, t3]);
          }
        for (let e = 0; e < slots; e++) if (e < levels + width || e >= levels + (U + 1) * width) expect(m[e]).toBe(b[e]);
      }),
      { numRuns: 40, seed: 20261205 },
    );
  });

  /**
   * Levels for a carry: integers below LIMIT, some near it, some levels zero. Levels above K, when
   * given, are random, zero, or zero but for level K + 1 holding whole units of 2^L (both leave
   * nothing nonzero to drop).
   */
  function carryCase(rng: Rng, U: number, count: number, width: number, K = U, above: 'random' | 'zero' | 'whole' = 'random') {
    const levelAt = 2;
    const kinds = Array.from({ length: U + 1 }, () => rng.int(0, 3));
    const value = (u: number) => {
      const s = rng.int(0, 1) === 1 ? 1 : -1;
      switch (kinds[u]) {
        case 0:
          return 0;
        case 1:
          return s * (LIMIT - 1 - rng.int(0, 2 ** 30));
        case 2:
          return rng.int(-(2 ** 20), 2 ** 20);
        default:
          return rng.int(-(2 ** 52 - 1), 2 ** 52 - 1);
      }
    };
    const levels = new Float64Array(levelAt + (U + 1) * width);
    for (let u = 1; u <= U; u++)
      for (let e = 0; e < 2 * count; e++) {
        let v = value(u);
        if (u > K && above !== 'random') v = above === 'whole' && u === K + 1 ? rng.int(-(2 ** 31), 2 ** 31) * RADIX : 0;
        levels[levelAt + u * width + e] = v;
      }
    return { levelAt, levels };
  }

  it('carry: digits, maxima and the dropped flag, for U below, at and above K; the value kept or rounded within the bound', () => {
    const ROUNDING = 0.5 * (1 + 2 ** (1 - L));
    let dropped = 0;
    let kept = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 17 }),
        fc.nat({ max: 3 }),
        fc.constantFrom<'random' | 'zero' | 'whole'>('random', 'random', 'random', 'zero', 'whole'),
        fc.nat(),
        (U, K, count, gap, above, seed) => {
          const rng = new Rng(seed, ['engine-carry']);
          const width = 2 * count + gap;
          const { levelAt, levels } = carryCase(rng, U, count, width, K, above);
          const out = levels.length + 1;
          const maxAbs = out + 2 * K * count;
          const carry = maxAbs + K;
          const slots = carry + 2 * count;
          // the output, maxima and carry slots hold junk before: the step must overwrite all of them
          const t = twins(slots, (i) => (i < levels.length ? levels[i] : 1000 + i));
          const lost = t.pair.map((e) => e.carry(levelAt, width, U, count, K, out, carry, maxAbs));
          expect(lost[1]).toBe(lost[0]);
          t.same();
          const m = t.mem();
          for (let q = 0; q < 2 * count; q++) {
            // Σ_u level_u·2^(L(W−u)) against Σ_s digit_s·2^(L(W−s)), exactly, W = max(U, K)
            const part = q < count ? 0 : 1;
            const e = q % count;
            const W = Math.max(U, K);
            let exact = 0n;
            for (let u = 1; u <= U; u++) exact += BigInt(levels[levelAt + u * width + q]) << BigInt(L * (W - u));
            let got = 0n;
            for (let s = 1; s <= K; s++) {
              const d = m[out + (part * K + s - 1) * count + e];
              if (s > 1) expect(Math.abs(d)).toBeLessThanOrEqual(2 ** (L - 1));
              expect(Math.abs(d)).toBeLessThanOrEqual(m[maxAbs + s - 1]);
              got += BigInt(d) << BigInt(L * (W - s));
            }
            if (U <= K) {
              // nothing dropped: exact
              expect(got).toBe(exact);
              expect(lost[0]).toBe(false);
            } else {
              const diff = got - exact;
              const unit = 2 ** (L * (U - K));
              // |diff| ≤ ROUNDING·unit, in exact integers (unit ≥ 2^L)
              const bound = BigInt(ROUNDING * unit);
              expect(diff <= bound && -diff <= bound).toBe(true);
              if (!lost[0]) expect(diff).toBe(0n);
            }
          }
          for (let s = 1; s <= K; s++) {
            let max = 0;
            for (let part = 0; part < 2; part++) for (let e = 0; e < count; e++) max = Math.max(max, Math.abs(m[out + (part * K + s - 1) * count + e]));
            expect(m[maxAbs + s - 1]).toBe(max);
          }
          if (U > K && above !== 'random') expect(lost[0]).toBe(false);
          if (U > K) lost[0] ? dropped++ : kept++;
        },
      ),
      { numRuns: 150, seed: 20261205 },
    );
    // both outcomes of the dropped flag were exercised
    expect(dropped).toBeGreaterThan(5);
    expect(kept).toBeGreaterThan(5);
  });

  it('carry: a leading level reaching 2^53 is an internal error on both engines', () => {
    const count = 3;
    const width = 2 * count;
    const levels = new Float64Array(3 * width);
    levels.fill(2 ** 53 - 2 ** 35 - 2, width, 2 * width);
    // level 2 carries 2^36 into level 1: 2^53 + 2^35 − 2
    levels.fill(2 ** 56, 2 * width, 3 * width);
    for (const [, make] of engines) {
      const e = make();
      e.reserve(200);
      e.mem().set(levels);
      expect(() => e.carry(0, width, 2, count, 2, 100, 150, 170)).toThrow(InternalError);
      expect(() => e.carry(0, width, 2, count, 2, 100, 150, 170)).toThrow(/outgrew its leading slice/);
    }
  });

  it('flush: whole units of 2^L move up, the value kept exactly, the largest carry returned', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 33 }), fc.nat({ max: 3 }), fc.nat(), (count, gap, seed) => {
        const rng = new Rng(seed, ['engine-flush']);
        const up = 1;
        const at = up + count + gap;
        const slots = at + count + 1;
        const t = twins(slots, (i) =>
          i >= at && i < at + count
            ? (rng.int(0, 1) ? 1 : -1) * (LIMIT - 1 - rng.int(0, 2 ** 40)) * (rng.int(0, 3) === 0 ? 0 : 1)
            : rng.int(-(2 ** 51), 2 ** 51),
        );
        const maxCarry = t.pair.map((e) => e.flush(at, up, count));
        expect(maxCarry[1]).toBe(maxCarry[0]);
        t.same();
        const [m, b] = [t.mem(), t.before];
        let max = 0;
        for (let e = 0; e < count; e++) {
          expect(BigInt(m[at + e]) + (BigInt(m[up + e]) << BigInt(L))).toBe(BigInt(b[at + e]) + (BigInt(b[up + e]) << BigInt(L)));
          expect(Math.abs(m[at + e])).toBeLessThanOrEqual(2 ** (L - 1));
          max = Math.max(max, Math.abs(m[up + e] - b[up + e]));
        }
        expect(maxCarry[0]).toBe(max);
      }),
      { numRuns: 40, seed: 20261205 },
    );
  });

  it('accumulate: dst ± src, odd and even counts, empty', () => {
    fc.assert(
      fc.property(fc.nat({ max: 33 }), fc.constantFrom<1 | -1>(1, -1), fc.nat(), (count, sign, seed) => {
        const rng = new Rng(seed, ['engine-accumulate']);
        const src = 1;
        const dst = src + count + 1;
        const slots = dst + count + 1;
        const t = twins(slots, () => digit(rng) / 2);
        for (const e of t.pair) e.accumulate(src, dst, count, sign);
        t.same();
        const [m, b] = [t.mem(), t.before];
        for (let e = 0; e < count; e++) expect(m[dst + e]).toBe(b[dst + e] + sign * b[src + e]);
      }),
      { numRuns: 40, seed: 20261205 },
    );
  });

  it('carryResult and slicedCombine give the same digits and bounds on either engine', () => {
    const rng = new Rng(21, ['engine-combine']);
    for (const [n, KA, KB, K, b] of [
      [1, 1, 1, 1, 1],
      [3, 4, 2, 2, -1],
      [5, 2, 5, 6, 1],
      [8, 3, 3, 3, -1],
    ] as const) {
      const A = sliced(rng, n, KA, 'aboveOne');
      const B = sliced(rng, n, KB, 'negative');
      const [x, y] = [loopProduct(), simdProduct()].map((e) => slicedCombine(A, B, K, b, e));
      expect(digits(y.value)).toEqual(digits(x.value));
      expect(Array.from(y.value.maxAbs)).toEqual(Array.from(x.value.maxAbs));
      expect(y.error).toBe(x.error);
      const U = K + 2;
      const { levels } = carryCase(rng, U, n * n, 2 * n * n);
      // carryResult's levels start at slot 0 (level 0 unused)
      const lv = levels.subarray(2);
      const [r, s] = [loopProduct(), simdProduct()].map((e) => carryResult(lv, U, n, K, e));
      expect(digits(s.value)).toEqual(digits(r.value));
      expect(Array.from(s.value.maxAbs)).toEqual(Array.from(r.value.maxAbs));
      expect(s.error).toBe(r.error);
    }
  });

  it('products whose operands have empty slices between nonzero ones, A or A†: within the bound, engines agree', () => {
    const rng = new Rng(31, ['sliced-gaps']);
    /** K unit-kind slices of which those in `empty` (0-based) are zero, with maxAbs 0. */
    const gapped = (n: number, K: number, empty: number[]): Sliced => {
      const X = sliced(rng, n, K, 'unit');
      const nn = n * n;
      for (const s of empty) {
        X.data.fill(0, s * nn, (s + 1) * nn);
        X.data.fill(0, (K + s) * nn, (K + s + 1) * nn);
        X.maxAbs[s] = 0;
      }
      return X;
    };
    for (const conj of [false, true])
      for (const [n, KA, KB, emptyA, emptyB] of [
        [3, 4, 3, [1, 2], [0]],
        [5, 3, 4, [1], [1, 2]],
        [4, 5, 5, [0, 3], [2, 4]],
        [7, 2, 2, [0, 1], [0]],
      ] as const) {
        const A = gapped(n, KA, [...emptyA]);
        const B = gapped(n, KB, [...emptyB]);
        const exact = exactProduct(A, B, conj);
        for (const K of [KA + KB, KA + KB - 2, 1]) {
          const [x, y] = engines.map(([, make]) => slicedProduct(make(), A, B, K, { conjugateLeft: conj }));
          expect(digits(y.value)).toEqual(digits(x.value));
          expect(Array.from(y.value.maxAbs)).toEqual(Array.from(x.value.maxAbs));
          expect(y.error).toBe(x.error);
          expect(maxDeviation(x.value, exact, KA + KB)).toBeLessThanOrEqual(x.error);
          if (K === KA + KB) expect(x.error).toBe(0);
        }
      }
  });
  it('scaleColumns: dst += src·diag(scale), rows × n for odd and even n, empty', () => {
    fc.assert(
      fc.property(fc.nat({ max: 6 }), fc.nat({ max: 9 }), fc.nat(), (rows, n, seed) => {
        const rng = new Rng(seed, ['engine-scaleColumns']);
        const src = 1;
        const scale = src + rows * n + 1;
        const dst = scale + n + 2;
        const slots = dst + rows * n + 1;
        // digits times digits of λ (below 2^21 each) and level sums below 2^52: exact
        const t = twins(slots, (i) => (i >= dst ? digit(rng) / 2 ** 10 : rng.int(-(2 ** 20), 2 ** 20)));
        for (const e of t.pair) e.scaleColumns(src, scale, dst, rows, n);
        t.same();
        const [m, b] = [t.mem(), t.before];
        for (let i = 0; i < rows; i++) for (let j = 0; j < n; j++) expect(m[dst + i * n + j]).toBe(b[dst + i * n + j] + b[src + i * n + j] * b[scale + j]);
        expect(m[dst + rows * n]).toBe(b[dst + rows * n]);
      }),
      { numRuns: 40, seed: 20261205 },
    );
  });

  /** K slices of `count` balanced digits (real, then imaginary) with some slices empty; their maxima. */
  function slicesCase(rng: Rng, K: number, count: number): { data: number[]; maxAbs: number[] } {
    const data: number[] = [];
    const maxAbs: number[] = [];
    const rows: number[][] = [];
    for (let s = 0; s < K; s++) {
      const empty = rng.int(0, 3) === 0;
      const big = s === 0 && rng.int(0, 1) === 1;
      const slice = () => Array.from({ length: count }, () => (empty ? 0 : big ? rng.int(-(2 ** 40), 2 ** 40) : rng.int(-(2 ** 19), 2 ** 19)));
      rows.push(slice(), slice());
    }
    for (let part = 0; part < 2; part++) for (let s = 0; s < K; s++) data.push(...rows[2 * s + part]);
    for (let s = 0; s < K; s++) maxAbs.push(Math.max(0, ...rows[2 * s].map(Math.abs), ...rows[2 * s + 1].map(Math.abs)));
    return { data, maxAbs };
  }

  it('toDD: the double-double view of K slices, empty slices skipped; hi + lo within 2^-100 relative of the exact entry', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 13 }), fc.nat(), (K, count, seed) => {
        const rng = new Rng(seed, ['engine-toDD']);
        const { data, maxAbs } = slicesCase(rng, K, count);
        const maxAt = 2 * K * count + 1;
        const hi = maxAt + K;
        const lo = hi + 2 * count;
        const slots = lo + 2 * count + 1;
        const t = twins(slots, (i) => (i < data.length ? data[i] : i >= maxAt && i < hi ? maxAbs[i - maxAt] : i >= hi && i < slots - 1 ? 0 : 7));
        for (const e of t.pair) e.toDD(0, K, count, maxAt, hi, lo);
        t.same();
        const m = t.mem();
        for (let e = 0; e < 2 * count; e++) {
          const [part, q] = [Math.floor(e / count), e % count];
          let exact = 0n;
          for (let s = 1; s <= K; s++) exact = (exact << BigInt(L)) + BigInt(data[(part * K + s - 1) * count + q]);
          exact <<= 200n;
          const got = (exactFloatScaled(m[hi + e], L * K + 200) as bigint) + (exactFloatScaled(m[lo + e], L * K + 200) as bigint);
          const dev = got - exact;
          const bound = (exact < 0n ? -exact : exact) >> 100n;
          expect((dev < 0n ? -dev : dev) <= bound).toBe(true);
          // a normalised pair
          expect(m[hi + e] + m[lo + e]).toBe(m[hi + e]);
        }
        expect(m[slots - 1]).toBe(7);
      }),
      { numRuns: 50, seed: 20261205 },
    );
  });

  it('fromDD: digits of double-doubles, the last rounded to nearest with ties towards +∞ (as Math.round, −0 kept)', () => {
    const rng = new Rng(41, ['engine-fromDD']);
    for (const K of [1, 2, 3, 5, 8]) {
      const unit = 2 ** (-L * K);
      const pairs: [number, number][] = [];
      // ties and near-ties of either sign, values rounding to −0, zeros of either sign
      for (const k of [0, 1, 2, 7, 2 ** 19 - 1])
        for (const sign of [1, -1])
          pairs.push([sign * (k + 0.5) * unit, 0], [sign * (k + 0.5) * unit, sign * unit * 2 ** -40], [sign * (k + 0.5) * unit, -sign * unit * 2 ** -40]);
      pairs.push([-0.3 * unit, 0], [-0.5 * unit, 0], [-0, 0], [0, -0], [-unit * 2 ** -30, 0]);
      // random normalised pairs at every scale
      for (let r = 0; r < 60; r++) {
        const h = rng.uniform(-1, 1) * 2 ** -rng.int(0, 20 * K + 5);
        const l = rng.uniform(-0.5, 0.5) * 2 ** (Math.floor(Math.log2(Math.abs(h))) - 52);
        pairs.push([h + l, l - (h + l - h)]);
      }
      const total = pairs.length;
      const stride = total + 3;
      const hiAt = 2;
      const loAt = hiAt + total;
      const out = loAt + total + 1;
      const slots = out + K * stride;
      const t = twins(slots, (i) => (i >= hiAt && i < loAt ? pairs[i - hiAt][0] : i >= loAt && i < loAt + total ? pairs[i - loAt][1] : 9));
      for (const e of t.pair) e.fromDD(hiAt, loAt, total, K, out, stride);
      t.same();
      const m = t.mem();
      pairs.forEach(([h, l], e) => {
        // the value in units of 2^(−L·K): the digits must be its nearest integer (ties up)
        let N = 0n;
        for (let s = 1; s <= K; s++) N = (N << BigInt(L)) + BigInt(m[out + (s - 1) * stride + e]);
        const exact = (exactFloatScaled(h, L * K + 200) as bigint) + (exactFloatScaled(l, L * K + 200) as bigint);
        const twice = 2n * ((N << 200n) - exact);
        // −½ < N − exact ≤ ½, or a tie by at most the last digit's own rounding of hi + lo (2^-30)
        expect(twice > -(1n << 200n) - (1n << 172n) && twice <= (1n << 200n) + (1n << 172n)).toBe(true);
        if (l === 0 && h !== 0 && Number.isInteger(h / unit + 0.5) && K <= 2) expect(Number(N)).toBe(Math.round(h / unit) + 0);
      });
      // the digit after the last and the gaps between are untouched
      expect(m[out + total]).toBe(9);
    }
  });

  it('maxAbs and absAccumulate: odd and even counts, empty', () => {
    fc.assert(
      fc.property(fc.nat({ max: 21 }), fc.integer({ min: -60, max: 0 }), fc.nat(), (count, e, seed) => {
        const rng = new Rng(seed, ['engine-abs']);
        const src = 1;
        const dst = src + count + 1;
        const slots = dst + count + 1;
        const t = twins(slots, (i) => (i >= dst ? Math.abs(digit(rng)) * 2 ** -60 : digit(rng)));
        const w = 2 ** e;
        const maxima = t.pair.map((x) => x.maxAbs(src, count));
        expect(maxima[1]).toBe(maxima[0]);
        expect(maxima[0]).toBe(Math.max(0, ...Array.from(t.before.subarray(src, src + count), Math.abs)));
        for (const x of t.pair) x.absAccumulate(src, dst, count, w);
        t.same();
        const [m, b] = [t.mem(), t.before];
        for (let q = 0; q < count; q++) expect(m[dst + q]).toBe(b[dst + q] + Math.abs(b[src + q]) * w);
      }),
      { numRuns: 40, seed: 20261205 },
    );
  });

  it('transpose: dst = ±srcᵀ for odd and even n, empty, −0 from negated zeros', () => {
    fc.assert(
      fc.property(fc.nat({ max: 9 }), fc.constantFrom<1 | -1>(1, -1), fc.nat(), (n, sign, seed) => {
        const rng = new Rng(seed, ['engine-transpose']);
        const src = 1;
        const dst = src + n * n + 1;
        const slots = dst + n * n + 1;
        const t = twins(slots, () => digit(rng));
        for (const e of t.pair) e.transpose(src, dst, n, sign);
        t.same();
        const [m, b] = [t.mem(), t.before];
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(m[dst + i * n + j]).toBe(sign * b[src + j * n + i]);
        expect(m[slots - 1]).toBe(b[slots - 1]);
      }),
      { numRuns: 40, seed: 20261205 },
    );
  });

  it('gatherColumns: the columns of each row in the given order (a seeded permutation or repeats)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 9 }), fc.boolean(), fc.nat(), (n, permutation, seed) => {
        const rng = new Rng(seed, ['engine-gather']);
        const order = Array.from({ length: n }, (_, j) => (permutation ? j : rng.int(0, Math.max(0, n - 1))));
        if (permutation)
          for (let j = n - 1; j > 0; j--) {
            const k = rng.int(0, j);
            [order[j], order[k]] = [order[k], order[j]];
          }
        const src = 1;
        const at = src + n * n;
        const dst = at + n + 1;
        const slots = dst + n * n + 1;
        const t = twins(slots, (i) => (i >= at && i < at + n ? order[i - at] : digit(rng)));
        for (const e of t.pair) e.gatherColumns(src, dst, n, at);
        t.same();
        const [m, b] = [t.mem(), t.before];
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(m[dst + i * n + j]).toBe(b[src + i * n + order[j]]);
        expect(m[slots - 1]).toBe(b[slots - 1]);
      }),
      { numRuns: 40, seed: 20261205 },
    );
  });

  it('hexDigits: signed hexadecimal integers of every length into K digits, against BigInt; the 2^53 flag', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.nat({ max: 12 }), fc.nat({ max: 7 }), fc.nat(), (K, count, lead, seed) => {
        const rng = new Rng(seed, ['engine-hexDigits']);
        // values up to 2^(20(K − 1) + 56): first digits on both sides of 2^53; zeros; either sign
        const values = Array.from({ length: count }, () => (rng.int(0, 4) === 0 ? 0n : randomBig(rng, rng.int(1, L * (K - 1) + 56))));
        const text = values.map((v) => v.toString(16)).join('');
        const ends: number[] = [];
        let at = lead;
        for (const v of values) ends.push((at += v.toString(16).length));
        const endsAt = 2;
        const out = endsAt + count + 1;
        const stride = count + 2;
        const textAt = out + K * stride + 1;
        const slots = textAt + Math.ceil((lead + text.length) / 8) + 1;
        const t = twins(slots, (i) => (i >= endsAt && i < endsAt + count ? ends[i - endsAt] : i >= textAt ? 0 : 5));
        for (const e of t.pair) {
          const bytes = new Uint8Array(e.mem().buffer, e.mem().byteOffset + 8 * textAt);
          for (let c = 0; c < lead; c++) bytes[c] = 120; // 'x', skipped by start = lead
          new TextEncoder().encodeInto(text, bytes.subarray(lead));
        }
        const flags = t.pair.map((e) => e.hexDigits(textAt, endsAt, lead, count, K, out, stride));
        expect(flags[1]).toBe(flags[0]);
        t.same();
        const m = t.mem();
        let big = false;
        values.forEach((v, i) => {
          const a = v < 0n ? -v : v;
          const first = a >> BigInt(L * (K - 1));
          if (first >= 2n ** 53n) {
            big = true;
            return;
          }
          let N = 0n;
          for (let s = 1; s <= K; s++) N = (N << BigInt(L)) + BigInt(m[out + (s - 1) * stride + i]);
          expect(N).toBe(v);
          // every digit carries the entry's sign (−0 for a zero digit of a negative entry)
          for (let s = 1; s <= K; s++) {
            const d = Number(s === 1 ? first : (a >> BigInt(L * (K - s))) & BigInt(RADIX - 1));
            expect(Object.is(m[out + (s - 1) * stride + i], v < 0n ? -d : d)).toBe(true);
          }
        });
        expect(flags[0]).toBe(big);
        // past the last digit of each slice, untouched
        for (let s = 1; s <= K; s++) expect(m[out + (s - 1) * stride + count]).toBe(5);
      }),
      { numRuns: 60, seed: 20261205 },
    );
  });

  it('fromFloat64: digits of float64 values, exact at the unit or rounded with ties towards +∞ (−0 kept), at every scale', () => {
    const rng = new Rng(43, ['engine-fromFloat64']);
    for (const K of [1, 2, 3, 6]) {
      const unit = 2 ** (-L * K);
      const values: number[] = [0, -0, -0.3 * unit, -0.5 * unit, 0.5 * unit, 2.5 * unit, -2.5 * unit, 1, -1, 2 ** 30 + unit, -(2 ** 32) + 3 * unit];
      for (let r = 0; r < 40; r++) values.push(rng.uniform(-1, 1) * 2 ** rng.int(-20 * K - 3, 31));
      const total = values.length;
      const src = 1;
      const out = src + total + 1;
      const stride = total + 2;
      const slots = out + K * stride;
      const t = twins(slots, (i) => (i >= src && i < src + total ? values[i - src] : 3));
      for (const e of t.pair) e.fromFloat64(src, total, K, out, stride);
      t.same();
      const m = t.mem();
      values.forEach((v, e) => {
        let N = 0n;
        for (let s = 1; s <= K; s++) N = (N << BigInt(L)) + BigInt(m[out + (s - 1) * stride + e]);
        const exact = exactFloatScaled(v, L * K + 200) as bigint;
        const twice = 2n * ((N << 200n) - exact);
        // −½ < N − v/unit ≤ ½ (ties up)
        expect(twice > -(1n << 200n) && twice <= 1n << 200n).toBe(true);
      });
      expect(m[out + total]).toBe(3);
    }
  });

  it('longDivide: the digits and remainders of long divisions r/b, exactly ⌊r·2^(L·s)/b⌋ digit by digit; b = 0 skipped', () => {
    const rng = new Rng(44, ['engine-longDivide']);
    for (const steps of [0, 1, 4, 9]) {
      const count = 37;
      const bs: number[] = [];
      const rs: number[] = [];
      for (let e = 0; e < count; e++) {
        // divisors up to just below 2^33, some 1, some skipped (0)
        const k = rng.int(0, 5);
        const b = k === 0 ? 0 : k === 1 ? 1 : k === 2 ? 2 ** 33 - 1 : rng.int(2, 2 ** 31) * rng.int(1, 3);
        bs.push(b);
        rs.push(b === 0 ? 5 : rng.int(0, b - 1));
      }
      const bAt = 2;
      const rAt = bAt + count;
      const out = rAt + count + 1;
      const stride = count + 3;
      const slots = out + Math.max(0, steps - 1) * stride + count + 2;
      const t = twins(slots, (i) => (i >= bAt && i < bAt + count ? bs[i - bAt] : i >= rAt && i < rAt + count ? rs[i - rAt] : 7));
      for (const e of t.pair) e.longDivide(bAt, rAt, count, steps, out, stride);
      t.same();
      const m = t.mem();
      bs.forEach((b, e) => {
        if (b === 0) {
          // untouched
          expect(m[rAt + e]).toBe(5);
          for (let s = 0; s < steps; s++) expect(m[out + s * stride + e]).toBe(7);
          return;
        }
        // the digits are those of ⌊r·2^(L·steps)/b⌋, the remainder what is left
        const scaled = (BigInt(rs[e]) << BigInt(L * steps)) / BigInt(b);
        let N = 0n;
        for (let s = 0; s < steps; s++) N = (N << BigInt(L)) + BigInt(m[out + s * stride + e]);
        expect(N).toBe(scaled);
        expect(BigInt(m[rAt + e])).toBe((BigInt(rs[e]) << BigInt(L * steps)) - scaled * BigInt(b));
      });
    }
  });

  it('gather: each slot from its index, −0 and all', () => {
    const rng = new Rng(45, ['engine-gather']);
    const src = 0;
    const count = 50;
    const index = 64;
    const dst = index + count + 1;
    const picks = Array.from({ length: count }, () => rng.int(0, 63));
    const t = twins(dst + count + 1, (i) => (i < 64 ? (i % 5 === 0 ? -0 : digit(rng)) : i >= index && i < index + count ? picks[i - index] : 9));
    for (const e of t.pair) e.gather(src, dst, count, index);
    t.same();
    const m = t.mem();
    picks.forEach((p, e) => expect(Object.is(m[dst + e], t.before[src + p])).toBe(true));
    expect(m[dst + count]).toBe(9);
  });

  const bigEntries = (X: Sliced, part: 0 | 1) => Array.from({ length: X.n * X.n }, (_, q) => slicedEntryBigInt(X, part, q) * 5n);
  it('slicedFromBigInt, slicedFromFloat64, slicedToDD, slicedFromDD and slicedAbsUpper give the same bits on either engine', () => {
    const rng = new Rng(51, ['engine-conversions']);
    for (const [n, K] of [
      [1, 1],
      [3, 4],
      [6, 7],
      [9, 3],
    ] as const) {
      const X = sliced(rng, n, K, 'aboveOne');
      // an empty slice between nonzero ones
      if (K > 2) {
        X.data.fill(0, n * n, 2 * n * n);
        X.data.fill(0, (K + 1) * n * n, (K + 2) * n * n);
        X.maxAbs[1] = 0;
      }
      const [Y, Z] = engines.map(([, make]) => slicedFromBigInt(n, K, bigEntries(X, 0), bigEntries(X, 1), L * K + 3, make()));
      expect(bits(Z.data)).toEqual(bits(Y.data));
      expect(Array.from(Z.maxAbs)).toEqual(Array.from(Y.maxAbs));
      const [U, V] = engines.map(([, make]) => slicedFromFloat64(n, K, slicedToDD(X).hi.subarray(0, n * n), slicedToDD(X).hi.subarray(n * n), make()));
      expect(bits(V.data)).toEqual(bits(U.data));
      expect(Array.from(V.maxAbs)).toEqual(Array.from(U.maxAbs));
      const [a, b] = engines.map(([, make]) => slicedToDD(X, make()));
      expect(bits(b.hi)).toEqual(bits(a.hi));
      expect(bits(b.lo)).toEqual(bits(a.lo));
      const nn = n * n;
      const [F, G] = engines.map(([, make]) =>
        slicedFromDD(n, K + 1, a.hi.subarray(0, nn), a.lo.subarray(0, nn), a.hi.subarray(nn), a.lo.subarray(nn), make()),
      );
      expect(bits(G.data)).toEqual(bits(F.data));
      expect(Array.from(G.maxAbs)).toEqual(Array.from(F.maxAbs));
      for (const scaleBits of [0, L * K, 1200]) {
        const [u, v] = engines.map(([, make]) => slicedAbsUpper(X, scaleBits, make()));
        expect(bits(v)).toEqual(bits(u));
      }
    }
  });
});
