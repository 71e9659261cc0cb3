/**
 * Ergotropy: W = Tr(ρH) − Σ_k r_k↓ ε_k↑, the energy above the passive state obtained by
 * pairing the eigenvalues of ρ in decreasing order with the levels of H (with multiplicity) in
 * increasing order (Allahverdyan, Balian & Nieuwenhuizen; the paper's ref. [23]).
 *
 * Accuracy. Decimal fields: the entries of ρ and H are taken as exact; the spectra are computed
 * with GUARD_DIGITS extra digits and certified, the energy and the passive energy are summed from
 * exact values with every rounding counted (passive-energy.ts), and the results are rounded into
 * the caller's field with that rounding measured and added. `errorBound` bounds the distance from
 * the true value of each returned number — ergotropy, energy, passive energy and each eigenvalue —
 * exactly as returned, so the decimal string of any of them (all their digits) is within it.
 * float64: the same quantities with a-priori rounding bounds of the float64 sums, plus the
 * rounding of a 17-significant-digit print of each. A result below
 * −errorBound is impossible mathematically and throws InternalError: it is never clamped to zero.
 */
import { InternalError } from '../errors.js';
import type { Field } from '../numeric/field.js';
import type { CMatrix } from '../numeric/matrix.js';
import { convertMatrix, traceProduct, zeros } from '../numeric/matrix.js';
import { eigh, eighExact, type Eigen } from '../numeric/eigh.js';
import { GUARD_DIGITS, decimalField, type DecimalField } from '../numeric/decimal.js';
import { FixedPointSum, bitsForSum, exactValue, floorLog2 } from '../numeric/exact-bounds.js';
import { RZERO, rcmp, rmul, rneg, type Rational, type RationalMatrix } from '../numeric/rational.js';
import { assertPositiveSpectrumExact, checkDensityExact, defaultTolerance } from './density.js';
import { excitations } from './qubits.js';
import { certifiedErgotropy } from './passive-energy.js';

export interface ErgotropyResult<T> {
  /** W = energy − passiveEnergy. */
  ergotropy: T;
  /** Rigorous bound on the error of each of ergotropy, energy, passiveEnergy and eigenvalues, as returned. */
  errorBound: T;
  /** Tr(ρH). */
  energy: T;
  /** Tr(ρ_p H) = Σ_k r_k↓ ε_k↑. */
  passiveEnergy: T;
  /** Eigenvalues of ρ, decreasing. */
  eigenvalues: T[];
  /** Each eigenvalue is within this of the true one of the same rank (≤ errorBound). */
  eigenvalueBound: T;
  /** Levels of H, increasing, with multiplicity (rounded into decimal fields when first read). */
  levels: T[];
  /** The passive state Σ_k r_k↓ |ε_k⟩⟨ε_k| (one choice of basis within degenerate levels; formed when first read in decimal fields). */
  passiveState: CMatrix<T>;
}

function isDiagonal<T>(F: Field<T>, H: CMatrix<T>): boolean {
  const n = H.rows;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && !(F.isZero(H.re[i * n + j]) && F.isZero(H.im[i * n + j]))) return false;
  return true;
}

/** Ergotropy of ρ for Hamiltonian H (the maximal work extractable by a unitary); ρ should be a validated density matrix. */
export function ergotropy<T>(F: Field<T>, rho: CMatrix<T>, H: CMatrix<T>): ErgotropyResult<T> {
  if (rho.rows !== rho.cols) throw new RangeError(`ergotropy: ρ is ${rho.rows}×${rho.cols}, not square`);
  if (H.rows !== H.cols || H.rows !== rho.rows) throw new RangeError(`ergotropy: H is ${H.rows}×${H.cols} but ρ is ${rho.rows}×${rho.cols}`);
  if (F.kind === 'decimal') {
    // The entries of ρ and H are the exact input: decomposed as they are, nothing rounded first.
    const D = F as unknown as DecimalField;
    const W = workingField(D.precision);
    const exact = (M: CMatrix<Dec>): RationalMatrix => ({
      rows: M.rows,
      cols: M.cols,
      re: M.re.map((x) => exactValue(D, x)),
      im: M.im.map((x) => exactValue(D, x)),
      hasFloatEntries: false,
    });
    const rhoQ = exact(rho as unknown as CMatrix<Dec>);
    let hInput: ExactInput['H'];
    if (isDiagonal(F, H)) hInput = { diagonal: Array.from({ length: H.rows }, (_, i) => exactValue(D, H.re[i * H.rows + i] as unknown as Dec)) };
    else {
      const HQ = exact(H as unknown as CMatrix<Dec>);
      hInput = { eigen: eighExact(W, HQ), entry: (k) => [HQ.re[k], HQ.im[k]] };
    }
    return ergotropyExact(D, { rhoEigen: eighExact(W, rhoQ), rhoEntry: (k) => [rhoQ.re[k], rhoQ.im[k]], H: hInput }) as unknown as ErgotropyResult<T>;
  }
  return ergotropyInField(F, rho, H);
}

type Dec = DecimalField['zero'];

/**
 * The exact input of a decimal ergotropy: a certified decomposition of the exact ρ in the working
 * field W (P + GUARD_DIGITS digits) and its exact entries; H either as exact diagonal levels or,
 * like ρ, as a certified decomposition of the exact H and its exact entries. The certificates bound
 * the distance from the eigenvalues of the exact matrices: no rounding of the entries is left to
 * account for.
 */
export interface ExactInput {
  rhoEigen: Eigen<Dec>;
  rhoEntry: (k: number) => [Rational, Rational];
  H: { diagonal: Rational[] } | { eigen: Eigen<Dec>; entry: (k: number) => [Rational, Rational] };
}

/** The working field of a decimal ergotropy at `precision` digits. */
export const workingField = (precision: number): DecimalField => decimalField(precision + GUARD_DIGITS);

/**
 * Ergotropy of exact input at D's precision: the certified spectra of ρ (and of H unless diagonal)
 * in the working field, the energy Tr(ρH) from the exact entries at a fixed binary point with every
 * rounding counted, and the rigorous assembly of passive-energy.ts; the results are rounded into D
 * with the roundings in the bound. The passive state is formed only when it is read.
 */
export function ergotropyExact(D: DecimalField, input: ExactInput): ErgotropyResult<Dec> {
  const W = workingField(D.precision);
  const er = input.rhoEigen;
  const n = er.values.length;
  const rhoBound = exactValue(W, er.certificate!.bound);
  const r = er.values.slice().reverse(); // decreasing
  let levels: Rational[] | Dec[];
  let levelBound: Rational = RZERO;
  let levelVectors: (() => CMatrix<Dec>) | null = null;
  let order: number[] | null = null;
  // Energy Tr(ρH) = Σ_ij Re(ρ_ij H_ji), from the exact entries.
  const terms: [Rational, Rational][] = [];
  if ('diagonal' in input.H) {
    const d = input.H.diagonal;
    order = d.map((_, i) => i).sort((a, b) => rcmp(d[a], d[b]) || a - b);
    levels = order.map((i) => d[i]);
    for (let i = 0; i < n; i++) terms.push([input.rhoEntry(i * n + i)[0], d[i]]);
  } else {
    const eh = input.H.eigen;
    levels = eh.values;
    levelBound = exactValue(W, eh.certificate!.bound);
    levelVectors = () => eh.vectors;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const [hr, hi] = input.H.entry(j * n + i);
        if (hr.num === 0n && hi.num === 0n) continue;
        const [pr, pi] = input.rhoEntry(i * n + j);
        terms.push([pr, hr], [rneg(pi), hi]);
      }
  }
  const energy = exactEnergy(D.precision, terms);
  const c = certifiedErgotropy<Dec>(D, energy, { values: r, bound: rhoBound }, { values: levels, bound: levelBound });
  let passiveState: CMatrix<Dec> | undefined;
  let levelsInD: Dec[] | undefined;
  return {
    ergotropy: c.ergotropy,
    errorBound: c.errorBound,
    energy: c.energy,
    passiveEnergy: c.passiveEnergy,
    eigenvalues: c.populations,
    eigenvalueBound: c.populationBound,
    get levels() {
      levelsInD ??= (levels as (Rational | Dec)[]).map((x) => (isDecimal(x) ? D.fromString(x.toString()) : D.fromRational(x)));
      return levelsInD;
    },
    get passiveState() {
      passiveState ??= passiveStateOf(W, D, r, order, levelVectors);
      return passiveState;
    },
  };
}

/**
 * Σ_k r_k |ε_k⟩⟨ε_k| in W, rounded into D: r_k (decreasing) on the k-th lowest level, the levels
 * either the basis states in `order` (H diagonal) or the columns of `vectors`.
 */
function passiveStateOf(W: DecimalField, D: DecimalField, r: readonly Dec[], order: number[] | null, vectors: (() => CMatrix<Dec>) | null): CMatrix<Dec> {
  const n = r.length;
  const passiveState = zeros(W, n);
  if (order) {
    // H diagonal: the passive state is diagonal, r_k on the k-th lowest level
    order.forEach((i, k) => (passiveState.re[i * n + i] = r[k]));
  } else {
    const V = vectors!();
    for (let k = 0; k < n; k++) {
      if (r[k].isZero()) continue;
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          // r_k v_i conj(v_j)
          const [ar, ai, br, bi] = [V.re[i * n + k], V.im[i * n + k], V.re[j * n + k], V.im[j * n + k]];
          passiveState.re[i * n + j] = passiveState.re[i * n + j].plus(r[k].times(ar.times(br).plus(ai.times(bi))));
          passiveState.im[i * n + j] = passiveState.im[i * n + j].plus(r[k].times(ai.times(br).minus(ar.times(bi))));
        }
    }
  }
  return convertMatrix(W, D, passiveState);
}

const isDecimal = (x: unknown): x is Dec => typeof x === 'object' && x !== null && 'isZero' in x;

/** Σ a_k b_k of exact rationals at a fixed binary point fine enough for `digits`, with its rounding bound. */
function exactEnergy(digits: number, terms: readonly [Rational, Rational][]): { value: Rational; bound: Rational } {
  let maxLog2 = -Infinity;
  for (const [a, b] of terms) if (a.num !== 0n && b.num !== 0n) maxLog2 = Math.max(maxLog2, floorLog2(a) + floorLog2(b) + 2);
  if (maxLog2 === -Infinity) return { value: RZERO, bound: RZERO };
  const S = new FixedPointSum(bitsForSum(digits, maxLog2, terms.length));
  for (const [a, b] of terms) S.addProduct(a.num, a.den, b.num, b.den);
  return { value: S.value, bound: S.error };
}

function ergotropyInField<T>(F: Field<T>, rho: CMatrix<T>, H: CMatrix<T>): ErgotropyResult<T> {
  const n = rho.rows;
  const er = eigh(F, rho);
  const rhoBound = er.certificate!.bound;
  const r = er.values.slice().reverse(); // decreasing
  // Levels of H with their eigenvectors: exact for diagonal H, certified eigh otherwise.
  let levels: T[];
  let levelVector: (k: number, i: number) => [T, T];
  let hBound = F.zero;
  let diagonalLevels: number[] | null = null;
  if (isDiagonal(F, H)) {
    const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => F.cmp(H.re[a * n + a], H.re[b * n + b]) || a - b);
    diagonalLevels = idx;
    levels = idx.map((i) => H.re[i * n + i]);
    levelVector = (k, i) => [i === idx[k] ? F.one : F.zero, F.zero];
  } else {
    const eh = eigh(F, H);
    levels = eh.values;
    hBound = eh.certificate!.bound;
    levelVector = (k, i) => [eh.vectors.re[i * n + k], eh.vectors.im[i * n + k]];
  }
  const energy = traceProduct(F, rho, H).re;
  let passiveEnergy = F.zero;
  let sumAbsLevels = F.zero;
  let sumAbsR = F.zero;
  let sumAbsTerms = F.zero;
  for (let k = 0; k < n; k++) {
    passiveEnergy = F.add(passiveEnergy, F.mul(r[k], levels[k]));
    sumAbsLevels = F.add(sumAbsLevels, F.abs(levels[k]));
    sumAbsR = F.add(sumAbsR, F.abs(r[k]));
    sumAbsTerms = F.add(sumAbsTerms, F.abs(F.mul(r[k], levels[k])));
  }
  // Rounding of Tr(ρH): a complex dot product of length n² with terms bounded by |ρ_ij||H_ji|.
  let sumAbsEnergy = F.zero;
  for (let i = 0; i < n * n; i++) {
    const j = (i % n) * n + Math.floor(i / n);
    sumAbsEnergy = F.add(sumAbsEnergy, F.mul(F.add(F.abs(rho.re[i]), F.abs(rho.im[i])), F.add(F.abs(H.re[j]), F.abs(H.im[j]))));
  }
  const roundingUnits = F.fromNumber(2.02 * (2 * n * n + n + 4));
  const rounding = F.mul(F.mul(roundingUnits, unitFor(F)), F.add(F.add(sumAbsEnergy, sumAbsTerms), F.one));
  const errorBound = F.add(F.add(F.mul(rhoBound, sumAbsLevels), F.mul(hBound, F.add(sumAbsR, rhoBound))), rounding);
  const W = F.sub(energy, passiveEnergy);
  if (F.cmp(W, F.neg(errorBound)) < 0) {
    throw new InternalError(`ergotropy: computed W = ${F.toString(W, 6)} is below −errorBound = −${F.toString(errorBound, 3)}; this is a bug in ergocheck`);
  }
  const passiveState = zeros(F, n);
  if (diagonalLevels) {
    // H diagonal: the passive state is diagonal, r_k on the k-th lowest level
    diagonalLevels.forEach((i, k) => (passiveState.re[i * n + i] = r[k]));
  } else {
    for (let k = 0; k < n; k++) {
      if (F.isZero(r[k])) continue;
      const vr: T[] = [];
      const vi: T[] = [];
      for (let i = 0; i < n; i++) {
        const [a, b] = levelVector(k, i);
        vr.push(a);
        vi.push(b);
      }
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          // r_k v_i conj(v_j)
          const re = F.add(F.mul(vr[i], vr[j]), F.mul(vi[i], vi[j]));
          const im = F.sub(F.mul(vi[i], vr[j]), F.mul(vr[i], vi[j]));
          passiveState.re[i * n + j] = F.add(passiveState.re[i * n + j], F.mul(r[k], re));
          passiveState.im[i * n + j] = F.add(passiveState.im[i * n + j], F.mul(r[k], im));
        }
    }
  }
  // Printed with 17 significant digits a float64 moves by < u·|x|: one more 2u of the largest
  // value printed keeps every printed string within the bound.
  let largest = F.abs(W);
  for (const x of [energy, passiveEnergy, ...r]) if (F.cmp(F.abs(x), largest) > 0) largest = F.abs(x);
  const printing = F.mul(F.add(F.epsilon, F.epsilon), largest);
  const eigenvalueBound = F.add(rhoBound, printing);
  const valueBound = F.add(errorBound, printing);
  return {
    ergotropy: W,
    errorBound: F.cmp(valueBound, eigenvalueBound) >= 0 ? valueBound : eigenvalueBound,
    energy,
    passiveEnergy,
    eigenvalues: r,
    eigenvalueBound,
    levels,
    passiveState,
  };
}

/** The field's per-operation error unit: relative fields use epsilon, fixed point is not supported here. */
function unitFor<T>(F: Field<T>): T {
  if (F.errorModel !== 'relative') throw new RangeError(`ergotropy: ${F.name} is not supported (use float64 or a decimal field)`);
  return F.epsilon;
}

/** The Hamiltonian of an exact ergotropy: a Hermitian matrix read exactly, or H0 = ω·(excitations) on N qubits. */
export type ExactHamiltonian = { matrix: RationalMatrix } | { qubits: number; omega: Rational };

export interface ExactStateOptions {
  /** Input tolerance of the density checks (see density.ts; default there). */
  tolerance?: number;
  /** Name of ρ in error messages. */
  what?: string;
}

/**
 * Validate the exact state Q (Hermitian and of unit trace exactly, positive semidefinite by its
 * certified spectrum) and return its ergotropy for the exact H at D's precision. ρ (and H unless
 * diagonal) is decomposed once, from its exact entries, in the working field, for both the
 * positivity check and the ergotropy: no rounding of the entries enters the bound (a copy rounded
 * into the working field would add its distance ‖ρ − ρ_W‖₂ by Weyl's inequality).
 */
export function ergotropyOfExactState(D: DecimalField, Q: RationalMatrix, H: ExactHamiltonian, options: ExactStateOptions = {}): ErgotropyResult<Dec> {
  const what = options.what ?? 'ρ';
  const tolerance = options.tolerance ?? defaultTolerance(Q);
  checkDensityExact(Q, tolerance, what);
  const n = Q.rows;
  const W = workingField(D.precision);
  const rhoEigen = eighExact(W, Q);
  assertPositiveSpectrumExact(W, Q, rhoEigen, tolerance, what, W.fromString(D.epsilon.toString()));
  let hInput: ExactInput['H'];
  if ('qubits' in H) {
    if (2 ** H.qubits !== n) throw new RangeError(`ergotropyOfExactState: ρ is ${n}×${n}, not a state of ${H.qubits} qubits`);
    hInput = { diagonal: Array.from({ length: n }, (_, i) => rmul(H.omega, { num: BigInt(excitations(i, H.qubits)), den: 1n })) };
  } else {
    const M = H.matrix;
    if (M.rows !== n || M.cols !== n) throw new RangeError(`ergotropyOfExactState: H is ${M.rows}×${M.cols} but ρ is ${n}×${n}`);
    let diagonal = true;
    for (let i = 0; i < n && diagonal; i++)
      for (let j = 0; j < n && diagonal; j++) if (i !== j && (M.re[i * n + j].num !== 0n || M.im[i * n + j].num !== 0n)) diagonal = false;
    hInput = diagonal ? { diagonal: Array.from({ length: n }, (_, i) => M.re[i * n + i]) } : { eigen: eighExact(W, M), entry: (k) => [M.re[k], M.im[k]] };
  }
  return ergotropyExact(D, { rhoEigen, rhoEntry: (k) => [Q.re[k], Q.im[k]], H: hInput });
}
