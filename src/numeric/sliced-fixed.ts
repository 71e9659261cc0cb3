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
 * C[i][j] += Σ_p A[i][p]·B[p][j] for row-major float64 matrices at slots a (m×k), b (k×n), c (m×n)
 * of `mem`, adding the terms of each entry in increasing p.
 */
export interface RealProduct {
  /** The working memory; may be replaced by `reserve`. */
  mem(): Float64Array;
  reserve(slots: number): void;
  product(a: number, b: number, c: number, m: number, k: number, n: number): void;
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
    product(a, b, c, m, k, n) {
      for (let i = 0; i < m; i++) {
        const ci = c + i * n;
        const ai = a + i * k;
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
    product: (a, b, c, m, kk, n) => k.matmulAdd(a, b, c, m, kk, n),
  };
}

/** An n×n matrix of K zero slices. */
export function zeroSliced(n: number, K: number): Sliced {
  return { n, K, data: new Float64Array(2 * K * n * n), maxAbs: new Float64Array(K) };
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

/** Balanced carry of one level entry: the digit kept (|digit| ≤ 2^(L−1)) and the carry to the next level up. */
const carryOf = (v: number): number => Math.round(v / RADIX);

/**
 * Carry digit levels into K slices. `levels` holds levels 1 … U (level u, multiples of 2^(−L·u),
 * is the block of 2n² slots at u·2n²: real parts then imaginary). Digits below level K are dropped
 * after the carry, which leaves each balanced, so the result is within 2^(−L·K)·(1 + 2^(1−L))/2 of
 * the exact sum per real or imaginary part; the returned `rounding` is that bound (0 when U ≤ K).
 */
function carryInto(levels: Float64Array, U: number, n: number, K: number): { out: Sliced; rounding: number } {
  const nn = n * n;
  const out = zeroSliced(n, K);
  const block = 2 * nn;
  for (let e = 0; e < block; e++) {
    const base = e < nn ? e : K * nn + (e - nn);
    let carry = 0;
    for (let u = U; u >= 2; u--) {
      const v = levels[u * block + e] + carry;
      carry = carryOf(v);
      if (u <= K) out.data[base + (u - 1) * nn] = v - carry * RADIX;
    }
    const top = levels[block + e] + carry;
    if (!(Math.abs(top) < EXACT)) throw new InternalError('sliced: a value outgrew its leading slice');
    if (K >= 1) out.data[base] = top;
  }
  updateMaxAbs(out);
  return { out, rounding: U > K ? 0.5 * (1 + 2 ** (1 - L)) : 0 };
}

/** Move level u's content up by whole units of 2^L into level u − 1 (u ≥ 2); the new bounds of both. */
function flushLevel(levels: Float64Array, u: number, block: number, bound: Float64Array): void {
  const at = u * block;
  const up = (u - 1) * block;
  let maxCarry = 0;
  for (let e = 0; e < block; e++) {
    const c = carryOf(levels[at + e]);
    levels[at + e] -= c * RADIX;
    levels[up + e] += c;
    maxCarry = Math.max(maxCarry, Math.abs(c));
  }
  bound[u] = RADIX / 2;
  bound[u - 1] += maxCarry;
  if (!(bound[u - 1] < EXACT)) throw new InternalError('sliced: a level outgrew float64 while carrying');
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
  const block = 2 * nn;
  // memory: left slices (re, im, −im), right slices (re, im), levels 0 … U
  const leftAt = 0;
  const rightAt = 3 * A.K * nn;
  const levelAt = rightAt + 2 * B.K * nn;
  engine.reserve(levelAt + (U + 1) * block);
  let mem = engine.mem();
  mem.fill(0, levelAt, levelAt + (U + 1) * block);
  for (let s = 0; s < A.K; s++) {
    if (A.maxAbs[s] === 0) continue;
    const re = A.data.subarray(s * nn, (s + 1) * nn);
    const im = A.data.subarray((A.K + s) * nn, (A.K + s + 1) * nn);
    const o = leftAt + 3 * s * nn;
    if (options.conjugateLeft) {
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          const x = im[j * n + i];
          mem[o + i * n + j] = re[j * n + i];
          mem[o + nn + i * n + j] = -x;
          mem[o + 2 * nn + i * n + j] = x;
        }
    } else {
      mem.set(re, o);
      mem.set(im, o + nn);
      for (let q = 0; q < nn; q++) mem[o + 2 * nn + q] = -im[q];
    }
  }
  for (let t = 0; t < B.K; t++) {
    if (B.maxAbs[t] === 0) continue;
    mem.set(B.data.subarray(t * nn, (t + 1) * nn), rightAt + 2 * t * nn);
    mem.set(B.data.subarray((B.K + t) * nn, (B.K + t + 1) * nn), rightAt + (2 * t + 1) * nn);
  }
  const bound = new Float64Array(U + 1);
  let dropped = 0;
  for (let s = 1; s <= A.K; s++) {
    const ma = A.maxAbs[s - 1];
    if (ma === 0) continue;
    for (let t = 1; t <= B.K; t++) {
      const mb = B.maxAbs[t - 1];
      if (mb === 0) continue;
      const pair = 2 * n * ma * mb;
      const u = s + t;
      if (u > U) {
        // |Σ_k a_ik b_kj| ≤ n·max|a|·max|b| for each of the two real products of a part
        dropped += pair * 2 ** (-L * (u - K));
        continue;
      }
      if (!(pair < EXACT)) throw new RangeError(`slicedProduct: digits too large for exact float64 products at n = ${n}`);
      if (!(bound[u] + pair < EXACT)) flushLevel(mem.subarray(levelAt), u, block, bound);
      bound[u] += pair;
      const a = leftAt + 3 * (s - 1) * nn;
      const b = rightAt + 2 * (t - 1) * nn;
      const c = levelAt + u * block;
      engine.product(a, b, c, n, n, n);
      engine.product(a + 2 * nn, b + nn, c, n, n, n);
      engine.product(a, b + nn, c + nn, n, n, n);
      engine.product(a + nn, b, c + nn, n, n, n);
      mem = engine.mem();
    }
  }
  const { out, rounding } = carryInto(mem.subarray(levelAt), U, n, K);
  // the float64 sum of the dropped bounds is rounded up by a relative margin
  return { value: out, error: rounding + dropped * (1 + 1e-12) };
}

/** a·A + b·B (a, b ∈ {1, −1}) at K slices: exact when K is at least both operands' K; else the rounding is bounded. */
export function slicedCombine(A: Sliced, B: Sliced, K: number, b: 1 | -1 = 1): SlicedResult {
  const n = A.n;
  if (B.n !== n) throw new RangeError('slicedCombine: sizes differ');
  const nn = n * n;
  const block = 2 * nn;
  const U = Math.max(K, A.K, B.K);
  const levels = new Float64Array((U + 1) * block);
  for (const [X, sign] of [
    [A, 1],
    [B, b],
  ] as const)
    for (let s = 1; s <= X.K; s++) {
      if (X.maxAbs[s - 1] === 0) continue;
      const lv = s * block;
      const re = (s - 1) * nn;
      const im = (X.K + s - 1) * nn;
      for (let q = 0; q < nn; q++) {
        levels[lv + q] += sign * X.data[re + q];
        levels[lv + nn + q] += sign * X.data[im + q];
      }
    }
  const { out, rounding } = carryInto(levels, U, n, K);
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
