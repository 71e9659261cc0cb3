/** `ergocheck check` on a file of 20 user claims at 50 digits (target: under 10 s on 2 cores). */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { checkUserClaims } from '../src/check/checker.js';
import { userClaimsFromText } from '../src/check/index.js';
import type { BenchRow } from './harness.js';

export async function benchCheck(): Promise<BenchRow[]> {
  const text = readFileSync(new URL('../../bench/check-claims.json', import.meta.url), 'utf8');
  const t0 = performance.now();
  const claims = userClaimsFromText(text, 'bench/check-claims.json');
  const checked = await checkUserClaims(claims, { precision: 50, seed: 20220513 });
  const ms = performance.now() - t0;
  const verdicts = checked.map((c) => c.verdict);
  const slowest = [...checked].sort((a, b) => b.evidence.seconds - a.evidence.seconds).slice(0, 3);
  return [
    {
      name: `check: ${checked.length} claims at 50 digits (${verdicts.filter((v) => v === 'verified').length} verified, ${verdicts.filter((v) => v === 'erratum').length} errata)`,
      medianMs: ms,
      runs: 1,
      reference: 'target < 10 s',
    },
    ...slowest.map((c) => ({ name: `  slowest: ${c.id}`, medianMs: c.evidence.seconds * 1000, runs: 1 })),
  ];
}
