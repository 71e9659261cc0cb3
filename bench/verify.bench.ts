/** `ergocheck verify` over every claim at 50 digits, all four report files, into a temp dir (target < 30 s). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { verifyCommand } from '../src/cli/commands/verify.js';
import type { BenchRow } from './harness.js';

export async function benchVerify(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ergocheck-bench-verify-'));
  try {
    const t0 = performance.now();
    const code = await verifyCommand(['--out', join(dir, 'report'), '--precision', '50', '--quiet'], { out: () => {}, err: () => {} });
    const ms = performance.now() - t0;
    if (code !== 0) throw new Error(`verify exited with ${code}`);
    return [{ name: 'verify: all claims at 50 digits, md+html+json+junit', medianMs: ms, runs: 1, reference: 'target < 30 s' }];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
