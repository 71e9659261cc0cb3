/** `ergocheck ergotropy`: the ergotropy of a state read from a file (Eq. (2)). */
import { InputError } from '../../errors.js';
import { decimalField } from '../../numeric/decimal.js';
import { ceilDecimalString, exactValue } from '../../numeric/exact-bounds.js';
import { readMatrixFile } from '../../io/matrix-json.js';
import { ergotropyOfExactState, type ErgotropyResult, type ExactHamiltonian } from '../../physics/ergotropy.js';
import { flag, MAX_PRECISION, numberOption, parse, precisionOption, str, requireOption, TOLERANCE_HELP, type Io } from '../options.js';
import { omegaOption, readHermitianExact, toleranceOption } from '../state-input.js';

export const ERGOTROPY_HELP = `Usage: ergocheck ergotropy --rho FILE [--hamiltonian FILE | --omega W] [--precision D] [--tolerance T] [--json]

The ergotropy W = Tr(ρH) − Σ_k r_k↓ ε_k↑ of the paper's Eq. (2), with a rigorous error bound:
each printed value (W, energy, passive energy, eigenvalues) is within it of the true value for
the exact input, every rounding up to the printed digits included.

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
  const omegaText = str(p, 'omega');
  omegaOption(D, omegaText); // validates --omega before any file is read
  const Q = readMatrixFile(rhoPath);
  const n = Q.rows;
  let hDesc: string;
  let H: ExactHamiltonian;
  const hPath = str(p, 'hamiltonian');
  if (hPath !== undefined) {
    if (Q.rows !== Q.cols) throw new InputError(`ρ in ${rhoPath} is ${Q.rows}×${Q.cols}, not square`);
    H = { matrix: readHermitianExact(hPath, n) };
    hDesc = `H from ${hPath}`;
  } else {
    const N = Math.log2(n);
    if (Q.rows === Q.cols && !Number.isInteger(N))
      throw new InputError(`ergotropy: ρ is ${n}×${n}, not a state of qubits (dimension 2^N); give --hamiltonian FILE`);
    const omega = numberOption('omega', omegaText ?? '1', 'positive');
    H = { qubits: N, omega };
    hDesc = `H0 = ω·(number of excitations), ω = ${D.toString(D.fromRational(omega))}, ${N} qubit${N === 1 ? '' : 's'}`;
  }
  const r = ergotropyOfExactState(D, Q, H, { tolerance: toleranceOption(str(p, 'tolerance')), what: `ρ in ${rhoPath}` });
  const j = ergotropyJson(r, precision);
  if (flag(p, 'json')) {
    io.out(JSON.stringify(j));
    return 0;
  }
  io.out(
    [
      `ergotropy       W = ${j.ergotropy}`,
      `error bound     |ΔW| ≤ ${j.errorBound}`,
      `energy          Tr(ρH) = ${j.energy}`,
      `passive energy  Tr(ρ_p H) = ${j.passiveEnergy}`,
      `eigenvalues of ρ (decreasing):`,
      ...j.eigenvalues.map((x) => `  ${x}`),
      `Hamiltonian     ${hDesc}`,
      `precision       ${precision} significant digits`,
    ].join('\n'),
  );
  return 0;
}

type Dec = ReturnType<typeof decimalField>['zero'];

/**
 * The printed form of an ergotropy result: every value with all its digits (it already has
 * `precision` significant digits, so nothing is rounded here) and the bound rounded up to three
 * significant digits, so that each printed value is within the printed bound of the true one.
 */
export function ergotropyJson(r: ErgotropyResult<Dec>, precision: number) {
  const D = decimalField(precision);
  const s = (x: Dec) => D.toString(x, precision);
  return {
    ergotropy: s(r.ergotropy),
    errorBound: ceilDecimalString(exactValue(D, r.errorBound), 3),
    energy: s(r.energy),
    passiveEnergy: s(r.passiveEnergy),
    eigenvalues: r.eigenvalues.map(s),
    precision,
  };
}
