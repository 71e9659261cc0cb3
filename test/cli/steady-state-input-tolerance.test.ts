/**
 * A file of float64 numbers is accepted when its trace is within d·2^-50 of 1 (the decimal values
 * the numbers spell rarely sum to exactly 1). The steady-state map must accept the same state at
 * every precision — it used to re-check the trace against the working precision alone and refuse
 * at 50 digits what it took in float64 — and `--tolerance` still tightens both checks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectRefusal, runCli } from './run-cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ergocheck-input-tolerance-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, re: (number | string)[][]): string => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ re, im: re.map((row) => row.map(() => 0)) }));
  return path;
};

describe('steady-state: the map accepts what the input check accepted', () => {
  // 0.30000000000000004 + 0.7 = 1 + 4e-17 exactly, as decimals
  const ONE_QUBIT = [
    [0.30000000000000004, 0.1],
    [0.1, 0.7],
  ];

  it('trace 1 + 4e-17 in float64 numbers: accepted at 50 and 30 digits and in float64, with the same energy', async () => {
    const file = write('one.json', ONE_QUBIT);
    const energies: number[] = [];
    for (const precision of [['--precision', '50'], ['--precision', '30'], ['--float64']]) {
      const r = await runCli('steady-state', '--qubits', '1', '--beta', '0.5', '--initial', file, ...precision, '--json', '--no-rho');
      expect(r.code, r.err).toBe(0);
      energies.push(Number(JSON.parse(r.out).energy));
    }
    // the map preserves the trace: the energy is that of the Gibbs state times 1 + 4e-17
    const gibbsEnergy = 1 / (1 + Math.exp(0.5));
    for (const e of energies) expect(Math.abs(e - gibbsEnergy)).toBeLessThan(1e-15);
  });

  it('--tolerance 0 refuses the same file in one line naming the deviation', async () => {
    const file = write('one-strict.json', ONE_QUBIT);
    await expectRefusal(
      /has trace 1\.00000000000000004, not 1 \(off by 4\.000e-17, tolerance 0\)/,
      'steady-state',
      '--qubits',
      '1',
      '--beta',
      '0.5',
      '--initial',
      file,
      '--tolerance',
      '0',
    );
  });

  it('a trace off by 1e-10 (beyond d·2^-50) is refused at every precision', async () => {
    const file = write('far.json', [
      [0.3000000001, 0.1],
      [0.1, 0.7],
    ]);
    for (const precision of [['--precision', '50'], ['--float64']])
      await expectRefusal(/trace .*not 1/, 'steady-state', '--qubits', '1', '--beta', '0.5', '--initial', file, ...precision);
  });

  it('two qubits at 50 digits: a float64 file whose decimal trace is not exactly 1 runs, exact strings too', async () => {
    // diagonal 0.1, 0.2, 0.3, 0.4 sums to 1 as decimals but the doubles written by a program often do not:
    // 1/3 in float64 three times and 0 — their decimal sum is 1 − 5.6e-17
    const third = 1 / 3;
    const file = write('two.json', [
      [third, 0, 0, 0],
      [0, third, 0, 0],
      [0, 0, third, 0],
      [0, 0, 0, 0],
    ]);
    const r = await runCli('steady-state', '--qubits', '2', '--beta', '0', '--initial', file, '--json', '--no-rho');
    expect(r.code, r.err).toBe(0);
    const exact = write('two-exact.json', [
      ['1/3', 0, 0, 0],
      [0, '1/3', 0, 0],
      [0, 0, '1/3', 0],
      [0, 0, 0, 0],
    ]);
    const s = await runCli('steady-state', '--qubits', '2', '--beta', '0', '--initial', exact, '--json', '--no-rho');
    expect(s.code, s.err).toBe(0);
    expect(Math.abs(Number(JSON.parse(r.out).ergotropy) - Number(JSON.parse(s.out).ergotropy))).toBeLessThan(1e-15);
  });
});
