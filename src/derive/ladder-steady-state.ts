/**
 * The steady state reached from the all-ground state of N collectively coupled qubits, derived
 * exactly over Q(y) for any N ≤ 12 through the Schur–Weyl structure of the model.
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

/** The steady state reached from |0…0⟩ for N qubits (1 ≤ N ≤ 12), exactly over Q(y). */
export function groundLadderSteadyState(N: number): LadderSteadyState {
  if (!Number.isInteger(N) || N < 1 || N > 12) throw new InputError(`groundLadderSteadyState: N must be an integer in [1, 12], got ${N}`);
  const d = 2 ** N;
  const excited = (x: number): number => N - popcount(x);
  // v_0 = |0…0⟩ (the last basis vector); v_{k+1} = J₊ v_k, J₊ = Σ_i σ⁺_i clears one set bit
  const ladder: bigint[][] = [];
  let v = new Array<bigint>(d).fill(0n);
  v[d - 1] = 1n;
  ladder.push(v);
  for (let k = 0; k < N; k++) {
    const next = new Array<bigint>(d).fill(0n);
    for (let x = 0; x < d; x++) if (v[x] !== 0n) for (let b = 0; b < N; b++) if (x & (1 << b)) next[x ^ (1 << b)] += v[x];
    ladder.push((v = next));
  }
  const norm2 = ladder.map((u) => u.reduce((s, a) => s + a * a, 0n));
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
  // entries of v_k v_kᵀ/‖v_k‖² on sector k: v_k is constant there (k!), so each is v²/‖v_k‖² = 1/C(N, k)
  const sectorSizes = ladder.map((u, k) => BigInt(u.filter((a, x) => a !== 0n && excited(x) === k).length));
  const blockEntries = ladder.map((u, k) => {
    const a = u.find((x) => x !== 0n)!;
    if (u.some((x) => x !== 0n && x !== a)) throw new Error('groundLadderSteadyState: a ladder vector is not constant on its sector');
    return rfReduce(rfmul(populations[k], rfConst({ num: a * a, den: norm2[k] })));
  });
  const zeros = d - (N + 1);
  const levels: Level[] = populations.map((p, k) => ({ value: p, multiplicity: 1, label: `p${k}` }));
  if (zeros > 0) levels.push({ value: rfConst(0), multiplicity: zeros, label: '0' });
  const how = `Schur–Weyl: the all-ground state is the bottom of the spin-${N}/2 ladder; ladder vectors J₊^k|0…0⟩ built exactly, populations from the balance of the ladder's emission and absorption rates, normalised over Q(y); spectrum read off the orthogonal ladder vectors`;
  return { N, populations, sectorSizes, blockEntries, levels, how };
}

/** The state as a dense 2^N × 2^N matrix over Q(y) (block k: every entry p_k/C(N, k)); for small N. */
export function ladderStateMatrix(s: LadderSteadyState): CMatrix<RatFunc> {
  const d = 2 ** s.N;
  const k = Array.from({ length: d }, (_, x) => s.N - popcount(x));
  const re = new Array<RatFunc>(d * d).fill(Rf.zero);
  for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) if (k[a] === k[b]) re[a * d + b] = s.blockEntries[k[a]];
  return { rows: d, cols: d, re, im: new Array<RatFunc>(d * d).fill(Rf.zero) };
}
