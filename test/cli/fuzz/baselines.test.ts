/**
 * Fuzz: `verify --baseline FILE`. A file that is not a report.json of ergocheck — not JSON, a
 * schema violation, a deviation that is not a number, a claim id given twice — is a one-line
 * refusal before anything is checked; a valid baseline (also with a byte-order mark) is compared.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fcParams } from '../../arbitraries.js';
import { expectOk, expectRefused, run, scratch } from './harness.js';

const dir = scratch('baseline');
const ONLY = ['--only', 'eq10-c-below-half', '--fig3', '0', '--format', 'json', '--quiet'];
let good: { claims: Record<string, unknown>[] } & Record<string, unknown>;
let n = 0;
const write = (text: string): string => {
  const p = join(dir, `b${n++}.json`);
  writeFileSync(p, text);
  return p;
};

beforeAll(async () => {
  expectOk(await run('verify', ...ONLY, '--out', join(dir, 'base')), ONLY);
  good = JSON.parse(readFileSync(join(dir, 'base', 'report.json'), 'utf8'));
});

/** A deep copy of the good report, edited. */
const edited = (edit: (r: typeof good) => void): string => {
  const r = JSON.parse(JSON.stringify(good)) as typeof good;
  edit(r);
  return JSON.stringify(r);
};

const notANumber = fc.oneof(
  fc.constantFrom('abc', '', ' ', '1e', '--1', '1.2.3', '0x10', 'inf', '1/2', '1,5', '١'),
  fc.string({ maxLength: 8 }).filter((s) => !/^-?((\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?|Infinity)$|^NaN$/i.test(s)),
);

const badBaseline: fc.Arbitrary<{ text: () => string; why: RegExp }> = fc.oneof(
  notANumber.map((v) => ({
    text: () => edited((r) => ((r.claims[0].evidence as Record<string, unknown>).maxDeviation = v)),
    why: /maxDeviation must be a decimal number/,
  })),
  notANumber.map((v) => ({
    text: () =>
      edited((r) => {
        const checks = (r.claims[0].evidence as { checks: Record<string, unknown>[] }).checks;
        checks[checks.length - 1].maxDeviation = v;
      }),
    why: /checks\/\d+\/maxDeviation must be a decimal number/,
  })),
  fc.constant({ text: () => edited((r) => r.claims.push(r.claims[0])), why: /claim id "eq10-c-below-half" appears twice/ }),
  fc.constantFrom('tool', 'parameters', 'summary', 'claims').map((k) => ({ text: () => edited((r) => delete r[k]), why: /required property|must have/ })),
  fc
    .constantFrom<[string, unknown]>(['verdict', 'ok'], ['verdict', 7], ['id', ''], ['id', 'Has Spaces'], ['evidence', null], ['printed', 5])
    .map(([k, v]) => ({ text: () => edited((r) => (r.claims[0][k] = v)), why: /claims\/0/ })),
  fc
    .constantFrom<[string, unknown]>(['precision', 'fifty'], ['precision', 0], ['seed', -1], ['startedAt', 'yesterday'])
    .map(([k, v]) => ({ text: () => edited((r) => ((r.parameters as Record<string, unknown>)[k] = v)), why: /parameters/ })),
  fc
    .constantFrom('', '{', 'null', '[]', '"report"', '{"tool": "ergocheck"}', '\uFEFF')
    .map((t) => ({ text: () => t, why: /not JSON|not an ergocheck report/ })),
  fc
    .string({ maxLength: 20 })
    .filter((s) => {
      try {
        JSON.parse(s);
        return false;
      } catch {
        return true;
      }
    })
    .map((t) => ({ text: () => t, why: /is not JSON/ })),
);

describe('bad baselines are refused with one line, before anything is checked', () => {
  it('random malformed report.json files', async () => {
    await fc.assert(
      fc.asyncProperty(badBaseline, async ({ text, why }) => {
        const argv = ['verify', ...ONLY, '--out', join(dir, `r${n}`), '--baseline', write(text())];
        expectRefused(await run(...argv), argv, why);
      }),
      fcParams('fuzz: bad baselines', 70),
    );
  });
  it('a missing file and a directory', async () => {
    mkdirSync(join(dir, 'adir'));
    for (const [f, why] of [
      [join(dir, 'nope.json'), /no such file/],
      [join(dir, 'adir'), /is a directory/],
    ] as const) {
      const argv = ['verify', ...ONLY, '--out', join(dir, 'rx'), '--baseline', f];
      expectRefused(await run(...argv), argv, why);
    }
  });
});

describe('valid baselines are compared', () => {
  it('the run’s own report.json, also with a byte-order mark: no changes, exit 0', async () => {
    for (const [k, text] of [JSON.stringify(good), '\uFEFF' + JSON.stringify(good, null, 2)].entries()) {
      const argv = ['verify', ...ONLY, '--out', join(dir, `same${k}`), '--baseline', write(text)];
      const r = await run(...argv);
      expectOk(r, argv);
      expect(r.out).toMatch(/baseline .*: no changes/);
    }
  });
  it('deviations written as "-0", "1e-999999" or "0.0" are numbers: compared, no change (exit 0)', async () => {
    for (const v of ['-0', '1e-999999', '0.0']) {
      const argv = [
        'verify',
        ...ONLY,
        '--out',
        join(dir, `dev${n}`),
        '--baseline',
        write(edited((r) => ((r.claims[0].evidence as Record<string, unknown>).maxDeviation = v))),
      ];
      const r = await run(...argv);
      expectOk(r, argv);
      expect(r.out).toMatch(/baseline .*: no changes/);
    }
  });
});
