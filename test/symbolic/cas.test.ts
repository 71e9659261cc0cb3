import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { decimalField } from '../../src/numeric/decimal.js';
import { casCall, casEvaluate, casExpand, casReservedNames, casStoredExpressions, casTimeout, casVersion } from '../../src/symbolic/cas.js';
import { parse, toNerdamer } from '../../src/symbolic/expr.js';
import { runNode } from '../support/spawn.js';

/** Run an ES module snippet in a fresh Node process from the project root (a clean module graph). */
async function node(code: string): Promise<string> {
  const r = await runNode(['--input-type=module', '-e', code]);
  if (r.status !== 0) throw new Error(`node -e failed (${r.status ?? r.signal}): ${r.stderr}`);
  return r.stdout.trim();
}

describe('CAS pitfall: which entry is imported', () => {
  it('Node ESM resolves nerdamer-prime to its bundled ESM entry', async () => {
    expect(await node("console.log(import.meta.resolve('nerdamer-prime'))")).toMatch(/nerdamer-prime\/all\.esm\.min\.mjs$/);
  });
  it("the CommonJS entry would set decimal.js's shared global precision to 250 (why we never load it)", async () => {
    const out = await node(
      "import { createRequire } from 'node:module'; const require = createRequire(process.cwd() + '/'); const D = require('decimal.js'); const before = D.precision; require('nerdamer-prime'); console.log(before + ' ' + D.precision)",
    );
    expect(out).toBe('20 250');
  });
  it("importing the symbolic layer leaves decimal.js's global precision alone (fresh process, built dist/)", async () => {
    const out = await node(
      "import { Decimal } from 'decimal.js'; const before = Decimal.precision; await import('./dist/src/symbolic/index.js'); console.log(before + ' ' + Decimal.precision)",
    );
    expect(out).toBe('20 20');
  });
});

describe('CAS pitfall: our decimal fields are unaffected', () => {
  it('decimal.js global precision is still the default here, after the CAS was loaded and used', () => {
    expect(casEvaluate('exp(1)', {}).ok).toBe(true);
    expect(Decimal.precision).toBe(20);
  });
  it('decimalField(50) computes to 50 digits after importing and using the CAS', () => {
    casExpand('(x + 1)^5');
    const D = decimalField(50);
    // 1/7 and √2 to exactly 50 significant digits (independent: BigInt long division / integer sqrt).
    expect(D.toString(D.div(D.one, D.fromNumber(7)))).toBe('0.14285714285714285714285714285714285714285714285714');
    const sqrt2 = D.toString(D.sqrt(D.fromNumber(2)));
    const isqrt = (n: bigint): bigint => {
      let x = n;
      let y = (x + 1n) / 2n;
      while (y < x) [x, y] = [y, (y + n / y) / 2n];
      return x;
    };
    const digits = isqrt(2n * 10n ** 100n).toString(); // floor(√2 · 10^50), 51 digits
    const rounded = (BigInt(digits.slice(0, 50)) + (Number(digits[50]) >= 5 ? 1n : 0n)).toString();
    expect(sqrt2.replace('.', '')).toBe(rounded);
    expect(D.Decimal.precision).toBe(50);
  });
});

describe('CAS pitfall: timeouts are inconclusive, never a pass', () => {
  it('a tiny TIMEOUT aborts a big expansion mid-computation: typed timeout result', () => {
    const r = casCall((cas) => cas('expand((a+b+c+d+1)^30)').toString(), { timeoutMs: 1 });
    expect(r).toEqual({ ok: false, reason: 'timeout', message: 'timeout' });
  });
  it('the TIMEOUT setting is restored and the CAS works normally afterwards', () => {
    casCall((cas) => cas('expand((a+b+c+d+1)^30)').toString(), { timeoutMs: 1 });
    expect(casTimeout()).toBe(800);
    const r = casExpand('(x + 1)^2');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.replace(/\s/g, '')).toMatch(/^(x\^2\+2\*x\+1|1\+2\*x\+x\^2|2\*x\+x\^2\+1|x\^2\+1\+2\*x)$/);
  });
  it('errors other than a timeout are typed as errors', () => {
    expect(casCall((cas) => cas('(x +').toString())).toMatchObject({ ok: false, reason: 'error' });
    expect(
      casCall(() => {
        throw new Error('boom');
      }),
    ).toEqual({ ok: false, reason: 'error', message: 'boom' });
  });
  it('refuses a nonsensical timeout', () => {
    expect(() => casCall(() => 1, { timeoutMs: -1 })).toThrow(/timeoutMs must be a non-negative number/);
  });
});

describe('CAS pitfall: no state leaks between calls', () => {
  it('no expression stays stored after a call (flush and clear)', () => {
    casExpand('(x + 2)^3');
    casEvaluate('x^2', { x: '3' });
    expect(casStoredExpressions()).toBe(0);
  });
  it('a value passed to one call is not seen by the next (no setVar)', () => {
    expect(casEvaluate('x + 1', { x: '41' })).toEqual({ ok: true, value: expect.stringMatching(/^42(\.0*)?$/) });
    const r = casCall((cas) => cas('x + 1').toString());
    expect(r).toEqual({ ok: true, value: expect.stringMatching(/^(x\+1|1\+x)$/) });
  });
  it('a failed call leaves no stored expression either', () => {
    casCall((cas) => cas('expand((a+b+c+d+1)^30)').toString(), { timeoutMs: 1 });
    expect(casStoredExpressions()).toBe(0);
  });
});

describe('CAS names and numeric behaviour', () => {
  it('reserves e, i, pi and its own function names', () => {
    const r = casReservedNames();
    for (const n of ['e', 'i', 'pi', 'exp', 'log', 'gamma', 'min']) expect(r.has(n), n).toBe(true);
    for (const n of ['c', 'beta', 'omega', 'r', 'y', 'nbar', 'N', 'k']) expect(r.has(n), n).toBe(false);
  });
  it('reports its core version', () => {
    expect(casVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });
  it('evaluates transcendental functions in float64 only, whatever the digits requested (observed; why it is no reference)', () => {
    const r = casEvaluate('exp(1)', {}, { digits: 40 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const e40 = new (decimalField(45).Decimal)(1).exp().toSignificantDigits(40).toString();
    expect(r.value.slice(0, 17)).toBe(e40.slice(0, 17)); // 2.718281828459045: float64-accurate
    expect(r.value).not.toBe(e40); // but the further digits are not e's
  });
  it('prints our ASTs in a form it reads back (numbers as exact fractions)', () => {
    const src = toNerdamer(parse('0.125*c + x^-2'));
    expect(src).toBe('1/8*c + x^(-2)');
    expect(casEvaluate(src, { c: '8', x: '1/2' })).toEqual({ ok: true, value: expect.stringMatching(/^5(\.0*)?$/) });
  });
});
