/**
 * Sentences of the paper about populations and the cause of the ergotropy (abstract, Secs. IV A,
 * IV B 1, V), decided with the incoherent part of W: the ergotropy of the dephased state Δρ (the
 * diagonal of ρ in the energy basis). Dephasing is unital and keeps the energy, so
 * 0 ≤ W(Δρ) ≤ W(ρ); "the ergotropy is due to coherences" means W(Δρ) = 0, i.e. Δρ is passive: its
 * populations do not increase with energy. Every threshold below is derived from the state (an
 * affine gap solved for c, signs by Sturm sequences), never typed.
 */
import type { CheckRecord, Claim } from '../src/claims/claim.js';
import { checksClaim } from '../src/claims/templates.js';
import { exactCheck, firstPrinciplesCheck } from '../src/claims/checks.js';
import { zeros } from '../src/numeric/matrix.js';
import { radd, rationalToString, rcmp, rmul, rsub, type Rational } from '../src/numeric/rational.js';
import { toTeX } from '../src/symbolic/expr.js';
import {
  rfadd,
  rfConst,
  rfdiv,
  rfevalPartial,
  rfevalRational,
  rfisZero,
  rfmul,
  rfneg,
  rfsub,
  rftoString,
  rfVar,
  type RatFunc,
} from '../src/symbolic/ratfunc.js';
import { interval, solveSignRatFunc, rootDecimal, type RealAlgebraic } from '../src/symbolic/sturm.js';
import { c, y, ONE, Zp, eq7Symbolic, eq7At, ergotropyAt, energySymbolic, eq7Spectrum } from './model.js';
import { groundStateSymbolic, groundSteadyAt, wPairing } from './model-ground.js';
import { decimalField, type DecimalField } from '../src/numeric/decimal.js';

const Q = (num: bigint, den = 1n): Rational => ({ num, den });
const Y_DOMAIN = interval(0, 1, '(]');
const Y_OPEN = interval(0, 1, '()');

/** TeX of a derived rational function. */
export const texOf = (f: RatFunc): string => toTeX(rftoString(f)).tex;

/** f = a·v + b with a, b free of v: the root −b/a and the slope a; throws if f is not affine in v. */
export function affineRoot(f: RatFunc, v: string): { root: RatFunc; slope: RatFunc } {
  const b = rfevalPartial(f, { [v]: Q(0n) });
  const a = rfsub(rfevalPartial(f, { [v]: Q(1n) }), b);
  if (!rfisZero(rfsub(f, rfadd(rfmul(a, rfVarOf(v)), b)))) throw new Error(`affineRoot: not affine in ${v}`);
  return { root: rfdiv(rfneg(b), a), slope: a };
}
const rfVarOf = (v: string): RatFunc =>
  v === 'c'
    ? c
    : v === 'y'
      ? y
      : (() => {
          throw new Error(`no variable ${v}`);
        })();

/** The sign of f(y) on (0, 1] (or (0, 1)) as +1 / −1 if it keeps one strictly, else 0 (Sturm). */
export function strictSignOnY(f: RatFunc, open = false): { sign: 1 | -1 | 0; zeros: RealAlgebraic[] } {
  const s = solveSignRatFunc(f, 'y', open ? Y_OPEN : Y_DOMAIN);
  if (s.identicallyZero || s.undefinedAt.length) return { sign: 0, zeros: s.zeros };
  if (s.negative.length === 0 && s.zeros.length === 0) return { sign: 1, zeros: [] };
  if (s.positive.length === 0 && s.zeros.length === 0) return { sign: -1, zeros: [] };
  return { sign: 0, zeros: s.zeros };
}

const zeroText = (zs: readonly RealAlgebraic[]): string =>
  zs.map((z) => (z.kind === 'rational' ? rationalToString(z.value) : `≈${rootDecimal(z, 12).approx}`)).join(', ');

/** Ergotropy/ω of a diagonal state with rational populations on the given excitation levels (exact: sort and pair). */
export function diagonalErgotropy(pops: readonly Rational[], levels: readonly number[]): Rational {
  let energy = Q(0n);
  pops.forEach((p, i) => (energy = radd(energy, rmul(p, Q(BigInt(levels[i]))))));
  const ps = [...pops].sort((a, b) => rcmp(b, a));
  const ls = [...levels].sort((a, b) => a - b);
  let passive = Q(0n);
  ps.forEach((p, i) => (passive = radd(passive, rmul(p, Q(BigInt(ls[i]))))));
  return rsub(energy, passive);
}

// ----- the populations of the two-qubit steady state ------------------------------------------------

/** Levels of the basis |11⟩, |10⟩, |01⟩, |00⟩ (indices 0…3). */
const LEVELS2 = [2, 1, 1, 0];

/**
 * The populations of the two-qubit steady state by level and the two gaps between neighbouring
 * levels, each solved for c: p(00) − p(10) ≥ 0 ⟺ c ≥ cLow, p(10) − p(11) ≥ 0 ⟺ c ≤ cHigh
 * (the directions come from the signs of the slopes, decided by Sturm).
 */
export function populationWindow() {
  const rho = eq7Symbolic();
  const p = LEVELS2.map((_, i) => rho.re[i * 5]);
  const gapLow = rfsub(p[3], p[1]); // ground minus single excitation
  const gapHigh = rfsub(p[1], p[0]); // single minus double excitation
  const low = affineRoot(gapLow, 'c');
  const high = affineRoot(gapHigh, 'c');
  return { rho, p, gapLow, gapHigh, low, high, lowSlope: strictSignOnY(low.slope), highSlope: strictSignOnY(high.slope) };
}

/** The derived window as TeX: cLow ≤ c ≤ cHigh, y = e^{−βω}. */
export function windowTeX(w: ReturnType<typeof populationWindow>): string {
  const lowOp = w.lowSlope.sign > 0 ? '\\leq c' : '\\geq c';
  const highOp = w.highSlope.sign < 0 ? 'c \\leq' : 'c \\geq';
  return `${texOf(w.low.root)} ${lowOp}, \\quad ${highOp} ${texOf(w.high.root)}, \\quad y = e^{-\\beta\\omega}`;
}

/** Exact checks that derive the window: the two gaps, the directions, the window's ends at β = 0 and β → ∞. */
export function windowChecks(): CheckRecord[] {
  const w = populationWindow();
  const endsAt = (f: RatFunc, yv: bigint) => rationalToString(rfevalRational(f, { y: Q(yv) }));
  const width = rfsub(w.high.root, w.low.root);
  const ws = strictSignOnY(width, true);
  const atOne = rfevalRational(width, { y: Q(1n) });
  return [
    exactCheck('degenerate level: p(10) ≡ p(01)', 'consistency', 'exact-identity', () => {
      const ok = rfisZero(rfsub(w.p[1], w.p[2]));
      return { pass: ok, detail: ok ? 'the two singly excited states have the same population, so "inverted" compares three levels' : 'p(10) ≢ p(01)' };
    }),
    exactCheck('the two level gaps, solved for c (exact), with their directions (Sturm)', 'consistency', 'exact-sign', () => {
      const ok = w.lowSlope.sign !== 0 && w.highSlope.sign !== 0;
      return {
        pass: ok,
        detail: `p(00) − p(10) = ${rftoString(w.gapLow)}: slope in c ${w.lowSlope.sign > 0 ? '> 0' : w.lowSlope.sign < 0 ? '< 0' : 'changes sign'} on y ∈ (0, 1], zero at c = ${rftoString(w.low.root)} (${endsAt(w.low.root, 1n)} at β = 0); p(10) − p(11) = ${rftoString(w.gapHigh)}: slope ${w.highSlope.sign > 0 ? '> 0' : w.highSlope.sign < 0 ? '< 0' : 'changes sign'}, zero at c = ${rftoString(w.high.root)} (${endsAt(w.high.root, 1n)} at β = 0)`,
      };
    }),
    exactCheck('the window is non-empty, and a single point only at β = 0', 'consistency', 'exact-sign', () => {
      const ok = ws.sign > 0 && atOne.num === 0n;
      return {
        pass: ok,
        detail: `cHigh − cLow = ${rftoString(width)} ${ws.sign > 0 ? '> 0' : 'is not > 0'} on y ∈ (0, 1) (Sturm) and = ${rationalToString(atOne)} at y = 1`,
      };
    }),
  ];
}

/** The populations of the numerically built state against the derived gaps (second route). */
export function populationsFirstPrinciples(ctx: { precision: number; seed: number }): CheckRecord[] {
  const w = populationWindow();
  const ranges = { c: { lo: 0, hi: 1 }, beta: { lo: 0, hi: 6 }, omega: { lo: '1/2', hi: 3 } };
  return [
    firstPrinciplesCheck(
      'p(00) − p(10) of the numerical state vs the derived gap',
      'consistency',
      w.gapLow,
      (pt, D) => {
        const r = eq7At(D, pt);
        return { value: r.re[15].minus(r.re[5]) };
      },
      ctx,
      ranges,
      { points: 3, what: 'the populations of Eq. (7) built at 70 digits' },
    ),
    firstPrinciplesCheck(
      'p(10) − p(11) of the numerical state vs the derived gap',
      'consistency',
      w.gapHigh,
      (pt, D) => {
        const r = eq7At(D, pt);
        return { value: r.re[5].minus(r.re[0]) };
      },
      ctx,
      ranges,
      { points: 3, what: 'the populations of Eq. (7) built at 70 digits' },
    ),
  ];
}

/** The incoherent ergotropy W(Δρ)/ω of the two-qubit steady state at a rational (c, y), exactly. */
function incoherentTwoQubit(cv: Rational, yv: Rational): Rational {
  const { p } = populationWindow();
  return diagonalErgotropy(
    p.map((f) => rfevalRational(f, { c: cv, y: yv })),
    LEVELS2,
  );
}

/** Sample points (c, y) across the domain: the window's inside and both outsides, at β = 0 and β > 0. */
const SAMPLES: readonly [Rational, Rational][] = [
  [Q(0n), Q(1n)],
  [Q(1n), Q(1n)],
  [Q(3n, 4n), Q(1n)],
  [Q(1n, 5n), Q(1n, 2n)],
  [Q(1n, 2n), Q(1n, 2n)],
  [Q(19n, 20n), Q(1n, 2n)],
];

/** W(Δρ) of the numerical two-qubit state (dephased, certified ergotropy) at (c, y), y = e^{−βω} with ω = 1. */
function dephasedAt(D: DecimalField, cv: Rational, yv: Rational) {
  const beta = yv.num === yv.den ? D.zero : D.fromRational({ num: yv.den, den: yv.num }).ln();
  const r = eq7At(D, { beta, omega: D.one, c: D.fromRational(cv) });
  const d = zeros(D, 4);
  for (let i = 0; i < 4; i++) d.re[i * 5] = r.re[i * 5];
  return { full: ergotropyAt(D, r, D.one), dephased: ergotropyAt(D, d, D.one) };
}

/**
 * Exact W(Δρ)/ω at the sample points, inside the window = 0 and outside > 0, and the certified
 * ergotropy of the numerically dephased state at the same points (ω = 1).
 */
function incoherentChecks(name: string, role: CheckRecord['role'], wantZeroEverywhere: boolean, ctx: { precision: number }): CheckRecord[] {
  const w = populationWindow();
  const rows = SAMPLES.map(([cv, yv]) => {
    const inc = incoherentTwoQubit(cv, yv);
    const lo = rfevalRational(w.low.root, { y: yv });
    const hi = rfevalRational(w.high.root, { y: yv });
    const inside = rcmp(lo, cv) <= 0 && rcmp(cv, hi) <= 0;
    const full = twoQubitW(cv, yv);
    return { cv, yv, inc, inside, full };
  });
  const text = (r: (typeof rows)[number]) =>
    `c = ${rationalToString(r.cv)}, y = ${rationalToString(r.yv)}: W(Δρ)/ω = ${rationalToString(r.inc)}, W/ω = ${rationalToString(r.full)}`;
  const lemma = rows.every((r) => (r.inc.num === 0n) === r.inside);
  const positive = rows.filter((r) => r.inc.num !== 0n);
  const printedHolds = positive.length === 0;
  const checks: CheckRecord[] = [
    exactCheck('W(Δρ) = 0 exactly inside the population window, > 0 outside (exact at sample points)', 'consistency', 'exact-value', () => ({
      pass: lemma,
      detail: `${rows.map(text).join('; ')} — zero exactly where the populations are non-inverted`,
    })),
  ];
  if (wantZeroEverywhere) {
    const r0 = positive[0];
    checks.push({
      name,
      role,
      method: 'exact-value',
      outcome: printedHolds ? 'pass' : 'fail',
      detail: printedHolds
        ? 'W(Δρ) = 0 at every sample point'
        : `W(Δρ) > 0 at ${positive.length} of ${rows.length} sample points, e.g. ${text(r0)}: part of the ergotropy needs no coherence`,
      ...(printedHolds
        ? {}
        : { where: `wherever c lies outside [${rftoString(w.low.root)}, ${rftoString(w.high.root)}] (y = e^{−βω}): there W(Δρ) > 0, e.g. ${text(r0)}` }),
    });
  }
  const D = fieldOf(ctx.precision);
  let worst = new D.Decimal(0);
  const bad: string[] = [];
  for (const r of rows) {
    const fp = dephasedAt(D, r.cv, r.yv);
    const dev = fp.dephased.value.minus(D.fromRational(r.inc)).abs();
    if (dev.gt(worst)) worst = dev;
    if (dev.gt(fp.dephased.errorBound.plus(new D.Decimal(10).pow(-(ctx.precision - 10))))) bad.push(text(r));
  }
  checks.push({
    name: 'exact W(Δρ) vs the certified ergotropy of the numerically dephased state',
    role: 'consistency',
    method: 'first-principles',
    outcome: bad.length ? 'fail' : 'pass',
    detail: bad.length
      ? `differs at ${bad.join('; ')}`
      : `agree at all ${rows.length} points within the certified error bound (ω = 1, ${ctx.precision} digits)`,
    maxDeviation: worst.toSignificantDigits(3).toString(),
  });
  return checks;
}

const fieldMemo = new Map<number, DecimalField>();
const fieldOf = (p: number): DecimalField => {
  if (!fieldMemo.has(p)) fieldMemo.set(p, decimalField(p + 20));
  return fieldMemo.get(p)!;
};

/** W/ω of the two-qubit steady state at rational (c, y) from its exact spectrum (sorted, paired). */
function twoQubitW(cv: Rational, yv: Rational): Rational {
  const S = eq7Spectrum();
  const vals = [S.minus, S.zero, S.plus, S.one].map((f) => rfevalRational(f, { c: cv, y: yv })).sort((a, b) => rcmp(b, a));
  const E = rfevalRational(energySymbolic(eq7Symbolic()), { c: cv, y: yv, omega: Q(1n) });
  let passive = Q(0n);
  vals.forEach((v, i) => (passive = radd(passive, rmul(v, Q(BigInt([0, 1, 1, 2][i]))))));
  return rsub(E, passive);
}

// ----- the ground-state family, N = 2 ------------------------------------------------------------

/** The N = 2 ground-state steady state: populations by level, the incoherent ergotropy and its zero set in r. */
function groundTwo() {
  const rho = groundStateSymbolic(2);
  const p = [0, 1, 2, 3].map((i) => rho.re[i * 5]);
  const gapHigh = rfsub(p[1], p[0]); // single minus double excitation, in r
  const gapLow = rfsub(p[3], p[1]);
  // dephased state with |11⟩ above a single excitation: passive order p0, p11, p10, p01
  const E = rfadd(rfmul(rfadd(p[1], p[2]), ONE), rfmul(p[0], rfConstOf(2n)));
  const passiveSwapped = rfadd(rfadd(p[0], p[1]), rfmul(p[2], rfConstOf(2n)));
  const incoherentSwapped = rfsub(E, passiveSwapped); // W(Δρ)/ω where p(11) > p(10)
  return { p, gapHigh, gapLow, incoherentSwapped, total: rfdiv(wPairing(2), rfVarOmega()) };
}
const rfConstOf = (n: bigint): RatFunc => rfConst(n);
const rfVarOmega = (): RatFunc => rfVar('omega');

// ----- the claims --------------------------------------------------------------------------------

const TWO_QUBIT_NOTE =
  'y = e^{−βω}; the populations of Eq. (7) by level (|00⟩: 0, |10⟩ and |01⟩: ω, |11⟩: 2ω) taken from the state, the two gaps between neighbouring levels solved for c exactly and their directions decided with Sturm sequences';

const dueToCoherences = checksClaim({
  id: 'eq7-ergotropy-due-to-coherences',
  location: 'Sec. IV A, text after Fig. 1 ("so all the non-zero ergotropy [...] are due to the presence of coherences")',
  statement:
    'All the non-zero ergotropy of the steady states of Eq. (7) is due to the presence of coherences: the dephased state carries none, W(Δρ) = 0 for every c and β.',
  printed:
    '\\text{all the non-zero ergotropy we contained in these steady-states are due to the presence of coherences} \\quad [\\mathcal{W}(\\Delta\\rho_{ss}) = 0 \\ \\forall c, \\beta]',
  derived: () => {
    const w = populationWindow();
    return `\\mathcal{W}(\\Delta\\rho_{ss}) = 0 \\iff ${windowTeX(w)}; \\text{ elsewhere } \\mathcal{W}(\\Delta\\rho_{ss}) > 0`;
  },
  howDecided: `${TWO_QUBIT_NOTE}; Δρ is passive (W(Δρ) = 0) iff its populations do not increase with energy, so W(Δρ) = 0 exactly on the population window; W(Δρ) computed exactly at sample points inside and outside the window and against the certified ergotropy of the numerically dephased state`,
  checks: (ctx) => [...windowChecks(), ...incoherentChecks('printed: W(Δρ) = 0 for every c, β', 'printed', true, ctx)],
});

const abstractNotInverted = checksClaim({
  id: 'abstract-not-inverted',
  location: 'Abstract ("even though the system do not have inverted populations, it is possible to extract work from the coherences")',
  statement:
    'The two-qubit steady states from which work can be extracted (W > 0) do not have inverted populations: their ergotropy comes from the coherences.',
  printed:
    '\\text{even though the system do not have inverted populations, it is possible to extract work from the coherences} \\quad [\\mathcal{W} > 0 \\Rightarrow \\text{populations non-inverted}]',
  derived: () => {
    const w = populationWindow();
    const cA = affineRoot(rfmul(Zp, rfsub(eq7Spectrum().minus, eq7Spectrum().zero)), 'c').root;
    return `\\mathcal{W} > 0 \\text{ with non-inverted populations} \\iff ${texOf(w.low.root)} \\leq c < ${texOf(cA)} \\ (\\text{non-empty iff } \\beta > 0), \\quad y = e^{-\\beta\\omega}`;
  },
  howDecided: `${TWO_QUBIT_NOTE}; W > 0 with the largest eigenvalue 1 − c (c below the crossing of 1 − c with c/Z₊, solved for c exactly) or with 1 − c smallest; the states with W > 0 compared with the population window: exact values at sample points, the overlap of the two c-ranges decided with Sturm sequences`,
  checks: (ctx) => {
    const w = populationWindow();
    const S = eq7Spectrum();
    const cA = affineRoot(rfmul(Zp, rfsub(S.minus, S.zero)), 'c').root;
    const overlap = rfsub(cA, w.low.root);
    const os = strictSignOnY(overlap, true);
    const atOne = rfevalRational(overlap, { y: Q(1n) });
    const rows = SAMPLES.map(([cv, yv]) => ({ cv, yv, W: twoQubitW(cv, yv), inc: incoherentTwoQubit(cv, yv) }));
    const counter = rows.find((r) => r.W.num !== 0n && r.inc.num !== 0n);
    return [
      ...windowChecks(),
      exactCheck('W > 0 with non-inverted populations exactly for cLow ≤ c < c(1 − c = c/Z₊), β > 0', 'consistency', 'exact-sign', () => ({
        pass: os.sign > 0 && atOne.num === 0n,
        detail: `c(1 − c = c/Z₊) − cLow = ${rftoString(overlap)} ${os.sign > 0 ? '> 0' : 'not > 0'} on y ∈ (0, 1) (Sturm), = ${rationalToString(atOne)} at β = 0: inside the window W > 0 only below that crossing, and only for β > 0`,
      })),
      {
        name: 'printed: every state with W > 0 has non-inverted populations',
        role: 'printed',
        method: 'exact-value',
        outcome: counter ? 'fail' : 'pass',
        detail: counter
          ? `at c = ${rationalToString(counter.cv)}, y = ${rationalToString(counter.yv)}: W/ω = ${rationalToString(counter.W)} > 0 with inverted populations (W(Δρ)/ω = ${rationalToString(counter.inc)} > 0)`
          : 'no sample with W > 0 has inverted populations',
        ...(counter
          ? {
              where: `for c < ${rftoString(w.low.root)} or c > ${rftoString(w.high.root)} (y = e^{−βω}) where W > 0, e.g. c = ${rationalToString(counter.cv)}, y = ${rationalToString(counter.yv)}`,
            }
          : {}),
      },
      ...incoherentChecks('', 'consistency', false, ctx).filter((k) => k.method === 'first-principles'),
    ];
  },
});

const conclusionSolely = checksClaim({
  id: 'sec5-solely-coherences',
  location: 'Sec. V ("solely due to the presence of such coherences, the steady-states [...] yield a finite amount of ergotropy")',
  statement:
    'The steady states yield a finite ergotropy solely due to the presence of coherences: the dephased steady state carries no ergotropy, for the two-qubit family of Eq. (7) and for the ground initial states.',
  printed:
    '\\text{solely due to the presence of such coherences, the steady-states [...] yield a finite amount of ergotropy} \\quad [\\mathcal{W}(\\Delta\\rho_{ss}) = 0]',
  derived: () => {
    const w = populationWindow();
    const g = groundTwo();
    const r0 = affineRootInR(g.gapHigh);
    return `\\text{Eq. (7): } \\mathcal{W}(\\Delta\\rho_{ss}) = 0 \\iff ${windowTeX(w)}; \\quad \\text{ground state, } N = 2: \\mathcal{W}(\\Delta\\rho_{ss}) = 0 \\iff r \\leq ${r0}`;
  },
  howDecided: `the incoherent part W(Δρ) of both families of the paper: ${TWO_QUBIT_NOTE}; for the N = 2 ground-state steady state (Eqs. (13)–(14), r = e^{−βω}) the gap p(10) − p(11) decided on r ∈ (0, 1) with Sturm sequences`,
  checks: (ctx) => {
    const g = groundTwo();
    const s = solveSignRatFunc(g.gapHigh, 'y', Y_OPEN);
    return [
      ...windowChecks(),
      ...incoherentChecks('printed: W(Δρ) = 0 for the two-qubit family', 'printed', true, ctx),
      exactCheck('ground state N = 2: p(10) − p(11) changes sign on r ∈ (0, 1)', 'consistency', 'exact-sign', () => ({
        pass: s.zeros.length === 1,
        detail: `p(10) − p(11) = ${rftoString(g.gapHigh)}: zero at r = ${zeroText(s.zeros)}, < 0 above it (|11⟩ over-populated, W(Δρ) > 0)`,
      })),
    ];
  },
});

/** The zero of a gap in r (= y) on (0, 1), as text. */
function affineRootInR(f: RatFunc): string {
  const s = solveSignRatFunc(f, 'y', Y_OPEN);
  return zeroText(s.zeros);
}

const d2Coherences = checksClaim({
  id: 'sec4b1-d2-due-to-coherences',
  location: 'Sec. IV B 1, remark on N = 2 ("the reason behind D₂ can be extracted as work is indeed due to the presence of coherences")',
  statement:
    'For two qubits started in the ground state, the ergotropy (which comes from the block D₂) is due to the coherences: the dephased steady state carries none.',
  printed:
    '\\text{the reason behind } D_2 \\text{ can be extracted as work is indeed due to the presence of coherences} \\quad [\\mathcal{W}(\\Delta\\rho_{ss}) = 0, \\ 0 < r < 1]',
  derived: () => {
    const g = groundTwo();
    return `\\mathcal{W}(\\Delta\\rho_{ss}) = 0 \\iff r \\leq ${affineRootInR(g.gapHigh)}; \\quad r > ${affineRootInR(g.gapHigh)}: \\ \\mathcal{W}(\\Delta\\rho_{ss}) = \\omega\\,${texOf(g.incoherentSwapped)}, \\quad r = e^{-\\beta\\omega}`;
  },
  howDecided:
    'the N = 2 ground-state steady state (Eqs. (13)–(14), r = e^{−βω}) dephased: its populations by level, the gap p(10) − p(11) decided on r ∈ (0, 1) with Sturm sequences, W(Δρ) for the swapped order derived exactly and compared with W (Eq. (16), N = 2) at r → 1; the certified ergotropy of the numerically dephased first-principles state as second route',
  checks: (ctx) => {
    const g = groundTwo();
    const s = solveSignRatFunc(g.gapHigh, 'y', Y_OPEN);
    const low = strictSignOnY(g.gapLow, true);
    const ratioAtOne = (() => {
      // W(Δρ)/W at r → 1: both vanish like (1 − r); compare the leading terms exactly
      const ratio = rfdiv(g.incoherentSwapped, g.total);
      return rfevalRational(ratio, { y: Q(1n) });
    })();
    const inside = s.zeros.length === 1;
    return [
      exactCheck('p(00) − p(10) > 0 on r ∈ (0, 1)', 'consistency', 'exact-sign', () => ({
        pass: low.sign > 0,
        detail: `p(00) − p(10) = ${rftoString(g.gapLow)} ${low.sign > 0 ? '> 0' : 'not > 0'} (Sturm)`,
      })),
      {
        name: 'printed: W(Δρ) = 0 for every r ∈ (0, 1)',
        role: 'printed',
        method: 'exact-sign',
        outcome: inside ? 'fail' : 'pass',
        detail: inside
          ? `p(10) − p(11) = ${rftoString(g.gapHigh)} vanishes at r = ${zeroText(s.zeros)} and is < 0 above it: the dephased state is active there, W(Δρ)/ω = ${rftoString(g.incoherentSwapped)}, which is ${rationalToString(ratioAtOne)} of W at r → 1`
          : 'p(10) ≥ p(11) for every r',
        ...(inside
          ? {
              where: `for r > ${zeroText(s.zeros)} (βω < ln(1/r) at that root${s.zeros[0].kind === 'rational' ? ` = ln ${rationalToString({ num: s.zeros[0].value.den, den: s.zeros[0].value.num })}` : ''}): W(Δρ) > 0`,
            }
          : {}),
      },
      firstPrinciplesCheck(
        'W(Δρ) derived vs the certified ergotropy of the dephased first-principles state (r > 1/2)',
        'consistency',
        rfmul(g.incoherentSwapped, rfVarOmega()),
        (pt, D) => {
          const rho = groundSteadyAt(D, 2, pt);
          const d = zeros(D, 4);
          for (let i = 0; i < 4; i++) d.re[i * 5] = rho.re[i * 5];
          return ergotropyAt(D, d, pt.omega);
        },
        ctx,
        { beta: { lo: 0, hi: '1/2' }, omega: { lo: '1/2', hi: 1 } },
        { points: 3, what: 'the certified ergotropy of the dephased steady state from the ground state (N = 2, exact collective map), where βω < ln 2' },
      ),
    ];
  },
});

export const SEC_COHERENCE_SENTENCES: readonly Claim[] = [dueToCoherences, abstractNotInverted, d2Coherences, conclusionSolely];
