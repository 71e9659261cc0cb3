/**
 * Float64 SIMD (WebAssembly, f64x2) kernels, used where measurement showed JavaScript loops to be
 * the bottleneck: factored Gram matrices B = Q Q† (their entries, or the sum of the moduli of the
 * off-diagonal ones) for the C_l1 of 12-qubit steady states, Householder reflections for Bures
 * samples (random/stewart.ts), and a real matrix product C += A B whose sums run in the naive loop's
 * order (bit-identical to it; exact on integer slices whose partial sums stay below 2^53, as
 * mixed-precision refinement needs). Source: kernels.wat; compiled into kernels-wasm.ts by
 * `npm run build:wasm`.
 * Each `SimdKernels` instance owns one WebAssembly memory; callers address it in float64 slots
 * (index i = byte 8i) through `f64`, which is re-created whenever the memory grows.
 *
 * `heev` is a whole float64 Hermitian eigendecomposition (the algorithm of numeric/eigh-float64.ts,
 * its reference), for eigh-float64-wasm.ts.
 *
 * The slice* kernels are the loops around matmulAdd in a sliced fixed-point product, the ref*
 * kernels the other loops of the eigenvector refinement (numeric/sliced-fixed.ts, whose plain-loop
 * engine is the reference of both, bit for bit).
 *
 * Layouts: a real matrix is row-major. A "split" complex matrix with `width` columns stores each
 * row as `width` real parts followed by `width` imaginary parts (2·width slots per row).
 */
import { KERNELS_WASM_BASE64 } from './kernels-wasm.js';

/** The part of the WebAssembly JS API used here (the project's TypeScript libs omit the DOM's typings). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { readonly exports: unknown };
}
const WA = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

interface SimdExports {
  readonly memory: WasmMemory;
  matvec(U: number, n: number, s: number, xr: number, xi: number, yr: number, yi: number): void;
  productT(V: number, n: number, s: number, F: number, fstride: number, fhb: number, q0: number, q1: number, T: number, tstride: number): void;
  transpose(T: number, tstride: number, s: number, cols: number, Q: number, width: number): void;
  offdiagAbsSum(Q: number, s: number, Rp: number): number;
  reflect(B: number, m: number, len: number, v: number, tau: number, w: number): void;
  gram(Q: number, s: number, Rp: number, Mr: number, Mi: number): void;
  matmulAdd(A: number, B: number, C: number, m: number, k: number, n: number, arow: number): void;
  slicePrepLeft(re: number, im: number, dst: number, block: number, n: number, row: number, conj: number): void;
  slicePrepRight(re: number, im: number, dst: number, block: number, count: number): void;
  sliceGauss(levels: number, width: number, U: number, count: number): void;
  sliceCarry(levels: number, width: number, U: number, count: number, K: number, out: number, carry: number, maxAbs: number): number;
  sliceFlush(at: number, up: number, count: number): number;
  sliceAccumulate(src: number, dst: number, count: number, sign: number): void;
  heev(at: number, n: number): number;
  refScaleColumns(src: number, scale: number, dst: number, rows: number, n: number): void;
  refToDD(data: number, K: number, count: number, maxAbs: number, hi: number, lo: number): void;
  refFromDD(hi: number, lo: number, total: number, K: number, out: number, stride: number): void;
  refMaxAbs(data: number, count: number): number;
  refAbsAccumulate(src: number, dst: number, count: number, w: number): void;
  refCorrections(
    n: number,
    Shi: number,
    Slo: number,
    Rhi: number,
    Rlo: number,
    lamH: number,
    lamL: number,
    delta: number,
    reHi: number,
    reLo: number,
    imHi: number,
    imLo: number,
  ): number;
  refTranspose(src: number, dst: number, n: number, sign: number): void;
  refGatherColumns(src: number, dst: number, n: number, order: number): void;
  refHexDigits(text: number, ends: number, start: number, count: number, K: number, out: number, stride: number): number;
  refFromFloat64(src: number, total: number, K: number, out: number, stride: number): void;
  refLongDivide(b: number, r: number, count: number, steps: number, out: number, stride: number): void;
  refGather(src: number, dst: number, count: number, index: number): void;
}

let compiled: object | null = null;
const simdModule = (): object => (compiled ??= new WA.Module(Buffer.from(KERNELS_WASM_BASE64, 'base64')));

const PAGE = 65536;
/** 2^32 bytes is the wasm32 limit; 2^31 keeps every byte offset a non-negative i32. */
const MAX_BYTES = 2 ** 31;

export class SimdKernels {
  private readonly x: SimdExports;
  private view: Float64Array;

  constructor() {
    this.x = new WA.Instance(simdModule()).exports as SimdExports;
    this.view = new Float64Array(this.x.memory.buffer);
  }

  /** The memory as float64 slots (invalidated by `reserve`). */
  get f64(): Float64Array {
    return this.view;
  }

  /** Make at least `slots` float64 slots addressable. */
  reserve(slots: number): void {
    const bytes = slots * 8;
    if (!(bytes <= MAX_BYTES)) throw new RangeError(`SimdKernels: ${slots} float64 slots exceed the 2 GiB working memory`);
    const have = this.x.memory.buffer.byteLength;
    if (bytes <= have) return;
    this.x.memory.grow(Math.ceil((bytes - have) / PAGE));
    this.view = new Float64Array(this.x.memory.buffer);
  }

  // (the checks run before every kernel call: plain loops, no iterators or arrays to allocate)
  private sizes(what: string, sizes: Record<string, number>): void {
    for (const name in sizes) {
      const v = sizes[name];
      if (!(Number.isSafeInteger(v) && v >= 0)) throw new RangeError(`SimdKernels.${what}: ${name} = ${v} must be a non-negative integer`);
    }
  }

  /** `check` of each [name, start, slots]. */
  private checkAll(what: string, regions: readonly (readonly [string, number, number])[]): void {
    for (let r = 0; r < regions.length; r++) {
      const region = regions[r];
      if (!(Number.isInteger(region[1]) && region[1] >= 0 && region[1] + region[2] <= this.view.length))
        this.check(`${what} (${region[0]})`, region[1], region[2]);
    }
  }

  private check(what: string, start: number, slots: number): void {
    if (!(Number.isInteger(start) && start >= 0 && start + slots <= this.view.length))
      throw new RangeError(`SimdKernels.${what}: slots ${start} … ${start + slots} outside the reserved ${this.view.length}`);
  }

  /** y = U x: U real n × s at slot `U`; x split complex (s real parts at xr, s imaginary at xi); y likewise (n). */
  matvec(U: number, n: number, s: number, xr: number, xi: number, yr: number, yi: number): void {
    this.check('matvec', U, n * s);
    for (const p of [xr, xi]) this.check('matvec', p, s);
    for (const p of [yr, yi]) this.check('matvec', p, n);
    this.x.matvec(8 * U, n, s, 8 * xr, 8 * xi, 8 * yr, 8 * yi);
  }

  /**
   * T = (Vᵀ F) restricted to columns c0 … c1 − 1, column-major: V real n × s at slot `V`; F split
   * complex n × `width`; column q of T is s real parts at slot T + 2sq, then s imaginary parts.
   */
  productT(V: number, n: number, s: number, F: number, width: number, c0: number, c1: number, T: number): void {
    if (!(Number.isInteger(c0) && Number.isInteger(c1) && 0 <= c0 && c0 <= c1 && c1 <= width))
      throw new RangeError(`SimdKernels.productT: columns ${c0} … ${c1} outside 0 … ${width}`);
    this.check('productT', V, n * s);
    this.check('productT', F, n * 2 * width);
    this.check('productT', T + 2 * s * c0, 2 * s * (c1 - c0));
    this.x.productT(8 * V, n, s, 8 * F, 16 * width, 8 * width, c0, c1, 8 * T, 16 * s);
  }

  /** Q[x][q] = T[q][x] (x < s, q < cols): T column-major as productT writes it, Q split complex s × width. */
  transpose(T: number, s: number, cols: number, Q: number, width: number): void {
    if (!(cols <= width)) throw new RangeError(`SimdKernels.transpose: ${cols} columns exceed the width ${width}`);
    this.check('transpose', T, 2 * s * cols);
    this.check('transpose', Q, s * 2 * width);
    this.x.transpose(8 * T, 16 * s, s, cols, 8 * Q, width);
  }

  /** Σ_{x<y} |(Q Q†)[x][y]| for Q split complex s × width (even) at slot `Q`. */
  offdiagAbsSum(Q: number, s: number, width: number): number {
    if (width % 2 !== 0) throw new RangeError(`SimdKernels.offdiagAbsSum: width ${width} must be even`);
    this.check('offdiagAbsSum', Q, s * 2 * width);
    return this.x.offdiagAbsSum(8 * Q, s, width);
  }

  /**
   * B ← (I − τ v v†) B for `len` split complex rows of m (even) columns at slot B; v split complex
   * (len) at slot v; w is scratch for 2m slots.
   */
  reflect(B: number, m: number, len: number, v: number, tau: number, w: number): void {
    if (m % 2 !== 0) throw new RangeError(`SimdKernels.reflect: m = ${m} must be even`);
    this.check('reflect', B, len * 2 * m);
    this.check('reflect', v, 2 * len);
    this.check('reflect', w, 2 * m);
    this.x.reflect(8 * B, m, len, 8 * v, tau, 8 * w);
  }

  /** M = Q Q† for Q split complex s × width (even) at slot Q: real parts (s × s) at slot Mr, imaginary at Mi. */
  gram(Q: number, s: number, width: number, Mr: number, Mi: number): void {
    if (width % 2 !== 0) throw new RangeError(`SimdKernels.gram: width ${width} must be even`);
    this.check('gram', Q, s * 2 * width);
    this.check('gram', Mr, s * s);
    this.check('gram', Mi, s * s);
    this.x.gram(8 * Q, s, width, 8 * Mr, 8 * Mi);
  }

  /**
   * C += A B for real row-major matrices at slots A (m × k), B (k × n), C (m × n); C must not
   * overlap A or B. Bit-identical to `for (i) for (p) for (j) C[i·n + j] += A[i·k + p] · B[p·n + j]`
   * (each product rounded, then added in increasing p), hence exact when every input and partial
   * sum is an integer below 2^53. A's rows may be `arow` ≥ k slots apart (a block of a wider matrix).
   */
  matmulAdd(A: number, B: number, C: number, m: number, k: number, n: number, arow = k): void {
    this.sizes('matmulAdd', { m, k, n, arow });
    if (arow < k) throw new RangeError(`SimdKernels.matmulAdd: A's row stride ${arow} is below k = ${k}`);
    const aSlots = m === 0 ? 0 : (m - 1) * arow + k;
    this.check('matmulAdd', A, aSlots);
    this.check('matmulAdd', B, k * n);
    this.check('matmulAdd', C, m * n);
    if (m === 0 || n === 0) return;
    // with overlap, tiles would read entries of A or B already updated, in another order than the loop above
    for (let o = 0; o < 2; o++) {
      const start = o === 0 ? A : B;
      const slots = o === 0 ? aSlots : k * n;
      if (slots > 0 && start < C + m * n && C < start + slots)
        throw new RangeError(`SimdKernels.matmulAdd: C (slots ${C} … ${C + m * n}) overlaps ${o === 0 ? 'A' : 'B'} (slots ${start} … ${start + slots})`);
    }
    this.x.matmulAdd(8 * A, 8 * B, 8 * C, m, k, n, arow);
  }

  /**
   * One slice of a sliced product's left operands: for i, j < n, with x + iy = A[i][j], or
   * conj(A[j][i]) when `conj`, A's real parts n × n at slot re and imaginary parts at im, slot
   * dst + i·row + j gets x, `block` slots later y, 2·block slots later x + y.
   */
  slicePrepLeft(re: number, im: number, dst: number, block: number, n: number, row: number, conj: boolean): void {
    this.sizes('slicePrepLeft', { block, n, row });
    if (row < n) throw new RangeError(`SimdKernels.slicePrepLeft: the row stride ${row} is below n = ${n}`);
    this.check('slicePrepLeft', re, n * n);
    this.check('slicePrepLeft', im, n * n);
    if (n > 0) this.check('slicePrepLeft', dst, 2 * block + (n - 1) * row + n);
    this.x.slicePrepLeft(8 * re, 8 * im, 8 * dst, 8 * block, n, 8 * row, conj ? 1 : 0);
  }

  /** One slice of a sliced product's right operands: `count` slots re → dst, im → dst + block, re + im → dst + 2·block. */
  slicePrepRight(re: number, im: number, dst: number, block: number, count: number): void {
    this.sizes('slicePrepRight', { block, count });
    this.check('slicePrepRight', re, count);
    this.check('slicePrepRight', im, count);
    this.check('slicePrepRight', dst, 2 * block + count);
    this.x.slicePrepRight(8 * re, 8 * im, 8 * dst, 8 * block, count);
  }

  /**
   * Gauss's combination in place: for u = 1 … U, level u at slot levels + u·width holds T1, T2, T3
   * (`count` slots each, consecutive); T1 ← T1 − T2 and T2 ← (T3 − T1) − T2.
   */
  sliceGauss(levels: number, width: number, U: number, count: number): void {
    this.sizes('sliceGauss', { width, U, count });
    if (width < 3 * count) throw new RangeError(`SimdKernels.sliceGauss: width ${width} is below 3·${count}`);
    if (U > 0) this.check('sliceGauss', levels + width, (U - 1) * width + 3 * count);
    this.x.sliceGauss(8 * levels, 8 * width, U, count);
  }

  /**
   * The balanced carry of levels U … 1 into K slices, as numeric/sliced-fixed.ts's carryLevels:
   * level u has `count` real parts at slot levels + u·width and `count` imaginary parts after them;
   * the digits go to slot out (2·K·count: real parts of slices 1 … K, then imaginary), max |digit|
   * of each slice to slot maxAbs (K), `carry` is scratch (2·count). Returns 2 when level 1 reached
   * 2^53 (the value outgrew its leading slice; the digits are then incomplete), else 1 when a level
   * above K dropped a nonzero digit, else 0.
   */
  sliceCarry(levels: number, width: number, U: number, count: number, K: number, out: number, carry: number, maxAbs: number): number {
    this.sizes('sliceCarry', { width, U, count, K });
    if (width < 2 * count) throw new RangeError(`SimdKernels.sliceCarry: width ${width} is below 2·${count}`);
    const regions: [string, number, number][] = [
      ['levels', levels + width, U > 0 ? (U - 1) * width + 2 * count : 0],
      ['out', out, 2 * K * count],
      ['carry', carry, 2 * count],
      ['maxAbs', maxAbs, K],
    ];
    this.checkAll('sliceCarry', regions);
    for (let a = 0; a < regions.length; a++)
      for (let b = a + 1; b < regions.length; b++) {
        const [na, sa, la] = regions[a];
        const [nb, sb, lb] = regions[b];
        if (la > 0 && lb > 0 && sa < sb + lb && sb < sa + la) throw new RangeError(`SimdKernels.sliceCarry: ${na} overlaps ${nb}`);
      }
    return this.x.sliceCarry(8 * levels, 8 * width, U, count, K, 8 * out, 8 * carry, 8 * maxAbs);
  }

  /**
   * Move `count` level entries at slot `at` up by whole units of 2^20 into those at slot `up`
   * (c = v/2^20 rounded to nearest: at ← v − c·2^20, up ← up + c); returns max |c|.
   */
  sliceFlush(at: number, up: number, count: number): number {
    this.sizes('sliceFlush', { count });
    this.check('sliceFlush', at, count);
    this.check('sliceFlush', up, count);
    if (count > 0 && at < up + count && up < at + count) throw new RangeError('SimdKernels.sliceFlush: the two levels overlap');
    return this.x.sliceFlush(8 * at, 8 * up, count);
  }

  /** dst[e] ← dst[e] + sign·src[e] for `count` slots (sign ±1; the ranges must not overlap). */
  sliceAccumulate(src: number, dst: number, count: number, sign: 1 | -1): void {
    this.sizes('sliceAccumulate', { count });
    if (sign !== 1 && sign !== -1) throw new RangeError(`SimdKernels.sliceAccumulate: sign ${sign} must be 1 or −1`);
    this.check('sliceAccumulate', src, count);
    this.check('sliceAccumulate', dst, count);
    if (count > 0 && src < dst + count && dst < src + count) throw new RangeError('SimdKernels.sliceAccumulate: the two ranges overlap');
    this.x.sliceAccumulate(8 * src, 8 * dst, count, sign);
  }

  /**
   * The eigendecomposition of the Hermitian n × n matrix whose real parts are at slot `at` and
   * imaginary parts at at + n² (row-major, strict lower triangle and real diagonal read, both
   * overwritten), in a workspace of `heevSlots(n)` slots from `at`: the eigenvalues, ascending, at
   * slot at + 7n², the eigenvector of the k-th one as column k of the real parts at slot at + 5n²
   * and of the imaginary parts at at + 6n². False when the QL iteration did not converge.
   */
  heev(at: number, n: number): boolean {
    this.sizes('heev', { n });
    this.check('heev', at, SimdKernels.heevSlots(n));
    if (n === 0) return true;
    return this.x.heev(8 * at, n) === 0;
  }

  /** The workspace of `heev` for an n × n matrix: 7n² + 8n slots. */
  static heevSlots(n: number): number {
    return 7 * n * n + 8 * n;
  }

  /** dst[i][j] ← dst[i][j] + src[i][j]·scale[j] for `rows` × n row-major matrices; dst must not overlap src or scale. */
  refScaleColumns(src: number, scale: number, dst: number, rows: number, n: number): void {
    this.sizes('refScaleColumns', { rows, n });
    this.check('refScaleColumns', src, rows * n);
    this.check('refScaleColumns', scale, n);
    this.check('refScaleColumns', dst, rows * n);
    this.disjoint('refScaleColumns', [
      ['src', src, rows * n],
      ['scale', scale, n],
      ['dst', dst, rows * n],
    ]);
    this.x.refScaleColumns(8 * src, 8 * scale, 8 * dst, rows, n);
  }

  /**
   * K slices at slot `data` (real parts of slices 1 … K, then imaginary, `count` each; their maxima
   * at slot maxAbs) added into double-doubles: hi, lo (2·count each, zeroed by the caller) as
   * numeric/sliced-fixed.ts's slicedToDD forms them.
   */
  refToDD(data: number, K: number, count: number, maxAbs: number, hi: number, lo: number): void {
    this.sizes('refToDD', { K, count });
    const regions: [string, number, number][] = [
      ['data', data, 2 * K * count],
      ['maxAbs', maxAbs, K],
      ['hi', hi, 2 * count],
      ['lo', lo, 2 * count],
    ];
    this.checkAll('refToDD', regions);
    this.disjoint('refToDD', regions);
    this.x.refToDD(8 * data, K, count, 8 * maxAbs, 8 * hi, 8 * lo);
  }

  /**
   * `total` double-doubles (hi, lo at their slots) into K digits each, as numeric/sliced-fixed.ts's
   * slicedFromDD: digit s of entry e to slot out + (s − 1)·stride + e (stride ≥ total).
   */
  refFromDD(hi: number, lo: number, total: number, K: number, out: number, stride: number): void {
    this.sizes('refFromDD', { total, K, stride });
    if (stride < total) throw new RangeError(`SimdKernels.refFromDD: the stride ${stride} is below ${total}`);
    const outSlots = K === 0 ? 0 : (K - 1) * stride + total;
    const regions: [string, number, number][] = [
      ['hi', hi, total],
      ['lo', lo, total],
      ['out', out, outSlots],
    ];
    this.checkAll('refFromDD', regions);
    this.disjoint('refFromDD', regions);
    this.x.refFromDD(8 * hi, 8 * lo, total, K, 8 * out, 8 * stride);
  }

  /** max |x| over `count` slots from `data` (0 when count is 0). */
  refMaxAbs(data: number, count: number): number {
    this.sizes('refMaxAbs', { count });
    this.check('refMaxAbs', data, count);
    return this.x.refMaxAbs(8 * data, count);
  }

  /** dst[e] ← dst[e] + |src[e]|·w for `count` slots (the ranges must not overlap). */
  refAbsAccumulate(src: number, dst: number, count: number, w: number): void {
    this.sizes('refAbsAccumulate', { count });
    this.check('refAbsAccumulate', src, count);
    this.check('refAbsAccumulate', dst, count);
    this.disjoint('refAbsAccumulate', [
      ['src', src, count],
      ['dst', dst, count],
    ]);
    this.x.refAbsAccumulate(8 * src, 8 * dst, count, w);
  }

  /**
   * The corrections of a refinement step, as numeric/double-double.ts's `corrections`: S and R as
   * double-doubles at slots Shi, Slo, Rhi, Rlo (2n² each: real parts, then imaginary), the values
   * at lamH, lamL (n each), into reHi, reLo, imHi, imLo (n² each); returns max |Re F| + |Im F|.
   */
  refCorrections(
    n: number,
    at: { Shi: number; Slo: number; Rhi: number; Rlo: number; lamH: number; lamL: number; reHi: number; reLo: number; imHi: number; imLo: number },
    delta: number,
  ): number {
    this.sizes('refCorrections', { n });
    const nn = n * n;
    const regions: [string, number, number][] = [
      ['Shi', at.Shi, 2 * nn],
      ['Slo', at.Slo, 2 * nn],
      ['Rhi', at.Rhi, 2 * nn],
      ['Rlo', at.Rlo, 2 * nn],
      ['lamH', at.lamH, n],
      ['lamL', at.lamL, n],
      ['reHi', at.reHi, nn],
      ['reLo', at.reLo, nn],
      ['imHi', at.imHi, nn],
      ['imLo', at.imLo, nn],
    ];
    this.checkAll('refCorrections', regions);
    this.disjoint('refCorrections', regions);
    return this.x.refCorrections(
      n,
      8 * at.Shi,
      8 * at.Slo,
      8 * at.Rhi,
      8 * at.Rlo,
      8 * at.lamH,
      8 * at.lamL,
      delta,
      8 * at.reHi,
      8 * at.reLo,
      8 * at.imHi,
      8 * at.imLo,
    );
  }

  /** dst[i][j] = sign·src[j][i] for n × n matrices at slots src, dst (sign ±1; no overlap). */
  refTranspose(src: number, dst: number, n: number, sign: 1 | -1): void {
    this.sizes('refTranspose', { n });
    if (sign !== 1 && sign !== -1) throw new RangeError(`SimdKernels.refTranspose: sign ${sign} must be 1 or −1`);
    this.check('refTranspose', src, n * n);
    this.check('refTranspose', dst, n * n);
    this.disjoint('refTranspose', [
      ['src', src, n * n],
      ['dst', dst, n * n],
    ]);
    this.x.refTranspose(8 * src, 8 * dst, n, sign);
  }

  /** dst[i][j] = src[i][order[j]] for n × n matrices at slots src, dst; order (n slots) holds column indices below n. */
  refGatherColumns(src: number, dst: number, n: number, order: number): void {
    this.sizes('refGatherColumns', { n });
    const regions: [string, number, number][] = [
      ['src', src, n * n],
      ['dst', dst, n * n],
      ['order', order, n],
    ];
    this.checkAll('refGatherColumns', regions);
    this.disjoint('refGatherColumns', regions);
    const o = this.view.subarray(order, order + n);
    for (const c of o) if (!(Number.isInteger(c) && c >= 0 && c < n)) throw new RangeError(`SimdKernels.refGatherColumns: column ${c} outside 0 … ${n - 1}`);
    this.x.refGatherColumns(8 * src, 8 * dst, n, 8 * order);
  }

  /**
   * Hexadecimal integers into K digits of 20 bits, as numeric/sliced-fixed.ts's slicedFromBigInt:
   * the ASCII text begins at slot `text` (byte 8·text); entry i spans bytes `start` (i = 0) or
   * ends[i − 1] up to ends[i] of it (ends: `count` slots); digit s of entry i goes to slot
   * out + (s − 1)·stride + i. Returns whether a first digit reached 2^53.
   */
  refHexDigits(text: number, ends: number, start: number, count: number, K: number, out: number, stride: number): boolean {
    this.sizes('refHexDigits', { start, count, K, stride });
    if (stride < count) throw new RangeError(`SimdKernels.refHexDigits: the stride ${stride} is below ${count}`);
    this.check('refHexDigits (ends)', ends, count);
    // the kernel reads bytes start … ends[count − 1] of the text, in order
    let last = start;
    for (let i = 0; i < count; i++) {
      const e = this.view[ends + i];
      if (!(Number.isSafeInteger(e) && e >= last)) throw new RangeError(`SimdKernels.refHexDigits: entry ${i} ends at ${e}, before ${last}`);
      last = e;
    }
    const textSlots = Math.ceil(last / 8);
    const outSlots = K === 0 ? 0 : (K - 1) * stride + count;
    const regions: [string, number, number][] = [
      ['text', text, textSlots],
      ['ends', ends, count],
      ['out', out, outSlots],
    ];
    this.checkAll('refHexDigits', regions);
    this.disjoint('refHexDigits', regions);
    return this.x.refHexDigits(8 * text, 8 * ends, start, count, K, 8 * out, 8 * stride) === 1;
  }

  /** `total` float64 values at slot src into K digits each, as numeric/sliced-fixed.ts's slicedFromFloat64: digit s of entry e to slot out + (s − 1)·stride + e. */
  refFromFloat64(src: number, total: number, K: number, out: number, stride: number): void {
    this.sizes('refFromFloat64', { total, K, stride });
    if (stride < total) throw new RangeError(`SimdKernels.refFromFloat64: the stride ${stride} is below ${total}`);
    const regions: [string, number, number][] = [
      ['src', src, total],
      ['out', out, K === 0 ? 0 : (K - 1) * stride + total],
    ];
    this.checkAll('refFromFloat64', regions);
    this.disjoint('refFromFloat64', regions);
    this.x.refFromFloat64(8 * src, total, K, 8 * out, 8 * stride);
  }

  /**
   * `steps` more digits of the long divisions r/b (slots b, r: `count` entries, exact integers with
   * r < b < 2^33; b = 0 skips the entry), as numeric/sliced-rational.ts forms them: digit s (from 0)
   * of entry e to slot out + s·stride + e; the remainders updated in place.
   */
  refLongDivide(b: number, r: number, count: number, steps: number, out: number, stride: number): void {
    this.sizes('refLongDivide', { count, steps, stride });
    if (stride < count) throw new RangeError(`SimdKernels.refLongDivide: the stride ${stride} is below ${count}`);
    const regions: [string, number, number][] = [
      ['b', b, count],
      ['r', r, count],
      ['out', out, steps === 0 ? 0 : (steps - 1) * stride + count],
    ];
    this.checkAll('refLongDivide', regions);
    this.disjoint('refLongDivide', regions);
    this.x.refLongDivide(8 * b, 8 * r, count, steps, 8 * out, 8 * stride);
  }

  /** mem[dst + e] = mem[src + mem[index + e]] for e < count (indices: non-negative integers, the caller's to keep within what is reserved). */
  refGather(src: number, dst: number, count: number, index: number): void {
    this.sizes('refGather', { count });
    const regions: [string, number, number][] = [
      ['dst', dst, count],
      ['index', index, count],
    ];
    this.checkAll('refGather', regions);
    this.disjoint('refGather', regions);
    // (an index beyond the memory traps in WebAssembly: never a read outside it)
    this.x.refGather(8 * src, 8 * dst, count, 8 * index);
  }

  /** Refuse overlapping regions (name, first slot, slots): the kernels read what they have not yet written. */
  private disjoint(what: string, regions: [string, number, number][]): void {
    for (let a = 0; a < regions.length; a++)
      for (let b = a + 1; b < regions.length; b++) {
        const ra = regions[a];
        const rb = regions[b];
        if (ra[2] > 0 && rb[2] > 0 && ra[1] < rb[1] + rb[2] && rb[1] < ra[1] + ra[2]) throw new RangeError(`SimdKernels.${what}: ${ra[0]} overlaps ${rb[0]}`);
      }
  }
}
