/** The all-ground, all-excited and thermal initial states through their spin blocks, against the dense ρ0 (50 digits). */
import { describe, expect, it } from 'vitest';
import { decimalField } from '../../src/numeric/decimal.js';
import type { AnalyticField } from '../../src/numeric/field.js';
import type { CMatrix } from '../../src/numeric/matrix.js';
import { collectiveCoupling } from '../../src/physics/lindblad.js';
import { collectiveSteadyState } from '../../src/physics/steady-state.js';
import { collectiveSteadyStateFromBlocks } from '../../src/physics/steady-from-blocks.js';
import { namedInitialBlocks } from '../../src/physics/named-initial-blocks.js';
import { steadyStateSummary } from '../../src/physics/steady-summary.js';
import { ergotropy } from '../../src/physics/ergotropy.js';
import { l1Coherence } from '../../src/physics/coherence.js';
import { gibbsState } from '../../src/physics/states.js';
import { h0 } from '../../src/physics/qubits.js';

const D = decimalField(50);
type Dec = (typeof D)['zero'];

function model<T>(F: AnalyticField<T>, N: number, beta: string, omega: string) {
  return collectiveCoupling(F, N, { omega: F.fromString(omega), beta: F.fromString(beta), gamma0: F.one, f: F.fromString('0.3'), timeScale: 'normalised' });
}

describe('the named initial states through their spin blocks', () => {
  it.each([
    [3, '0.6', '1.4'],
    [5, '0', '0.9'],
  ])('ground, excited and thermal, N = %i, β = %s, ω = %s: the same as the dense ρ0, and ρ_ss too', (N, beta, omega) => {
    const m = model(D, N, beta, omega);
    const d = 2 ** N;
    const dense = (k: number): CMatrix<Dec> => {
      const rho = { rows: d, cols: d, re: new Array<Dec>(d * d).fill(D.zero), im: new Array<Dec>(d * d).fill(D.zero) };
      rho.re[k * d + k] = D.one;
      return rho;
    };
    const r = D.exp(D.neg(D.mul(m.beta, m.omega)));
    const initial: ['ground' | 'excited' | 'thermal', CMatrix<Dec>][] = [
      ['ground', dense(d - 1)],
      ['excited', dense(0)],
      ['thermal', gibbsState(D, N, { beta: m.beta, omega: m.omega })],
    ];
    for (const [kind, rho0] of initial) {
      const fromBlocks = collectiveSteadyStateFromBlocks(D, m, namedInitialBlocks(D, N, kind, r));
      const ref = collectiveSteadyState(D, m, rho0);
      let worst = D.zero;
      for (let q = 0; q < d * d; q++) {
        const e = D.abs(D.sub(fromBlocks.rho.re[q], ref.rho.re[q]));
        if (D.cmp(e, worst) > 0) worst = e;
      }
      expect(D.cmp(worst, D.fromString('1e-48'))).toBeLessThan(0);
      const a = steadyStateSummary(D, fromBlocks, m);
      const b = ergotropy(D, ref.rho, h0(D, N, m.omega));
      expect(D.cmp(D.abs(D.sub(a.ergotropy, b.ergotropy)), D.add(a.errorBound, b.errorBound))).toBeLessThanOrEqual(0);
      expect(D.cmp(D.abs(D.sub(a.l1, l1Coherence(D, ref.rho))), D.fromString('1e-47'))).toBeLessThan(0);
    }
  });
});
