/**
 * C_l1 and W along two one-parameter families of collective steady states, from first principles:
 * two qubits against the weight c of the non-singlet part, and N qubits from the all-ground state
 * against N. Each steady state by the exact map (collectiveSteadyState), C_l1 and W by the numeric
 * layer (l1Coherence, ergotropy) on the dense ρ_ss; float64.
 */
import { float64 as F } from '../numeric/float64.js';
import { zeros } from '../numeric/matrix.js';
import { collectiveCoupling } from '../physics/lindblad.js';
import { collectiveSteadyState } from '../physics/steady-state.js';
import { ergotropy } from '../physics/ergotropy.js';
import { l1Coherence } from '../physics/coherence.js';
import { h0 } from '../physics/qubits.js';
import { twoQubitBellBasis } from '../physics/states.js';

/** Default temperatures of the two-qubit curves: high, intermediate and low temperature (β = 0.01, 1, 10). */
export const TWO_QUBIT_CURVE_BETAS: readonly number[] = [0.01, 1, 10];

export interface TwoQubitCurvePoint {
  readonly beta: number;
  readonly c: number;
  readonly Cl1: number;
  readonly W: number;
}

export interface GroundStateRow {
  readonly N: number;
  readonly Cl1: number;
  readonly W: number;
}

/** C_l1 and W of the steady state reached from ρ0 (2^N × 2^N float64). */
function quantities(N: number, beta: number, omega: number, rho0: Parameters<typeof collectiveSteadyState<number>>[2]): { Cl1: number; W: number } {
  const model = collectiveCoupling(F, N, { omega, beta, gamma0: 1, timeScale: 'normalised' });
  const rho = collectiveSteadyState(F, model, rho0).rho;
  return { Cl1: l1Coherence(F, rho), W: ergotropy(F, rho, h0(F, N, omega)).ergotropy };
}

/**
 * Two qubits: for each β and c = i/points (i = 0 … points), the steady state from
 * ρ0 = (1 − c)|ψ−⟩⟨ψ−| + c|ψ0⟩⟨ψ0|, whose triplet weight is c: the two-qubit collective steady
 * state (1 − c)|ψ−⟩⟨ψ−| + c·(Gibbs state of the triplet) itself.
 */
export function twoQubitCurves(omega = 1, points = 100, betas: readonly number[] = TWO_QUBIT_CURVE_BETAS): TwoQubitCurvePoint[] {
  const { psiMinus } = twoQubitBellBasis(F);
  const out: TwoQubitCurvePoint[] = [];
  for (const beta of betas)
    for (let i = 0; i <= points; i++) {
      const c = i / points;
      const rho0 = zeros(F, 4);
      for (let a = 0; a < 4; a++) for (let b = 0; b < 4; b++) rho0.re[a * 4 + b] = (1 - c) * psiMinus.re[a] * psiMinus.re[b];
      rho0.re[15] += c; // |00⟩ is the last basis vector
      out.push({ beta, c, ...quantities(2, beta, omega, rho0) });
    }
  return out;
}

/** N qubits from the all-ground initial state (a state vector, the map's fast path), N = 2 … maxN. */
export function groundStateRows(beta: number, omega = 1, maxN = 7): GroundStateRow[] {
  const rows: GroundStateRow[] = [];
  for (let N = 2; N <= maxN; N++) {
    const d = 2 ** N;
    const re = new Array<number>(d).fill(0);
    re[d - 1] = 1; // all ground
    rows.push({ N, ...quantities(N, beta, omega, { re, im: new Array<number>(d).fill(0) }) });
  }
  return rows;
}
