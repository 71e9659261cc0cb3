import { describe, expect, it } from 'vitest';
import { runClaims } from '../../src/claims/run.js';
import { FIGURES } from '../../proofs/figures.js';

describe('Figs. 1–2 claims', async () => {
  const checked = await runClaims(FIGURES, { precision: 50, seed: 1 });
  it.each([
    // float64 first-principles points only: supported, not verified
    ['fig1-curves', 'supported'],
    ['fig2-points', 'supported'],
  ])('%s is %s', (id, verdict) => {
    const c = checked.find((x) => x.id === id)!;
    expect(c.verdict, c.evidence.checks.map((k) => k.detail).join('; ')).toBe(verdict);
  });
});
