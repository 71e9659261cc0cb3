/**
 * Random initial states for the random-state statistics. The fast kernel takes a sample's reduced state (the blocks M_j
 * that its steady state depends on), the generic route a dense ρ0 with the same reduced state:
 * - haar, diagonal: ρ0 drawn with exactly the draws of src/random's generators; the kernel gets it
 *   as a factor A (ρ0 = A A†) that it reduces, or (diagonal) as its blocks directly;
 * - bures: the factor A = (I + U) G with U applied as Householder reflections drawn directly
 *   (random/stewart.ts): the law of buresState in ≈ 4^N·2^N operations instead of ≈ 3·8^N;
 * - hs: only the blocks are drawn. For ρ0 = G G†/Tr, G Ginibre, the Schur–Weyl rows of G are again
 *   i.i.d. Gaussian (unitary invariance), so the M_j are independent complex Wishart matrices of
 *   size mult_j with 2^N (2j + 1) degrees of freedom, jointly normalised: drawn by their Bartlett
 *   factors in O(Σ mult_j²) instead of 4^N draws. Its dense ρ0 is the β = 0 steady state of those
 *   blocks (any ρ0 with the same blocks has the same steady state at every β).
 * Sample i of N uses the stream `new Rng(seed, [\`N=${N}/sample=${i}\`])`, so a sample depends only on
 * (seed, N, i), never on how the samples are split among workers.
 */
import { float64 } from '../numeric/float64.js';
import { gram, type CMatrix } from '../numeric/matrix.js';
import { Rng, type Seed } from '../random/rng.js';
import { buresFactor, type CArrays } from '../random/stewart.js';
import { randomState, type Ensemble } from '../random/ensembles.js';
import { kernelBasis, type ReducedState, type StateFactor, type SteadyKernel } from '../physics/steady-kernel.js';
import { complexWishartFactor } from '../random/wishart.js';

/** The stream of sample i of N qubits. */
export const sampleRng = (seed: Seed, N: number, i: number): Rng => new Rng(seed, [`N=${N}/sample=${i}`]);

/** Column-major factor A/‖A‖_F of a row-major n × m complex matrix (trace of A A† made 1). */
function normalisedFactor(G: CArrays, n: number, m: number): StateFactor {
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

/** ρ = A A† of a column-major factor, dense. */
function denseFromFactor(A: StateFactor, dim: number): CMatrix<number> {
  const re = new Array<number>(dim * A.m);
  const im = new Array<number>(dim * A.m);
  for (let c = 0; c < A.m; c++)
    for (let x = 0; x < dim; x++) {
      re[x * A.m + c] = A.re[c * dim + x];
      im[x * A.m + c] = A.im[c * dim + x];
    }
  return gram(float64, { rows: dim, cols: A.m, re, im });
}

/**
 * haarStateVector(float64, rng, dim) on typed arrays: the same draws and the same float64
 * operations in the same order (ginibre's N(0, 1)/√2 pairs, then division by the norm), hence
 * bit-identical (tested) without the generic field's boxing.
 */
export function haarVectorFloat64(rng: Rng, dim: number): StateFactor {
  const re = new Float64Array(dim);
  const im = new Float64Array(dim);
  for (let k = 0; k < dim; k++) {
    re[k] = rng.normal() * Math.SQRT1_2;
    im[k] = rng.normal() * Math.SQRT1_2;
  }
  let s = 0;
  for (let k = 0; k < dim; k++) s += re[k] * re[k] + im[k] * im[k];
  const norm = Math.sqrt(s);
  for (let k = 0; k < dim; k++) {
    re[k] /= norm;
    im[k] /= norm;
  }
  return { m: 1, re, im };
}

/** The factor A (ρ0 = A A†) of a haar or bures sample (seed, N, i): the same state as sampleDensity's. */
export function sampleFactor(ensemble: 'haar' | 'bures', seed: Seed, N: number, i: number): StateFactor {
  const rng = sampleRng(seed, N, i);
  const dim = 2 ** N;
  if (ensemble === 'haar') return haarVectorFloat64(rng, dim);
  return normalisedFactor(buresFactor(rng, dim), dim, dim);
}

/** The reduced state of sample (seed, N, i) of `ensemble`, for `kernel` (which must be for N qubits). */
export function sampleReduced(kernel: SteadyKernel, ensemble: Ensemble, seed: Seed, N: number, i: number): ReducedState {
  if (kernel.basis.N !== N) throw new RangeError(`sampleReduced: kernel is for ${kernel.basis.N} qubits, sample for ${N}`);
  switch (ensemble) {
    case 'haar':
    case 'bures':
      return kernel.reduce(sampleFactor(ensemble, seed, N, i));
    case 'hs':
      return wishartBlocks(sampleRng(seed, N, i), N);
    case 'diagonal':
      return diagonalBlocks(diagonalWeights(sampleRng(seed, N, i), 2 ** N), N);
  }
}

/** The blocks of a Hilbert–Schmidt sample: Bartlett factors, families in basis order, Σ Tr = 1. */
function wishartBlocks(rng: Rng, N: number): ReducedState {
  const blocks = kernelBasis(N).families.map((fam) => ({ r: fam.mult, ...complexWishartFactor(rng, fam.mult, 2 ** N * (fam.twoJ + 1)) }));
  let t = 0;
  for (const b of blocks) for (let q = 0; q < b.re.length; q++) t += b.re[q] * b.re[q] + b.im[q] * b.im[q];
  const scale = 1 / Math.sqrt(t);
  for (const b of blocks)
    for (let q = 0; q < b.re.length; q++) {
      b.re[q] *= scale;
      b.im[q] *= scale;
    }
  return blocks;
}

/** Weights uniform on the simplex: n exponential draws, normalised (randomDiagonalState's draws). */
function diagonalWeights(rng: Rng, n: number): number[] {
  const e: number[] = [];
  for (let x = 0; x < n; x++) e.push(rng.exponential());
  let t = 0;
  for (const v of e) t += v;
  return e.map((v) => v / t);
}

/** Blocks of diag(p): F_j has a column √p_x V_{j,d}[·][x] for every basis state x of every sector it spans. */
function diagonalBlocks(p: readonly number[], N: number): ReducedState {
  const { families, sectors } = kernelBasis(N);
  return families.map((fam) => {
    const n = fam.mult;
    const k0 = (N - fam.twoJ) / 2;
    let r = 0;
    for (let d = 0; d <= fam.twoJ; d++) r += sectors[k0 + d].length;
    const re = new Float64Array(n * r);
    let col = 0;
    for (let d = 0; d <= fam.twoJ; d++) {
      const xs = sectors[k0 + d];
      const V = fam.V[d];
      for (let x = 0; x < xs.length; x++, col++) {
        const root = Math.sqrt(p[xs[x]]);
        for (let a = 0; a < n; a++) re[a * r + col] = root * V[a * xs.length + x];
      }
    }
    return { r, re, im: new Float64Array(n * r) };
  });
}

/** The β = 0 steady state of a reduced state, dense: Σ_j Σ_d V_{j,d}ᵀ M_j V_{j,d}/(2j + 1). */
function denseFromBlocks(blocks: ReducedState, N: number): CMatrix<number> {
  const { families, sectors, dim } = kernelBasis(N);
  const re = new Array<number>(dim * dim).fill(0);
  const im = new Array<number>(dim * dim).fill(0);
  families.forEach((fam, f) => {
    const { r, re: Fr, im: Fi } = blocks[f];
    const n = fam.mult;
    const k0 = (N - fam.twoJ) / 2;
    for (let d = 0; d <= fam.twoJ; d++) {
      const xs = sectors[k0 + d];
      const s = xs.length;
      const V = fam.V[d];
      // P = Vᵀ F (s × r): then the block is P P†/(2j + 1)
      const P = { rows: s, cols: r, re: new Array<number>(s * r).fill(0), im: new Array<number>(s * r).fill(0) };
      for (let x = 0; x < s; x++)
        for (let a = 0; a < n; a++) {
          const v = V[a * s + x];
          for (let q = 0; q < r; q++) {
            P.re[x * r + q] += v * Fr[a * r + q];
            P.im[x * r + q] += v * Fi[a * r + q];
          }
        }
      const B = gram(float64, P);
      for (let x = 0; x < s; x++)
        for (let y = 0; y < s; y++) {
          re[xs[x] * dim + xs[y]] += B.re[x * s + y] / (fam.twoJ + 1);
          im[xs[x] * dim + xs[y]] += B.im[x * s + y] / (fam.twoJ + 1);
        }
    }
  });
  return { rows: dim, cols: dim, re, im };
}

/** The dense ρ0 of sample (seed, N, i) for the generic route: the state itself (haar, diagonal: randomState's; bures: A A† of its factor), or for hs the β = 0 steady state of its blocks. */
export function sampleDensity(ensemble: Ensemble, seed: Seed, N: number, i: number): CMatrix<number> {
  if (ensemble === 'hs') return denseFromBlocks(wishartBlocks(sampleRng(seed, N, i), N), N);
  if (ensemble === 'bures') return denseFromFactor(sampleFactor('bures', seed, N, i), 2 ** N);
  return randomState(float64, sampleRng(seed, N, i), ensemble, 2 ** N);
}
