/**
 * The W/(ωC_l1) search (`ergocheck search`, default plan: N = 3…6, β = 0, 0.5, 1, 2, 12 starts
 * each) as two shards in two processes, then merged: the target is under 10 minutes on
 * 2 cores. Also checks that the merge equals a single in-process run of a small plan, byte for byte.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchRow } from './harness.js';

const bin = new URL('../../bin/ergocheck.js', import.meta.url).pathname;

function run(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`ergocheck ${args.join(' ')}: exit ${code}: ${err}`))));
  });
}

export async function benchSearch(quick = false): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ergocheck-search-bench-'));
  try {
    const plan = quick ? ['--qubits', '3-5', '--starts', '4'] : [];
    const t0 = performance.now();
    await Promise.all([1, 2].map((i) => run(['search', ...plan, '--shard', `${i}/2`, '--out', join(dir, `s${i}.json`)])));
    const merged = await run(['search', 'merge', join(dir, 's2.json'), join(dir, 's1.json'), '--out', join(dir, 'merged.json')]);
    const t = performance.now() - t0;
    const single = await run(['search', '--qubits', '3,4', '--beta', '0,1', '--starts', '4', '--iterations', '300', '--out', join(dir, 'single.json')]);
    await Promise.all(
      [1, 2, 3].map((i) =>
        run(['search', '--qubits', '3,4', '--beta', '0,1', '--starts', '4', '--iterations', '300', '--shard', `${i}/3`, '--out', join(dir, `t${i}.json`)]),
      ),
    );
    await run(['search', 'merge', ...[3, 1, 2].map((i) => join(dir, `t${i}.json`)), '--out', join(dir, 'tmerged.json')]);
    const same = readFileSync(join(dir, 'single.json')).equals(readFileSync(join(dir, 'tmerged.json')));
    void single;
    const best = merged
      .split('\n')
      .filter((l) => /^\s+\d+\s+[\d.]+\s+[\d.]+/.test(l))
      .map((l) => l.trim().split(/\s+/).slice(0, 3).join(' '))
      .join('; ');
    return [
      {
        name: `W/(ωC_l1) search${quick ? ' (N = 3…5, 4 starts)' : ' (N = 3…6, β = 0, 0.5, 1, 2, 12 starts)'}: 2 shards in 2 processes + merge`,
        medianMs: t,
        runs: 1,
        reference: `target < 10 min on 2 cores; N β ratio: ${best}`,
      },
      { name: 'search: 3 shards merged = single run, byte for byte', medianMs: 0, runs: 1, reference: same ? 'identical' : 'DIFFERENT' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
