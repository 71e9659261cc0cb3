/**
 * Property-based checks of Sec. IV A against the numeric layer (fast-check; every draw seeded).
 * Tolerances: float64 ergotropies carry their certified errorBound; the closed forms are evaluated
 * in float64 (a few ulps), so 1e-12 absolute covers both.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { float64 } from '../../src/numeric/float64.js';
import { decimalField } from '../../src/numeric/decimal.js';
import { eigh } from '../../src/numeric/eigh.js';
import { ergotropy } from '../../src/physics/ergotropy.js';
import { l1Coherence } from '../../src/physics/coherence.js';
import { twoQubitCollectiveSteadyState } from '../../src/physics/states.js';
import { h0 } from '../../src/physics/qubits.js';

const TOL = 1e-12;
const params = fc.record({
  c: fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true }),
  beta: fc.double({ min: 0, max: 12, noNaN: true, noDefaultInfinity: true }),
  omega: fc.double({ min: 0.25, max: 4, noNaN: true, noDefaultInfinity: true }),
});
const RUNS = { numRuns: 200, seed: 20220513 };

function measure(c: number, beta: number, omega: number) {
  const rho = twoQubitCollectiveSteadyState(float64, { c, beta, omega });
  const W = ergotropy(float64, rho, h0(float64, 2, omega));
  return { rho, W: W.ergotropy, bound: W.errorBound, C: l1Coherence(float64, rho) };
}

describe('two-qubit steady states of Eq. (7), fuzzed', () => {
  it('the closed form for all (c, β): W = ω·max(0, 1 − c − c/Z₊, cy²/Z₊ − (1 − c))', () => {
    fc.assert(
      fc.property(params, ({ c, beta, omega }) => {
        const y = Math.exp(-beta * omega);
        const Zp = 1 + y + y * y;
        const closed = omega * Math.max(0, 1 - c - c / Zp, (c * y * y) / Zp - (1 - c));
        const m = measure(c, beta, omega);
        expect(Math.abs(m.W - closed)).toBeLessThanOrEqual(m.bound + TOL * omega);
      }),
      RUNS,
    );
  });

  it('W ≤ ω·C_l1 (proven in the claims; here against the numeric layer)', () => {
    fc.assert(
      fc.property(params, ({ c, beta, omega }) => {
        const m = measure(c, beta, omega);
        expect(m.W).toBeLessThanOrEqual(omega * m.C + m.bound + TOL * omega);
      }),
      RUNS,
    );
  });

  it('the high-temperature identity W/ω = C_l1 is approached linearly: |W/ω − C_l1| ≤ c(1 − e^{−βω}) ≤ βω', () => {
    fc.assert(
      fc.property(params, fc.double({ min: 0, max: 0.05, noNaN: true, noDefaultInfinity: true }), ({ c, omega }, beta) => {
        const m = measure(c, beta, omega);
        const gap = Math.abs(m.W / omega - m.C);
        expect(gap).toBeLessThanOrEqual(c * -Math.expm1(-beta * omega) + m.bound / omega + TOL);
        expect(gap).toBeLessThanOrEqual(beta * omega + TOL);
      }),
      RUNS,
    );
  });

  it('Eq. (8) against the numeric C_l1', () => {
    fc.assert(
      fc.property(params, ({ c, beta, omega }) => {
        const m = measure(c, beta, omega);
        expect(Math.abs(m.C - Math.abs(-1 + c + c / (1 + 2 * Math.cosh(beta * omega))))).toBeLessThanOrEqual(TOL);
      }),
      RUNS,
    );
  });

  it('Appendix A orderings (with the 1/ω of (A2), (A3), and added to (A1)) against sorting the eigenvalues', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5001, max: 0.9999, noNaN: true, noDefaultInfinity: true }),
        fc.double({ min: 0, max: 6, noNaN: true, noDefaultInfinity: true }),
        fc.double({ min: 0.25, max: 4, noNaN: true, noDefaultInfinity: true }),
        (c, beta, omega) => {
          const ev = eigh(float64, twoQubitCollectiveSteadyState(float64, { c, beta, omega })).values;
          const y = Math.exp(-beta * omega);
          const Zp = 1 + y + y * y;
          const lam = [c / Zp, (c * y) / Zp, (c * y * y) / Zp];
          const a1 =
            c <= 0.75 ? beta > Math.log((Math.sqrt((-7 * c * c + 10 * c - 3) / (2 * c - 1) ** 2) * (2 * c - 1) - c + 1) / (2 * (2 * c - 1))) / omega : true;
          const a2 = c > 0.75 && beta < Math.log((Math.sqrt((4 * c - 3) / (c - 1) ** 2) * (c - 1) - 2 * c + 1) / (2 * (c - 1))) / omega;
          const a3 = c > 0.75 && beta < Math.log(0.5 * (Math.sqrt((3 - 7 * c) / (c - 1)) - 1)) / omega;
          const conditions = [a1, a2, a3];
          lam.forEach((l, k) => {
            // skip points within float64 noise of a threshold
            if (Math.abs(1 - c - l) < 1e-9) return;
            expect(1 - c < l, `eigenvalue ${k + 2}`).toBe(conditions[k]);
          });
          // the spectrum is that of Eq. (9)
          const sorted = [1 - c, ...lam].sort((a, b) => a - b);
          sorted.forEach((v, k) => expect(Math.abs(v - ev[k])).toBeLessThan(1e-13));
        },
      ),
      RUNS,
    );
  });

  it('float64 and 50-digit ergotropies of Eq. (7) agree to 1e-12', () => {
    const D = decimalField(50);
    fc.assert(
      fc.property(params, ({ c, beta, omega }) => {
        const m = measure(c, beta, omega);
        const r = ergotropy(
          D,
          twoQubitCollectiveSteadyState(D, { c: D.fromNumber(c), beta: D.fromNumber(beta), omega: D.fromNumber(omega) }),
          h0(D, 2, D.fromNumber(omega)),
        );
        expect(Math.abs(m.W - r.ergotropy.toNumber())).toBeLessThanOrEqual(TOL * Math.max(1, omega));
      }),
      { numRuns: 25, seed: 20220513 },
    );
  });
});
