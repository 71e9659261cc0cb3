/** `ergocheck steady-state`: the exact steady state of the collective model from an initial state. */
import type { AnalyticField } from '../../numeric/field.js';
import { boundString } from '../../numeric/exact-bounds.js';
import { maxAbs } from '../../numeric/matrix.js';
import { matrixToJson } from '../../io/matrix-json.js';
import { collectiveCoupling, applyLindbladian } from '../../physics/lindblad.js';
import { collectiveSteadyState } from '../../physics/steady-state.js';
import { ergotropy } from '../../physics/ergotropy.js';
import { l1Coherence } from '../../physics/coherence.js';
import { h0 } from '../../physics/qubits.js';
import { flag, parse, type Io } from '../options.js';
import { MODEL_HELP, MODEL_OPTIONS, modelSetup } from '../model-options.js';

export const STEADY_STATE_HELP = `Usage: ergocheck steady-state --qubits N --beta B [--omega W] [--f F]
                             --initial ground|excited|thermal|FILE [--tolerance T] [--precision D | --float64] [--json]

The steady state ρ_ss = lim_{t→∞} e^{Lt} ρ0 of the master equation, Eq. (4), under collective
coupling (γ_ij = γ0, f_ij = f; Sec. III), computed exactly (no time stepping) by the Schur–Weyl map:
for each total spin j the multiplicity block of ρ0 is kept and the spin part becomes the Gibbs
state of ωJ_z. Printed: ρ_ss, its ergotropy (Eq. (2), H0 = ω·excitations), C_l1 (Eq. (3)), its
energy, the residual max|L(ρ_ss)_ij| and the method.

${MODEL_HELP}
  --json              {"rho": {"re", "im"}, "ergotropy", "l1", "energy", "residual", "method",
                      "precision"}, values as decimal strings

The residual is that of L/(n̄+1) (time in units of n̄+1), which stays finite at β = 0.
At β = inf (zero temperature) a steady state exists only if ρ0 has no coherence that the bath
never damps (e.g. between |ψ−⟩ and |00⟩ for two qubits); otherwise the command says so and exits 2.`;

export function steadyStateCommand(args: string[], io: Io): number {
  const p = parse('steady-state', args, MODEL_OPTIONS);
  if (flag(p, 'help')) {
    io.out(STEADY_STATE_HELP);
    return 0;
  }
  const s = modelSetup(p, 'steady-state');
  const F = s.F as AnalyticField<unknown>;
  const model = collectiveCoupling(F, s.N, { omega: s.omega, beta: s.beta, gamma0: F.one, f: s.f, timeScale: 'normalised' });
  const ss = collectiveSteadyState(F, model, s.rho0);
  const rho = ss.rho;
  const W = ergotropy(F, rho, h0(F, s.N, s.omega));
  const l1 = l1Coherence(F, rho);
  const residual = maxAbs(F, applyLindbladian(F, model, rho));
  const digits = s.precision === 'float64' ? 17 : s.precision;
  const fmt = (x: unknown) => F.toString(x, digits);
  if (flag(p, 'json')) {
    io.out(
      JSON.stringify({
        rho: matrixToJson(F, rho, digits),
        ergotropy: fmt(W.ergotropy),
        l1: fmt(l1),
        energy: fmt(W.energy),
        residual: F.toString(residual, 3),
        method: ss.method,
        precision: s.precision,
      }),
    );
    return 0;
  }
  const lines = [
    `steady state of ${s.N} qubit${s.N === 1 ? '' : 's'}, collective coupling, β = ${s.betaText}, ω = ${F.toString(s.omega)}, f = ${F.toString(s.f)}, from ${s.initialText}`,
    `method          ${ss.method}`,
    `ergotropy       W = ${fmt(W.ergotropy)}  (± ${boundString(F, W.errorBound)})`,
    `coherence       C_l1 = ${fmt(l1)}`,
    `energy          Tr(ρH0) = ${fmt(W.energy)}`,
    `residual        max|L(ρ_ss)| = ${F.toString(residual, 3)}`,
    `precision       ${s.precision === 'float64' ? 'float64' : `${s.precision} significant digits`}`,
  ];
  if (s.N <= 3) {
    const json = matrixToJson(F, rho, Math.min(digits, 12));
    lines.push('ρ_ss (real part, 12 digits):', ...json.re.map((row) => '  ' + row.join('  ')));
  }
  io.out(lines.join('\n'));
  return 0;
}
