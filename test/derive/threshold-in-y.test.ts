import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { decimalField } from '../../src/numeric/decimal.js';
import { parseRational, type Rational } from '../../src/numeric/rational.js';
import { identical, rfConst, rfsub, rfVar } from '../../src/symbolic/ratfunc.js';
import { ratFuncField as Rf } from '../../src/symbolic/ratfunc-field.js';
import { mixSectors, steadySectors, steadyStateFamily } from '../../src/derive/steady-state-family.js';
import { exactSpectrum, levelsOf } from '../../src/derive/spectrum.js';
import { eigenvalueOrderings } from '../../src/derive/ordering.js';
import { betaAt, rootsInY, thresholdInY } from '../../src/derive/threshold-in-y.js';
import { c, typedSpectrum, Zp } from './typed-forms.js';

const D = decimalField(60);
type Dv = ReturnType<typeof D.fromString>;

/** The thresholds of 1 − c against each triplet eigenvalue, from the pipeline (keyed by the typed eigenvalue). */
function singletThresholds() {
  const sectors = steadySectors(steadyStateFamily({ N: 2, coupling: 'collective' }));
  const k = sectors.findIndex((s) => !Rf.isZero(s.projector.re[15]));
  const rho = mixSectors(
    sectors,
    sectors.map((_, i) => (i === k ? c : rfsub(rfConst(1), c))),
  );
  const levels = levelsOf(exactSpectrum(rho));
  const ordering = eigenvalueOrderings(levels);
  const idx = (v: typeof c) => levels.findIndex((l) => identical(l.value, v).identical);
  const minus = idx(typedSpectrum.minus);
  const of = (v: typeof c) => ordering.thresholds.find((t) => t.pair.includes(minus) && t.pair.includes(idx(v)))!.t;
  return { zero: of(typedSpectrum.zero), plus: of(typedSpectrum.plus), one: of(typedSpectrum.one) };
}

/** The corrected Appendix A thresholds (with 1/ω), written out from their printed forms: an independent route. */
const printedBeta: Record<'zero' | 'plus' | 'one', (c: Dv, w: Dv) => Dv> = {
  zero: (x, w) => {
    const t = D.sub(D.mul(D.fromNumber(2), x), D.one);
    const rad = D.sqrt(D.div(D.add(D.add(D.mul(D.fromNumber(-7), D.mul(x, x)), D.mul(D.fromNumber(10), x)), D.fromNumber(-3)), D.mul(t, t)));
    return D.div(D.ln(D.div(D.add(D.mul(rad, t), D.sub(D.one, x)), D.mul(D.fromNumber(2), t))), w);
  },
  plus: (x, w) => {
    const t = D.sub(x, D.one);
    const rad = D.sqrt(D.div(D.sub(D.mul(D.fromNumber(4), x), D.fromNumber(3)), D.mul(t, t)));
    return D.div(D.ln(D.div(D.add(D.mul(rad, t), D.sub(D.one, D.mul(D.fromNumber(2), x))), D.mul(D.fromNumber(2), t))), w);
  },
  one: (x, w) => D.div(D.ln(D.mul(D.fromString('0.5'), D.sub(D.sqrt(D.div(D.sub(D.fromNumber(3), D.mul(D.fromNumber(7), x)), D.sub(x, D.one))), D.one))), w),
};

describe('thresholds solved for the temperature', () => {
  const th = singletThresholds();

  it('refuses a threshold that depends on another variable', () => {
    expect(() => thresholdInY(Rf.add(rfVar('y'), rfVar('q')))).toThrow(InputError);
  });

  it('the ψ0 threshold is Z₊/(1 + Z₊), quadratic in y, monotone, = 3/4 at y = 1', () => {
    expect(identical(th.zero, Rf.div(Zp, Rf.add(rfConst(1), Zp))).identical).toBe(true);
    const s = thresholdInY(th.zero, { sampleC: parseRational('0.6') });
    expect(s.degreeInY).toBe(2);
    expect(s.monotone).toBe(true);
    expect(s.cAtHighTemperature).toEqual({ num: 3n, den: 4n });
    expect(s.closedForm?.sign).toBeDefined();
  });

  it('β at each threshold agrees with the corrected printed Appendix A forms at 50 digits (ω = 1 and ω ≠ 1)', () => {
    const cases: [keyof typeof th, string[]][] = [
      ['zero', ['0.55', '0.7']],
      ['plus', ['0.8', '0.9']],
      ['one', ['0.85', '0.95']],
    ];
    for (const [k, cs] of cases) {
      const s = thresholdInY(th[k]);
      for (const cText of cs)
        for (const w of ['1', '1.7']) {
          const c0: Rational = parseRational(cText);
          const betas = betaAt(D, s, c0, D.fromString(w));
          expect(betas.length).toBe(1);
          const printed = printedBeta[k](D.fromString(cText), D.fromString(w));
          expect(D.toNumber(D.abs(D.sub(betas[0], printed)))).toBeLessThan(1e-50);
        }
    }
  });

  it('no crossing outside the window: at c = 0.4 the ψ0 threshold has no root in (0, 1]', () => {
    expect(rootsInY(thresholdInY(th.zero), parseRational('0.4')).length).toBe(0);
  });
});
