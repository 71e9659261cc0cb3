/** `ergocheck ergotropy`: the ergotropy of a state read from a file (Eq. (2)). */
import { InputError } from '../../errors.js';
import { decimalField } from '../../numeric/decimal.js';
import { ceilDecimalString, exactValue } from '../../numeric/exact-bounds.js';
import { readMatrixFile } from '../../io/matrix-json.js';
import { ergotropyOfExactState, type ErgotropyResult, type ExactHamiltonian } from '../../physics/ergotropy.js';
import { exactNumber, fileName, PRECISION, TOLERANCE_HELP, type Io } from '../options.js';
import { command, flag, helpText, option, parseCommand } from '../option-table.js';
import { readHermitianExact } from '../state-input.js';
import { RHO, TOLERANCE } from '../state-options.js';

export const ERGOTROPY = command({
  name: 'ergotropy',
  options: {
    rho: RHO,
    hamiltonian: option({ value: 'FILE', help: 'H as a Hermitian matrix in the same format', read: fileName }),
    omega: option({
      value: 'W',
      help: 'H = H0 = W·(number of excitations) on N qubits (dimension 2^N, basis |1…1⟩ first, all-ground state last) when no --hamiltonian is given',
      default: '1',
      read: exactNumber('positive'),
    }),
    precision: PRECISION,
    tolerance: TOLERANCE,
    json: flag('one JSON object: {"ergotropy", "errorBound", "energy", "passiveEnergy", "eigenvalues", "precision"}, values as decimal strings'),
  },
  exclusive: [['hamiltonian', 'omega']],
  about: `The ergotropy W = Tr(ρH) − Σ_k r_k↓ ε_k↑ of the paper's Eq. (2), with a rigorous error bound:
each printed value (W, energy, passive energy, eigenvalues) is within it of the true value for
the exact input, every rounding up to the printed digits included.`,
  notes: TOLERANCE_HELP,
});

export function ergotropyCommand(args: string[], io: Io): number {
  const p = parseCommand(ERGOTROPY, args);
  if (p.help) {
    io.out(helpText(ERGOTROPY));
    return 0;
  }
  const { rho: rhoPath, hamiltonian: hPath, precision, tolerance } = p.options;
  const D = decimalField(precision);
  const Q = readMatrixFile(rhoPath);
  const n = Q.rows;
  let hDesc: string;
  let H: ExactHamiltonian;
  if (hPath !== undefined) {
    if (Q.rows !== Q.cols) throw new InputError(`ρ in ${rhoPath} is ${Q.rows}×${Q.cols}, not square`);
    H = { matrix: readHermitianExact(hPath, n) };
    hDesc = `H from ${hPath}`;
  } else {
    const N = Math.log2(n);
    if (Q.rows === Q.cols && !Number.isInteger(N))
      throw new InputError(`ergotropy: ρ is ${n}×${n}, not a state of qubits (dimension 2^N); give --hamiltonian FILE`);
    const omega = p.options.omega;
    H = { qubits: N, omega };
    hDesc = `H0 = ω·(number of excitations), ω = ${D.toString(D.fromRational(omega))}, ${N} qubit${N === 1 ? '' : 's'}`;
  }
  const r = ergotropyOfExactState(D, Q, H, { tolerance, what: `ρ in ${rhoPath}` });
  const j = ergotropyJson(r, precision);
  if (p.options.json) {
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
