/**
 * `steady-state --float64 --initial FILE` (and `evolve`) on a file of JSON numbers checks the doubles
 * (src/physics/density-float64.ts); the same state written as decimal strings (String(x) of each
 * double) goes through the exact reading. With the same --tolerance both must print the same bytes:
 * the same numbers for a valid state, the same one-line refusal (exit 2) for a bad one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { float64 } from '../../src/numeric/float64.js';
import { randomState, type Ensemble } from '../../src/random/ensembles.js';
import { Rng } from '../../src/random/rng.js';
import { fcParams } from '../arbitraries.js';
import { runCli } from './run-cli.js';

let dir: string;
let count = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ergocheck-float64-file-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The state written twice: as JSON numbers and as the decimal strings of the same doubles. */
function files(re: number[], im: number[], d: number): { numbers: string; strings: string } {
  const rows = <T>(a: T[]) => Array.from({ length: d }, (_, i) => a.slice(i * d, (i + 1) * d));
  const numbers = join(dir, `n${count}.json`);
  const strings = join(dir, `s${count++}.json`);
  writeFileSync(numbers, JSON.stringify({ re: rows(re), im: rows(im) }));
  writeFileSync(strings, JSON.stringify({ re: rows(re.map(String)), im: rows(im.map(String)) }));
  return { numbers, strings };
}

async function expectSameOutput(args: (file: string) => string[], f: { numbers: string; strings: string }): Promise<{ code: number }> {
  const a = await runCli(...args(f.numbers));
  const b = await runCli(...args(f.strings));
  expect(a.code).toBe(b.code);
  // the file name differs (the text output and a message name it); nothing else may
  expect(a.out.replaceAll(f.numbers, 'FILE')).toBe(b.out.replaceAll(f.strings, 'FILE'));
  expect(a.err.replaceAll(f.numbers, 'FILE')).toBe(b.err.replaceAll(f.strings, 'FILE'));
  if (a.code !== 0) {
    expect(a.code).toBe(2);
    expect(a.err.split('\n')).toHaveLength(1);
  }
  return a;
}

describe('steady-state --float64 from a file of JSON numbers', () => {
  it('seeded random states (N = 1…4, every ensemble), and the same states pushed off Hermiticity, unit trace or positivity: the bytes of the exact reading', async () => {
    const outcomes = { ok: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom<Ensemble>('haar', 'hs', 'bures', 'diagonal'),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.constantFrom('none', 'asymmetry', 'trace', 'negative'),
        fc.constantFrom(1e-15, 1e-13, 1e-3),
        fc.boolean(),
        async (N, ensemble, seed, damage, size, json) => {
          const d = 2 ** N;
          const M = randomState(float64, new Rng(seed, ['state']), ensemble, d);
          const re = M.re.slice();
          const im = M.im.slice();
          if (damage === 'asymmetry' && d > 1) re[1] += size;
          if (damage === 'trace') re[0] += size;
          if (damage === 'negative') for (let k = 0; k < d * d; k++) re[k] -= size / d;
          const tolerance = String(d * 2 ** -50);
          const r = await expectSameOutput(
            (file) => [
              'steady-state',
              '--float64',
              '--qubits',
              String(N),
              '--beta',
              '0.7',
              '--f',
              '0.3',
              '--initial',
              file,
              '--tolerance',
              tolerance,
              ...(json ? ['--json'] : []),
            ],
            files(re, im, d),
          );
          outcomes[r.code === 0 ? 'ok' : 'refused']++;
        },
      ),
      fcParams('steady-state float64 file vs strings', 40),
    );
    expect(outcomes.ok).toBeGreaterThan(5);
    expect(outcomes.refused).toBeGreaterThan(5);
  });

  it('evolve --float64 reads its FILE the same way', async () => {
    const M = randomState(float64, new Rng(5, ['state']), 'hs', 4);
    await expectSameOutput(
      (file) => ['evolve', '--float64', '--qubits', '2', '--beta', '1', '--initial', file, '--mu', '0.9', '--times', '0,1,2', '--tolerance', '1e-15', '--json'],
      files(M.re, M.im, 4),
    );
  });
});
