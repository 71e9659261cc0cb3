import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal as GlobalDecimal } from 'decimal.js';
import { expectRefusal, runCli } from './run-cli.js';

// exact enough for comparisons at 50–60 digits, independent of decimal.js's global settings
const Decimal = GlobalDecimal.clone({ precision: 100 });

let dir: string;
const file = (name: string, content: unknown): string => {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ergocheck-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ergocheck refuses bad input with exit code 2', () => {
  it('an unknown command', () => expectRefusal(/unknown command "frobnicate"/, 'frobnicate'));
  it('an unknown flag', () => expectRefusal(/ergotropy: .*--bogus/, 'ergotropy', '--bogus'));
  it('a missing --rho', () => expectRefusal(/--rho is required/, 'ergotropy'));
  it('a missing file', () => expectRefusal(/cannot read .*nope\.json: no such file/, 'coherence', '--rho', join(dir ?? '', 'nope.json')));
  it('a directory', () => {
    mkdirSync(join(dir, 'adir'), { recursive: true });
    return expectRefusal(/is a directory/, 'coherence', '--rho', join(dir, 'adir'));
  });
  it('malformed JSON', () => expectRefusal(/not valid JSON/, 'ergotropy', '--rho', file('bad.json', '{"re": [[1, 0], [0')));
  it('a non-square matrix', () =>
    expectRefusal(
      /2×3, not square/,
      'ergotropy',
      '--rho',
      file('rect.json', {
        re: [
          ['1', '0', '0'],
          ['0', '0', '0'],
        ],
      }),
    ));
  it('ragged rows', () => expectRefusal(/row 2 has 1 entries, expected 2/, 'coherence', '--rho', file('ragged.json', { re: [['1', '0'], ['0']] })));
  it('a non-finite entry', () =>
    expectRefusal(
      /"NaN" is not a number/,
      'coherence',
      '--rho',
      file('nan.json', {
        re: [
          ['NaN', '0'],
          ['0', '1'],
        ],
      }),
    ));
  it('a non-Hermitian state', () =>
    expectRefusal(
      /not Hermitian: entries \(1,2\) and \(2,1\)/,
      'ergotropy',
      '--rho',
      file('nonherm.json', {
        re: [
          ['1/2', '1/4'],
          ['0', '1/2'],
        ],
      }),
    ));
  it('a state of trace ≠ 1', () =>
    expectRefusal(
      /trace 1\.1, not 1/,
      'ergotropy',
      '--rho',
      file('trace.json', {
        re: [
          ['0.6', '0'],
          ['0', '0.5'],
        ],
      }),
    ));
  it('a state that is not positive semidefinite', () =>
    expectRefusal(
      /not positive semidefinite: smallest eigenvalue -0\.5/,
      'ergotropy',
      '--rho',
      file('neg.json', {
        re: [
          ['3/2', '0'],
          ['0', '-1/2'],
        ],
      }),
    ));
  it('a bad --precision', () => expectRefusal(/--precision must be an integer from 10 to 900/, 'ergotropy', '--rho', 'x.json', '--precision', '3'));
  it('a non-numeric --precision', () => expectRefusal(/--precision must be an integer/, 'coherence', '--rho', 'x.json', '--precision', '5O'));
  it('a non-positive --omega', () => expectRefusal(/--omega must be > 0/, 'ergotropy', '--rho', 'x.json', '--omega=-1'));
  it('--omega and --hamiltonian together', () => expectRefusal(/not both/, 'ergotropy', '--rho', 'x.json', '--omega', '1', '--hamiltonian', 'h.json'));
  it('--omega for a state that is not of qubits', () =>
    expectRefusal(
      /not a state of qubits/,
      'ergotropy',
      '--rho',
      file('qutrit.json', {
        re: [
          ['1/3', '0', '0'],
          ['0', '1/3', '0'],
          ['0', '0', '1/3'],
        ],
      }),
    ));
  it('a Hamiltonian of the wrong dimension', () =>
    expectRefusal(
      /H in .* is 2×2 but ρ is 4×4/,
      'ergotropy',
      '--rho',
      'examples/singlet.json',
      '--hamiltonian',
      file('h2.json', {
        re: [
          ['1', '0'],
          ['0', '0'],
        ],
      }),
    ));
  it('a non-Hermitian Hamiltonian', () =>
    expectRefusal(
      /H in .* is not Hermitian/,
      'ergotropy',
      '--rho',
      file('q1.json', {
        re: [
          ['1/2', '0'],
          ['0', '1/2'],
        ],
      }),
      '--hamiltonian',
      file('hbad.json', {
        re: [
          ['0', '1'],
          ['0', '0'],
        ],
      }),
    ));
  it('a negative --tolerance', () => expectRefusal(/--tolerance must be a number ≥ 0/, 'coherence', '--rho', 'examples/singlet.json', '--tolerance=-1'));
});

describe('ergocheck without a command, --help and --version', () => {
  it('prints usage and exits 0 with no arguments', async () => {
    const r = await runCli();
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: ergocheck <command>/);
    expect(r.out).toMatch(/ergotropy/);
    expect(r.out).toMatch(/coherence/);
  });
  it('prints the package version', async () => {
    const { version } = (await import('../../package.json', { with: { type: 'json' } })).default as { version: string };
    const r = await runCli('--version');
    expect(r).toEqual({ code: 0, out: version, err: '' });
  });
  it.each(['ergotropy', 'coherence'])('%s --help states the tolerances', async (cmd) => {
    const r = await runCli(cmd, '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`^Usage: ergocheck ${cmd}`));
    expect(r.out).toMatch(/d·2\^-50/);
    expect(r.out).toMatch(/--tolerance T/);
  });
});

describe('ergocheck ergotropy', () => {
  it('gives the singlet ergotropy exactly ω (ω = 1 and ω = 7/3)', async () => {
    for (const [omega, expected] of [
      ['1', '1'],
      ['7/3', new Decimal(7).div(3).toSignificantDigits(50).toString()],
    ]) {
      const r = await runCli('ergotropy', '--rho', 'examples/singlet.json', '--omega', omega, '--json');
      expect(r.code).toBe(0);
      const j = JSON.parse(r.out);
      expect(Object.keys(j).sort()).toEqual(['eigenvalues', 'energy', 'ergotropy', 'errorBound', 'passiveEnergy', 'precision']);
      expect(new Decimal(j.ergotropy).minus(expected).abs().lte(j.errorBound)).toBe(true);
      expect(j.passiveEnergy).toBe('0');
      expect(j.precision).toBe(50);
    }
  });

  it('reproduces Eq. (12) at β = 0: W = ω(1 − 4c/3) for c = 79/272, within the error bound', async () => {
    const r = await runCli('ergotropy', '--rho', 'examples/eq7-c-79-272.json', '--json', '--precision', '60');
    const j = JSON.parse(r.out);
    const exact = new Decimal(1).minus(new Decimal(4 * 79).div(3 * 272));
    expect(new Decimal(j.ergotropy).minus(exact).abs().lte(j.errorBound)).toBe(true);
    expect(new Decimal(j.errorBound).lt('1e-55')).toBe(true);
    expect(j.eigenvalues).toHaveLength(4);
  });

  it('accepts an exact rational state at any precision (10, 50, 200)', async () => {
    for (const p of ['10', '50', '200']) {
      const r = await runCli('ergotropy', '--rho', 'examples/eq7-c-79-272.json', '--precision', p, '--json');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).precision).toBe(Number(p));
    }
  });

  it('accepts float64 data whose trace is 1 only to rounding, and refuses it with --tolerance 0', async () => {
    const third = 1 / 3; // 3·fl(1/3) = 1 − 2^-54·… ≠ 1 exactly
    const p = file('float.json', {
      re: [
        [third, 0, 0],
        [0, third, 0],
        [0, 0, third],
      ],
    });
    const ok = await runCli(
      'ergotropy',
      '--rho',
      p,
      '--hamiltonian',
      file('h3.json', {
        re: [
          ['0', '0', '0'],
          ['0', '1', '0'],
          ['0', '0', '2'],
        ],
      }),
      '--json',
    );
    expect(ok.code).toBe(0);
    await expectRefusal(/trace .* not 1 \(off by .*, tolerance 0\)/, 'coherence', '--rho', p, '--tolerance', '0');
  });

  it('uses a non-diagonal Hamiltonian: σx on |0⟩⟨0| has ergotropy 1', async () => {
    // ρ = |g⟩⟨g| = diag(0, 1) in our basis; H = σx has levels ±1 and ⟨g|σx|g⟩ = 0, so W = 0 − (−1) = 1
    const r = await runCli(
      'ergotropy',
      '--rho',
      file('g.json', {
        re: [
          ['0', '0'],
          ['0', '1'],
        ],
      }),
      '--hamiltonian',
      file('sx.json', {
        re: [
          [0, 1],
          [1, 0],
        ],
      }),
      '--json',
    );
    const j = JSON.parse(r.out);
    expect(new Decimal(j.ergotropy).minus(1).abs().lte(j.errorBound)).toBe(true);
  });

  it('prints a human summary without --json', async () => {
    const r = await runCli('ergotropy', '--rho', 'examples/singlet.json');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ergotropy\s+W = 1$/m);
    expect(r.out).toMatch(/H0 = ω·\(number of excitations\), ω = 1, 2 qubits/);
  });
});

describe('ergocheck coherence', () => {
  it('gives C_l1 = 1 for the singlet and |−1 + 4c/3| for Eq. (7) at β = 0', async () => {
    const s = JSON.parse((await runCli('coherence', '--rho', 'examples/singlet.json', '--json')).out);
    expect(s).toEqual({ l1: '1', precision: 50 });
    const e = JSON.parse((await runCli('coherence', '--rho', 'examples/eq7-c-79-272.json', '--json')).out);
    const exact = new Decimal(1).minus(new Decimal(4 * 79).div(3 * 272)).abs();
    expect(new Decimal(e.l1).minus(exact).abs().lt('1e-49')).toBe(true);
  });
  it('prints a human summary without --json', async () => {
    const r = await runCli('coherence', '--rho', 'examples/singlet.json');
    expect(r.out).toMatch(/C_l1 = 1$/m);
  });
});
