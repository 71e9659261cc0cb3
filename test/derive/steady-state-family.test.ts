import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { decimalField } from '../../src/numeric/decimal.js';
import { maxAbs, sub } from '../../src/numeric/matrix.js';
import { collectiveCoupling } from '../../src/physics/lindblad.js';
import { collectiveSteadyState } from '../../src/physics/steady-state.js';
import { ratFuncField as Rf } from '../../src/symbolic/ratfunc-field.js';
import { identical, rfConst, rfVar, type RatFunc } from '../../src/symbolic/ratfunc.js';
import { applyGenerator, coordinatesOf, generatorMatrix, hermitianFromCoordinates } from '../../src/derive/generator.js';
import { conservedObservables, steadySectors, steadyStateFamily, steadyStateFrom } from '../../src/derive/steady-state-family.js';
import { denseGenerator, evalMatrix, isZeroMatrix, rationalState, toDecimal } from './helpers.js';

const same = (A: { re: RatFunc[]; im: RatFunc[] }, B: { re: RatFunc[]; im: RatFunc[] }): boolean =>
  A.re.every((x, k) => identical(x, B.re[k]).identical) && A.im.every((x, k) => identical(x, B.im[k]).identical);

describe('generator over Q(y, ω, f)', () => {
  it('refuses a bad model', () => {
    expect(() => generatorMatrix({ N: 0, coupling: 'collective' })).toThrow(InputError);
    expect(() => generatorMatrix({ N: 2, coupling: 'mixed' as never })).toThrow(/coupling must be/);
    expect(() => generatorMatrix({ N: 2, coupling: 'individual', f: rfVar('f') })).toThrow(/no dipole term/);
  });

  it('the sparse generator equals the dense transcription on seeded states (N = 2, 3; both couplings)', () => {
    for (const N of [2, 3])
      for (const coupling of ['collective', 'individual'] as const) {
        const rho = rationalState(2 ** N, 11 * N + (coupling === 'collective' ? 1 : 2));
        expect(same(applyGenerator({ N, coupling }, rho), denseGenerator(N, rho, coupling))).toBe(true);
      }
  });

  it('Hermitian coordinates round-trip, and the matrix acts as the generator', () => {
    const rho = rationalState(4, 5);
    const x = coordinatesOf(rho);
    expect(same(hermitianFromCoordinates(4, x), rho)).toBe(true);
    const { S } = generatorMatrix({ N: 2, coupling: 'collective' });
    const Sx = S.map((row) => row.reduce((s, a, j) => Rf.add(s, Rf.mul(a, x[j])), Rf.zero));
    expect(same(hermitianFromCoordinates(4, Sx), denseGenerator(2, rho, 'collective'))).toBe(true);
  });
});

describe('steady-state family, two qubits (collective)', () => {
  const fam = steadyStateFamily({ N: 2, coupling: 'collective' });

  it('has two stationary states and two conserved quantities, each annihilated exactly', () => {
    expect(fam.kernel.length).toBe(2);
    expect(fam.conserved.length).toBe(2);
    for (const v of fam.kernel) expect(isZeroMatrix(denseGenerator(2, hermitianFromCoordinates(4, v), 'collective'))).toBe(true);
    // Tr(Q L(E)) = 0 for every Hermitian basis element E (the dense route)
    const Qs = conservedObservables(fam);
    for (let k = 0; k < 16; k++) {
      const e = new Array<RatFunc>(16).fill(rfConst(0));
      e[k] = rfConst(1);
      const LE = denseGenerator(2, hermitianFromCoordinates(4, e), 'collective');
      for (const Q of Qs) {
        let tr = rfConst(0);
        for (let a = 0; a < 4; a++)
          for (let b = 0; b < 4; b++) tr = Rf.add(tr, Rf.sub(Rf.mul(Q.re[a * 4 + b], LE.re[b * 4 + a]), Rf.mul(Q.im[a * 4 + b], LE.im[b * 4 + a])));
        expect(Rf.isZero(tr)).toBe(true);
      }
    }
  });

  it('its sectors are the singlet and the triplet projector; the triplet weight is the paper’s c', () => {
    const sectors = steadySectors(fam);
    expect(sectors.map((s) => s.rank).sort()).toEqual([1, 3]);
    const triplet = sectors.find((s) => s.rank === 3)!;
    // P = |ψ1⟩⟨ψ1| + |ψ+⟩⟨ψ+| + |ψ0⟩⟨ψ0| in the basis |11⟩, |10⟩, |01⟩, |00⟩
    const half = rfConst({ num: 1n, den: 2n });
    const P = [1, 0, 0, 0, 0, half, half, 0, 0, half, half, 0, 0, 0, 0, 1].map((x) => (typeof x === 'number' ? rfConst(x) : x));
    expect(triplet.projector.re.every((x, k) => identical(x, P[k]).identical)).toBe(true);
    // its steady state is c Z₊⁻¹(y²|ψ1⟩⟨ψ1| + y|ψ+⟩⟨ψ+| + |ψ0⟩⟨ψ0|) at c = 1
    const y = rfVar('y');
    const Zp = Rf.add(Rf.add(rfConst(1), y), Rf.mul(y, y));
    const expected = [
      Rf.div(Rf.mul(y, y), Zp),
      0,
      0,
      0,
      0,
      Rf.div(Rf.mul(half, y), Zp),
      Rf.div(Rf.mul(half, y), Zp),
      0,
      0,
      Rf.div(Rf.mul(half, y), Zp),
      Rf.div(Rf.mul(half, y), Zp),
      0,
      0,
      0,
      0,
      Rf.div(rfConst(1), Zp),
    ].map((x) => (typeof x === 'number' ? rfConst(x) : x));
    expect(triplet.state.re.every((x, k) => identical(x, expected[k]).identical)).toBe(true);
  });

  it('the map ρ0 ↦ ρ_ss agrees with the Schur–Weyl map at 50 digits (seeded states, ω = 1 and ω ≠ 1)', () => {
    const D = decimalField(60);
    for (const [seed, beta, omega] of [
      [1, '0.7', '1'],
      [2, '1.3', '1.7'],
    ] as const) {
      const rho0 = rationalState(4, seed);
      const exact = steadyStateFrom(fam, rho0);
      expect(isZeroMatrix(denseGenerator(2, exact, 'collective'))).toBe(true);
      const b = D.fromString(beta);
      const w = D.fromString(omega);
      const y = D.exp(D.neg(D.mul(b, w)));
      const model = collectiveCoupling(D, 2, { omega: w, beta: b, gamma0: D.one, f: D.fromString('0.3'), timeScale: 'normalised' });
      const numeric = collectiveSteadyState(D, model, toDecimal(D, rho0)).rho;
      expect(D.toNumber(maxAbs(D, sub(D, evalMatrix(D, exact, { y }), numeric)))).toBeLessThan(1e-50);
    }
  });
});

describe('steady-state family, three qubits and individual coupling', () => {
  it('N = 3 collective: five stationary states; the map agrees with the Schur–Weyl map at 50 digits', () => {
    const fam = steadyStateFamily({ N: 3, coupling: 'collective' });
    expect(fam.kernel.length).toBe(5);
    expect(() => steadySectors(fam)).toThrow(/not all real|do not commute/);
    const D = decimalField(60);
    const rho0 = rationalState(8, 3);
    const exact = steadyStateFrom(fam, rho0);
    expect(isZeroMatrix(applyGenerator({ N: 3, coupling: 'collective' }, exact))).toBe(true);
    for (const [beta, omega] of [
      ['0.4', '1'],
      ['1.1', '2.3'],
    ]) {
      const b = D.fromString(beta);
      const w = D.fromString(omega);
      const model = collectiveCoupling(D, 3, { omega: w, beta: b, gamma0: D.one, f: D.fromString('0.2'), timeScale: 'normalised' });
      const numeric = collectiveSteadyState(D, model, toDecimal(D, rho0)).rho;
      expect(D.toNumber(maxAbs(D, sub(D, evalMatrix(D, exact, { y: D.exp(D.neg(D.mul(b, w))) }), numeric)))).toBeLessThan(1e-50);
    }
  }, 60_000);

  it('individual coupling, N = 2: the only steady state is the product Gibbs state', () => {
    const fam = steadyStateFamily({ N: 2, coupling: 'individual' });
    expect(fam.kernel.length).toBe(1);
    const rho = steadyStateFrom(fam, rationalState(4, 9));
    const y = rfVar('y');
    const Z = Rf.mul(Rf.add(rfConst(1), y), Rf.add(rfConst(1), y));
    const gibbs = [Rf.div(Rf.mul(y, y), Z), Rf.div(y, Z), Rf.div(y, Z), Rf.div(rfConst(1), Z)];
    for (let a = 0; a < 4; a++)
      for (let b = 0; b < 4; b++) expect(identical(rho.re[a * 4 + b], a === b ? gibbs[a] : rfConst(0)).identical && Rf.isZero(rho.im[a * 4 + b])).toBe(true);
  });
});
