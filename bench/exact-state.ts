/**
 * Exact complex density matrices for benchmarks: ρ = G G† / Tr(G G†) with G a seeded matrix of small
 * Gaussian integers, so every entry is an exact fraction with one common denominator, ρ is
 * Hermitian, of unit trace and positive semidefinite exactly, and generically of full rank.
 */
import { Rng } from '../src/random/rng.js';
import { gcd } from '../src/numeric/rational.js';

export interface ExactStateJson {
  re: string[][];
  im: string[][];
}

/** The seeded exact n×n state as the matrix file format (entries "p/q"). */
export function exactComplexState(n: number, seed: number | string, maxEntry = 9): ExactStateJson {
  const rng = new Rng(seed, ['exact-state', String(n)]);
  const gr: bigint[] = [];
  const gi: bigint[] = [];
  for (let k = 0; k < n * n; k++) {
    gr.push(BigInt(rng.int(-maxEntry, maxEntry)));
    gi.push(BigInt(rng.int(-maxEntry, maxEntry)));
  }
  // (G G†)_ij = Σ_k G_ik conj(G_jk)
  const pr: bigint[] = new Array(n * n).fill(0n);
  const pi: bigint[] = new Array(n * n).fill(0n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let sr = 0n;
      let si = 0n;
      for (let k = 0; k < n; k++) {
        const ar = gr[i * n + k];
        const ai = gi[i * n + k];
        const br = gr[j * n + k];
        const bi = gi[j * n + k];
        sr += ar * br + ai * bi;
        si += ai * br - ar * bi;
      }
      pr[i * n + j] = sr;
      pi[i * n + j] = si;
    }
  let t = 0n;
  for (let i = 0; i < n; i++) t += pr[i * n + i];
  const frac = (x: bigint): string => {
    if (x === 0n) return '0';
    const g = gcd(x, t);
    return `${x / g}/${t / g}`;
  };
  const rows = (m: bigint[]) => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => frac(m[i * n + j])));
  return { re: rows(pr), im: rows(pi) };
}
