import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectRefusal, runCli } from '../cli/run-cli.js';
import { Rng } from '../../src/random/rng.js';
import { shardRange } from '../../src/figures/shard.js';

// A small run with β ≠ 0 and ω ≠ 1 so that every header field matters
const RUN = ['--samples', '13', '--seed', '8', '--ensemble', 'hs', '--beta', '0.3', '--omega', '1.5', '--max-qubits', '4', '--workers', '0'];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ergocheck-shards-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the K shards of `args` into a fresh directory and returns their paths (in shard order). */
async function shards(name: string, K: number, args: string[] = RUN): Promise<string[]> {
  const out = join(dir, name);
  const paths: string[] = [];
  for (let i = 1; i <= K; i++) {
    const r = await runCli('figures', ...args, '--shard', `${i}/${K}`, '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    paths.push(join(out, `fig3-shard-${i}-of-${K}.json`));
  }
  return paths;
}

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const a = [...xs];
  const rng = new Rng(seed, ['shard-order']);
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

describe('shard ranges', () => {
  it('cover 0 … S − 1 exactly once, consecutively, for any K ≤ S', () => {
    for (const S of [2, 13, 100])
      for (let K = 1; K <= Math.min(S, 9); K++) {
        let next = 0;
        for (let i = 1; i <= K; i++) {
          const { start, end } = shardRange(S, i, K);
          expect(start).toBe(next);
          expect(end).toBeGreaterThan(start);
          next = end;
        }
        expect(next).toBe(S);
      }
  });
});

describe('shards merged in any order give the single run byte for byte', () => {
  let single: string;
  beforeAll(async () => {
    single = join(dir, 'single');
    const r = await runCli('figures', ...RUN, '--out', single);
    expect(r.code).toBe(0);
  });
  it.each([1, 3, 7])('K = %i, shuffled', async (K) => {
    const paths = await shards(`k${K}`, K);
    const order = shuffled(paths, 100 + K);
    if (K > 2) expect(order).not.toEqual(paths);
    const out = join(dir, `merged${K}`);
    const r = await runCli('figures', 'merge', ...order, '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const files = readdirSync(single).sort();
    // the manifest lists the same files with the same hashes, so it too is byte-identical
    expect(files).toEqual([
      '.ergocheck-manifest.json',
      'assessment.json',
      'fig1.csv',
      'fig1.json',
      'fig1.svg',
      'fig2.csv',
      'fig2.json',
      'fig2.svg',
      'fig3-samples.csv',
      'fig3.csv',
      'fig3.json',
      'fig3a.svg',
      'fig3b.svg',
    ]);
    expect(readdirSync(out).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(join(out, f)).equals(readFileSync(join(single, f))), f).toBe(true);
  });
});

describe('a wrong set of shards is refused with one line, exit code 2', () => {
  let three: string[];
  beforeAll(async () => {
    three = await shards('ref3', 3);
  });
  const merge = (pattern: RegExp, ...files: string[]) => expectRefusal(pattern, 'figures', 'merge', ...files, '--out', join(dir, 'never'));
  it('a missing shard', () => merge(/missing shard 2 of 3/, three[0], three[2]));
  it('a shard given twice', () => merge(/shard 1\/3 given twice/, three[0], three[1], three[0], three[2]));
  it('no shard at all', () => merge(/no shard files given/));
  it('an unreadable file', () => merge(/cannot read .*nonexistent\.json \(ENOENT\)/, join(dir, 'nonexistent.json')));
  it('a file that is not a shard', () => {
    const f = join(dir, 'not-a-shard.json');
    writeFileSync(f, '{"rows": []}');
    return merge(/not a shard file/, f);
  });
  it('a truncated shard', () => {
    const f = join(dir, 'truncated.json');
    writeFileSync(f, readFileSync(three[1], 'utf8').slice(0, 200));
    return merge(/truncated\.json is not JSON/, three[0], f, three[2]);
  });
  it('values of the wrong length', () => {
    const o = JSON.parse(readFileSync(three[1], 'utf8'));
    o.rows[0].W = o.rows[0].W.slice(0, 12);
    const f = join(dir, 'short.json');
    writeFileSync(f, JSON.stringify(o));
    return merge(/values for N = 2 missing or of the wrong length/, three[0], f, three[2]);
  });
  it('another ergocheck version', () => {
    const patched = three.map((p, i) => {
      const f = join(dir, `old-${i}.json`);
      writeFileSync(f, readFileSync(p, 'utf8').replace(/"version":"[^"]*"/, '"version":"0.0.1"'));
      return f;
    });
    return merge(/computed by ergocheck 0\.0\.1, this is /, ...patched);
  });
  it('one shard of another version', () => {
    const f = join(dir, 'old-one.json');
    writeFileSync(f, readFileSync(three[1], 'utf8').replace(/"version":"[^"]*"/, '"version":"0.0.1"'));
    return merge(/from another run than .* \(version 0\.0\.1 ≠ /, three[0], f, three[2]);
  });
  const other: [string, string, string, RegExp][] = [
    ['seed', '--seed', '9', /\(seed 9 ≠ 8\)/],
    ['ensemble', '--ensemble', 'haar', /\(ensemble haar ≠ hs\)/],
    ['beta', '--beta', '0.4', /\(beta 0\.4 ≠ 0\.3\)/],
    ['omega', '--omega', '1', /\(omega 1 ≠ 1\.5\)/],
    ['samples', '--samples', '14', /\(samples 14 ≠ 13\)/],
    ['max-qubits', '--max-qubits', '3', /\(maxQubits 3 ≠ 4\)/],
  ];
  it.each(other)('a shard of a run with another %s', async (name, opt, value, pattern) => {
    const args = [...RUN];
    args[args.indexOf(opt) + 1] = value;
    const [, second] = await shards(`other-${name}`, 3, args);
    await merge(pattern, three[0], second, three[2]);
  });
  it('a shard of another K', async () => {
    const [, second] = await shards('other-k', 2);
    await merge(/is shard 2 of 2, .* one of 3/, three[0], second, three[2]);
  });
  it('a shard whose sample range does not match its index', () => {
    const f = join(dir, 'moved.json');
    writeFileSync(f, readFileSync(three[1], 'utf8').replace('"index":2', '"index":3'));
    return merge(/sample range \[4, 8\) is not that of shard 3\/3 \(\[8, 13\)\)/, three[0], f, three[2]);
  });
});

describe('--shard is checked', () => {
  const shard = (pattern: RegExp, spec: string) => expectRefusal(pattern, 'figures', ...RUN, '--shard', spec, '--out', join(dir, 'never'));
  it('index 0', () => shard(/--shard must be I\/K with 1 ≤ I ≤ K/, '0/3'));
  it('index beyond the count', () => shard(/--shard must be I\/K/, '4/3'));
  it('not I/K', () => shard(/--shard must be I\/K .* got "half"/, 'half'));
  it('more shards than samples', () => shard(/more shards than samples per N \(13\)/, '1/14'));
  it('merge --help', async () => {
    const r = await runCli('figures', 'merge', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: ergocheck figures merge SHARD…/);
  });
});
