/**
 * Smoke test of the robustness study as users run it (`npm run study:robustness`, here the built
 * script with --quick, in a child process so no worker is blocked): it writes its data files, and
 * the fitted laws are those docs/robustness.md derives — the slow rate linear in 1 − μ, the
 * lifetime growing as 1 − μ shrinks.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runNode } from '../support/spawn.js';

describe('scripts/robustness-study (quick)', () => {
  it('writes the data files and recovers the 1/(1 − μ) law', { timeout: 300_000 }, async () => {
    const out = mkdtempSync(join(tmpdir(), 'ergocheck-robustness-'));
    const r = await runNode([resolve('dist/scripts/robustness-study.js'), out, '--quick'], { timeoutMs: 280_000 });
    expect(r.status, r.stderr).toBe(0);
    for (const name of ['trajectories', 'lifetimes', 'rates'])
      for (const ext of ['csv', 'json']) expect(existsSync(join(out, `robustness-${name}.${ext}`)), `${name}.${ext}`).toBe(true);
    const summary = JSON.parse(readFileSync(join(out, 'robustness-summary.json'), 'utf8')) as { fits: { series: string; fit: { exponent: number } }[] };
    const kappas = summary.fits.filter((f) => f.series.startsWith('kappa'));
    const taus = summary.fits.filter((f) => f.series.startsWith('tau') && f.series.endsWith('all'));
    expect(kappas.length).toBeGreaterThan(0);
    expect(taus.length).toBeGreaterThan(0);
    // first order in 1 − μ: κ ∝ (1 − μ)
    for (const k of kappas) expect(Math.abs(k.fit.exponent - 1), k.series).toBeLessThan(0.01);
    // the lifetime diverges as μ → 1 (the quick grid is too coarse for the asymptotic −1)
    for (const t of taus) expect(t.fit.exponent, t.series).toBeLessThan(-0.5);
  });
});
