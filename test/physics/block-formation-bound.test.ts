/**
 * The a-priori bound on forming the spin blocks M_j of ρ0 (block-formation-bound.ts): the basis
 * error found against the closed form is of the order of the roundoff (so the closed form and
 * spinBasis agree in order and phase), and ‖M̂_j − M_j‖_F stays below the bound for exact rational
 * ρ0 rounded into 20–30 digits and float64, M_j taken at 80 digits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalField } from '../../src/numeric/decimal.js';
import { float64 } from '../../src/numeric/float64.js';
import type { Field } from '../../src/numeric/field.js';
import { blockFormationBounds, spinBasisErrors } from '../../src/physics/block-formation-bound.js';
import { rationalToField } from '../../src/physics/density.js';
import { multiplicityBlocks } from '../../src/physics/multiplicity-blocks.js';
import { spinBasis } from '../../src/physics/spin-basis.js';
import { fcParams } from '../arbitraries.js';
import { buildExact, stateArb } from './exact-states.js';

const D80 = decimalField(80);

describe('spinBasisErrors', () => {
  it.each([
    ['float64', float64],
    ['decimal(40)', decimalField(40)],
  ] as [string, Field<unknown>][])('%s, N = 1 … 6: every ε_d is a few hundred units of roundoff at most', (_name, F) => {
    for (let N = 1; N <= 6; N++) {
      for (const fam of spinBasisErrors(F, N)) {
        for (const e of fam.error) expect(F.toNumber(e) / F.toNumber(F.epsilon)).toBeLessThan(400);
        // ‖V_d‖_F² = n_j exactly (orthonormal rows), with the 10% margin
        fam.normSquared.forEach((n2) => expect(F.toNumber(n2)).toBeGreaterThan(0.99));
      }
    }
  });
});

describe('blockFormationBounds', () => {
  it('‖M̂_j − M_j‖_F ≤ bound for exact ρ0 rounded into the working field (N = 2 … 4)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 20, max: 30 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 2 ** 30 }),
        (N, digits, useFloat, seed) => {
          const spec = fc.sample(stateArb(2 ** N), { seed, numRuns: 1 })[0];
          const Q = buildExact(spec);
          const F = (useFloat ? float64 : decimalField(digits)) as Field<unknown>;
          const rho = rationalToField(F, Q);
          const computed = multiplicityBlocks(F, spinBasis(F, N), rho, true);
          const truth = multiplicityBlocks(D80, spinBasis(D80, N), rationalToField(D80, Q), true);
          const bounds = blockFormationBounds(F, N, rho, F.epsilon);
          computed.forEach((m, i) => {
            let f2 = D80.zero;
            for (let k = 0; k < m.M.re.length; k++) {
              const dr = D80.sub(D80.fromString(F.toString(m.M.re[k], 40)), truth[i].M.re[k]);
              const di = D80.sub(D80.fromString(F.toString(m.M.im[k], 40)), truth[i].M.im[k]);
              f2 = D80.add(f2, D80.add(D80.mul(dr, dr), D80.mul(di, di)));
            }
            expect(Number(D80.sqrt(f2))).toBeLessThanOrEqual(F.toNumber(bounds[i]));
          });
        },
      ),
      fcParams('block-formation-bound', 40),
    );
  });
});
