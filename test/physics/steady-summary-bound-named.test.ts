/**
 * Property: `ergocheck steady-state --initial ground|excited|thermal --json` (run in-process, the
 * strings it prints) at β > 0 and β = 0, N = 1…5 (the command also forms ρ_ss and its residual up to 8 qubits, slow at 50 digits), 20–35 digits and float64: the printed W and
 * energy are within the printed bound of closed forms evaluated at 80 digits. The all-ground and
 * all-excited states relax to Σ_d w_d |D_d⟩⟨D_d| (Dicke states, w_d = r^d / Σ_n r^n, r = e^{−βω}):
 * energy ω Σ_d d w_d, spectrum {w_d} and zeros, C_l1 = Σ_d w_d (C(N, d) − 1); the thermal state is
 * stationary: W = 0, energy ωN r/(1 + r), C_l1 = 0. This exercises the Gibbs weights' part of the
 * bound (e^{−βω} and the rounding of β and ω), which the β = 0 cases do not.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { steadyStateCommand } from '../../src/cli/commands/steady-state.js';
import { decimalField } from '../../src/numeric/decimal.js';
import { parseRational } from '../../src/numeric/rational.js';
import { binomial } from '../../src/physics/states.js';
import { fcParams } from '../arbitraries.js';
import { yieldToEventLoop } from '../support/yield.js';

const T = decimalField(80);
type Dec = (typeof T)['zero'];
let cases = 0;
afterAll(() => console.info(`steady-summary-bound (named states): ${cases} cases`));

function run(args: string[]): Record<string, string> {
  let out = '';
  const code = steadyStateCommand(args, { out: (t) => (out += t), err: () => {} });
  expect(code).toBe(0);
  return JSON.parse(out);
}

/** W, energy and C_l1 at 80 digits from the closed forms (file header). */
function truth(N: number, kind: 'ground' | 'excited' | 'thermal', beta: string, omega: string): { W: Dec; E: Dec; l1: Dec } {
  const w = T.fromRational(parseRational(omega));
  const r = T.exp(T.neg(T.mul(T.fromRational(parseRational(beta)), w)));
  if (kind === 'thermal') return { W: T.zero, E: T.div(T.mul(T.mul(w, T.fromNumber(N)), r), T.add(T.one, r)), l1: T.zero };
  const powers = Array.from({ length: N + 1 }, (_, d) => r.pow(d));
  const z = powers.reduce((a, b) => T.add(a, b), T.zero);
  const weights = powers.map((p) => T.div(p, z));
  const E = T.mul(
    w,
    weights.reduce((a, x, d) => T.add(a, T.mul(x, T.fromNumber(d))), T.zero),
  );
  // passive: weights decreasing on levels increasing (level k has C(N, k) states; only N + 1 weights are non-zero)
  const sorted = weights.slice().sort((a, b) => T.cmp(b, a));
  const levels: number[] = [];
  for (let k = 0; k <= N && levels.length < N + 1; k++) for (let c = 0; c < binomial(N, k) && levels.length < N + 1; c++) levels.push(k);
  const P = T.mul(
    w,
    sorted.reduce((a, x, i) => T.add(a, T.mul(x, T.fromNumber(levels[i]))), T.zero),
  );
  const l1 = weights.reduce((a, x, d) => T.add(a, T.mul(x, T.fromNumber(binomial(N, d) - 1))), T.zero);
  return { W: T.sub(E, P), E, l1 };
}

const betaArb = fc.oneof(
  fc.constant('0'),
  fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 9 })).map(([p, q]) => `${p}/${q}`),
  fc.constantFrom('0.7', '1e-3', '25'),
);
const omegaArb = fc.constantFrom('1', '7/3', '0.37', '2');
const precisionArb = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 20, max: 35 }) }, { weight: 1, arbitrary: fc.constant('float64' as const) });

describe('printed steady-state W and energy of the named states within the printed bound (closed forms at 80 digits)', () => {
  it.each(['ground', 'excited', 'thermal'] as const)('%s', async (kind) => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5 }), betaArb, omegaArb, precisionArb, async (N, beta, omega, precision) => {
        await yieldToEventLoop();
        const prec = precision === 'float64' ? ['--float64'] : ['--precision', String(precision)];
        const j = run(['--qubits', String(N), '--beta', beta, '--omega', omega, '--initial', kind, ...prec, '--json', '--no-rho']);
        const t = truth(N, kind, beta, omega);
        const bound = T.fromString(j.errorBound);
        const what = `N = ${N}, ${kind}, β = ${beta}, ω = ${omega}, ${precision}`;
        // the closed forms at 80 digits are within 1e-75 of the truth
        const slack = T.fromString('1e-75');
        for (const [name, printed, exact] of [
          ['ergotropy', j.ergotropy, t.W],
          ['energy', j.energy, t.E],
        ] as const) {
          const err = T.add(T.abs(T.sub(T.fromString(printed), exact)), slack);
          expect(T.cmp(err, bound) <= 0, `${what}: ${name} printed ${printed}, true ${exact.toString().slice(0, 45)}, bound ${j.errorBound}`).toBe(true);
        }
        const unit = precision === 'float64' ? 2 ** -52 : 10 ** -precision;
        // tight, not merely valid: the rounding of e^{−βω} grows with βω, the rest is a few hundred units
        const bw = Number(T.mul(T.fromRational(parseRational(beta)), T.fromRational(parseRational(omega))));
        const scale = Math.max(1, Number(t.E));
        expect(Number(j.errorBound) <= (1000 + 100 * N * bw) * scale * unit, `${what}: bound ${j.errorBound} is loose`).toBe(true);
        expect(Math.abs(Number(T.sub(T.fromString(j.l1), t.l1))) <= 100 * Math.max(1, Number(t.l1)) * unit, `${what}: C_l1 ${j.l1}`).toBe(true);
        cases++;
      }),
      fcParams(`steady-summary-bound-named-${kind}`, 30),
    );
  });
});
