import { describe, expect, it } from 'vitest';
import { limitAt, limitAtInfinity } from '../../src/symbolic/limit.js';
import { fromAst, identical, rfConst, type RatFunc } from '../../src/symbolic/ratfunc.js';

const rf = (s: string): RatFunc => {
  const r = fromAst(s);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('limitAt', () => {
  it('removable singularity: (x^2 − 1)/(x − 1) → 2 at x = 1', () => {
    const l = limitAt(rf('(x^2 - 1)/(x - 1)'), 'x', 1);
    expect(l.kind).toBe('finite');
    if (l.kind === 'finite') expect(identical(l.value, rfConst(2)).identical).toBe(true);
  });
  it('higher-order zero of the numerator gives 0; a pole is reported with its order', () => {
    const z = limitAt(rf('(x - 1)^3/(x^2 - 1)'), 'x', 1);
    expect(z.kind === 'finite' && identical(z.value, rfConst(0)).identical).toBe(true);
    const p = limitAt(rf('x/(x - 1)^2'), 'x', 1);
    expect(p).toMatchObject({ kind: 'pole', order: 2 });
  });
  it('Eq. (16) at N = 3 has cancelling poles at r = 1: ωN(N − 1)/(2(N + 1)) = 3ω/4', () => {
    const l = limitAt(rf('omega*(3 + (3 + y)/(y^4 - 1) + y/(1 - y))'), 'y', 1);
    expect(l.kind === 'finite' && identical(l.value, rf('3*omega/4')).identical).toBe(true);
  });
  it('other variables stay symbolic; rational points work', () => {
    const l = limitAt(rf('(x^2 - a^2)/(x - a)'), 'x', { num: 1n, den: 2n });
    expect(l.kind === 'finite' && identical(l.value, rf('(1/4 - a^2)/(1/2 - a)')).identical).toBe(true);
  });
});

describe('limitAtInfinity', () => {
  it('compares leading coefficients', () => {
    const a = limitAtInfinity(rf('(n - 1)/(2*(n + 1))'), 'n');
    expect(a.kind === 'finite' && identical(a.value, rf('1/2')).identical).toBe(true);
    expect(limitAtInfinity(rf('n^2/(n + 1)'), 'n')).toMatchObject({ kind: 'pole', order: 1 });
    const z = limitAtInfinity(rf('1/n'), 'n', -1);
    expect(z.kind === 'finite' && identical(z.value, rfConst(0)).identical).toBe(true);
  });
});
