/**
 * Statistics of C_l1 and W of the steady states of random initial states, N = 2 … Nmax, on worker
 * threads. Reproducibility: sample i of N always uses the stream fork(`N=${N}/sample=${i}`), the
 * values come back into arrays indexed by sample, and every sum runs over that array in index order
 * (Neumaier-compensated), so the statistics are bit-identical for any number of workers.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { InternalError } from '../errors.js';
import type { Ensemble } from '../random/ensembles.js';
import type { Seed } from '../random/rng.js';
import { computeTask, type SampleTask, type SampleValues } from './compute.js';

export interface Stat {
  readonly mean: number;
  /** Sample standard deviation (n − 1 in the denominator; 0 for n = 1). */
  readonly std: number;
  /** Standard error of the mean, std/√n. */
  readonly sem: number;
}

export interface RandomStateRow {
  readonly N: number;
  readonly samples: number;
  readonly Cl1: Stat;
  readonly W: Stat;
}

/** Neumaier-compensated sum in index order (deterministic; error ≈ one rounding of the result). */
export function compensatedSum(xs: ArrayLike<number>, f: (x: number) => number = (x) => x): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < xs.length; i++) {
    const v = f(xs[i]);
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}

/** Mean, standard deviation and standard error of `xs` (two passes, compensated, index order). */
export function stat(xs: ArrayLike<number>): Stat {
  const n = xs.length;
  if (n === 0) return { mean: NaN, std: NaN, sem: NaN };
  const mean = compensatedSum(xs) / n;
  const std = n > 1 ? Math.sqrt(compensatedSum(xs, (x) => (x - mean) * (x - mean)) / (n - 1)) : 0;
  return { mean, std, sem: std / Math.sqrt(n) };
}

export interface SampleRunOptions {
  readonly Ns: readonly number[];
  readonly samples: number;
  /** Only the samples with index in [from, to) (a shard; default all): values still by index − from. */
  readonly from?: number;
  readonly to?: number;
  readonly seed: Seed;
  readonly ensemble: Ensemble;
  /** r = e^{−βω} ∈ (0, 1]. */
  readonly r: number;
  readonly omega: number;
  /** Worker threads; 0 = compute in this thread. Default min(2, available parallelism). */
  readonly workers?: number;
  /** Called after each finished chunk with the samples done so far and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Default worker count: the machine's parallelism, at most 2 (more rarely pays on a shared machine). */
export const defaultWorkers = (): number => Math.max(1, Math.min(2, availableParallelism()));

/**
 * The compiled worker: next to this module in dist/src/figures/, worker.cjs beside the command's bundle
 * in dist/cli/ (scripts/bundle-cli.ts), or dist/src/figures/worker.js when running from sources.
 */
function workerUrl(): URL {
  const here = new URL(import.meta.url);
  if (here.pathname.endsWith('.ts')) return new URL('../../dist/src/figures/worker.js', here);
  return new URL(here.pathname.endsWith('.cjs') ? './worker.cjs' : './worker.js', here);
}

/** Per-sample values for every N in `Ns`, by sample index (minus `from`). */
export async function runSamples(o: SampleRunOptions): Promise<Map<number, SampleValues>> {
  const workers = o.workers ?? defaultWorkers();
  const from = o.from ?? 0;
  const to = o.to ?? o.samples;
  if (!(Number.isInteger(from) && Number.isInteger(to) && 0 <= from && from <= to && to <= o.samples))
    throw new RangeError(`runSamples: sample range [${from}, ${to}) outside [0, ${o.samples})`);
  const count = to - from;
  const out = new Map<number, { Cl1: Float64Array; W: Float64Array }>();
  const tasks: SampleTask[] = [];
  // Chunks: large N first (they are the slow ones), ~16 chunks per N so that two workers balance.
  for (const N of [...o.Ns].sort((a, b) => b - a)) {
    out.set(N, { Cl1: new Float64Array(count), W: new Float64Array(count) });
    const size = Math.max(1, Math.ceil(count / 16));
    for (let s = from; s < to; s += size) tasks.push({ N, ensemble: o.ensemble, seed: o.seed, r: o.r, omega: o.omega, start: s, end: Math.min(to, s + size) });
  }
  const total = count * o.Ns.length;
  let done = 0;
  const store = (t: SampleTask, v: SampleValues): void => {
    const dst = out.get(t.N)!;
    dst.Cl1.set(v.Cl1, t.start - from);
    dst.W.set(v.W, t.start - from);
    done += t.end - t.start;
    o.onProgress?.(done, total);
  };
  if (workers === 0) {
    for (const t of tasks) store(t, computeTask(t));
    return out;
  }
  const pool = Array.from({ length: Math.min(workers, tasks.length) }, () => new Worker(workerUrl()));
  try {
    let next = 0;
    await Promise.all(
      pool.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const give = (): void => {
              if (next >= tasks.length) return resolve();
              const id = next++;
              w.once('message', (msg: { id: number; Cl1?: Float64Array; W?: Float64Array; error?: string }) => {
                if (msg.error !== undefined) return reject(new InternalError(`figures worker: ${msg.error}`));
                store(tasks[id], { Cl1: msg.Cl1!, W: msg.W! });
                give();
              });
              w.postMessage({ id, task: tasks[id] });
            };
            w.once('error', reject);
            give();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return out;
}

/** One row of statistics per N (N ascending) from per-sample values. */
export function randomStateRows(values: Map<number, SampleValues>): RandomStateRow[] {
  return [...values.keys()]
    .sort((a, b) => a - b)
    .map((N) => {
      const v = values.get(N)!;
      return { N, samples: v.Cl1.length, Cl1: stat(v.Cl1), W: stat(v.W) };
    });
}

/** Points per N drawn in the W-against-C_l1 scatter plot. */
export const DRAW_PER_N = 1000;

/** Up to `per` points per N for drawing, by a fixed stride over the sample index (statistics never use this). */
export function drawingSubsample(values: Map<number, SampleValues>, per: number): { N: number; Cl1: number; W: number }[] {
  const out: { N: number; Cl1: number; W: number }[] = [];
  for (const [N, v] of [...values.entries()].sort((a, b) => a[0] - b[0])) {
    const stride = Math.max(1, Math.ceil(v.Cl1.length / per));
    for (let i = 0; i < v.Cl1.length; i += stride) out.push({ N, Cl1: v.Cl1[i], W: v.W[i] });
  }
  return out;
}
