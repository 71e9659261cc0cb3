import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { decimalField } from '../../src/numeric/decimal.js';
import { maxAbs, sub } from '../../src/numeric/matrix.js';
import { collectiveCoupling } from '../../src/physics/lindblad.js';
import { collectiveSteadyState } from '../../src/physics/steady-state.js';
import { h0 } from '../../src/physics/qubits.js';
import { ergotropy } from '../../src/physics/ergotropy.js';
import { identical, rfadd, rfConst, rfevalField, rfisZero, rfmul, rfpow, rfsub, rfVar } from '../../src/symbolic/ratfunc.js';
import { compareReal, realRational } from '../../src/symbolic/sturm.js';
import { applyGenerator } from '../../src/derive/generator.js';
import { groundLadderSteadyState, ladderStateMatrix } from '../../src/derive/ladder-steady-state.js';
import { eigenvalueOrderings } from '../../src/derive/ordering.js';
import { excitationLevels, piecewiseErgotropy } from '../../src/derive/passive-pairing.js';
import { ladderL1Coherence, piecewiseL1Coherence, type PiecewiseInY, type PiecewiseValue } from '../../src/derive/quantities.js';
import type { LadderSteadyState } from '../../src/derive/ladder-steady-state.js';
import { ratFuncField as Rf } from '../../src/symbolic/ratfunc-field.js';
import { evalMatrix, isZeroMatrix } from './helpers.js';
import { typedBlockEntry } from './typed-forms.js';

describe('steady state from the all-ground state (Schur–Weyl ladder)', () => {
  it('refuses N outside 1…12', () => {
    expect(() => groundLadderSteadyState(0)).toThrow(InputError);
    expect(() => groundLadderSteadyState(65)).toThrow(/\[1, 64\]/);
  });

  it('its block entries are the typed d_k for every N ≤ 12 (exact identity)', () => {
    for (let N = 1; N <= 12; N++) {
      const s = groundLadderSteadyState(N);
      for (let k = 0; k <= N; k++) expect(identical(s.blockEntries[k], typedBlockEntry(N, k)).identical).toBe(true);
    }
  });

  it('is stationary under the generator exactly (N ≤ 4) and agrees with the Schur–Weyl map at 50 digits', () => {
    const D = decimalField(60);
    for (let N = 1; N <= 4; N++) {
      const rho = ladderStateMatrix(groundLadderSteadyState(N));
      expect(isZeroMatrix(applyGenerator({ N, coupling: 'collective' }, rho))).toBe(true);
      for (const [beta, omega] of [
        ['0.6', '1'],
        ['1.2', '0.8'],
      ]) {
        const b = D.fromString(beta);
        const w = D.fromString(omega);
        const d = 2 ** N;
        const re = new Array(d).fill(D.zero);
        re[d - 1] = D.one;
        const model = collectiveCoupling(D, N, { omega: w, beta: b, gamma0: D.one, f: D.fromString('0.3'), timeScale: 'normalised' });
        const numeric = collectiveSteadyState(D, model, { re, im: new Array(d).fill(D.zero) }).rho;
        expect(D.toNumber(maxAbs(D, sub(D, evalMatrix(D, rho, { y: D.exp(D.neg(D.mul(b, w))) }), numeric)))).toBeLessThan(1e-50);
      }
    }
  });

  it('its ergotropy from the ordering and passive pairing matches the certified ergotropy at 50 digits (N = 2…5)', () => {
    const D = decimalField(60);
    const omega = rfVar('omega');
    for (let N = 2; N <= 5; N++) {
      const s = groundLadderSteadyState(N);
      const ordering = eigenvalueOrderings(s.levels);
      expect(ordering.cells.length).toBe(1);
      const energy = s.populations.reduce((acc, p, k) => Rf.add(acc, Rf.mul(Rf.fromNumber(k), Rf.mul(omega, p))), Rf.zero);
      const W = piecewiseErgotropy(energy, ordering, excitationLevels(N, omega));
      expect(W.pieces.length).toBe(1);
      for (const [yv, wv] of [
        ['0.3', '1'],
        ['0.8', '2.5'],
      ]) {
        const env = { y: D.fromString(yv), omega: D.fromString(wv) };
        const rho = evalMatrix(D, ladderStateMatrix(s), env);
        const numeric = ergotropy(D, rho, h0(D, N, env.omega)).ergotropy;
        expect(D.toNumber(D.abs(D.sub(numeric, rfevalField(D, W.pieces[0].value, env))))).toBeLessThan(1e-50);
      }
    }
  });

  it('its C_l1 from the blocks equals piecewiseL1Coherence of the dense matrix exactly (N = 1…5)', () => {
    for (let N = 1; N <= 5; N++) {
      const s = groundLadderSteadyState(N);
      const fromBlocks = ladderL1Coherence(s);
      expectSamePiecewise(fromBlocks, piecewiseL1Coherence(ladderStateMatrix(s)));
      // every block entry is positive: one expression on the whole range, ≡ 0 only for one qubit (1 × 1 blocks)
      expect(fromBlocks.pieces.length).toBe(1);
      expect(rfisZero(fromBlocks.pieces[0].value)).toBe(N === 1);
    }
  });

  it('its C_l1 from the blocks follows entries that change sign, as the dense route does', () => {
    // block entries with zeros at y = 1/2 and y = 1/√3 (algebraic): three y-intervals, three expressions
    const y = rfVar('y');
    const e1 = rfsub(rfmul(rfConst(2), y), rfConst(1));
    const e2 = rfsub(rfmul(rfConst(3), rfpow(y, 2)), rfConst(1));
    const fake: LadderSteadyState = { ...groundLadderSteadyState(3), blockEntries: [rfConst(5), e1, e2, rfConst(-1)] };
    const fromBlocks = ladderL1Coherence(fake);
    expectSamePiecewise(fromBlocks, piecewiseL1Coherence(ladderStateMatrix(fake)));
    expect(fromBlocks.pieces.length).toBe(3);
    // on (0, 1/2) both entries are negative: C_l1 = −6 e1 − 6 e2
    const low = fromBlocks.pieces.find((p) => p.intervals.some((iv) => compareReal(iv.lo, realRational({ num: 0n, den: 1n })) === 0))!;
    expect(identical(low.value, rfmul(rfConst(-6), rfadd(e1, e2))).identical).toBe(true);
  });
});

/**
 * The two piecewise results agree: at the sample point of every cell of the dense route, the
 * block route's expression there is identical; and every y-interval of the block route contains
 * a cell sample of the dense route with that same expression.
 */
function expectSamePiecewise(blocks: PiecewiseInY, dense: PiecewiseValue): void {
  const at = (q: { num: bigint; den: bigint }) =>
    blocks.pieces.find((p) => p.intervals.some((iv) => compareReal(iv.lo, realRational(q)) < 0 && compareReal(realRational(q), iv.hi) < 0));
  for (const piece of dense.pieces)
    for (const cell of piece.cells) {
      const hit = at(cell.sample.y);
      expect(hit).toBeDefined();
      expect(identical(hit!.value, piece.value).identical).toBe(true);
    }
  for (const p of blocks.pieces)
    for (const iv of p.intervals) {
      const inside = dense.pieces.some((d) =>
        d.cells.some(
          (cell) =>
            compareReal(iv.lo, realRational(cell.sample.y)) < 0 && compareReal(realRational(cell.sample.y), iv.hi) < 0 && identical(d.value, p.value).identical,
        ),
      );
      expect(inside).toBe(true);
    }
}
