/**
 * Fuzz (process level): SIGINT or SIGTERM at a random moment of a `verify` or `figures` run that
 * replaces an earlier output directory. Afterwards the directory holds either the complete earlier
 * set or the complete new one (every file as its manifest lists it), and no temporary directory is
 * left next to it. Delays are drawn (seeded) around the measured length of an uninterrupted run,
 * so that many land in the writing phase at its end.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fcParams } from '../../arbitraries.js';
import { expectNoLeftovers, scratch, spawnCli, expectOwnDirectory } from './harness.js';

const _MANIFEST = '.ergocheck-manifest.json';

for (const [cmd, args] of [
  ['verify', ['verify', '--only', 'eq10-c-below-half', '--fig3', '0', '--format', 'json,junit', '--quiet']],
  ['figures', ['figures', '--samples', '50', '--max-qubits', '3', '--workers', '0']],
] as const) {
  describe(`${cmd} interrupted by a signal`, () => {
    it('keeps the earlier set or writes the new one whole; leaves no temporary directory', async () => {
      const base = scratch(`signals-${cmd}`);
      const out = join(base, 'out');
      writeFileSync(join(base, 'sentinel.txt'), 'user data');
      const t0 = performance.now();
      const first = await spawnCli([...args, '--out', out]);
      const full = performance.now() - t0;
      expect(first.code, first.stderr).toBe(0);
      const earlier = expectOwnDirectory(out);
      await fc.assert(
        fc.asyncProperty(fc.double({ min: 0.3, max: 1.2, noNaN: true }), fc.constantFrom<NodeJS.Signals>('SIGINT', 'SIGTERM'), async (fraction, signal) => {
          const r = await spawnCli([...args, '--out', out], {
            onSpawn: (child) => {
              setTimeout(() => child.kill(signal), fraction * full);
            },
          });
          // ended by the signal, or finished before it came
          expect(r.signal === signal || r.code === 0, `${signal} after ${(fraction * full).toFixed(0)} ms: code ${r.code}, ${r.stderr}`).toBe(true);
          expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
          const now = expectOwnDirectory(out);
          if (r.code !== 0) expect([...now.keys()].sort()).toEqual([...earlier.keys()].sort());
          expectNoLeftovers(base);
          expect(readFileSync(join(base, 'sentinel.txt'), 'utf8')).toBe('user data');
        }),
        fcParams(`fuzz: signals during ${cmd}`, 4),
      );
    });
  });
}
