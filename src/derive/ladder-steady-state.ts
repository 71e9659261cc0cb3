/**
 * The steady state reached from the all-ground state of N collectively coupled qubits, derived
 * exactly over Q(y) for any N ≤ 64 through the Schur–Weyl structure of the model.
 *
 * The all-ground state is the bottom |j = N/2, m = −N/2⟩ of the symmetric ladder, so only the spin
 * j = N/2 sector is populated (its conserved weight is 1) and the steady state is a mixture of the
 * ladder states |k⟩ ∝ v_k = J₊^k |0…0⟩ (k excitations; integer vectors, built here). Coherences
 * between different k decay, and the populations p_k obey the balance of the ladder's rates: in
 * the generator /(n̄+1) the emission k+1 → k has rate |⟨k|J₋|k+1⟩|² = ‖v_{k+1}‖²/‖v_k‖² and the
 * absorption k → k+1 the rate y·|⟨k+1|J₊|k⟩|² (the same matrix element), so p_{k+1}/p_k is their
 * ratio, computed from the vectors. The state is Σ_k p_k v_k v_kᵀ/‖v_k‖²: on the sector of k
 * excitations every entry equals p_k/C(N, k), and its spectrum is {p_k} ∪ {0 (2^N − N − 1 times)}
 * with eigenvectors v_k — read off exactly, since the v_k are orthogonal.
 */
import { InputError } from '../errors.js';
import type { CMatrix } from '../numeric/matrix.js';
import { ratFuncField as Rf } from '../symbolic/ratfunc-field.js';
import { rfadd, rfConst, rfdiv, rfmul, rfVar, type RatFunc } from '../symbolic/ratfunc.js';
import type { Level } from './ordering.js';
import { rfReduce } from './polynomial-gcd.js';

export interface LadderSteadyState {
  readonly N: number;
  /** p_k, the population of the ladder state with k excitations (k = 0 … N), over Q(y). */
  readonly populations: readonly RatFunc[];
  /** C(N, k): the number of basis states with k excitations (the size of block k). */
  readonly sectorSizes: readonly bigint[];
  /** The common value p_k / C(N, k) of every entry of block k. */
  readonly blockEntries: readonly RatFunc[];
  /** The spectrum as levels with multiplicity: p_0 … p_N, then 0. */
  readonly levels: readonly Level[];
  readonly how: string;
}

const popcount = (x: number): number => {
  let c = 0;
  for (; x !== 0; x &= x - 1) c++;
  return c;
};

/** Largest N handled (the rational functions have degree N in y; nothing here is 2^N-sized). */
export const MAX_LADDER_QUBITS = 64;

/**
 * The steady state reached from |0…0⟩ for N qubits (1 ≤ N ≤ 64), exactly over Q(y). The ladder
 * vectors are permutation symmetric, so each is kept as its constant value a_k on the sector of k
 * excitations (C(N, k) basis states): J₊ maps a state with k excitations to the C(…) states with one
 * more, and a state with k + 1 excitations is reached from each of its k + 1 excited qubits, so
 * a_{k+1} = (k + 1)·a_k and ‖v_k‖² = C(N, k)·a_k².
 */
export function groundLadderSteadyState(N: number): LadderSteadyState {
  if (!Number.isInteger(N) || N < 1 || N > MAX_LADDER_QUBITS)
    throw new InputError(`groundLadderSteadyState: N must be an integer in [1, ${MAX_LADDER_QUBITS}], got ${N}`);
  const sectorSizes: bigint[] = [1n];
  for (let k = 0; k < N; k++) sectorSizes.push((sectorSizes[k] * BigInt(N - k)) / BigInt(k + 1));
  const a: bigint[] = [1n];
  for (let k = 0; k < N; k++) a.push(a[k] * BigInt(k + 1));
  const norm2 = a.map((x, k) => sectorSizes[k] * x * x);
  const y = rfVar('y');
  // p_{k+1}/p_k = (absorption rate y·g_k)/(emission rate g_k), g_k = ‖v_{k+1}‖²/‖v_k‖²
  const ratios = Array.from({ length: N }, (_, k) => {
    const g = rfConst({ num: norm2[k + 1], den: norm2[k] });
    return rfdiv(rfmul(y, g), g);
  });
  const unnormalised: RatFunc[] = [rfConst(1)];
  for (let k = 0; k < N; k++) unnormalised.push(rfmul(unnormalised[k], ratios[k]));
  const total = unnormalised.reduce((s, p) => rfadd(s, p), rfConst(0));
  const populations = unnormalised.map((p) => rfReduce(rfdiv(p, total)));
  // every entry of p_k v_k v_kᵀ/‖v_k‖² on sector k is p_k a_k²/‖v_k‖²
  const blockEntries = populations.map((p, k) => rfReduce(rfmul(p, rfConst({ num: a[k] * a[k], den: norm2[k] }))));
  const zeros = 2n ** BigInt(N) - BigInt(N + 1);
  const levels: Level[] = populations.map((p, k) => ({ value: p, multiplicity: 1, label: `p${k}` }));
  if (zeros > 0n) levels.push({ value: rfConst(0), multiplicity: Number(zeros), label: '0' });
  const how = `Schur–Weyl: the all-ground state is the bottom of the spin-${N}/2 ladder; ladder vectors J₊^k|0…0⟩ (permutation symmetric, exact integers), populations from the balance of the ladder's emission and absorption rates, normalised over Q(y); spectrum read off the orthogonal ladder vectors`;
  return { N, populations, sectorSizes, blockEntries, levels, how };
}

/** The state as a dense 2^N × 2^N matrix over Q(y) (block k: every entry p_k/C(N, k)); for small N. */
export function ladderStateMatrix(s: LadderSteadyState): CMatrix<RatFunc> {
  if (s.N > 12) throw new InputError(`ladderStateMatrix: N = ${s.N} is too large for a dense matrix (N ≤ 12)`);
  const d = 2 ** s.N;
  const k = Array.from({ length: d }, (_, x) => s.N - popcount(x));
  const re = new Array<RatFunc>(d * d).fill(Rf.zero);
  for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) if (k[a] === k[b]) re[a * d + b] = s.blockEntries[k[a]];
  return { rows: d, cols: d, re, im: new Array<RatFunc>(d * d).fill(Rf.zero) };
}
