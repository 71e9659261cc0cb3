/**
 * `ergocheck search`: the largest W/(ωC_l1) over initial states (src/search), per (N, β), with
 * shards (--shard I/K: the starts s with s mod K = I − 1) and `ergocheck search merge`.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { InputError } from '../../errors.js';
import { packageVersion } from '../../package-files.js';
import { rationalToNumber } from '../../numeric/rational.js';
import { better, RatioObjective, searchRatio, type AscentResult, type CaseResult } from '../../search/ergotropy-coherence-ratio.js';
import { certifyRatio, integerFactor, type CertifiedRatio } from '../../search/certify.js';
import { fileName, integerIn, numberOption, type Io } from '../options.js';
import { command, flag, helpText, option, parseCommand, type OptionValues } from '../option-table.js';

export const SEARCH_FORMAT = 'ergocheck-ratio-search/1';
const MIN_QUBITS = 2;
const MAX_QUBITS = 8;

interface SearchRun {
  readonly qubits: number[];
  readonly betas: number[];
  readonly starts: number;
  readonly iterations: number;
  readonly seed: number;
  readonly shard: { readonly index: number; readonly count: number };
}

/** One case as stored: the best start and what it looks like. */
interface CaseRecord {
  N: number;
  beta: number;
  starts: number;
  ratio: number;
  W: number;
  Cl1: number;
  start: number;
  iterations: number;
  kernel: { W: number; Cl1: number };
  blocks: { j: number; mult: number; trace: number; rank: number; eigenvalues: number[] }[];
  x: number[];
  certified?: CertifiedRatio & { state: { re: number[]; im: number[] }[] };
}

interface SearchFile extends SearchRun {
  readonly format: typeof SEARCH_FORMAT;
  readonly version: string;
  readonly cases: CaseRecord[];
}

function qubitList(text: string): number[] {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    const lo = m ? Number(m[1]) : NaN;
    const hi = m ? Number(m[2] ?? m[1]) : NaN;
    if (!m || lo < MIN_QUBITS || hi > MAX_QUBITS || lo > hi)
      throw new InputError(`search: --qubits must list integers from ${MIN_QUBITS} to ${MAX_QUBITS} (e.g. 3,4 or 3-6), got "${text}"`);
    for (let N = lo; N <= hi; N++) out.add(N);
  }
  return [...out].sort((a, b) => a - b);
}

function betaList(text: string): number[] {
  const out: number[] = [];
  for (const part of text.split(',')) {
    const b = rationalToNumber(numberOption('beta', part.trim(), 'nonNegative'));
    if (!Number.isFinite(b) || Math.exp(-b) === 0) throw new InputError(`search: --beta ${part.trim()} is too large (e^(−β) underflows)`);
    if (!out.includes(b)) out.push(b);
  }
  return out;
}

/** What a search or a merge prints and writes. */
const OUTPUT_OPTIONS = {
  certify: flag(
    'every case above 1: the maximiser rounded to an exact rational initial state ρ0 ∝ AA† (A of Gaussian integers), W and C_l1 of its steady state recomputed at 50 digits by the certified routines',
  ),
  out: option({ value: 'FILE', help: 'write the results as JSON (also what merge reads)', read: fileName }),
  json: flag('print the JSON instead of the table'),
};

export const SEARCH_MERGE = command({
  name: 'search merge',
  positionals: 'FILE…',
  options: OUTPUT_OPTIONS,
  about: `Combines the K files written by \`ergocheck search --shard I/K --out FILE\` (any order) into the
result of a single run, byte for byte. Refused, with one line: files of different searches or of
another ergocheck version, a missing or repeated shard.`,
});

export const SEARCH = command({
  name: 'search',
  options: {
    qubits: option({ value: 'LIST', help: `N values, e.g. 3,4,5,6 or 3-6 (${MIN_QUBITS}–${MAX_QUBITS}; {default})`, default: '3-6', read: qubitList }),
    beta: option({ value: 'LIST', help: 'β values ≥ 0 (β·ω with ω = 1), e.g. 0,0.5,1,2', default: '0,0.5,1,2', read: betaList }),
    starts: option({
      value: 'S',
      help: 'seeded starts per (N, β), 1–100000 ({default}); start s uses the stream fork("N=<N>/beta=<β>/start=<s>") of the seed',
      default: '12',
      read: integerIn(1, 100_000),
    }),
    iterations: option({ value: 'I', help: 'ascent steps per start, 10–1000000', default: '2000', read: integerIn(10, 1_000_000) }),
    seed: option({ value: 'S', help: 'non-negative integer', default: '1', read: integerIn(0, Number.MAX_SAFE_INTEGER) }),
    shard: option({
      value: 'I/K',
      help: "only the starts s with s mod K = I − 1; merge the K files with `ergocheck search merge` (the result equals a single run's, byte for byte)",
      read: (raw) => {
        const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
        const [index, count] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
        if (!m || !(count >= 1 && index >= 1 && index <= count)) throw new InputError(`search: --shard must be I/K with 1 ≤ I ≤ K, got "${raw}"`);
        return { index, count };
      },
    }),
    ...OUTPUT_OPTIONS,
  },
  more: [SEARCH_MERGE],
  about: `The largest W/(ωC_l1) of the collective steady state over all initial states, for every N and β
asked: steepest ascent of the ratio over the multiplicity blocks M_j of the initial state (every
rank, complex), from S seeded starts per (N, β). ω drops out of the ratio. A ratio above 1
contradicts W ≤ ωC_l1.`,
});

function runOptions(o: OptionValues<typeof SEARCH.options>): SearchRun {
  const { starts, shard = { index: 1, count: 1 } } = o;
  if (shard.count > starts) throw new InputError(`search: --shard ${shard.index}/${shard.count}: more shards than starts (${starts})`);
  return { qubits: o.qubits, betas: o.beta, starts, iterations: o.iterations, seed: o.seed, shard };
}

function record(c: CaseResult): CaseRecord {
  return {
    N: c.N,
    beta: c.beta,
    starts: c.starts,
    ratio: c.best.ratio,
    W: c.best.W,
    Cl1: c.best.Cl1,
    start: c.best.start,
    iterations: c.best.iterations,
    kernel: { W: c.kernel.W, Cl1: c.kernel.Cl1 },
    blocks: c.structure.map((b) => ({ j: b.twoJ / 2, mult: b.mult, trace: b.trace, rank: b.rank, eigenvalues: b.eigenvalues })),
    x: Array.from(c.best.x),
  };
}

/** The certified check of every case above 1 (in place). */
function certifyCases(cases: CaseRecord[]): void {
  for (const c of cases) {
    if (!(c.ratio > 1)) continue;
    const obj = new RatioObjective(c.N, Math.exp(-c.beta));
    const state = integerFactor(obj, Float64Array.from(c.x));
    c.certified = { ...certifyRatio(state, String(c.beta), '1', 50), state: state.columns.map((col) => ({ re: [...col.re], im: [...col.im] })) };
  }
}

function output(file: SearchFile, o: OptionValues<typeof OUTPUT_OPTIONS>, io: Io): void {
  const text = JSON.stringify(file) + '\n';
  const out = o.out;
  if (out !== undefined) {
    writeFileSync(out + '.tmp', text);
    renameSync(out + '.tmp', out);
  }
  if (o.json) {
    io.out(text.trimEnd());
    return;
  }
  io.out(
    `largest W/(ωC_l1) found (seed ${file.seed}, ${file.starts} starts per case${file.shard.count > 1 ? `, shard ${file.shard.index}/${file.shard.count}` : ''}):`,
  );
  io.out('   N      β      ratio       W/ω     C_l1   blocks (j: Tr M_j, rank)');
  for (const c of file.cases) {
    const blocks = c.blocks.map((b) => `${b.j}: ${b.trace.toFixed(3)}, ${b.rank}`).join('; ');
    io.out(
      `  ${String(c.N).padStart(2)}  ${String(c.beta).padStart(5)}  ${c.ratio.toFixed(6).padStart(9)}  ${c.W.toFixed(4).padStart(8)}  ${c.Cl1.toFixed(4).padStart(7)}   ${blocks}`,
    );
    if (c.certified)
      io.out(
        `            certified (rational state, 50 digits): W/(ωC_l1) = ${c.certified.ratio.slice(0, 12)}…, W − ωC_l1 ${c.certified.verdict} the error bound ${c.certified.errorBound}`,
      );
  }
  if (out !== undefined) io.out(`written to ${out}`);
}

export async function searchCommand(args: string[], io: Io): Promise<number> {
  if (args[0] === 'merge') return searchMerge(args.slice(1), io);
  const p = parseCommand(SEARCH, args);
  if (p.help) {
    io.out(helpText(SEARCH));
    return 0;
  }
  const o = runOptions(p.options);
  if (p.options.certify && o.shard.count > 1) throw new InputError('search: --certify applies to a whole search; give it to `ergocheck search merge`');
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const cases = searchRatio({ Ns: o.qubits, betas: o.betas, starts: o.starts, iterations: o.iterations, seed: o.seed, shard: o.shard }).map(record);
  if (p.options.certify) certifyCases(cases);
  output({ format: SEARCH_FORMAT, version: packageVersion(), ...o, cases }, p.options, io);
  const cpu = process.cpuUsage(cpu0);
  if (!p.options.json) io.out(`time ${((performance.now() - t0) / 1000).toFixed(1)} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s)`);
  return 0;
}

/** The fields of a case that decide which start is best (max ratio, then smallest start). */
const asAscent = (r: CaseRecord): AscentResult => ({ start: r.start, ratio: r.ratio, W: r.W, Cl1: r.Cl1, iterations: r.iterations, x: new Float64Array(0) });

function readSearchFile(name: string): SearchFile {
  let text: string;
  try {
    text = readFileSync(name, 'utf8');
  } catch (e) {
    throw new InputError(`search merge: cannot read ${name} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let o: SearchFile;
  try {
    o = JSON.parse(text) as SearchFile;
  } catch {
    throw new InputError(`search merge: ${name} is not JSON (not a file of ergocheck search --out)`);
  }
  if (
    typeof o !== 'object' ||
    o === null ||
    o.format !== SEARCH_FORMAT ||
    !Array.isArray(o.cases) ||
    !o.shard ||
    !Array.isArray(o.qubits) ||
    !Array.isArray(o.betas)
  )
    throw new InputError(`search merge: ${name} is not a file of ergocheck search --out`);
  const num = (v: unknown): boolean => typeof v === 'number' && !Number.isNaN(v);
  for (const c of o.cases as unknown as Record<string, unknown>[])
    if (
      typeof c !== 'object' ||
      c === null ||
      !['N', 'beta', 'starts', 'ratio', 'W', 'Cl1', 'start', 'iterations'].every((k) => num(c[k])) ||
      !Array.isArray(c.x) ||
      !c.x.every(num) ||
      !Array.isArray(c.blocks)
    )
      throw new InputError(`search merge: ${name} has a malformed case (truncated or edited?)`);
  const sh = o.shard as { index?: unknown; count?: unknown };
  if (!Number.isSafeInteger(sh.index) || !Number.isSafeInteger(sh.count) || !((sh.index as number) >= 1 && (sh.index as number) <= (sh.count as number)))
    throw new InputError(`search merge: ${name} has a malformed shard index`);
  return o;
}

async function searchMerge(args: string[], io: Io): Promise<number> {
  const p = parseCommand(SEARCH_MERGE, args);
  if (p.help) {
    io.out(helpText(SEARCH_MERGE));
    return 0;
  }
  if (p.positionals.length === 0) throw new InputError('search merge: no files given (usage: ergocheck search merge FILE… --out FILE)');
  const files = p.positionals.map((name) => ({ name, file: readSearchFile(name) }));
  const first = files[0];
  const same = (a: SearchFile, b: SearchFile, k: 'version' | 'starts' | 'iterations' | 'seed' | 'qubits' | 'betas'): boolean =>
    JSON.stringify(a[k]) === JSON.stringify(b[k]);
  for (const { name, file } of files) {
    for (const k of ['version', 'starts', 'iterations', 'seed', 'qubits', 'betas'] as const)
      if (!same(file, first.file, k))
        throw new InputError(
          `search merge: ${name} is from another search than ${first.name} (${k} ${JSON.stringify(file[k])} ≠ ${JSON.stringify(first.file[k])})`,
        );
    if (file.shard.count !== first.file.shard.count)
      throw new InputError(`search merge: ${name} is shard ${file.shard.index} of ${file.shard.count}, ${first.name} one of ${first.file.shard.count}`);
  }
  if (first.file.version !== packageVersion())
    throw new InputError(`search merge: the files were written by ergocheck ${first.file.version}, this is ${packageVersion()}`);
  const K = first.file.shard.count;
  const seen = new Map<number, string>();
  for (const { name, file } of files) {
    const other = seen.get(file.shard.index);
    if (other !== undefined) throw new InputError(`search merge: shard ${file.shard.index}/${K} given twice (${other} and ${name})`);
    seen.set(file.shard.index, name);
  }
  const missing = Array.from({ length: K }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0) throw new InputError(`search merge: missing shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${K}`);
  const cases: CaseRecord[] = [];
  for (const N of first.file.qubits)
    for (const beta of first.file.betas) {
      let best: CaseRecord | null = null;
      let starts = 0;
      for (const { name, file } of files) {
        const c = file.cases.find((x) => x.N === N && x.beta === beta);
        if (!c) throw new InputError(`search merge: ${name} has no result for N = ${N}, β = ${beta}`);
        starts += c.starts;
        if (best === null) best = c;
        else {
          const b = asAscent(c);
          if (better(asAscent(best), b) === b) best = c;
        }
      }
      cases.push({ ...best!, starts });
    }
  const run = first.file;
  if (p.options.certify) certifyCases(cases);
  output(
    {
      format: SEARCH_FORMAT,
      version: run.version,
      qubits: run.qubits,
      betas: run.betas,
      starts: run.starts,
      iterations: run.iterations,
      seed: run.seed,
      shard: { index: 1, count: 1 },
      cases,
    },
    p.options,
    io,
  );
  return 0;
}
