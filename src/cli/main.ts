/**
 * The `ergocheck` command: dispatch to subcommands, and the one place where errors become exit
 * codes — InputError (bad input or usage) → 2 with a one-line message, anything else → 1 with a
 * one-line "internal error" message. Never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { InputError, InternalError } from '../errors.js';
import type { Io } from './options.js';
type Command = (args: string[], io: Io) => number | Promise<number>;

// Each command's module is imported only when that command runs, so `--version`, `--help` and the
// numeric commands never load what they do not use (vega, katex and the CAS are heavy to load).
const COMMANDS: Record<string, { load: () => Promise<Command>; summary: string }> = {
  ergotropy: {
    load: async () => (await import('./commands/ergotropy.js')).ergotropyCommand,
    summary: 'ergotropy of a state, Eq. (2), with a certified error bound',
  },
  coherence: { load: async () => (await import('./commands/coherence.js')).coherenceCommand, summary: 'l1-norm of coherence of a state, Eq. (3)' },
  'steady-state': {
    load: async () => (await import('./commands/steady-state.js')).steadyStateCommand,
    summary: 'exact collective steady state from an initial state (Sec. III, Eq. (7))',
  },
  evolve: {
    load: async () => (await import('./commands/evolve.js')).evolveCommand,
    summary: 'ergotropy and coherence over time under partially collective coupling',
  },
  prove: { load: async () => (await import('./commands/prove.js')).proveCommand, summary: "check the paper's claims and print verdicts with evidence" },
  check: {
    load: async () => (await import('./commands/check.js')).checkCommand,
    summary: 'check your own formulas about states of the model, from a claims file',
  },
  verify: {
    load: async () => (await import('./commands/verify.js')).verifyCommand,
    summary: 'check every claim and write the report (md, html, json, junit, tex); CI regression guard',
  },
  figures: {
    load: async () => (await import('./commands/figures.js')).figuresCommand,
    summary: 'recompute Figs. 1–3 (SVG + CSV/JSON), random initial states at scale',
  },
  search: {
    load: async () => (await import('./commands/search.js')).searchCommand,
    summary: 'largest W/(ωC_l1) over initial states by a seeded local search (shardable)',
  },
};

/** The commands, in the order of `ergocheck --help`. */
export const commandNames = (): string[] => Object.keys(COMMANDS);

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
  throw new InternalError('package.json of ergocheck not found');
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

/**
 * A reader that closes the pipe early (`ergocheck prove | head -1`) has what it wanted: end
 * quietly with exit code 0 instead of an EPIPE error.
 */
let pipesWatched = false;
function watchPipes(): void {
  if (pipesWatched) return;
  pipesWatched = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  // a closed stderr loses the message but not the exit code
  process.stderr.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
}

const defaultIo: Io = {
  out: (t) => {
    watchPipes();
    process.stdout.write(t + '\n');
  },
  err: (t) => {
    watchPipes();
    process.stderr.write(t + '\n');
  },
};

/**
 * A library function's name at the head of a message ("partiallyCollective: μ must …") means
 * nothing on the command line: the command's name replaces it. One line, always.
 */
function userMessage(cmd: string | undefined, message: string): string {
  const line = message.split('\n')[0];
  const m = /^([a-z][A-Za-z0-9]*): /.exec(line);
  if (m === null || cmd === undefined || !(cmd in COMMANDS) || m[1] in COMMANDS) return line;
  return `${cmd}: ${line.slice(m[0].length)}`;
}

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
    return await (await c.load())(rest, io);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`ergocheck: ${userMessage(cmd, e.message)}`);
      return 2;
    }
    const msg = e instanceof Error ? e.message : String(e);
    io.err(`ergocheck: internal error: ${msg.split('\n')[0]} (please report this)`);
    return 1;
  }
}
