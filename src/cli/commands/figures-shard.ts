/** `ergocheck figures --shard I/K` (one share of the Fig. 3 samples) and `ergocheck figures merge`. */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { InputError } from '../../errors.js';
import { packageVersion } from '../../package-files.js';
import { runSamples } from '../../figures/random-state-statistics.js';
import { decodeShard, encodeShard, mergeShards, SHARD_FORMAT, shardFileName, shardRange, type Shard } from '../../figures/shard.js';
import type { Io } from '../options.js';
import { helpText, parseCommand } from '../option-table.js';
import { estimateRun, FIGURES_MERGE, formatDuration, maxQubitsFor, writeFigures, type FiguresOptions } from './figures.js';

/** Computes shard `shard` of the Fig. 3 samples and writes it to o.out/fig3-shard-I-of-K.json. */
export async function figuresShardCommand(o: FiguresOptions, shard: { index: number; count: number }, io: Io): Promise<number> {
  const { start, end } = shardRange(o.samples, shard.index, shard.count);
  if (o.maxQubits >= 9) {
    const { perSample, total } = estimateRun(o);
    if (total > 60)
      io.err(
        `figures: this shard will take ≈ ${formatDuration(total)} (one ${o.ensemble} sample at N = ${o.maxQubits} takes ${formatDuration(perSample)} on one thread; ${o.workers} workers)`,
      );
  }
  const t0 = performance.now();
  const values = await runSamples({
    Ns: Array.from({ length: o.maxQubits - 1 }, (_, i) => i + 2),
    samples: o.samples,
    from: start,
    to: end,
    seed: o.seed,
    ensemble: o.ensemble,
    r: Math.exp(-o.beta * o.omega),
    omega: o.omega,
    workers: o.workers,
  });
  const text = encodeShard(
    {
      format: SHARD_FORMAT,
      version: packageVersion(),
      ensemble: o.ensemble,
      samples: o.samples,
      seed: o.seed,
      beta: o.beta,
      omega: o.omega,
      maxQubits: o.maxQubits,
      shard,
    },
    values,
  );
  mkdirSync(o.out, { recursive: true });
  const file = join(o.out, shardFileName(shard.index, shard.count));
  // never a half-written shard under the final name (a killed job leaves only the .tmp)
  writeFileSync(file + '.tmp', text);
  renameSync(file + '.tmp', file);
  io.out(
    `shard ${shard.index}/${shard.count} (samples ${start}…${end - 1} of ${o.samples} per N, N = 2…${o.maxQubits}) written to ${file} in ${((performance.now() - t0) / 1000).toFixed(2)} s`,
  );
  return 0;
}

export async function figuresMergeCommand(args: string[], io: Io): Promise<number> {
  const p = parseCommand(FIGURES_MERGE, args);
  if (p.help) {
    io.out(helpText(FIGURES_MERGE));
    return 0;
  }
  const { out } = p.options;
  if (p.positionals.length === 0) throw new InputError('figures merge: no shard files given (usage: ergocheck figures merge SHARD… --out DIR)');
  const shards: { name: string; shard: Shard }[] = p.positionals.map((name) => {
    let text: string;
    try {
      text = readFileSync(name, 'utf8');
    } catch (e) {
      throw new InputError(`figures merge: cannot read ${name} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    return { name, shard: decodeShard(text, name) };
  });
  const { header, values } = mergeShards(shards, packageVersion());
  const limit = maxQubitsFor(header.ensemble);
  if (header.maxQubits > limit)
    throw new InputError(`figures merge: the shards go up to N = ${header.maxQubits}, beyond what figures computes for ${header.ensemble} (${limit})`);
  const o: FiguresOptions = {
    samples: header.samples,
    seed: header.seed,
    ensemble: header.ensemble,
    beta: header.beta,
    omega: header.omega,
    out,
    maxQubits: header.maxQubits,
    workers: 0,
  };
  io.out(`merged ${shards.length} shard${shards.length > 1 ? 's' : ''} of ${header.samples} samples per N`);
  return writeFigures(o, io, values);
}
