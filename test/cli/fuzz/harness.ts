/**
 * Shared pieces of the command-line fuzz suite: running the CLI in-process (cheap) or as the real
 * binary (pipes, signals), the assertions every case makes, and sentinel files that must survive.
 */
import { afterAll, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliResult } from '../run-cli.js';

export { runCli };

const scratchDirs: string[] = [];
afterAll(() => {
  for (const d of scratchDirs) rmSync(d, { recursive: true, force: true });
});

/** A fresh scratch directory, removed after the test file. */
export function scratch(tag: string): string {
  const d = mkdtempSync(join(tmpdir(), `ergocheck-fuzz-${tag}-`));
  scratchDirs.push(d);
  return d;
}

/** Each in-process case must end within this many milliseconds (a hang fails the case, not the worker). */
export const CASE_MS = 20_000;

/** Run the CLI in-process and check it ended within CASE_MS. */
export async function run(...argv: string[]): Promise<CliResult> {
  const t0 = performance.now();
  const r = await runCli(...argv);
  expect(performance.now() - t0, `ergocheck ${argv.join(' ')} took too long`).toBeLessThan(CASE_MS);
  return r;
}

const STACK = /\n\s+at |node:internal|Error: .*\n/;

/** Bad input: exit code 2, nothing on stdout, exactly one line on stderr, no stack trace. */
export function expectRefused(r: CliResult, argv: readonly string[], pattern?: RegExp): void {
  const what = `ergocheck ${argv.join(' ')} → code ${r.code}, err ${JSON.stringify(r.err.slice(0, 300))}`;
  expect(r.code, what).toBe(2);
  expect(r.out, what).toBe('');
  expect(r.err.split('\n'), what).toHaveLength(1);
  expect(r.err, what).toMatch(/^ergocheck: \S/);
  expect(r.err, what).not.toMatch(STACK);
  expect(r.err, what).not.toMatch(/internal error/);
  if (pattern) expect(r.err, what).toMatch(pattern);
}

/** Valid input: exit code 0 and no error line. */
export function expectOk(r: CliResult, argv: readonly string[]): void {
  const what = `ergocheck ${argv.join(' ')} → code ${r.code}, err ${JSON.stringify(r.err.slice(0, 300))}`;
  expect(r.code, what).toBe(0);
  expect(r.err, what).not.toMatch(STACK);
}

/** Never an internal error or a stack trace: exit 0 (valid) or 2 with one line (refused). */
export function expectOkOrRefused(r: CliResult, argv: readonly string[]): 'ok' | 'refused' {
  if (r.code === 0) {
    expectOk(r, argv);
    return 'ok';
  }
  expectRefused(r, argv);
  return 'refused';
}

/** Everything under `dir` (recursively): path → content hash, link target, or "dir". */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string, rel: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const r = rel === '' ? name : `${rel}/${name}`;
      const st = lstatSync(p);
      if (st.isSymbolicLink()) out.set(r, `link:${readlinkSync(p)}`);
      else if (st.isDirectory()) {
        out.set(r, 'dir');
        walk(p, r);
      } else out.set(r, createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir, '');
  return out;
}

/** No temporary or probe directory of ergocheck's is left in `dir`. */
export function expectNoLeftovers(dir: string): void {
  const left = readdirSync(dir).filter((n) => /\.tmp-|\.old-|ergocheck-probe/.test(n));
  expect(left, `left behind in ${dir}`).toEqual([]);
}

export interface Spawned {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Run the built binary (dist/, built by the global setup) asynchronously; killed after `ms`.
 * `onStdout` sees every chunk and the child, e.g. to close the pipe after the first line.
 */
export function spawnCli(
  args: string[],
  options: {
    ms?: number;
    cwd?: string;
    onSpawn?: (child: ReturnType<typeof spawn>) => void;
    onStdout?: (chunk: string, child: ReturnType<typeof spawn>) => void;
  } = {},
): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(process.cwd(), 'bin/ergocheck.js'), ...args], {
      cwd: options.cwd ?? process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`ergocheck ${args.join(' ')}: no end within ${options.ms ?? CASE_MS} ms`));
    }, options.ms ?? CASE_MS);
    child.stdout!.setEncoding('utf8');
    child.stderr!.setEncoding('utf8');
    child.stdout!.on('data', (c: string) => {
      stdout += c;
      options.onStdout?.(c, child);
    });
    child.stdout!.on('error', () => undefined);
    child.stderr!.on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    options.onSpawn?.(child);
  });
}

const MANIFEST = '.ergocheck-manifest.json';

/**
 * An output directory written whole by ergocheck: every file is listed in its manifest with the
 * right SHA-256 and nothing else is there; returns the snapshot without the manifest.
 */
export function expectOwnDirectory(dir: string): Map<string, string> {
  const m = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as { files: Record<string, string> };
  const snap = snapshot(dir);
  snap.delete(MANIFEST);
  expect([...snap.keys()].sort()).toEqual(Object.keys(m.files).sort());
  for (const [name, hash] of Object.entries(m.files))
    expect(
      createHash('sha256')
        .update(readFileSync(join(dir, name)))
        .digest('hex'),
    ).toBe(hash);
  return snap;
}
