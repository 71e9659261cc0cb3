/**
 * One typed table of options per command. The node:util parseArgs configuration, the `--help`
 * text and the parsed, validated, typed values all come from the same table, so the help cannot
 * name an option the parser refuses, nor the parser take one the help does not describe.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError, InternalError } from '../errors.js';

/** What a converter knows: the command (for its messages) and the option's name. */
export interface OptionContext {
  readonly command: string;
  readonly name: string;
}

interface OptionBase {
  /**
   * The description in --help: wrapped to the width of the help; a '\n' starts a new line.
   * "{default}" places "default X" (X the `default` below); without it "(default X)" is appended.
   */
  readonly help: string;
}

/** An option with a value (`--rho FILE`), read by `convert` into V. */
export interface ValueOption<V> extends OptionBase {
  readonly kind: 'value';
  /** The value's name in --help (FILE, D). */
  readonly value: string;
  /** The value as the usage line shows it, when not `value` (e.g. ground|excited|thermal|FILE). */
  readonly synopsis?: string;
  readonly required: boolean;
  /** The documented default: parsed by the same converter as a given value. */
  readonly default?: string;
  readonly convert: (raw: string | undefined, cx: OptionContext) => V;
}

/** An option given any number of times (`--only a --only b`), read by `convert` from all of them. */
export interface ListOption<V> extends OptionBase {
  readonly kind: 'list';
  readonly value: string;
  /** The values as the usage line shows them, when not `value…` (e.g. md,html,json). */
  readonly synopsis?: string;
  readonly default?: string;
  readonly convert: (raw: string[], cx: OptionContext) => V;
}

/** A flag (`--json`). */
export interface FlagOption extends OptionBase {
  readonly kind: 'flag';
}

export type AnyOption = ValueOption<unknown> | ListOption<unknown> | FlagOption;
export type OptionTable = Record<string, AnyOption>;

/** The typed values of a table. */
export type OptionValues<O extends OptionTable> = {
  readonly [K in keyof O]: O[K] extends ValueOption<infer V> ? V : O[K] extends ListOption<infer V> ? V : boolean;
};

interface ValueSpec<T> {
  value: string;
  help: string;
  synopsis?: string;
  read: (raw: string, cx: OptionContext) => T;
}

/** A help that places the default must have one (a table is checked when its module loads). */
function placeable(help: string, dflt: string | undefined): void {
  if (help.includes('{default}') && dflt === undefined) throw new InternalError(`option table: "{default}" in a help without a default: ${help}`);
}

/** An option with a value; with `required` or a `default` it always has one. */
export function option<T>(spec: ValueSpec<T> & { required: true }): ValueOption<T>;
export function option<T>(spec: ValueSpec<T> & { default: string }): ValueOption<T>;
export function option<T>(spec: ValueSpec<T>): ValueOption<T | undefined>;
export function option<T>(spec: ValueSpec<T> & { required?: boolean; default?: string }): ValueOption<T | undefined> {
  const required = spec.required === true;
  placeable(spec.help, spec.default);
  return {
    kind: 'value',
    value: spec.value,
    synopsis: spec.synopsis,
    help: spec.help,
    required,
    default: spec.default,
    convert: (raw, cx) => {
      const given = raw ?? spec.default;
      if (given === undefined) {
        if (required) throw new InputError(`${cx.command}: --${cx.name} is required (see ergocheck ${cx.command} --help)`);
        return undefined;
      }
      return spec.read(given, cx);
    },
  };
}

/** An option that may be repeated; `read` sees every value given, in order ([] when none). */
export function listOption<T>(spec: {
  value: string;
  help: string;
  synopsis?: string;
  default?: string;
  read: (raw: string[], cx: OptionContext) => T;
}): ListOption<T> {
  placeable(spec.help, spec.default);
  return { kind: 'list', value: spec.value, synopsis: spec.synopsis, help: spec.help, default: spec.default, convert: spec.read };
}

export function flag(help: string): FlagOption {
  return { kind: 'flag', help };
}

/** A command: its options, its words, and the prose of its --help around the generated parts. */
export interface CommandSpec<O extends OptionTable = OptionTable> {
  /** As typed after `ergocheck`: "prove", "figures merge". */
  readonly name: string;
  readonly options: O;
  /** The words of the usage line, e.g. "FILE", "[CLAIM…]"; absent: no words allowed. */
  readonly positionals?: string;
  /** Pairs of options that exclude each other: refused together, shown as [--a A | --b B]. */
  readonly exclusive?: readonly (readonly [string, string])[];
  /** Options meaningful only with another (inner → outer), shown as [--json [--no-rho]]. */
  readonly within?: Readonly<Record<string, string>>;
  /** Further usage lines (subcommands), from their own specs. */
  readonly more?: readonly CommandSpec[];
  /** The text between the usage line and the options. */
  readonly about: string;
  /** The text after the options, if any. */
  readonly notes?: string;
}

/** A command's spec, its pairs and nestings checked against its own options. */
export function command<O extends OptionTable>(
  spec: CommandSpec<O> & {
    exclusive?: readonly (readonly [keyof O & string, keyof O & string])[];
    within?: Partial<Record<keyof O & string, keyof O & string>>;
  },
): CommandSpec<O> {
  return spec;
}

const WIDTH = 100;

/** The parseArgs configuration of a table (plus -h/--help). */
export function parseArgsOptions(options: OptionTable): NonNullable<ParseArgsConfig['options']> {
  const out: NonNullable<ParseArgsConfig['options']> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, o] of Object.entries(options))
    out[name] = o.kind === 'flag' ? { type: 'boolean' } : o.kind === 'list' ? { type: 'string', multiple: true } : { type: 'string' };
  return out;
}

/** `--beta -1` → `--beta=-1` for options with a value, so a negative number can follow its option as usual. */
function joinNegativeValues(args: string[], options: OptionTable): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const name = a.startsWith('--') ? a.slice(2) : null;
    if (name !== null && Object.hasOwn(options, name) && options[name].kind !== 'flag' && i + 1 < args.length && /^-(\d|\.\d)/.test(args[i + 1])) {
      out.push(`${a}=${args[i + 1]}`);
      i++;
    } else out.push(a);
  }
  return out;
}

export type ParsedCommand<O extends OptionTable> =
  | { readonly help: true }
  | {
      readonly help: false;
      readonly options: OptionValues<O>;
      readonly positionals: string[];
      /** Whether the user gave the option (a default does not count). */
      readonly given: (name: keyof O & string) => boolean;
    };

/**
 * Parse `args` against the command's table: unknown options, missing values and stray words are
 * InputErrors, as are two exclusive options given together; then every option is converted, in
 * the table's order, by its own converter.
 */
export function parseCommand<O extends OptionTable>(spec: CommandSpec<O>, args: string[]): ParsedCommand<O> {
  let parsed: { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: joinNegativeValues(args, spec.options),
      options: parseArgsOptions(spec.options),
      allowPositionals: spec.positionals !== undefined,
      strict: true,
    });
  } catch (e) {
    const first = (e as Error).message.split('\n')[0];
    // node's message for "--opt -1" does not say what to do
    const hint = /argument is ambiguous/.test(first) ? " (a value starting with '-' is written --option=value)" : '';
    throw new InputError(`${spec.name}: ${first}${hint}`);
  }
  if (parsed.values.help === true) return { help: true };
  const given = (name: string): boolean => parsed.values[name] !== undefined;
  for (const [a, b] of spec.exclusive ?? []) if (given(a) && given(b)) throw new InputError(`${spec.name}: give --${a} or --${b}, not both`);
  const values: Record<string, unknown> = {};
  for (const [name, o] of Object.entries(spec.options)) {
    const raw = parsed.values[name];
    const cx = { command: spec.name, name };
    if (o.kind === 'flag') values[name] = raw === true;
    else if (o.kind === 'list') values[name] = o.convert(Array.isArray(raw) ? raw.map(String) : o.default === undefined ? [] : [o.default], cx);
    else values[name] = o.convert(typeof raw === 'string' ? raw : undefined, cx);
  }
  return { help: false, options: values as OptionValues<O>, positionals: parsed.positionals, given };
}

/** `text` wrapped to `width` columns at spaces; '\n' forces a break. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(' ')) {
      if (line !== '' && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    lines.push(line);
  }
  return lines;
}

const label = (name: string, o: AnyOption): string => (o.kind === 'flag' ? `--${name}` : `--${name} ${o.value}`);

/** The usage line(s) of a command, wrapped to `width`: required options bare, the others in brackets. */
export function usageLine(spec: CommandSpec, lead = 'Usage: ', width = WIDTH): string {
  const inner = new Set(Object.keys(spec.within ?? {}));
  const partner = new Map<string, string>();
  for (const [a, b] of spec.exclusive ?? []) partner.set(a, b).set(b, '');
  const token = (name: string): string => {
    const o = spec.options[name];
    const body = o.kind === 'value' ? `--${name} ${o.synopsis ?? o.value}` : o.kind === 'list' ? `--${name} ${o.synopsis ?? `${o.value}…`}` : `--${name}`;
    const nested = Object.entries(spec.within ?? {})
      .filter(([, outer]) => outer === name)
      .map(([n]) => ` ${token(n)}`)
      .join('');
    return o.kind === 'value' && o.required ? body + nested : `[${body}${nested}]`;
  };
  const tokens: string[] = spec.positionals === undefined ? [] : [spec.positionals];
  for (const name of Object.keys(spec.options)) {
    if (inner.has(name) || partner.get(name) === '') continue;
    const other = partner.get(name);
    tokens.push(other === undefined ? token(name) : `${token(name).slice(0, -1)} | ${token(other).slice(1)}`);
  }
  const head = `${lead}ergocheck ${spec.name}`;
  const indent = ' '.repeat(head.length + 1);
  const lines: string[] = [];
  let line = head;
  for (const t of tokens) {
    if (line.length + 1 + t.length > width && line.trim() !== head.trim()) {
      lines.push(line);
      line = indent + t;
    } else line = `${line} ${t}`;
  }
  lines.push(line);
  return lines.join('\n');
}

/** The option list of a command's --help: one entry per option of the table, in its order. */
export function optionList(options: OptionTable): string {
  const column = Math.max(...Object.entries(options).map(([n, o]) => 2 + label(n, o).length)) + 2;
  const out: string[] = [];
  for (const [name, o] of Object.entries(options)) {
    const d = o.kind === 'flag' ? undefined : o.default;
    const help = d === undefined ? o.help : o.help.includes('{default}') ? o.help.replace('{default}', `default ${d}`) : `${o.help} (default ${d})`;
    const [first, ...rest] = wrap(help, WIDTH - column);
    out.push(`  ${label(name, o)}`.padEnd(column) + first, ...rest.map((l) => ' '.repeat(column) + l));
  }
  return out.join('\n');
}

/** The whole --help of a command. */
export function helpText(spec: CommandSpec): string {
  const usage = [usageLine(spec), ...(spec.more ?? []).map((m) => usageLine(m, '       '))].join('\n');
  const parts = [usage, '', spec.about, '', optionList(spec.options)];
  if (spec.notes !== undefined) parts.push('', spec.notes);
  return parts.join('\n');
}
