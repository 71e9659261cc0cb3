/**
 * The `ergocheck` command: dispatch to subcommands, and the one place where errors become exit
 * codes — InputError (bad input or usage) → 2 with a one-line message, anything else → 1 with a
 * one-line "internal error" message. Never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import type { Io } from './options.js';
import { ergotropyCommand } from './commands/ergotropy.js';
import { coherenceCommand } from './commands/coherence.js';
import { steadyStateCommand } from './commands/steady-state.js';
import { evolveCommand } from './commands/evolve.js';
import { proveCommand } from './commands/prove.js';
import { verifyCommand } from './commands/verify.js';
import { figuresCommand } from './commands/figures.js';

type Command = (args: string[], io: Io) => number | Promise<number>;

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  ergotropy: { run: ergotropyCommand, summary: 'ergotropy of a state, Eq. (2), with a certified error bound' },
  coherence: { run: coherenceCommand, summary: 'l1-norm of coherence of a state, Eq. (3)' },
  'steady-state': { run: steadyStateCommand, summary: 'exact collective steady state from an initial state (Sec. III, Eq. (7))' },
  evolve: { run: evolveCommand, summary: 'ergotropy and coherence over time under partially collective coupling' },
  prove: { run: proveCommand, summary: "check the paper's claims and print verdicts with evidence" },
  verify: { run: verifyCommand, summary: 'check every claim and write the report (md, html, json, junit); CI regression guard' },
  figures: { run: figuresCommand, summary: 'recompute Figs. 1–3 (SVG + CSV/JSON), random initial states at scale' },
  search: { run: async (a, io) => (await import('./commands/search.js')).searchCommand(a, io), summary: 'largest W/(ωC_l1) over initial states by a seeded local search (shardable)' },
};

/** The version in ergocheck's package.json, found by walking up from this module (src/ or dist/src/). */
export function version(): string {
  for (let url = new URL('./', import.meta.url); url.pathname !== '/'; url = new URL('../', url)) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', url), 'utf8')) as { name?: string; version: string };
      if (pkg.name === 'ergocheck') return pkg.version;
    } catch {
      // not here: keep walking up
    }
  }
  throw new Error('package.json of ergocheck not found');
}

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return [
    'Usage: ergocheck <command> [options]',
    '',
    'Checks the results of "Ergotropy from coherences in an open quantum system" (Çakmak)',
    'symbolically and at high precision.',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([k, c]) => `  ${k.padEnd(width)}  ${c.summary}`),
    '',
    'ergocheck <command> --help   options of a command',
    'ergocheck --version          the version',
  ].join('\n');
}

const defaultIo: Io = { out: (t) => process.stdout.write(t + '\n'), err: (t) => process.stderr.write(t + '\n') };

/** Run the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    if (cmd === undefined || cmd === '--help' || cmd === '-h' || cmd === 'help') {
      io.out(usage());
      return 0;
    }
    if (cmd === '--version' || cmd === '-v') {
      io.out(version());
      return 0;
    }
    const c = COMMANDS[cmd];
    if (!c) throw new InputError(`unknown command "${cmd}" (commands: ${Object.keys(COMMANDS).join(', ')}; see ergocheck --help)`);
    return await c.run(rest, io);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`ergocheck: ${e.message}`);
      return 2;
    }
    const msg = e instanceof Error ? e.message : String(e);
    io.err(`ergocheck: internal error: ${msg.split('\n')[0]} (please report this)`);
    return 1;
  }
}
