/**
 * Start-up: each command loads only the modules it uses. The real binary runs under a loader hook
 * that records every module it resolves; the heavy packages (vega, vega-lite, katex, the CAS
 * nerdamer-prime) must not appear for the numeric commands, and do appear for `figures` (which
 * shows that the trace sees them).
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const HEAVY = /\/node_modules\/(vega|vega-[a-z-]+|katex|nerdamer-prime)\//;
/** ergocheck's own layers a numeric command has no use for: the symbolic layer, the derivation, the claims. */
const SYMBOLIC_LAYERS = /\/src\/(symbolic|derive|claims|check)\//;

/** Run bin/ergocheck.js with `args`; the heavy packages it resolved (package names, sorted). */
async function heavyModules(...args: string[]): Promise<{ code: number; stdout: string; heavy: string[]; symbolic: string[]; count: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'ergocheck-trace-'));
  const file = join(dir, 'trace.txt');
  try {
    let code = 0;
    let stdout = '';
    try {
      ({ stdout } = await exec(process.execPath, ['--import', './test/cli/fixtures/trace-imports.mjs', 'bin/ergocheck.js', ...args], {
        env: { ...process.env, ERGOCHECK_IMPORT_TRACE: file },
        timeout: 30_000,
      }));
    } catch (e) {
      code = (e as { code?: number }).code ?? -1;
    }
    const urls = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    const heavy = [...new Set(urls.map((u) => HEAVY.exec(u)?.[1]).filter((x): x is string => x !== undefined))].sort();
    const symbolic = urls.filter((u) => SYMBOLIC_LAYERS.test(u));
    return { code, stdout, heavy, symbolic, count: urls.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('start-up loads only what a command uses', () => {
  it.each(
    [
      ['--version'],
      ['--help'],
      ['ergotropy', '--help'],
      ['coherence', '--help'],
      ['steady-state', '--help'],
      ['ergotropy', '--rho', 'examples/singlet.json', '--json'],
      ['coherence', '--rho', 'examples/eq7-c-79-272.json'],
      ['steady-state', '--qubits', '3', '--beta', '1/2', '--initial', 'excited', '--json'],
    ].map((args) => [args.join(' '), args] as const),
  )('%s loads no vega, katex or CAS, nor the symbolic layers', async (_name, args) => {
    const r = await heavyModules(...args);
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(0);
    expect(r.heavy).toEqual([]);
    expect(r.symbolic).toEqual([]);
  });

  it('--version resolves no module beyond the launcher and main', async () => {
    const r = await heavyModules('--version');
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    // the launcher, main.js and its two small imports (errors, node:fs)
    expect(r.count).toBeLessThanOrEqual(6);
  });

  it('the trace does see the heavy packages: figures loads vega', async () => {
    const r = await heavyModules('figures', '--help');
    expect(r.code).toBe(0);
    expect(r.heavy).toContain('vega');
  });
});
