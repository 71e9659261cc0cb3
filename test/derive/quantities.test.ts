import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { decimalField } from '../../src/numeric/decimal.js';
import { h0 } from '../../src/physics/qubits.js';
import { ergotropy } from '../../src/physics/ergotropy.js';
import { l1Coherence } from '../../src/physics/coherence.js';
import { identical, rfConst, rfevalField, rfsub, type RatFunc } from '../../src/symbolic/ratfunc.js';
import { ratFuncField as Rf } from '../../src/symbolic/ratfunc-field.js';
import { mixSectors, steadySectors, steadyStateFamily } from '../../src/derive/steady-state-family.js';
import { concurrence, dephasedErgotropy, energyOf, piecewiseL1Coherence, populationsOf } from '../../src/derive/quantities.js';
import { evalMatrix } from './helpers.js';
import { c, omega, typedTwoQubitState } from './typed-forms.js';

function twoQubitState() {
  const sectors = steadySectors(steadyStateFamily({ N: 2, coupling: 'collective' }));
  const k = sectors.findIndex((s) => !Rf.isZero(s.projector.re[15]));
  return mixSectors(
    sectors,
    sectors.map((_, i) => (i === k ? c : rfsub(rfConst(1), c))),
  );
}

const D = decimalField(60);
type Dv = ReturnType<typeof D.fromString>;
const POINTS: { c: string; y: string; omega: string }[] = [
  { c: '0.1', y: '0.3', omega: '1' },
  { c: '0.55', y: '0.9', omega: '1.7' },
  { c: '0.8', y: '0.95', omega: '1' },
  { c: '0.97', y: '0.2', omega: '2.3' },
];
const envOf = (p: { c: string; y: string; omega: string }): Record<string, Dv> => ({
  c: D.fromString(p.c),
  y: D.fromString(p.y),
  omega: D.fromString(p.omega),
});

/** The piece whose cell contains the point (c, y): decided exactly by the cell's inequalities, evaluated in D (the point is away from ties). */
function valueAt(pieces: readonly { value: RatFunc; cells: readonly { inequalities: readonly RatFunc[] }[] }[], env: Record<string, Dv>): Dv {
  const hit = pieces.find((p) => p.cells.some((cell) => cell.inequalities.every((q) => D.sign(rfevalField(D, q, env)) >= 0)));
  if (!hit) throw new Error('no piece contains the point');
  return rfevalField(D, hit.value, env);
}

describe('quantities of a state over Q(params)', () => {
  const rho = twoQubitState();

  it('refuses complex entries for C_l1 and non-two-qubit states for the concurrence', () => {
    expect(() => piecewiseL1Coherence({ ...rho, im: rho.im.map((_, k) => (k === 1 ? rfConst(1) : rfConst(0))) })).toThrow(InputError);
    expect(() => concurrence(D, { rows: 2, cols: 2, re: [D.one, D.zero, D.zero, D.zero], im: [D.zero, D.zero, D.zero, D.zero] })).toThrow(/4×4/);
  });

  it('energy and populations are those of the typed family', () => {
    const typed = typedTwoQubitState();
    expect(populationsOf(rho).every((p, a) => identical(p, typed[a * 5]).identical)).toBe(true);
    const E = Rf.mul(omega, Rf.add(Rf.mul(rfConst(2), typed[0]), Rf.add(typed[5], typed[10])));
    expect(identical(energyOf(rho, omega), E).identical).toBe(true);
  });

  it('C_l1 piecewise agrees with l1Coherence of the numerical state at 50 digits', () => {
    const C = piecewiseL1Coherence(rho);
    expect(C.pieces.length).toBe(2);
    for (const p of POINTS) {
      const env = envOf(p);
      const numeric = l1Coherence(D, evalMatrix(D, rho, env));
      expect(D.toNumber(D.abs(D.sub(numeric, valueAt(C.pieces, env))))).toBeLessThan(1e-50);
    }
  });

  it('the dephased ergotropy agrees with the certified ergotropy of diag(ρ) at 50 digits; it is positive at c = 1, y = 1', () => {
    const W = dephasedErgotropy(rho, omega);
    for (const p of POINTS) {
      const env = envOf(p);
      const full = evalMatrix(D, rho, env);
      const diag = { ...full, re: full.re.map((x, k) => (k % 5 === 0 ? x : D.zero)), im: full.im.map(() => D.zero) };
      const numeric = ergotropy(D, diag, h0(D, 2, env.omega)).ergotropy;
      expect(D.toNumber(D.abs(D.sub(numeric, valueAt(W.pieces, env))))).toBeLessThan(1e-50);
    }
    // c = 1, y = 1: populations (1/3, 1/6, 1/6, 1/3) with |11⟩ over-populated: W(Δρ) = ω/6
    const env = { c: D.one, y: D.one, omega: D.one };
    expect(D.toNumber(valueAt(W.pieces, env))).toBeCloseTo(1 / 6, 40);
  });

  it('the concurrence of the singlet is 1 and of the c = 1 state at y = 1/2 is 0 (30 digits)', () => {
    const singlet = evalMatrix(D, rho, { c: D.zero, y: D.fromString('0.5') });
    expect(D.toNumber(D.abs(D.sub(concurrence(D, singlet), D.one)))).toBeLessThan(1e-30);
    const triplet = evalMatrix(D, rho, { c: D.one, y: D.fromString('0.5') });
    expect(D.toNumber(concurrence(D, triplet))).toBeLessThan(1e-30);
    // an independent route: for an X state C = 2 max(0, |ρ_23| − √(ρ_11 ρ_44)) (basis |11⟩, |10⟩, |01⟩, |00⟩)
    for (const p of POINTS) {
      const env = envOf(p);
      const s = evalMatrix(D, rho, env);
      const x = D.sub(D.abs(s.re[6]), D.sqrt(D.mul(s.re[0], s.re[15])));
      const expected = D.sign(x) > 0 ? D.mul(D.fromNumber(2), x) : D.zero;
      expect(D.toNumber(D.abs(D.sub(concurrence(D, s), expected)))).toBeLessThan(1e-30);
    }
  });
});
