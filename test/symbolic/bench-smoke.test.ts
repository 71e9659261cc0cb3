import { describe, expect, it } from 'vitest';
import { benchSymbolic } from '../../bench/symbolic.bench.js';

// Speed targets live in bench/ (npm run bench); this only checks the benchmark runs and reports rows.
describe('benchSymbolic (smoke)', () => {
  it('returns named rows with medians', () => {
    const rows = benchSymbolic(true);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const r of rows) {
      expect(r.name).toMatch(/\S/);
      expect(r.runs).toBeGreaterThan(0);
      expect(r.medianMs).toBeGreaterThanOrEqual(0);
    }
    expect(rows[0].name).toMatch(/1,386 terms/);
  });
});
