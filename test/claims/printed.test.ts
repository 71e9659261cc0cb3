/**
 * The readers that take what a claim compares from its printed TeX, and the TeX mutants made for
 * the mutation tests: each reader on the paper's own statements, with the values read off the
 * paper by hand, and the refusals first.
 */
import { describe, expect, it } from 'vitest';
import { CLAIMS } from '../../proofs/index.js';
import { EQ11_TEX, EQ12_TEX, readThreshold, A1_SPEC, A2_SPEC, A3_SPEC } from '../../proofs/appendix-a.js';
import { EQ8_TEX, EQ9_TEX, Z_DEFINITIONS, eq9Printed } from '../../proofs/sec4a-two-qubits.js';
import { EQ15_LIMITS_TEX, EQ16_TEX } from '../../proofs/sec4b-scaling.js';
import { intervalOf, printedBranches, printedForms, printedLimits, printedRelation } from '../../src/claims/printed.js';
import { texMutants, texOf } from '../../src/claims/mutate.js';
import { astToString, parse } from '../../src/symbolic/expr.js';
import { parseTeX } from '../../src/symbolic/tex-parse.js';
import { sameFormula } from '../symbolic/tex-audit.js';

const same = (a: string, b: string) => sameFormula(parse(a), parse(b)) === 'identical';

describe('the readers: what they refuse', () => {
  it('a form the statement does not print', () => {
    expect(() => printedForms(EQ8_TEX, { forms: [2] })).toThrow(/has no form 3 \(it has 2\)/);
  });
  it('cases where there are none, and a condition that does not bound the variable', () => {
    expect(() => printedBranches(EQ8_TEX, {}, 'c', { lo: '0', hi: '1' })).toThrow(/prints no cases/);
    expect(() => intervalOf([{ left: parse('beta'), op: '<', right: parse('1') }], 'c', { lo: '0', hi: '1' }, 'x')).toThrow(/does not bound c/);
    expect(() => intervalOf([{ left: parse('c'), op: '<', right: parse('y') }], 'c', { lo: '0', hi: '1' }, 'x')).toThrow(/is not a number/);
  });
  it('a statement that is not one relation', () => {
    expect(() => printedRelation(EQ8_TEX)).toThrow(/is not one relation|is not an \(in\)equality/);
  });
});

describe('the readers on the paper', () => {
  it('Eq. (8): both forms, with the printed Z and Z₊ substituted', () => {
    const [a, b] = printedForms(EQ8_TEX, { definitions: Z_DEFINITIONS });
    expect(same(a, 'abs(c*(1 + 2*exp(-omega*beta) + exp(-2*omega*beta))/(1 + exp(-omega*beta) + exp(-2*omega*beta)) - 1)')).toBe(true);
    expect(same(b, 'abs(-1 + c + c/(1 + 2*cosh(beta*omega)))')).toBe(true);
  });
  it('Eq. (11) and (12): the cases with their printed intervals', () => {
    const eq11 = printedBranches(EQ11_TEX, { quantity: 'W' }, 'c', { lo: '0', hi: '1' });
    expect(eq11.map((b) => [b.lo, b.hi, b.ends])).toEqual([
      ['0', '1/2', '[)'],
      ['1/2', '1', '[]'],
    ]);
    expect(same(eq11[0].formula, 'omega*(1 - 2*c)') && same(eq11[1].formula, '0')).toBe(true);
    const eq12 = printedBranches(EQ12_TEX, {}, 'c', { lo: '0', hi: '1' });
    expect(eq12.map((b) => [b.lo, b.hi, b.ends])).toEqual([
      ['0', '3/4', '[)'],
      ['3/4', '3/4', '[]'],
      ['3/4', '1', '(]'],
    ]);
  });
  it('Eq. (16) at N = 3: the closed form, N substituted', () => {
    const [closed] = printedForms(EQ16_TEX, { forms: [1] }, { N: 3 });
    expect(same(closed, 'omega*(3 + (3 + r)/(r^4 - 1) + r/(1 - r))')).toBe(true);
  });
  it('Eq. (9): eigenvalues, eigenvectors and their printed normalisation', () => {
    const r = eq9Printed(EQ9_TEX);
    expect(r.values).toHaveLength(4);
    expect(r.vectors.map((v) => v.entries)).toEqual([
      [0, -1, 1, 0],
      [0, 0, 0, 1],
      [0, 1, 1, 0],
      [1, 0, 0, 0],
    ]);
    expect(r.vectors.every((v) => v.normSquared?.num === 1n && v.normSquared.den === 1n)).toBe(true);
  });
  it('(A1)–(A3): compared eigenvalues, threshold, direction, c range and the other bounds on β', () => {
    const a1 = readThreshold(A1_SPEC.printed);
    expect([a1.op, a1.side, a1.cLo, a1.cHi, a1.betaBounds]).toEqual(['<', 'below', '1/2', '3/4', []]);
    expect(a1.threshold).toMatch(/^log\(/);
    const a2 = readThreshold(A2_SPEC.printed);
    expect([a2.side, a2.cLo, a2.cHi, a2.betaBounds]).toEqual(['above', '3/4', '1', ['beta >= 0']]);
    expect(a2.threshold).toMatch(/\/omega$/);
    expect(readThreshold(A3_SPEC.printed).side).toBe('above');
  });
  it('the limits after Eq. (15) at N = 4, and the printed order of the blocks', () => {
    const l = printedLimits(EQ15_LIMITS_TEX, { N: 4 });
    expect(l.map((x) => [x.variable, astToString(x.at), x.quantity])).toEqual([
      ['r', '0', 'C_l1'],
      ['r', '1', 'C_l1'],
    ]);
    expect(same(astToString(l[1].value), '(16 - 4 - 1)/(4 + 1)')).toBe(true);
    expect(printedRelation('p_k d_k > p_{k+1} d_{k+1}')).toBe('>');
  });
});

describe('TeX mutants', () => {
  const strip = (src: string) => JSON.stringify(parseTeX(src).body, (k, v) => (k === 'col' ? undefined : typeof v === 'bigint' ? String(v) : v));
  it.each(CLAIMS.map((c) => [c.id, c.printed] as const))('the TeX writer round-trips %s', (_id, tex) => {
    expect(strip(texOf(tex))).toBe(strip(tex));
  });
  it('each kind of misprint, once per site', () => {
    const kinds = (tex: string) => [...new Set(texMutants(tex).map((m) => m.kind))].sort();
    expect(kinds(EQ12_TEX)).toEqual(['case-bound', 'constant', 'dropped-factor', 'inequality', 'sign', 'swapped-cases']);
    expect(kinds('\\frac{c}{1 + 2 \\cosh(\\beta\\omega)} + e^{-2\\beta}')).toEqual(['constant', 'cosh-sinh', 'dropped-factor', 'exponent', 'sign']);
    const ms = texMutants('C_{l_1} = 2 c');
    expect(ms.map((m) => m.change)).toEqual(['dropped 2', 'dropped c', '2 → 3']);
    // the subscript of C_{l_1} is a name, not a constant: never mutated
    expect(ms.every((m) => m.tex.includes('C_{l_{1}}'))).toBe(true);
  });
});
