/**
 * The collective steady state reached from the all-ground state, from the exact derivation
 * (src/derive). Kept apart from states.ts so that commands which only need the named states do
 * not load the derivation pipeline.
 */
import type { AnalyticField } from '../numeric/field.js';
import { zeros, type CMatrix } from '../numeric/matrix.js';
import { assertQubitCount, excitations } from './qubits.js';
import { groundLadderSteadyState } from '../derive/ladder-steady-state.js';
import { rfevalField, type RatFunc } from '../symbolic/ratfunc.js';
import { thermalR, type ThermalParameters } from './states.js';

const blockEntryCache = new Map<number, readonly RatFunc[]>();

/**
 * The entries d_k (k = 0 … N) of the blocks of the steady state reached from the all-ground state:
 * the exact rational functions of r = e^{−βω} derived by the pipeline (src/derive: the spin-N/2
 * ladder populations divided by the sector sizes, r^k / (C(N, k) Σ_{n=0}^{N} r^n) in lowest terms),
 * evaluated in F. All terms are positive, so there is no cancellation near r = 1, and r = 1 gives
 * the β = 0 value 1/((N+1) C(N, k)) exactly. Each d_k within ≈ 2N units of roundoff.
 */
export function groundSteadyBlockEntries<T>(F: AnalyticField<T>, N: number, p: ThermalParameters<T>): T[] {
  assertQubitCount(N, 'groundSteadyBlockEntries');
  const r = thermalR(F, p, 'groundSteadyBlockEntries');
  let entries = blockEntryCache.get(N);
  if (!entries) blockEntryCache.set(N, (entries = groundLadderSteadyState(N).blockEntries));
  return entries.map((e) => rfevalField(F, e, { y: r }));
}

/**
 * The collective steady state reached from the all-ground state: block diagonal in the
 * excitation number k, each block D_k = d_k U_k (U_k the all-ones p_k × p_k matrix). Entries as groundSteadyBlockEntries.
 */
export function groundStateSteadyState<T>(F: AnalyticField<T>, N: number, p: ThermalParameters<T>): CMatrix<T> {
  const dk = groundSteadyBlockEntries(F, N, p);
  const d = 2 ** N;
  const rho = zeros(F, d);
  const k = Array.from({ length: d }, (_, x) => excitations(x, N));
  for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) if (k[a] === k[b]) rho.re[a * d + b] = dk[k[a]];
  return rho;
}
