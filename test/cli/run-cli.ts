/** Test helper: run the CLI in-process and capture its output and exit code. */
import { main } from '../../src/cli/main.js';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export async function runCli(...argv: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Every refusal is one line on stderr, names the problem, exits 2, prints nothing on stdout and no stack trace. */
export async function expectRefusal(pattern: RegExp, ...argv: string[]): Promise<void> {
  const { expect } = await import('vitest');
  const r = await runCli(...argv);
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err.split('\n')).toHaveLength(1);
  expect(r.err).toMatch(/^ergocheck: /);
  expect(r.err).toMatch(pattern);
  expect(r.err).not.toMatch(/\n\s+at /);
}
