/**
 * bin/ergocheck.js runs the bundled command line (dist/cli/, scripts/bundle-cli.ts): one command of
 * each family, run from the bundle as a user runs it, gives what the same command gives from the
 * sources in this process; the paths found from the bundle's location (package.json, KaTeX's
 * stylesheet, the figures' worker) resolve; the bundles are CommonJS that never fall back on the
 * ES-module loader; and a missing bundle is one clear line, exit code 2.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBin, runNode } from '../support/spawn.js';
import { runCli } from './run-cli.js';

const withTempDir = async <T>(fn: (dir: string) => Promise<T>): Promise<T> => {
  const dir = mkdtempSync(join(tmpdir(), 'ergocheck-bundle-'));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** One stderr line naming the problem and the cure, exit code 2, no stack trace. */
function expectNotBuilt(r: { status: number | null; stdout: string; stderr: string }): void {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^ergocheck: cannot load the command line from dist\/cli\/ \(it is not built\): run `npm run build`/);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

/** The launcher as installed: bin/ergocheck.js and the bin/package.json that makes it CommonJS. */
function copyLauncher(dir: string): string {
  mkdirSync(join(dir, 'bin'));
  for (const f of ['ergocheck.js', 'package.json']) copyFileSync(join('bin', f), join(dir, 'bin', f));
  return join(dir, 'bin', 'ergocheck.js');
}

describe('a missing bundle', () => {
  it('no dist/ at all: one line, exit code 2', () =>
    withTempDir(async (dir) => {
      expectNotBuilt(await runNode([copyLauncher(dir), '--version']));
    }));

  it('a half-built bundle (the error classes missing): one line, exit code 2', () =>
    withTempDir(async (dir) => {
      const bin = copyLauncher(dir);
      mkdirSync(join(dir, 'dist', 'cli'), { recursive: true });
      writeFileSync(join(dir, 'dist', 'cli', 'main.cjs'), "module.exports = require('./errors.cjs');\n");
      expectNotBuilt(await runNode([bin, 'ergotropy', '--help']));
    }));
});

describe('the bundle files', () => {
  const files = readdirSync('dist/cli').filter((f) => f.endsWith('.cjs'));

  it('are the dispatcher, the error classes, the worker and one per command', () => {
    const table = JSON.parse(readFileSync('dist/cli/chunks.json', 'utf8')) as Record<string, { dynamicImports: string[] }>;
    const commands = table['main.cjs'].dynamicImports;
    expect(commands).toContain('ergotropy.cjs');
    expect([...files].sort()).toEqual(['errors.cjs', 'main.cjs', 'worker.cjs', ...commands].sort());
    expect(Object.keys(table).sort()).toEqual([...files].sort());
  });

  it.each(files)('%s is strict CommonJS with neither import() nor import.meta left', (f) => {
    const code = readFileSync(join('dist/cli', f), 'utf8');
    // the directive must open the file to count
    expect(code.startsWith("'use strict';\n")).toBe(true);
    // import() of a .cjs file would go through the ES-module loader; import.meta would be empty
    expect(code).not.toMatch(/\bimport\s*\(/);
    expect(code).not.toMatch(/\bimport\.meta\b/);
  });
});

/** The run time of each claim (prove and check --json) is the one thing that differs between two runs. */
const withoutTimings = (json: string): string => json.replace(/"seconds": [0-9.e+-]+/g, '"seconds": 0');

describe('the bundle, run by bin/ergocheck.js', () => {
  it("--version prints package.json's version", async () => {
    const r = await runBin(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${JSON.parse(readFileSync('package.json', 'utf8')).version}\n`);
  });

  it.each([
    ['ergotropy', ['ergotropy', '--rho', 'examples/eq7-c-79-272.json', '--precision', '30', '--json']],
    ['coherence', ['coherence', '--rho', 'examples/eq7-c-79-272.json', '--json']],
    ['steady-state', ['steady-state', '--qubits', '3', '--beta', '1/2', '--initial', 'excited', '--json']],
    ['evolve', ['evolve', '--qubits', '2', '--beta', '1', '--initial', 'excited', '--mu', '1/2', '--times', '0,1', '--json']],
    ['prove (the CAS)', ['prove', 'eq10', '--json']],
    ['check (the claims-file schema)', ['check', 'examples/claims/wrong-formula.json', '--json']],
    ['search', ['search', '--qubits', '4', '--beta', '0', '--starts', '2', '--iterations', '10', '--json']],
    ['verify --help', ['verify', '--help']],
  ])('%s: the same output as the sources', async (_name, args) => {
    const [fromBundle, fromSources] = await Promise.all([runBin(args), runCli(...args)]);
    expect(fromBundle.status).toBe(0);
    expect(fromSources.code).toBe(0);
    expect(fromBundle.stderr).toBe('');
    expect(withoutTimings(fromBundle.stdout)).toBe(withoutTimings(`${fromSources.out}\n`));
  });

  it('verify writes the html report with KaTeX’s stylesheet found from the bundle', () =>
    withTempDir(async (dir) => {
      const out = join(dir, 'report');
      const r = await runBin(['verify', '--only', 'eq10', '--fig3', '0', '--format', 'html,json', '--out', out, '--quiet']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const html = readFileSync(join(out, 'report.html'), 'utf8');
      expect(html).toMatch(/\.katex\b/);
      expect(html).toContain('src:url(data:font/woff2;base64,');
      const ids = (JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { claims: { id: string }[] }).claims.map((c) => c.id);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.every((id) => id.startsWith('eq10'))).toBe(true);
    }));

  it('figures runs its worker threads from the bundle: the same numbers as in this thread', () =>
    withTempDir(async (dir) => {
      const run = (workers: string) =>
        runBin(['figures', '--samples', '6', '--max-qubits', '3', '--seed', '7', '--workers', workers, '--out', join(dir, `w${workers}`)]);
      const [threaded, inline] = await Promise.all([run('2'), run('0')]);
      expect(threaded.stderr).toBe('');
      expect(threaded.status).toBe(0);
      expect(inline.status).toBe(0);
      const fig3 = (w: string) => readFileSync(join(dir, `w${w}`, 'fig3-samples.csv'), 'utf8');
      expect(fig3('2').trim().split('\n').length).toBe(1 + 2 * 6);
      expect(fig3('2')).toBe(fig3('0'));
    }));
});
