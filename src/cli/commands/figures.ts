/** `ergocheck figures`: Figs. 1–3 of the paper recomputed from first principles, as SVG plus data. */
import { performance } from 'node:perf_hooks';
import { InputError } from '../../errors.js';
import { rationalToNumber } from '../../numeric/rational.js';
import { MAX_DENSE_QUBITS, MAX_KERNEL_QUBITS } from '../../physics/qubits.js';
import { ENSEMBLES, parseEnsemble, type Ensemble } from '../../random/ensembles.js';
import { twoQubitCurves, groundStateRows, TWO_QUBIT_CURVE_BETAS, type GroundStateRow } from '../../figures/steady-state-curves.js';
import { defaultWorkers, DRAW_PER_N, drawingSubsample, randomStateRows, runSamples } from '../../figures/random-state-statistics.js';
import { computeTask, type SampleValues } from '../../figures/compute.js';
import { parseShardSpec } from '../../figures/shard.js';
import { SteadyKernel } from '../../physics/steady-kernel.js';
import { assessRandomStateScaling } from '../../figures/assess.js';
import { twoQubitCurvesSpec, groundStateSpec, randomStateStatisticsSpec, randomStateScatterSpec, renderSvg } from '../../figures/render.js';
import { checkOutputDir, writeOutputDir } from '../../report/out-dir.js';
import { directoryName, exactNumber, integerIn, type Io } from '../options.js';
import { command, helpText, option, parseCommand, type OptionContext } from '../option-table.js';

/** Bures samples need a dense 2^N × 2^N factor (time ∝ 8^N, memory ∝ 4^N per thread): 11 is the last N the bench finds practical. */
export const BURES_MAX_QUBITS = 11;

/**
 * Largest N per ensemble: haar up to the kernel's limit (its spin basis is the memory bound per
 * thread); hs and diagonal factor full-rank blocks, up to the dense limit; bures a dense factor.
 */
export const maxQubitsFor = (e: Ensemble): number => (e === 'haar' ? MAX_KERNEL_QUBITS : e === 'bures' ? BURES_MAX_QUBITS : MAX_DENSE_QUBITS);

export const FIGURES_MERGE = command({
  name: 'figures merge',
  positionals: 'SHARD…',
  options: {
    out: option({ value: 'DIR', help: 'where the files of ergocheck figures go, under the same rules', default: 'figures', read: directoryName }),
  },
  about: `Combines the K shard files written by \`ergocheck figures --shard I/K\` (any order) and writes every
file of \`ergocheck figures\` to DIR, byte-identical to a single run with the same --samples,
--seed, --ensemble, --beta, --omega and --max-qubits. Refused, with one line: a missing or repeated
shard, shards of different runs (another seed, ensemble, β, ω, sample count, qubit range or K), or
shards of another ergocheck version.`,
});

/** β of the figures: finite, ≥ 0, as a double. */
const finiteBeta = (raw: string, cx: OptionContext): number => {
  if (/^\+?(inf|infinity)$/i.test(raw.trim()))
    throw new InputError('figures: --beta must be finite (at β = ∞ the steady state depends on undamped coherences; see ergocheck steady-state --help)');
  return rationalToNumber(exactNumber('nonNegative')(raw, cx));
};

export const FIGURES = command({
  name: 'figures',
  options: {
    samples: option({ value: 'N', help: 'random initial states per N', default: '100000', read: integerIn(2, 100_000_000) }),
    seed: option({
      value: 'S',
      help: 'non-negative integer seed ({default}); sample i of N qubits uses the stream fork("N=<N>/sample=<i>"), so the numbers do not depend on --workers',
      default: '1',
      read: integerIn(0, Number.MAX_SAFE_INTEGER),
    }),
    ensemble: option({
      value: 'E',
      synopsis: ENSEMBLES.map((e) => e.name).join('|'),
      help: `${ENSEMBLES.map((e) => `${e.name}: ${e.description}`).join('\n')}\n({default}; the paper does not say which)`,
      default: 'haar',
      read: (raw): Ensemble => {
        try {
          return parseEnsemble(raw);
        } catch (e) {
          throw new InputError(`figures: --ensemble: ${(e as Error).message}`);
        }
      },
    }),
    beta: option({ value: 'B', help: 'inverse temperature, finite, ≥ 0 ({default}, the high-temperature limit)', default: '0', read: finiteBeta }),
    omega: option({
      value: 'W',
      help: 'qubit frequency ω > 0',
      default: '1',
      read: (raw, cx) => rationalToNumber(exactNumber('positive')(raw, cx)),
    }),
    out: option({ value: 'DIR', help: 'where the files go', default: 'figures', read: directoryName }),
    'max-qubits': option({
      value: 'N',
      help: `largest N of Figs. 2–3, 2–${MAX_DENSE_QUBITS} ({default}; haar: up to ${MAX_KERNEL_QUBITS}, ≈ 1.1 GB per worker at 14; bures: at most ${BURES_MAX_QUBITS}); a run expected to last over a minute says how long first`,
      default: '7',
      read: integerIn(2, MAX_KERNEL_QUBITS),
    }),
    workers: option({ value: 'K', help: 'worker threads, 0–64 (0: this thread; {default})', default: String(defaultWorkers()), read: integerIn(0, 64) }),
    shard: option({
      value: 'I/K',
      help: "compute only shard I of K of the Fig. 3 samples (1 ≤ I ≤ K; every N's samples split into K consecutive ranges) and write DIR/fig3-shard-I-of-K.json, nothing else; `ergocheck figures merge` then writes every file above from all K shards, byte-identical to a single run with the same options (docs/figures.md has a Slurm job array and a GitHub Actions matrix)",
      // the count is checked against --samples once both are known
      read: (raw) => parseShardSpec(raw, Number.MAX_SAFE_INTEGER),
    }),
  },
  more: [FIGURES_MERGE],
  about: `Recomputes Figs. 1–3 of the paper: every steady state by the exact Schur–Weyl map, C_l1 (Eq. (3),
computational basis) and W (Eq. (2)) from it. Writes to DIR (default ./figures), as a whole at the
end (an interrupted run keeps the previous set; DIR must be empty, new, or ergocheck's own earlier
figures output, unchanged, as listed in its .ergocheck-manifest.json):
  fig1.svg fig1.csv fig1.json   C_l1 and W against c, two qubits, β = ${TWO_QUBIT_CURVE_BETAS.join(', ')} (Eq. (7))
  fig2.svg fig2.csv fig2.json   ground initial states, N = 2 … max-qubits, at --beta
  fig3a.svg fig3b.svg fig3.csv fig3.json fig3-samples.csv assessment.json
                                random initial states at --beta: mean ± std (and standard errors),
                                scatter of W against C_l1 (drawn from ≤ 1000 points per N; the
                                statistics use every sample), every sample's values, and the
                                statements of Sec. IV B 2 decided from the numbers`,
});

/** The validated options of the command. */
export interface FiguresOptions {
  samples: number;
  seed: number;
  ensemble: Ensemble;
  beta: number;
  omega: number;
  out: string;
  maxQubits: number;
  workers: number;
  /** Only this shard of the Fig. 3 samples (1-based index of count). */
  shard?: { index: number; count: number };
}

export function figuresOptions(args: string[]): FiguresOptions | 'help' {
  const p = parseCommand(FIGURES, args);
  if (p.help) return 'help';
  const { samples, seed, ensemble, beta, omega, out, 'max-qubits': maxQubits, workers, shard } = p.options;
  if (!Number.isFinite(beta) || !Number.isFinite(omega) || Math.exp(-beta * omega) === 0)
    throw new InputError(`figures: β·ω = ${beta * omega} is too large for float64 (e^(−βω) underflows)`);
  if (ensemble !== 'haar' && ensemble !== 'bures' && maxQubits > MAX_DENSE_QUBITS)
    throw new InputError(
      `figures: --ensemble ${ensemble} factors full-rank blocks of every sample (≈ 5 s per sample at N = 13): --max-qubits must be at most ${MAX_DENSE_QUBITS} for it (haar goes to ${MAX_KERNEL_QUBITS})`,
    );
  if (ensemble === 'bures' && maxQubits > BURES_MAX_QUBITS)
    throw new InputError(
      `figures: --ensemble bures needs the full 2^N × 2^N factor (I + U) G of every sample (≈ 1 s at N = 10, ×8 per further qubit): --max-qubits must be at most ${BURES_MAX_QUBITS} for it`,
    );
  return {
    samples,
    seed,
    ensemble,
    beta,
    omega,
    out,
    maxQubits,
    workers,
    ...(shard === undefined ? {} : { shard: parseShardSpec(`${shard.index}/${shard.count}`, samples) }),
  };
}

const csv = (header: string[], rows: (string | number)[][]): string => [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';

/**
 * Fig. 2 rows: the generic dense route (exact map + certified ergotropy + l1Coherence) over the
 * paper's range N ≤ 7; beyond it the kernel (same map, tested equal to the generic route), since
 * the dense eigendecomposition of a 2^N × 2^N state costs O(8^N).
 */
export const FIG2_GENERIC_MAX_N = 7;
function fig2All(beta: number, omega: number, maxN: number): GroundStateRow[] {
  const rows = groundStateRows(beta, omega, Math.min(FIG2_GENERIC_MAX_N, maxN));
  for (let N = FIG2_GENERIC_MAX_N + 1; N <= maxN; N++) {
    // the all-ground state as a "sample": the kernel's pure-state path on e_{2^N − 1}
    const dim = 2 ** N;
    const re = new Float64Array(dim);
    re[dim - 1] = 1;
    rows.push({ N, ...new SteadyKernel(N, Math.exp(-beta * omega), omega).evaluate({ m: 1, re, im: new Float64Array(dim) }) });
  }
  return rows;
}

/** "42 s", "7 min", "2.5 h". */
export function formatDuration(seconds: number): string {
  if (seconds < 1) return `${(seconds * 1000).toPrecision(2)} ms`;
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/**
 * Seconds per sample at the largest N (one timed sample, after one that builds the basis) and the
 * whole Fig. 3 run extrapolated from it: smaller N add about a third; workers divide.
 */
export function estimateRun(o: FiguresOptions): { perSample: number; total: number } {
  const task = { N: o.maxQubits, ensemble: o.ensemble, seed: o.seed, r: Math.exp(-o.beta * o.omega), omega: o.omega };
  computeTask({ ...task, start: 0, end: 1 });
  const t0 = performance.now();
  computeTask({ ...task, start: 1, end: 2 });
  const perSample = (performance.now() - t0) / 1000;
  return { perSample, total: (perSample * o.samples * 4) / 3 / Math.max(1, o.workers) / (o.shard?.count ?? 1) };
}

export async function figuresCommand(args: string[], io: Io): Promise<number> {
  if (args[0] === 'merge') return (await import('./figures-shard.js')).figuresMergeCommand(args.slice(1), io);
  const o = figuresOptions(args);
  if (o === 'help') {
    io.out(helpText(FIGURES));
    return 0;
  }
  if (o.shard) return (await import('./figures-shard.js')).figuresShardCommand(o, o.shard, io);
  return writeFigures(o, io);
}

/** Every file of the command; the Fig. 3 values are computed here unless `given` (merged shards). */
export async function writeFigures(o: FiguresOptions, io: Io, given?: Map<number, SampleValues>): Promise<number> {
  // the whole set is written at the end, atomically: an interrupted run keeps the previous set
  checkOutputDir(o.out, 'figures');
  const files: { name: string; render: () => string }[] = [];
  const write = (name: string, text: string): void => void files.push({ name, render: () => text });
  const t0 = performance.now();

  const f1 = twoQubitCurves(o.omega);
  write('fig1.json', JSON.stringify({ omega: o.omega, betas: TWO_QUBIT_CURVE_BETAS, rows: f1 }, null, 1) + '\n');
  write(
    'fig1.csv',
    csv(
      ['beta', 'c', 'Cl1', 'W'],
      f1.map((p) => [p.beta, p.c, p.Cl1, p.W]),
    ),
  );
  write('fig1.svg', await renderSvg(twoQubitCurvesSpec(f1, o.omega)));

  const f2 = fig2All(o.beta, o.omega, o.maxQubits);
  write('fig2.json', JSON.stringify({ beta: o.beta, omega: o.omega, rows: f2 }, null, 1) + '\n');
  write(
    'fig2.csv',
    csv(
      ['N', 'Cl1', 'W'],
      f2.map((r) => [r.N, r.Cl1, r.W]),
    ),
  );
  write('fig2.svg', await renderSvg(groundStateSpec(f2, o.omega, o.beta)));
  const t12 = performance.now();

  const Ns = Array.from({ length: o.maxQubits - 1 }, (_, i) => i + 2);
  const r = Math.exp(-o.beta * o.omega);
  // A long run says so before it starts (also without a terminal)
  if (o.maxQubits >= 9 && !given) {
    const { perSample, total } = estimateRun(o);
    if (total > 60)
      io.err(
        `figures: this run will take ≈ ${formatDuration(total)} (one ${o.ensemble} sample at N = ${o.maxQubits} takes ${formatDuration(perSample)} on one thread; ${o.workers} workers)`,
      );
  }
  const tty = process.stderr.isTTY === true;
  let last = 0;
  const values =
    given ??
    (await runSamples({
      Ns,
      samples: o.samples,
      seed: o.seed,
      ensemble: o.ensemble,
      r,
      omega: o.omega,
      workers: o.workers,
      onProgress: tty
        ? (done, total) => {
            const now = performance.now();
            if (now - last < 200 && done < total) return;
            last = now;
            const width = 30;
            const fill = Math.round((width * done) / total);
            const elapsed = (now - t12) / 1000;
            const eta = done > 0 && done < total ? `, ≈ ${formatDuration((elapsed * (total - done)) / done)} left` : '';
            process.stderr.write(`\r[${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${done}/${total} samples ${elapsed.toFixed(1)} s${eta}   `);
            if (done === total) process.stderr.write('\n');
          }
        : undefined,
    }));
  const t3 = performance.now();
  const rows = randomStateRows(values);
  write('fig3.json', JSON.stringify({ ensemble: o.ensemble, samples: o.samples, seed: o.seed, beta: o.beta, omega: o.omega, rows }, null, 1) + '\n');
  write(
    'fig3.csv',
    csv(
      ['N', 'samples', 'Cl1_mean', 'Cl1_std', 'Cl1_sem', 'W_mean', 'W_std', 'W_sem'],
      rows.map((r) => [r.N, r.samples, r.Cl1.mean, r.Cl1.std, r.Cl1.sem, r.W.mean, r.W.std, r.W.sem]),
    ),
  );
  const lines: string[] = ['N,sample,Cl1,W'];
  for (const [N, v] of [...values.entries()].sort((a, b) => a[0] - b[0])) for (let i = 0; i < v.Cl1.length; i++) lines.push(`${N},${i},${v.Cl1[i]},${v.W[i]}`);
  write('fig3-samples.csv', lines.join('\n') + '\n');
  const title = `${o.samples} ${o.ensemble} initial states per N, β = ${o.beta}, seed ${o.seed}`;
  write('fig3a.svg', await renderSvg(randomStateStatisticsSpec(rows, o.omega, title)));
  write('fig3b.svg', await renderSvg(randomStateScatterSpec(drawingSubsample(values, DRAW_PER_N), o.omega, title)));
  const assessment = assessRandomStateScaling(rows, f2);
  write('assessment.json', JSON.stringify({ ensemble: o.ensemble, beta: o.beta, statements: assessment }, null, 1) + '\n');
  writeOutputDir(o.out, 'figures', files);

  io.out(
    `figures written to ${o.out} (ensemble ${o.ensemble}, ${o.samples} samples per N, seed ${o.seed}, β = ${o.beta}, ω = ${o.omega}, ${o.workers} workers)`,
  );
  io.out(
    `time: Figs. 1–2 ${((t12 - t0) / 1000).toFixed(2)} s, Fig. 3 samples ${((t3 - t12) / 1000).toFixed(2)} s, total ${((performance.now() - t0) / 1000).toFixed(2)} s`,
  );
  for (const r of rows)
    io.out(
      `  N=${r.N}: C_l1 = ${r.Cl1.mean.toFixed(5)} ± ${r.Cl1.sem.toExponential(1)} (std ${r.Cl1.std.toFixed(4)}), W = ${r.W.mean.toFixed(5)} ± ${r.W.sem.toExponential(1)} (std ${r.W.std.toFixed(4)})`,
    );
  for (const s of assessment) io.out(`  ${s.holds ? 'reproduced    ' : 'NOT reproduced'}  ${s.text}: ${s.evidence}`);
  return 0;
}
