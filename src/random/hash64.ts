/**
 * Exact 64-bit hashing and mixing primitives used to turn seeds and fork labels into generator
 * state. BigInt arithmetic: they run once per stream, never per draw, so clarity beats speed.
 */

const MASK64 = (1n << 64n) - 1n;
const GOLDEN_GAMMA = 0x9e3779b97f4a7c15n;
const FNV64_OFFSET = 0xcbf29ce484222325n;
const FNV64_PRIME = 0x100000001b3n;

/** SplitMix64's output function: a bijection of 64-bit words (so mix64(0) = 0). */
export function mix64(z: bigint): bigint {
  z &= MASK64;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return z ^ (z >> 31n);
}

/**
 * The first `count` outputs of SplitMix64 (Steele, Lea and Flood, OOPSLA 2014;
 * https://prng.di.unimi.it/splitmix64.c) started from state `state`, exact 64-bit words.
 */
export function splitmix64(state: bigint, count: number): bigint[] {
  const out: bigint[] = [];
  let s = state & MASK64;
  for (let k = 0; k < count; k++) {
    s = (s + GOLDEN_GAMMA) & MASK64;
    out.push(mix64(s));
  }
  return out;
}

/** 64-bit FNV-1a of the UTF-8 bytes of `s`, exact (matches the published FNV test vectors). */
export function fnv1a64(s: string): bigint {
  let h = FNV64_OFFSET;
  for (const byte of new TextEncoder().encode(s)) h = ((h ^ BigInt(byte)) * FNV64_PRIME) & MASK64;
  return h;
}
