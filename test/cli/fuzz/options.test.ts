/**
 * Fuzz: numeric and list options of every command. A bad value is a one-line refusal naming the
 * option (exit 2); a valid one runs (exit 0) and, where cheap, gives the right number: the steady
 * state of one qubit from |0⟩ is the Gibbs state, with energy ω/(1 + e^{βω}).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fcParams } from '../../arbitraries.js';
import { expectOk, expectOkOrRefused, expectRefused, run, scratch } from './harness.js';

const dir = scratch('options');
const state = join(dir, 'rho.json');
writeFileSync(
  state,
  JSON.stringify({
    re: [
      ['1/2', '1/4'],
      ['1/4', '1/2'],
    ],
  }),
);
const SS = ['steady-state', '--qubits', '1', '--initial', 'ground'];
const EV = ['evolve', '--qubits', '1', '--beta', '1', '--mu', '1/2', '--initial', 'excited'];

/** [command line before the option, option, bad values, what the message must name]. */
const TABLE: [string[], string, string[], RegExp][] = [
  [['coherence', '--rho', state], '--precision', ['', ' ', 'abc', '9', '901', '1000', '50.5', '-5', '1e2', 'NaN', '0x40', '５０'], /--precision/],
  [['ergotropy', '--rho', state], '--omega', ['', 'abc', '0', '-1', '1e309', '-1e309', 'NaN', 'Infinity', '1/0', '0/5'], /--omega/],
  [['ergotropy', '--rho', state], '--tolerance', ['', '-1', 'abc', 'NaN', 'Infinity', '-0.1'], /--tolerance/],
  [[...SS], '--beta', ['', 'abc', '-1', '1e309', 'NaN', '1/0', '-inf', '--'], /--beta/],
  [[...SS, '--beta', '1'], '--omega', ['0', '-2', '1e309', 'x'], /--omega/],
  [[...SS, '--beta', '1'], '--f', ['', 'abc', '1e309', 'NaN'], /--f\b/],
  [[...SS, '--beta', '1'], '--precision', ['8', '901', 'x'], /--precision/],
  [['steady-state', '--beta', '1', '--initial', 'ground'], '--qubits', ['', '0', '-1', '1.5', 'abc', '13', '100', '1e1'], /--qubits/],
  [[...EV, '--times', '0,1'], '--mu', ['', 'abc', '-0.5', '1.5', '2', '1e309'], /--mu|μ/],
  [[...EV], '--times', ['', ',', '-1', 'a', '1,0', '0:1:1', '0:1:0', '1:0:5', '0:1:100000', 'NaN', '0,,1', '1e309'], /--times|times/],
  [['prove', 'eq10-c-one'], '--seed', ['', '-1', '1.5', 'abc', '1e3', '99999999999999999999'], /--seed/],
  [['prove', 'eq10-c-one'], '--precision', ['49', '901', ''], /--precision/],
  [['verify', '--out', join(dir, 'v')], '--fig3', ['', '1', '-1', 'abc', '1e3', '10000001'], /--fig3/],
  [['verify', '--out', join(dir, 'v')], '--only', ['', ',', ' , ', 'no-such-claim'], /--only|no claim matches/],
  [['verify', '--out', join(dir, 'v')], '--skip', ['', ',', 'no-such-claim'], /--skip|no claim matches/],
  [['verify', '--out', join(dir, 'v')], '--format', ['', ',', 'pdf', 'md,pdf', 'MD'], /--format|format/],
  [['figures', '--out', join(dir, 'f')], '--samples', ['', '0', '1', '-5', '1.5', 'abc', '100000001'], /--samples/],
  [['figures', '--out', join(dir, 'f')], '--max-qubits', ['', '1', '15', 'x', '2.5'], /--max-qubits/],
  [['figures', '--out', join(dir, 'f')], '--workers', ['', '-1', '65', 'x'], /--workers/],
  [['figures', '--out', join(dir, 'f')], '--ensemble', ['', 'gaussian', 'HAAR '], /--ensemble/],
  [['figures', '--out', join(dir, 'f')], '--beta', ['-1', 'inf', '1e309', 'x'], /--beta|β/],
  [['figures', '--out', join(dir, 'f')], '--omega', ['0', '-1', 'x'], /--omega/],
];

describe('bad option values are refused with one line naming the option', () => {
  for (const [before, option, values, names] of TABLE) {
    it(`${before[0]} ${option}: ${values.map((v) => JSON.stringify(v)).join(' ')}`, async () => {
      for (const v of values) {
        const argv = [...before, `${option}=${v}`];
        expectRefused(await run(...argv), argv, names);
      }
    });
  }
  it('empty claim selections never mean "every claim"', async () => {
    for (const argv of [
      ['prove', ''],
      ['prove', ' '],
      ['prove', 'eq10', ''],
    ])
      expectRefused(await run(...argv), argv, /empty claim id/);
  });
});

describe('negative values need no --option=value', () => {
  it('--f -1 and --f=-1 are the same', async () => {
    const a = await run(...SS, '--beta', '1', '--f', '-1', '--json');
    const b = await run(...SS, '--beta', '1', '--f=-1', '--json');
    expectOk(a, SS);
    expect(a.out).toBe(b.out);
  });
});

/** Strings that look like numbers, or nearly. */
const numberish = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -3, max: 12 }).map(String),
  fc.double({ min: 0, max: 10, noNaN: true, noDefaultInfinity: true }).map(String),
  fc.tuple(fc.integer({ min: -3, max: 30 }), fc.integer({ min: 0, max: 7 })).map(([a, b]) => `${a}/${b}`),
  fc.constantFrom('1e309', '1e-309', '1e-400', '-0', '+1', '.5', '5.', '1_0', ' 2 ', '0x1', 'Infinity', 'inf', '1e', 'e1', '١'),
);

/** The value a valid option must have had: a decimal or a fraction. */
const asNumber = (s: string): number => {
  const t = s.trim();
  if (/^\+?(inf|infinity)$/i.test(t)) return Infinity;
  const m = /^([+-]?\d+)\/(\d+)$/.exec(t);
  return m ? Number(m[1]) / Number(m[2]) : Number(t);
};

describe('random option values: exit 0 with the right answer, or one line naming the option', () => {
  it('steady-state --beta B --omega W of one qubit from |0⟩: energy ω/(1 + e^{βω})', async () => {
    await fc.assert(
      fc.asyncProperty(numberish, numberish, async (beta, omega) => {
        const argv = [...SS, `--beta=${beta}`, `--omega=${omega}`, '--json'];
        const r = await run(...argv);
        if (expectOkOrRefused(r, argv) === 'refused') {
          expect(r.err).toMatch(/--beta|--omega|β|ω/);
          return;
        }
        const [b, w] = [asNumber(beta), asNumber(omega)];
        expect(b >= 0 && w > 0, `${beta}, ${omega} accepted`).toBe(true);
        const expected = w / (1 + Math.exp(b * w));
        expect(Math.abs(Number(JSON.parse(r.out).energy) - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, w));
      }),
      fcParams('fuzz: steady-state beta omega', 70),
    );
  });
  it('evolve --mu M --times T: exit 0 only for 0 ≤ μ ≤ 1 and non-negative, non-decreasing times', async () => {
    const times = fc.oneof(
      numberish,
      fc.array(fc.constantFrom('0', '0.5', '1', '2', '1/3', '-1', 'x', ''), { minLength: 1, maxLength: 4 }).map((a) => a.join(',')),
    );
    await fc.assert(
      fc.asyncProperty(numberish, times, async (mu, t) => {
        // a long valid time would only be slow: bound it
        if (t.split(',').some((x) => asNumber(x) > 20)) return;
        const argv = [...EV, `--mu=${mu}`, `--times=${t}`, '--json'];
        const r = await run(...argv);
        if (expectOkOrRefused(r, argv) === 'refused') {
          expect(r.err).toMatch(/--mu|--times|μ|times/);
          return;
        }
        const m = asNumber(mu);
        expect(m >= 0 && m <= 1, `μ = ${mu} accepted`).toBe(true);
        const rows = JSON.parse(r.out).rows as { ergotropy: string; errorBound: string }[];
        expect(rows).toHaveLength(t.split(',').length);
        // one qubit from |1⟩: W(0) = ω = 1, and W never exceeds it
        for (const row of rows) expect(Number(row.ergotropy)).toBeLessThanOrEqual(1 + Number(row.errorBound));
      }),
      fcParams('fuzz: evolve mu times', 60),
    );
  });
  it('--precision P and --tolerance T of coherence: exit 0 only for 10 ≤ P ≤ 900 and T ≥ 0', async () => {
    const precision = fc.oneof(numberish, fc.integer({ min: 5, max: 905 }).map(String));
    await fc.assert(
      fc.asyncProperty(precision, fc.option(numberish, { nil: undefined }), async (p, tol) => {
        const argv = ['coherence', '--rho', state, `--precision=${p}`, ...(tol === undefined ? [] : [`--tolerance=${tol}`]), '--json'];
        const r = await run(...argv);
        if (expectOkOrRefused(r, argv) === 'refused') {
          expect(r.err).toMatch(/--precision|--tolerance/);
          return;
        }
        const P = Number(p);
        expect(Number.isInteger(P) && P >= 10 && P <= 900).toBe(true);
        expect(JSON.parse(r.out)).toEqual({ l1: '0.5', precision: P });
      }),
      fcParams('fuzz: coherence precision tolerance', 50),
    );
  });
});

describe('the top of the documented precision range works', () => {
  it('ergotropy and steady-state at --precision 900', async () => {
    const a = ['ergotropy', '--rho', state, '--precision', '900', '--json'];
    const r = await run(...a);
    expectOk(r, a);
    // ρ = [[1/2, 1/4], [1/4, 1/2]], H0 = diag(1, 0): eigenvalues 3/4, 1/4; W = 1/2 − 1/4 = 1/4
    expect(JSON.parse(r.out).ergotropy).toMatch(/^0\.25(0*|$)/);
    const b = [...SS, '--beta', '1', '--precision', '900', '--json'];
    expectOk(await run(...b), b);
  });
  it('evolve at --precision 325 (beyond the float64 exponent range)', async () => {
    const a = [...EV, '--times', '0,1', '--precision', '325', '--json'];
    const r = await run(...a);
    expectOk(r, a);
    expect(JSON.parse(r.out).rows[0].ergotropy).toMatch(/^1(\.0*)?$/);
  });
});
