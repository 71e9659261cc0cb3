/**
 * The multiplicity-space operators M_j[α, α'] = Σ_m ⟨j, m, α|ρ0|j, m, α'⟩ of an initial state, one
 * per total spin j (and, for a pure state, the factor C with M_j = C C†): everything the collective
 * steady state depends on.
 */
import type { Field } from '../numeric/field.js';
import { gram, type CMatrix } from '../numeric/matrix.js';
import { binomial, type StateVector } from './states.js';
import { sectorOf, type SpinBasis, type SpinFamily } from './spin-basis.js';
import { isMatrix, type InitialState } from './steady-input.js';
import { gather, sandwich, type CBlock } from './sector-products.js';

/** The multiplicity-space operator of one total spin j of ρ0 (see SpinBlock.M). */
export interface MultiplicityBlock<T> {
  /** 2j: an integer 0 ≤ 2j ≤ N with the parity of N. */
  readonly twoJ: number;
  /** M_j, n_j × n_j with n_j = C(N, N/2 − j) − C(N, N/2 − j − 1). */
  readonly M: CMatrix<T>;
}

/** n_j, the number of copies of the spin-j irrep among N qubits. */
export const spinMultiplicity = (N: number, twoJ: number): number => binomial(N, (N - twoJ) / 2) - binomial(N, (N - twoJ) / 2 - 1);

/** Components c[d][α] = ⟨j, d − j, α|ψ⟩ of a state vector on one family (complex; s products each). */
function components<T>(F: Field<T>, basis: SpinBasis<T>, fam: SpinFamily<T>, psi: StateVector<T>): { re: T[][]; im: T[][] } {
  const re: T[][] = [];
  const im: T[][] = [];
  for (let d = 0; d <= fam.twoJ; d++) {
    const xs = basis.sectors[sectorOf(basis.N, fam.twoJ, d)];
    const cr: T[] = [];
    const ci: T[] = [];
    for (const v of fam.vectors[d]) {
      let sr = F.zero;
      let si = F.zero;
      for (let i = 0; i < xs.length; i++) {
        if (F.isZero(v[i])) continue;
        sr = F.add(sr, F.mul(v[i], psi.re[xs[i]]));
        si = F.add(si, F.mul(v[i], psi.im[xs[i]]));
      }
      cr.push(sr);
      ci.push(si);
    }
    re.push(cr);
    im.push(ci);
  }
  return { re, im };
}
/** Per family: M_j and, for a pure state, a factor C with M_j = C C† (C[α][d] = c_{j,d,α}, 2j + 1 columns). */
export interface Multiplicity<T> {
  readonly M: CBlock<T>;
  readonly factor: CBlock<T> | null;
  /** Pure input: the components, for the β = ∞ cross terms. */
  readonly comps: { re: T[][]; im: T[][] } | null;
}

export function multiplicityBlocks<T>(F: Field<T>, basis: SpinBasis<T>, initial: InitialState<T>, hermitian: boolean): Multiplicity<T>[] {
  const { N } = basis;
  // Matrix input: M_j = Σ_d V_dᵀ ρ_kk V_d, each sector block ρ_kk gathered once for all spins in it.
  const matrixBlocks: Record<number, CBlock<T>> = {};
  if (isMatrix(initial)) {
    for (const fam of basis.families) {
      const n = fam.multiplicity;
      matrixBlocks[fam.twoJ] = { rows: n, cols: n, re: new Array<T>(n * n).fill(F.zero), im: new Array<T>(n * n).fill(F.zero) };
    }
    for (let k = 0; k <= N; k++) {
      const xs = basis.sectors[k];
      const R = gather(F, initial, xs, xs);
      for (const fam of basis.families) {
        const d = k - (N - fam.twoJ) / 2;
        if (d < 0 || d > fam.twoJ) continue;
        const S = sandwich(F, R, fam.vectors[d], fam.vectors[d]);
        const M = matrixBlocks[fam.twoJ];
        for (let q = 0; q < M.re.length; q++) {
          M.re[q] = F.add(M.re[q], S.re[q]);
          M.im[q] = F.add(M.im[q], S.im[q]);
        }
      }
    }
    // A (checked) Hermitian ρ0 has Hermitian M_j; make the computed ones exactly so: (M + M†)/2.
    if (hermitian)
      for (const M of Object.values(matrixBlocks)) {
        const n = M.rows;
        for (let a = 0; a < n; a++) {
          M.im[a * n + a] = F.zero;
          for (let b = a + 1; b < n; b++) {
            const re = F.scale2(F.add(M.re[a * n + b], M.re[b * n + a]), -1);
            const im = F.scale2(F.sub(M.im[a * n + b], M.im[b * n + a]), -1);
            M.re[a * n + b] = M.re[b * n + a] = re;
            M.im[a * n + b] = im;
            M.im[b * n + a] = F.neg(im);
          }
        }
      }
  }
  return basis.families.map((fam) => {
    const n = fam.multiplicity;
    if (!isMatrix(initial)) {
      const comps = components(F, basis, fam, initial);
      const w = fam.twoJ + 1;
      const factor: CBlock<T> = { rows: n, cols: w, re: new Array<T>(n * w), im: new Array<T>(n * w) };
      for (let a = 0; a < n; a++)
        for (let d = 0; d < w; d++) {
          factor.re[a * w + d] = comps.re[d][a];
          factor.im[a * w + d] = comps.im[d][a];
        }
      // M[α][α'] = Σ_d C[α][d] conj(C[α'][d]) = C C†, exactly Hermitian; formed on first use
      // (the spectrum and C_l1 go through the narrower factor)
      let M: CBlock<T> | null = null;
      return {
        get M(): CBlock<T> {
          return (M ??= gram(F, factor as CMatrix<T>) as unknown as CBlock<T>);
        },
        factor,
        comps,
      };
    }
    return { M: matrixBlocks[fam.twoJ], factor: null, comps: null };
  });
}
