/**
 * Options shared by the commands that run the model of Sec. III (steady-state, evolve): the number
 * of qubits, β, ω, f, the initial state and the number system.
 */
import { InputError } from '../errors.js';
import type { AnalyticField } from '../numeric/field.js';
import { float64 } from '../numeric/float64.js';
import { decimalField } from '../numeric/decimal.js';
import type { RationalMatrix } from '../numeric/rational.js';
import type { CMatrix } from '../numeric/matrix.js';
import { zeros } from '../numeric/matrix.js';
import { readMatrixFile } from '../io/matrix-json.js';
import { densityFromRational } from '../physics/density.js';
import { MAX_DENSE_QUBITS } from '../physics/qubits.js';
import { gibbsState } from '../physics/states.js';
import { MAX_PRECISION, numberOption, precisionOption, str, flag, type Parsed } from './options.js';
import { toleranceOption } from './state-input.js';

export const MODEL_OPTIONS = {
  qubits: { type: 'string' },
  beta: { type: 'string' },
  omega: { type: 'string' },
  f: { type: 'string' },
  initial: { type: 'string' },
  precision: { type: 'string' },
  float64: { type: 'boolean' },
  tolerance: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export const MODEL_HELP = `  --qubits N          number of qubits, 1–${MAX_DENSE_QUBITS} (1–8 with decimal precision)
  --beta B            inverse temperature β ≥ 0 (in units of 1/ω when ω = 1); 0 is the exact
                      infinite-temperature limit; "inf" is zero temperature (see below)
  --omega W           qubit frequency ω > 0 (default 1)
  --f F               dipole–dipole coupling f (default 0)
  --initial S         ground | excited | thermal (the Gibbs state of H0 at β) | FILE (a density
                      matrix of dimension 2^N, JSON {"re", "im"})
  --precision D       significant digits, 10–${MAX_PRECISION} (default 50)
  --float64           compute in float64 instead (fast; "precision": "float64" in --json)
  --tolerance T       input tolerance for FILE (see ergocheck ergotropy --help)`;

export const MAX_DECIMAL_QUBITS = 8;

export interface ModelSetup<T> {
  F: AnalyticField<T>;
  precision: number | 'float64';
  N: number;
  beta: T;
  betaText: string;
  omega: T;
  f: T;
  /** ρ0 as a dense matrix (for ground, excited and thermal formed on first use). */
  rho0: CMatrix<T>;
  /** A file's ρ0 exactly as read (rho0 is it rounded into F). */
  exactRho0?: RationalMatrix;
  /** Which initial state: one of the named ones, or a file. */
  initialKind: 'ground' | 'excited' | 'thermal' | 'file';
  initialText: string;
}

function qubitsOption(value: string | undefined, max: number, command: string): number {
  if (value === undefined) throw new InputError(`${command}: --qubits is required`);
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 1) throw new InputError(`--qubits must be an integer ≥ 1, got "${value}"`);
  if (n > max)
    throw new InputError(
      `--qubits ${n} is too large for this method (at most ${max}${max === MAX_DECIMAL_QUBITS ? ' with decimal precision; --float64 allows ' + MAX_DENSE_QUBITS : ''})`,
    );
  return n;
}

/**
 * Read and validate the model options; `command` names the command in messages,
 * `maxDecimalQubits` the largest N it takes with decimal precision.
 */
export function modelSetup(p: Parsed, command: string, maxDecimalQubits: number = MAX_DECIMAL_QUBITS): ModelSetup<unknown> {
  const useFloat = flag(p, 'float64');
  if (useFloat && str(p, 'precision') !== undefined) throw new InputError(`${command}: give --precision or --float64, not both`);
  const precision = useFloat ? ('float64' as const) : precisionOption(str(p, 'precision'));
  const F = (useFloat ? float64 : decimalField(precision as number)) as AnalyticField<unknown>;
  const N = qubitsOption(str(p, 'qubits'), useFloat ? MAX_DENSE_QUBITS : maxDecimalQubits, command);
  const betaText = str(p, 'beta');
  if (betaText === undefined) throw new InputError(`${command}: --beta is required`);
  const beta = /^\+?(inf|infinity)$/i.test(betaText.trim()) ? F.fromString('Infinity') : F.fromRational(numberOption('beta', betaText, 'nonNegative'));
  const omega = F.fromRational(numberOption('omega', str(p, 'omega') ?? '1', 'positive'));
  const f = F.fromRational(numberOption('f', str(p, 'f') ?? '0'));
  const init = str(p, 'initial');
  if (init === undefined) throw new InputError(`${command}: --initial is required (ground, excited, thermal or a FILE)`);
  const d = 2 ** N;
  const base = { F, precision, N, beta, betaText, omega, f, initialText: init };
  if (init === 'ground' || init === 'excited' || init === 'thermal') {
    // formed on first use: a command working from the spin blocks never needs the 2^N × 2^N matrix
    let rho0: CMatrix<unknown> | null = null;
    const make = (): CMatrix<unknown> => {
      if (init === 'thermal') return gibbsState(F, N, { beta, omega });
      const m = zeros(F, d);
      const k = init === 'ground' ? d - 1 : 0; // all-ground is the last basis vector, all-excited the first
      m.re[k * d + k] = F.one;
      return m;
    };
    return {
      ...base,
      initialKind: init,
      get rho0(): CMatrix<unknown> {
        return (rho0 ??= make());
      },
    };
  }
  const Q = readMatrixFile(init);
  if (Q.rows !== d || Q.cols !== d)
    throw new InputError(`${command}: the initial state in ${init} is ${Q.rows}×${Q.cols}, but ${N} qubit${N === 1 ? ' needs' : 's need'} ${d}×${d}`);
  const rho0 = densityFromRational(F, Q, { tolerance: toleranceOption(str(p, 'tolerance')), what: `the initial state in ${init}` });
  return { ...base, initialKind: 'file', rho0, exactRho0: Q };
}
