/**
 * Random initial states for Fig. 3, drawn with exactly the draws of src/random's generators, in
 * two forms: a factor A with ρ0 = A A† for the fast kernel, and the dense ρ0 (randomState) for the
 * generic route. Sample i of N uses the stream `new Rng(seed).fork(\`N=${N}/sample=${i}\`)`, so a
 * sample's state depends only on (seed, N, i), never on how the samples are split among workers.
 */
import { float64 } from '../numeric/float64.js';
import type { CMatrix } from '../numeric/matrix.js';
import { add, identity, mul } from '../numeric/matrix.js';
import { Rng, type Seed } from '../random/rng.js';
import { ginibre } from '../random/ginibre.js';
import { haarStateVector, haarUnitary } from '../random/haar.js';
import { randomState, type Ensemble } from '../random/ensembles.js';
import type { StateFactor } from '../physics/steady-kernel.js';

/** The stream of sample i of N qubits. */
export const sampleRng = (seed: Seed, N: number, i: number): Rng => new Rng(seed, [`N=${N}/sample=${i}`]);

/** Column-major factor A/‖A‖_F of a row-major dim × m complex matrix (trace of A A† made 1). */
function normalisedFactor(G: CMatrix<number>): StateFactor {
  const n = G.rows;
  const m = G.cols;
  let t = 0;
  for (let q = 0; q < n * m; q++) t += G.re[q] * G.re[q] + G.im[q] * G.im[q];
  const s = 1 / Math.sqrt(t);
  const re = new Float64Array(n * m);
  const im = new Float64Array(n * m);
  for (let x = 0; x < n; x++)
    for (let c = 0; c < m; c++) {
      re[c * n + x] = G.re[x * m + c] * s;
      im[c * n + x] = G.im[x * m + c] * s;
    }
  return { m, re, im };
}

/** The factor of sample (seed, N, i) of `ensemble` (ρ0 = A A†, the same state as initialState). */
export function sampleFactor(ensemble: Ensemble, seed: Seed, N: number, i: number): StateFactor {
  const rng = sampleRng(seed, N, i);
  const dim = 2 ** N;
  switch (ensemble) {
    case 'haar': {
      const psi = haarStateVector(float64, rng, dim);
      return { m: 1, re: Float64Array.from(psi.re), im: Float64Array.from(psi.im) };
    }
    case 'hs':
      return normalisedFactor(ginibre(float64, rng, dim));
    case 'bures': {
      const U = haarUnitary(float64, rng, dim);
      const G = ginibre(float64, rng, dim);
      return normalisedFactor(mul(float64, add(float64, identity(float64, dim), U), G));
    }
    case 'diagonal': {
      const e: number[] = [];
      for (let x = 0; x < dim; x++) e.push(rng.exponential());
      let t = 0;
      for (const v of e) t += v;
      const re = new Float64Array(dim * dim);
      for (let x = 0; x < dim; x++) re[x * dim + x] = Math.sqrt(e[x] / t);
      return { m: dim, re, im: new Float64Array(dim * dim) };
    }
  }
}

/** The dense ρ0 of sample (seed, N, i): randomState from the same stream (the generic route's input). */
export function sampleDensity(ensemble: Ensemble, seed: Seed, N: number, i: number): CMatrix<number> {
  return randomState(float64, sampleRng(seed, N, i), ensemble, 2 ** N);
}
