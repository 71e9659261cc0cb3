/**
 * lindbladResidual: max|L(ρ)_ij| in float64 on typed arrays must give the bits of
 * maxAbs(applyLindbladian(…)) (the same operations in the same order), for every kind of model
 * and for any matrix, not only states; in other fields it is that expression.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalField } from '../../src/numeric/decimal.js';
import { float64 } from '../../src/numeric/float64.js';
import { maxAbs } from '../../src/numeric/matrix.js';
import { applyLindbladian, collectiveCoupling, individualCoupling, lindbladian, partiallyCollective } from '../../src/physics/lindblad.js';
import { lindbladResidual } from '../../src/physics/lindblad-residual.js';
import { collectiveSteadyState } from '../../src/physics/steady-state.js';
import { fcParams } from '../arbitraries.js';
import { randomDensity, randomMatrix, rng } from './helpers.js';

const F = float64;

describe('lindbladResidual', () => {
  it('refuses a matrix of the wrong dimension, as Lindbladian.apply does', () => {
    const model = collectiveCoupling(F, 2, { omega: 1, beta: 1, gamma0: 1 });
    const rho = randomMatrix(F, 3, rng(1));
    expect(() => lindbladResidual(F, model, rho)).toThrow(/^lindblad: ρ must be 4×4 for N = 2, got 3×3$/);
  });

  it('float64: the same bits as maxAbs(applyLindbladian) — individual, partially collective and collective models, β = 0, finite and ∞, both time scales, any matrix', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom('individual', 'partial', 'collective'),
        fc.constantFrom(0, 0.3, 1, 2.5, Infinity),
        fc.constantFrom(0, 0.4, -1.3),
        fc.constantFrom('physical', 'normalised') as fc.Arbitrary<'physical' | 'normalised'>,
        fc.boolean(),
        fc.constantFrom(0, 0.3, 0.8),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (N, kind, beta, f, timeScale, state, zeroFraction, seed) => {
          if (beta === 0 && timeScale === 'physical') timeScale = 'normalised'; // n̄ diverges on the physical scale
          const o = { omega: 0.7, beta, gamma0: 1.3, timeScale };
          const model =
            kind === 'individual'
              ? individualCoupling(F, N, o)
              : kind === 'partial'
                ? partiallyCollective(F, N, { ...o, mu: 0.6, f })
                : collectiveCoupling(F, N, { ...o, f });
          const d = 2 ** N;
          const rho = state ? randomDensity(F, d, rng(seed)) : randomMatrix(F, d, rng(seed));
          // zero entries (skipped by the float64 loop), some of them −0, some with only one part zero
          const next = rng(seed + 1);
          for (let k = 0; k < d * d; k++) {
            const u = next();
            if (u < zeroFraction) rho.re[k] = next() < 0.5 ? 0 : -0;
            if (u < zeroFraction * 0.8) rho.im[k] = next() < 0.5 ? 0 : -0;
          }
          const expected = maxAbs(F, applyLindbladian(F, model, rho));
          expect(Object.is(lindbladResidual(F, model, rho), expected)).toBe(true);
          // a compiled Lindbladian is taken as it is
          expect(Object.is(lindbladResidual(F, lindbladian(F, model), rho), expected)).toBe(true);
        },
      ),
      fcParams('lindbladResidual float64', 300),
    );
  });

  it('float64, N = 6: the residual of an exact steady state, bit for bit, and at roundoff level', () => {
    const model = collectiveCoupling(F, 6, { omega: 1, beta: 1, gamma0: 1, f: 0.5, timeScale: 'normalised' });
    const rho = collectiveSteadyState(F, model, randomDensity(F, 64, rng(6))).rho;
    const expected = maxAbs(F, applyLindbladian(F, model, rho));
    expect(Object.is(lindbladResidual(F, model, rho), expected)).toBe(true);
    expect(expected).toBeLessThan(1e-13);
  });

  it('decimal: the generic expression itself', () => {
    const D = decimalField(30);
    const model = collectiveCoupling(D, 2, { omega: D.one, beta: D.fromString('0.5'), gamma0: D.one, f: D.fromString('0.25') });
    const rho = randomMatrix(D, 4, rng(3));
    expect(lindbladResidual(D, model, rho).eq(maxAbs(D, applyLindbladian(D, model, rho)))).toBe(true);
  });
});
