/**
 * The ergotropy W (H0 = ω·excitations), the l1-norm of coherence C_l1 (computational basis) and
 * the energy of a collective steady state from its spin blocks, never from a 2^N × 2^N matrix.
 *
 * ρ_ss = ⊕_j Gibbs_j ⊗ M_j commutes with H0, and its spectrum is the union over j of
 * {w_{j,d} μ : μ ∈ eig(M_j), d = 0 … 2j} (w the Gibbs weights of the spin part). So the passive
 * energy needs only the eigenvalues of the small M_j (certified by `eigh`; for a pure initial
 * state those of the w × w matrix C†C, M_j = C C†, plus n − w exact zeros), and
 * Tr(ρ_ss H0) = ω Σ_j Tr M_j Σ_d w_{j,d} (k0_j + d), k0_j = N/2 − j. C_l1 needs the entries of
 * the excitation-sector blocks: in float64 the SIMD kernel of steady-kernel.ts computes it (as for
 * the random-state statistics); a state on the symmetric subspace alone (the all-ground state, for instance) has the
 * sector blocks w_k M |D_k⟩⟨D_k| with the uniform Dicke vectors D_k, so C_l1 = M Σ_k w_k (C(N, k) − 1);
 * otherwise the sector blocks of `CollectiveSteadyState.sectors` are summed.
 *
 * Error bound (decimal fields: computed with GUARD_DIGITS more digits, the Gibbs weights recomputed
 * there): `errorBound` bounds |W − W*|, |E − E*| and |P − P*| for each value as returned (a
 * decimal prints exactly at F's digits; float64 includes a 17-digit print). Without
 * `options.initial`, * is exact arithmetic on the computed blocks (M_j, or the factor C) with the
 * exact Gibbs weights of the model's β and ω: the eigenvalue certificates, the rounding of C†C,
 * of the Gibbs weights (including e^{−βω}) and of every sum. With `options.initial` (ρ0, exact as
 * given or as a RationalMatrix, or a named state) * starts from ρ0 itself: the blocks are formed
 * again in the guard field (float64: as formed) and block-formation-bound.ts bounds that
 * formation; with `options.exactModel` ω and β are taken from their exact values (decimal: rounded
 * into the guard field) and the rounding of ω is added.
 * C_l1 is returned at the working precision without a bound.
 */
import type { AnalyticField, Field } from '../numeric/field.js';
import { convert } from '../numeric/field.js';
import { adjoint, gram, type CMatrix } from '../numeric/matrix.js';
import { eigh } from '../numeric/eigh.js';
import { spinBasis } from './spin-basis.js';
import { GUARD_DIGITS, decimalField } from '../numeric/decimal.js';
import { InputError } from '../errors.js';
import { binomial } from './states.js';
import { thermalRatio, type LindbladModel } from './lindblad.js';
import { spinGibbsWeights } from './spin-gibbs-weights.js';
import type { CollectiveSteadyState, SpinBlock } from './steady-state-result.js';
import { isPlusInfinity } from './steady-input.js';
import { SteadyKernel, type ReducedState } from './steady-kernel.js';
import { multiplicityBlocks, spinMultiplicity } from './multiplicity-blocks.js';
import { namedInitialBlocks } from './named-initial-blocks.js';
import { blockFormationBounds } from './block-formation-bound.js';
import { l1FixedPoint } from './l1-fixed-point.js';
import { rationalToField } from './density.js';
import type { Rational, RationalMatrix } from '../numeric/rational.js';

export interface SteadySummary<T> {
  /** W = energy − passiveEnergy. */
  readonly ergotropy: T;
  /** Bound on the error of ergotropy, energy and passiveEnergy (see the file header). */
  readonly errorBound: T;
  /** Tr(ρ_ss H0). */
  readonly energy: T;
  /** Σ_i λ↓_i ε↑_i, the energy of the passive state. */
  readonly passiveEnergy: T;
  /** C_l1 in the computational basis. */
  readonly l1: T;
}

/** Eigenvalues of ρ that share one value: `count` copies of `value`, each within `bound` of a true one. */
export interface SpectrumGroup<T> {
  readonly value: T;
  readonly bound: T;
  readonly count: number;
}

/**
 * The passive energy ω Σ_i λ↓_i k_i of a spectrum given in groups against the levels of H0/ω (k
 * excitations, k = 0 … N, C(N, k) times each), with a bound on its error. Sorting is a contraction
 * both in ℓ1 and in ℓ∞, so with |λ_i − λ̂_i| ≤ δ_i the sorted spectra differ by Σ|Δ| ≤ Σδ and
 * max|Δ| ≤ max δ: |ΔP| ≤ ω·min(N Σδ, max δ · Σ_i k_i); plus the rounding of the sums.
 * (The one place where eigenvalues meet levels: swap it for a common assembly when there is one.)
 */
export function passiveEnergyOfGroups<T>(G: Field<T>, groups: readonly SpectrumGroup<T>[], N: number, omega: T): { passive: T; bound: T } {
  const sorted = groups.filter((g) => g.count > 0).sort((a, b) => G.cmp(b.value, a.value));
  // level slots: slot i (ascending) holds k with C(N, 0) + … + C(N, k − 1) ≤ i
  let k = 0;
  let leftInLevel = binomial(N, 0);
  let units = G.zero;
  let absTerms = G.zero;
  let sumDelta = G.zero;
  let maxDelta = G.zero;
  let sumLevels = 0;
  for (const g of sorted) {
    // Σ of the levels of the next g.count slots, an exact integer (< 2^N · N)
    let kSum = 0;
    for (let left = g.count; left > 0; ) {
      const take = Math.min(left, leftInLevel);
      kSum += take * k;
      left -= take;
      leftInLevel -= take;
      if (leftInLevel === 0 && k < N) leftInLevel = binomial(N, ++k);
    }
    sumLevels += kSum;
    const term = G.mul(g.value, G.fromNumber(kSum));
    units = G.add(units, term);
    absTerms = G.add(absTerms, G.abs(term));
    sumDelta = G.add(sumDelta, G.mul(g.bound, G.fromNumber(g.count)));
    if (G.cmp(g.bound, maxDelta) > 0) maxDelta = g.bound;
  }
  const passive = G.mul(omega, units);
  const byL1 = G.mul(G.fromNumber(N), sumDelta);
  const byMax = G.mul(maxDelta, G.fromNumber(sumLevels));
  const perturbation = G.cmp(byL1, byMax) <= 0 ? byL1 : byMax;
  // each product and sum one rounding of at most its magnitude · u (≤ 2 per term and the final ω·)
  const rounding = G.mul(G.fromNumber(1.01 * (2 * sorted.length + 4)), G.mul(G.epsilon, absTerms));
  const bound = G.mul(G.mul(omega, G.add(perturbation, rounding)), G.add(G.one, G.mul(G.fromNumber(8), G.epsilon)));
  return { passive, bound };
}

/** One block's eigenvalues μ (with multiplicity) and one bound for all of them. */
/**
 * One block's eigenvalues μ (with multiplicity), one bound for all of them, and a factor F with
 * F F† = M (n × r; null for a zero block; eigenvalues below 0, i.e. roundoff, taken as 0) for C_l1.
 */
function blockSpectrum<T>(G: AnalyticField<T>, b: SpinBlock<T>): { values: T[]; bound: T; zeros: number; factor: CMatrix<T> | null } {
  const n = b.multiplicity;
  const narrow = b.factor !== undefined && b.factor.cols < n;
  if (narrow ? isZeroMatrix(G, b.factor!) : isZeroMatrix(G, b.M)) return { values: [], bound: G.zero, zeros: n, factor: null };
  if (n === 1 && !b.factor) {
    const m = b.M.re[0];
    return { values: [m], bound: G.zero, zeros: 0, factor: { rows: 1, cols: 1, re: [G.sqrt(G.cmp(m, G.zero) > 0 ? m : G.zero)], im: [G.zero] } };
  }
  const C = b.factor;
  if (C && narrow) {
    // eig(C C†) = eig(C† C) ∪ {0}^(n − w); C† C rounded: each entry a sum of n complex products
    const w = C.cols;
    let norm2 = G.zero;
    for (let q = 0; q < C.re.length; q++) norm2 = G.add(norm2, G.add(G.mul(C.re[q], C.re[q]), G.mul(C.im[q], C.im[q])));
    // entry (p, q) = Σ_a conj(C_ap) C_aq, above the diagonal and mirrored: exactly Hermitian
    const g = gram(G, adjoint(G, C));
    const e = eigh(G, g);
    // ‖fl(C†C) − C†C‖₂ ≤ ‖·‖_F ≤ 2(n + 2)u Σ_{p,q} Σ_a |C_ap||C_aq| ≤ 2(n + 2)u · w · ‖C‖_F²
    const gramError = G.mul(G.fromNumber(1.01 * 2 * (n + 2) * w), G.mul(G.epsilon, norm2));
    return { values: e.values, bound: G.add(e.certificate!.bound, gramError), zeros: n - w, factor: C };
  }
  const M = b.M;
  let diagonal = true;
  for (let a = 0; a < n && diagonal; a++)
    for (let e = 0; e < n; e++) if (a !== e && !(G.isZero(M.re[a * n + e]) && G.isZero(M.im[a * n + e]))) diagonal = false;
  if (diagonal) {
    // (the Gibbs state's blocks are multiples of I) eigenvalues exact, factor diag(√m)
    const values = Array.from({ length: n }, (_, a) => M.re[a * n + a]);
    const factor: CMatrix<T> = { rows: n, cols: n, re: new Array<T>(n * n).fill(G.zero), im: new Array<T>(n * n).fill(G.zero) };
    values.forEach((m, a) => (factor.re[a * n + a] = G.sqrt(G.cmp(m, G.zero) > 0 ? m : G.zero)));
    return { values, bound: G.zero, zeros: 0, factor };
  }
  const e = eigh(G, M);
  const factor: CMatrix<T> = { rows: n, cols: n, re: new Array<T>(n * n), im: new Array<T>(n * n) };
  e.values.forEach((lambda, q) => {
    const root = G.sqrt(G.cmp(lambda, G.zero) > 0 ? lambda : G.zero);
    for (let a = 0; a < n; a++) {
      factor.re[a * n + q] = G.mul(e.vectors.re[a * n + q], root);
      factor.im[a * n + q] = G.mul(e.vectors.im[a * n + q], root);
    }
  });
  return { values: e.values, bound: e.certificate!.bound, zeros: 0, factor };
}

function isZeroMatrix<T>(F: Field<T>, A: CMatrix<T>): boolean {
  return A.re.every((x) => F.isZero(x)) && A.im.every((x) => F.isZero(x));
}

/**
 * W, its error bound, the energy and C_l1 of a collective steady state from its blocks (see the
 * file header). `model` is the model it was computed for (N, ω, β). A state with stationary
 * coherences between different spins (β = ∞ with ω = f) is not block diagonal: InputError.
 */
export interface SteadySummaryOptions<T> {
  /** C_l1 when the caller knows it (e.g. 0 for the stationary Gibbs state): not computed then. */
  readonly l1?: T;
  /**
   * The initial state ss was computed from — the density matrix ρ0, or the name of one of
   * namedInitialBlocks' states (for 'thermal' with r = e^{−βω} of the model). With it the blocks
   * are formed again in the guard field (decimal) or checked as formed (float64) and the bound
   * covers their formation from ρ0 too (block-formation-bound.ts); without it the bound starts
   * from the blocks as given.
   */
  readonly initial?: CMatrix<T> | RationalMatrix | { readonly rounded: CMatrix<T> } | 'ground' | 'excited' | 'thermal';
  /**
   * The exact ω and β (β = 'Infinity' for zero temperature) that the model's ω and β are correctly
   * rounded from; without it the model's values are the exact input. (A matrix `initial` in F is
   * taken as exact; a RationalMatrix is the exact ρ0, and ss must have been computed from its
   * entries correctly rounded into F, as densityFromRational gives them; `{ rounded }` is that
   * rounded matrix itself, when converting the exact one again would cost too much.)
   */
  readonly exactModel?: { readonly omega: Rational; readonly beta: Rational | 'Infinity' };
}

export function steadyStateSummary<T>(
  F: AnalyticField<T>,
  ss: CollectiveSteadyState<T>,
  model: LindbladModel<T>,
  options: SteadySummaryOptions<T> = {},
): SteadySummary<T> {
  if (ss.groundCoherences.length > 0)
    throw new InputError('steadyStateSummary: this steady state keeps coherences between spins (β = ∞, ω = f); use ergotropy() on ss.rho');
  const { N, omega, beta } = model;
  const known = options.l1 !== undefined;
  const initial = options.initial;
  const shape = initial === undefined || typeof initial === 'string' ? null : 'rounded' in initial ? initial.rounded : initial;
  if (shape && (shape.rows !== 2 ** N || shape.cols !== 2 ** N))
    throw new RangeError(`steadyStateSummary: the initial state is ${shape.rows}×${shape.cols}, not a state of ${N} qubits`);
  if (F.kind !== 'decimal') {
    // ω and β correctly rounded into F: the bound of e^{−βω} counts their rounding; ω's scales E and P
    const omegaRounding = exactModelIn(F, model, options.exactModel) ? F.epsilon : F.zero;
    const formation = initial === undefined ? undefined : formationBounds(F, N, ss.blocks, initialIn(F, initial), omega, beta);
    const r = summaryInField(F, { blocks: ss.blocks, sectors: () => ss.sectors }, N, omega, beta, known ? options.l1 : undefined, formation, omegaRounding);
    // a 17-significant-digit print of a double is within u of it: 2u of the largest value covers each print
    const largest = [r.energy, r.passiveEnergy, r.ergotropy].map((x) => F.abs(x)).reduce((a, b) => (F.cmp(a, b) >= 0 ? a : b));
    return { ...r, errorBound: F.add(r.errorBound, F.mul(F.scale2(F.epsilon, 1), largest)) };
  }
  const G = decimalField(F.digits + GUARD_DIGITS);
  const up = (x: T) => (F.isZero(x) ? G.zero : convert(F, G, x));
  type G = (typeof G)['zero'];
  // converted to the guard field block by block, zero blocks (most of them for a symmetric state)
  // as zeros; the Gibbs weights recomputed there from the model's β and ω
  const exact = exactModelIn(G, model, options.exactModel);
  const betaG = exact ? exact.beta : up(beta);
  const omegaG = exact ? exact.omega : up(omega);
  const rG = isPlusInfinity(G, betaG) ? G.zero : thermalRatio(G, omegaG, betaG).r;
  let blocks: SpinBlock<G>[];
  let formation: G[] | undefined;
  if (initial === undefined) {
    blocks = ss.blocks.map((b) => {
      // with a narrower factor M itself is not used (nor formed)
      const narrow = b.factor !== undefined && b.factor.cols < b.multiplicity;
      const M = narrow || isZeroMatrix(F, b.M) ? zeroMatrix(G, b.multiplicity) : mapMatrix(b.M, up);
      const out: SpinBlock<G> = { j: b.j, twoJ: b.twoJ, multiplicity: b.multiplicity, weights: spinGibbsWeights(G, b.twoJ, rG), M };
      return narrow ? { ...out, factor: mapMatrix(b.factor!, up) } : out;
    });
  } else {
    // the blocks formed again from ρ0 (held exactly in G) at the guard precision
    const spec =
      typeof initial === 'string'
        ? initial
        : 'rounded' in initial
          ? { rho: mapMatrix(initial.rounded, up), rounding: up(F.epsilon) }
          : isRationalMatrix(initial)
            ? initialIn(G, initial)
            : { rho: mapMatrix(initial, up), rounding: G.zero };
    const M = typeof spec === 'string' ? namedBlocksIn(G, N, spec, rG) : multiplicityBlocks(G, spinBasis(G, N), spec.rho, true).map((m) => m.M);
    blocks = ss.blocks.map((b, i) => ({ j: b.j, twoJ: b.twoJ, multiplicity: b.multiplicity, weights: spinGibbsWeights(G, b.twoJ, rG), M: M[i] }));
    formation = formationBounds(G, N, blocks, spec, omegaG, betaG);
  }
  // (not a spread of ss: that would call its getters, i.e. build the sector blocks and ρ)
  const r = summaryInField(G, { blocks, sectors: () => [] }, N, omegaG, betaG, known ? up(options.l1 as T) : undefined, formation, exact ? G.epsilon : G.zero);
  const back = (x: G) => convert(G, F, x);
  const out = { ergotropy: back(r.ergotropy), energy: back(r.energy), passiveEnergy: back(r.passiveEnergy) };
  // rounding each reported value to F adds at most one unit roundoff of its magnitude; a decimal
  // of F's digits prints exactly at those digits
  const extra = F.mul(F.epsilon, F.add(F.abs(out.energy), F.abs(out.passiveEnergy)));
  return { ...out, errorBound: F.add(F.mul(back(r.errorBound), F.add(F.one, F.epsilon)), extra), l1: back(r.l1) };
}

const isRationalMatrix = (x: object): x is RationalMatrix => 'hasFloatEntries' in x;

/**
 * The exact ω and β correctly rounded into G, after checking that the model's are them rounded
 * (to float64 accuracy: a mismatch is a caller's error); null without exactModel.
 */
function exactModelIn<T, S>(G: Field<T>, model: LindbladModel<S>, exact: SteadySummaryOptions<S>['exactModel']): { omega: T; beta: T } | null {
  if (!exact) return null;
  const omega = G.fromRational(exact.omega);
  const beta = exact.beta === 'Infinity' ? G.fromString('Infinity') : G.fromRational(exact.beta);
  const near = (given: S, x: T): boolean => {
    const g = Number(String(given));
    const e = G.toNumber(x);
    return g === e || Math.abs(g - e) <= 1e-15 * Math.abs(e);
  };
  const infinite = !Number.isFinite(Number(String(model.beta)));
  if (!near(model.omega, omega) || (exact.beta === 'Infinity') !== infinite || (!infinite && !near(model.beta, beta)))
    throw new RangeError('steadyStateSummary: exactModel does not match the model’s ω and β');
  return { omega, beta };
}

/** ρ0 in G with the relative rounding of its entries: rounded from the exact one (u), or exact (0). */
function initialIn<T>(
  G: Field<T>,
  initial: CMatrix<T> | RationalMatrix | { readonly rounded: CMatrix<T> } | 'ground' | 'excited' | 'thermal',
): { rho: CMatrix<T>; rounding: T } | 'ground' | 'excited' | 'thermal' {
  if (typeof initial === 'string') return initial;
  if ('rounded' in initial) return { rho: initial.rounded, rounding: G.epsilon };
  if (isRationalMatrix(initial)) return { rho: rationalToField(G, initial), rounding: G.epsilon };
  return { rho: initial as CMatrix<T>, rounding: G.zero };
}

/** The multiplicity blocks of a named initial state as CMatrix, family order of spinBasis. */
function namedBlocksIn<T>(G: Field<T>, N: number, kind: 'ground' | 'excited' | 'thermal', r: T): CMatrix<T>[] {
  const given = namedInitialBlocks(G, N, kind, r);
  const out: CMatrix<T>[] = [];
  for (let t = N; t >= 0; t -= 2) out.push(given.find((b) => b.twoJ === t)?.M ?? zeroMatrix(G, spinMultiplicity(N, t)));
  return out;
}

/**
 * Per block: a bound on ‖M̂_j − M_j‖_F, M_j the block of the exact ρ0 (block-formation-bound.ts).
 * The all-ground and all-excited blocks are exact ([1]); the thermal ones are c_j·I with
 * c_j = Σ_d r^{k0+d}/(1 + r)^N: positive terms, so relative errors add — N + 1 roundings in
 * (1 + r)^N and its inverse, ≤ N products by r, ≤ N sums, and 2N times the error of r.
 */
function formationBounds<T>(
  G: Field<T>,
  N: number,
  blocks: readonly SpinBlock<T>[],
  initial: { rho: CMatrix<T>; rounding: T } | 'ground' | 'excited' | 'thermal',
  omega: T,
  beta: T,
): T[] {
  if (initial === 'ground' || initial === 'excited') return blocks.map(() => G.zero);
  if (initial === 'thermal') {
    const rel = G.add(G.mul(G.fromNumber(2 * N), relativeErrorOfR(G, omega, beta)), G.mul(G.fromNumber(1.01 * (5 * N + 4)), G.epsilon));
    return blocks.map((b) => G.mul(G.mul(G.abs(b.M.re[0] ?? G.zero), rel), G.fromNumber(1.01)));
  }
  return blockFormationBounds(G, N, initial.rho, initial.rounding);
}

/**
 * Relative error of r = e^{−βω} as computed in G: β, ω and their product rounded, exp within one
 * unit (decimal.js rounds it correctly; for float64 this assumes V8's exp, which is within one
 * unit); β and ω themselves may be the exact values rounded once.
 */
function relativeErrorOfR<T>(G: Field<T>, omega: T, beta: T): T {
  if (isPlusInfinity(G, beta)) return G.zero;
  const bw = G.abs(G.mul(beta, omega));
  const rounding = G.mul(G.mul(G.fromNumber(1.01), G.epsilon), G.add(G.mul(G.fromNumber(3), bw), G.one));
  return rounding;
}

function zeroMatrix<T>(F: Field<T>, n: number): CMatrix<T> {
  return { rows: n, cols: n, re: new Array<T>(n * n).fill(F.zero), im: new Array<T>(n * n).fill(F.zero) };
}

function mapMatrix<S, T>(A: CMatrix<S>, f: (x: S) => T): CMatrix<T> {
  return { rows: A.rows, cols: A.cols, re: A.re.map(f), im: A.im.map(f) };
}

/** The summary in field G (float64, or a decimal field with guard digits). */
interface Blocks<T> {
  readonly blocks: readonly SpinBlock<T>[];
  /** The sector blocks of ρ_ss (only asked for in float64 at β = ∞). */
  readonly sectors: () => CollectiveSteadyState<T>['sectors'];
}

function summaryInField<T>(
  G: AnalyticField<T>,
  ss: Blocks<T>,
  N: number,
  omega: T,
  beta: T,
  knownL1: T | undefined,
  formation: readonly T[] | undefined,
  omegaRounding: T,
): SteadySummary<T> {
  const u = G.epsilon;
  // relative error of a Gibbs weight r^d / Σ_n r^n (d ≤ 2j products, 2j sums, one division) in
  // terms of that of r
  const zeroT = isPlusInfinity(G, beta);
  const relR = relativeErrorOfR(G, omega, beta);
  const relWeight = (twoJ: number) => G.add(G.mul(G.fromNumber(1.01 * 2 * twoJ), relR), G.mul(G.fromNumber(1.01 * (2 * twoJ + 3)), u));
  const groups: SpectrumGroup<T>[] = [];
  let energyUnits = G.zero;
  let energyAbs = G.zero;
  let energyTerms = 0;
  let energyWeightErr = G.zero;
  const factors: (CMatrix<T> | null)[] = [];
  ss.blocks.forEach((b, i) => {
    const spectrum = blockSpectrum(G, b);
    const { values, zeros, factor } = spectrum;
    // the formation of M_j from ρ0 moves each eigenvalue by at most ‖ΔM_j‖_F (Weyl), Tr M_j by √n_j times it
    const delta = formation ? formation[i] : G.zero;
    const bound = G.add(spectrum.bound, delta);
    const traceDelta = G.mul(delta, G.sqrt(G.fromNumber(b.multiplicity)));
    factors.push(factor);
    const rw = relWeight(b.twoJ);
    const k0 = (N - b.twoJ) / 2;
    // Tr M_j (real part; exactly the sum of the μ in exact arithmetic)
    let t = G.zero;
    let tAbs = G.zero;
    let tTerms = b.multiplicity;
    if (!(b.factor && b.factor.cols < b.multiplicity)) {
      for (let a = 0; a < b.M.rows; a++) {
        t = G.add(t, b.M.re[a * b.M.rows + a]);
        tAbs = G.add(tAbs, G.abs(b.M.re[a * b.M.rows + a]));
      }
    } else {
      t = G.zero; // the trace of C C† itself, the matrix whose spectrum is used
      for (let q = 0; q < b.factor.re.length; q++) t = G.add(t, G.add(G.mul(b.factor.re[q], b.factor.re[q]), G.mul(b.factor.im[q], b.factor.im[q])));
      tAbs = t;
      tTerms = 2 * b.factor.re.length;
    }
    // relative rounding of Tr M_j (a sum of tTerms terms), carried into every energy term
    const rt = G.add(rw, G.mul(G.fromNumber(1.01 * (tTerms + 2)), G.mul(u, !G.isZero(t) ? G.div(tAbs, G.abs(t)) : G.one)));
    for (let d = 0; d <= b.twoJ; d++) {
      const w = b.weights[d];
      if (zeros > 0) groups.push({ value: G.zero, bound: G.mul(w, delta), count: zeros });
      for (const mu of values) {
        const value = G.mul(w, mu);
        // |Δ(wμ)| ≤ w·δμ + |μ|·w·relWeight + u·|wμ|
        const bnd = G.add(G.mul(w, bound), G.mul(G.abs(value), G.add(rw, G.mul(G.fromNumber(1.01), u))));
        groups.push({ value, bound: bnd, count: 1 });
      }
      const term = G.mul(G.mul(t, w), G.fromNumber(k0 + d));
      energyUnits = G.add(energyUnits, term);
      energyAbs = G.add(energyAbs, G.abs(term));
      energyWeightErr = G.add(energyWeightErr, G.add(G.mul(G.abs(term), rt), G.mul(G.mul(traceDelta, w), G.fromNumber(k0 + d))));
      energyTerms++;
    }
  });
  const energy = G.mul(omega, energyUnits);
  const energyBound = G.mul(omega, G.add(energyWeightErr, G.mul(G.fromNumber(1.01 * (2 * energyTerms + 4)), G.mul(u, energyAbs))));
  const { passive, bound: passiveBound } = passiveEnergyOfGroups(G, groups, N, omega);
  const W = G.sub(energy, passive);
  // ω itself rounded (relative omegaRounding) from the exact one: energy and passive energy scale with it
  const errorBound = G.add(G.add(energyBound, passiveBound), G.mul(G.mul(omegaRounding, G.fromNumber(1.01)), G.add(G.abs(energy), G.abs(passive))));
  const r = zeroT ? 0 : G.toNumber(thermalRatio(G, omega, beta).r);
  const l1 = knownL1 ?? l1Coherence(G, ss, factors, N, r, G.toNumber(omega));
  return { ergotropy: W, errorBound, energy, passiveEnergy: passive, l1 };
}

/** C_l1 of ρ_ss (computational basis), by the cheapest route the blocks allow (file header). */
function l1Coherence<T>(F: AnalyticField<T>, ss: Blocks<T>, factors: readonly (CMatrix<T> | null)[], N: number, r: number, omega: number): T {
  const symIndex = ss.blocks.findIndex((b) => b.twoJ === N);
  if (factors.every((f, i) => i === symIndex || f === null)) {
    // w_k M |D_k⟩⟨D_k|, D_k uniform: Σ_{x≠y} = w_k |M| (C(N, k) − 1)
    const sym = ss.blocks[symIndex];
    const m = F.abs(sym.M.re[0]);
    let s = F.zero;
    for (let k = 0; k <= N; k++) s = F.add(s, F.mul(sym.weights[k], F.fromNumber(binomial(N, k) - 1)));
    return F.mul(m, s);
  }
  if (F.kind === 'float64') {
    if (r > 0) return l1ByKernel(factors as unknown as (CMatrix<number> | null)[], N, r, omega) as unknown as T;
    let s = F.zero; // β = ∞: the kernel needs r > 0; sum the sector blocks
    for (const { block } of ss.sectors()) {
      const n = block.rows;
      for (let x = 0; x < n; x++)
        for (let y = x + 1; y < n; y++)
          s = F.add(s, F.sqrt(F.add(F.mul(block.re[x * n + y], block.re[x * n + y]), F.mul(block.im[x * n + y], block.im[x * n + y]))));
    }
    return F.scale2(s, 1);
  }
  return l1FixedPoint(
    F,
    ss.blocks.map((b) => b.weights),
    factors,
    N,
  );
}

const kernels = new Map<string, SteadyKernel>();

/** C_l1 in float64 by the random-state kernel (steady-kernel.ts), from the factors F_j F_j† = M_j (null: M_j = 0). */
function l1ByKernel(factors: readonly (CMatrix<number> | null)[], N: number, r: number, omega: number): number {
  const key = `${N} ${r} ${omega}`;
  let kernel = kernels.get(key);
  if (!kernel) {
    kernel = new SteadyKernel(N, r, omega);
    kernels.clear(); // one at a time: each holds a copy of the basis
    kernels.set(key, kernel);
  }
  const reduced: ReducedState = factors.map((f) =>
    f ? { r: f.cols, re: Float64Array.from(f.re), im: Float64Array.from(f.im) } : { r: 0, re: new Float64Array(0), im: new Float64Array(0) },
  );
  return kernel.evaluateReduced(reduced).Cl1;
}
