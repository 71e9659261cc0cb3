/** `ergocheck evolve`: ergotropy and coherence over time under partially collective coupling. */
import { InputError } from '../../errors.js';
import type { AnalyticField } from '../../numeric/field.js';
import { boundString } from '../../numeric/exact-bounds.js';
import { parseRational, rationalToNumber, rcmp, RONE } from '../../numeric/rational.js';
import { partiallyCollective } from '../../physics/lindblad.js';
import { trajectory } from '../../physics/trajectory.js';
import { h0 } from '../../physics/qubits.js';
import { exactNumber, numberOption, type Io } from '../options.js';
import { command, flag, helpText, option, parseCommand } from '../option-table.js';
import { MAX_DECIMAL_QUBITS, MODEL_EXCLUSIVE, modelOptions, modelSetup } from '../model-options.js';

export const MAX_TIMES = 10000;

/** "0,1,2.5" or "a:b:n" → non-decreasing list of non-negative times (as exact decimal strings). */
export function timesOption(value: string): string[] {
  const v = value.trim();
  let out: string[];
  const range = /^([^:]+):([^:]+):([^:]+)$/.exec(v);
  if (range) {
    const a = numberOption('times', range[1].trim(), 'nonNegative');
    const b = numberOption('times', range[2].trim(), 'nonNegative');
    const n = Number(range[3]);
    if (!Number.isInteger(n) || n < 2 || n > MAX_TIMES)
      throw new InputError(`--times start:stop:count needs an integer count from 2 to ${MAX_TIMES}, got "${range[3]}"`);
    const [x, y] = [rationalToNumber(a), rationalToNumber(b)];
    if (y < x) throw new InputError(`--times: stop ${range[2]} is before start ${range[1]}`);
    out = Array.from({ length: n }, (_, k) => String(x + ((y - x) * k) / (n - 1)));
  } else {
    out = v.split(',').map((s) => s.trim());
    if (out.length > MAX_TIMES) throw new InputError(`--times: at most ${MAX_TIMES} times`);
    for (const t of out) numberOption('times', t, 'nonNegative');
  }
  for (let k = 1; k < out.length; k++) {
    if (rationalToNumber(parseRational(out[k])) < rationalToNumber(parseRational(out[k - 1])))
      throw new InputError(`--times must be non-decreasing: ${out[k]} comes after ${out[k - 1]}`);
  }
  return out;
}

export const EVOLVE = command({
  name: 'evolve',
  options: {
    ...modelOptions(MAX_DECIMAL_QUBITS),
    mu: option({
      value: 'M',
      help: '0 ≤ μ ≤ 1',
      required: true,
      read: (raw, cx) => {
        const value = exactNumber('nonNegative')(raw, cx);
        if (rcmp(value, RONE) > 0) throw new InputError(`--mu must lie in [0, 1], got ${raw} (μ = 1 is collective, μ = 0 individual coupling)`);
        return { text: raw, value };
      },
    }),
    times: option({ value: 'LIST', help: 'comma-separated times "0,0.5,2", or "start:stop:count" (evenly spaced)', required: true, read: timesOption }),
    json: flag('{"mu", "rows": [{"t", "ergotropy", "errorBound", "l1", "energy"}], "precision"}'),
  },
  exclusive: MODEL_EXCLUSIVE,
  about: `ρ(t) = e^{Lt}ρ0 for the master equation, Eq. (4), with partially collective coupling
γ_ij = γ0(δ_ij + μ(1 − δ_ij)) (μ = 1 is the paper's collective limit, μ = 0 individual coupling),
and the ergotropy W (Eq. (2), H0 = ω·excitations), C_l1 (Eq. (3)) and energy at each time.
Time is in units of 1/(γ0(n̄+1)) (the generator divided by n̄+1), which stays finite at β = 0.

errorBound (the column "± W(ρ̂)") bounds the printed W and energy against the exact W and energy
of the computed ρ̂(t) as held at the working precision; the error of ρ̂(t) itself (time stepping
and its roundings) is not in it, so it is not a certified bound on the true W(t).`,
});

export function evolveCommand(args: string[], io: Io): number {
  const p = parseCommand(EVOLVE, args);
  if (p.help) {
    io.out(helpText(EVOLVE));
    return 0;
  }
  const s = modelSetup(p.options, 'evolve');
  const F = s.F as AnalyticField<unknown>;
  const muText = p.options.mu.text;
  const mu = F.fromRational(p.options.mu.value);
  const times = p.options.times;
  const model = partiallyCollective(F, s.N, { omega: s.omega, beta: s.beta, gamma0: F.one, mu, f: s.f, timeScale: 'normalised' });
  const rows = trajectory(
    F,
    model,
    s.rho0,
    times.map((t) => F.fromString(t)),
    h0(F, s.N, s.omega),
  );
  const digits = s.precision === 'float64' ? 17 : s.precision;
  const fmt = (x: unknown, d = digits) => F.toString(x, d);
  if (p.options.json) {
    io.out(
      JSON.stringify({
        mu: muText,
        rows: rows.map((r, k) => ({
          t: times[k],
          ergotropy: fmt(r.ergotropy),
          errorBound: boundString(F, r.errorBound),
          l1: fmt(r.l1),
          energy: fmt(r.energy),
        })),
        precision: s.precision,
      }),
    );
    return 0;
  }
  // every value at the working precision; W with its bound for the computed ρ(t), rounded up
  // (a W of −2e−16 ± 3e−16 is 0)
  const w = Math.max(4, ...times.map((t) => t.length));
  const cells = rows.map((r) => ({ W: fmt(r.ergotropy), bound: boundString(F, r.errorBound, 2), l1: fmt(r.l1), energy: fmt(r.energy) }));
  const cw = Math.max(4, ...cells.map((c) => c.W.length));
  const header = '± W(ρ̂)';
  const bw = Math.max(header.length, ...cells.map((c) => c.bound.length));
  const lw = Math.max(4, ...cells.map((c) => c.l1.length));
  io.out(
    [
      `${s.N} qubit${s.N === 1 ? '' : 's'}, μ = ${muText}, β = ${s.betaText}, ω = ${F.toString(s.omega)}, f = ${F.toString(s.f)}, from ${s.initialText}; time in units of 1/(γ0(n̄+1))`,
      `${'t'.padEnd(w)}  ${'W'.padEnd(cw)}  ${header.padEnd(bw)}  ${'C_l1'.padEnd(lw)}  energy`,
      ...cells.map((c, k) => `${times[k].padEnd(w)}  ${c.W.padEnd(cw)}  ${c.bound.padEnd(bw)}  ${c.l1.padEnd(lw)}  ${c.energy}`),
      `${header}: W and energy of the computed ρ̂(t) as held at this precision; the error of ρ̂(t) itself is not in it`,
    ].join('\n'),
  );
  return 0;
}
