/**
 * Benchmarks of the figures: all of Fig. 3 (N = 2 … 7, β = 0) on worker threads for Haar
 * and Hilbert–Schmidt states, the run N = 2 … 12 with 10^4 Haar samples per N, and the ratio to a
 * straightforward reference (draw the dense ρ0, project with the exact map, diagonalise the full
 * 2^N × 2^N ρ_ss) measured in the same run on a few samples.
 * Targets: Fig. 3 (6 × 10^5 samples) < 60 s on 2 cores; N ≤ 12 with 10^4 samples per N < 5 min;
 * several times faster than a vectorised numpy exact map (its times, measured elsewhere on a
 * 2-core machine, are the rows' reference).
 */
import { performance } from 'node:perf_hooks';
import { float64 as F } from '../src/numeric/float64.js';
import { collectiveCoupling } from '../src/physics/lindblad.js';
import { collectiveSteadyState } from '../src/physics/steady-state.js';
import { ergotropy } from '../src/physics/ergotropy.js';
import { l1Coherence } from '../src/physics/coherence.js';
import { h0 } from '../src/physics/qubits.js';
import { sampleRng } from '../src/figures/samples.js';
import { randomState } from '../src/random/ensembles.js';
import { computeTask } from '../src/figures/compute.js';
import { defaultWorkers, runSamples } from '../src/figures/random-state-statistics.js';
import type { BenchRow } from './harness.js';

const seconds = async (fn: () => unknown): Promise<number> => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};

/** ms per sample of the reference route (dense ρ0 drawn → exact map → dense eigh of ρ_ss) and of the kernel route (sample → kernel). */
export function referenceRatio(N: number, ensemble: 'haar' | 'hs', samples: number): { referenceMs: number; kernelMs: number } {
  const model = collectiveCoupling(F, N, { omega: 1, beta: 0, gamma0: 1, timeScale: 'normalised' });
  const H = h0(F, N, 1);
  computeTask({ N, ensemble, seed: 0, r: 1, omega: 1, start: 0, end: 1 }); // warm-up (basis, JIT)
  const t0 = performance.now();
  for (let i = 0; i < samples; i++) {
    const rho = collectiveSteadyState(F, model, randomState(F, sampleRng(0, N, i), ensemble, 2 ** N)).rho;
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
  for (const [ensemble, numpy] of [
    ['haar', 25],
    ['hs', 190],
  ] as const) {
    const t = await seconds(() => runSamples({ Ns: [2, 3, 4, 5, 6, 7], samples, seed: 1, ensemble, r: 1, omega: 1, workers }));
    rows.push({
      name: `Fig. 3: ${samples} ${ensemble} samples per N, N = 2..7, ${workers} workers`,
      medianMs: t,
      runs: 1,
      reference: quick ? 'quick run' : `target < 60 s; numpy exact map ≈ ${numpy} s (${((numpy * 1000) / t).toFixed(1)}× that)`,
    });
  }
  const upTo12 = quick ? 200 : 10_000;
  const Ns = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  const t12 = await seconds(() => runSamples({ Ns, samples: upTo12, seed: 1, ensemble: 'haar', r: 1, omega: 1, workers }));
  rows.push({ name: `N = 2..12: ${upTo12} Haar samples per N, ${workers} workers`, medianMs: t12, runs: 1, reference: quick ? 'quick run' : 'target < 5 min' });
  const n12 = quick ? 20 : 200;
  const k12 = await seconds(() => computeTask({ N: 12, ensemble: 'haar', seed: 2, r: 1, omega: 1, start: 0, end: n12 }));
  rows.push({ name: 'N = 12 Haar, β = 0: per sample, 1 thread', medianMs: k12 / n12, runs: n12 });
  const k12b = await seconds(() => computeTask({ N: 12, ensemble: 'haar', seed: 2, r: Math.exp(-1), omega: 1, start: 0, end: n12 }));
  rows.push({ name: 'N = 12 Haar, β = 1: per sample, 1 thread (no spin-flip symmetry)', medianMs: k12b / n12, runs: n12 });
  for (const [N, ens, n] of [
    [7, 'haar', quick ? 3 : 10],
    [7, 'hs', quick ? 3 : 10],
  ] as const) {
    const { referenceMs, kernelMs } = referenceRatio(N, ens, n);
    rows.push({ name: `N = ${N} ${ens}: reference (dense ρ0, map, 2^N eigh) per sample`, medianMs: referenceMs, runs: n });
    rows.push({
      name: `N = ${N} ${ens}: kernel route per sample (1 thread)`,
      medianMs: kernelMs,
      runs: n * 20,
      reference: `reference/kernel = ${(referenceMs / kernelMs).toFixed(0)}×`,
    });
  }
  return rows;
}
