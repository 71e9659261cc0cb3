/**
 * `ergocheck ergotropy --rho FILE --precision P` as a whole process on exact complex states
 * (bench/exact-state.ts), against the eigenvalues of the same exact matrix in mpmath (`eighe`,
 * values only, no error bound) and in Arb through python-flint (`acb_mat.eig`: approximate, and
 * rigorous where affordable), each also a whole Python process that reads the same file.
 *
 * Python with mpmath: `python3`; with python-flint: $ERGOCHECK_FLINT_PYTHON, else
 * /work/venv-flint/bin/python, else `python3`. Where a library is missing the row says so and the
 * comparison is skipped.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { exactComplexState } from './exact-state.js';
import { median, type BenchRow } from './harness.js';

/** The repository root (this file runs from bench/ under vite-node and from dist/bench/ when built). */
function repoRoot(): string {
  let dir = fileURLToPath(new URL('.', import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'bin', 'ergocheck.js'))) {
    const up = join(dir, '..');
    if (up === dir) throw new Error('ergotropy bench: repository root not found');
    dir = up;
  }
  return dir;
}

interface Run {
  ms: number;
  /** CPU time (user + system) of the process, where /usr/bin/time can tell; else NaN. */
  cpuMs: number;
  code: number;
  out: string;
}

// On a shared machine wall time mostly measures the other processes; CPU time is reported beside it.
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const CPU_MARK = 'ergocheck-bench-cpu';

function run(cmd: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = TIME
      ? spawn(TIME, ['-f', `${CPU_MARK} %U %S`, cmd, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', () => resolve({ ms: performance.now() - t0, cpuMs: NaN, code: 127, out: `cannot run ${cmd}` }));
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      const m = new RegExp(`${CPU_MARK} ([0-9.]+) ([0-9.]+)`).exec(err);
      const rest = err.replace(new RegExp(`${CPU_MARK}.*\\n?`), '');
      resolve({ ms, cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : NaN, code: code ?? 1, out: out + rest });
    });
  });
}

async function medianOf(runs: number, cmd: string, args: string[]): Promise<{ ms: number; cpuMs: number; last: Run }> {
  const times: number[] = [];
  const cpu: number[] = [];
  let last: Run = { ms: 0, cpuMs: NaN, code: 0, out: '' };
  for (let i = 0; i < runs; i++) {
    last = await run(cmd, args);
    if (last.code !== 0) return { ms: NaN, cpuMs: NaN, last };
    times.push(last.ms);
    cpu.push(last.cpuMs);
  }
  return { ms: median(times), cpuMs: median(cpu), last };
}

function flintPython(): string {
  const env = process.env.ERGOCHECK_FLINT_PYTHON;
  if (env) return env;
  return existsSync('/work/venv-flint/bin/python') ? '/work/venv-flint/bin/python' : 'python3';
}

const fmt = (ms: number): string => (Number.isNaN(ms) ? '—' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

interface Timing {
  ms: number;
  cpuMs: number;
  note?: string;
}

/** One reference method as a whole Python process; NaN and a reason if it could not run. */
async function reference(python: string, script: string, file: string, digits: number, method: string, runs: number): Promise<Timing> {
  const r = await medianOf(runs, python, [script, file, String(digits), method]);
  if (r.last.code !== 0) return { ms: NaN, cpuMs: NaN, note: `${method}: ${python} failed (${r.last.out.trim().split('\n').pop()})` };
  const line = r.last.out.trim().split('\n').pop() ?? '';
  try {
    const j = JSON.parse(line) as { missing?: string };
    if (j.missing) return { ms: NaN, cpuMs: NaN, note: `${method}: skipped, ${j.missing}` };
  } catch {
    return { ms: NaN, cpuMs: NaN, note: `${method}: unexpected output ${line}` };
  }
  return { ms: r.ms, cpuMs: r.cpuMs };
}

/** "wall (cpu)" */
const both = (t: { ms: number; cpuMs: number }): string => (Number.isNaN(t.cpuMs) ? fmt(t.ms) : `${fmt(t.ms)} (${fmt(t.cpuMs)})`);

export async function benchErgotropy(quick = false): Promise<BenchRow[]> {
  const root = repoRoot();
  const bin = join(root, 'bin', 'ergocheck.js');
  const script = join(root, 'bench', 'ergotropy-reference.py');
  const dir = mkdtempSync(join(tmpdir(), 'ergocheck-bench-'));
  const cases: { n: number; digits: number; runs: number; rigorous: boolean }[] = quick
    ? [
        { n: 16, digits: 100, runs: 3, rigorous: true },
        { n: 64, digits: 50, runs: 1, rigorous: false },
      ]
    : [
        { n: 16, digits: 100, runs: 5, rigorous: true },
        { n: 64, digits: 50, runs: 3, rigorous: true },
        { n: 128, digits: 50, runs: 1, rigorous: false },
      ];
  const rows: BenchRow[] = [];
  const table: string[] = [
    'wall time (CPU time) of whole processes; ratios of CPU times',
    '| what | ergocheck | mpmath eighe | Arb approx | Arb rigorous | mpmath / ergocheck | Arb approx / ergocheck |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  const notes = new Set<string>();
  try {
    for (const c of cases) {
      const file = join(dir, `rho-${c.n}.json`);
      writeFileSync(file, JSON.stringify(exactComplexState(c.n, 1)));
      const what = `ergotropy ${c.n}×${c.n} exact complex state, ${c.digits} digits (whole process)`;
      const e = await medianOf(c.runs, process.execPath, [bin, 'ergotropy', '--rho', file, '--precision', String(c.digits), '--json']);
      if (e.last.code !== 0) notes.add(`ergocheck failed: ${e.last.out.trim()}`);
      const mp = await reference('python3', script, file, c.digits, 'mpmath', c.runs);
      const approx = await reference(flintPython(), script, file, c.digits, 'arb-approx', c.runs);
      const rig: Timing = c.rigorous ? await reference(flintPython(), script, file, c.digits, 'arb-rigorous', 1) : { ms: NaN, cpuMs: NaN };
      for (const x of [mp, approx, rig]) if (x.note) notes.add(x.note);
      const ratio = (x: Timing) => {
        const [a, b] = Number.isNaN(x.cpuMs) || Number.isNaN(e.cpuMs) ? [x.ms, e.ms] : [x.cpuMs, e.cpuMs];
        return Number.isNaN(a) || Number.isNaN(b) ? '—' : `${(a / b).toFixed(2)}×`;
      };
      rows.push({
        name: what,
        medianMs: e.ms,
        runs: c.runs,
        reference: `CPU ${fmt(e.cpuMs)}; mpmath ${both(mp)}, Arb approx ${both(approx)}, Arb rigorous ${both(rig)}`,
      });
      table.push(
        `| ${c.n}×${c.n}, ${c.digits} digits | ${both(e)} | ${both(mp)} | ${both(approx)} | ${c.rigorous ? both(rig) : 'not run'} | ${ratio(mp)} | ${ratio(approx)} |`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(table.join('\n'));
  for (const note of notes) console.log(`note: ${note}`);
  return rows;
}
