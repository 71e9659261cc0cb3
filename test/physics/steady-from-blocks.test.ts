/** collectiveSteadyStateFromBlocks: what it refuses, and the symmetric family alone (50 digits). */
import { describe, expect, it } from 'vitest';
import { decimalField } from '../../src/numeric/decimal.js';
import type { AnalyticField } from '../../src/numeric/field.js';
import type { CMatrix } from '../../src/numeric/matrix.js';
import { collectiveCoupling } from '../../src/physics/lindblad.js';
import { collectiveSteadyStateFromBlocks } from '../../src/physics/steady-from-blocks.js';

const D = decimalField(50);
type Dec = (typeof D)['zero'];

function model<T>(F: AnalyticField<T>, N: number, beta: string, omega: string) {
  return collectiveCoupling(F, N, { omega: F.fromString(omega), beta: F.fromString(beta), gamma0: F.one, f: F.fromString('0.3'), timeScale: 'normalised' });
}

describe('collectiveSteadyStateFromBlocks refuses malformed blocks', () => {
  const m = model(D, 3, '1', '1');
  const one = (n: number, v = D.one): CMatrix<Dec> => {
    const M = { rows: n, cols: n, re: new Array<Dec>(n * n).fill(D.zero), im: new Array<Dec>(n * n).fill(D.zero) };
    for (let a = 0; a < n; a++) M.re[a * n + a] = v;
    return M;
  };
  it.each([
    ['a 2j of the wrong parity', [{ twoJ: 2, M: one(1) }], /twoJ must be an integer in \[0, 3\] with the parity of N = 3, got 2/],
    ['a 2j above N', [{ twoJ: 5, M: one(1) }], /twoJ must be an integer in \[0, 3\]/],
    ['a block of the wrong size', [{ twoJ: 1, M: one(1) }], /M for twoJ = 1 must be 2×2/],
    [
      'two blocks for one spin',
      [
        { twoJ: 3, M: one(1) },
        { twoJ: 3, M: one(1) },
      ],
      /two blocks for twoJ = 3/,
    ],
    ['a total trace ≠ 1', [{ twoJ: 3, M: one(1, D.fromString('0.5')) }], /Σ_j Tr M_j = 0.5, not 1/],
  ])('%s', (_what, blocks, message) => {
    expect(() => collectiveSteadyStateFromBlocks(D, m, blocks as never)).toThrow(message);
  });
  it('a non-Hermitian block', () => {
    const M = one(2, D.fromString('0.5'));
    M.re[1] = D.fromString('0.1');
    expect(() => collectiveSteadyStateFromBlocks(D, m, [{ twoJ: 1, M }])).toThrow(/not Hermitian/);
  });
  it('from the symmetric family alone, ρ_ss is the Dicke mixture', () => {
    // M_{3/2} = 1: ρ_ss = Σ_k w_k |D_k⟩⟨D_k|, every entry of sector k equal to w_k / C(3, k)
    const ss = collectiveSteadyStateFromBlocks(D, m, [{ twoJ: 3, M: one(1) }]);
    const r = D.exp(D.neg(D.one));
    const z = D.add(D.add(D.one, r), D.add(D.mul(r, r), D.mul(D.mul(r, r), r)));
    const w1 = D.div(r, z); // the weight of one excitation
    const sector1 = [3, 5, 6]; // one excitation: two index bits 1 (ground), one 0 (excited)
    for (const a of sector1) for (const b of sector1) expect(D.toNumber(D.abs(D.sub(ss.rho.re[a * 8 + b], D.div(w1, D.fromNumber(3)))))).toBeLessThan(1e-48);
  });
});
