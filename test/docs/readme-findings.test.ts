import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runClaims } from '../../src/claims/run.js';
import { CLAIMS } from '../../proofs/index.js';
import { DEFAULT_SEED } from '../../src/cli/commands/prove.js';

/** The README's summary of what `ergocheck prove` finds must stay true. */
describe('README "What it finds"', async () => {
  const readme = readFileSync('README.md', 'utf8');
  const m =
    /checks (\d+) claims[^:]*: (\d+) verified,\s+(\d+) errata,\s+(\d+) supported,\s+(\d+) not checkable,\s+(\d+) open questions?,\s+(\d+) failures/.exec(
      readme.replace(/\n/g, ' '),
    );
  const checked = await runClaims(CLAIMS, { precision: 50, seed: DEFAULT_SEED });
  const count = (v: string) => checked.filter((c) => c.verdict === v).length;
  it('states the counts', () => expect(m).not.toBeNull());
  it('matches the counts of a real run', () => {
    const [, total, verified, errata, supported, notCheckable, open, failed] = m!.map(Number);
    expect({ total, verified, errata, supported, notCheckable, open, failed }).toEqual({
      total: checked.length,
      verified: count('verified'),
      errata: count('erratum'),
      supported: count('supported'),
      notCheckable: count('not-checkable'),
      open: count('inconclusive'),
      failed: count('failed'),
    });
  });
  it('lists every erratum location', () => {
    for (const c of checked.filter((x) => x.verdict === 'erratum')) {
      // the paper's label up to the first comma, e.g. "Eq. (10)", "Fig. 2", "Sec. IV B 1", "Appendix B"
      const label = c.location
        .split(',')[0]
        .replace(/ caption$/, '')
        .replace(/ \(".*$/, '');
      expect(readme, c.id).toContain(label);
    }
  });
  it('states the two-sided populations window and the incoherent half of the ergotropy', () => {
    expect(readme).toContain('Z₊/(3 + y²) ≤ c ≤ Z₊/(1 + 3y²)');
    expect(readme).toContain('W = ω/3 and W(Δρ) = ω/6');
    expect(readme).not.toMatch(/non-inverted iff c ≥/);
  });
});
