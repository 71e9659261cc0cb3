/**
 * Helpers of the ergotropy-bound-*.test.ts files: the printed ergotropy is within its printed
 * bound of the true value — every rounding between the exact input and the printed digits included.
 *
 * States and Hamiltonians are exact with exactly known spectra (exact-states.ts: rational spectra,
 * degenerate, clustered to 1e-28, rank-deficient, conjugated by exact rational unitaries), so the
 * true values come from an independent exact route: Tr(ρH) in rational arithmetic and Σ r↓ε↑ from
 * the spectra that were put in, never from an eigensolver. Precisions 20–35 digits, where the last
 * printed digits matter most. The strings compared are those `ergocheck ergotropy --json` prints
 * (ergotropyJson), parsed exactly.
 */
import fc from 'fast-check';
import { afterAll, expect } from 'vitest';
import { decimalField } from '../../src/numeric/decimal.js';
import { parseRational, rabs, rcmp, rsub, type Rational, type RationalMatrix } from '../../src/numeric/rational.js';
import { ergotropyOfExactState } from '../../src/physics/ergotropy.js';
import { ergotropyJson } from '../../src/cli/commands/ergotropy.js';
import { buildExact, buildHamiltonian, exactEnergy, exactPassiveEnergy, hamiltonianArb, stateArb, type ExactSpectrumSpec } from './exact-states.js';

interface Truth {
  W: Rational;
  energy: Rational;
  passive: Rational;
  /** decreasing */
  eigenvalues: Rational[];
}

export function truthOf(rhoSpec: ExactSpectrumSpec, rho: RationalMatrix, H: RationalMatrix, levels: Rational[]): Truth {
  const energy = exactEnergy(rho, H);
  const passive = exactPassiveEnergy(rhoSpec.values, levels);
  return { W: rsub(energy, passive), energy, passive, eigenvalues: rhoSpec.values.slice().sort((a, b) => rcmp(b, a)) };
}

/** Every printed value within the printed bound of the truth; returns the largest |error|/bound. */
export function checkPrinted(json: ReturnType<typeof ergotropyJson>, t: Truth, what: string): number {
  const bound = parseRational(json.errorBound);
  let worst = 0;
  const one = (printed: string, truth: Rational, name: string) => {
    const err = rabs(rsub(parseRational(printed), truth));
    expect(
      rcmp(err, bound) <= 0,
      `${what}: ${name} printed ${printed}, true ${decimalField(60).fromRational(truth).toString()}, error ${decimalField(4).fromRational(err).toString()} > bound ${json.errorBound}`,
    ).toBe(true);
    if (bound.num !== 0n) worst = Math.max(worst, Number(decimalField(6).fromRational(err).div(decimalField(6).fromRational(bound))));
  };
  one(json.ergotropy, t.W, 'ergotropy');
  one(json.energy, t.energy, 'energy');
  one(json.passiveEnergy, t.passive, 'passive energy');
  json.eigenvalues.forEach((x, k) => one(x, t.eigenvalues[k], `eigenvalue ${k + 1}`));
  return worst;
}

/** The bound is tight, not merely valid: a few units of the last printed digit of the largest value. */
export function checkTight(json: ReturnType<typeof ergotropyJson>, t: Truth, levels: Rational[], precision: number, what: string): void {
  const scale = [t.energy, t.passive, ...levels].map((x) => Math.abs(Number(decimalField(20).fromRational(x)))).reduce((a, b) => Math.max(a, b), 1);
  const bound = Number(json.errorBound);
  expect(bound <= 100 * scale * 10 ** -precision, `${what}: bound ${json.errorBound} is loose (scale ${scale}, precision ${precision})`).toBe(true);
}

export const precisionArb = fc.integer({ min: 20, max: 35 });

export function caseArb(minN: number, maxN: number) {
  return fc.integer({ min: minN, max: maxN }).chain((n) => fc.tuple(stateArb(n), hamiltonianArb(n), precisionArb));
}

/** Cases run in this test file (each file has its own copy of this module) and the largest |error|/bound. */
export const tally = { cases: 0, worst: 0 };

/** Print the number of cases this file ran, once it is done. */
export function reportCases(label: string): void {
  afterAll(() => console.info(`${label}: ${tally.cases} cases, largest |error|/bound ${tally.worst.toFixed(3)}`));
}

export function runCase([rhoSpec, hSpec, precision]: [ExactSpectrumSpec, ExactSpectrumSpec & { diagonal: boolean }, number]): number {
  const rho = buildExact(rhoSpec);
  const H = buildHamiltonian(hSpec);
  const D = decimalField(precision);
  const r = ergotropyOfExactState(D, rho, { matrix: H });
  const json = ergotropyJson(r, precision);
  const t = truthOf(rhoSpec, rho, H, hSpec.values);
  const what = `n = ${rhoSpec.n}, ${rhoSpec.kind} state, ${hSpec.diagonal ? 'diagonal' : 'rotated'} H, ${precision} digits`;
  const worst = checkPrinted(json, t, what);
  checkTight(json, t, hSpec.values, precision, what);
  tally.cases++;
  tally.worst = Math.max(tally.worst, worst);
  return worst;
}
