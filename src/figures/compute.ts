/**
 * C_l1 and W of the steady states of a range of random samples, in this thread, by the fast
 * kernel (physics/steady-kernel.ts). Used by the worker threads and by the single-thread path.
 */
import type { Ensemble } from '../random/ensembles.js';
import type { Seed } from '../random/rng.js';
import { SteadyKernel } from '../physics/steady-kernel.js';
import { sampleReduced } from './samples.js';

/** One contiguous range of sample indices [start, end) of N qubits. */
export interface SampleTask {
  readonly N: number;
  readonly ensemble: Ensemble;
  readonly seed: Seed;
  /** r = e^{−βω} ∈ (0, 1]. */
  readonly r: number;
  readonly omega: number;
  readonly start: number;
  readonly end: number;
}

export interface SampleValues {
  readonly Cl1: Float64Array;
  readonly W: Float64Array;
}

const kernels = new Map<string, SteadyKernel>();

/** The values of samples start … end − 1, index order; a pure function of the task. */
export function computeTask(t: SampleTask): SampleValues {
  const key = `${t.N}/${t.r}/${t.omega}`;
  let k = kernels.get(key);
  if (!k) kernels.set(key, (k = new SteadyKernel(t.N, t.r, t.omega)));
  const n = t.end - t.start;
  const Cl1 = new Float64Array(n);
  const W = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const q = k.evaluateReduced(sampleReduced(k, t.ensemble, t.seed, t.N, t.start + i));
    Cl1[i] = q.Cl1;
    W[i] = q.W;
  }
  return { Cl1, W };
}
