/**
 * Qubit operators of the model (σ±_i, J±, J_z, H0) as dense complex matrices over any Field.
 *
 * Basis convention (the paper's, and QuTiP's): for each qubit, index 0 is the EXCITED state
 * |1⟩ = |e⟩ and index 1 the GROUND state |0⟩ = |g⟩; qubit 0 is the most significant (first
 * Kronecker factor). So a basis index's bit for qubit i is 0 when that qubit is excited, and for two
 * qubits the order is |11⟩, |10⟩, |01⟩, |00⟩: the all-ground state is the LAST basis vector. This is
 * the order the paper uses for two qubits, where H0's ground state is [0, 0, 0, 1]ᵀ.
 *
 * Every matrix here has entries 0, ±1 or small integers (times ω for H0), built directly from
 * the bit rules (no Kronecker products), so results are exact in every field.
 */
import { InputError } from '../errors.js';
import type { Field } from '../numeric/field.js';
import { zeros, type CMatrix } from '../numeric/matrix.js';

/**
 * Largest N for which dense 2^N × 2^N operators are built: a dense matrix holds 2·4^N field
 * values, which at N = 12 is already 33 million (≈ 270 MB of float64).
 */
export const MAX_DENSE_QUBITS = 12;

/**
 * Largest N of the float64 steady-state kernel (steady-kernel.ts), which never forms a 2^N × 2^N
 * matrix: its Schur–Weyl basis holds C(2N, N) values (4·10⁷ at N = 14, ≈ 0.3 GB per copy).
 */
export const MAX_KERNEL_QUBITS = 14;

/** Throws InputError unless N is an integer in [1, max] (default MAX_DENSE_QUBITS); exact check. */
export function assertQubitCount(N: number, where: string = 'qubits', max: number = MAX_DENSE_QUBITS): void {
  if (!Number.isInteger(N) || N < 1 || N > max) {
    throw new InputError(`${where}: number of qubits must be an integer in [1, ${max}], got ${N}`);
  }
}

/** Throws RangeError unless i is a qubit index in [0, N); exact check. */
export function assertQubitIndex(N: number, i: number, where: string): void {
  if (!Number.isInteger(i) || i < 0 || i >= N) {
    throw new RangeError(`${where}: qubit index must be an integer in [0, ${N - 1}], got ${i}`);
  }
}

/** Hilbert-space dimension 2^N (exact). */
export function dim(N: number): number {
  assertQubitCount(N, 'dim');
  return 2 ** N;
}

/** The bit of a basis index that belongs to qubit i (qubit 0 most significant); exact. */
export function qubitMask(N: number, i: number): number {
  assertQubitIndex(N, i, 'qubitMask');
  return 1 << (N - 1 - i);
}

/** Whether qubit i is excited in basis state `index` (its bit is 0); exact. */
export const isExcited = (index: number, N: number, i: number): boolean => (index & qubitMask(N, i)) === 0;

/** Number of set bits of a non-negative integer below 2^31. */
export function popcount(x: number): number {
  let c = 0;
  for (; x !== 0; x &= x - 1) c++;
  return c;
}

/** Number of excited qubits in basis state `index` (N minus the number of set bits); exact. */
export function excitations(index: number, N: number): number {
  assertQubitCount(N, 'excitations');
  if (!Number.isInteger(index) || index < 0 || index >= 2 ** N) {
    throw new RangeError(`excitations: basis index must be an integer in [0, ${2 ** N - 1}], got ${index}`);
  }
  return N - popcount(index);
}

/**
 * Basis index of a product state written as in the paper, one character per qubit with
 * '1' = excited and '0' = ground, qubit 0 first: basisIndex('11') = 0, basisIndex('00') = 3; exact.
 */
export function basisIndex(label: string): number {
  if (!/^[01]+$/.test(label)) throw new InputError(`basisIndex: label must be a non-empty string of 0 (ground) and 1 (excited), got "${label}"`);
  assertQubitCount(label.length, 'basisIndex');
  let index = 0;
  for (const ch of label) index = 2 * index + (ch === '1' ? 0 : 1);
  return index;
}

/** Inverse of basisIndex: the paper's label ('1' = excited) of basis index `index`; exact. */
export function basisLabel(index: number, N: number): string {
  excitations(index, N); // validates
  let s = '';
  for (let i = 0; i < N; i++) s += (index & (1 << (N - 1 - i))) === 0 ? '1' : '0';
  return s;
}

/** σ⁺_i = |e⟩⟨g| on qubit i: maps the basis index with qubit i ground to the one with it excited; exact. */
export function sigmaPlus<T>(F: Field<T>, N: number, i: number): CMatrix<T> {
  const d = dim(N);
  const m = qubitMask(N, i);
  const S = zeros(F, d);
  for (let c = 0; c < d; c++) if ((c & m) !== 0) S.re[(c ^ m) * d + c] = F.one;
  return S;
}

/** σ⁻_i = |g⟩⟨e| on qubit i (the adjoint of σ⁺_i); exact. */
export function sigmaMinus<T>(F: Field<T>, N: number, i: number): CMatrix<T> {
  const d = dim(N);
  const m = qubitMask(N, i);
  const S = zeros(F, d);
  for (let c = 0; c < d; c++) if ((c & m) === 0) S.re[(c ^ m) * d + c] = F.one;
  return S;
}

/** σᶻ_i = |e⟩⟨e| − |g⟩⟨g| on qubit i (diagonal, +1 where qubit i is excited); exact. */
export function sigmaZ<T>(F: Field<T>, N: number, i: number): CMatrix<T> {
  const d = dim(N);
  const m = qubitMask(N, i);
  const S = zeros(F, d);
  const minusOne = F.neg(F.one);
  for (let c = 0; c < d; c++) S.re[c * d + c] = (c & m) === 0 ? F.one : minusOne;
  return S;
}

/** Sum over qubits of single-qubit operators: each entry is a small integer, so exact. */
function collective<T>(F: Field<T>, N: number, op: (F: Field<T>, N: number, i: number) => CMatrix<T>): CMatrix<T> {
  const d = dim(N);
  const J = zeros(F, d);
  for (let i = 0; i < N; i++) {
    const S = op(F, N, i);
    for (let k = 0; k < d * d; k++) if (!F.isZero(S.re[k])) J.re[k] = F.add(J.re[k], S.re[k]);
  }
  return J;
}

/** Collective raising operator J⁺ = Σ_i σ⁺_i; exact. */
export const jPlus = <T>(F: Field<T>, N: number): CMatrix<T> => collective(F, N, sigmaPlus);

/** Collective lowering operator J⁻ = Σ_i σ⁻_i; exact. */
export const jMinus = <T>(F: Field<T>, N: number): CMatrix<T> => collective(F, N, sigmaMinus);

/** J_z = ½ Σ_i σᶻ_i (diagonal: excitations − N/2); exact (halving is exact in every field). */
export function jz<T>(F: Field<T>, N: number): CMatrix<T> {
  const J = collective(F, N, sigmaZ);
  return { ...J, re: J.re.map((x) => (F.isZero(x) ? x : F.scale2(x, -1))) };
}

/** Diagonal number operator Σ_i σ⁺_i σ⁻_i (entry = number of excited qubits); exact. */
export function excitationNumber<T>(F: Field<T>, N: number): CMatrix<T> {
  const d = dim(N);
  const M = zeros(F, d);
  for (let c = 0; c < d; c++) M.re[c * d + c] = F.fromNumber(excitations(c, N));
  return M;
}

/** H0 = ω Σ_i σ⁺_i σ⁻_i: diagonal ω·(excitations); each entry one multiplication (correctly rounded). */
export function h0<T>(F: Field<T>, N: number, omega: T): CMatrix<T> {
  const d = dim(N);
  const M = zeros(F, d);
  for (let c = 0; c < d; c++) M.re[c * d + c] = F.mul(omega, F.fromNumber(excitations(c, N)));
  return M;
}
