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
 * Fig. 3); a state on the symmetric subspace alone (the all-ground state, for instance) has the
 * sector blocks w_k M |D_k⟩⟨D_k| with the uniform Dicke vectors D_k, so C_l1 = M Σ_k w_k (C(N, k) − 1);
 * otherwise the sector blocks of `CollectiveSteadyState.sectors` are summed.
 *
 * Error bound (decimal fields: computed with GUARD_DIGITS more digits, the Gibbs weights recomputed
 * there): `errorBound` bounds |W − W*|, |E − E*| and |P − P*| where * is exact arithmetic on the
 * computed blocks (M_j, or the factor C) with the exact Gibbs weights of the model's β and ω (as
 * numbers of the field): the eigenvalue certificates, the rounding of C†C, of the Gibbs weights
 * (including e^{−βω}) and of every sum. As for `ergotropy` of a dense ρ, the rounding in forming
 * the blocks from ρ0 itself (a few units of roundoff per entry) is not part of it.
 */
import type { AnalyticField, Field } from '../numeric/field.js';
import { convert } from '../numeric/field.js';
import type { CMatrix } from '../numeric/matrix.js';
import { eigh } from '../numeric/eigh.js';
import { bitsForDigits, fixedField, isqrt } from '../numeric/fixed.js';
import { spinBasis } from './spin-basis.js';
import { GUARD_DIGITS, decimalField } from '../numeric/decimal.js';
import { InputError } from '../errors.js';
import { binomial } from './states.js';
import { thermalRatio, type LindbladModel } from './lindblad.js';
import { spinGibbsWeights } from './spin-gibbs-weights.js';
import type { CollectiveSteadyState, SpinBlock } from './steady-state-result.js';
import { isPlusInfinity } from './steady-input.js';
import { SteadyKernel, type ReducedState } from './steady-kernel.js';

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
    const g: CMatrix<T> = { rows: w, cols: w, re: new Array<T>(w * w), im: new Array<T>(w * w) };
    let norm2 = G.zero;
    for (let q = 0; q < C.re.length; q++) norm2 = G.add(norm2, G.add(G.mul(C.re[q], C.re[q]), G.mul(C.im[q], C.im[q])));
    for (let p = 0; p < w; p++)
      for (let q = p; q < w; q++) {
        let sr = G.zero;
        let si = G.zero;
        for (let a = 0; a < n; a++) {
          // conj(C[a][p]) C[a][q]
          const xr = C.re[a * w + p];
          const xi = C.im[a * w + p];
          const yr = C.re[a * w + q];
          const yi = C.im[a * w + q];
          sr = G.add(sr, G.add(G.mul(xr, yr), G.mul(xi, yi)));
          si = G.add(si, G.sub(G.mul(xr, yi), G.mul(xi, yr)));
        }
        g.re[p * w + q] = sr;
        g.im[p * w + q] = si;
        g.re[q * w + p] = sr;
        g.im[q * w + p] = G.neg(si);
      }
    for (let p = 0; p < w; p++) g.im[p * w + p] = G.zero;
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
  if (F.kind !== 'decimal') return summaryInField(F, { blocks: ss.blocks, sectors: () => ss.sectors }, N, omega, beta, known ? options.l1 : undefined);
  const G = decimalField(F.digits + GUARD_DIGITS);
  const up = (x: T) => (F.isZero(x) ? G.zero : convert(F, G, x));
  // converted to the guard field block by block, zero blocks (most of them for a symmetric state)
  // as zeros; the Gibbs weights recomputed there from the model's β and ω
  const betaG = up(beta);
  const rG = isPlusInfinity(G, betaG) ? G.zero : thermalRatio(G, up(omega), betaG).r;
  const blocks = ss.blocks.map((b) => {
    // with a narrower factor M itself is not used (nor formed)
    const narrow = b.factor !== undefined && b.factor.cols < b.multiplicity;
    const M = narrow || isZeroMatrix(F, b.M) ? zeroMatrix(G, b.multiplicity) : mapMatrix(b.M, up);
    const out: SpinBlock<(typeof G)['zero']> = { j: b.j, twoJ: b.twoJ, multiplicity: b.multiplicity, weights: spinGibbsWeights(G, b.twoJ, rG), M };
    return narrow ? { ...out, factor: mapMatrix(b.factor!, up) } : out;
  });
  // (not a spread of ss: that would call its getters, i.e. build the sector blocks and ρ)
  const r = summaryInField(G, { blocks, sectors: () => [] }, N, up(omega), up(beta), known ? up(options.l1 as T) : undefined);
  const back = (x: (typeof G)['zero']) => convert(G, F, x);
  const out = { ergotropy: back(r.ergotropy), energy: back(r.energy), passiveEnergy: back(r.passiveEnergy) };
  // rounding each reported value to F adds at most one unit roundoff of its magnitude
  const extra = F.mul(F.epsilon, F.add(F.abs(out.energy), F.abs(out.passiveEnergy)));
  return { ...out, errorBound: F.add(F.mul(back(r.errorBound), F.add(F.one, F.epsilon)), extra), l1: back(r.l1) };
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

function summaryInField<T>(G: AnalyticField<T>, ss: Blocks<T>, N: number, omega: T, beta: T, knownL1?: T): SteadySummary<T> {
  const u = G.epsilon;
  // relative error of r = e^{−βω}: β, ω and their product rounded, exp within one unit (decimal.js
  // rounds it correctly; for float64 this assumes V8's exp, which is within one unit); of a
  // Gibbs weight r^d / Σ_n r^n (d ≤ 2j products, 2j sums, one division) in terms of it
  const zeroT = isPlusInfinity(G, beta);
  const bw = zeroT ? 0 : Math.abs(G.toNumber(G.mul(beta, omega)));
  const relR = 1.01 * (3 * bw + 1);
  const relWeight = (twoJ: number) => G.mul(G.fromNumber(1.01 * (2 * twoJ * relR + 2 * twoJ + 3)), u);
  const groups: SpectrumGroup<T>[] = [];
  let energyUnits = G.zero;
  let energyAbs = G.zero;
  let energyTerms = 0;
  let energyWeightErr = G.zero;
  const factors: (CMatrix<T> | null)[] = [];
  for (const b of ss.blocks) {
    const { values, bound, zeros, factor } = blockSpectrum(G, b);
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
      if (zeros > 0) groups.push({ value: G.zero, bound: G.zero, count: zeros });
      for (const mu of values) {
        const value = G.mul(w, mu);
        // |Δ(wμ)| ≤ w·δμ + |μ|·w·relWeight + u·|wμ|
        const bnd = G.add(G.mul(w, bound), G.mul(G.abs(value), G.add(rw, G.mul(G.fromNumber(1.01), u))));
        groups.push({ value, bound: bnd, count: 1 });
      }
      const term = G.mul(G.mul(t, w), G.fromNumber(k0 + d));
      energyUnits = G.add(energyUnits, term);
      energyAbs = G.add(energyAbs, G.abs(term));
      energyWeightErr = G.add(energyWeightErr, G.mul(G.abs(term), rt));
      energyTerms++;
    }
  }
  const energy = G.mul(omega, energyUnits);
  const energyBound = G.mul(omega, G.add(energyWeightErr, G.mul(G.fromNumber(1.01 * (2 * energyTerms + 4)), G.mul(u, energyAbs))));
  const { passive, bound: passiveBound } = passiveEnergyOfGroups(G, groups, N, omega);
  const W = G.sub(energy, passive);
  const errorBound = G.add(energyBound, passiveBound);
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
  return l1FixedPoint(F, ss, factors, N);
}

/**
 * C_l1 at high precision in BigInt fixed point: for each sector k, Q = [√w_{j,d} V_{j,d}ᵀ F_j]_j
 * (s_k × Σ r_j, F_j F_j† = M_j) rounded to `bits` fractional bits, then every B_k[x][y] =
 * Σ_e Q[x][e] conj(Q[y][e]) exactly in integers and |B_k[x][y]| by an integer square root. The
 * entries of Q are at most 1 in modulus, so the absolute error is ≲ s_k² · cols · 2^−bits, far
 * below the working precision with the margin chosen.
 */
function l1FixedPoint<T>(F: AnalyticField<T>, ss: Blocks<T>, factors: readonly (CMatrix<T> | null)[], N: number): T {
  const bits = bitsForDigits(F.digits) + 4 * N + 32;
  const K = fixedField(bits);
  const basis = spinBasis(K, N);
  const toK = (x: T): bigint => K.fromString(String(x));
  const fam = basis.families.map((f, i) => {
    const fac = factors[i];
    if (!fac) return null;
    const rootW = ss.blocks[i].weights.map((w) => toK(F.sqrt(w)));
    return { r: fac.cols, re: fac.re.map(toK), im: fac.im.map(toK), rootW };
  });
  const B = BigInt(bits);
  let total = 0n; // scale 2^(2·bits)
  for (let k = 0; k <= N; k++) {
    const s = basis.sectors[k].length;
    if (s < 2) continue;
    const qr: bigint[][] = Array.from({ length: s }, () => []);
    const qi: bigint[][] = Array.from({ length: s }, () => []);
    basis.families.forEach((f, i) => {
      const d = k - (N - f.twoJ) / 2;
      const g = fam[i];
      if (!g || d < 0 || d > f.twoJ || g.r === 0) return;
      const V = f.vectors[d];
      const w = g.rootW[d];
      for (let q = 0; q < g.r; q++) {
        // column q of √w Vᵀ F_j
        for (let x = 0; x < s; x++) {
          let sr = 0n;
          let si = 0n;
          for (let a = 0; a < V.length; a++) {
            const v = V[a][x];
            if (v === 0n) continue;
            sr += v * g.re[a * g.r + q];
            si += v * g.im[a * g.r + q];
          }
          qr[x].push((((sr + (1n << (B - 1n))) >> B) * w + (1n << (B - 1n))) >> B);
          qi[x].push((((si + (1n << (B - 1n))) >> B) * w + (1n << (B - 1n))) >> B);
        }
      }
    });
    const cols = qr[0].length;
    if (cols === 0) continue;
    for (let x = 0; x < s; x++) {
      const ar = qr[x];
      const ai = qi[x];
      for (let y = x + 1; y < s; y++) {
        const br = qr[y];
        const bi = qi[y];
        let re = 0n;
        let im = 0n;
        for (let e = 0; e < cols; e++) {
          re += ar[e] * br[e] + ai[e] * bi[e];
          im += ai[e] * br[e] - ar[e] * bi[e];
        }
        // |B[x][y]| to 2^−bits: drop `bits` of the 2·bits fractional bits first
        if (im === 0n) total += re < 0n ? -re : re;
        else total += hypot(re >> B, im >> B) << B;
      }
    }
  }
  return F.div(F.fromString((2n * total).toString()), F.fromString((1n << (2n * B)).toString()));
}

/** ⌊√(a² + b²)⌋ for integers: Newton's method from the float64 estimate (53 good bits, then doubling). */
function hypot(a: bigint, b: bigint): bigint {
  const n = a * a + b * b;
  const approx = Math.hypot(Number(a), Number(b));
  if (!Number.isFinite(approx)) return isqrt(n);
  if (approx < 2 ** 50) {
    let x = BigInt(Math.floor(approx));
    while (x * x > n) x--;
    while ((x + 1n) * (x + 1n) <= n) x++;
    return x;
  }
  // a float64 start above the root by a margin, so the iteration decreases monotonically to ⌊√n⌋
  let x = BigInt(Math.ceil(approx * (1 + 2 ** -50))) + 1n;
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

const kernels = new Map<string, SteadyKernel>();

/** C_l1 in float64 by the Fig. 3 kernel, from the factors F_j F_j† = M_j (null: M_j = 0). */
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
