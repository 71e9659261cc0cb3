/** `ergocheck check FILE`: a user's own formulas about states of the model, from a claims file. */
import { InputError } from '../../errors.js';
import { checkUserClaims } from '../../check/checker.js';
import { readClaimsFile } from '../../check/index.js';
import { claimDetail, claimLine, summaryLine } from '../../report/text.js';
import { flag, MAX_PRECISION, parse, type Io } from '../options.js';
import { claimRunOptions, DEFAULT_SEED } from './prove.js';

export const CHECK_HELP = `Usage: ergocheck check FILE [--json] [--precision D] [--seed S]

Check the claims of a claims file (JSON, schema: docs/claims-file.schema.json): each names a
quantity (ergotropy, coherence, energy, passive-energy, incoherent-ergotropy, eigenvalues,
populations, purity, concurrence) of a state of the model (eq7, steady-state, gibbs, explicit), the formula
as printed (TeX) or in plain infix, and where it should hold ("assume"). Each formula is
compared with an exact derivation where there is one, and with first principles at ≥ 50 digits
at seeded points of the domain (ω = 1 and ω ≠ 1).

Verdicts: verified, erratum (the derived form and where the two differ are shown), failed,
inconclusive, not-checkable (those of ergocheck prove). The whole file is validated first: a
problem is one line naming the claim, exit code 2, and nothing is checked.

  --precision D   significant digits of the numeric checks, 50–${MAX_PRECISION} (default 50)
  --seed S        seed of the probe points (default ${DEFAULT_SEED})
  --json          {"claims": [ … ]} in the claim shape of prove --json; an erratum also carries
                  "correctedPieces": [{"formula", "where"}] in plain infix

Exit code: 0 if no claim failed, 1 if one did, 2 for a usage or input error.`;

export async function checkCommand(args: string[], io: Io): Promise<number> {
  const p = parse('check', args, { precision: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' } }, true);
  if (flag(p, 'help')) {
    io.out(CHECK_HELP);
    return 0;
  }
  const { precision, seed } = claimRunOptions('check', p);
  if (p.positionals.length !== 1)
    throw new InputError(`check: give one claims file (got ${p.positionals.length === 0 ? 'none' : p.positionals.join(', ')}); see ergocheck check --help`);
  const claims = readClaimsFile(p.positionals[0]);
  const json = flag(p, 'json');
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
