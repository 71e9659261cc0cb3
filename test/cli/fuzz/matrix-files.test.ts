/**
 * Fuzz: matrix files given to `coherence` and `ergotropy`. Every malformed or unphysical file is a
 * one-line refusal with exit code 2; every valid one (exact pure states, with or without a byte-order
 * mark) gives the exact C_l1 and W, derived here independently from the state vector.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fcParams } from '../../arbitraries.js';
import { expectOk, expectRefused, run, scratch } from './harness.js';

const dir = scratch('matrix');
let count = 0;
const file = (text: string): string => {
  const p = join(dir, `m${count++}.json`);
  writeFileSync(p, text);
  return p;
};

const D60 = Decimal.clone({ precision: 60 });
/** |a − b| ≤ 10^-45 for decimal strings. */
const close = (a: string, exact: { num: bigint; den: bigint }) => new D60(a).minus(new D60(exact.num.toString()).div(exact.den.toString())).abs().lt('1e-45');

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const frac = (num: bigint, den: bigint): string => {
  const g = gcd(num, den);
  return den / g === 1n ? `${num / g}` : `${num / g}/${den / g}`;
};

/** ρ = v vᵀ/‖v‖² as exact fraction strings. */
function pureState(v: bigint[]): { re: string[][]; norm2: bigint } {
  const norm2 = v.reduce((s, x) => s + x * x, 0n);
  return { re: v.map((a) => v.map((b) => frac(a * b, norm2))), norm2 };
}

const vectorArb = (dims: number[]) =>
  fc
    .constantFrom(...dims)
    .chain((d) => fc.array(fc.bigInt({ min: -9n, max: 9n }), { minLength: d, maxLength: d }))
    .filter((v) => v.some((x) => x !== 0n));

describe('valid matrix files give the exact answer', () => {
  it('coherence of exact pure states (C_l1 = ((Σ|v_i|)² − Σv_i²)/‖v‖²), also with a byte-order mark', async () => {
    await fc.assert(
      fc.asyncProperty(vectorArb([1, 2, 3, 4, 8]), fc.boolean(), fc.boolean(), async (v, bom, withIm) => {
        const { re, norm2 } = pureState(v);
        const body = withIm ? { re, im: re.map((r) => r.map(() => '0')) } : { re };
        const argv = ['coherence', '--rho', file((bom ? '\uFEFF' : '') + JSON.stringify(body, null, bom ? 1 : 0)), '--json'];
        const r = await run(...argv);
        expectOk(r, argv);
        const abs = v.reduce((s, x) => s + (x < 0n ? -x : x), 0n);
        expect(close(JSON.parse(r.out).l1, { num: abs * abs - norm2, den: norm2 })).toBe(true);
      }),
      fcParams('fuzz: coherence of pure states', 40),
    );
  });
  it('ergotropy of exact pure states (W = ⟨H0⟩ = Σ_i ρ_ii·(excitations of i), passive energy 0)', async () => {
    await fc.assert(
      fc.asyncProperty(vectorArb([2, 4, 8]), async (v) => {
        const { re, norm2 } = pureState(v);
        const N = Math.log2(v.length);
        const argv = ['ergotropy', '--rho', file(JSON.stringify({ re })), '--json'];
        const r = await run(...argv);
        expectOk(r, argv);
        // basis index bit 0 = excited, qubit 1 most significant
        let num = 0n;
        v.forEach((x, i) => (num += x * x * BigInt(N - (i.toString(2).split('1').length - 1))));
        expect(close(JSON.parse(r.out).ergotropy, { num, den: norm2 })).toBe(true);
      }),
      fcParams('fuzz: ergotropy of pure states', 20),
    );
  });
});

/** A valid 2×2 state to break. */
const GOOD = {
  re: [
    ['1/2', '1/4'],
    ['1/4', '1/2'],
  ],
  im: [
    ['0', '1/8'],
    ['-1/8', '0'],
  ],
};

const badEntry = fc.constantFrom<unknown>(
  null,
  true,
  false,
  {},
  [],
  'abc',
  '1/0',
  '',
  ' ',
  '0x10',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e99999999',
  '1..2',
  '--1',
  '1/2/3',
  '½',
  '1,5',
);

/** Text of a malformed or unphysical matrix file, with what the refusal must mention. */
const badFile: fc.Arbitrary<{ text: string; why: RegExp }> = fc.oneof(
  fc
    .string({ maxLength: 30 })
    .filter((s) => {
      try {
        JSON.parse(s);
        return false;
      } catch {
        return true;
      }
    })
    .map((text) => ({ text, why: /not valid JSON/ })),
  fc.constantFrom('1', '"x"', 'null', '[]', '[[1]]', 'true').map((text) => ({ text, why: /expected an object/ })),
  fc.constantFrom('{}', '{"im": [[0]]}').map((text) => ({ text, why: /missing "re"/ })),
  fc.constantFrom('{"re": [[1]], "x": 1}', '{"Re": [[1]]}').map((text) => ({ text, why: /unexpected key/ })),
  fc
    .constantFrom('{"re": [[1]], "re": [[1]]}', '{"re": [[1]], "im": [[0]], "im": [[0]]}', '{"re": [[1]], "r\\u0065": [[1]]}')
    .map((text) => ({ text, why: /appears twice/ })),
  fc
    .constantFrom('{"re": []}', '{"re": [1]}', '{"re": [[]]}', '{"re": [[1, 0], [0]]}', '{"re": [[1], 0]}')
    .map((text) => ({ text, why: /row|non-empty array/ })),
  fc.constantFrom('{"re": [[1, 0]]}', '{"re": [[0.5], [0.5]]}', '{"re": [[1, 0, 0], [0, 0, 0]]}').map((text) => ({ text, why: /not square/ })),
  fc.constantFrom('{"re": [[1, 0], [0, 0]], "im": [[0]]}').map((text) => ({ text, why: /"im" is 1×1 but "re" is 2×2/ })),
  fc.tuple(badEntry, fc.integer({ min: 0, max: 3 }), fc.boolean()).map(([x, k, inIm]) => {
    const m = JSON.parse(JSON.stringify(GOOD)) as { re: unknown[][]; im: unknown[][] };
    (inIm ? m.im : m.re)[k >> 1][k & 1] = x;
    return { text: JSON.stringify(m), why: /\[[12]\]\[[12]\]/ };
  }),
  fc.constantFrom('{"re": [[1e999, 0], [0, 0]]}', '{"re": [[-1e999, 0], [0, 1]]}').map((text) => ({ text, why: /not finite/ })),
  // unphysical
  fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })).map(([a, b]) => ({
    text: JSON.stringify({
      re: [
        ['1/2', `${a}/10`],
        [`${a + b}/10`, '1/2'],
      ],
    }),
    why: /not Hermitian: entries \(1,2\) and \(2,1\) differ/,
  })),
  fc.integer({ min: 1, max: 99 }).map((a) => ({
    text: JSON.stringify({
      re: [
        ['1/2', '0'],
        ['0', '1/2'],
      ],
      im: [
        [`${a}/100`, '0'],
        ['0', '0'],
      ],
    }),
    why: /diagonal entry \(1,1\) has imaginary part/,
  })),
  fc.integer({ min: 2, max: 9 }).map((k) => ({
    text: JSON.stringify({
      re: [
        [`${k}/2`, '0'],
        ['0', '1/2'],
      ],
    }),
    why: new RegExp(`has trace ${(k + 1) / 2}, not 1`),
  })),
  // traces off by 1e-40, 1e-5000 and −1e-300: the message shows enough digits to see the difference
  fc
    .constantFrom(
      ['0.5' + '0'.repeat(38) + '1', /has trace 1\.0{39}1, not 1 \(off by 1\.000e-40/],
      ['0.5' + '0'.repeat(4998) + '1', /has trace 1 \+ 1\.000e-5000, not 1 \(off by 1\.000e-5000/],
      ['0.4' + '9'.repeat(299), /has trace 1 − 1\.000e-300, not 1 \(off by -1\.000e-300/],
    )
    .map(([x, why]) => ({
      text: JSON.stringify({
        re: [
          ['1/2', '0'],
          ['0', x],
        ],
      }),
      why: why as RegExp,
    })),
  fc.constantFrom<[string, RegExp]>(['1e999', /has trace 1e\+999, not 1/], ['-1e999', /has trace -1e\+999, not 1/]).map(([e, why]) => ({
    text: JSON.stringify({
      re: [
        [e, '0'],
        ['0', '1'],
      ],
    }),
    why,
  })),
  fc.integer({ min: 1, max: 9 }).map((a) => ({
    text: JSON.stringify({
      re: [
        [`${10 + a}/10`, '0'],
        ['0', `${-a}/10`],
      ],
    }),
    why: /not positive semidefinite/,
  })),
  fc.integer({ min: 6, max: 30 }).map((a) => ({
    text: JSON.stringify({
      re: [
        ['1/2', `${a}/10`],
        [`${a}/10`, '1/2'],
      ],
    }),
    why: /not positive semidefinite/,
  })),
  fc.constantFrom('', '\uFEFF', ' ', '\uFEFF\uFEFF{"re": [[1]]}').map((text) => ({ text, why: /not valid JSON/ })),
);

describe('malformed and unphysical matrix files are refused with one line', () => {
  it('coherence and ergotropy refuse every one, naming the problem', async () => {
    await fc.assert(
      fc.asyncProperty(badFile, fc.constantFrom('coherence', 'ergotropy'), async ({ text, why }, cmd) => {
        const argv = [cmd, '--rho', file(text)];
        const r = await run(...argv);
        expectRefused(r, argv, why);
        // a byte-order mark or other invisible character never reaches a message
        expect(r.err).not.toMatch(/[\uFEFF\u200B]/);
      }),
      fcParams('fuzz: bad matrix files', 110),
    );
  });
  it('a missing file, a directory, a file of the wrong dimension', async () => {
    mkdirSync(join(dir, 'adir'));
    const cases: [string[], RegExp][] = [
      [['coherence', '--rho', join(dir, 'nope.json')], /no such file/],
      [['ergotropy', '--rho', join(dir, 'adir')], /is a directory/],
      [
        [
          'ergotropy',
          '--rho',
          file(
            JSON.stringify({
              re: [
                ['1/3', '0', '0'],
                ['0', '1/3', '0'],
                ['0', '0', '1/3'],
              ],
            }),
          ),
        ],
        /3×3|2\^N|qubits/,
      ],
      [
        [
          'steady-state',
          '--qubits',
          '1',
          '--beta',
          '1',
          '--initial',
          file(
            JSON.stringify({
              re: [
                ['1/4', '0', '0', '0'],
                ['0', '1/4', '0', '0'],
                ['0', '0', '1/4', '0'],
                ['0', '0', '0', '1/4'],
              ],
            }),
          ),
        ],
        /1 qubit needs 2×2/,
      ],
      [['coherence', '--rho', file('{"re": [[1]]}'), '--tolerance', '-1'], /--tolerance/],
    ];
    for (const [argv, why] of cases) expectRefused(await run(...argv), argv, why);
  });
});
