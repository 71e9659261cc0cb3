/**
 * The random-state statistics split over machines: shard I of K computes the samples with index in
 * [⌊(I − 1)S/K⌋, ⌊IS/K⌋) of every N and stores their per-sample values; merging puts the values
 * back at their indices. The statistics are then computed from exactly the arrays a single run
 * holds, in the same index order, so the merged files are byte-identical to a single run's for any
 * K and any order of the shards. (Partial sums would not do: floating-point addition is not
 * associative, the standard deviation is a second pass about the final mean, and the per-sample CSV
 * lists every sample anyway.) Values are stored as the bytes of little-endian float64, base64.
 */
import { InputError } from '../errors.js';
import { isEnsemble, type Ensemble } from '../random/ensembles.js';
import type { SampleValues } from './compute.js';

export const SHARD_FORMAT = 'ergocheck-fig3-shard/1';

/** What a shard was computed for; every shard of one run must agree on all of it but `shard`. */
export interface ShardHeader {
  readonly format: typeof SHARD_FORMAT;
  /** ergocheck's version: a different version may draw or evaluate differently. */
  readonly version: string;
  readonly ensemble: Ensemble;
  /** Samples per N of the whole run. */
  readonly samples: number;
  readonly seed: number;
  readonly beta: number;
  readonly omega: number;
  readonly maxQubits: number;
  /** 1-based index I and count K. */
  readonly shard: { readonly index: number; readonly count: number };
}

export interface Shard {
  readonly header: ShardHeader;
  /** Per N (2 … maxQubits): the values of samples start … end − 1. */
  readonly values: Map<number, SampleValues>;
}

/** The sample indices [start, end) of shard `index` (1-based) of `count`. */
export function shardRange(samples: number, index: number, count: number): { start: number; end: number } {
  if (!(Number.isInteger(count) && count >= 1 && Number.isInteger(index) && index >= 1 && index <= count))
    throw new RangeError(`shardRange: shard ${index}/${count}`);
  return { start: Math.floor(((index - 1) * samples) / count), end: Math.floor((index * samples) / count) };
}

/** "I/K" with 1 ≤ I ≤ K ≤ samples. */
export function parseShardSpec(text: string, samples: number): { index: number; count: number } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count)
    throw new InputError(`figures: --shard must be I/K with 1 ≤ I ≤ K (shard I of K), got "${text}"`);
  if (count > samples) throw new InputError(`figures: --shard ${index}/${count}: more shards than samples per N (${samples})`);
  return { index, count };
}

/** The file name of a shard: fig3-shard-<I>-of-<K>.json. */
export const shardFileName = (index: number, count: number): string => `fig3-shard-${index}-of-${count}.json`;

function encodeFloats(xs: Float64Array): string {
  const bytes = new Uint8Array(xs.length * 8);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < xs.length; i++) view.setFloat64(8 * i, xs[i], true);
  return Buffer.from(bytes).toString('base64');
}

function decodeFloats(text: unknown, length: number): Float64Array | null {
  if (typeof text !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length !== 8 * length) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) out[i] = view.getFloat64(8 * i, true);
  return out;
}

/** The shard file's text. `values` holds, per N, the samples of this shard's range in index order. */
export function encodeShard(header: ShardHeader, values: Map<number, SampleValues>): string {
  const { start, end } = shardRange(header.samples, header.shard.index, header.shard.count);
  const rows = [...values.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([N, v]) => {
      if (v.Cl1.length !== end - start || v.W.length !== end - start)
        throw new RangeError(`encodeShard: N = ${N} has ${v.Cl1.length} values for ${end - start} samples`);
      return { N, Cl1: encodeFloats(v.Cl1), W: encodeFloats(v.W) };
    });
  return JSON.stringify({ ...header, start, end, rows }) + '\n';
}

const isInt = (x: unknown, lo: number): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= lo;

/** A shard file's contents, checked for shape (not yet against the other shards). `name` is for messages. */
export function decodeShard(text: string, name: string): Shard {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new InputError(`figures merge: ${name} is not JSON (not a shard file of ergocheck figures --shard)`);
  }
  const bad = (what: string): InputError => new InputError(`figures merge: ${name}: ${what}`);
  if (typeof o !== 'object' || o === null || o.format !== SHARD_FORMAT) throw bad(`not a shard file (format "${SHARD_FORMAT}" expected)`);
  if (typeof o.version !== 'string') throw bad('no version');
  if (typeof o.ensemble !== 'string' || !isEnsemble(o.ensemble)) throw bad('unknown ensemble');
  if (!isInt(o.samples, 2) || !isInt(o.seed, 0) || !isInt(o.maxQubits, 2)) throw bad('samples, seed or maxQubits malformed');
  if (typeof o.beta !== 'number' || typeof o.omega !== 'number' || !(o.beta >= 0) || !(o.omega > 0)) throw bad('beta or omega malformed');
  const sh = o.shard as { index?: unknown; count?: unknown } | undefined;
  if (!sh || !isInt(sh.count, 1) || !isInt(sh.index, 1) || sh.index > sh.count) throw bad('shard index malformed');
  const { start, end } = shardRange(o.samples, sh.index, sh.count);
  if (o.start !== start || o.end !== end)
    throw bad(`sample range [${String(o.start)}, ${String(o.end)}) is not that of shard ${sh.index}/${sh.count} ([${start}, ${end}))`);
  const rows = o.rows;
  const Ns = Array.from({ length: o.maxQubits - 1 }, (_, i) => i + 2);
  if (!Array.isArray(rows) || rows.length !== Ns.length) throw bad(`expected values for N = 2 … ${o.maxQubits}`);
  const values = new Map<number, SampleValues>();
  rows.forEach((row: { N?: unknown; Cl1?: unknown; W?: unknown }, i) => {
    const Cl1 = decodeFloats(row?.Cl1, end - start);
    const W = decodeFloats(row?.W, end - start);
    if (row?.N !== Ns[i] || !Cl1 || !W) throw bad(`values for N = ${Ns[i]} missing or of the wrong length`);
    values.set(Ns[i], { Cl1, W });
  });
  const header: ShardHeader = {
    format: SHARD_FORMAT,
    version: o.version,
    ensemble: o.ensemble as Ensemble,
    samples: o.samples,
    seed: o.seed,
    beta: o.beta,
    omega: o.omega,
    maxQubits: o.maxQubits,
    shard: { index: sh.index, count: sh.count },
  };
  return { header, values };
}

/**
 * All K shards of one run (any order) → the full per-sample arrays, as a single run holds them.
 * Refuses (InputError, one line) shards of different runs or versions, a missing or repeated
 * shard, and a version other than `version` (that of the merging program).
 */
export function mergeShards(shards: readonly { name: string; shard: Shard }[], version: string): { header: ShardHeader; values: Map<number, SampleValues> } {
  if (shards.length === 0) throw new InputError('figures merge: no shard files given');
  const first = shards[0];
  const h0 = first.shard.header;
  const keys = ['version', 'ensemble', 'samples', 'seed', 'beta', 'omega', 'maxQubits'] as const;
  for (const { name, shard } of shards) {
    const h = shard.header;
    for (const k of keys)
      if (h[k] !== h0[k]) throw new InputError(`figures merge: ${name} is from another run than ${first.name} (${k} ${String(h[k])} ≠ ${String(h0[k])})`);
    if (h.shard.count !== h0.shard.count)
      throw new InputError(`figures merge: ${name} is shard ${h.shard.index} of ${h.shard.count}, ${first.name} one of ${h0.shard.count}`);
  }
  if (h0.version !== version)
    throw new InputError(`figures merge: the shards were computed by ergocheck ${h0.version}, this is ${version} (recompute them with one version)`);
  const K = h0.shard.count;
  const seen = new Map<number, string>();
  for (const { name, shard } of shards) {
    const i = shard.header.shard.index;
    const other = seen.get(i);
    if (other !== undefined) throw new InputError(`figures merge: shard ${i}/${K} given twice (${other} and ${name})`);
    seen.set(i, name);
  }
  const missing = Array.from({ length: K }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0)
    throw new InputError(
      `figures merge: missing shard${missing.length > 1 ? 's' : ''} ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''} of ${K}`,
    );
  const values = new Map<number, SampleValues>();
  for (let N = 2; N <= h0.maxQubits; N++) values.set(N, { Cl1: new Float64Array(h0.samples), W: new Float64Array(h0.samples) });
  for (const { shard } of shards) {
    const { start } = shardRange(h0.samples, shard.header.shard.index, K);
    for (const [N, v] of shard.values) {
      const dst = values.get(N)!;
      dst.Cl1.set(v.Cl1, start);
      dst.W.set(v.W, start);
    }
  }
  return { header: { ...h0, shard: { index: 1, count: 1 } }, values };
}
