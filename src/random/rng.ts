/**
 * The one seeded pseudo-random generator of ergocheck. Nothing in the project calls Math.random.
 *
 * Algorithm: xoshiro128** 1.0 (D. Blackman and S. Vigna, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 47(4), 2021; reference code https://prng.di.unimi.it/xoshiro128starstar.c),
 * 128 bits of state, period 2^128 − 1, passes BigCrush. Its state is filled from two outputs of
 * SplitMix64 (G. Steele, D. Lea, C. Flood, OOPSLA 2014; https://prng.di.unimi.it/splitmix64.c),
 * the seeding Vigna recommends, which never yields the forbidden all-zero state.
 *
 * A stream is a pure function of (seed, path): `new Rng(42).fork('a').fork('b')` and
 * `new Rng(42, ['a', 'b'])` produce the same numbers, whatever was drawn before the forks, so a
 * parallel worker can be handed its stream by name and results do not depend on scheduling.
 *
 * Reproducibility: `nextUint32`, `next`, `int` and `uniform` use integer and correctly rounded
 * arithmetic only, so they are bit-identical on every platform; `normal` and `exponential` also
 * call Math.log, which is deterministic within one JavaScript engine (V8 for Node).
 */
import { fnv1a64, mix64, splitmix64 } from './hash64.js';

/** A seed: a non-negative safe integer, or any string (see `seedKey` for how strings map). */
export type Seed = number | string;

const TWO_POW_53 = 9007199254740992;
const TWO_POW_32 = 4294967296;

const DIGITS = /^[0-9]+$/;

/**
 * The 64-bit key a seed stands for. A number is itself. A string of ASCII digits whose value is a
 * safe integer is read as that integer (so `--seed 42` on a command line equals `new Rng(42)`);
 * any other string is hashed with FNV-1a-64 over its UTF-8 bytes.
 */
export function seedKey(seed: Seed): bigint {
  if (typeof seed === 'number') {
    if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`Rng: seed must be a non-negative safe integer or a string, got ${seed}`);
    return BigInt(seed);
  }
  if (typeof seed !== 'string') throw new RangeError(`Rng: seed must be a non-negative safe integer or a string, got ${typeof seed}`);
  if (DIGITS.test(seed) && Number.isSafeInteger(Number(seed))) return BigInt(seed);
  return fnv1a64(seed);
}

/** The key of the stream reached from `key` by forking along `path` (each step a mixed bijection). */
export function streamKey(key: bigint, path: readonly string[]): bigint {
  // XOR-then-mix is order sensitive (fork a·b ≠ fork b·a) and, for one parent, injective in the
  // label hash, so sibling streams never share a key unless FNV-1a itself collides.
  return path.reduce((k, label) => mix64(k ^ fnv1a64(label)), key);
}

const rotl32 = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

/** A seeded xoshiro128** stream. Same (seed, path) ⇒ same sequence of every method, always. */
export class Rng {
  /** The seed exactly as given. */
  readonly seed: Seed;
  /** Fork labels from the root stream to this one (empty for a root stream). */
  readonly path: readonly string[];
  private readonly s = new Uint32Array(4);
  /** Second variate of the last polar pair, returned by the next call to `normal`. */
  private spare: number | undefined = undefined;

  /** The stream for `seed` forked along `path`; throws RangeError on a bad seed or label. */
  constructor(seed: Seed, path: readonly string[] = []) {
    const key = seedKey(seed);
    for (const label of path) if (typeof label !== 'string') throw new RangeError(`Rng: every fork label must be a string, got ${typeof label}`);
    this.seed = seed;
    this.path = Object.freeze([...path]);
    const [a, b] = splitmix64(streamKey(key, this.path), 2);
    // Low word first, as when a C program copies two uint64_t into a uint32_t[4] on a little-endian machine.
    this.s[0] = Number(a & 0xffffffffn);
    this.s[1] = Number(a >> 32n);
    this.s[2] = Number(b & 0xffffffffn);
    this.s[3] = Number(b >> 32n);
  }

  /** An independent stream named `label`, a pure function of (seed, path, label); this stream is untouched. */
  fork(label: string): Rng {
    if (typeof label !== 'string') throw new RangeError(`Rng.fork: label must be a string, got ${typeof label}`);
    return new Rng(this.seed, [...this.path, label]);
  }

  /** The next output of xoshiro128**: an integer uniform on [0, 2^32). */
  nextUint32(): number {
    const s = this.s;
    const result = Math.imul(rotl32(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl32(s[3], 11);
    return result;
  }

  /** A double uniform on [0, 1): a multiple of 2^-53 built from the top 27 + 26 bits of two outputs. */
  next(): number {
    const hi = this.nextUint32() >>> 5;
    const lo = this.nextUint32() >>> 6;
    return (hi * 67108864 + lo) / TWO_POW_53;
  }

  /** A double uniform on [a, b) (never b: a draw that rounds up to b is redrawn). */
  uniform(a: number, b: number): number {
    if (!Number.isFinite(a) || !Number.isFinite(b)) throw new RangeError(`Rng.uniform: a and b must be finite, got a = ${a}, b = ${b}`);
    if (!(a < b)) throw new RangeError(`Rng.uniform: a must be < b, got a = ${a}, b = ${b}`);
    const width = b - a;
    if (!Number.isFinite(width)) throw new RangeError(`Rng.uniform: b − a must be finite, got a = ${a}, b = ${b}`);
    for (;;) {
      const x = a + width * this.next();
      if (x < b) return x;
    }
  }

  /** An integer uniform on [lo, hi], exactly (rejection sampling, no modulo bias). */
  int(lo: number, hi: number): number {
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi)) throw new RangeError(`Rng.int: lo and hi must be safe integers, got lo = ${lo}, hi = ${hi}`);
    if (lo > hi) throw new RangeError(`Rng.int: lo must be ≤ hi, got lo = ${lo}, hi = ${hi}`);
    // hi − lo may round, but rounding is monotone and 2^53 is a double, so the test is exact; past
    // it hi − lo ≤ 2^53 − 1 is exact and so is span ≤ 2^53.
    if (!(hi - lo < TWO_POW_53)) throw new RangeError(`Rng.int: hi − lo must be < 2^53, got lo = ${lo}, hi = ${hi}`);
    const span = hi - lo + 1;
    if (span <= TWO_POW_32) {
      const limit = TWO_POW_32 - (TWO_POW_32 % span); // largest multiple of span ≤ 2^32
      for (;;) {
        const x = this.nextUint32();
        if (x < limit) return lo + (x % span);
      }
    }
    const limit = TWO_POW_53 - (TWO_POW_53 % span); // % on doubles is exact
    for (;;) {
      const x = (this.nextUint32() >>> 5) * 67108864 + (this.nextUint32() >>> 6);
      if (x < limit) return lo + (x % span);
    }
  }

  /** A standard Gaussian N(0, 1) by Marsaglia's polar method (pairs; the second is kept for the next call). */
  normal(): number {
    if (this.spare !== undefined) {
      const z = this.spare;
      this.spare = undefined;
      return z;
    }
    for (;;) {
      const u = 2 * this.next() - 1;
      const v = 2 * this.next() - 1;
      const r2 = u * u + v * v;
      if (r2 > 0 && r2 < 1) {
        const f = Math.sqrt((-2 * Math.log(r2)) / r2);
        this.spare = v * f;
        return u * f;
      }
    }
  }

  /** An exponential variate with mean 1, −ln(1 − U) with U = next() (finite, ≥ 0). */
  exponential(): number {
    return -Math.log1p(-this.next());
  }

  /** "Rng(seed 42, path a/b)", enough to recreate this stream. */
  toString(): string {
    const seed = typeof this.seed === 'string' ? JSON.stringify(this.seed) : String(this.seed);
    return this.path.length === 0 ? `Rng(seed ${seed})` : `Rng(seed ${seed}, path ${this.path.map((p) => JSON.stringify(p)).join(' / ')})`;
  }
}
