/**
 * The collective steady state as a result: ρ_ss = ⊕_j Gibbs_j ⊗ M_j kept as its spin blocks, with
 * the excitation-sector blocks and the dense 2^N × 2^N matrix built only when asked for.
 */
import type { Field } from '../numeric/field.js';
import type { CMatrix } from '../numeric/matrix.js';
import { sectorOf, type SpinBasis } from './spin-basis.js';
import type { Multiplicity } from './multiplicity-blocks.js';
import { accumulate, cleanZeros, mirrorUpper, scatter, toCMatrix, zeroBlock, type CBlock } from './sector-products.js';

/** The steady state restricted to one total spin j: Gibbs_j ⊗ M_j. */
export interface SpinBlock<T> {
  readonly j: number;
  readonly twoJ: number;
  readonly multiplicity: number;
  /** Spin-part populations r^{m+j} / Σ_{n=0}^{2j} r^n of |j, m⟩, listed for m = −j, …, j (sum 1). */
  readonly weights: readonly T[];
  /** M_j[α, α'] = Σ_m ⟨j, m, α|ρ0|j, m, α'⟩ (its trace is the weight of spin j in ρ0). */
  readonly M: CMatrix<T>;
  /**
   * For a pure initial state: C (multiplicity × (2j + 1)) with M = C C† (M rounded from it), so the
   * spectrum of M is that of the small C† C; absent for a matrix input.
   */
  readonly factor?: CMatrix<T>;
}

/** A stationary coherence Σ X[α, α'] |j, −j, α⟩⟨j', −j', α'| (only at β = ∞ with ω = f). */
export interface GroundCoherence<T> {
  readonly twoJ: number;
  readonly twoJPrime: number;
  readonly X: CMatrix<T>;
}

/** One diagonal block of ρ_ss on the excitation sector k (basis states with k excited qubits). */
export interface SectorBlock<T> {
  readonly k: number;
  /** The sector's global basis indices, ascending. */
  readonly indices: readonly number[];
  /** ρ_ss restricted to the sector (exactly Hermitian). */
  readonly block: CMatrix<T>;
}

export interface CollectiveSteadyState<T> {
  /**
   * ρ_ss in the computational basis (2^N × 2^N), built on first access and then kept. It is the
   * direct sum of `sectors` plus, only when `groundCoherences` is not empty, those cross-sector terms.
   */
  readonly rho: CMatrix<T>;
  /**
   * ρ_ss block by excitation number k = 0 … N (it commutes with H0 unless groundCoherences is not
   * empty); built on first access and then kept.
   */
  readonly sectors: readonly SectorBlock<T>[];
  /** How it was obtained, e.g. "Schur–Weyl exact map (finite β)". */
  readonly method: string;
  /** One block per total spin, j decreasing (the same order as spinBasis(F, N).families). */
  readonly blocks: readonly SpinBlock<T>[];
  /** Stationary coherences between different j (empty except at β = ∞ with ω = f). */
  readonly groundCoherences: readonly GroundCoherence<T>[];
}

/**
 * The diagonal excitation-sector blocks of ⊕_j Gibbs_j ⊗ M_j: B_k = Σ_j w_{j,d} V_{k,j} M_j V_{k,j}ᵀ;
 * with `hermitian` (a density matrix or a vector went in) only the upper triangle is computed and
 * mirrored, so B_k is exactly Hermitian.
 */
function sectorBlocks<T>(F: Field<T>, basis: SpinBasis<T>, mults: readonly Multiplicity<T>[], weights: readonly T[][], hermitian: boolean): SectorBlock<T>[] {
  const { N } = basis;
  const out: SectorBlock<T>[] = [];
  for (let k = 0; k <= N; k++) {
    const xs = basis.sectors[k];
    const B = zeroBlock(F, xs.length, xs.length);
    basis.families.forEach((fam, i) => {
      const d = k - (N - fam.twoJ) / 2;
      if (d < 0 || d > fam.twoJ) return;
      const w = weights[i][d];
      if (F.isZero(w)) return;
      const V = fam.vectors[d];
      const { M, factor } = mults[i];
      // V M Vᵀ, through the factor when it is narrower (pure input: rank ≤ 2j + 1)
      if (factor && factor.cols < fam.multiplicity) accumulate(F, B, V, factor, V, factor, w, hermitian);
      else accumulate(F, B, V, M, V, null, w, hermitian);
    });
    if (hermitian) mirrorUpper(F, B);
    cleanZeros(F, B);
    out.push({ k, indices: xs, block: B });
  }
  return out;
}

/** The dense 2^N × 2^N ρ_ss: sector blocks scattered, plus the ground coherences (cross-sector). */
function materialise<T>(
  F: Field<T>,
  basis: SpinBasis<T>,
  sectors: readonly SectorBlock<T>[],
  ground: readonly { a: number; b: number; X: CBlock<T> }[],
): CMatrix<T> {
  const { N } = basis;
  const rho = zeroBlock(F, 2 ** N, 2 ** N);
  for (const { indices, block } of sectors) scatter(rho, indices, indices, block);
  for (const { a, b, X } of ground) {
    const fa = basis.families[a];
    const fb = basis.families[b];
    const xs = basis.sectors[sectorOf(N, fa.twoJ, 0)];
    const ys = basis.sectors[sectorOf(N, fb.twoJ, 0)];
    const B = zeroBlock(F, xs.length, ys.length);
    accumulate(F, B, fa.vectors[0], X, fb.vectors[0], null, F.one, false);
    cleanZeros(F, B);
    scatter(rho, xs, ys, B);
  }
  return rho;
}

export interface FamilyShape {
  readonly j: number;
  readonly twoJ: number;
  readonly multiplicity: number;
}

/**
 * Assemble the result. `mults` and `weights` follow `families` (j decreasing); `getBasis` gives a
 * basis whose families are a prefix of them (the whole basis, or the symmetric family alone when
 * every other block is zero), called only when the sector blocks or ρ are needed.
 */
export function result<T>(
  F: Field<T>,
  getBasis: () => SpinBasis<T>,
  families: readonly FamilyShape[],
  mults: Multiplicity<T>[],
  weights: T[][],
  ground: { a: number; b: number; X: CBlock<T> }[],
  method: string,
  hermitian: boolean,
): CollectiveSteadyState<T> {
  let sectors: SectorBlock<T>[] | null = null;
  let dense: CMatrix<T> | null = null;
  // The sector blocks and ρ are built on first use: W, C_l1 and the energy need neither (see
  // steady-summary.ts), and at N = 12 the dense matrix is 2 × 16.8 million entries.
  return {
    get sectors(): readonly SectorBlock<T>[] {
      return (sectors ??= sectorBlocks(F, getBasis(), mults, weights, hermitian));
    },
    get rho(): CMatrix<T> {
      return (dense ??= materialise(F, getBasis(), this.sectors, ground));
    },
    method,
    blocks: families.map((fam, i) => {
      const factor = mults[i].factor;
      return {
        j: fam.j,
        twoJ: fam.twoJ,
        multiplicity: fam.multiplicity,
        weights: weights[i],
        get M(): CMatrix<T> {
          return toCMatrix(mults[i].M);
        },
        ...(factor ? { factor: toCMatrix(factor) } : {}),
      };
    }),
    groundCoherences: ground.map(({ a, b, X }) => ({ twoJ: families[a].twoJ, twoJPrime: families[b].twoJ, X: toCMatrix(X) })),
  };
}
