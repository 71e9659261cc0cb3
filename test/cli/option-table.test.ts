/**
 * The option tables (src/cli/option-table.ts): what the parser refuses, the usage line and option
 * list it generates; then, for every command, that its --help shows every option of its table,
 * that it refuses every option not in it, and that the README names only options that exist.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { InputError } from '../../src/errors.js';
import { commandNames, usage } from '../../src/cli/main.js';
import { command, type CommandSpec, flag, helpText, listOption, option, optionList, parseCommand, usageLine } from '../../src/cli/option-table.js';
import { CHECK } from '../../src/cli/commands/check.js';
import { COHERENCE } from '../../src/cli/commands/coherence.js';
import { ERGOTROPY } from '../../src/cli/commands/ergotropy.js';
import { EVOLVE } from '../../src/cli/commands/evolve.js';
import { FIGURES, FIGURES_MERGE } from '../../src/cli/commands/figures.js';
import { PROVE } from '../../src/cli/commands/prove.js';
import { SEARCH, SEARCH_MERGE } from '../../src/cli/commands/search.js';
import { STEADY_STATE } from '../../src/cli/commands/steady-state.js';
import { VERIFY } from '../../src/cli/commands/verify.js';
import { expectRefusal, runCli } from './run-cli.js';

/** A small table exercising every feature; `reads` records what the converters saw. */
const reads: string[] = [];
const DEMO = command({
  name: 'demo',
  positionals: '[WORD…]',
  options: {
    size: option({
      value: 'N',
      help: 'a size',
      required: true,
      read: (raw) => {
        reads.push(`size=${raw}`);
        if (!/^\d+$/.test(raw)) throw new InputError(`--size must be an integer, got "${raw}"`);
        return Number(raw);
      },
    }),
    scale: option({
      value: 'S',
      help: 'a scale ({default}, or less)',
      default: '7',
      read: (raw) => {
        reads.push(`scale=${raw}`);
        return Number(raw);
      },
    }),
    file: option({ value: 'FILE', help: 'a file', read: (raw) => raw }),
    fast: flag('be fast'),
    tag: listOption({ value: 'T', help: 'tags, repeated', default: 'none', read: (raw) => raw.map((t) => t.toUpperCase()) }),
    json: flag('print JSON'),
    'no-rho': flag('with --json: less'),
  },
  exclusive: [['file', 'fast']],
  within: { 'no-rho': 'json' },
  about: 'A demonstration.',
});

const refusal = (args: string[]): string => {
  try {
    parseCommand(DEMO, args);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error(`demo ${args.join(' ')} was not refused`);
};

describe('parseCommand refuses', () => {
  it.each([
    [['--size', '3', '--bogus'], /^demo: Unknown option '--bogus'/],
    [['--scale', '2'], /^demo: --size is required \(see ergocheck demo --help\)$/],
    [['--size', '3', '--file', 'x', '--fast'], /^demo: give --file or --fast, not both$/],
    [['--size'], /^demo: Option '--size <value>' argument missing/],
    [['--size', 'x'], /^--size must be an integer, got "x"$/],
    [['--size=-3'], /^--size must be an integer, got "-3"$/],
  ])('%j', (args, pattern) => expect(refusal(args)).toMatch(pattern));
  it('a table whose help places a default it does not have is a defect, found when it is built', () => {
    expect(() => option({ value: 'X', help: 'x ({default})', read: (r) => r })).toThrow(/"\{default\}" in a help without a default/);
    expect(() => listOption({ value: 'X', help: 'x ({default})', read: (r) => r })).toThrow(/"\{default\}" in a help without a default/);
  });
  it('a command without words refuses a word', () => {
    const spec = command({ name: 'plain', options: { json: flag('JSON') }, about: '' });
    expect(() => parseCommand(spec, ['stray'])).toThrow(/^plain: Unexpected argument 'stray'/);
  });
});

describe('parseCommand reads typed values', () => {
  it('an absent option without default is undefined (a flag false), a list option its default', () => {
    const p = parseCommand(DEMO, ['--size', '0']);
    if (p.help) throw new Error('help');
    expect(p.options).toEqual({ size: 0, scale: 7, file: undefined, fast: false, tag: ['NONE'], json: false, 'no-rho': false });
  });
  it('every option by its own converter, the default like a given value', () => {
    reads.length = 0;
    const p = parseCommand(DEMO, ['w1', '--size', '12', '--tag', 'a', '--tag=b', '--json', 'w2']);
    if (p.help) throw new Error('help');
    expect(p.options).toEqual({ size: 12, scale: 7, file: undefined, fast: false, tag: ['A', 'B'], json: true, 'no-rho': false });
    expect(reads).toEqual(['size=12', 'scale=7']);
    expect(p.positionals).toEqual(['w1', 'w2']);
    expect([p.given('scale'), p.given('size'), p.given('tag')]).toEqual([false, true, true]);
  });
  it('a negative number follows its option as usual; a flag takes no value', () => {
    expect(refusal(['--size', '-4'])).toMatch(/got "-4"/);
    const p = parseCommand(DEMO, ['--size', '1', '--scale', '-2.5']);
    expect(p.help === false && p.options.scale).toBe(-2.5);
    expect(refusal(['--size', '1', '--json', '-1'])).toMatch(/^demo: Unknown option '-1'/);
  });
  it('-h and --help win over everything else', () => {
    expect(parseCommand(DEMO, ['-h'])).toEqual({ help: true });
    expect(parseCommand(DEMO, ['--size', 'x', '--help'])).toEqual({ help: true });
  });
});

describe('the generated help', () => {
  it('usage: words first, required options bare, exclusive pairs and nested flags grouped', () => {
    expect(usageLine(DEMO, 'Usage: ', Infinity)).toBe(
      'Usage: ergocheck demo [WORD…] --size N [--scale S] [--file FILE | --fast] [--tag T…] [--json [--no-rho]]',
    );
    // at 40 columns every token after the first line goes on a line of its own, under the first word
    const indent = ' '.repeat('ergocheck demo '.length);
    const tokens = ['[--scale S]', '[--file FILE | --fast]', '[--tag T…]', '[--json [--no-rho]]'];
    expect(usageLine(DEMO, '', 40)).toBe(['ergocheck demo [WORD…] --size N', ...tokens.map((t) => indent + t)].join('\n'));
    for (const line of usageLine(DEMO, '', 40).split('\n')) expect(line.length).toBeLessThanOrEqual(40);
  });
  it('option list: one entry per option, defaults placed or appended, long text wrapped under the column', () => {
    // the column: the longest label ("--file FILE", 11) between two spaces and two spaces
    const at15 = (label: string, text: string) => `  ${label}`.padEnd(15) + text;
    expect(optionList(DEMO.options).split('\n')).toEqual([
      at15('--size N', 'a size'),
      at15('--scale S', 'a scale (default 7, or less)'),
      at15('--file FILE', 'a file'),
      at15('--fast', 'be fast'),
      at15('--tag T', 'tags, repeated (default none)'),
      at15('--json', 'print JSON'),
      at15('--no-rho', 'with --json: less'),
    ]);
    expect(optionList(DEMO.options)).toMatch(/^ {2}--file FILE {2}a file$/m);
    const long = optionList({ x: option({ value: 'X', help: Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '), read: (r) => r }) });
    const lines = long.split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(100);
    for (const l of lines.slice(1)) expect(l).toMatch(/^ {9}w\d/);
  });
});

/** Every command and subcommand. */
const SPECS: CommandSpec[] = [ERGOTROPY, COHERENCE, STEADY_STATE, EVOLVE, PROVE, CHECK, VERIFY, FIGURES, FIGURES_MERGE, SEARCH, SEARCH_MERGE];
const ALL_OPTIONS = [...new Set(SPECS.flatMap((s) => Object.keys(s.options)))].sort();

describe('every command: its table is its --help and its parser', () => {
  it('the specs cover every command of ergocheck --help and every subcommand of theirs', () => {
    expect([...new Set(SPECS.map((s) => s.name.split(' ')[0]))].sort()).toEqual([...commandNames()].sort());
    for (const s of SPECS) for (const m of s.more ?? []) expect(SPECS).toContain(m);
    for (const name of commandNames()) expect(usage()).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
  });

  for (const spec of SPECS) {
    const words = spec.name.split(' ');
    it(`${spec.name} --help shows every option of its table, in the usage line and the option list`, async () => {
      for (const h of ['--help', '-h']) {
        const r = await runCli(...words, h);
        expect(r.code).toBe(0);
        expect(r.out).toBe(helpText(spec));
        const [usagePart, ...rest] = r.out.split('\n\n');
        expect(usagePart).toMatch(new RegExp(`^Usage: ergocheck ${spec.name} `));
        const list = rest.join('\n\n');
        for (const [name, o] of Object.entries(spec.options)) {
          expect(usagePart, `--${name} in the usage of ${spec.name}`).toMatch(new RegExp(`\\[?--${name}\\b`));
          const label = o.kind === 'flag' ? `--${name}` : `--${name} ${o.value}`;
          expect(list, `${label} in the option list of ${spec.name}`).toMatch(new RegExp(`^  ${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}  `, 'm'));
        }
      }
    });
    it(`${spec.name} refuses, with one line, every option not in its table`, async () => {
      const absent = [...ALL_OPTIONS.filter((n) => !(n in spec.options)), 'no-such-option', 'Json', 'h1'];
      for (const name of absent) await expectRefusal(new RegExp(`^ergocheck: ${spec.name}: Unknown option '--${name}'`), ...words, `--${name}`);
    });
  }
});

/**
 * The options the README names outside code, attributed to a command: a code span or code line
 * that starts with a command belongs to it alone; other mentions belong to the command of their
 * section or bullet, or to the command last named in the same paragraph; with neither, to any.
 */
function readmeOptionProblems(text: string): string[] {
  const names = SPECS.map((s) => s.name).sort((a, b) => b.length - a.length);
  const tables = new Map(SPECS.map((s) => [s.name, new Set(Object.keys(s.options))]));
  const cmdAt = new RegExp(`^(?:\\$ |npx )?(?:ergocheck )?(${names.join('|')})(?![\\w-])`);
  const cmdIn = new RegExp(`(?:ergocheck |\`|\\*\\*\`)(${names.join('|')})(?![\\w-])`, 'g');
  const OPTION = /(?<![\w-])--([a-z][a-z0-9-]*)/g;
  const problems: string[] = [];
  const check = (line: number, option: string, allowed: (string | null)[]): void => {
    if (option === 'help' || option === 'version') return;
    const cmds = [...new Set(allowed.filter((c): c is string => c !== null))];
    const ok = cmds.length === 0 ? SPECS.some((s) => option in s.options) : cmds.some((c) => tables.get(c)!.has(option));
    if (!ok) problems.push(`README line ${line}: --${option} is not an option of ${cmds.length ? cmds.join(' or ') : 'any command'}`);
  };
  let scope: 'command-line' | 'command' | null = null;
  let section: string | null = null;
  let bullet: string | null = null;
  let last: string | null = null;
  let fence = false;
  text.split('\n').forEach((raw, i) => {
    const n = i + 1;
    const heading = /^(#{2,3}) (.*)$/.exec(raw);
    if (heading && !fence) {
      const named = /`ergocheck ([a-z-]+(?: merge)?)`/.exec(heading[2])?.[1] ?? null;
      if (heading[1] === '##') {
        scope = heading[2] === 'Command line' ? 'command-line' : named ? 'command' : null;
        section = named;
      } else if (scope === 'command-line') section = named;
      bullet = null;
      last = null;
      return;
    }
    if (raw.startsWith('```')) {
      fence = !fence;
      return;
    }
    if (scope === null) return;
    if (fence) {
      // a code line with a command belongs to it alone
      const words = raw.replace(/^\$ |^npx /, '');
      const m = cmdAt.exec(words);
      for (const o of raw.matchAll(OPTION)) check(n, o[1], m ? [m[1]] : [section]);
      return;
    }
    if (raw.trim() === '' || raw.startsWith('- ')) last = null;
    if (scope === 'command-line' && raw.startsWith('- ')) bullet = /^- \*\*`([a-z-]+)`\*\*/.exec(raw)?.[1] ?? null;
    // code spans first (a span that starts with a command is that command's), then the prose
    let prose = raw;
    for (const span of raw.matchAll(/`([^`]*)`/g)) {
      const m = cmdAt.exec(span[1]);
      if (m) {
        last = m[1];
        for (const o of span[1].matchAll(OPTION)) check(n, o[1], [m[1]]);
        prose = prose.replace(span[0], ' ');
      }
    }
    const events = [
      ...[...prose.matchAll(cmdIn)].map((m) => ({ at: m.index, cmd: m[1] })),
      ...[...prose.matchAll(OPTION)].map((m) => ({ at: m.index, option: m[1] })),
    ].sort((a, b) => a.at - b.at);
    for (const e of events) {
      if ('cmd' in e) last = e.cmd;
      else check(n, e.option, [bullet ?? section, last]);
    }
  });
  return problems;
}

describe('the README names only options that exist', () => {
  const readme = readFileSync('README.md', 'utf8');
  it('its synopsis of each command is the usage line generated from the table', () => {
    const block = /```text\n(ergocheck verify[\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const lines = block.trim().split('\n');
    for (const spec of SPECS) expect(lines, spec.name).toContain(usageLine(spec, '', Infinity));
    expect(lines).toHaveLength(SPECS.length + 1);
  });
  it('every option in the sections on commands belongs to the command it is said of', () => {
    expect(readmeOptionProblems(readme)).toEqual([]);
  });
  it('the check finds an option said of the wrong command, in prose, a code span and a code line', () => {
    const wrong = [
      '## Command line',
      '',
      '- **`search`** — the largest ratio; `--ensemble E` picks the states.',
      '- **`prove`** — claims; `ergocheck coherence --list` lists them.',
      '',
      '```sh',
      'npx ergocheck figures merge --samples 3',
      '```',
      '## Checking the paper: `ergocheck verify`',
      'Options: `--only ID`, `--mu M`.',
    ].join('\n');
    expect(readmeOptionProblems(wrong)).toEqual([
      'README line 3: --ensemble is not an option of search',
      'README line 4: --list is not an option of coherence',
      'README line 7: --samples is not an option of figures merge',
      'README line 10: --mu is not an option of verify',
    ]);
  });
});
