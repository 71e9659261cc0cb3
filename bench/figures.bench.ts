/**
 * Benchmarks of issue 7 (figures): all of Fig. 3 (N = 2 … 7, Haar, β = 0) on worker threads, the
 * N = 12 run, and the ratio to a straightforward reference (form ρ0, project with the exact map,
 * diagonalise the full 2^N × 2^N ρ_ss) measured in the same run on a few samples.
 * Targets: Fig. 3 (6 × 10^5 samples) < 60 s on 2 cores; N ≤ 12 with 10^4 samples per N < 5 min.
 */
import { performance } from 'node:perf_hooks';
import { float64 as F } from '../src/numeric/float64.js';
import { collectiveCoupling } from '../src/physics/lindblad.js';
import { collectiveSteadyState } from '../src/physics/steady-state.js';
import { ergotropy } from '../src/physics/ergotropy.js';
import { l1Coherence } from '../src/physics/coherence.js';
import { h0 } from '../src/physics/qubits.js';
import { sampleDensity } from '../src/figures/samples.js';
import { computeTask } from '../src/figures/compute.js';
import { defaultWorkers, runSamples } from '../src/figures/fig3.js';
import type { BenchRow } from './harness.js';

const seconds = async (fn: () => unknown): Promise<number> => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};

/** ms per sample of the reference route (dense ρ0 → exact map → dense eigh of ρ_ss) and of the kernel, same samples. */
export function referenceRatio(N: number, ensemble: 'haar' | 'hs', samples: number): { referenceMs: number; kernelMs: number } {
  const model = collectiveCoupling(F, N, { omega: 1, beta: 0, gamma0: 1, timeScale: 'normalised' });
  const H = h0(F, N, 1);
  computeTask({ N, ensemble, seed: 0, r: 1, omega: 1, start: 0, end: 1 }); // warm-up (basis, JIT)
  const t0 = performance.now();
  for (let i = 0; i < samples; i++) {
    const rho = collectiveSteadyState(F, model, sampleDensity(ensemble, 0, N, i)).rho;
    l1Coherence(F, rho);
    ergotropy(F, rho, H);
  }
  const t1 = performance.now();
  const kSamples = samples * 20;
  computeTask({ N, ensemble, seed: 0, r: 1, omega: 1, start: 0, end: kSamples });
  const t2 = performance.now();
  return { referenceMs: (t1 - t0) / samples, kernelMs: (t2 - t1) / kSamples };
}

export async function benchFigures(quick = false): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const workers = defaultWorkers();
  const samples = quick ? 10_000 : 100_000;
  const fig3 = await seconds(() => runSamples({ Ns: [2, 3, 4, 5, 6, 7], samples, seed: 1, ensemble: 'haar', r: 1, omega: 1, workers }));
  rows.push({ name: `Fig. 3: ${samples} Haar samples per N, N = 2..7, ${workers} workers`, medianMs: fig3, runs: 1, reference: quick ? 'quick run' : 'target < 60 s; numpy exact map ~25 s' });
  // 10^4 samples at N = 12 take tens of minutes at present: time a subset and extrapolate
  const n12 = quick ? 20 : 400;
  const t12 = await seconds(() => runSamples({ Ns: [12], samples: n12, seed: 1, ensemble: 'haar', r: 1, omega: 1, workers }));
  rows.push({ name: `N = 12: ${n12} Haar samples, ${workers} workers`, medianMs: t12, runs: 1, reference: `${((t12 / n12) * 1e4 / 1000).toFixed(0)} s per 10^4 extrapolated; target < 5 min for N ≤ 12` });
  for (const [N, ens, n] of [
    [7, 'haar', quick ? 3 : 10],
    [7, 'hs', quick ? 3 : 10],
  ] as const) {
    const { referenceMs, kernelMs } = referenceRatio(N, ens, n);
    rows.push({ name: `N = ${N} ${ens}: reference (dense map + 2^N eigh) per sample`, medianMs: referenceMs, runs: n });
    rows.push({ name: `N = ${N} ${ens}: kernel per sample (1 thread)`, medianMs: kernelMs, runs: n * 20, reference: `reference/kernel = ${(referenceMs / kernelMs).toFixed(0)}×` });
  }
  return rows;
}
