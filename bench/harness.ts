/** A minimal benchmark harness: median wall time of repeated runs, after one warm-up run. */
import { performance } from 'node:perf_hooks';

export interface BenchRow {
  name: string;
  medianMs: number;
  runs: number;
  /** What the row is compared with, e.g. a target or a time measured elsewhere. */
  reference?: string;
}

export function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Run `fn` once to warm up (unless warmup = false), then `runs` times; report the median. */
export function bench(name: string, fn: () => unknown, runs: number, options: { warmup?: boolean; reference?: string } = {}): BenchRow {
  if (options.warmup ?? true) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return { name, medianMs: median(times), runs, reference: options.reference };
}

export function formatRows(rows: BenchRow[]): string {
  const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`);
  const w = Math.max(...rows.map((r) => r.name.length));
  return rows
    .map((r) => `${r.name.padEnd(w)}  ${fmt(r.medianMs).padStart(9)}  (median of ${r.runs})${r.reference ? `   reference: ${r.reference}` : ''}`)
    .join('\n');
}
