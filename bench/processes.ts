/**
 * Whole-process timings for the benchmarks: the ergocheck binary (bin/ergocheck.js, i.e. dist/)
 * and, when a Python with QuTiP is found, the QuTiP reference scripts in bench/qutip/.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { median } from './harness.js';

/** The repository root (this file runs from dist/bench/). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Median wall time (ms) of `runs` runs of a command; throws if it fails. */
export function processMs(command: string, args: readonly string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
    times.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}): ${r.stderr.trim().split('\n')[0]}`);
  }
  return median(times);
}

/** Median wall time of `ergocheck ARGS…` as a user runs it. */
export const ergocheckMs = (args: readonly string[], runs: number): number => processMs(process.execPath, ['bin/ergocheck.js', ...args], runs);

let python: string | null | undefined;

/** A python3 that imports qutip (ERGOCHECK_PYTHON, python3, /usr/bin/python3), or null. */
export function qutipPython(): string | null {
  if (python !== undefined) return python;
  const candidates = [process.env.ERGOCHECK_PYTHON, 'python3', '/usr/bin/python3'].filter((x): x is string => !!x);
  python = candidates.find((p) => spawnSync(p, ['-c', 'import qutip'], { encoding: 'utf8' }).status === 0) ?? null;
  return python;
}

/** Run a QuTiP script of bench/qutip/ and parse its one JSON line (whole process wall time in `wallMs`). */
export function qutipRun(script: string, args: readonly string[]): { wallMs: number; out: Record<string, number> } | null {
  const py = qutipPython();
  if (!py) return null;
  const t0 = performance.now();
  const r = spawnSync(py, [`bench/qutip/${script}`, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`QuTiP ${script} failed: ${r.stderr.trim().split('\n').slice(-1)[0]}`);
  return { wallMs, out: JSON.parse(r.stdout.trim().split('\n').slice(-1)[0]) };
}
