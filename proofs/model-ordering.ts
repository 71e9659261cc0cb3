/**
 * The ordering problem of Eq. (9) and the two-qubit ergotropy for all (c, β): exact polynomial
 * conditions in (c, y), y = e^{−βω} ∈ (0, 1], decided with Sturm sequences, and a brute-force
 * first-principles grid (Eq. (7) built and diagonalised in float64, eigenvalues sorted) to cross-check
 * every exact ordering statement. Shared by appendix-a.ts and beyond-the-paper.ts.
 */
import { decimalField, type DecimalField } from '../src/numeric/decimal.js';
import { float64 } from '../src/numeric/float64.js';
import { eigh } from '../src/numeric/eigh.js';
import { parseRational, rational, rationalToString, rcmp, type Rational } from '../src/numeric/rational.js';
import { twoQubitCollectiveSteadyState } from '../src/physics/states.js';
import { evaluate, parse } from '../src/symbolic/expr.js';
import { pconstantValue, pisConstant, pscale, type Poly } from '../src/symbolic/poly.js';
import { rfdiv, rfmul, rfsub, type RatFunc } from '../src/symbolic/ratfunc.js';
import { compareWithRational, interval, rootsAt, rootDecimal, solveSignRatFunc, type RealAlgebraic, type RealInterval } from '../src/symbolic/sturm.js';
import { c, omega, ONE, Zp, eq7Spectrum, energySymbolic, eq7Symbolic } from './model.js';
import { eigenvalueOrderings } from '../src/derive/ordering.js';
import { excitationLevels, piecewiseErgotropy } from '../src/derive/passive-pairing.js';
import { rfReduce } from '../src/derive/polynomial-gcd.js';

export const S = eq7Spectrum();
export const E7 = energySymbolic(eq7Symbolic());
export const TRIPLET: readonly RatFunc[] = [S.zero, S.plus, S.one];
/** The Boltzmann weights w_k of the triplet eigenvalues b_k = c·w_k/Z₊ (ψ0, ψ+, ψ1), read off the derived spectrum. */
export const WEIGHTS: readonly RatFunc[] = TRIPLET.map((b) => rfReduce(rfdiv(rfmul(b, Zp), c)));
export const TRIPLET_NAMES = ['c/Z₊ (ψ0)', 'cy/Z₊ (ψ+)', 'cy²/Z₊ (ψ1)'] as const;

/** The derived ordering of the spectrum of Eq. (7) over c ∈ [0, 1], y ∈ (0, 1] and W on each of its cells (src/derive). */
const LEVELS = [S.minus, S.zero, S.plus, S.one].map((value) => ({ value, multiplicity: 1 }));
export const ORDERING = eigenvalueOrderings(LEVELS);
export const W_PIECEWISE = piecewiseErgotropy(E7, ORDERING, excitationLevels(2, omega));

/** How the ordering and the ergotropy cases were obtained (for the reports). */
export const ORDERING_HOW = `${ORDERING.how}; ${W_PIECEWISE.how}`;

/** W where 1 − c (level 0) stands at position `p` of the decreasing order, from the derived pieces. */
function wWithSingletAt(p: number): RatFunc {
  const piece = W_PIECEWISE.pieces.find((x) => x.orders.some((o) => o[p] === 0));
  if (!piece) throw new Error(`model-ordering: no cell of the derived ordering has 1 − c at position ${p}`);
  return piece.value;
}

/** W for the four positions of 1 − c in the decreasing order (the triplet is always b0 ≥ b1 ≥ b2), derived. */
export const W_CASE = { A: wWithSingletAt(0), B1: wWithSingletAt(1), B2: wWithSingletAt(2), C: wWithSingletAt(3) };

/** A RatFunc with a constant denominator, as a polynomial. */
export function asPoly(f: RatFunc): Poly {
  if (!pisConstant(f.den)) throw new Error('asPoly: denominator is not constant');
  const d = pconstantValue(f.den);
  return pscale(f.num, rational(d.den, d.num));
}

/** G_k(c, y) = c·w_k − (1 − c)·Z₊ = Z₊·(b_k − (1 − c)): 1 − c < b_k ⟺ G_k > 0 (Z₊ > 0). */
export const gap = (k: number): RatFunc => rfsub(rfmul(c, WEIGHTS[k]), rfmul(rfsub(ONE, c), Zp));

export const Y_RANGE: RealInterval = interval(0, 1, '(]');
export const q = (s: string): Rational => parseRational(s);

/** Sign of a rational function of y alone on I, as one sentence; pass iff its sign is `want` on I except at the listed zeros. */
export function signOnY(
  f: RatFunc,
  want: 1 | -1,
  I: RealInterval = Y_RANGE,
  allowedZeros: readonly Rational[] = [],
): { pass: boolean; detail: string; zeros: RealAlgebraic[] } {
  const s = solveSignRatFunc(f, 'y', I);
  const wrong = want > 0 ? s.negative : s.positive;
  const zerosOk = s.zeros.every((z) => allowedZeros.some((a) => compareWithRational(z, a) === 0));
  const pass = !s.identicallyZero && wrong.length === 0 && zerosOk && s.undefinedAt.length === 0;
  const zs = s.zeros.map((z) => (z.kind === 'rational' ? rationalToString(z.value) : `≈${rootDecimal(z, 12).approx}`));
  return {
    pass,
    zeros: s.zeros,
    detail: `${want > 0 ? '> 0' : '< 0'} on y ∈ ${I.loClosed ? '[' : '('}${I.lo ? rationalToString(I.lo) : '-inf'}, ${I.hi ? rationalToString(I.hi) : 'inf'}${I.hiClosed ? ']' : ')'}${zs.length ? ` except = 0 at y = ${zs.join(', ')}` : ''}: ${pass ? 'yes' : 'NO'} (Sturm)`,
  };
}

/** The roots of G(c0, y) in I (default (0, 1]) at a rational c0, isolated exactly (Sturm). */
export function rootsInY(G: RatFunc, c0: Rational, I: RealInterval = Y_RANGE): RealAlgebraic[] {
  return rootsAt(asPoly(G), 'y', { c: c0 }, I);
}

/** Decimal field for ≥ 50-digit comparisons: precision + 20 guard digits. */
export const fieldFor = (precision: number): DecimalField => decimalField(precision + 20);

/** A printed threshold (formula in c, omega) at a point, in D. */
export function evalFormula(D: DecimalField, formula: string, env: Record<string, InstanceType<DecimalField['Decimal']>>) {
  return evaluate(parse(formula), env, D);
}

// ----- the brute-force grid -----------------------------------------------------------------------

export interface GridPoint {
  c: number;
  beta: number;
  omega: number;
  y: number;
  /** Position (0 = largest) of the eigenvalue whose eigenvector is ψ− among the sorted numerical eigenvalues. */
  rankMinus: number;
  /** The sorted eigenvalues (decreasing). */
  sorted: number[];
  /** Smallest |(1−c) − b_k| over k: how close the point is to a tie (points closer than 1e-9 are skipped). */
  tie: number;
}

let GRID: GridPoint[] | null = null;
/** c = i/80 (i = 0…80), β = j/10 (j = 0…60), ω ∈ {1, 1.7}: Eq. (7) in float64, diagonalised, eigenvalues sorted. */
export function orderingGrid(): GridPoint[] {
  if (GRID) return GRID;
  const out: GridPoint[] = [];
  const s = Math.SQRT1_2;
  for (let i = 0; i <= 80; i++)
    for (let j = 0; j <= 60; j++)
      for (const w of [1, 1.7]) {
        const cc = i / 80;
        const beta = j / 10;
        const rho = twoQubitCollectiveSteadyState(float64, { beta, omega: w, c: cc });
        const e = eigh(float64, rho, { certify: false });
        // ψ− = (|01⟩ − |10⟩)/√2 = [0, −1, 1, 0]/√2 in the basis |11⟩, |10⟩, |01⟩, |00⟩
        let best = -1;
        let bestOverlap = -1;
        for (let k = 0; k < 4; k++) {
          const re = (-e.vectors.re[1 * 4 + k] + e.vectors.re[2 * 4 + k]) * s;
          const im = (-e.vectors.im[1 * 4 + k] + e.vectors.im[2 * 4 + k]) * s;
          const o = re * re + im * im;
          if (o > bestOverlap) {
            bestOverlap = o;
            best = k;
          }
        }
        const yy = Math.exp(-beta * w);
        const zp = 1 + yy + yy * yy;
        const tie = Math.min(...[1, yy, yy * yy].map((wk) => Math.abs(1 - cc - (cc * wk) / zp)));
        out.push({ c: cc, beta, omega: w, y: yy, rankMinus: 3 - best, sorted: e.values.slice().reverse(), tie });
      }
  GRID = out;
  return out;
}

/** Compare a predicate with the grid's numerical ordering; points within 1e-9 of a tie are skipped. */
export function gridAgreement(
  filter: (p: GridPoint) => boolean,
  numeric: (p: GridPoint) => boolean,
  predicted: (p: GridPoint) => boolean,
): { checked: number; skipped: number; mismatches: GridPoint[] } {
  let checked = 0;
  let skipped = 0;
  const mismatches: GridPoint[] = [];
  for (const p of orderingGrid()) {
    if (!filter(p)) continue;
    if (p.tie < 1e-9) {
      skipped++;
      continue;
    }
    checked++;
    if (numeric(p) !== predicted(p)) mismatches.push(p);
  }
  return { checked, skipped, mismatches };
}

export const gridPointText = (p: GridPoint): string => `c = ${p.c}, β = ${p.beta}, ω = ${p.omega}`;

/** The closed form of W for all (c, β) (beyond the paper): ω·max(0, 1 − c − c/Z₊, cy²/Z₊ − (1 − c)), with max(0, u) = (u + |u|)/2 (u_A, u_C are never both positive). */
export const W_ALL_FORMULA = (() => {
  const Zs = '(1 + exp(-beta*omega) + exp(-2*beta*omega))';
  const A = `(1 - c - c/${Zs})`;
  const C = `(c*exp(-2*beta*omega)/${Zs} - (1 - c))`;
  return `omega*((${A} + abs(${A}))/2 + (${C} + abs(${C}))/2)`;
})();

/** The derived threshold c = t(y) where 1 − c ties with the triplet eigenvalue k (0: ψ0, 1: ψ+, 2: ψ1). */
function singletThreshold(k: number): RatFunc {
  const th = ORDERING.thresholds.find((t) => t.pair[0] === 0 && t.pair[1] === k + 1);
  if (!th) throw new Error(`model-ordering: no derived threshold between 1 − c and triplet level ${k}`);
  return th.t;
}

/** Case boundaries in c, derived: A (1 − c largest) iff c ≤ c_A(y) (= Z₊/(1 + Z₊)); C (1 − c smallest) iff c ≥ c_C(y) (= Z₊/(Z₊ + y²)). */
export const C_A = singletThreshold(0);
export const C_C = singletThreshold(2);

export { rcmp };

/** Sign of a rational function of one variable v on I: pass iff its sign is `want` on I except at the allowed zeros (each must be a zero). */
export function signOn(f: RatFunc, v: string, want: 1 | -1, I: RealInterval, allowedZeros: readonly Rational[] = []): { pass: boolean; detail: string } {
  const s = solveSignRatFunc(f, v, I);
  const wrong = want > 0 ? s.negative : s.positive;
  const zerosOk = s.zeros.every((z) => allowedZeros.some((a) => compareWithRational(z, a) === 0));
  const pass = !s.identicallyZero && wrong.length === 0 && zerosOk && s.undefinedAt.length === 0;
  const zs = s.zeros.map((z) => (z.kind === 'rational' ? rationalToString(z.value) : `≈${rootDecimal(z, 12).approx}`));
  const iv = `${I.loClosed ? '[' : '('}${I.lo ? rationalToString(I.lo) : '-inf'}, ${I.hi ? rationalToString(I.hi) : 'inf'}${I.hiClosed ? ']' : ')'}`;
  return { pass, detail: `${want > 0 ? '> 0' : '< 0'} for ${v} ∈ ${iv}${zs.length ? `, = 0 at ${v} = ${zs.join(', ')}` : ''}: ${pass ? 'yes' : 'NO'} (Sturm)` };
}
