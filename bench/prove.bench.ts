/** `ergocheck prove` over every claim at 50 digits (target: under 20 s on 2 cores). */
import { runClaims } from '../src/claims/run.js';
import { CLAIMS } from '../proofs/index.js';
import type { BenchRow } from './harness.js';
import { performance } from 'node:perf_hooks';

export async function benchProve(): Promise<BenchRow[]> {
  const t0 = performance.now();
  const checked = await runClaims(CLAIMS, { precision: 50, seed: 20220513 });
  const ms = performance.now() - t0;
  const slowest = [...checked].sort((a, b) => b.evidence.seconds - a.evidence.seconds).slice(0, 3);
  return [
    { name: `prove: all ${checked.length} claims at 50 digits`, medianMs: ms, runs: 1, reference: 'target < 20 s' },
    ...slowest.map((c) => ({ name: `  slowest: ${c.id}`, medianMs: c.evidence.seconds * 1000, runs: 1 })),
  ];
}
