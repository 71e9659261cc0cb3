/**
 * fromKernel (fixed-point values into the decimal field, scaled back) against the decimal route it
 * replaces, D.scale2(D.fromString(K.toString(x, K.digits)), scaleExp): the same digits, −0 and all,
 * on seeded values and on exact ties at D's precision and K's digits. (A double rounding through
 * K's working digits would need 20 chosen digits beyond K.digits, past those a value with K.bits
 * binary places can be steered to: the step is kept for fidelity, not testable here.)
 */
import { describe, expect, it } from 'vitest';
import { decimalField } from '../../src/numeric/decimal.js';
import { fromKernel } from '../../src/numeric/eigh.js';
import { fixedField } from '../../src/numeric/fixed.js';
import { Rng } from '../../src/random/rng.js';
import { randomBig } from './random-big.js';

describe('fromKernel', () => {
  it.each([20, 50, 100, 150])('at %i digits: digit for digit the decimal route, for every scale', (digits) => {
    const D = decimalField(digits);
    const rng = new Rng(digits, ['from-kernel']);
    for (const bits of [108, 208, 388, 548]) {
      const K = fixedField(bits);
      for (let t = 0; t < 60; t++) {
        const scaleExp = rng.int(-40, 40);
        let x = randomBig(rng, rng.int(1, bits + 2));
        if (rng.int(0, 1) === 1) x = -x;
        // near ties: a value whose decimal expansion stops just past a rounding digit
        if (t % 5 === 0) x = (x >> 8n) << 8n;
        if (t === 7) x = 0n;
        const old = D.scale2(D.fromString(K.toString(x, K.digits)), scaleExp);
        const got = fromKernel(D, K, x, scaleExp);
        expect(got.toString(), `x = ${x}, bits ${bits}, 2^${scaleExp}`).toBe(old.toString());
        expect(Object.is(got.isNeg(), old.isNeg())).toBe(true);
      }
      // exact ties: 1 + 2^-j has j + 1 significant digits, the last a 5 — a tie at j digits, at
      // D's precision, at K's digits and at K's working digits (K.digits + 20)
      for (const j of [digits - 1, digits, digits + 1, K.digits, K.digits + 20, K.digits + 21]) {
        if (j >= bits) continue;
        for (const sign of [1n, -1n])
          for (const scaleExp of [0, -1, 3, -7]) {
            const x = sign * ((1n << BigInt(bits)) + (1n << BigInt(bits - j)));
            const old = D.scale2(D.fromString(K.toString(x, K.digits)), scaleExp);
            expect(fromKernel(D, K, x, scaleExp).toString(), `1 + 2^-${j}, 2^${scaleExp}`).toBe(old.toString());
          }
      }
    }
  });
});
