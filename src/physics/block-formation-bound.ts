/**
 * A-priori bounds on the rounding in forming the multiplicity blocks M_j of a density matrix
 * (multiplicity-blocks.ts), so that a bound on the steady state's W can start from the exact ρ0.
 *
 * M_j = Σ_d V_d ρ_kk V_dᵀ with V_d the rows of the Schur–Weyl basis (spin-basis.ts) at depth d.
 * Computed: M̂_j = fl(Σ_d V̂_d ρ̂ V̂_dᵀ) from the basis V̂ = V + E and the entries ρ̂ of ρ0 as held.
 * With ‖V_d‖₂ = 1 (orthonormal rows),
 *   ‖M̂_j − M_j‖_F ≤ Σ_d [ γ·√2·‖V̂_d‖_F²·‖ρ̂‖_F + (2ε_d + ε_d²)·‖ρ̂‖_F + ‖ρ̂ − ρ‖_F ],
 * γ = 1.01·n·u the rounding of a chain of n = 2s + 2j + 6 operations (the two products of length
 * s, the sum over depths, the Hermitian average), ε_d ≥ ‖E_d‖_F. The basis error E is not taken on
 * trust: each entry of a sequential-coupling (Yamanouchi) vector is a single product of
 * Clebsch–Gordan coefficients (Condon–Shortley phases), ± the square root of an exact rational,
 * which is evaluated with three roundings and compared with the entry of V̂; the difference plus
 * the rounding of the closed form bounds |E| entry by entry. ‖M̂ − M‖₂ ≤ ‖M̂ − M‖_F moves each
 * eigenvalue by at most that much (Weyl), and |Tr M̂ − Tr M| ≤ √n_j·‖M̂ − M‖_F.
 */
import type { Field } from '../numeric/field.js';
import type { CMatrix } from '../numeric/matrix.js';
import { sectorOf, spinBasis, type SpinBasis } from './spin-basis.js';

/** Per family of spinBasis(F, N): a bound ε_d ≥ ‖V̂_d − V_d‖_F for each depth d, and ‖V̂_d‖_F². */
export interface BasisError<T> {
  readonly twoJ: number;
  readonly error: readonly T[];
  readonly normSquared: readonly T[];
}

const basisErrorCache = new WeakMap<object, Map<number, BasisError<unknown>[]>>();

/** The Yamanouchi paths 2j_1 = 1, 2j_2, …, 2j_N for each final 2j, in the order spinBasis lists its multiplicity labels. */
function yamanouchiPaths(N: number): Map<number, number[][]> {
  let paths = new Map<number, number[][]>([[1, [[1]]]]);
  for (let n = 2; n <= N; n++) {
    const next = new Map<number, number[][]>();
    const push = (t: number, p: number[]): void => {
      const list = next.get(t);
      if (list) list.push(p);
      else next.set(t, [p]);
    };
    for (const [t1, list] of [...paths.entries()].sort((a, b) => b[0] - a[0]))
      for (const p of list) {
        push(t1 + 1, [...p, t1 + 1]);
        if (t1 >= 1) push(t1 - 1, [...p, t1 - 1]);
      }
    paths = next;
  }
  return paths;
}

/**
 * The entry ⟨x|j, m; path⟩ as sign·√(num/den): the product over qubits (most significant first,
 * bit 0 = excited, σ = +½) of ⟨j1, m1; ½, σ|j, m⟩ with, in doubled units J1 = 2j1, M = 2m:
 * J = J1 + 1: σ = +½ → √((J1 + M + 1)/(2(J1 + 1))), σ = −½ → √((J1 − M + 1)/(2(J1 + 1)));
 * J = J1 − 1: σ = +½ → −√((J1 − M + 1)/(2(J1 + 1))), σ = −½ → +√((J1 + M + 1)/(2(J1 + 1))).
 */
function closedFormEntry(N: number, path: readonly number[], x: number): { sign: number; num: number; den: number } {
  const sigma = (i: number): number => (((x >> (N - 1 - i)) & 1) === 0 ? 1 : -1); // doubled σ of qubit i
  let M = sigma(0);
  let sign = 1;
  // integers: each factor ≤ 2N, den ≤ 2^(N−1)·N! — exact in a double up to N = 13 (checked)
  let num = 1;
  let den = 1;
  for (let i = 1; i < N; i++) {
    const J1 = path[i - 1];
    const J = path[i];
    const s = sigma(i);
    M += s;
    if (Math.abs(M) > J) return { sign: 0, num: 0, den: 1 };
    const plus = J1 + M + 1;
    const minus = J1 - M + 1;
    const top = J === J1 + 1 ? (s > 0 ? plus : minus) : s > 0 ? minus : plus;
    if (J === J1 - 1 && s > 0) sign = -sign;
    if (top === 0) return { sign: 0, num: 0, den: 1 };
    num *= top;
    den *= 2 * (J1 + 1);
  }
  if (!Number.isSafeInteger(den)) throw new RangeError(`spinBasisErrors: ${N} qubits are beyond the exact closed form`);
  return { sign, num, den };
}

/**
 * ε_d and ‖V̂_d‖_F² for every family and depth of spinBasis(F, N), from the closed form (file
 * header). Cached per (field, N). Cost: N products per stored entry of the basis.
 */
export function spinBasisErrors<T>(F: Field<T>, N: number): BasisError<T>[] {
  let byN = basisErrorCache.get(F);
  if (!byN) basisErrorCache.set(F, (byN = new Map()));
  const hit = byN.get(N);
  if (hit) return hit as BasisError<T>[];
  const basis: SpinBasis<T> = spinBasis(F, N);
  const paths = yamanouchiPaths(N);
  const u = F.epsilon;
  // the closed form: num/den divided once, then one square root: |δ| ≤ 1.5u(1 + u) when the
  // integers are held exactly (float64 up to 2^53, a decimal up to its digits), else two more roundings
  const digits = F.kind === 'float64' ? 15 : F.digits;
  const closedFormRel = (den: number): T => F.mul(F.fromNumber(String(den).length <= digits ? 1.52 : 2.53), u);
  const out: BasisError<T>[] = basis.families.map((fam) => {
    const famPaths = paths.get(fam.twoJ) ?? [];
    const error: T[] = [];
    const normSquared: T[] = [];
    for (let d = 0; d <= fam.twoJ; d++) {
      const xs = basis.sectors[sectorOf(N, fam.twoJ, d)];
      let e2 = F.zero;
      let n2 = F.zero;
      fam.vectors[d].forEach((v, a) => {
        const path = famPaths[a];
        for (let i = 0; i < xs.length; i++) {
          const c = path ? closedFormEntry(N, path, xs[i]) : { sign: 0, num: 0, den: 1 };
          const exact = c.sign === 0 ? F.zero : F.sqrt(F.div(F.fromString(String(c.num)), F.fromString(String(c.den))));
          const signed = c.sign < 0 ? F.neg(exact) : exact;
          // |V̂ − V| ≤ |V̂ − V̂'| + |V̂' − V| (the subtraction's own rounding is inside the 10% below)
          const e = F.add(F.abs(F.sub(v[i], signed)), F.mul(closedFormRel(c.den), F.abs(signed)));
          e2 = F.add(e2, F.mul(e, e));
          n2 = F.add(n2, F.mul(v[i], v[i]));
        }
      });
      // sums of non-negative terms: the rounding of the sums, the squares and the square root is far below 10%
      error.push(F.mul(F.fromNumber(1.1), F.sqrt(F.mul(F.fromNumber(1.1), e2))));
      normSquared.push(F.mul(F.fromNumber(1.1), n2));
    }
    return { twoJ: fam.twoJ, error, normSquared };
  });
  byN.set(N, out as BasisError<unknown>[]);
  return out;
}

/**
 * For each family of spinBasis(F, N): a bound on ‖M̂_j − M_j‖_F for the blocks formed by
 * multiplicityBlocks(F, spinBasis(F, N), rho, true), where the exact ρ0 differs from `rho` entry by
 * entry by at most `entryRounding`·|entry| (0 when rho is the exact input).
 */
export function blockFormationBounds<T>(F: Field<T>, N: number, rho: CMatrix<T>, entryRounding: T = F.zero): T[] {
  const basis = spinBasis(F, N);
  const errors = spinBasisErrors(F, N);
  // ‖ρ̂‖_F, summed in F with a margin (non-negative terms)
  let f2 = F.zero;
  for (let k = 0; k < rho.re.length; k++) f2 = F.add(f2, F.add(F.mul(rho.re[k], rho.re[k]), F.mul(rho.im[k], rho.im[k])));
  const R = F.mul(F.fromNumber(1.1), F.sqrt(f2));
  const u = F.epsilon;
  return basis.families.map((fam, i) => {
    let s = 0;
    for (let d = 0; d <= fam.twoJ; d++) s = Math.max(s, basis.sectors[sectorOf(N, fam.twoJ, d)].length);
    const gamma = F.mul(F.fromNumber(1.01 * Math.SQRT2 * (2 * s + fam.twoJ + 6)), u);
    let total = F.zero;
    for (let d = 0; d <= fam.twoJ; d++) {
      const eps = errors[i].error[d];
      const term = F.add(F.add(F.mul(gamma, errors[i].normSquared[d]), F.add(F.scale2(eps, 1), F.mul(eps, eps))), F.mul(F.fromNumber(1.1), entryRounding));
      total = F.add(total, F.mul(term, R));
    }
    return F.mul(total, F.fromNumber(1.01));
  });
}
