/**
 * The steady state from its spin blocks at scale, and whole processes against QuTiP:
 * - 50 digits: `steady-state --qubits 12 --initial ground` (target < 2 s, whole process) and a
 *   random pure state of 10 qubits through the library map and steadyStateSummary (< 10 s);
 * - float64: `steady-state --float64 --qubits 12` (ground, thermal) as whole processes;
 * - `steady-state --float64 --qubits 6 --initial FILE` (a Hilbert–Schmidt mixed state) against
 *   QuTiP mesolve from the same file run to ‖L(ρ)‖_F < 1e-10, both whole processes in the same run,
 *   wall and CPU, beside a bare node start (target ≥ 100×; skipped with a line when no Python with
 *   QuTiP is found).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { decimalField } from '../src/numeric/decimal.js';
import { float64 } from '../src/numeric/float64.js';
import { collectiveCoupling } from '../src/physics/lindblad.js';
import { collectiveSteadyState } from '../src/physics/steady-state.js';
import { steadyStateSummary } from '../src/physics/steady-summary.js';
import { haarStateVector } from '../src/random/haar.js';
import { hilbertSchmidtState } from '../src/random/mixed.js';
import { Rng } from '../src/random/rng.js';
import { ergocheckMs, qutipPython, ROOT } from './processes.js';
import { median, type BenchRow } from './harness.js';

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

/** CPU time (user + system, ms) of this process's waited-for children, from /proc (Linux; null elsewhere). 10 ms resolution. */
function childrenCpuMs(): number | null {
  try {
    // fields after the command name: state is field 3; cutime and cstime are fields 16 and 17
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[13]) + Number(f[14])) * 1000) / 100;
  } catch {
    return null;
  }
}

/**
 * Medians of wall and CPU time of `runs` runs of a whole process (CPU: all its threads, from the
 * kernel's accounting of children); the last run's stdout parsed as its last JSON line, if any.
 */
function processTimes(command: string, args: readonly string[], runs: number): { wallMs: number; cpuMs: number | null; out: Record<string, unknown> } {
  const wall: number[] = [];
  const cpu: number[] = [];
  let stdout = '';
  for (let i = 0; i < runs; i++) {
    const c0 = childrenCpuMs();
    const t0 = performance.now();
    const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
    wall.push(performance.now() - t0);
    const c1 = childrenCpuMs();
    if (c0 !== null && c1 !== null) cpu.push(c1 - c0);
    if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}): ${r.stderr.trim().split('\n').slice(-1)[0]}`);
    stdout = r.stdout;
  }
  const last = stdout.trim().split('\n').slice(-1)[0];
  let out: Record<string, unknown> = {};
  try {
    out = JSON.parse(last) as Record<string, unknown>;
  } catch {
    // not a JSON line: nothing to report
  }
  return { wallMs: median(wall), cpuMs: cpu.length === runs ? median(cpu) : null, out };
}

export function benchSteadyBlocks(quick = false): BenchRow[] {
  const rows: BenchRow[] = [];
  const runs = quick ? 1 : 3;
  rows.push({
    name: 'steady-state --qubits 12 --initial ground, 50 digits (process)',
    medianMs: ergocheckMs(['steady-state', '--qubits', '12', '--beta', '1', '--initial', 'ground'], runs),
    runs,
    reference: 'target < 2 s',
  });
  if (!quick) {
    rows.push({
      name: 'steady-state --qubits 12 --initial thermal, 50 digits (process)',
      medianMs: ergocheckMs(['steady-state', '--qubits', '12', '--beta', '1', '--initial', 'thermal'], runs),
      runs,
    });
    rows.push({
      name: 'steady-state --float64 --qubits 12 --initial ground (process)',
      medianMs: ergocheckMs(['steady-state', '--float64', '--qubits', '12', '--beta', '1', '--initial', 'ground'], runs),
      runs,
      reference: 'was > 15 min',
    });
    rows.push({
      name: 'steady-state --float64 --qubits 12 --initial thermal (process)',
      medianMs: ergocheckMs(['steady-state', '--float64', '--qubits', '12', '--beta', '1', '--initial', 'thermal'], runs),
      runs,
    });
  }

  // the library route at 50 digits from a random pure state: map (incl. the first Schur–Weyl basis) + summary
  for (const N of quick ? [8] : [8, 10]) {
    const D = decimalField(50);
    const model = collectiveCoupling(D, N, { omega: D.one, beta: D.one, gamma0: D.one, f: D.fromString('0.5') });
    const psi = haarStateVector(D, new Rng(N, ['bench', 'blocks']), 2 ** N);
    const t0 = performance.now();
    const ss = collectiveSteadyState(D, model, psi);
    const t1 = performance.now();
    steadyStateSummary(D, ss, model);
    const t2 = performance.now();
    rows.push({
      name: `random pure N=${N}, 50 digits: map + W, bound, C_l1 (library, first call)`,
      medianMs: t2 - t0,
      runs: 1,
      reference: `map ${fmt(t1 - t0)}, summary ${fmt(t2 - t1)}${N === 10 ? '; target < 10 s' : ''}`,
    });
  }
  if (!quick) {
    const model = collectiveCoupling(float64, 12, { omega: 1, beta: 1, gamma0: 1, f: 0.5 });
    const psi = haarStateVector(float64, new Rng(12, ['bench', 'blocks']), 2 ** 12);
    const t0 = performance.now();
    steadyStateSummary(float64, collectiveSteadyState(float64, model, psi), model);
    rows.push({ name: 'random pure N=12, float64: map + W, bound, C_l1 (library, first call)', medianMs: performance.now() - t0, runs: 1 });
  }

  // N = 6 from a mixed state file: ergocheck and QuTiP mesolve, whole processes, wall and CPU
  const dir = mkdtempSync(join(tmpdir(), 'ergocheck-bench-'));
  try {
    const N = 6;
    const rho = hilbertSchmidtState(float64, new Rng(6, ['bench', 'qutip']), 2 ** N);
    const rows2 = (a: number[]) => Array.from({ length: 2 ** N }, (_, i) => a.slice(i * 2 ** N, (i + 1) * 2 ** N));
    const file = join(dir, 'mixed6.json');
    writeFileSync(file, JSON.stringify({ re: rows2(rho.re), im: rows2(rho.im) }));
    const n = quick ? 3 : 7;
    const bare = processTimes(process.execPath, ['-e', ''], n);
    const ours = processTimes(process.execPath, ['bin/ergocheck.js', 'steady-state', '--float64', '--qubits', String(N), '--beta', '1', '--initial', file], n);
    const cpu = (t: { cpuMs: number | null }) => (t.cpuMs === null ? 'CPU n/a' : `CPU ${fmt(t.cpuMs)}`);
    rows.push({ name: 'node -e "" (bare start, same run)', medianMs: bare.wallMs, runs: n, reference: cpu(bare) });
    const py = qutipPython();
    const q = py ? processTimes(py, ['bench/qutip/steady_mesolve.py', file, String(N), '1', '1', '0', '1e-10'], 1) : null;
    const ratio = (a: number | null, b: number | null) => (a === null || b === null ? 'n/a' : `×${(a / b).toFixed(1)}`);
    rows.push({
      name: `steady-state --float64 --qubits ${N} --initial FILE (mixed; process)`,
      medianMs: ours.wallMs,
      runs: n,
      reference: q
        ? `${cpu(ours)}; QuTiP mesolve to ‖L(ρ)‖ < 1e-10, whole process: ${fmt(q.wallMs)} wall, ${cpu(q)} (t = ${q.out.t_final}, W = ${Number(q.out.W).toPrecision(12)}); ratio ${ratio(q.wallMs, ours.wallMs)} wall, ${ratio(q.cpuMs, ours.cpuMs)} CPU (target ≥ ×100; a bare node start alone would be ${ratio(q.wallMs, bare.wallMs)} wall)`
        : `${cpu(ours)}; QuTiP not found (set ERGOCHECK_PYTHON to a python3 with qutip): comparison skipped`,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
