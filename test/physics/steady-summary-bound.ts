/**
 * Helpers of the steady-summary-bound-*.test.ts files: the numbers `ergocheck steady-state --json`
 * prints (steadySummaryJson of steadyStateSummary, as the command calls them) against an independent
 * route, for exact rational initial states (exact-states.ts: exact rational spectra — generic,
 * degenerate, clustered to 1e-28, rank-deficient, pure — conjugated by exact rational unitaries) at
 * β = 0, where every Gibbs weight is exactly 1/(2j + 1).
 *
 * The truth: ρ_ss exactly in rational arithmetic by the ladder operators (exact-steady-state.ts, no
 * Schur–Weyl basis), its energy exactly (ωN/2 at β = 0, checked), and its ergotropy by the dense
 * certified route at TRUTH_DIGITS digits with its own bound b: |printed − W_truth| + b ≤ bound
 * proves |printed − W| ≤ bound. C_l1 is printed without a bound: it is checked for accuracy only.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fcParams } from '../arbitraries.js';
import { yieldToEventLoop } from '../support/yield.js';
import { decimalField } from '../../src/numeric/decimal.js';
import { float64 } from '../../src/numeric/float64.js';
import type { AnalyticField } from '../../src/numeric/field.js';
import { parseRational, rabs, radd, rational, rcmp, rsub, type Rational, type RationalMatrix } from '../../src/numeric/rational.js';
import { densityFromRational } from '../../src/physics/density.js';
import { ergotropyOfExactState } from '../../src/physics/ergotropy.js';
import { collectiveCoupling } from '../../src/physics/lindblad.js';
import { collectiveSteadyState } from '../../src/physics/steady-state.js';
import { steadyStateSummary } from '../../src/physics/steady-summary.js';
import { steadySummaryJson } from '../../src/cli/commands/steady-state.js';
import { buildExact, stateArb, unitaryArb, type ExactSpectrumSpec } from './exact-states.js';
import { exactEnergyH0, exactSteadyStateAtInfiniteTemperature } from './exact-steady-state.js';

export const TRUTH_DIGITS = 80;
const T = decimalField(TRUTH_DIGITS);

export interface SteadyCase {
  N: number;
  spec: ExactSpectrumSpec;
  omega: Rational;
  f: Rational;
  precision: number | 'float64';
}

/** A pure state: one eigenvalue 1, the rest 0, rotated like the others. */
function pureArb(n: number): fc.Arbitrary<ExactSpectrumSpec> {
  return fc.record({
    n: fc.constant(n),
    kind: fc.constant('rank-deficient' as const),
    values: fc.integer({ min: 0, max: n - 1 }).map((i) => Array.from({ length: n }, (_, k) => (k === i ? rational(1n) : rational(0n)))),
    unitary: unitaryArb(n),
  });
}

const omegaArb = fc.oneof(
  fc.constant(rational(1n)),
  fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 9 })).map(([p, q]) => rational(BigInt(p), BigInt(q))),
);
const fArb = fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 1, max: 5 })).map(([p, q]) => rational(BigInt(p), BigInt(q)));

export function steadyCaseArb(N: number, precision: fc.Arbitrary<number | 'float64'>): fc.Arbitrary<SteadyCase> {
  const n = 2 ** N;
  return fc.record({
    N: fc.constant(N),
    spec: fc.oneof({ weight: 4, arbitrary: stateArb(n) }, { weight: 1, arbitrary: pureArb(n) }),
    omega: omegaArb,
    f: fArb,
    precision,
  });
}

export const decimalPrecisionArb = fc.integer({ min: 20, max: 35 });

/** Run one case as the command does; returns the largest |error|/bound (W and energy). */
export function runSteadyCase(c: SteadyCase): number {
  const Q = buildExact(c.spec);
  const truthState = exactSteadyStateAtInfiniteTemperature(c.N, Q);
  const truthW = ergotropyOfExactState(T, truthState, { qubits: c.N, omega: c.omega });
  const truthE = exactEnergyH0(c.N, truthState, c.omega);
  // at β = 0 every spin's Gibbs weights are uniform, so the energy is ωN/2 whatever ρ0
  expect(rcmp(truthE, rational(c.omega.num * BigInt(c.N), c.omega.den * 2n))).toBe(0);
  const F = (c.precision === 'float64' ? float64 : decimalField(c.precision)) as AnalyticField<unknown>;
  // as modelSetup and the steady-state command do it (float64: the exact ρ0 as rounded, decimal: the exact one)
  const omega = F.fromRational(c.omega);
  const model = collectiveCoupling(F, c.N, { omega, beta: F.zero, gamma0: F.one, f: F.fromRational(c.f), timeScale: 'normalised' });
  const rho0 = densityFromRational(F, Q);
  const ss = collectiveSteadyState(F, model, rho0);
  const summary = steadyStateSummary(F, ss, model, {
    initial: c.precision === 'float64' ? { rounded: rho0 } : Q,
    exactModel: { omega: c.omega, beta: rational(0n) },
  });
  const json = steadySummaryJson(F, c.precision, summary, summary.l1);
  const bound = parseRational(json.errorBound);
  const what = `N = ${c.N}, ${c.spec.kind} ρ0 (${c.spec.values.map((v) => `${v.num}/${v.den}`).join(' ')}), ω = ${c.omega.num}/${c.omega.den}, ${c.precision} digits`;
  let worst = 0;
  const one = (printed: string, truth: Rational, truthBound: Rational, name: string) => {
    const err = radd(rabs(rsub(parseRational(printed), truth)), truthBound);
    expect(
      rcmp(err, bound) <= 0,
      `${what}: ${name} printed ${printed}, true ${T.fromRational(truth).toString()} (± ${T.fromRational(truthBound).toString()}), error ${decimalField(4).fromRational(err).toString()} > bound ${json.errorBound}`,
    ).toBe(true);
    if (bound.num !== 0n) worst = Math.max(worst, Number(decimalField(6).fromRational(err).div(decimalField(6).fromRational(bound))));
  };
  one(json.ergotropy, parseRational(truthW.ergotropy.toString()), parseRational(truthW.errorBound.toString()), 'ergotropy');
  one(json.energy, truthE, rational(0n), 'energy');
  // tight, not merely valid: a few hundred units of the last printed digit of the energy scale
  // (float64: up to 10⁴ units of roundoff; the a-priori sums there are not compensated)
  const scale = Math.max(1, Number(decimalField(20).fromRational(truthE)));
  const unit = c.precision === 'float64' ? 2 ** -52 : 10 ** -c.precision;
  const slack = c.precision === 'float64' ? 10000 : 300;
  expect(Number(json.errorBound) <= slack * scale * unit, `${what}: bound ${json.errorBound} is loose`).toBe(true);
  // C_l1 carries no bound: accurate to a few units of the working precision
  const d = 2 ** c.N;
  let l1 = T.zero;
  for (let x = 0; x < d; x++)
    for (let y = 0; y < d; y++)
      if (x !== y) l1 = T.add(l1, T.sqrt(T.add(T.fromRational(truthState.re[x * d + y]).pow(2), T.fromRational(truthState.im[x * d + y]).pow(2))));
  const l1Err = Math.abs(Number(T.sub(T.fromString(json.l1), l1)));
  expect(l1Err <= 1000 * Math.max(1, Number(l1)) * unit, `${what}: C_l1 printed ${json.l1}, true ${l1.toString()}`).toBe(true);
  return worst;
}

export type { RationalMatrix };

/** One row of a suite: N, the precisions drawn, the part (for a distinct seed path), the number of runs. */
export type SteadyBoundRow = readonly [number, '20–35 digits' | 'float64', number, number];

/**
 * The property over `rows`, one test per row (the suite is split over files so that vitest runs
 * them in parallel); prints the number of cases run and the largest |error|/bound.
 */
export function describeSteadyBound(label: string, rows: readonly SteadyBoundRow[]): void {
  let cases = 0;
  let worst = 0;
  afterAll(() => console.info(`steady-summary-bound (${label}): ${cases} cases, largest |error|/bound ${worst.toFixed(3)}`));
  describe(`printed steady-state W and energy within the printed bound (β = 0, exact ρ0), ${label} at 20–35 digits and in float64`, () => {
    it.each(rows)('N = %i, %s, part %i', async (N, precision, part, runs) => {
      const arb = precision === 'float64' ? fc.constant('float64' as const) : decimalPrecisionArb;
      let n = 0;
      await fc.assert(
        fc.asyncProperty(steadyCaseArb(N, arb), async (c) => {
          await yieldToEventLoop();
          worst = Math.max(worst, runSteadyCase(c));
          n++;
        }),
        fcParams(`steady-summary-bound-N${N}-${precision}-${part}`, runs),
      );
      cases += n;
      expect(n).toBe(runs);
    });
  });
}
