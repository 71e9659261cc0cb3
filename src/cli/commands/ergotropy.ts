/** `ergocheck ergotropy`: the ergotropy of a state read from a file (Eq. (2)). */
import { InputError } from '../../errors.js';
import { decimalField } from '../../numeric/decimal.js';
import { h0 } from '../../physics/qubits.js';
import { ergotropy } from '../../physics/ergotropy.js';
import { flag, MAX_PRECISION, parse, precisionOption, str, requireOption, TOLERANCE_HELP, type Io } from '../options.js';
import { omegaOption, readHermitian, readState, toleranceOption } from '../state-input.js';

export const ERGOTROPY_HELP = `Usage: ergocheck ergotropy --rho FILE [--hamiltonian FILE | --omega W] [--precision D] [--tolerance T] [--json]

The ergotropy W = Tr(ρH) − Σ_k r_k↓ ε_k↑ of the paper's Eq. (2), with a rigorous error bound
carried from certified eigendecompositions.

  --rho FILE          the state, JSON {"re": [[…]], "im": [[…]]}
  --hamiltonian FILE  H as a Hermitian matrix in the same format
  --omega W           H = H0 = W·(number of excitations) on N qubits (dimension 2^N,
                      basis |1…1⟩ first, all-ground state last); the default, with W = 1
  --precision D       significant digits, 10–${MAX_PRECISION} (default 50)
  --tolerance T       override the input tolerance (see below)
  --json              one JSON object: {"ergotropy", "errorBound", "energy",
                      "passiveEnergy", "eigenvalues", "precision"}, values as decimal strings

${TOLERANCE_HELP}`;

export function ergotropyCommand(args: string[], io: Io): number {
  const p = parse('ergotropy', args, {
    rho: { type: 'string' },
    hamiltonian: { type: 'string' },
    omega: { type: 'string' },
    precision: { type: 'string' },
    tolerance: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (flag(p, 'help')) {
    io.out(ERGOTROPY_HELP);
    return 0;
  }
  const precision = precisionOption(str(p, 'precision'));
  const D = decimalField(precision);
  const rhoPath = requireOption('ergotropy', 'rho', str(p, 'rho'));
  if (str(p, 'hamiltonian') !== undefined && str(p, 'omega') !== undefined) throw new InputError('ergotropy: give --hamiltonian or --omega, not both');
  const omega = omegaOption(D, str(p, 'omega'));
  const rho = readState(D, rhoPath, toleranceOption(str(p, 'tolerance')));
  const n = rho.rows;
  let hDesc: string;
  let H;
  const hPath = str(p, 'hamiltonian');
  if (hPath !== undefined) {
    H = readHermitian(D, hPath, n);
    hDesc = `H from ${hPath}`;
  } else {
    const N = Math.log2(n);
    if (!Number.isInteger(N)) throw new InputError(`ergotropy: ρ is ${n}×${n}, not a state of qubits (dimension 2^N); give --hamiltonian FILE`);
    H = h0(D, N, omega);
    hDesc = `H0 = ω·(number of excitations), ω = ${D.toString(omega)}, ${N} qubit${N === 1 ? '' : 's'}`;
  }
  const r = ergotropy(D, rho, H);
  const s = (x: typeof r.energy) => D.toString(x, precision);
  const bound = (x: typeof r.energy) => D.toString(x, 3);
  if (flag(p, 'json')) {
    io.out(
      JSON.stringify({
        ergotropy: s(r.ergotropy),
        errorBound: bound(r.errorBound),
        energy: s(r.energy),
        passiveEnergy: s(r.passiveEnergy),
        eigenvalues: r.eigenvalues.map(s),
        precision,
      }),
    );
    return 0;
  }
  io.out(
    [
      `ergotropy       W = ${s(r.ergotropy)}`,
      `error bound     |ΔW| ≤ ${bound(r.errorBound)}`,
      `energy          Tr(ρH) = ${s(r.energy)}`,
      `passive energy  Tr(ρ_p H) = ${s(r.passiveEnergy)}`,
      `eigenvalues of ρ (decreasing):`,
      ...r.eigenvalues.map((x) => `  ${s(x)}`),
      `Hamiltonian     ${hDesc}`,
      `precision       ${precision} significant digits`,
    ].join('\n'),
  );
  return 0;
}
