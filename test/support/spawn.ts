/**
 * Run a child Node process without blocking the test worker: vitest's worker RPC gives up when a
 * worker's event loop is blocked for a minute, so tests never use spawnSync/execFileSync.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export interface ProcessResult {
  /** Exit code, or null when the process was ended by a signal (see `signal`). */
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  /** Ends the process with SIGKILL after this many milliseconds (default 100 s). */
  timeoutMs?: number;
  input?: string;
  env?: NodeJS.ProcessEnv;
}

/** `node ARGS…`, asynchronously; resolves when the process exits. */
export function runNode(args: readonly string[], options: RunOptions = {}): Promise<ProcessResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 100_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      fail(e);
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      done({ status, signal, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** The built command line (dist/ is built by the global setup), as a user runs it. */
export const BIN = resolve('bin/ergocheck.js');

/** `ergocheck ARGS…` through bin/ergocheck.js, asynchronously. */
export const runBin = (args: readonly string[], options: RunOptions = {}): Promise<ProcessResult> => runNode([BIN, ...args], options);
