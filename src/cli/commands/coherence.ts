/** `ergocheck coherence`: the l1-norm of coherence of a state read from a file (Eq. (3)). */
import { decimalField } from '../../numeric/decimal.js';
import { l1Coherence } from '../../physics/coherence.js';
import { flag, MAX_PRECISION, parse, precisionOption, str, requireOption, TOLERANCE_HELP, type Io } from '../options.js';
import { readState, toleranceOption } from '../state-input.js';

export const COHERENCE_HELP = `Usage: ergocheck coherence --rho FILE [--precision D] [--tolerance T] [--json]

The l1-norm of coherence C_l1 = Σ_{i≠j} |ρ_ij| of the paper's Eq. (3), in the computational
(product) basis of the file — the basis the paper's Eq. (15) uses. (H0 is degenerate, so "the
energy eigenbasis" alone does not fix a basis; the library's l1Coherence takes any basis.)

  --rho FILE          the state, JSON {"re": [[…]], "im": [[…]]}
  --precision D       significant digits, 10–${MAX_PRECISION} (default 50)
  --tolerance T       override the input tolerance (see below)
  --json              one JSON object: {"l1", "precision"}, l1 as a decimal string

${TOLERANCE_HELP}`;

export function coherenceCommand(args: string[], io: Io): number {
  const p = parse('coherence', args, { rho: { type: 'string' }, precision: { type: 'string' }, tolerance: { type: 'string' }, json: { type: 'boolean' } });
  if (flag(p, 'help')) {
    io.out(COHERENCE_HELP);
    return 0;
  }
  const precision = precisionOption(str(p, 'precision'));
  const D = decimalField(precision);
  const rho = readState(D, requireOption('coherence', 'rho', str(p, 'rho')), toleranceOption(str(p, 'tolerance')));
  const l1 = D.toString(l1Coherence(D, rho), precision);
  io.out(flag(p, 'json') ? JSON.stringify({ l1, precision }) : [`l1-norm of coherence  C_l1 = ${l1}`, `basis                 computational (product) basis`, `precision             ${precision} significant digits`].join('\n'));
  return 0;
}
