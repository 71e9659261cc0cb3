import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { decimalField } from '../../src/numeric/decimal.js';
import { h0 } from '../../src/physics/qubits.js';
import { ergotropy } from '../../src/physics/ergotropy.js';
import { identical, rfConst, rfevalRational, rfsub, rfVar, type RatFunc } from '../../src/symbolic/ratfunc.js';
import { ratFuncField as Rf } from '../../src/symbolic/ratfunc-field.js';
import { compareWithRational } from '../../src/symbolic/sturm.js';
import { mixSectors, steadySectors, steadyStateFamily } from '../../src/derive/steady-state-family.js';
import { exactSpectrum, levelsOf, SpectrumRefusal } from '../../src/derive/spectrum.js';
import { eigenvalueOrderings, cellText } from '../../src/derive/ordering.js';
import { excitationLevels, piecewiseErgotropy } from '../../src/derive/passive-pairing.js';
import { evalMatrix } from './helpers.js';
import { TYPED_W_CASE, typedSpectrum, typedTwoQubitState, c, omega } from './typed-forms.js';

const same = (a: RatFunc, b: RatFunc): boolean => identical(a, b).identical;

function twoQubitState() {
  const sectors = steadySectors(steadyStateFamily({ N: 2, coupling: 'collective' }));
  // the sector holding the all-ground state |00⟩ (index 3) carries the weight c
  const k = sectors.findIndex((s) => !Rf.isZero(s.projector.re[15]));
  const weights = sectors.map((_, i) => (i === k ? c : rfsub(rfConst(1), c)));
  return mixSectors(sectors, weights);
}

describe('spectrum', () => {
  it('refuses what it cannot split, and complex input', () => {
    const a = rfVar('a');
    // [[1, a], [a, 2]]: discriminant 1 + 4a² is not a square
    const M = { rows: 2, cols: 2, re: [rfConst(1), a, a, rfConst(2)], im: [0, 0, 0, 0].map((x) => rfConst(x)) };
    expect(() => exactSpectrum(M)).toThrow(SpectrumRefusal);
    expect(() => exactSpectrum({ ...M, im: [rfConst(0), rfConst(1), rfConst(-1), rfConst(0)] })).toThrow(InputError);
  });

  it('the derived two-qubit steady state is the typed family; its spectrum is the typed one', () => {
    const rho = twoQubitState();
    const typed = typedTwoQubitState();
    expect(rho.re.every((x, k) => same(x, typed[k])) && rho.im.every((x) => Rf.isZero(x))).toBe(true);
    const spec = exactSpectrum(rho);
    const values = spec.eigenspaces.map((e) => e.value);
    expect(values.length).toBe(4);
    for (const t of Object.values(typedSpectrum)) expect(values.filter((v) => same(v, t)).length).toBe(1);
    // eigenvectors: ρv = λv exactly
    for (const e of spec.eigenspaces)
      for (const v of e.vectors)
        for (let a = 0; a < 4; a++) {
          let s = rfConst(0);
          for (let b = 0; b < 4; b++) s = Rf.add(s, Rf.mul(rho.re[a * 4 + b], v[b]));
          expect(same(s, Rf.mul(e.value, v[a]))).toBe(true);
        }
  });
});

describe('ordering and piecewise ergotropy of the two-qubit family', () => {
  const rho = twoQubitState();
  const levels = levelsOf(exactSpectrum(rho));
  const ordering = eigenvalueOrderings(levels);
  const energy = Rf.add(Rf.mul(rfConst(2), Rf.mul(omega, rho.re[0])), Rf.mul(omega, Rf.add(rho.re[5], rho.re[10])));
  const W = piecewiseErgotropy(energy, ordering, excitationLevels(2, omega));

  it('refuses levels that are not affine in c or depend on other variables', () => {
    expect(() =>
      eigenvalueOrderings([
        { value: Rf.mul(c, c), multiplicity: 1 },
        { value: rfConst(0), multiplicity: 1 },
      ]),
    ).toThrow(/not affine/);
    expect(() =>
      eigenvalueOrderings([
        { value: rfVar('q'), multiplicity: 1 },
        { value: rfConst(0), multiplicity: 1 },
      ]),
    ).toThrow(/depends on q/);
  });

  it('yields exactly the typed ergotropy cases (the two middle ones coincide: the swapped levels are both ω)', () => {
    expect(same(TYPED_W_CASE.B1, TYPED_W_CASE.B2)).toBe(true);
    expect(W.pieces.length).toBe(3);
    for (const t of Object.values(TYPED_W_CASE)) expect(W.pieces.filter((p) => same(p.value, t)).length).toBe(1);
    expect(cellText(ordering.cells[0])).toMatch(/^y ∈ \(0, /);
  });

  it('each piece matches the certified ergotropy at 50 digits at seeded points of its cells (ω = 1 and ω ≠ 1)', () => {
    const D = decimalField(60);
    for (const piece of W.pieces)
      for (const cell of piece.cells.slice(0, 2))
        for (const w of ['1', '1.7']) {
          const yq = cell.sample.y;
          const cq = cell.sample.c;
          const yv = D.div(D.fromString(String(yq.num)), D.fromString(String(yq.den)));
          const cv = D.div(D.fromString(String(cq.num)), D.fromString(String(cq.den)));
          const wv = D.fromString(w);
          const state = evalMatrix(D, rho, { y: yv, c: cv });
          const numeric = ergotropy(D, state, h0(D, 2, wv));
          const exact = rfevalRational(piece.value, { y: yq, c: cq, omega: { num: BigInt(Math.round(Number(w) * 10)), den: 10n } });
          const diff = D.sub(numeric.ergotropy, D.div(D.fromString(String(exact.num)), D.fromString(String(exact.den))));
          expect(D.toNumber(D.abs(diff))).toBeLessThan(1e-50);
        }
  });

  it('the region of the first case is c ≤ Z₊/(1 + Z₊) (the typed boundary) for every y', () => {
    const A = W.pieces.find((p) => same(p.value, TYPED_W_CASE.A))!;
    const Zp = Rf.add(Rf.add(rfConst(1), rfVar('y')), Rf.mul(rfVar('y'), rfVar('y')));
    const cA = Rf.div(Zp, Rf.add(rfConst(1), Zp));
    for (const cell of A.cells) {
      expect(cell.c!.lo.kind).toBe('constant');
      expect(cell.c!.hi.kind === 'threshold' && same(cell.c!.hi.t, cA)).toBe(true);
    }
    expect(compareWithRational(A.cells[0].y.lo, { num: 0n, den: 1n })).toBe(0);
  });
});
