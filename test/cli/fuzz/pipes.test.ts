/**
 * Fuzz (process level): a reader that closes the pipe early — `ergocheck prove eq10 | head -1` —
 * ends the program quietly with exit code 0: no EPIPE stack trace, no error line. The real binary
 * is run asynchronously, each case bounded.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fcParams } from '../../arbitraries.js';
import { scratch, spawnCli } from './harness.js';

const dir = scratch('pipes');
const rho = join(dir, 'rho.json');
writeFileSync(
  rho,
  JSON.stringify({
    re: [
      ['1/2', '1/4'],
      ['1/4', '1/2'],
    ],
  }),
);

const COMMANDS: string[][] = [
  ['prove', 'eq10'],
  ['prove', '--list'],
  ['evolve', '--qubits', '2', '--beta', '1', '--mu', '1/2', '--times', '0:2:40', '--initial', 'excited', '--float64'],
  ['steady-state', '--qubits', '3', '--beta', '1', '--initial', 'excited', '--json'],
  ['ergotropy', '--rho', rho, '--json'],
  ['coherence', '--help'],
  ['--help'],
];

describe('a closed stdout ends the program quietly, exit code 0', () => {
  it('closing the pipe after k bytes of output (k random, also 0: closed before any output)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...COMMANDS), fc.nat({ max: 400 }), async (args, k) => {
        let seen = 0;
        const r = await spawnCli(args, {
          onSpawn: (child) => {
            if (k === 0) child.stdout!.destroy();
          },
          onStdout: (chunk, child) => {
            seen += chunk.length;
            if (seen >= k) child.stdout!.destroy();
          },
        });
        expect(r.stderr, `${args.join(' ')} | head -c ${k}`).toBe('');
        expect(r.code, `${args.join(' ')} | head -c ${k}`).toBe(0);
      }),
      fcParams('fuzz: closed pipes', 10),
    );
  });
  it('a refusal keeps exit code 2 when stdout is closed', async () => {
    const r = await spawnCli(['coherence', '--rho', join(dir, 'nope.json')], { onSpawn: (child) => child.stdout!.destroy() });
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual([`ergocheck: cannot read ${join(dir, 'nope.json')}: no such file`]);
  });
});
