import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../../src/errors.js';
import { float64 } from '../../src/numeric/float64.js';
import { decimalField } from '../../src/numeric/decimal.js';
import { adjoint, commutator, diagonal, identity, kronAll, mul, scaleReal, sub, toNumbers, add, zeros, type CMatrix } from '../../src/numeric/matrix.js';
import {
  basisIndex,
  basisLabel,
  dim,
  excitationNumber,
  excitations,
  h0,
  isExcited,
  jMinus,
  jPlus,
  jz,
  MAX_DENSE_QUBITS,
  qubitMask,
  sigmaMinus,
  sigmaPlus,
  sigmaZ,
} from '../../src/physics/qubits.js';

const F = float64;
const re = (M: CMatrix<number>): number[][] => toNumbers(F, M).re;
const isZeroMatrix = (M: CMatrix<number>): boolean => M.re.every((x) => x === 0) && M.im.every((x) => x === 0);

describe('qubits: refuses', () => {
  it.each([0, -1, 1.5, NaN, Infinity, MAX_DENSE_QUBITS + 1])('N = %s', (N) => {
    expect(() => dim(N)).toThrow(InputError);
    expect(() => sigmaPlus(F, N, 0)).toThrow(InputError);
    expect(() => h0(F, N, 1)).toThrow(InputError);
  });
  it.each([-1, 2, 0.5, NaN])('qubit index %s for N = 2', (i) => {
    expect(() => sigmaPlus(F, 2, i)).toThrow(RangeError);
    expect(() => sigmaMinus(F, 2, i)).toThrow(RangeError);
    expect(() => sigmaZ(F, 2, i)).toThrow(RangeError);
    expect(() => qubitMask(2, i)).toThrow(RangeError);
  });
  it.each([-1, 4, 1.5])('basis index %s for N = 2', (k) => {
    expect(() => excitations(k, 2)).toThrow(RangeError);
    expect(() => basisLabel(k, 2)).toThrow(RangeError);
  });
  it.each(['', '012', 'ab', ' 1'])('basis label %j', (s) => {
    expect(() => basisIndex(s)).toThrow(InputError);
  });
  it('names the rule in a one-line message', () => {
    expect(() => dim(0)).toThrow(/number of qubits must be an integer in \[1, 12\], got 0/);
  });
});

describe('qubits: tables', () => {
  it('N = 1: σ⁺ = [[0,1],[0,0]], σ⁻ = [[0,0],[1,0]], σᶻ = diag(1, −1) (excited first)', () => {
    expect(re(sigmaPlus(F, 1, 0))).toEqual([
      [0, 1],
      [0, 0],
    ]);
    expect(re(sigmaMinus(F, 1, 0))).toEqual([
      [0, 0],
      [1, 0],
    ]);
    expect(re(sigmaZ(F, 1, 0))).toEqual([
      [1, 0],
      [0, -1],
    ]);
  });
  it('N = 2: σ⁻ on qubit 0 maps |11⟩ (0) → |01⟩ (2) and |10⟩ (1) → |00⟩ (3)', () => {
    expect(re(sigmaMinus(F, 2, 0))).toEqual([
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [1, 0, 0, 0],
      [0, 1, 0, 0],
    ]);
  });
  it('N = 2: σ⁻ on qubit 1 maps |11⟩ (0) → |10⟩ (1) and |01⟩ (2) → |00⟩ (3)', () => {
    expect(re(sigmaMinus(F, 2, 1))).toEqual([
      [0, 0, 0, 0],
      [1, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 1, 0],
    ]);
  });
  it('N = 2: σ⁺ on qubit 0 maps |01⟩ (2) → |11⟩ (0)', () => {
    expect(re(sigmaPlus(F, 2, 0))).toEqual([
      [0, 0, 1, 0],
      [0, 0, 0, 1],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
  });
  it.each([
    ['1', 0],
    ['0', 1],
    ['11', 0],
    ['10', 1],
    ['01', 2],
    ['00', 3],
    ['110', 1],
    ['000', 7],
  ])('basisIndex(%j) = %i and back', (label, k) => {
    expect(basisIndex(label)).toBe(k);
    expect(basisLabel(k, label.length)).toBe(label);
  });
  it.each([
    [1, [1, 0]],
    [2, [2, 1, 1, 0]],
    [3, [3, 2, 2, 1, 2, 1, 1, 0]],
  ])('excitations for N = %i', (N, want) => {
    expect(Array.from({ length: 2 ** N }, (_, k) => excitations(k, N))).toEqual(want);
  });
  it('isExcited follows the bit convention', () => {
    expect([0, 1, 2, 3].map((k) => isExcited(k, 2, 0))).toEqual([true, true, false, false]);
    expect([0, 1, 2, 3].map((k) => isExcited(k, 2, 1))).toEqual([true, false, true, false]);
  });
  it.each([1, 2, 3, 4])('H0 for N = %i: ω·excitations, all-ground last with energy 0', (N) => {
    const omega = 0.75;
    const d = diagonal(h0(F, N, omega));
    expect(d).toEqual(Array.from({ length: 2 ** N }, (_, k) => omega * excitations(k, N)));
    expect(d[0]).toBe(omega * N);
    expect(d[2 ** N - 1]).toBe(0);
    expect(isZeroMatrix(sub(F, h0(F, N, omega), scaleReal(F, omega, excitationNumber(F, N))))).toBe(true);
  });
  it('paper below Eq. (9): H0 spectrum {0, ω, ω, 2ω} on [0,0,0,1], [0,0,1,0], [0,1,0,0], [1,0,0,0]', () => {
    expect(diagonal(h0(F, 2, 1)).reverse()).toEqual([0, 1, 1, 2]);
  });
  it('J_z for N = 2 is diag(1, 0, 0, −1)', () => {
    expect(diagonal(jz(F, 2))).toEqual([1, 0, 0, -1]);
  });
  it('is exact in decimal(50)', () => {
    const D = decimalField(50);
    const J = jPlus(D, 3);
    expect(J.re.every((x) => x.isInteger())).toBe(true);
    expect(diagonal(h0(D, 2, D.fromString('0.1'))).map((x) => x.toString())).toEqual(['0.2', '0.1', '0.1', '0']);
  });
});

describe('qubits: properties', () => {
  const I2 = identity(F, 2);
  const single = (op: number[][]): CMatrix<number> => ({ rows: 2, cols: 2, re: op.flat(), im: [0, 0, 0, 0] });
  const sm1 = single([
    [0, 0],
    [1, 0],
  ]);
  const sp1 = single([
    [0, 1],
    [0, 0],
  ]);
  const qubitArb = fc.integer({ min: 1, max: 5 }).chain((N) => fc.tuple(fc.constant(N), fc.integer({ min: 0, max: N - 1 })));

  it('σ±_i equals the Kronecker product I ⊗ … ⊗ σ± ⊗ … ⊗ I (independent route)', () => {
    fc.assert(
      fc.property(qubitArb, ([N, i]) => {
        const factors = (op: CMatrix<number>): CMatrix<number>[] => Array.from({ length: N }, (_, k) => (k === i ? op : I2));
        expect(sigmaMinus(F, N, i)).toEqual(kronAll(F, factors(sm1)));
        expect(sigmaPlus(F, N, i)).toEqual(kronAll(F, factors(sp1)));
      }),
    );
  });
  it('σ⁺_i = (σ⁻_i)† and [σ⁺_i, σ⁻_i] = σᶻ_i', () => {
    fc.assert(
      fc.property(qubitArb, ([N, i]) => {
        expect(isZeroMatrix(sub(F, sigmaPlus(F, N, i), adjoint(F, sigmaMinus(F, N, i))))).toBe(true);
        expect(isZeroMatrix(sub(F, commutator(F, sigmaPlus(F, N, i), sigmaMinus(F, N, i)), sigmaZ(F, N, i)))).toBe(true);
      }),
    );
  });
  it('operators on different qubits commute', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }).chain((N) => fc.tuple(fc.constant(N), fc.integer({ min: 0, max: N - 1 }), fc.integer({ min: 0, max: N - 1 }))),
        ([N, i, j]) => {
          fc.pre(i !== j);
          expect(isZeroMatrix(commutator(F, sigmaPlus(F, N, i), sigmaMinus(F, N, j)))).toBe(true);
        },
      ),
    );
  });
  it.each([1, 2, 3, 4, 5])('[J⁺, J⁻] = 2 J_z and Σ σ⁺σ⁻ = J_z + N/2 for N = %i', (N) => {
    expect(isZeroMatrix(sub(F, commutator(F, jPlus(F, N), jMinus(F, N)), scaleReal(F, 2, jz(F, N))))).toBe(true);
    let n = zeros(F, 2 ** N);
    for (let i = 0; i < N; i++) n = add(F, n, mul(F, sigmaPlus(F, N, i), sigmaMinus(F, N, i)));
    expect(n).toEqual(excitationNumber(F, N));
    expect(isZeroMatrix(sub(F, excitationNumber(F, N), add(F, jz(F, N), scaleReal(F, N / 2, identity(F, 2 ** N)))))).toBe(true);
  });
});
