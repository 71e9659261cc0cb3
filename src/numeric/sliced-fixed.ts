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
 * A product runs on a `RealProduct` engine, in the engine's memory from operand preparation through
 * the real products to the carries: the WebAssembly kernels (simd/kernels.ts), or plain loops kept
 * as their reference. Every sum being an exact integer and every other step the same float64
 * operations in the same order, both give the same digits, bounds and maxima. The other loops over
 * every digit (the double-double views, the slice maxima, the bounds of slicedAbsUpper, and the
 * refinement's corrections, transposes and column scalings) run on the engine too, alike.
 */
import { InternalError } from '../errors.js';
import { type CorrectionSlots, corrections } from './double-double.js';
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
 * The steps of a sliced product on float64 slots of the engine's memory `mem`. Gauss's three real
 * products per complex one (T1 = Ar·Br, T2 = Ai·Bi, T3 = (Ar + Ai)(Br + Bi)) need each operand's
 * slices as three real matrices; each level u of the product accumulates T1, T2, T3 (`count` = n²
 * slots each, consecutive), then re = T1 − T2 and im = T3 − T1 − T2 are carried into slices.
 */
export interface RealProduct {
  /** The working memory; may be replaced by `reserve`. */
  mem(): Float64Array;
  reserve(slots: number): void;
  /**
   * C[i][j] += Σ_p A[i][p]·B[p][j] for row-major matrices at slots a (m×k, rows `arow` ≥ k apart),
   * b (k×n), c (m×n), adding the terms of each entry in increasing p.
   */
  product(a: number, b: number, c: number, m: number, k: number, n: number, arow: number): void;
  /**
   * One slice of the left operands: for i, j < n, with x + iy = A[i][j], or conj(A[j][i]) when
   * `conj`, A's real parts n × n at slot re and imaginary parts at im, slot dst + i·row + j gets x,
   * `block` slots later y, 2·block slots later x + y.
   */
  prepLeft(re: number, im: number, dst: number, block: number, n: number, row: number, conj: boolean): void;
  /** One slice of the right operands: `count` slots re → dst, im → dst + block, re + im → dst + 2·block. */
  prepRight(re: number, im: number, dst: number, block: number, count: number): void;
  /** For levels u = 1 … U at slot levels + u·width, in place: T1 ← T1 − T2, T2 ← (T3 − T1) − T2. */
  gauss(levels: number, width: number, U: number, count: number): void;
  /**
   * `carryLevels` on the memory: levels 1 … U (real parts at slot levels + u·width, imaginary parts
   * after them) into K slices at slot out (the layout of `Sliced.data`), their maxima at slot
   * maxAbs, `carry` scratch (2·count); returns whether a nonzero digit below slice K was dropped.
   */
  carry(levels: number, width: number, U: number, count: number, K: number, out: number, carry: number, maxAbs: number): boolean;
  /** One step of `flushLevel`: `count` entries at slot at move up by whole units of 2^L into those at up; returns the largest |carry|. */
  flush(at: number, up: number, count: number): number;
  /** mem[dst + e] += sign·mem[src + e] for e < count (sign ±1; the ranges do not overlap). */
  accumulate(src: number, dst: number, count: number, sign: 1 | -1): void;
  /** mem[dst + i·n + j] += mem[src + i·n + j]·mem[scale + j] for i < rows, j < n (dst apart from src and scale). */
  scaleColumns(src: number, scale: number, dst: number, rows: number, n: number): void;
  /**
   * `slicedToDD` on the memory: K slices at slot data (the layout of `Sliced.data`, `count` entries
   * a slice), their maxima at slot maxAbs, added into hi and lo (2·count each, zero on entry).
   */
  toDD(data: number, K: number, count: number, maxAbs: number, hi: number, lo: number): void;
  /** `slicedFromDD` on the memory: `total` pairs at slots hi, lo into K digits each, digit s of entry e at slot out + (s − 1)·stride + e. */
  fromDD(hi: number, lo: number, total: number, K: number, out: number, stride: number): void;
  /** max |mem[data + e]| for e < count. */
  maxAbs(data: number, count: number): number;
  /** mem[dst + e] += |mem[src + e]|·w for e < count (the ranges do not overlap). */
  absAccumulate(src: number, dst: number, count: number, w: number): void;
  /** The corrections of a refinement step (double-double.ts's `corrections`) on the memory; returns max |Re F| + |Im F|. */
  corrections(n: number, at: CorrectionSlots, delta: number): number;
  /** mem[dst + i·n + j] = sign·mem[src + j·n + i] for i, j < n (sign ±1; no overlap). */
  transpose(src: number, dst: number, n: number, sign: 1 | -1): void;
  /** mem[dst + i·n + j] = mem[src + i·n + mem[order + j]] for i, j < n (order: column indices below n). */
  gatherColumns(src: number, dst: number, n: number, order: number): void;
  /**
   * Integers in hexadecimal (ASCII, lowercase, an optional leading '-') from byte 8·text of the
   * memory into K digits of L bits: entry i spans bytes `start` (i = 0) or mem[ends + i − 1] up to
   * mem[ends + i] of the text; digit s of entry i goes to slot out + (s − 1)·stride + i, with the
   * entry's sign. Returns whether a first digit reached 2^53 (it is then not exact).
   */
  hexDigits(text: number, ends: number, start: number, count: number, K: number, out: number, stride: number): boolean;
  /** `slicedFromFloat64` on the memory: `total` values at slot src into K digits each, digit s of entry e at slot out + (s − 1)·stride + e. */
  fromFloat64(src: number, total: number, K: number, out: number, stride: number): void;
  /**
   * `steps` more 20-bit digits of the long divisions r/b (slots b, r; exact integers r < b < 2^33;
   * b = 0 skips the entry): t = r·2^L, d = trunc(t/b), r = t − d·b, digit s (from 0) of entry e to
   * slot out + s·stride + e; the remainders updated (sliced-rational.ts). Exact: t < 2^53, and t/b
   * < 2^20 lies more than half a unit in the last place (2^-33) below the next integer, so the
   * rounded quotient truncates to ⌊t/b⌋ and t − d·b is exact.
   */
  longDivide(b: number, r: number, count: number, steps: number, out: number, stride: number): void;
  /** mem[dst + e] = mem[src + mem[index + e]] for e < count. */
  gather(src: number, dst: number, count: number, index: number): void;
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
    prepLeft(re, im, dst, block, n, row, conj) {
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          const x = conj ? mem[re + j * n + i] : mem[re + i * n + j];
          const y = conj ? -mem[im + j * n + i] : mem[im + i * n + j];
          const at = dst + i * row + j;
          mem[at] = x;
          mem[at + block] = y;
          mem[at + 2 * block] = x + y;
        }
    },
    prepRight(re, im, dst, block, count) {
      for (let q = 0; q < count; q++) {
        const x = mem[re + q];
        const y = mem[im + q];
        mem[dst + q] = x;
        mem[dst + block + q] = y;
        mem[dst + 2 * block + q] = x + y;
      }
    },
    gauss(levels, width, U, count) {
      for (let u = 1; u <= U; u++) {
        const c = levels + u * width;
        for (let q = 0; q < count; q++) {
          const t1 = mem[c + q];
          const t2 = mem[c + count + q];
          mem[c + q] = t1 - t2;
          mem[c + count + q] = mem[c + 2 * count + q] - t1 - t2;
        }
      }
    },
    carry: (levels, width, U, count, K, out, carry, maxAbs) => carryLevels(mem, levels, width, U, count, K, mem, out, mem, carry, mem, maxAbs),
    flush(at, up, count) {
      let maxCarry = 0;
      for (let e = 0; e < count; e++) {
        const c = carryOf(mem[at + e]);
        mem[at + e] -= c * RADIX;
        mem[up + e] += c;
        maxCarry = Math.max(maxCarry, Math.abs(c));
      }
      return maxCarry;
    },
    accumulate(src, dst, count, sign) {
      for (let e = 0; e < count; e++) mem[dst + e] += sign * mem[src + e];
    },
    scaleColumns(src, scale, dst, rows, n) {
      for (let i = 0; i < rows; i++) {
        const row = i * n;
        for (let j = 0; j < n; j++) mem[dst + row + j] += mem[src + row + j] * mem[scale + j];
      }
    },
    toDD(data, K, count, maxAbs, hi, lo) {
      let w = 1;
      for (let s = 1; s <= K; s++) {
        w /= RADIX;
        if (mem[maxAbs + s - 1] === 0) continue;
        for (let part = 0; part < 2; part++) {
          const src = data + (part * K + s - 1) * count;
          const o = part * count;
          for (let q = 0; q < count; q++) {
            const d = mem[src + q];
            if (d === 0) continue;
            // two-sum of hi and d·w (exact: a power-of-two scaling of an integer below 2^53)
            const t = d * w;
            const h = mem[hi + o + q];
            const sum = h + t;
            const bb = sum - h;
            mem[lo + o + q] += h - (sum - bb) + (t - bb);
            mem[hi + o + q] = sum;
          }
        }
      }
      for (let e = 0; e < 2 * count; e++) {
        const sum = mem[hi + e] + mem[lo + e];
        mem[lo + e] -= sum - mem[hi + e];
        mem[hi + e] = sum;
      }
    },
    fromDD(hiAt, loAt, total, K, out, stride) {
      for (let e = 0; e < total; e++) {
        let hi = mem[hiAt + e];
        let lo = mem[loAt + e];
        for (let s = 1; s <= K; s++) {
          hi *= RADIX;
          lo *= RADIX;
          const d = s === K ? Math.round(hi + lo) : Math.trunc(hi);
          mem[out + (s - 1) * stride + e] = d;
          // (hi − d) is exact; renormalise the pair
          const h = hi - d;
          const sum = h + lo;
          lo = lo - (sum - h);
          hi = sum;
        }
      }
    },
    maxAbs(data, count) {
      let m = 0;
      for (let e = 0; e < count; e++) m = Math.max(m, Math.abs(mem[data + e]));
      return m;
    },
    absAccumulate(src, dst, count, w) {
      for (let e = 0; e < count; e++) mem[dst + e] += Math.abs(mem[src + e]) * w;
    },
    corrections: (n, at, delta) => corrections(mem, n, at, delta),
    transpose(src, dst, n, sign) {
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) mem[dst + i * n + j] = sign * mem[src + j * n + i];
    },
    gatherColumns(src, dst, n, order) {
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) mem[dst + i * n + j] = mem[src + i * n + mem[order + j]];
    },
    hexDigits(text, ends, start, count, K, out, stride) {
      const bytes = new Uint8Array(mem.buffer, mem.byteOffset + 8 * text);
      let big = false;
      let b = start;
      for (let i = 0; i < count; i++) {
        const e = mem[ends + i];
        let sign = 1;
        if (b < e && bytes[b] === 45) {
          sign = -1;
          b++;
        }
        let end = e;
        for (let s = K; s >= 1; s--) {
          const st = Math.min(end, s === 1 ? b : Math.max(b, end - HEX_PER_SLICE));
          // exact below 2^53, and once a first digit reaches 2^53 it stays there
          let d = 0;
          for (let c = st; c < end; c++) {
            const h = bytes[c];
            d = d * 16 + (h <= 57 ? h - 48 : h - 87);
          }
          if (s === 1 && d >= EXACT) big = true;
          mem[out + (s - 1) * stride + i] = sign * d;
          end = st;
        }
        b = e;
      }
      return big;
    },
    longDivide(b, r, count, steps, out, stride) {
      for (let e = 0; e < count; e++) {
        const be = mem[b + e];
        if (be === 0) continue;
        let re = mem[r + e];
        for (let s = 0; s < steps; s++) {
          const t = re * RADIX;
          const d = Math.trunc(t / be);
          re = t - d * be;
          mem[out + s * stride + e] = d;
        }
        mem[r + e] = re;
      }
    },
    gather(src, dst, count, index) {
      for (let e = 0; e < count; e++) mem[dst + e] = mem[src + mem[index + e]];
    },
    fromFloat64(src, total, K, out, stride) {
      for (let e = 0; e < total; e++) {
        let v = mem[src + e];
        // v·2^(L·s) is exact (a power-of-two scaling); peel one digit at a time, the remainder exact.
        for (let s = 1; s <= K; s++) {
          v *= RADIX;
          const d = s === K ? Math.round(v) : Math.trunc(v);
          mem[out + (s - 1) * stride + e] = d;
          v -= d;
        }
      }
    },
  };
}

/** The RealProduct of the WebAssembly SIMD kernels, on their own memory. */
export function simdProduct(): RealProduct {
  const k = new SimdKernels();
  return {
    mem: () => k.f64,
    reserve: (slots) => k.reserve(slots),
    product: (a, b, c, m, kk, n, arow) => k.matmulAdd(a, b, c, m, kk, n, arow),
    prepLeft: (re, im, dst, block, n, row, conj) => k.slicePrepLeft(re, im, dst, block, n, row, conj),
    prepRight: (re, im, dst, block, count) => k.slicePrepRight(re, im, dst, block, count),
    gauss: (levels, width, U, count) => k.sliceGauss(levels, width, U, count),
    carry(levels, width, U, count, K, out, carry, maxAbs) {
      const r = k.sliceCarry(levels, width, U, count, K, out, carry, maxAbs);
      if (r === 2) throw new InternalError(OUTGREW);
      return r === 1;
    },
    flush: (at, up, count) => k.sliceFlush(at, up, count),
    accumulate: (src, dst, count, sign) => k.sliceAccumulate(src, dst, count, sign),
    scaleColumns: (src, scale, dst, rows, n) => k.refScaleColumns(src, scale, dst, rows, n),
    toDD: (data, K, count, maxAbs, hi, lo) => k.refToDD(data, K, count, maxAbs, hi, lo),
    fromDD: (hi, lo, total, K, out, stride) => k.refFromDD(hi, lo, total, K, out, stride),
    maxAbs: (data, count) => k.refMaxAbs(data, count),
    absAccumulate: (src, dst, count, w) => k.refAbsAccumulate(src, dst, count, w),
    corrections: (n, at, delta) => k.refCorrections(n, at, delta),
    transpose: (src, dst, n, sign) => k.refTranspose(src, dst, n, sign),
    gatherColumns: (src, dst, n, order) => k.refGatherColumns(src, dst, n, order),
    hexDigits: (text, ends, start, count, K, out, stride) => k.refHexDigits(text, ends, start, count, K, out, stride),
    fromFloat64: (src, total, K, out, stride) => k.refFromFloat64(src, total, K, out, stride),
    longDivide: (b, r, count, steps, out, stride) => k.refLongDivide(b, r, count, steps, out, stride),
    gather: (src, dst, count, index) => k.refGather(src, dst, count, index),
  };
}

/** The engine of sums and carries outside a product (slicedCombine, carryResult) when none is given. */
let shared: RealProduct | null = null;
export const sharedEngine = (): RealProduct => (shared ??= simdProduct());

/**
 * Where new slices go: a region handed out front to back by `withSliceArena` (one allocation for
 * the many short-lived matrices of a refinement, which allocated one by one kept the collector
 * busy), else a fresh array. Slices given back by `releaseSliced` are handed out again within the
 * same region; the region itself is never reused, so matrices in it that were not given back stay
 * valid afterwards.
 */
let arena: { buf: Float64Array; used: number; free: Map<number, Float64Array[]> } | null = null;

/** Run `fn` with new slices taken from one region of `slots` float64 slots (fresh arrays once it is full). */
export function withSliceArena<T>(slots: number, fn: () => T): T {
  const outer = arena;
  arena = { buf: new Float64Array(slots), used: 0, free: new Map() };
  try {
    return fn();
  } finally {
    arena = outer;
  }
}

/**
 * Give x's slices back to the region they came from, for a later matrix of the same size: the
 * caller promises x is never read again. (Memory used once and again costs no new pages.) Outside
 * a region, or for slices not taken from the current one, nothing happens.
 */
export function releaseSliced(x: Sliced): void {
  if (!arena || x.data.buffer !== arena.buf.buffer) return;
  const list = arena.free.get(x.data.length);
  if (list) list.push(x.data);
  else arena.free.set(x.data.length, [x.data]);
}

/** An n×n matrix of K zero slices. */
export function zeroSliced(n: number, K: number): Sliced {
  return newSliced(n, K, true);
}

/**
 * An n×n matrix of K slices whose every slot the caller then writes (given back slices are then
 * not cleared first).
 */
export function blankSliced(n: number, K: number): Sliced {
  return newSliced(n, K, false);
}

function newSliced(n: number, K: number, zero: boolean): Sliced {
  const size = 2 * K * n * n;
  const reused = arena?.free.get(size)?.pop();
  if (reused) return { n, K, data: zero ? reused.fill(0) : reused, maxAbs: new Float64Array(K) };
  if (arena && arena.used + size <= arena.buf.length) {
    const data = arena.buf.subarray(arena.used, arena.used + size);
    arena.used += size;
    return { n, K, data, maxAbs: new Float64Array(K) };
  }
  return { n, K, data: new Float64Array(size), maxAbs: new Float64Array(K) };
}

/** Set x.maxAbs from x.data, on `engine` (by default a shared WebAssembly one). */
function updateMaxAbs(x: Sliced, engine: RealProduct = sharedEngine()): void {
  const { n, K, data, maxAbs } = x;
  const nn = n * n;
  engine.reserve(2 * K * nn);
  engine.mem().set(data.subarray(0, 2 * K * nn), 0);
  for (let s = 0; s < K; s++) maxAbs[s] = Math.max(engine.maxAbs(s * nn, nn), engine.maxAbs((K + s) * nn, nn));
}

/**
 * x·2^-bits for BigInt entries x (re, im row-major), rounded to K slices (error ≤ 2^(−L·K−1) per
 * part): each entry in hexadecimal, all of them as one text read into digits on `engine` (by default
 * a shared WebAssembly one).
 */
export function slicedFromBigInt(
  n: number,
  K: number,
  re: readonly bigint[],
  im: readonly bigint[],
  bits: number,
  engine: RealProduct = sharedEngine(),
): Sliced {
  const out = blankSliced(n, K);
  const nn = n * n;
  const shift = L * K - bits;
  const up = BigInt(Math.max(0, shift));
  const down = BigInt(Math.max(0, -shift));
  const half = shift < 0 ? 1n << (down - 1n) : 0n;
  // entries already at the slices' unit (the usual case) are taken as they are
  const scale = (x: bigint): bigint => (shift === 0 ? x : shift > 0 ? x << up : (x + half) >> down);
  const hex: string[] = new Array(2 * nn);
  const ends = new Float64Array(2 * nn);
  let length = 0;
  for (let e = 0; e < 2 * nn; e++) {
    hex[e] = scale(e < nn ? re[e] : im[e - nn]).toString(16);
    length += hex[e].length;
    ends[e] = length;
  }
  const text = hex.join('');
  // the digits, the ends of the entries, then the text
  const size = 2 * K * nn;
  const endsAt = size;
  const textAt = endsAt + 2 * nn;
  engine.reserve(textAt + Math.ceil(length / 8));
  const mem = engine.mem();
  mem.set(ends, endsAt);
  // hexadecimal digits and '-' are ASCII: one byte each
  new TextEncoder().encodeInto(text, new Uint8Array(mem.buffer, mem.byteOffset + 8 * textAt, length));
  for (let part = 0; part < 2; part++) {
    const start = part === 0 || nn === 0 ? 0 : ends[nn - 1];
    if (engine.hexDigits(textAt, endsAt + part * nn, start, nn, K, part * K * nn, nn)) throw new RangeError('sliced: an entry is too large for fixed point');
  }
  out.data.set(mem.subarray(0, size));
  for (let s = 0; s < K; s++) out.maxAbs[s] = Math.max(engine.maxAbs(s * nn, nn), engine.maxAbs((K + s) * nn, nn));
  return out;
}

/**
 * Float64 entries (row-major re, im) as K slices, exactly when each is a multiple of 2^(−L·K) (else
 * rounded to nearest, ties towards +∞), on `engine` (by default a shared WebAssembly one).
 */
export function slicedFromFloat64(n: number, K: number, re: ArrayLike<number>, im: ArrayLike<number>, engine: RealProduct = sharedEngine()): Sliced {
  const out = blankSliced(n, K);
  const nn = n * n;
  // the values (real parts, then imaginary), then the slices
  const size = 2 * K * nn;
  engine.reserve(2 * nn + size);
  if (re.length !== nn || im.length !== nn) throw new RangeError(`slicedFromFloat64: ${re.length} + ${im.length} values for ${n}×${n}`);
  const mem = engine.mem();
  mem.set(re, 0);
  mem.set(im, nn);
  for (let part = 0; part < 2; part++) engine.fromFloat64(part * nn, nn, K, 2 * nn + part * K * nn, nn);
  out.data.set(mem.subarray(2 * nn, 2 * nn + size));
  for (let s = 0; s < K; s++) out.maxAbs[s] = Math.max(engine.maxAbs(2 * nn + s * nn, nn), engine.maxAbs(2 * nn + (K + s) * nn, nn));
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
 * then imaginary), accumulated slice by slice from the most significant, on `engine` (by default
 * a shared WebAssembly one).
 */
export function slicedToDD(x: Sliced, engine: RealProduct = sharedEngine()): { hi: Float64Array; lo: Float64Array } {
  const nn = x.n * x.n;
  const size = 2 * x.K * nn;
  // the slices, their maxima, then hi and lo
  const maxAt = size;
  const hiAt = maxAt + x.K;
  const loAt = hiAt + 2 * nn;
  engine.reserve(loAt + 2 * nn);
  const mem = engine.mem();
  mem.set(x.data.subarray(0, size), 0);
  mem.set(x.maxAbs, maxAt);
  mem.fill(0, hiAt, loAt + 2 * nn);
  engine.toDD(0, x.K, nn, maxAt, hiAt, loAt);
  return { hi: mem.slice(hiAt, hiAt + 2 * nn), lo: mem.slice(loAt, loAt + 2 * nn) };
}

/**
 * Upper bounds of (|Re| + |Im|)·2^scaleBits of every entry (n², float64, rounded up; Infinity where
 * that is beyond float64).
 */
export function slicedAbsUpper(x: Sliced, scaleBits = 0, engine: RealProduct = sharedEngine()): Float64Array {
  const nn = x.n * x.n;
  const size = 2 * x.K * nn;
  // the slices, then the bounds
  engine.reserve(size + nn);
  const mem = engine.mem();
  mem.set(x.data.subarray(0, size), 0);
  mem.fill(0, size, size + nn);
  // |digit|·2^(scaleBits − L·s)·up; weights below float64's range are charged as a whole instead.
  // 2K additions of non-negative terms lose less than (2K + 1)·2^-53 relative, with the rounding of
  // each weight and product: `up` in the weights covers it.
  const up = 1 + (2 * x.K + 2) * 2 ** -52;
  let tail = 0;
  for (let s = 1; s <= x.K; s++) {
    if (x.maxAbs[s - 1] === 0) continue;
    const e = scaleBits - L * s;
    if (e < -1000) {
      tail += x.maxAbs[s - 1] * 2 ** -1000;
      continue;
    }
    const w = 2 ** e * up;
    for (let part = 0; part < 2; part++) engine.absAccumulate((part * x.K + s - 1) * nn, size, nn, w);
  }
  const out = mem.slice(size, size + nn);
  if (tail > 0) for (let q = 0; q < nn; q++) out[q] += 2 * tail * up;
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
 * |v − carry·2^L| ≤ 2^(L−1). (The WebAssembly kernels round the same way, with the same f64 steps.)
 */
const ROUNDER = 1.5 * 2 ** 52;
const INV_RADIX = 2 ** -L;
const carryOf = (v: number): number => v * INV_RADIX + ROUNDER - ROUNDER;

const OUTGREW = 'sliced: a value outgrew its leading slice';
/** The rounding bound of a carry that dropped a nonzero digit (see carryLevels). */
const ROUNDING = 0.5 * (1 + 2 ** (1 - L));

/**
 * Carry digit levels into K slices. Level u (1 … U; multiples of 2^(−L·u)) holds real parts at
 * levels[base + u·width + q] and imaginary parts at levels[base + u·width + count + q] (q < count =
 * n²); slice s of the result goes to d at dAt + (s − 1)·count (real parts) and dAt + (K + s − 1)·count
 * (imaginary), its max |digit| to maxAbs[mAt + s − 1]; carry[cAt …] is scratch for 2·count. Digits
 * below level K are dropped after the carry, which leaves each balanced, so the result is within
 * 2^(−L·K)·(1 + 2^(1−L))/2 (ROUNDING) of the exact sum per real or imaginary part; returns whether
 * a dropped digit was nonzero. Levels must hold less than LIMIT in magnitude.
 */
function carryLevels(
  levels: Float64Array,
  base: number,
  width: number,
  U: number,
  count: number,
  K: number,
  d: Float64Array,
  dAt: number,
  carry: Float64Array,
  cAt: number,
  maxAbs: Float64Array,
  mAt: number,
): boolean {
  carry.fill(0, cAt, cAt + 2 * count);
  maxAbs.fill(0, mAt, mAt + K);
  // slices no level reaches
  for (let u = U + 1; u <= K; u++) for (let part = 0; part < 2; part++) d.fill(0, dAt + (part * K + u - 1) * count, dAt + (part * K + u) * count);
  let lost = false;
  // level by level from the least significant: each keeps a balanced digit, the rest moves up
  for (let u = U; u >= 1; u--) {
    for (let part = 0; part < 2; part++) {
      const src = base + u * width + part * count;
      const c0 = cAt + part * count;
      const dst = dAt + (part * K + u - 1) * count;
      let max = 0;
      if (u === 1) {
        for (let q = 0; q < count; q++) {
          const v = levels[src + q] + carry[c0 + q];
          d[dst + q] = v;
          const a = Math.abs(v);
          if (a > max) max = a;
        }
        if (!(max < EXACT)) throw new InternalError(OUTGREW);
      } else if (u <= K) {
        for (let q = 0; q < count; q++) {
          const v = levels[src + q] + carry[c0 + q];
          const c = v * INV_RADIX + ROUNDER - ROUNDER;
          carry[c0 + q] = c;
          const digit = v - c * RADIX;
          d[dst + q] = digit;
          const a = Math.abs(digit);
          if (a > max) max = a;
        }
      } else {
        for (let q = 0; q < count; q++) {
          const v = levels[src + q] + carry[c0 + q];
          const c = v * INV_RADIX + ROUNDER - ROUNDER;
          carry[c0 + q] = c;
          if (v !== c * RADIX) lost = true;
        }
      }
      if (u <= K && max > maxAbs[mAt + u - 1]) maxAbs[mAt + u - 1] = max;
    }
  }
  return lost;
}

/**
 * The engine's carry of levels 1 … U (level 0 at slot levelAt, `width` slots per level, real parts
 * then imaginary) into a new Sliced of K slices, with its rounding bound (0 when every dropped digit
 * is zero); slots from `free` on are the engine's scratch (reserved here).
 */
function carryOut(engine: RealProduct, levelAt: number, width: number, U: number, n: number, K: number, free: number): SlicedResult {
  const nn = n * n;
  const outAt = free;
  const maxAt = outAt + 2 * K * nn;
  const carryAt = maxAt + K;
  engine.reserve(carryAt + 2 * nn);
  const lost = engine.carry(levelAt, width, U, nn, K, outAt, carryAt, maxAt);
  const mem = engine.mem();
  const out = blankSliced(n, K);
  out.data.set(mem.subarray(outAt, outAt + 2 * K * nn));
  out.maxAbs.set(mem.subarray(maxAt, maxAt + K));
  return { value: out, error: lost ? ROUNDING : 0 };
}

/**
 * Move level u's content up by whole units of 2^L into level u − 1 (u ≥ 2), `width` slots per
 * level (level 0 at slot levelAt of the engine's memory), and on up while the level receiving the
 * carry would reach `limit`; the bounds follow.
 */
function flushLevel(engine: RealProduct, levelAt: number, u: number, width: number, bound: Float64Array, limit: number): void {
  for (let w = u; w >= 2; w--) {
    const maxCarry = engine.flush(levelAt + w * width, levelAt + (w - 1) * width, width);
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
  // The engine's memory: the three left and three right matrices, the levels, the operands' slices
  // as given, then the carry's.
  const width = 3 * nn;
  const leftAt = 0;
  const rightAt = 3 * KA * nn;
  const levelAt = rightAt + 3 * KB * nn;
  const stageA = levelAt + (U + 1) * width;
  const stageB = stageA + 2 * KA * nn;
  engine.reserve(stageB + 2 * KB * nn);
  const mem = engine.mem();
  mem.fill(0, levelAt, levelAt + (U + 1) * width);
  mem.set(A.data.subarray(0, 2 * KA * nn), stageA);
  mem.set(B.data.subarray(0, 2 * KB * nn), stageB);
  const lrow = KA * n;
  for (let s = 0; s < KA; s++) {
    if (A.maxAbs[s] === 0) {
      for (let T = 0; T < 3; T++)
        for (let i = 0; i < n; i++) mem.fill(0, leftAt + T * KA * nn + i * lrow + s * n, leftAt + T * KA * nn + i * lrow + (s + 1) * n);
      continue;
    }
    engine.prepLeft(stageA + s * nn, stageA + (KA + s) * nn, leftAt + s * n, KA * nn, n, lrow, options.conjugateLeft === true);
  }
  for (let t = 1; t <= KB; t++) {
    const o = rightAt + (KB - t) * nn;
    if (B.maxAbs[t - 1] === 0) {
      for (let T = 0; T < 3; T++) mem.fill(0, o + T * KB * nn, o + T * KB * nn + nn);
      continue;
    }
    engine.prepRight(stageB + (t - 1) * nn, stageB + (KB + t - 1) * nn, o, KB * nn, nn);
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
      if (!(bound[u] + sum < B_LIMIT)) flushLevel(engine, levelAt, u, width, bound, B_LIMIT);
      bound[u] += sum;
      const k = (end - start) * n;
      const a = leftAt + (start - 1) * n;
      const b = rightAt + (KB - (u - start)) * nn;
      const c = levelAt + u * width;
      for (let T = 0; T < 3; T++) engine.product(a + T * KA * nn, b + T * KB * nn, c + T * nn, n, k, n, lrow);
      start = end;
    }
  }
  // re = T1 − T2 into T1's place, im = T3 − T1 − T2 into T2's, then carried
  engine.gauss(levelAt, width, U, nn);
  const { value, error } = carryOut(engine, levelAt, width, U, n, K, stageB + 2 * KB * nn);
  // the float64 sum of the dropped bounds is rounded up by a relative margin
  return { value, error: error + dropped * (1 + 1e-12) };
}

/**
 * A + b·B (b = ±1) at K slices: exact when K is at least both operands' K; else the rounding is
 * bounded. The digit sums and the carry run on `engine` (by default a shared WebAssembly one).
 */
export function slicedCombine(A: Sliced, B: Sliced, K: number, b: 1 | -1 = 1, engine: RealProduct = sharedEngine()): SlicedResult {
  const n = A.n;
  if (B.n !== n) throw new RangeError('slicedCombine: sizes differ');
  const nn = n * n;
  const U = Math.max(K, A.K, B.K);
  for (let s = 0; s < U; s++) if (!((A.maxAbs[s] ?? 0) + (B.maxAbs[s] ?? 0) < LIMIT)) throw new RangeError('slicedCombine: digits too large to add exactly');
  // levels 0 … U (2n² slots each), then each operand's slices as given
  const width = 2 * nn;
  const stageA = (U + 1) * width;
  const stageB = stageA + 2 * A.K * nn;
  const free = stageB + 2 * B.K * nn;
  engine.reserve(free);
  const mem = engine.mem();
  mem.fill(0, 0, stageA);
  mem.set(A.data.subarray(0, 2 * A.K * nn), stageA);
  mem.set(B.data.subarray(0, 2 * B.K * nn), stageB);
  for (const [X, at, sign] of [
    [A, stageA, 1],
    [B, stageB, b],
  ] as const)
    for (let s = 1; s <= X.K; s++) {
      if (X.maxAbs[s - 1] === 0) continue;
      for (let part = 0; part < 2; part++) engine.accumulate(at + (part * X.K + s - 1) * nn, s * width + part * nn, nn, sign);
    }
  return carryOut(engine, 0, width, U, n, K, free);
}

/**
 * Levels 1 … U (2n² slots each: real parts, then imaginary; level 0 unused) carried into K slices,
 * on `engine` (by default a shared WebAssembly one).
 */
export function carryResult(levels: Float64Array, U: number, n: number, K: number, engine: RealProduct = sharedEngine()): SlicedResult {
  const width = 2 * n * n;
  const free = (U + 1) * width;
  engine.reserve(free);
  engine.mem().set(levels.subarray(width, free), width);
  return carryOut(engine, 0, width, U, n, K, free);
}

/**
 * Levels 1 … U already in the engine's memory (2n² slots each from slot 0: real parts, then
 * imaginary; level 0 unused) carried into K slices; slots from `free` on are scratch.
 */
export function carryEngineLevels(engine: RealProduct, U: number, n: number, K: number, free: number): SlicedResult {
  return carryOut(engine, 0, 2 * n * n, U, n, K, free);
}

/** The identity at K slices. */
export function slicedIdentity(n: number, K: number): Sliced {
  const out = zeroSliced(n, K);
  for (let i = 0; i < n; i++) out.data[i * n + i] = RADIX;
  updateMaxAbs(out);
  return out;
}

/**
 * Entries given as float64 pairs (hi + lo), re and im row-major, at K slices (rounded; for
 * corrections), on `engine` (by default a shared WebAssembly one).
 */
export function slicedFromDD(
  n: number,
  K: number,
  reHi: Float64Array,
  reLo: Float64Array,
  imHi: Float64Array,
  imLo: Float64Array,
  engine: RealProduct = sharedEngine(),
): Sliced {
  const out = blankSliced(n, K);
  const nn = n * n;
  // hi (real parts, then imaginary), lo likewise, then the slices
  const loAt = 2 * nn;
  const outAt = 4 * nn;
  engine.reserve(outAt + 2 * K * nn);
  const mem = engine.mem();
  mem.set(reHi.subarray(0, nn), 0);
  mem.set(imHi.subarray(0, nn), nn);
  mem.set(reLo.subarray(0, nn), loAt);
  mem.set(imLo.subarray(0, nn), loAt + nn);
  for (let part = 0; part < 2; part++) engine.fromDD(part * nn, loAt + part * nn, nn, K, outAt + part * K * nn, nn);
  for (let s = 0; s < K; s++) out.maxAbs[s] = Math.max(engine.maxAbs(outAt + s * nn, nn), engine.maxAbs(outAt + (K + s) * nn, nn));
  out.data.set(mem.subarray(outAt, outAt + 2 * K * nn));
  return out;
}
