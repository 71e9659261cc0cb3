/** `ergocheck steady-state`: the exact steady state of the collective model from an initial state. */
import type { AnalyticField } from '../../numeric/field.js';
import { boundString } from '../../numeric/exact-bounds.js';
import type { Rational } from '../../numeric/rational.js';
import { matrixToJson } from '../../io/matrix-json.js';
import { collectiveCoupling, thermalRatio } from '../../physics/lindblad.js';
import { lindbladResidual } from '../../physics/lindblad-residual.js';
import { collectiveSteadyState } from '../../physics/steady-state.js';
import { collectiveSteadyStateFromBlocks } from '../../physics/steady-from-blocks.js';
import { namedInitialBlocks } from '../../physics/named-initial-blocks.js';
import { steadyStateSummary } from '../../physics/steady-summary.js';
import { ergotropy } from '../../physics/ergotropy.js';
import { l1Coherence } from '../../physics/coherence.js';
import { h0, MAX_DENSE_QUBITS } from '../../physics/qubits.js';
import type { Io } from '../options.js';
import { command, flag, helpText, parseCommand, type OptionValues } from '../option-table.js';
import { MODEL_EXCLUSIVE, modelOptions, modelSetup } from '../model-options.js';

/** Largest N whose residual max|L(ρ_ss)| is computed (it needs the dense ρ_ss and L on it). */
const RESIDUAL_MAX_QUBITS = 8;

export const STEADY_STATE = command({
  name: 'steady-state',
  options: {
    ...modelOptions(MAX_DENSE_QUBITS),
    json: flag(
      `{"rho": {"re", "im"}, "ergotropy", "errorBound", "l1", "energy", "residual", "method", "precision"}, values as decimal strings; "residual" is null above ${RESIDUAL_MAX_QUBITS} qubits`,
    ),
    'no-rho': flag('with --json: leave out "rho" (the dense 2^N × 2^N matrix)'),
  },
  exclusive: MODEL_EXCLUSIVE,
  within: { 'no-rho': 'json' },
  about: `The steady state ρ_ss = lim_{t→∞} e^{Lt} ρ0 of the master equation, Eq. (4), under collective
coupling (γ_ij = γ0, f_ij = f; Sec. III), computed exactly (no time stepping) by the Schur–Weyl map:
for each total spin j the multiplicity block M_j of ρ0 is kept and the spin part becomes the Gibbs
state of ωJ_z. Printed: its ergotropy (Eq. (2), H0 = ω·excitations) with a certified error bound
(it covers the printed W and energy from the exact input: the FILE as read, ω and β as given),
C_l1 (Eq. (3); to the working precision, not in the bound), its energy, the residual max|L(ρ_ss)_ij| (N ≤ ${RESIDUAL_MAX_QUBITS}) and the method. W, C_l1
and the energy come from the blocks (the spectrum of ρ_ss is that of the M_j times the Gibbs
weights), never from a 2^N × 2^N eigendecomposition, so any N ≤ ${MAX_DENSE_QUBITS} runs at any precision.`,
  notes: `The residual is that of L/(n̄+1) (time in units of n̄+1), which stays finite at β = 0.
At β = inf (zero temperature) a steady state exists only if ρ0 has no coherence that the bath
never damps (e.g. between |ψ−⟩ and |00⟩ for two qubits); otherwise the command says so and exits 2.
A FILE of 9 or more qubits takes long at decimal precision (its positivity check is a certified
eigendecomposition of the whole state); the command says so before it starts.`,
});

export function steadyStateCommand(args: string[], io: Io): number {
  const p = parseCommand(STEADY_STATE, args);
  if (p.help) {
    io.out(helpText(STEADY_STATE));
    return 0;
  }
  const o = p.options;
  warnIfLong(o, io);
  const s = modelSetup(o, 'steady-state', MAX_DENSE_QUBITS);
  const F = s.F as AnalyticField<unknown>;
  const N = s.N;
  const model = collectiveCoupling(F, N, { omega: s.omega, beta: s.beta, gamma0: F.one, f: s.f, timeScale: 'normalised' });
  const kind = s.initialKind;
  const ss =
    kind === 'file'
      ? collectiveSteadyState(F, model, s.rho0, { tolerance: s.inputTolerance })
      : collectiveSteadyStateFromBlocks(F, model, namedInitialBlocks(F, N, kind, thermalRatio(F, s.omega, s.beta).r));
  // the Gibbs state of H0 is stationary: ρ_ss = ρ0, diagonal
  const rhoSs = () => (kind === 'thermal' ? s.rho0 : ss.rho);
  let W: { ergotropy: unknown; errorBound: unknown; energy: unknown };
  let l1: unknown;
  if (ss.groundCoherences.length === 0) {
    // the bound starts from the exact input: ρ0 (or the named state) and ω, β as given, each
    // rounded into F at most once
    // (float64: the matrix as rounded; converting the exact one again would double the reading time)
    const initial = kind !== 'file' ? kind : s.precision === 'float64' ? { rounded: s.rho0 } : s.exactRho0!;
    const summary = steadyStateSummary(F, ss, model, { ...(kind === 'thermal' ? { l1: F.zero } : {}), initial, exactModel: exactModelOf(o) });
    W = summary;
    l1 = summary.l1;
  } else {
    // β = ∞ with ω = f: coherences between spins survive, ρ_ss is not block diagonal
    W = ergotropy(F, ss.rho, h0(F, N, s.omega));
    l1 = l1Coherence(F, ss.rho);
  }
  const residual = N <= RESIDUAL_MAX_QUBITS ? lindbladResidual(F, model, rhoSs()) : null;
  const digits = s.precision === 'float64' ? 17 : s.precision;
  const fmt = (x: unknown) => F.toString(x, digits);
  const residualText = residual === null ? null : F.toString(residual, 3);
  if (o.json) {
    const fields = {
      ...steadySummaryJson(F, s.precision, W, l1),
      residual: residualText,
      method: ss.method,
      precision: s.precision,
    };
    if (o['no-rho']) io.out(JSON.stringify(fields));
    else writeJsonWithRho(io, F, rhoSs(), digits, fields);
    return 0;
  }
  const lines = [
    `steady state of ${N} qubit${N === 1 ? '' : 's'}, collective coupling, β = ${s.betaText}, ω = ${F.toString(s.omega)}, f = ${F.toString(s.f)}, from ${s.initialText}`,
    `method          ${ss.method}`,
    `ergotropy       W = ${fmt(W.ergotropy)}  (± ${boundString(F, W.errorBound)})`,
    `coherence       C_l1 = ${fmt(l1)}`,
    `energy          Tr(ρH0) = ${fmt(W.energy)}`,
    `residual        ${residualText === null ? `not computed above ${RESIDUAL_MAX_QUBITS} qubits (stationary by construction)` : `max|L(ρ_ss)| = ${residualText}`}`,
    `precision       ${s.precision === 'float64' ? 'float64' : `${s.precision} significant digits`}`,
  ];
  if (N <= 3) {
    const json = matrixToJson(F, rhoSs(), Math.min(digits, 12));
    lines.push('ρ_ss (real part, 12 digits):', ...json.re.map((row) => '  ' + row.join('  ')));
  }
  io.out(lines.join('\n'));
  return 0;
}

/** ω and β exactly as given (modelSetup rounds them into the working field). */
function exactModelOf(o: OptionValues<typeof STEADY_STATE.options>): { omega: Rational; beta: Rational | 'Infinity' } {
  return { omega: o.omega, beta: o.beta.value === 'inf' ? 'Infinity' : o.beta.value };
}

/**
 * The printed numbers of `--json`: W, C_l1 and the energy at the working precision (every digit of
 * a decimal of that precision, 17 for float64), the bound rounded up to 3 digits.
 */
export function steadySummaryJson<T>(
  F: AnalyticField<T>,
  precision: number | 'float64',
  W: { ergotropy: T; errorBound: T; energy: T },
  l1: T,
): { ergotropy: string; errorBound: string; l1: string; energy: string } {
  const digits = precision === 'float64' ? 17 : precision;
  return {
    ergotropy: F.toString(W.ergotropy, digits),
    errorBound: boundString(F, W.errorBound),
    l1: F.toString(l1, digits),
    energy: F.toString(W.energy, digits),
  };
}

/**
 * One JSON object; with "rho" first. Up to 9 qubits on one line; beyond, one matrix row per line
 * (still valid JSON), since the whole text would exceed the longest string JavaScript can hold.
 */
function writeJsonWithRho(
  io: Io,
  F: AnalyticField<unknown>,
  rho: { rows: number; cols: number; re: unknown[]; im: unknown[] },
  digits: number,
  fields: Record<string, unknown>,
): void {
  const tail = JSON.stringify(fields).slice(1); // `"ergotropy":…}`
  if (rho.rows <= 512) {
    io.out(`{"rho":${JSON.stringify(matrixToJson(F, rho, digits))},${tail}`);
    return;
  }
  const n = rho.cols;
  for (const part of ['re', 'im'] as const) {
    io.out(part === 're' ? '{"rho":{"re":[' : '],"im":[');
    for (let i = 0; i < rho.rows; i++) {
      const row = rho[part].slice(i * n, (i + 1) * n).map((x) => F.toString(x, digits));
      io.out(JSON.stringify(row) + (i + 1 < rho.rows ? ',' : ''));
    }
  }
  io.out(`]},${tail}`);
}

/** Say before a run that will take long: a big state FILE (read, checked, mapped) or dense output. */
function warnIfLong(o: OptionValues<typeof STEADY_STATE.options>, io: Io): void {
  const N = o.qubits;
  if (N > MAX_DENSE_QUBITS) return;
  const d = 2 ** N;
  const decimal = !o.float64;
  const isFile = o.initial.kind === 'file';
  if (isFile && decimal && N >= 9) {
    io.err(
      `ergocheck: steady-state: note: a ${d}×${d} state at decimal precision — checking that it is positive semidefinite is a certified eigendecomposition of the whole matrix, which takes tens of minutes or more at this size (its cost grows 8-fold per qubit); --float64 is much faster`,
    );
  } else if (isFile && N >= 9) {
    io.err(
      `ergocheck: steady-state: note: reading and checking a ${d}×${d} state (${(d * d * 2).toExponential(1)} entries) and mapping it take a while at this size`,
    );
  }
  if (o.json && !o['no-rho'] && N >= 10) {
    io.err(`ergocheck: steady-state: note: --json prints the dense ${d}×${d} ρ_ss (${(d * d * 2).toExponential(1)} numbers); --no-rho leaves it out`);
  }
}
