/**
 * The physics layer as the package exports it (`import { physics } from 'ergocheck'`): the model,
 * its states and its figures of merit. Validation helpers, size limits and the kernels behind these
 * functions stay internal.
 */
export { basisIndex, basisLabel, dim, excitationNumber, excitations, h0, jMinus, jPlus, jz, sigmaMinus, sigmaPlus, sigmaZ } from './qubits.js';
export {
  applyLindbladian,
  collectiveCoupling,
  individualCoupling,
  lindbladian,
  lindbladSuperoperator,
  partiallyCollective,
  thermalRatio,
  validateModel,
  type LindbladModel,
  type Lindbladian,
  type PresetOptions,
  type TimeScale,
} from './lindblad.js';
export {
  evolve,
  NotConvergedError,
  propagator,
  steadyStateByIntegration,
  type EvolveOptions,
  type SteadyStateOptions,
  type SteadyStateResult,
} from './evolve.js';
export { asDensityMatrix, checkDensityExact, checkHermitianExact, densityFromRational, type DensityCheckOptions, type DensityMatrix } from './density.js';
export { ergotropy, ergotropyOfExactState, type ErgotropyResult, type ExactHamiltonian, type ExactStateOptions } from './ergotropy.js';
export { certifiedErgotropy, type Bounded, type CertifiedErgotropy, type CertifiedSpectrum } from './passive-energy.js';
export { l1Coherence, type CoherenceOptions } from './coherence.js';
export { spinBasis, spinBasisVector, spinFamily, type SpinBasis, type SpinFamily } from './spin-basis.js';
export {
  dickeState,
  gibbsState,
  pureState,
  tripletWeight,
  twoQubitBellBasis,
  twoQubitCollectiveSteadyState,
  type StateVector,
  type ThermalParameters,
} from './states.js';
export { groundStateSteadyState } from './ground-steady-state.js';
export { collectiveSteadyState, collectiveSteadyStateMap } from './steady-state.js';
export { collectiveSteadyStateFromBlocks } from './steady-from-blocks.js';
export { steadyStateZeroTemperatureLimit } from './steady-zero-temperature.js';
export type { CollectiveSteadyState, GroundCoherence, SectorBlock, SpinBlock } from './steady-state-result.js';
export type { CollectiveSteadyStateOptions, InitialState } from './steady-input.js';
export type { MultiplicityBlock } from './multiplicity-blocks.js';
export { steadyStateSummary, type SpectrumGroup, type SteadySummary, type SteadySummaryOptions } from './steady-summary.js';
export { productGibbsState, trajectory, type TrajectoryPoint } from './trajectory.js';
export { ergotropyLifetime, type LifetimeOptions, type LifetimeResult } from './ergotropy-lifetime.js';
export {
  relaxationSpectrum,
  twoQubitAdiabaticLifetime,
  twoQubitSlowRate,
  type AdiabaticPrediction,
  type RelaxationSpectrum,
  type Sector,
  type TwoQubitRates,
} from './relaxation.js';
