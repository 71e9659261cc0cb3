/** verify --baseline against a run whose largest deviation drifts (the claim runner is wrapped to inflate it). */
import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckedClaim } from '../../src/claims/claim.js';

const drift = vi.hoisted(() => ({ deviation: null as string | null }));

vi.mock('../../src/claims/run.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/claims/run.js')>();
  return {
    ...real,
    runClaims: async (...args: Parameters<typeof real.runClaims>) => {
      const claims: CheckedClaim[] = await real.runClaims(...args);
      return drift.deviation === null
        ? claims
        : claims.map((c) => (c.id === 'eq10-c-below-half' ? { ...c, evidence: { ...c.evidence, maxDeviation: drift.deviation } } : c));
    },
  };
});

const { runCli } = await import('./run-cli.js');

describe('ergocheck verify --baseline, drifted deviation', () => {
  it('a largest deviation grown above 10^−(precision−10) is a change (exit 1); one within tolerance is not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ergocheck-drift-'));
    const only = ['--only', 'eq10-c-below-half', '--format', 'json'];
    expect((await runCli('verify', '--out', join(dir, 'base'), ...only)).code).toBe(0);
    const baseline = join(dir, 'base', 'report.json');
    expect(JSON.parse(readFileSync(baseline, 'utf8')).claims[0].evidence.maxDeviation).toBe('1e-69');

    drift.deviation = '5e-41';
    expect((await runCli('verify', '--out', join(dir, 'within'), ...only, '--baseline', baseline)).code).toBe(0);

    drift.deviation = '3e-35';
    const r = await runCli('verify', '--out', join(dir, 'drift'), ...only, '--baseline', baseline);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      'deviation-drifted: eq10-c-below-half: largest deviation grew from 1e-69 to 3e-35, above the tolerance 1e-40 (10^−(precision−10) at 50 digits)',
    );
    const j = JSON.parse(readFileSync(join(dir, 'drift', 'report.json'), 'utf8'));
    expect(j.baseline.changes).toEqual([expect.objectContaining({ kind: 'deviation-drifted', id: 'eq10-c-below-half', before: '1e-69', after: '3e-35' })]);
  });
});
