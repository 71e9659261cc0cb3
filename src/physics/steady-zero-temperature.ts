/**
 * The collective steady state at β = ∞ (r = 0): only J− acts, Gibbs_j = |j, −j⟩⟨j, −j| is not
 * faithful, and the bottom states |j, −j, α⟩ of different j have energies E_j = (ω − f)(N/2 − j)
 * and no decay, so a coherence between them rotates forever at frequency (ω − f)|j − j'| (for
 * N = 2: |ψ−⟩ and |00⟩, damped at a rate ∝ n̄ = 0). Coherences ⟨j, −j + d, α|ρ0|j', −j' + d, α'⟩
 * at the same depth d feed it by J−ρJ+, each with a computable weight ℓ_d (the left eigenvector of
 * the bidiagonal ladder), so the amplitude of the undamped oscillation is
 * X_{jj'} = Σ_d ℓ_d ⟨j, −j + d|ρ0|j', −j' + d⟩ exactly. collectiveSteadyState at β = ∞ returns the
 * limit when every such amplitude vanishes (to a stated tolerance), or when ω = f (then it is
 * stationary and kept), and otherwise throws InputError; steadyStateZeroTemperatureLimit gives
 * lim_{r→0} of the finite-β map instead.
 */
import { InputError } from '../errors.js';
import type { AnalyticField, Field } from '../numeric/field.js';
import type { Complex } from '../numeric/complex.js';
import { cdiv, cmul } from '../numeric/complex.js';
import { rateFactors } from './lindblad.js';
import { assertQubitCount } from './qubits.js';
import { sectorOf, spinBasis, type SpinBasis, type SpinFamily } from './spin-basis.js';
import { spinGibbsWeights } from './spin-gibbs-weights.js';
import { multiplicityBlocks, type Multiplicity } from './multiplicity-blocks.js';
import { gather, sandwich, type CBlock } from './sector-products.js';
import {
  checkNormalised,
  checkShape,
  checkTolerance,
  isMatrix,
  type Collective,
  type CollectiveSteadyStateOptions,
  type InitialState,
} from './steady-input.js';
import { result, type CollectiveSteadyState } from './steady-state-result.js';

/** ⟨a, d, α|ρ0|b, d, β⟩ for one depth d (families a ≠ b), from a matrix or from the components of a vector. */
function crossAtDepth<T>(
  F: Field<T>,
  basis: SpinBasis<T>,
  initial: InitialState<T>,
  fa: SpinFamily<T>,
  ma: Multiplicity<T>,
  fb: SpinFamily<T>,
  mb: Multiplicity<T>,
  d: number,
): CBlock<T> {
  const N = basis.N;
  if (isMatrix(initial)) {
    return sandwich(F, gather(F, initial, basis.sectors[sectorOf(N, fa.twoJ, d)], basis.sectors[sectorOf(N, fb.twoJ, d)]), fa.vectors[d], fb.vectors[d]);
  }
  const ca = ma.comps!;
  const cb = mb.comps!;
  const na = fa.multiplicity;
  const nb = fb.multiplicity;
  const re = new Array<T>(na * nb);
  const im = new Array<T>(na * nb);
  for (let a = 0; a < na; a++)
    for (let b = 0; b < nb; b++) {
      const z = cmul(F, { re: ca.re[d][a], im: ca.im[d][a] }, { re: cb.re[d][b], im: F.neg(cb.im[d][b]) });
      re[a * nb + b] = z.re;
      im[a * nb + b] = z.im;
    }
  return { rows: na, cols: nb, re, im };
}

/**
 * The ladder weights ℓ_0 = 1, ℓ_d = ℓ_{d−1} κ_d / (λ_0 − λ_d) at r = 0 for the coherences between
 * the depth-d states of families 2j and 2j' (see the header): on |j, −j+d⟩⟨j', −j'+d| the generator
 * acts as λ_d = −i(E_d − E'_d) − (γ/2)(A_d + A'_d) and J−ρJ+ feeds depth d − 1 with κ_d = γ√(A_d A'_d),
 * A_d = d(2j − d + 1) the J+J− eigenvalue, E_d = h(ω k + f(A_d − k)) the energy (k = N/2 − j + d excitations).
 */
function ladderWeights<T>(F: AnalyticField<T>, c: Collective<T>, twoJa: number, twoJb: number): Complex<T>[] {
  const { emission, hamiltonian } = rateFactors(F, c.model);
  const gamma = F.mul(c.gamma0, emission);
  const halfGamma = F.scale2(gamma, -1);
  const energy = (twoJ: number, d: number): T => {
    const k = sectorOf(c.N, twoJ, d);
    const A = d * (twoJ - d + 1);
    return F.mul(hamiltonian, F.add(F.mul(c.omega, F.fromNumber(k)), F.mul(c.f, F.fromNumber(A - k))));
  };
  const gap0 = F.sub(energy(twoJa, 0), energy(twoJb, 0));
  const out: Complex<T>[] = [{ re: F.one, im: F.zero }];
  for (let d = 1; d <= Math.min(twoJa, twoJb); d++) {
    const Aa = d * (twoJa - d + 1);
    const Ab = d * (twoJb - d + 1);
    // λ_0 − λ_d = −i(gap_0 − gap_d) + (γ/2)(A_a + A_b)
    const gapD = F.sub(energy(twoJa, d), energy(twoJb, d));
    const den: Complex<T> = { re: F.mul(halfGamma, F.fromNumber(Aa + Ab)), im: F.neg(F.sub(gap0, gapD)) };
    const kappa = F.mul(gamma, F.sqrt(F.fromNumber(Aa * Ab)));
    out.push(cdiv(F, cmul(F, out[d - 1], { re: kappa, im: F.zero }), den));
  }
  return out;
}

/**
 * The amplitudes X_{jj'} = Σ_d ℓ_d ⟨j, −j+d|ρ0|j', −j'+d⟩ of the undamped coherences between the
 * lowest states of different spins (header): those above the tolerance are returned when ω = f
 * (stationary, kept in ρ_ss); with ω ≠ f any of them means there is no limit (InputError).
 */
export function undampedCoherences<T>(
  F: AnalyticField<T>,
  c: Collective<T>,
  basis: SpinBasis<T>,
  initial: InitialState<T>,
  mults: readonly Multiplicity<T>[],
  tolerance: number,
  where: string,
): { a: number; b: number; X: CBlock<T> }[] {
  const tol = F.add(F.fromNumber(tolerance), F.mul(F.fromNumber(64 * 2 ** c.N), F.epsilon));
  const rotating = !F.isZero(F.sub(c.omega, c.f));
  const ground: { a: number; b: number; X: CBlock<T> }[] = [];
  const fams = basis.families;
  for (let a = 0; a < fams.length; a++)
    for (let b = 0; b < fams.length; b++) {
      if (a === b) continue;
      const ell = ladderWeights(F, c, fams[a].twoJ, fams[b].twoJ);
      const na = fams[a].multiplicity;
      const nb = fams[b].multiplicity;
      const X: CBlock<T> = { rows: na, cols: nb, re: new Array<T>(na * nb).fill(F.zero), im: new Array<T>(na * nb).fill(F.zero) };
      ell.forEach((l, d) => {
        const S = crossAtDepth(F, basis, initial, fams[a], mults[a], fams[b], mults[b], d);
        for (let k = 0; k < na * nb; k++) {
          const z = cmul(F, l, { re: S.re[k], im: S.im[k] });
          X.re[k] = F.add(X.re[k], z.re);
          X.im[k] = F.add(X.im[k], z.im);
        }
      });
      let worst = F.zero;
      for (let k = 0; k < na * nb; k++) {
        const m = F.sqrt(F.add(F.mul(X.re[k], X.re[k]), F.mul(X.im[k], X.im[k])));
        if (F.cmp(m, worst) > 0) worst = m;
      }
      if (F.cmp(worst, tol) <= 0) continue;
      if (rotating) {
        const j1 = fams[a].j;
        const j2 = fams[b].j;
        throw new InputError(
          `${where}: at β = ∞ there is no steady state from this ρ0: the coherence between the lowest states of spin j = ${j1} and j = ${j2} never decays (its damping ∝ n̄ = 0) and rotates forever at frequency |ω − f|·${Math.abs(j1 - j2)} with amplitude ${F.toString(worst, 3)}; use a finite β or steadyStateZeroTemperatureLimit (the r → 0 limit of the finite-β map)`,
        );
      }
      ground.push({ a, b, X });
    }
  return ground;
}

/**
 * lim_{r→0} of the finite-β map (r = e^{−βω}): ⊕_j |j, −j⟩⟨j, −j| ⊗ M_j, which does not depend on ω,
 * γ0 or f. At β = ∞ itself this is the true limit only when ρ0 has no undamped coherence (see the
 * header). Same accuracy as collectiveSteadyState; ρ0 checked in the same way.
 */
export function steadyStateZeroTemperatureLimit<T>(
  F: Field<T>,
  N: number,
  initial: InitialState<T>,
  options: CollectiveSteadyStateOptions = {},
): CollectiveSteadyState<T> {
  const where = 'steadyStateZeroTemperatureLimit';
  assertQubitCount(N, where);
  const tolerance = checkTolerance(options.tolerance, where);
  checkShape(F, N, initial, where);
  checkNormalised(F, initial, tolerance, where);
  const basis = spinBasis(F, N);
  const mults = multiplicityBlocks(F, basis, initial, true);
  const weights = basis.families.map((fam) => spinGibbsWeights(F, fam.twoJ, F.zero));
  return result(F, () => basis, basis.families, mults, weights, [], 'Schur–Weyl map, r → 0 limit of the finite-β map', true);
}
