/**
 * Exact steady states of the collective master equation (γ_ij = γ0 > 0 and f_ij = f for all
 * qubits): the map ρ0 ↦ ρ_ss = lim_{t→∞} e^{tL} ρ0, without time stepping.
 *
 * Why it is exact. In the Schur–Weyl basis |j, m, α⟩ (spin-basis.ts) every operator of the model
 * — H0 = ω(J_z + N/2), H_d = f(J+J− − Σσ⁺σ⁻) = f(J+J− − J_z − N/2), and the jump operators J± —
 * acts as (spin-j operator) ⊗ I on ⊕_j V_j ⊗ C^{n_j}. On each V_j the generator has the J+, J−
 * jumps at rates γ0(n̄+1), γ0 n̄, which generate all operators on the irrep, so for 0 < r ≤ 1
 * (r = e^{−βω}, 0 ≤ β < ∞) it has the unique, faithful stationary state Gibbs_j ∝ Σ_m r^{m+j}|j,m⟩⟨j,m|
 * (detailed balance: emission/absorption = 1/r). The operators commuting with J± are exactly
 * ⊕_j I_j ⊗ B(C^{n_j}) (Schur's lemma), and they commute with H; with a faithful stationary state this
 * makes them the whole fixed-point (and decoherence-free) algebra of the Heisenberg semigroup
 * (Frigerio–Verri), so every solution converges and the conserved quantities I_j ⊗ |α⟩⟨α'| fix the
 * limit:
 *   ρ_ss = ⊕_j Gibbs_j ⊗ M_j,   M_j[α, α'] = Σ_m ⟨j, m, α|ρ0|j, m, α'⟩,
 * with every coherence between different j, and between different m, decaying. Nothing depends
 * on ω, γ0 or f except through r; the two-qubit collective steady state is the case N = 2
 * (M_1 = c, M_0 = 1 − c) and the ground-state steady state the all-ground initial state (only
 * j = N/2, M = 1).
 *
 * β = ∞ (r = 0) is steady-zero-temperature.ts; the map from the spin blocks M_j alone is
 * steady-from-blocks.ts.
 */
import type { AnalyticField } from '../numeric/field.js';
import type { LindbladModel } from './lindblad.js';
import { spinBasis } from './spin-basis.js';
import { spinGibbsWeights } from './spin-gibbs-weights.js';
import { multiplicityBlocks } from './multiplicity-blocks.js';
import {
  checkNormalised,
  checkShape,
  checkTolerance,
  collectiveModel,
  isMatrix,
  type Collective,
  type CollectiveSteadyStateOptions,
  type InitialState,
} from './steady-input.js';
import { result, type CollectiveSteadyState } from './steady-state-result.js';
import { undampedCoherences } from './steady-zero-temperature.js';

function mapCore<T>(
  F: AnalyticField<T>,
  c: Collective<T>,
  initial: InitialState<T>,
  tolerance: number,
  where: string,
  hermitian: boolean,
): CollectiveSteadyState<T> {
  const basis = spinBasis(F, c.N);
  const mults = multiplicityBlocks(F, basis, initial, hermitian);
  if (!c.zeroTemperature) {
    const weights = basis.families.map((fam) => spinGibbsWeights(F, fam.twoJ, c.r));
    return result(F, () => basis, basis.families, mults, weights, [], 'Schur–Weyl exact map (finite β)', hermitian);
  }
  // β = ∞: a limit exists unless a coherence between the lowest states of two spins rotates forever
  const weights = basis.families.map((fam) => spinGibbsWeights(F, fam.twoJ, F.zero));
  const ground = undampedCoherences(F, c, basis, initial, mults, tolerance, where);
  const method =
    ground.length > 0
      ? 'Schur–Weyl exact limit at β = ∞ (ω = f: stationary coherences between spins kept)'
      : 'Schur–Weyl exact limit at β = ∞ (no undamped coherence in ρ0)';
  return result(F, () => basis, basis.families, mults, weights, ground, method, hermitian);
}

/**
 * ρ_ss = lim_{t→∞} e^{tL}ρ0 for the collective model (γ_ij = γ0 > 0, f_ij = f), no time stepping:
 * ⊕_j Gibbs_j ⊗ M_j for 0 ≤ β < ∞; at β = ∞ the limit when it exists (else InputError). Accuracy:
 * a few roundings per entry (measured ≤ 2 units of roundoff absolute, float64 against 30 digits,
 * N ≤ 8). ρ0 is checked to be Hermitian with unit trace (a vector: unit norm); positivity is not
 * checked (ρ_ss ≥ 0 iff every M_j ≥ 0). Cost: a pure state O(C(2N, N)·N); a matrix O(Σ_k C(N, k)³).
 */
export function collectiveSteadyState<T>(
  F: AnalyticField<T>,
  model: LindbladModel<T>,
  initial: InitialState<T>,
  options: CollectiveSteadyStateOptions = {},
): CollectiveSteadyState<T> {
  const where = 'collectiveSteadyState';
  const tolerance = checkTolerance(options.tolerance, where);
  const c = collectiveModel(F, model, where);
  checkShape(F, c.N, initial, where);
  checkNormalised(F, initial, tolerance, where);
  return mapCore(F, c, initial, tolerance, where, true);
}

/**
 * The same limit as a linear map on any 2^N × 2^N matrix (or vector ψ, meaning ψψ†), without the
 * Hermiticity and trace checks: P(aX + bY) = aP(X) + bP(Y) to roundoff. Same accuracy as collectiveSteadyState.
 */
export function collectiveSteadyStateMap<T>(
  F: AnalyticField<T>,
  model: LindbladModel<T>,
  X: InitialState<T>,
  options: CollectiveSteadyStateOptions = {},
): CollectiveSteadyState<T> {
  const where = 'collectiveSteadyStateMap';
  const tolerance = checkTolerance(options.tolerance, where);
  const c = collectiveModel(F, model, where);
  checkShape(F, c.N, X, where);
  // a vector means ψψ†, Hermitian; a matrix may be anything
  return mapCore(F, c, X, tolerance, where, !isMatrix(X));
}
