/**
 * A point of the ratio search turned into an exact initial state and re-evaluated by the certified
 * generic route: ρ0 = A A†/Tr(A A†) with A a matrix of Gaussian integers (so ρ0 is exactly
 * rational), the steady state by the exact Schur–Weyl map (collectiveSteadyStateMap) at D digits,
 * W by the certified ergotropy (with its rigorous error bound) and C_l1 by l1Coherence.
 *
 * From the search's factors F_j (M_j = F_j F_j†), A gets one column per retained eigenvector of the
 * M_j: column c holds √μ_{j,c} u_{j,c} placed on the lowest-weight vectors |j, −j, α⟩ of every
 * family j. Coherences between different j do not reach the steady state, so A A† has the reduced
 * state (M_j) whatever the placement; then A is scaled and rounded to integers.
 */
import type { Dec as Decimal } from '../numeric/decimal.js';
import { decimalField, type DecimalField } from '../numeric/decimal.js';
import { float64 } from '../numeric/float64.js';
import { eigh } from '../numeric/eigh.js';
import type { CMatrix } from '../numeric/matrix.js';
import { ergotropy } from '../physics/ergotropy.js';
import { l1Coherence } from '../physics/coherence.js';
import { collectiveCoupling } from '../physics/lindblad.js';
import { h0 } from '../physics/qubits.js';
import { collectiveSteadyStateMap } from '../physics/steady-state.js';
import type { RatioObjective } from './ergotropy-coherence-ratio.js';

/**
 * ρ0 = Σ_c k_c a_c a_c†/Tr(…): columns a_c of 2^N Gaussian integers (real and imaginary parts) with
 * positive integer weights k_c (default 1), so ρ0 is exactly rational.
 */
export interface IntegerFactorState {
  readonly N: number;
  readonly columns: readonly { readonly re: readonly number[]; readonly im: readonly number[]; readonly weight?: number }[];
}

/** The search point x as an integer factor, entries scaled so that the largest is about `scale`. */
export function integerFactor(obj: RatioObjective, x: Float64Array, scale = 10_000, relativeCut = 1e-9): IntegerFactorState {
  const { N, dim, families, sectors } = obj.basis;
  const M = obj.blocks(x);
  const cols: { re: Float64Array; im: Float64Array }[] = [];
  families.forEach((fam, f) => {
    const n = fam.mult;
    const e = eigh(float64, { rows: n, cols: n, re: Array.from(M[f].re), im: Array.from(M[f].im) }, { certify: false });
    const xs = sectors[(N - fam.twoJ) / 2];
    const V = fam.V[0];
    const s = xs.length;
    let c = 0;
    for (let q = n - 1; q >= 0; q--) {
      const mu = e.values[q];
      if (!(mu > relativeCut)) continue;
      if (c === cols.length) cols.push({ re: new Float64Array(dim), im: new Float64Array(dim) });
      const col = cols[c++];
      const root = Math.sqrt(mu);
      for (let a = 0; a < n; a++) {
        const ur = (e.vectors.re as number[])[a * n + q] * root;
        const ui = (e.vectors.im as number[])[a * n + q] * root;
        for (let y = 0; y < s; y++) {
          col.re[xs[y]] += ur * V[a * s + y];
          col.im[xs[y]] += ui * V[a * s + y];
        }
      }
    }
  });
  let big = 0;
  for (const col of cols) for (let i = 0; i < dim; i++) big = Math.max(big, Math.abs(col.re[i]), Math.abs(col.im[i]));
  const k = scale / big;
  return { N, columns: cols.map((col) => ({ re: Array.from(col.re, (v) => Math.round(v * k)), im: Array.from(col.im, (v) => Math.round(v * k)) })) };
}

export interface CertifiedRatio {
  readonly digits: number;
  /** W, its rigorous error bound, ωC_l1 and W/(ωC_l1), as decimal strings. */
  readonly W: string;
  readonly errorBound: string;
  readonly omegaCl1: string;
  readonly ratio: string;
  /** W − ωC_l1 exceeds the error bound plus 10^(−digits) (a certified counterexample), or falls below minus it. */
  readonly verdict: 'above' | 'below' | 'undecided';
}

/** W and ωC_l1 of the steady state of `state` at β, ω (decimal strings) with `digits` significant digits. */
export function certifyRatio(state: IntegerFactorState, beta: string, omega: string, digits = 50): CertifiedRatio {
  for (const col of state.columns)
    if (![...col.re, ...col.im].every(Number.isSafeInteger) || !(col.weight === undefined || (Number.isSafeInteger(col.weight) && col.weight > 0)))
      throw new RangeError('certifyRatio: entries and weights must be (positive) integers');
  const D: DecimalField = decimalField(digits + 20);
  const dim = 2 ** state.N;
  const re: Decimal[] = new Array(dim * dim);
  const im: Decimal[] = new Array(dim * dim);
  let trace = D.zero;
  // Σ k a a† exactly (integers), then divided by its trace
  for (let x = 0; x < dim; x++)
    for (let y = 0; y < dim; y++) {
      let sr = 0n;
      let si = 0n;
      for (const col of state.columns) {
        const [ar, ai, br, bi] = [BigInt(col.re[x]), BigInt(col.im[x]), BigInt(col.re[y]), BigInt(col.im[y])];
        const k = BigInt(col.weight ?? 1);
        sr += k * (ar * br + ai * bi);
        si += k * (ai * br - ar * bi);
      }
      re[x * dim + y] = D.fromString(sr.toString());
      im[x * dim + y] = D.fromString(si.toString());
      if (x === y) trace = D.add(trace, re[x * dim + y]);
    }
  const rho0: CMatrix<Decimal> = { rows: dim, cols: dim, re: re.map((v) => D.div(v, trace)), im: im.map((v) => D.div(v, trace)) };
  const w = D.fromString(omega);
  const model = collectiveCoupling(D, state.N, { omega: w, beta: D.fromString(beta), gamma0: D.one, timeScale: 'normalised' });
  const ss = collectiveSteadyStateMap(D, model, rho0);
  const erg = ergotropy(D, ss.rho, h0(D, state.N, w));
  const wc = D.mul(w, l1Coherence(D, ss.rho));
  const diff = D.sub(erg.ergotropy, wc);
  const margin = erg.errorBound.plus(new D.Decimal(10).pow(-digits));
  const verdict = diff.gt(margin) ? 'above' : diff.lt(margin.neg()) ? 'below' : 'undecided';
  const fmt = (v: Decimal): string => v.toSignificantDigits(digits).toString();
  return {
    digits,
    W: fmt(erg.ergotropy),
    errorBound: erg.errorBound.toSignificantDigits(3).toString(),
    omegaCl1: fmt(wc),
    ratio: fmt(D.div(erg.ergotropy, wc)),
    verdict,
  };
}
