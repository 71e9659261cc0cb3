/**
 * Fixed-point complex n×n matrices held as float64 "slices", so that high-precision matrix products
 * become many exact float64 products (an Ozaki-type scheme): an entry is Σ_{s=1..K} d_s·2^(−L·s)
 * with integer digits d_s (L = 20 bits per slice), and slice s is the n×n matrix of the d_s. The
 * product of two slices is an integer matrix whose every partial sum stays below 2^53, so float64
 * computes it exactly; the digits of the result are then carried into place. Only the pairs of
 * slices whose contribution reaches the requested number of result slices are formed, and the rest
 * is bounded rigorously, so each product returns its result with a bound on its error (zero when
 * nothing was dropped). Corrections of small magnitude have zero leading slices, which are skipped:
 * a product with a small matrix costs only as many slice pairs as its significant digits need.
 *
 * The real products run through a `RealProduct`: the WebAssembly SIMD kernel (simd/kernels.ts), or
 * a plain loop kept as its reference; every sum being an exact integer, both give the same digits.
 */
import { InternalError } from '../errors.js';
import { SimdKernels } from './simd/kernels.js';

/** Bits per slice: a multiple of 4 (conversions go through hexadecimal strings). */
export const SLICE_BITS = 20;
const L = SLICE_BITS;
const RADIX = 2 ** L;
const HEX_PER_SLICE = L / 4;
/** Largest integer every partial sum of an exact float64 product must stay below. */
const EXACT = 2 ** 53;
/**
 * Largest magnitude a level may hold when it is carried: the carry a level receives from the one
 * below is below 2^34, so every level sum and carry then stays below EXACT and exact.
 */
const LIMIT = EXACT - 2 ** 35;
/**
 * Gauss's accumulators of a level are tracked by one bound b with |T1|, |T2| ≤ b and |T3| ≤ 4b
 * (each pair adds n·max|a|·max|b| to b); below this the parts T1 − T2 and T3 − T1 − T2 (at most
 * 6b) stay below LIMIT.
 */
const B_LIMIT = Math.floor(LIMIT / 6);

export interface Sliced {
  readonly n: number;
  /** Number of slices: the unit of the last one is 2^(−L·K). */
  readonly K: number;
  /** Real parts, slice s (1-based) at offset (s − 1)·n², then imaginary parts at (K + s − 1)·n². */
  readonly data: Float64Array;
  /** max |digit| of slice s over real and imaginary parts, at index s − 1 (0 marks an empty slice). */
  readonly maxAbs: Float64Array;
}

/**
 * C[i][j] += Σ_p A[i][p]·B[p][j] for row-major float64 matrices at slots a (m×k, rows `arow` apart),
 * b (k×n), c (m×n) of `mem`, adding the terms of each entry in increasing p.
 */
export interface RealProduct {
  /** The working memory; may be replaced by `reserve`. */
  mem(): Float64Array;
  reserve(slots: number): void;
  /** `arow` (≥ k): the slots between rows of A. */
  product(a: number, b: number, c: number, m: number, k: number, n: number, arow: number): void;
}

/** The plain-loop RealProduct (reference and fallback). */
export function loopProduct(): RealProduct {
  let mem = new Float64Array(0);
  return {
    mem: () => mem,
    reserve(slots) {
      if (mem.length < slots) {
        const next = new Float64Array(slots);
        next.set(mem);
        mem = next;
      }
    },
    product(a, b, c, m, k, n, arow) {
      for (let i = 0; i < m; i++) {
        const ci = c + i * n;
        const ai = a + i * arow;
        for (let p = 0; p < k; p++) {
          const x = mem[ai + p];
          if (x === 0) continue;
          const bp = b + p * n;
          for (let j = 0; j < n; j++) mem[ci + j] += x * mem[bp + j];
        }
      }
    },
  };
}

/** The RealProduct of the WebAssembly SIMD kernel, on its own memory. */
export function simdProduct(): RealProduct {
  const k = new SimdKernels();
  return {
    mem: () => k.f64,
    reserve: (slots) => k.reserve(slots),
    product: (a, b, c, m, kk, n, arow) => k.matmulAdd(a, b, c, m, kk, n, arow),
  };
}

/**
 * Zeroed working arrays reused between calls (two, for a caller and the carry it calls): the
 * levels of a sum are megabytes for n = 64, and allocating them per call kept the collector busy.
 */
const scratchBuffers: Float64Array[] = [new Float64Array(0), new Float64Array(0)];
export function scratch(which: 0 | 1, size: number): Float64Array {
  if (scratchBuffers[which].length < size) scratchBuffers[which] = new Float64Array(Math.max(size, 2 * scratchBuffers[which].length));
  const view = scratchBuffers[which].subarray(0, size);
  view.fill(0);
  return view;
}

/**
 * Where new slices go: a region handed out front to back by `withSliceArena` (one allocation for
 * the many short-lived matrices of a refinement, which allocated one by one kept the collector
 * busy), else a fresh array. A region is never reused, so matrices in it stay valid afterwards.
 */
let arena: { buf: Float64Array; used: number } | null = null;

/** Run `fn` with new slices taken from one region of `slots` float64 slots (fresh arrays once it is full). */
export function withSliceArena<T>(slots: number, fn: () => T): T {
  const outer = arena;
  arena = { buf: new Float64Array(slots), used: 0 };
  try {
    return fn();
  } finally {
    arena = outer;
  }
}

/** An n×n matrix of K zero slices. */
export function zeroSliced(n: number, K: number): Sliced {
  const size = 2 * K * n * n;
  if (arena && arena.used + size <= arena.buf.length) {
    const data = arena.buf.subarray(arena.used, arena.used + size);
    arena.used += size;
    return { n, K, data, maxAbs: new Float64Array(K) };
  }
  return { n, K, data: new Float64Array(size), maxAbs: new Float64Array(K) };
}

function updateMaxAbs(x: Sliced): void {
  const { n, K, data, maxAbs } = x;
  const nn = n * n;
  for (let s = 0; s < K; s++) {
    let m = 0;
    for (const base of [s * nn, (K + s) * nn]) for (let q = 0; q < nn; q++) m = Math.max(m, Math.abs(data[base + q]));
    maxAbs[s] = m;
  }
}

/** The digits of one entry v·2^(L·K) (an integer given as a BigInt), into `data` at re/im slot `at`. */
function putDigits(data: Float64Array, at: number, stride: number, K: number, N: bigint): void {
  const neg = N < 0n;
  const hex = (neg ? -N : N).toString(16);
  const sign = neg ? -1 : 1;
  let end = hex.length;
  for (let s = K; s >= 1; s--) {
    const start = s === 1 ? 0 : Math.max(0, end - HEX_PER_SLICE);
    const d = start < end ? Number.parseInt(hex.slice(start, end), 16) : 0;
    if (s === 1 && start < end && d >= EXACT) throw new RangeError('sliced: an entry is too large for fixed point');
    data[at + (s - 1) * stride] = sign * d;
    end = start;
  }
}

/** x·2^-bits for BigInt entries x (re, im row-major), rounded to K slices (error ≤ 2^(−L·K−1) per part). */
export function slicedFromBigInt(n: number, K: number, re: readonly bigint[], im: readonly bigint[], bits: number): Sliced {
  const out = zeroSliced(n, K);
  const nn = n * n;
  const shift = L * K - bits;
  const scale = (x: bigint): bigint => {
    if (shift >= 0) return x << BigInt(shift);
    const s = BigInt(-shift);
    return (x + (1n << (s - 1n))) >> s;
  };
  for (let q = 0; q < nn; q++) {
    putDigits(out.data, q, nn, K, scale(re[q]));
    putDigits(out.data, K * nn + q, nn, K, scale(im[q]));
  }
  updateMaxAbs(out);
  return out;
}

/** Float64 entries (row-major re, im) as K slices, exactly when each is a multiple of 2^(−L·K) (else rounded to nearest). */
export function slicedFromFloat64(n: number, K: number, re: ArrayLike<number>, im: ArrayLike<number>): Sliced {
  const out = zeroSliced(n, K);
  const nn = n * n;
  for (let part = 0; part < 2; part++) {
    const src = part === 0 ? re : im;
    for (let q = 0; q < nn; q++) {
      let v = src[q];
      // v·2^(L·s) is exact (a power-of-two scaling); peel one digit at a time, the remainder exact.
      for (let s = 1; s <= K; s++) {
        v *= RADIX;
        const d = s === K ? Math.round(v) : Math.trunc(v);
        out.data[(part * K + s - 1) * nn + q] = d;
        v -= d;
      }
    }
  }
  updateMaxAbs(out);
  return out;
}

/** The entry (re or im) at index q as a BigInt in units of 2^(−L·K). */
export function slicedEntryBigInt(x: Sliced, part: 0 | 1, q: number): bigint {
  const nn = x.n * x.n;
  let N = 0n;
  for (let s = 1; s <= x.K; s++) N = (N << BigInt(L)) + BigInt(x.data[(part * x.K + s - 1) * nn + q]);
  return N;
}

/** The entry as a float64 pair (hi, lo) with hi + lo within 2^-100 or so of it (relative); for the refinement's arithmetic. */
export function slicedEntryDD(x: Sliced, part: 0 | 1, q: number): [number, number] {
  const nn = x.n * x.n;
  let hi = 0;
  let lo = 0;
  let w = 1;
  for (let s = 1; s <= x.K; s++) {
    w /= RADIX;
    const d = x.data[(part * x.K + s - 1) * nn + q];
    if (d === 0) continue;
    // two-sum of hi and d·w (exact: a power-of-two scaling of an integer below 2^53)
    const t = d * w;
    const sum = hi + t;
    const bb = sum - hi;
    lo += hi - (sum - bb) + (t - bb);
    hi = sum;
  }
  const s = hi + lo;
  return [s, lo - (s - hi)];
}

/**
 * Every entry as a float64 pair, as slicedEntryDD gives it: hi and lo arrays of 2n² (real parts,
 * then imaginary), accumulated slice by slice from the most significant.
 */
export function slicedToDD(x: Sliced): { hi: Float64Array; lo: Float64Array } {
  const nn = x.n * x.n;
  const hi = new Float64Array(2 * nn);
  const lo = new Float64Array(2 * nn);
  let w = 1;
  for (let s = 1; s <= x.K; s++) {
    w /= RADIX;
    if (x.maxAbs[s - 1] === 0) continue;
    for (let part = 0; part < 2; part++) {
      const src = (part * x.K + s - 1) * nn;
      const o = part * nn;
      for (let q = 0; q < nn; q++) {
        const d = x.data[src + q];
        if (d === 0) continue;
        const t = d * w;
        const h = hi[o + q];
        const sum = h + t;
        const bb = sum - h;
        lo[o + q] += h - (sum - bb) + (t - bb);
        hi[o + q] = sum;
      }
    }
  }
  for (let e = 0; e < 2 * nn; e++) {
    const sum = hi[e] + lo[e];
    lo[e] -= sum - hi[e];
    hi[e] = sum;
  }
  return { hi, lo };
}

/** Upper bounds of |Re| + |Im| of every entry (n², float64, rounded up). */
export function slicedAbsUpper(x: Sliced): Float64Array {
  const nn = x.n * x.n;
  const out = new Float64Array(nn);
  let w = 1;
  for (let s = 1; s <= x.K; s++) {
    w /= RADIX;
    if (x.maxAbs[s - 1] === 0) continue;
    for (let part = 0; part < 2; part++) {
      const src = (part * x.K + s - 1) * nn;
      for (let q = 0; q < nn; q++) out[q] += Math.abs(x.data[src + q]) * w;
    }
  }
  // 2K additions of non-negative terms: relative error below 2K·2^-53
  const up = 1 + (2 * x.K + 2) * 2 ** -52;
  for (let q = 0; q < nn; q++) out[q] *= up;
  return out;
}

/** An upper bound of |entry| for the real or imaginary part at q (float64, rounded up). */
export function slicedEntryAbsUpper(x: Sliced, part: 0 | 1, q: number): number {
  const nn = x.n * x.n;
  let sum = 0;
  let w = 1;
  for (let s = 1; s <= x.K; s++) {
    w /= RADIX;
    sum += Math.abs(x.data[(part * x.K + s - 1) * nn + q]) * w;
  }
  // K additions of non-negative terms: relative error below K·2^-53
  return sum * (1 + (x.K + 2) * 2 ** -52);
}

/**
 * The carry of a level entry v (an integer, |v| < 2^53) to the next level up: v/2^L rounded to
 * nearest by adding and removing 1.5·2^52 (exact: |v/2^L| < 2^33), leaving a balanced digit
 * |v − carry·2^L| ≤ 2^(L−1).
 */
const ROUNDER = 1.5 * 2 ** 52;
const INV_RADIX = 2 ** -L;
const carryOf = (v: number): number => v * INV_RADIX + ROUNDER - ROUNDER;

/**
 * Carry digit levels into K slices. Level u (1 … U; multiples of 2^(−L·u)) holds real parts at
 * levels[base + u·width + q] and imaginary parts at levels[base + u·width + n² + q]. Digits below
 * level K are dropped after the carry, which leaves each balanced, so the result is within
 * 2^(−L·K)·(1 + 2^(1−L))/2 of the exact sum per real or imaginary part; the returned `rounding` is
 * that bound (0 when every dropped digit is zero). Levels must hold less than LIMIT in magnitude.
 */
function carryInto(levels: Float64Array, base: number, width: number, U: number, n: number, K: number): { out: Sliced; rounding: number } {
  const nn = n * n;
  const out = zeroSliced(n, K);
  const d = out.data;
  const carry = scratch(1, 2 * nn);
  let lost = false;
  // level by level from the least significant: each keeps a balanced digit, the rest moves up
  for (let u = U; u >= 1; u--) {
    for (let part = 0; part < 2; part++) {
      const src = base + u * width + part * nn;
      const c0 = part * nn;
      const dst = (part * K + u - 1) * nn;
      let max = 0;
      if (u === 1) {
        for (let q = 0; q < nn; q++) {
          const v = levels[src + q] + carry[c0 + q];
          d[dst + q] = v;
          const a = Math.abs(v);
          if (a > max) max = a;
        }
        if (!(max < EXACT)) throw new InternalError('sliced: a value outgrew its leading slice');
      } else if (u <= K) {
        for (let q = 0; q < nn; q++) {
          const v = levels[src + q] + carry[c0 + q];
          const c = v * INV_RADIX + ROUNDER - ROUNDER;
          carry[c0 + q] = c;
          const digit = v - c * RADIX;
          d[dst + q] = digit;
          const a = Math.abs(digit);
          if (a > max) max = a;
        }
      } else {
        for (let q = 0; q < nn; q++) {
          const v = levels[src + q] + carry[c0 + q];
          const c = v * INV_RADIX + ROUNDER - ROUNDER;
          carry[c0 + q] = c;
          if (v !== c * RADIX) lost = true;
        }
      }
      if (u <= K && max > out.maxAbs[u - 1]) out.maxAbs[u - 1] = max;
    }
  }
  return { out, rounding: lost ? 0.5 * (1 + 2 ** (1 - L)) : 0 };
}

/**
 * Move level u's content up by whole units of 2^L into level u − 1 (u ≥ 2), `width` slots per
 * level, and on up while the level receiving the carry would reach `limit`; the bounds follow.
 */
function flushLevel(levels: Float64Array, u: number, width: number, bound: Float64Array, limit: number): void {
  for (let w = u; w >= 2; w--) {
    const at = w * width;
    const up = (w - 1) * width;
    let maxCarry = 0;
    for (let e = 0; e < width; e++) {
      const c = carryOf(levels[at + e]);
      levels[at + e] -= c * RADIX;
      levels[up + e] += c;
      maxCarry = Math.max(maxCarry, Math.abs(c));
    }
    bound[w] = RADIX / 2;
    bound[w - 1] += maxCarry;
    if (bound[w - 1] < limit) return;
  }
  throw new RangeError('slicedProduct: a value outgrew its leading slice');
}

export interface SlicedResult {
  value: Sliced;
  /** Bound on |computed − exact| per real or imaginary part of each entry, in units of 2^(−L·K). */
  error: number;
}

export interface ProductOptions {
  /** Use A† (the conjugate transpose) on the left. */
  conjugateLeft?: boolean;
  /** Levels beyond K formed before rounding (default 2: the dropped pairs then cost at most about n units of the last slice). */
  extraLevels?: number;
}

/**
 * op(A)·B rounded to K slices, op(A) = A or A†, with a rigorous bound on the error: the slice pairs
 * beyond level K + extraLevels are bounded by n·max|digits| each instead of formed.
 */
export function slicedProduct(engine: RealProduct, A: Sliced, B: Sliced, K: number, options: ProductOptions = {}): SlicedResult {
  const n = A.n;
  if (B.n !== n) throw new RangeError(`slicedProduct: ${A.n}×${A.n} times ${B.n}×${B.n}`);
  const U = K + (options.extraLevels ?? 2);
  const nn = n * n;
  const KA = A.K;
  const KB = B.K;
  // Three real products per complex one (Gauss): T1 = Ar·Br, T2 = Ai·Bi, T3 = (Ar + Ai)(Br + Bi),
  // re = T1 − T2, im = T3 − T1 − T2, each T accumulated per level below 2^51 so both combinations
  // stay exact. Left operand: for each T an n × KA·n matrix, slice s in columns (s − 1)n … sn − 1;
  // right operand: for each T a KB·n × n matrix, slice t in rows (KB − t)n … (KB − t + 1)n − 1. The
  // pairs (s, u − s) of a level u are then one product of a block of columns by a block of rows.
  const width = 3 * nn;
  const leftAt = 0;
  const rightAt = 3 * KA * nn;
  const levelAt = rightAt + 3 * KB * nn;
  engine.reserve(levelAt + (U + 1) * width);
  let mem = engine.mem();
  mem.fill(0, levelAt, levelAt + (U + 1) * width);
  const lrow = KA * n;
  for (let s = 0; s < KA; s++) {
    if (A.maxAbs[s] === 0) {
      for (let T = 0; T < 3; T++)
        for (let i = 0; i < n; i++) mem.fill(0, leftAt + T * KA * nn + i * lrow + s * n, leftAt + T * KA * nn + i * lrow + (s + 1) * n);
      continue;
    }
    const re = A.data.subarray(s * nn, (s + 1) * nn);
    const im = A.data.subarray((KA + s) * nn, (KA + s + 1) * nn);
    const o1 = leftAt + s * n;
    const o2 = o1 + KA * nn;
    const o3 = o2 + KA * nn;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const x = options.conjugateLeft ? re[j * n + i] : re[i * n + j];
        const y = options.conjugateLeft ? -im[j * n + i] : im[i * n + j];
        const at = i * lrow + j;
        mem[o1 + at] = x;
        mem[o2 + at] = y;
        mem[o3 + at] = x + y;
      }
  }
  for (let t = 1; t <= KB; t++) {
    const o1 = rightAt + (KB - t) * nn;
    const o2 = o1 + KB * nn;
    const o3 = o2 + KB * nn;
    if (B.maxAbs[t - 1] === 0) {
      for (const o of [o1, o2, o3]) mem.fill(0, o, o + nn);
      continue;
    }
    const re = B.data.subarray((t - 1) * nn, t * nn);
    const im = B.data.subarray((KB + t - 1) * nn, (KB + t) * nn);
    mem.set(re, o1);
    mem.set(im, o2);
    for (let q = 0; q < nn; q++) mem[o3 + q] = re[q] + im[q];
  }
  const bound = new Float64Array(U + 1);
  let dropped = 0;
  for (let u = 2; u <= U + KA + KB; u++) {
    let s0 = Math.max(1, u - KB);
    let s1 = Math.min(KA, u - 1);
    const empty = (s: number) => A.maxAbs[s - 1] === 0 || B.maxAbs[u - s - 1] === 0;
    while (s0 <= s1 && empty(s0)) s0++;
    while (s1 >= s0 && empty(s1)) s1--;
    if (s0 > s1) continue;
    if (u > U) {
      // each part, Ar·Br − Ai·Bi or Ar·Bi + Ai·Br, is at most 2n·max|a|·max|b| per entry
      for (let s = s0; s <= s1; s++) dropped += 2 * n * A.maxAbs[s - 1] * B.maxAbs[u - s - 1] * 2 ** (-L * (u - K));
      continue;
    }
    // consecutive pairs in one product while their bound allows
    let start = s0;
    while (start <= s1) {
      let end = start;
      let sum = 0;
      for (; end <= s1; end++) {
        const pair = n * A.maxAbs[end - 1] * B.maxAbs[u - end - 1];
        // a chunk leaves room for what a flushed level keeps (below 2^L)
        if (!(pair < B_LIMIT - RADIX)) throw new RangeError(`slicedProduct: digits too large for exact float64 products at n = ${n}`);
        if (!(sum + pair < B_LIMIT - RADIX)) break;
        sum += pair;
      }
      if (!(bound[u] + sum < B_LIMIT)) flushLevel(mem.subarray(levelAt), u, width, bound, B_LIMIT);
      bound[u] += sum;
      const k = (end - start) * n;
      const a = leftAt + (start - 1) * n;
      const b = rightAt + (KB - (u - start)) * nn;
      const c = levelAt + u * width;
      for (let T = 0; T < 3; T++) engine.product(a + T * KA * nn, b + T * KB * nn, c + T * nn, n, k, n, lrow);
      mem = engine.mem();
      start = end;
    }
  }
  // re = T1 − T2 into T1's place, im = T3 − T1 − T2 into T2's, then carried
  for (let u = 1; u <= U; u++) {
    const c = levelAt + u * width;
    for (let q = 0; q < nn; q++) {
      const t1 = mem[c + q];
      const t2 = mem[c + nn + q];
      mem[c + q] = t1 - t2;
      mem[c + nn + q] = mem[c + 2 * nn + q] - t1 - t2;
    }
  }
  const { out, rounding } = carryInto(mem, levelAt, width, U, n, K);
  // the float64 sum of the dropped bounds is rounded up by a relative margin
  return { value: out, error: rounding + dropped * (1 + 1e-12) };
}

/** A + b·B (b = ±1) at K slices: exact when K is at least both operands' K; else the rounding is bounded. */
export function slicedCombine(A: Sliced, B: Sliced, K: number, b: 1 | -1 = 1): SlicedResult {
  const n = A.n;
  if (B.n !== n) throw new RangeError('slicedCombine: sizes differ');
  const nn = n * n;
  const U = Math.max(K, A.K, B.K);
  for (let s = 0; s < U; s++) if (!((A.maxAbs[s] ?? 0) + (B.maxAbs[s] ?? 0) < LIMIT)) throw new RangeError('slicedCombine: digits too large to add exactly');
  const levels = scratch(0, (U + 1) * 2 * nn);
  for (const [X, sign] of [
    [A, 1],
    [B, b],
  ] as const)
    for (let s = 1; s <= X.K; s++) {
      if (X.maxAbs[s - 1] === 0) continue;
      const lv = s * 2 * nn;
      for (let part = 0; part < 2; part++) {
        const src = (part * X.K + s - 1) * nn;
        const dst = lv + part * nn;
        for (let q = 0; q < nn; q++) levels[dst + q] += sign * X.data[src + q];
      }
    }
  return carryResult(levels, U, n, K);
}

/** Levels 1 … U (2n² slots each: real parts, then imaginary) carried into K slices. */
export function carryResult(levels: Float64Array, U: number, n: number, K: number): SlicedResult {
  const { out, rounding } = carryInto(levels, 0, 2 * n * n, U, n, K);
  return { value: out, error: rounding };
}

/** The identity at K slices. */
export function slicedIdentity(n: number, K: number): Sliced {
  const out = zeroSliced(n, K);
  for (let i = 0; i < n; i++) out.data[i * n + i] = RADIX;
  updateMaxAbs(out);
  return out;
}

/** Entries given as float64 pairs (hi + lo), re and im row-major, at K slices (rounded; for corrections). */
export function slicedFromDD(n: number, K: number, reHi: Float64Array, reLo: Float64Array, imHi: Float64Array, imLo: Float64Array): Sliced {
  const out = zeroSliced(n, K);
  const nn = n * n;
  for (let part = 0; part < 2; part++) {
    const H = part === 0 ? reHi : imHi;
    const Lo = part === 0 ? reLo : imLo;
    for (let q = 0; q < nn; q++) {
      let hi = H[q];
      let lo = Lo[q];
      for (let s = 1; s <= K; s++) {
        hi *= RADIX;
        lo *= RADIX;
        const d = s === K ? Math.round(hi + lo) : Math.trunc(hi);
        out.data[(part * K + s - 1) * nn + q] = d;
        // (hi − d) is exact; renormalise the pair
        const h = hi - d;
        const sum = h + lo;
        lo = lo - (sum - h);
        hi = sum;
      }
    }
  }
  updateMaxAbs(out);
  return out;
}
