/**
 * The steady state from its spin blocks at scale, and whole processes against QuTiP:
 * - 50 digits: `steady-state --qubits 12 --initial ground` (target < 2 s, whole process) and a
 *   random pure state of 10 qubits through the library map and steadyStateSummary (< 10 s);
 * - float64: `steady-state --float64 --qubits 12` (ground, thermal) as whole processes;
 * - `steady-state --float64 --qubits 6 --initial FILE` (a Hilbert–Schmidt mixed state) against
 *   QuTiP mesolve from the same file run to ‖L(ρ)‖_F < 1e-10, both whole processes in the same run
 *   (target ≥ 100×; skipped with a line when no Python with QuTiP is found).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
import { ergocheckMs, qutipRun } from './processes.js';
import type { BenchRow } from './harness.js';

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

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

  // N = 6 from a mixed state file: ergocheck and QuTiP mesolve, whole processes
  const dir = mkdtempSync(join(tmpdir(), 'ergocheck-bench-'));
  try {
    const N = 6;
    const rho = hilbertSchmidtState(float64, new Rng(6, ['bench', 'qutip']), 2 ** N);
    const rows2 = (a: number[]) => Array.from({ length: 2 ** N }, (_, i) => a.slice(i * 2 ** N, (i + 1) * 2 ** N));
    const file = join(dir, 'mixed6.json');
    writeFileSync(file, JSON.stringify({ re: rows2(rho.re), im: rows2(rho.im) }));
    const ours = ergocheckMs(['steady-state', '--float64', '--qubits', String(N), '--beta', '1', '--initial', file], quick ? 3 : 7);
    const q = qutipRun('steady_mesolve.py', [file, String(N), '1', '1', '0', '1e-10']);
    rows.push({
      name: `steady-state --float64 --qubits ${N} --initial FILE (mixed; process)`,
      medianMs: ours,
      runs: quick ? 3 : 7,
      reference: q
        ? `QuTiP mesolve to ‖L(ρ)‖ < 1e-10: ${fmt(q.wallMs)} process (t = ${q.out.t_final}, W = ${q.out.W.toPrecision(12)}); ratio ×${(q.wallMs / ours).toFixed(1)} (target ≥ ×100)`
        : 'QuTiP not found (set ERGOCHECK_PYTHON to a python3 with qutip): comparison skipped',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
