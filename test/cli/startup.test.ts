/**
 * Start-up: each command loads only the modules it uses. The real binary runs under a preload that
 * records every module it resolves, by require() or import(): the files of the bundled command line
 * (dist/cli/: main.cjs, errors.cjs and one bundle per command), which dist/cli/chunks.json maps to
 * the source files and npm packages bundled into them. The heavy
 * packages (vega, vega-lite, katex, the CAS nerdamer-prime) must not appear for the numeric
 * commands, and do appear for `figures` (which shows that the trace sees them).
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const HEAVY = /(?:^|\/)node_modules\/(vega|vega-[a-z-]+|katex|nerdamer-prime)\//;
/** ergocheck's own layers a numeric command has no use for: the symbolic layer, the derivation, the claims. */
const SYMBOLIC_LAYERS = /(?:^|\/)src\/(symbolic|derive|claims|check)\//;
const BUNDLE = pathToFileURL(resolve('dist/cli')).href + '/';
const LAUNCHER = pathToFileURL(resolve('bin/ergocheck.js')).href;

interface ChunkInfo {
  imports: string[];
  inputs: string[];
}

/**
 * Run bin/ergocheck.js with `args`. `sources`: the files bundled into the chunks it loaded (and any
 * module it loaded from outside the bundle), `outside`: the modules it loaded that are neither a
 * chunk of dist/cli/, the launcher nor a node: builtin.
 */
async function trace(...args: string[]): Promise<{ code: number; stdout: string; chunks: string[]; sources: string[]; outside: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'ergocheck-trace-'));
  const file = join(dir, 'trace.txt');
  try {
    let code = 0;
    let stdout = '';
    try {
      ({ stdout } = await exec(process.execPath, ['--require', './test/cli/fixtures/trace-loads.cjs', 'bin/ergocheck.js', ...args], {
        env: { ...process.env, ERGOCHECK_IMPORT_TRACE: file },
        timeout: 30_000,
      }));
    } catch (e) {
      code = (e as { code?: number }).code ?? -1;
    }
    const table = JSON.parse(readFileSync('dist/cli/chunks.json', 'utf8')) as Record<string, ChunkInfo>;
    const urls = [...new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean))];
    const chunks = urls.filter((u) => u.startsWith(BUNDLE)).map((u) => u.slice(BUNDLE.length));
    const outside = urls.filter((u) => !u.startsWith(BUNDLE) && u !== LAUNCHER && !u.startsWith('node:'));
    const unknown = chunks.filter((c) => !(c in table));
    if (unknown.length > 0) throw new Error(`chunks missing from dist/cli/chunks.json: ${unknown.join(', ')}`);
    return { code, stdout, chunks, sources: [...chunks.flatMap((c) => table[c].inputs), ...outside], outside };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const heavyOf = (sources: string[]): string[] => [...new Set(sources.map((s) => HEAVY.exec(s)?.[1]).filter((x): x is string => x !== undefined))].sort();

describe('start-up loads only what a command uses', () => {
  it.each(
    [
      ['--version'],
      ['--help'],
      ['ergotropy', '--help'],
      ['coherence', '--help'],
      ['steady-state', '--help'],
      ['evolve', '--help'],
      ['ergotropy', '--rho', 'examples/singlet.json', '--json'],
      ['coherence', '--rho', 'examples/eq7-c-79-272.json'],
      ['steady-state', '--qubits', '3', '--beta', '1/2', '--initial', 'excited', '--json'],
    ].map((args) => [args.join(' '), args] as const),
  )('%s loads no vega, katex or CAS, nor the symbolic layers', async (_name, args) => {
    const r = await trace(...args);
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(0);
    // everything comes from the bundle, so the chunk table below sees every source file loaded
    expect(r.outside).toEqual([]);
    // the dispatcher, the error classes and the command's own bundle, nothing else
    const own = args[0].startsWith('-') ? [] : [`${args[0]}.cjs`];
    expect([...r.chunks].sort()).toEqual(['errors.cjs', 'main.cjs', ...own].sort());
    expect(heavyOf(r.sources)).toEqual([]);
    expect(r.sources.filter((s) => SYMBOLIC_LAYERS.test(s))).toEqual([]);
  });

  it('--version loads main.cjs and the error classes, no npm package', async () => {
    const r = await trace('--version');
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(r.outside).toEqual([]);
    expect(r.chunks.length).toBeLessThanOrEqual(2);
    expect(r.sources.every((s) => s.startsWith('src/'))).toBe(true);
    expect(r.sources.length).toBeLessThanOrEqual(3);
  });

  it('the trace does see the heavy packages: figures loads vega', async () => {
    const r = await trace('figures', '--help');
    expect(r.code).toBe(0);
    expect([...r.chunks].sort()).toEqual(['errors.cjs', 'figures.cjs', 'main.cjs']);
    expect(heavyOf(r.sources)).toContain('vega');
    expect(r.sources.filter((s) => SYMBOLIC_LAYERS.test(s))).toEqual([]);
  });

  it('the trace does see the symbolic layers: prove loads the CAS', async () => {
    const r = await trace('prove', '--list');
    expect(r.code).toBe(0);
    expect([...r.chunks].sort()).toEqual(['errors.cjs', 'main.cjs', 'prove.cjs']);
    expect(heavyOf(r.sources)).toContain('nerdamer-prime');
    expect(r.sources.some((s) => SYMBOLIC_LAYERS.test(s))).toBe(true);
  });
});
