/**
 * Options shared by the commands that run the model of Sec. III (steady-state, evolve): the number
 * of qubits, β, ω, f, the initial state and the number system.
 */
import { InputError } from '../errors.js';
import type { AnalyticField } from '../numeric/field.js';
import { float64 } from '../numeric/float64.js';
import { decimalField } from '../numeric/decimal.js';
import type { CMatrix } from '../numeric/matrix.js';
import { zeros } from '../numeric/matrix.js';
import { exactMatrix, readMatrixEntries } from '../io/matrix-json.js';
import { MAX_DENSE_QUBITS } from '../physics/qubits.js';
import { gibbsState } from '../physics/states.js';
import type { Rational, RationalMatrix } from '../numeric/rational.js';
import { flag, option, type OptionValues } from './option-table.js';
import { exactNumber, numberOption, PRECISION } from './options.js';
import { densityFromEntries, toleranceOption } from './state-input.js';
import { FLOAT_INPUT_TOLERANCE } from '../physics/density.js';

/** The initial state: a named one, or a density matrix in a file. */
export type InitialState = { kind: 'ground' | 'excited' | 'thermal' } | { kind: 'file'; path: string };

const NAMED = ['ground', 'excited', 'thermal'] as const;

/** The model's options; `maxDecimalQubits` is the largest N the command takes with decimal precision. */
export function modelOptions(maxDecimalQubits: number) {
  return {
    qubits: option({
      value: 'N',
      help: `number of qubits, 1–${MAX_DENSE_QUBITS}${maxDecimalQubits < MAX_DENSE_QUBITS ? ` (1–${maxDecimalQubits} with decimal precision)` : ''}`,
      required: true,
      read: (raw) => {
        const n = Number(raw);
        if (!/^\d+$/.test(raw.trim()) || n < 1) throw new InputError(`--qubits must be an integer ≥ 1, got "${raw}"`);
        return n;
      },
    }),
    beta: option({
      value: 'B',
      help: 'inverse temperature β ≥ 0 (in units of 1/ω when ω = 1); 0 is the exact infinite-temperature limit; "inf" is zero temperature (see ergocheck steady-state --help)',
      required: true,
      read: (raw): { text: string; value: Rational | 'inf' } => ({
        text: raw,
        value: /^\+?(inf|infinity)$/i.test(raw.trim()) ? 'inf' : numberOption('beta', raw, 'nonNegative'),
      }),
    }),
    omega: option({ value: 'W', help: 'qubit frequency ω > 0', default: '1', read: exactNumber('positive') }),
    f: option({ value: 'F', help: 'dipole–dipole coupling f', default: '0', read: exactNumber() }),
    initial: option({
      value: 'S',
      synopsis: 'ground|excited|thermal|FILE',
      help: 'ground | excited | thermal (the Gibbs state of H0 at β) | FILE (a density matrix of dimension 2^N, JSON {"re", "im"})',
      required: true,
      read: (raw, cx): InitialState => {
        const named = NAMED.find((k) => k === raw);
        if (named !== undefined) return { kind: named };
        if (raw.trim() === '') throw new InputError(`${cx.command}: --initial must be ground, excited, thermal or a FILE`);
        return { kind: 'file', path: raw };
      },
    }),
    tolerance: option({ value: 'T', help: 'input tolerance for FILE (see ergocheck ergotropy --help)', read: (raw) => toleranceOption(raw) as number }),
    precision: PRECISION,
    float64: flag('compute in float64 instead (fast; "precision": "float64" in --json)'),
  };
}

/** --precision and --float64 exclude each other. */
export const MODEL_EXCLUSIVE = [['precision', 'float64']] as const;

export type ModelValues = OptionValues<ReturnType<typeof modelOptions>>;

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
  /**
   * The tolerance ρ0 was accepted with (--tolerance, else d·2^-50 for a file of float64 numbers,
   * else 0): the map must accept the same state, whose trace may differ from 1 by that much.
   */
  inputTolerance: number;
}

/**
 * Read and validate the model options; `command` names the command in messages,
 * `maxDecimalQubits` the largest N it takes with decimal precision.
 */
export function modelSetup(o: ModelValues, command: string, maxDecimalQubits: number = MAX_DECIMAL_QUBITS): ModelSetup<unknown> {
  const useFloat = o.float64;
  const precision = useFloat ? ('float64' as const) : o.precision;
  const F = (useFloat ? float64 : decimalField(o.precision)) as AnalyticField<unknown>;
  const max = useFloat ? MAX_DENSE_QUBITS : maxDecimalQubits;
  const N = o.qubits;
  if (N > max)
    throw new InputError(
      `--qubits ${N} is too large for this method (at most ${max}${max === MAX_DECIMAL_QUBITS ? ' with decimal precision; --float64 allows ' + MAX_DENSE_QUBITS : ''})`,
    );
  const betaText = o.beta.text;
  const beta = o.beta.value === 'inf' ? F.fromString('Infinity') : F.fromRational(o.beta.value);
  const omega = F.fromRational(o.omega);
  const f = F.fromRational(o.f);
  const initial = o.initial;
  const init = initial.kind === 'file' ? initial.path : initial.kind;
  const d = 2 ** N;
  const base = { F, precision, N, beta, betaText, omega, f, initialText: init, inputTolerance: 0 };
  if (initial.kind !== 'file') {
    const kind = initial.kind;
    // formed on first use: a command working from the spin blocks never needs the 2^N × 2^N matrix
    let rho0: CMatrix<unknown> | null = null;
    const make = (): CMatrix<unknown> => {
      if (kind === 'thermal') return gibbsState(F, N, { beta, omega });
      const m = zeros(F, d);
      const k = kind === 'ground' ? d - 1 : 0; // all-ground is the last basis vector, all-excited the first
      m.re[k * d + k] = F.one;
      return m;
    };
    return {
      ...base,
      initialKind: kind,
      get rho0(): CMatrix<unknown> {
        return (rho0 ??= make());
      },
    };
  }
  const Q = readMatrixEntries(init);
  if (Q.rows !== d || Q.cols !== d)
    throw new InputError(`${command}: the initial state in ${init} is ${Q.rows}×${Q.cols}, but ${N} qubit${N === 1 ? ' needs' : 's need'} ${d}×${d}`);
  const inputTolerance = o.tolerance ?? (Q.hasFloatEntries ? d * FLOAT_INPUT_TOLERANCE : 0);
  const rho0 = densityFromEntries(F, Q, { tolerance: inputTolerance, what: `the initial state in ${init}` });
  let exact: RationalMatrix | null = null;
  return {
    ...base,
    initialKind: 'file',
    rho0,
    inputTolerance,
    get exactRho0(): RationalMatrix {
      return (exact ??= exactMatrix(Q));
    },
  };
}
