import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv1a64, mix64, splitmix64 } from '../../src/random/hash64.js';

const GAMMA = 0x9e3779b97f4a7c15n;
const MASK64 = (1n << 64n) - 1n;

describe('splitmix64', () => {
  it('reproduces the published outputs of splitmix64.c for state 0', () => {
    // First four outputs of Vigna's reference splitmix64.c started from x = 0, as quoted by many
    // independent ports (Java SplittableRandom, Rust rand_xoshiro, …).
    expect(splitmix64(0n, 4)).toEqual([0xe220a8397b1dcdafn, 0x6e789e6aa1b965f4n, 0x06c45d188009454fn, 0xf88bb8a8724c81ecn]);
  });
  it('returns nothing for count 0', () => {
    expect(splitmix64(123n, 0)).toEqual([]);
  });
  it('is a counter: output k+1 from s is output k from s + γ, and shorter runs are prefixes', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MASK64 }), fc.integer({ min: 1, max: 6 }), (s, k) => {
        const long = splitmix64(s, k + 1);
        expect(splitmix64(s, k)).toEqual(long.slice(0, k));
        expect(splitmix64((s + GAMMA) & MASK64, k)).toEqual(long.slice(1));
      }),
    );
  });
});

describe('mix64', () => {
  it.each([
    [0n, 0n],
    [GAMMA, 0xe220a8397b1dcdafn],
    [(2n * GAMMA) & MASK64, 0x6e789e6aa1b965f4n],
  ])('maps %s to %s (the zero fixed point, then splitmix64 outputs)', (z, want) => {
    expect(mix64(z)).toBe(want);
  });
  it('stays within 64 bits and separates distinct inputs', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MASK64 }), fc.bigInt({ min: 0n, max: MASK64 }), (a, b) => {
        expect(mix64(a) >= 0n && mix64(a) <= MASK64).toBe(true);
        if (a !== b) expect(mix64(a)).not.toBe(mix64(b));
      }),
    );
  });
});

describe('fnv1a64', () => {
  it.each([
    ['', 0xcbf29ce484222325n],
    ['a', 0xaf63dc4c8601ec8cn],
    ['foobar', 0x85944171f73967e8n],
  ])('matches the published FNV-1a 64 vector for %j', (s, want) => {
    expect(fnv1a64(s)).toBe(want);
  });
  it('hashes UTF-8 bytes, not UTF-16 code units', () => {
    // "é" is the two bytes C3 A9 in UTF-8: fold them by hand.
    const P = 0x100000001b3n;
    const byHand = (((((0xcbf29ce484222325n ^ 0xc3n) * P) & MASK64) ^ 0xa9n) * P) & MASK64;
    expect(fnv1a64('é')).toBe(byHand);
  });
});
