/**
 * Regression: the shared 7×7 case (30 digits) whose printed ergotropy was once further from the
 * true value than its printed bound (the assembly and the printing were not covered). Through the
 * command line itself, so the strings checked are those a user sees.
 */
import { describe, expect, it } from 'vitest';
import { decimalField } from '../../src/numeric/decimal.js';
import { parseRational, rabs, radd, rational, rcmp, rsub } from '../../src/numeric/rational.js';
import { readMatrixFile } from '../../src/io/matrix-json.js';
import { ergotropyOfExactState } from '../../src/physics/ergotropy.js';
import { ergotropyJson } from '../../src/cli/commands/ergotropy.js';
import { runCli } from '../cli/run-cli.js';

const rhoPath = new URL('../fixtures/bound-7x7-rho.json', import.meta.url).pathname;
const hPath = new URL('../fixtures/bound-7x7-hamiltonian.json', import.meta.url).pathname;
// The true value to 41 digits from an independent 80-digit computation (so within 1e-41 of it).
const TRUE_W = parseRational('0.96946950808030853880804703324263421010382');
const ULP41 = rational(1n, 10n ** 41n);

describe('the shared 7×7 case', () => {
  it('prints, at 30 digits, an ergotropy within the printed bound of the true value', async () => {
    const r = await runCli('ergotropy', '--rho', rhoPath, '--hamiltonian', hPath, '--precision', '30', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const err = rabs(rsub(parseRational(j.ergotropy), TRUE_W));
    expect(rcmp(radd(err, ULP41), parseRational(j.errorBound)) <= 0, `|${j.ergotropy} − W| vs bound ${j.errorBound}`).toBe(true);
  });

  it('agrees at 80 digits with the independent value, and every precision 20–40 holds its bound', () => {
    const rho = readMatrixFile(rhoPath);
    const H = readMatrixFile(hPath);
    const at80 = ergotropyJson(ergotropyOfExactState(decimalField(80), rho, { matrix: H }), 80);
    expect(rcmp(rabs(rsub(parseRational(at80.ergotropy), TRUE_W)), radd(parseRational(at80.errorBound), ULP41)) <= 0).toBe(true);
    const W80 = parseRational(at80.ergotropy);
    const b80 = parseRational(at80.errorBound);
    for (let p = 20; p <= 40; p++) {
      const j = ergotropyJson(ergotropyOfExactState(decimalField(p), rho, { matrix: H }), p);
      // |printed − W| ≤ |printed − W80| + b80 must be within the printed bound
      expect(
        rcmp(radd(rabs(rsub(parseRational(j.ergotropy), W80)), b80), parseRational(j.errorBound)) <= 0,
        `precision ${p}: ${j.ergotropy} ± ${j.errorBound}`,
      ).toBe(true);
    }
  });
});
