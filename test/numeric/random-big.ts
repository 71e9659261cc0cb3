/** Seeded big integers for the fixed-point tests. */
import type { Rng } from '../../src/random/rng.js';

/** A seeded integer of either sign with |x| < 2^bits. */
export function randomBig(rng: Rng, bits: number): bigint {
  const chunks = Math.ceil(bits / 24);
  let x = 0n;
  for (let c = 0; c < chunks; c++) x = (x << 24n) | BigInt(rng.int(0, 2 ** 24 - 1));
  x >>= BigInt(chunks * 24 - bits);
  return rng.int(0, 1) === 1 ? -x : x;
}
