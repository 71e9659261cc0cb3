/** `ergocheck check FILE`: a user's own formulas about states of the model, from a claims file. */
import { InputError } from '../../errors.js';
import { checkUserClaims } from '../../check/checker.js';
import { readClaimsFile } from '../../check/index.js';
import { claimDetail, claimLine, summaryLine } from '../../report/text.js';
import type { Io } from '../options.js';
import { command, flag, helpText, parseCommand } from '../option-table.js';
import { CLAIM_PRECISION, claimSeed } from './prove.js';

export const CHECK = command({
  name: 'check',
  positionals: 'FILE',
  options: {
    precision: CLAIM_PRECISION,
    seed: claimSeed('seed of the probe points'),
    json: flag('{"claims": [ … ]} in the claim shape of prove --json; an erratum also carries "correctedPieces": [{"formula", "where"}] in plain infix'),
  },
  about: `Check the claims of a claims file (JSON, schema: docs/claims-file.schema.json): each names a
quantity (ergotropy, coherence, energy, passive-energy, incoherent-ergotropy, eigenvalues,
populations, purity, concurrence) of a state of the model (two-qubit, steady-state, gibbs, explicit), the formula
as printed (TeX) or in plain infix, and where it should hold ("assume"). Each formula is
compared with an exact derivation where there is one, and with first principles at ≥ 50 digits
at seeded points of the domain (ω = 1 and ω ≠ 1).

Verdicts: verified, erratum (the derived form and where the two differ are shown), failed,
inconclusive, not-checkable (those of ergocheck prove). The whole file is validated first: a
problem is one line naming the claim, exit code 2, and nothing is checked.`,
  notes: 'Exit code: 0 if no claim failed, 1 if one did, 2 for a usage or input error.',
});

export async function checkCommand(args: string[], io: Io): Promise<number> {
  const p = parseCommand(CHECK, args);
  if (p.help) {
    io.out(helpText(CHECK));
    return 0;
  }
  const { precision, seed } = p.options;
  if (p.positionals.length !== 1)
    throw new InputError(`check: give one claims file (got ${p.positionals.length === 0 ? 'none' : p.positionals.join(', ')}); see ergocheck check --help`);
  const claims = readClaimsFile(p.positionals[0]);
  const json = p.options.json;
  const progress = !json && process.stderr.isTTY === true;
  const checked = await checkUserClaims(claims, { precision, seed }, (c, i) => {
    if (progress) io.err(`[${i + 1}/${claims.length}] ${claimLine(c)}`);
  });
  if (json) io.out(JSON.stringify({ claims: checked }, null, 2));
  else {
    io.out(
      checked
        .map((c) => {
          if (c.verdict === 'verified') return claimLine(c);
          const pieces = c.correctedPieces
            ? [
                '    correction (plain infix):',
                ...c.correctedPieces.map(
                  (q) => `      ${Array.isArray(q.formula) ? `[${q.formula.join(', ')}]` : q.formula}${q.where.length ? `   where ${q.where.join(', ')}` : ''}`,
                ),
              ]
            : [];
          return [claimDetail(c), ...pieces].join('\n');
        })
        .join('\n'),
    );
    io.out(summaryLine(checked));
  }
  return checked.some((c) => c.verdict === 'failed') ? 1 : 0;
}
