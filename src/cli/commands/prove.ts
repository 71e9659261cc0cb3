/** `ergocheck prove`: check the paper's claims (proofs/) and print verdicts with evidence. */
import { InputError } from '../../errors.js';
import type { Claim } from '../../claims/claim.js';
import { runClaims } from '../../claims/run.js';
import { claimDetail, claimLine, summaryLine } from '../../report/text.js';
import { CLAIMS } from '../../../proofs/index.js';
import { DEFAULT_PRECISION } from '../../numeric/decimal.js';
import { MAX_PRECISION, precisionOption, type Io } from '../options.js';
import { command, flag, helpText, option, parseCommand } from '../option-table.js';

export const DEFAULT_SEED = 20220513;

/** Select claims by id or id prefix, in the registry's order; unknown selectors are an InputError. */
export function selectClaims(all: readonly Claim[], selectors: readonly string[], command = 'prove'): Claim[] {
  if (selectors.length === 0) return [...all];
  for (const s of selectors) {
    // "" is a prefix of every id: never let an empty word select everything
    if (s.trim() === '') throw new InputError(`${command}: an empty claim id selects nothing (give an id or id prefix; see ergocheck prove --list)`);
    if (!all.some((c) => c.id === s || c.id.startsWith(s))) throw new InputError(`${command}: no claim matches "${s}" (see ergocheck prove --list)`);
  }
  return all.filter((c) => selectors.some((s) => c.id === s || c.id.startsWith(s)));
}

export function seedOption(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(Number(value))) throw new InputError(`--seed must be a non-negative integer, got "${value}"`);
  return Number(value);
}

/** --precision of a command that checks claims: at least 50 digits (the numeric probes need them). */
export const CLAIM_PRECISION = option({
  value: 'D',
  help: `significant digits of the numeric checks, 50–${MAX_PRECISION}`,
  default: String(DEFAULT_PRECISION),
  read: (raw, cx) => {
    const precision = precisionOption(raw);
    if (precision < 50) throw new InputError(`${cx.command}: --precision must be at least 50 (numeric probes run at ≥ 50 digits), got ${precision}`);
    return precision;
  },
});

/** --seed of a command that checks claims. */
export const claimSeed = (help: string) => option({ value: 'S', help, default: String(DEFAULT_SEED), read: (raw) => seedOption(raw, DEFAULT_SEED) });

export const PROVE = command({
  name: 'prove',
  positionals: '[CLAIM…]',
  options: {
    precision: CLAIM_PRECISION,
    seed: claimSeed('seed of every random probe point and random state'),
    json: flag(
      '{"claims": [ … ]}, each claim {"id", "location", "statement", "printed", "derived", "verdict", "corrected", "evidence"} (schema: docs/claim.schema.json)',
    ),
    verbose: flag('the evidence of every claim, not only of errata and failures'),
    list: flag('list the claim ids and locations without checking them'),
  },
  about: `Check the paper's claims and print each verdict with its evidence. CLAIM is a claim id or an id
prefix (e.g. "eq10" selects every claim of Eq. (10)); without CLAIM every claim is checked.

Verdicts: verified (the printed form equals our derivation exactly, and a second route agrees),
erratum (the printed form differs from a derivation that a second route confirms; the derived form
is the correction, and where they differ is computed), supported (every check passes, but on
numerics or a single route only: not a proof), failed (our own routes disagree, or a check broke:
a defect of ergocheck), inconclusive (a check could not finish), not-checkable (with the reason).`,
  notes: 'Exit code: 0 if no claim failed, 1 if one did, 2 for a usage error.',
});

export async function proveCommand(args: string[], io: Io): Promise<number> {
  const p = parseCommand(PROVE, args);
  if (p.help) {
    io.out(helpText(PROVE));
    return 0;
  }
  const { precision, seed } = p.options;
  const claims = selectClaims(CLAIMS, p.positionals);
  if (p.options.list) {
    io.out(claims.map((c) => `${c.id.padEnd(34)} ${c.location}`).join('\n'));
    return 0;
  }
  const json = p.options.json;
  const progress = !json && process.stderr.isTTY === true;
  const checked = await runClaims(claims, { precision, seed }, (c, i) => {
    if (progress) io.err(`[${i + 1}/${claims.length}] ${claimLine(c)}`);
  });
  if (json) io.out(JSON.stringify({ claims: checked }, null, 2));
  else {
    const verbose = p.options.verbose;
    io.out(
      checked
        .map((c) => (verbose || c.verdict === 'erratum' || c.verdict === 'failed' || c.verdict === 'inconclusive' ? claimDetail(c) : claimLine(c)))
        .join('\n'),
    );
    io.out(summaryLine(checked));
  }
  return checked.some((c) => c.verdict === 'failed') ? 1 : 0;
}
