/** Sec. IV B of the paper: scaling with the number of qubits, Eqs. (13)–(16), Figs. 2–3 and the text around them. */
import type { CheckRecord, Claim, ClaimContext } from '../src/claims/claim.js';
import { checksClaim, formulaClaim, notCheckable } from '../src/claims/templates.js';
import { exactCheck, exactIdentity, firstPrinciplesCheck, ratFuncOf, type Ranges } from '../src/claims/checks.js';
import { maxAbs, sub, partialTrace, trace } from '../src/numeric/matrix.js';
import { collectiveCoupling } from '../src/physics/lindblad.js';
import { collectiveSteadyState } from '../src/physics/steady-state.js';
import { groundStateSteadyState } from '../src/physics/ground-steady-state.js';
import { ergotropy } from '../src/physics/ergotropy.js';
import { h0 } from '../src/physics/qubits.js';
import { l1Coherence } from '../src/physics/coherence.js';
import {
  fromAst,
  THERMAL_DEFINITIONS,
  identical,
  rfadd,
  rfConst,
  rfdiv,
  rfevalPartial,
  rfisZero,
  rfmul,
  rfpow,
  rfsub,
  rfVar,
  rftoString,
  type RatFunc,
} from '../src/symbolic/ratfunc.js';
import { solveSign, solveSignRatFunc, interval, signSolutionToString } from '../src/symbolic/sturm.js';
import { limitAt, limitAtInfinity } from '../src/symbolic/limit.js';
import { astToString, exactConstant, substitute, toTeX, type Ast } from '../src/symbolic/expr.js';
import { parseTeX, printedEquations, relationToInequalities } from '../src/symbolic/tex-parse.js';
import { printedForms, printedLimits, printedRelation, readPrinted, type PrintedReading } from '../src/claims/printed.js';
import { zeroSetOfDifference } from '../src/claims/differs.js';
import { Rf, lindbladSymbolic, isZeroMatrix } from './model.js';
import {
  Y,
  OMEGA,
  binom,
  blockWeight,
  groundL1,
  dk,
  wPairing,
  groundStateSymbolic,
  rfDerivative,
  rangeText,
  groundSteadyAt,
  groundBlockWeightRatioAt,
  groundErgotropyAt,
  groundL1At,
  gibbsAt,
  firstPrinciplesPerN,
} from './model-ground.js';

const RANGES: Ranges = { beta: { lo: '1/10', hi: 3 }, omega: { lo: '1/2', hi: 2 } };
const ONE = rfConst(1);
const ZERO = rfConst(0);
const NS_EXACT = Array.from({ length: 30 }, (_, i) => i + 1);
const I01 = interval(0, 1, '()');

/** Eq. (15) as printed; the claim compares its closed form (form 2), the sum being the derivation's own route. */
export const EQ15_TEX = 'C_{l_1} = \\sum_{k=0}^N d_k p_k (p_k - 1) = \\frac{(r-1)(r+1)^N}{r^{N+1} - 1} - 1';
/** Eq. (16) as printed; the claim compares its closed form (form 2), the printed sum in a check of its own. */
export const EQ16_TEX = '\\mathcal{W} = \\sum_{k=1}^{N-1} kp_{k+1}d_{k+1}\\omega = \\omega \\left(N + \\frac{N+r}{r^{N+1}-1} + \\frac{r}{1-r} \\right)';
const CLOSED_FORM: PrintedReading = { forms: [1] };
/** The closed form of Eq. (15) or (16) read from its TeX at N. */
const closedForm = (tex: string, N: number): RatFunc => ratFuncOf(printedForms(tex, CLOSED_FORM, { N })[0]);

/** Eqs. (13)–(14) as printed. */
const EQ13_14_TEX = '\\rho = \\mathrm{diag}(D_N, D_{N-1}, \\dots, D_1, D_0), \\quad D_k = d_k U_k, \\quad d_k = \\frac{(1-r)r^k}{(1-r^{N+1})p_k}';
/** The printed definition of r after Eq. (14), read literally by TeX precedence: (n̄/n̄) + 1, as printed. */
export const R_DEFINITION_TEX = 'r = \\bar{n}/\\bar{n} + 1';
/** The printed limits after Eqs. (15) and (16). */
export const EQ15_LIMITS_TEX = 'r \\to 0:\\ C_{l_1} \\to 0; \\qquad r \\to 1:\\ C_{l_1} = (2^N - N - 1)/(N + 1)';
export const EQ16_LIMITS_TEX = 'r \\to 0:\\ \\mathcal{W} \\to 0; \\qquad r \\to 1:\\ \\mathcal{W} = \\omega[N(N-1)]/[2(N+1)]';
/** The printed order of the block eigenvalues. */
export const BLOCK_ORDER_TEX = 'p_k d_k > p_{k+1} d_{k+1}';

/** The limits a claim prints (r → a: Q → v), read from its TeX at N, each as [a, v]; v is null where it is not a rational function (e.g. divides by zero at this N). */
function limitsAt(tex: string, N: number): { at: number; value: RatFunc | null; text: string }[] {
  return printedLimits(tex, { N }).map((l) => {
    const a = exactConstant(l.at);
    if (!a || l.variable !== 'r') throw new Error(`limitsAt: the printed limit ${l.variable} → ${astToString(l.at)} is not r → a number`);
    const v = fromAst(l.value, { definitions: THERMAL_DEFINITIONS });
    return { at: Number(a.num) / Number(a.den), value: v.ok ? v.value : null, text: v.ok ? '' : v.message };
  });
}

/**
 * The printed sum of Eq. (15) or (16) (form 1) at N, with p_k = C(N, k) and the d_k of the steady
 * state substituted: a rational function, or why it is not one.
 */
export function printedSumAt(tex: string, N: number): RatFunc | string {
  const [sum] = readPrinted(tex, {}, { N }).forms;
  const defs: Record<string, string> = {};
  for (let j = 0; j <= N + 1; j++) {
    defs[`p_${j}`] = String(j <= N ? binom(N, j) : 0n);
    defs[`d_${j}`] = j <= N ? `(${rftoString(dk(N, j))})` : '0';
  }
  const r = fromAst(substitute(sum, defs), { definitions: THERMAL_DEFINITIONS });
  return r.ok ? r.value : r.message;
}

/** printed sum ≡ derived at every N, as an exact check. */
function printedSumCheck(tex: string, derived: (N: number) => RatFunc, what: string): CheckRecord {
  const rec = exactForN(
    `printed sum (form 1, read from the TeX) ≡ derived ${what}`,
    'printed',
    NS_EXACT,
    (N) => {
      const p = printedSumAt(tex, N);
      return typeof p === 'string' ? `the printed sum is not a rational function here (${p})` : same(p, derived(N));
    },
    'identical as rational functions (p_k = C(N, k), d_k of the steady state)',
  );
  return rec.outcome === 'pass' ? rec : { ...rec, where: `the printed sum: ${rec.detail}` };
}

/** Whether the printed limits of a closed form hold at r → a: the exact limit of the printed closed form is the printed value. */
function printedLimitCheck(eqTex: string, limitsTex: string, N: number, a: number): string | null {
  const l = limitsAt(limitsTex, N).find((x) => x.at === a);
  if (!l) return `no printed limit at r → ${a}`;
  if (!l.value) return `the printed value at r → ${a} is undefined here (${l.text})`;
  return same(limitValue(closedForm(eqTex, N), a), l.value);
}

/** Whether a difference with the sign solution `s` on (0, 1) satisfies the printed relation `op 0` there. */
function orderHolds(op: string, s: { positive: readonly unknown[]; negative: readonly unknown[]; zeros: readonly unknown[] }): boolean {
  const none = (x: readonly unknown[]) => x.length === 0;
  switch (op) {
    case '>':
      return none(s.negative) && none(s.zeros);
    case '>=':
      return none(s.negative);
    case '<':
      return none(s.positive) && none(s.zeros);
    case '<=':
      return none(s.positive);
    case '=':
      return none(s.positive) && none(s.negative);
    default:
      return none(s.zeros);
  }
}

/** One exact check over several N: `test(N)` returns null when it holds, else the reason. */
export function exactForN(name: string, role: CheckRecord['role'], Ns: readonly number[], test: (N: number) => string | null, ok: string): CheckRecord {
  return exactCheck(name, role, 'exact-identity', () => {
    const failure = Ns.map((N) => ({ N, why: test(N) })).find((r) => r.why !== null);
    return { pass: failure === undefined, detail: failure ? `N = ${failure.N}: ${failure.why}` : `${ok} for N = ${rangeText(Ns)}` };
  });
}

const same = (a: RatFunc, b: RatFunc): string | null => (identical(a, b).identical ? null : `${rftoString(a)} ≢ ${rftoString(b)}`);

/** The finite limit value at y → a, or throws (a pole where a value was expected). */
export function limitValue(f: RatFunc, a: number): RatFunc {
  const l = limitAt(f, 'y', a);
  if (l.kind !== 'finite') throw new Error(`limit at y = ${a} is a pole of order ${l.order}`);
  return l.value;
}

// ----- symbolic-N proofs by induction (u = (1 + r)^N, v = r^N, n = N as symbols) -----------------

const r = rfVar('r');
const u = rfVar('u');
const v = rfVar('v');
const n = rfVar('n');

/** Σ_{k=0}^{N} r^k in closed form with v = r^N: g(v) = (1 − r v)/(1 − r). */
const geomClosed = (vv: RatFunc): RatFunc => rfdiv(rfsub(ONE, rfmul(r, vv)), rfsub(ONE, r));
/** The closed form of A(N) = Σ_{k=1}^{N−1} k r^{k+1} read off the printed Eq. (16): W/ω · (1 − r v)/(1 − r). */
const aClosed = (nn: RatFunc, vv: RatFunc): RatFunc =>
  rfmul(rfadd(rfadd(nn, rfdiv(rfadd(nn, r), rfsub(rfmul(r, vv), ONE))), rfdiv(r, rfsub(ONE, r))), rfdiv(rfsub(ONE, rfmul(r, vv)), rfsub(ONE, r)));

function inductionEq15(): { pass: boolean; detail: string } {
  const base = identical(geomClosed(ONE), ONE).identical; // N = 0: v = 1, G(0) = 1
  const step = identical(rfsub(geomClosed(rfmul(r, v)), geomClosed(v)), rfmul(r, v)).identical; // G(N+1) − G(N) = r^{N+1} = r v
  // derived: Σ d_k p_k (p_k − 1) = (1 − r)/(1 − r^{N+1}) (Σ C(N,k) r^k − Σ r^k) = (1 − r)/(1 − r v)(u − G(N))
  const derived = rfmul(rfdiv(rfsub(ONE, r), rfsub(ONE, rfmul(r, v))), rfsub(u, geomClosed(v)));
  const printed = rfsub(rfdiv(rfmul(rfsub(r, ONE), u), rfsub(rfmul(r, v), ONE)), ONE);
  const closed = identical(derived, printed).identical;
  const pass = base && step && closed;
  return {
    pass,
    detail: pass
      ? 'for symbolic N: G(N) = Σ_{k=0}^N r^k equals (1 − r v)/(1 − r) with v = r^N (base N = 0 and step G(N+1) − G(N) = r v hold identically in Q(r, v)); Σ C(N,k) r^k = u = (1 + r)^N (binomial theorem); then (1 − r)/(1 − r v)·(u − G(N)) ≡ (r − 1)u/(r v − 1) − 1 in Q(r, u, v)'
      : `induction failed (base ${base}, step ${step}, closed form ${closed})`,
  };
}

function inductionEq16(): { pass: boolean; detail: string } {
  const base = rfisZero(aClosed(ONE, r)); // N = 1: A(1) = 0, v = r
  const step = identical(rfsub(aClosed(rfadd(n, ONE), rfmul(r, v)), aClosed(n, v)), rfmul(n, rfmul(r, v))).identical; // A(N+1) − A(N) = N r^{N+1}
  const pass = base && step;
  return {
    pass,
    detail: pass
      ? 'for symbolic N: with v = r^N, a(N, v) = (N + (N + r)/(r v − 1) + r/(1 − r))·(1 − r v)/(1 − r) satisfies a(1, r) = 0 = A(1) and a(N + 1, r v) − a(N, v) ≡ N r v = A(N + 1) − A(N) in Q(r, v, N), so A(N) = Σ_{k=1}^{N−1} k r^{k+1} = a(N, r^N) for all N ≥ 1; and Σ_{k=1}^{N−1} k p_{k+1} d_{k+1} = (1 − r)/(1 − r^{N+1})·A(N) is the printed closed form'
      : `induction failed (base ${base}, step ${step})`,
  };
}

// ----- shared numeric pieces ----------------------------------------------------------------------

const fpNs = (lo: number, hi: number): number[] => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
/** Two points (ω = 1 and ω ≠ 1) for small N, one (ω = 1 or not, by seed) for the largest. */
const ptsFor = (N: number): number => (N <= 5 ? 2 : 1);

function cl1FirstPrinciples(name: string, role: CheckRecord['role'], formula: (N: number) => string | RatFunc, ctx: ClaimContext): CheckRecord {
  return firstPrinciplesPerN(name, role, fpNs(2, 7), formula, (N, p, D) => ({ value: groundL1At(D, N, p) }), ctx, RANGES, {
    points: ptsFor,
    what: 'C_l1 (Eq. (3)) of the steady state reached from the all-ground state by the exact collective map, 60 digits',
  });
}

function wFirstPrinciples(name: string, role: CheckRecord['role'], formula: (N: number) => string | RatFunc, ctx: ClaimContext): CheckRecord {
  return firstPrinciplesPerN(
    name,
    role,
    fpNs(2, 6),
    formula,
    (N, p, D) => {
      const e = groundErgotropyAt(D, N, p);
      return { value: e.ergotropy, errorBound: e.errorBound };
    },
    ctx,
    RANGES,
    {
      points: ptsFor,
      what: 'the certified ergotropy (Eq. (2)) of the steady state reached from the all-ground state (exact collective map, diagonalised at 60 digits)',
    },
  );
}

/** Where n̄ = y/(1 − y) → ∞ (high temperature): a pole at y = 1, i.e. β → 0; n̄ → 0 at y → 0 (β → ∞). */
function highTemperatureEnd(): { pass: boolean; beta: string; detail: string } {
  const nbar = rfdiv(Y, rfsub(ONE, Y));
  const at1 = limitAt(nbar, 'y', 1);
  const at0 = limitAt(nbar, 'y', 0);
  const pass = at1.kind === 'pole' && at0.kind === 'finite' && rfisZero(at0.value);
  return {
    pass,
    beta: at1.kind === 'pole' ? '0' : '\\infty',
    detail: pass
      ? 'n̄ = y/(1 − y) has a pole at y = 1 (β = 0) and tends to 0 at y = 0 (β → ∞), exactly: the high-temperature limit is β → 0'
      : 'n̄ has no pole at y = 1',
  };
}

/** β = 0 exactly (r = 1): first principles at the high-temperature end. */
const BETA0: Ranges = { beta: { lo: 0, hi: 0 }, omega: { lo: '1/2', hi: 2 } };

/** Eq. (15): the printed closed form against C_l1 of the derived state (from its blocks, src/derive), N = 1..30 exactly and by induction. */
export function eq15Claim(printed: string = EQ15_TEX): Claim {
  return formulaClaim({
    id: 'eq15-closed-form',
    location: 'Eq. (15)',
    statement: 'The l1-norm of coherence of Eq. (13) is C_l1 = Σ_k d_k p_k (p_k − 1) = (r − 1)(r + 1)^N/(r^{N+1} − 1) − 1.',
    printed,
    reading: CLOSED_FORM,
    perN: NS_EXACT,
    derive: (N) => groundL1(N!),
    derivedTeX: 'C_{l_1} = \\frac{1-r}{1-r^{N+1}}\\sum_{k=0}^{N} r^k \\left(\\binom{N}{k} - 1\\right)',
    derivation:
      'C_l1 of the derived steady state from its blocks: C(N, k)(C(N, k) − 1) off-diagonal entries d_k in block k, the sign of each d_k decided on 0 < r < 1 (Sturm, positive), a rational function of r for each N',
    ranges: RANGES,
    extraChecks: (ctx, printedAt) => [
      printedSumCheck(printed, groundL1, 'C_l1'),
      exactCheck('closed form for symbolic N (induction)', 'printed', 'exact-identity', inductionEq15),
      cl1FirstPrinciples('derived C_l1 vs first principles', 'consistency', (N) => groundL1(N), ctx),
      cl1FirstPrinciples('printed closed form vs first principles', 'printed', (N) => printedAt(N), ctx),
    ],
  });
}

/** Eq. (16): the printed sum and closed form against W derived from Eq. (2), N = 1..30 exactly and by induction. */
export function eq16Claim(printed: string = EQ16_TEX): Claim {
  return formulaClaim({
    id: 'eq16-closed-form',
    location: 'Eq. (16)',
    statement: 'The ergotropy of Eq. (13) is W = Σ_{k=1}^{N−1} k p_{k+1} d_{k+1} ω = ω(N + (N + r)/(r^{N+1} − 1) + r/(1 − r)).',
    printed,
    reading: CLOSED_FORM,
    perN: NS_EXACT,
    derive: (N) => wPairing(N!),
    derivedTeX: '\\mathcal{W} = \\mathrm{Tr}(\\rho H_0) - \\sum_i r_i^\\downarrow \\varepsilon_i^\\uparrow = \\omega\\sum_{k=1}^{N}(k-1)\\,p_k d_k',
    derivation:
      'W derived from Eq. (2) symbolically (energy Σ k ω p_k d_k minus the sorted pairing of the eigenvalues p_0d_0 > … > p_Nd_N, 0, … with the levels 0, ω, ω, …)',
    ranges: RANGES,
    extraChecks: (ctx, printedAt) => [
      printedSumCheck(printed, wPairing, 'W'),
      exactCheck('closed form for symbolic N (induction)', 'printed', 'exact-identity', inductionEq16),
      wFirstPrinciples('derived W vs first principles', 'consistency', (N) => wPairing(N), ctx),
      wFirstPrinciples('printed closed form vs first principles', 'printed', (N) => printedAt(N), ctx),
    ],
  });
}

/** The claim eq14-r-definition, reading what it says from `printed` (exported for the mutation tests). */
export function rDefinitionClaim(printed: string = R_DEFINITION_TEX): Claim {
  return checksClaim({
    id: 'eq14-r-definition',
    location: 'Eq. (14), text after it ("with r = n̄/n̄ + 1")',
    statement: 'The parameter of Eq. (14) is r = n̄/n̄ + 1.',
    printed,
    derived: `r = ${toTeX('nbar/(nbar + 1)').tex.replace(/nbar/g, '\\bar{n}')} = ${toTeX('exp(-beta*omega)').tex}`,
    howDecided:
      'the printed expression read literally ((n̄/n̄) + 1) and the parenthesised n̄/(n̄ + 1) compared exactly with e^{−βω} (n̄ = 1/(e^{βω} − 1)); the population ratio of successive blocks of the first-principles steady state measures r',
    checks: (ctx) => [
      (() => {
        const rDef = printedForms(printed)[0];
        const rec = exactIdentity('printed n̄/n̄ + 1 ≡ e^{−βω}', 'printed', rDef, 'exp(-beta*omega)')!;
        return rec.outcome === 'pass' ? rec : { ...rec, where: `printed − e^{−βω} ${zeroSetOfDifference(ratFuncOf(rDef), Y).text}` };
      })(),
      exactIdentity('n̄/(n̄ + 1) ≡ e^{−βω}', 'consistency', 'nbar/(nbar + 1)', 'exp(-beta*omega)')!,
      firstPrinciplesCheck(
        'Tr(P_2 ρ_ss) p_1 d_1 … : block-weight ratio w_{k+1}/w_k of the first-principles state',
        'consistency',
        'exp(-beta*omega)',
        (p, D) => ({ value: groundBlockWeightRatioAt(D, p) }),
        ctx,
        RANGES,
        { points: 3, what: 'the ratio of the weights of blocks k = 2 and k = 1 of the exact steady state from the ground state (N = 3), 60 digits' },
      ),
    ],
  });
}

/** The claim eq15-limits, reading what it says from `printed` (exported for the mutation tests). */
export function eq15LimitsClaim(printed: string = EQ15_LIMITS_TEX): Claim {
  return checksClaim({
    id: 'eq15-limits',
    location: 'Sec. IV B 1, text after Eq. (15)',
    statement: 'As r → 0 (low temperature) C_l1 → 0; as r → 1 (high temperature) C_l1 → (2^N − N − 1)/(N + 1).',
    printed,
    derived: '\\lim_{r\\to 1} C_{l_1} = \\frac{1}{N+1}\\sum_{k}\\left(\\binom{N}{k} - 1\\right) = \\frac{2^N - N - 1}{N+1}',
    howDecided:
      'exact limits of the printed closed form (a rational function of r; substitute r = a + t and compare lowest orders in t) for N = 1..30; for symbolic N, at r = 1 every block weight p_k d_k is 1/(N + 1) and Σ_k (C(N,k) − 1) = 2^N − N − 1; and C_l1 of the first-principles state at β = 0 exactly',
    checks: (ctx) => [
      exactForN('lim_{r→0} of Eq. (15) = 0', 'printed', NS_EXACT, (N) => printedLimitCheck(EQ15_TEX, printed, N, 0), 'the limit is exactly 0'),
      exactForN(
        'lim_{r→1} of Eq. (15) = (2^N − N − 1)/(N + 1)',
        'printed',
        NS_EXACT,
        (N) => printedLimitCheck(EQ15_TEX, printed, N, 1),
        'the limit is exactly (2^N − N − 1)/(N + 1)',
      ),
      exactCheck('symbolic N: block weights at r = 1 are 1/(N + 1)', 'consistency', 'exact-identity', () => {
        // p_k d_k = (1 − r) r^k/(1 − r^{N+1}) = r^k / G(N), G(N) = Σ_{j=0}^N r^j → N + 1 at r = 1
        const ok = NS_EXACT.every(
          (N) =>
            NS_EXACT.length > 0 &&
            Array.from({ length: N + 1 }, (_, k) => k).every(
              (k) => identical(limitValue(blockWeight(N, k), 1), rfConst({ num: 1n, den: BigInt(N + 1) })).identical,
            ),
        );
        return {
          pass: ok,
          detail: ok
            ? 'p_k d_k = r^k/Σ_{j=0}^N r^j → 1/(N + 1) (checked exactly for N = 1..30), so C_l1 → Σ_k (C(N,k) − 1)/(N + 1) = (2^N − (N + 1))/(N + 1) by the binomial theorem, for every N'
            : 'a block weight does not tend to 1/(N + 1)',
        };
      }),
      // compared only where a value at r → 1 is printed (its absence fails the exact check above)
      ...(fpNs(2, 7).every((N) => limitsAt(printed, N).some((l) => l.at === 1 && l.value))
        ? [
            firstPrinciplesPerN(
              'printed r → 1 value vs C_l1 at β = 0',
              'printed',
              fpNs(2, 7),
              (N) => limitsAt(printed, N).find((l) => l.at === 1)!.value!,
              (N, p, D) => ({ value: groundL1At(D, N, p) }),
              ctx,
              BETA0,
              {
                points: () => 1,
                what: 'C_l1 of the exact steady state from the ground state at β = 0 (r = 1), 60 digits',
              },
            ),
          ]
        : []),
    ],
  });
}

/** The claim eq16-limits, reading what it says from `printed` (exported for the mutation tests). */
export function eq16LimitsClaim(printed: string = EQ16_LIMITS_TEX): Claim {
  return checksClaim({
    id: 'eq16-limits',
    location: 'Sec. IV B 1, text after Eq. (16)',
    statement: 'As r → 0 the ergotropy goes to zero; as r → 1, W = ω N(N − 1)/(2(N + 1)).',
    printed,
    derived: '\\lim_{r \\to 1}\\mathcal{W} = \\frac{\\omega}{N+1}\\sum_{k=1}^{N-1} k = \\frac{\\omega N(N-1)}{2(N+1)}',
    howDecided:
      'exact limits of the printed closed form of Eq. (16) for N = 1..30 (the closed form has poles at r = 1 that cancel); for symbolic N, p_k d_k → 1/(N + 1) and Σ_{k=1}^{N−1} k = N(N − 1)/2; and the certified ergotropy of the first-principles state at β = 0',
    checks: (ctx) => [
      exactForN('lim_{r→0} of Eq. (16) = 0', 'printed', NS_EXACT, (N) => printedLimitCheck(EQ16_TEX, printed, N, 0), 'the limit is exactly 0'),
      exactForN(
        'lim_{r→1} of Eq. (16) = ωN(N − 1)/(2(N + 1))',
        'printed',
        NS_EXACT,
        (N) => printedLimitCheck(EQ16_TEX, printed, N, 1),
        'the limit is exactly ωN(N − 1)/(2(N + 1))',
      ),
      exactCheck('symbolic N: Σ_{k=1}^{N−1} k/(N + 1) = N(N − 1)/(2(N + 1))', 'consistency', 'exact-identity', () => {
        // S(N) = Σ_{k=1}^{N−1} k: S(1) = 0, S(N+1) − S(N) = N; closed form s(n) = n(n − 1)/2
        const s = (x: RatFunc): RatFunc => rfdiv(rfmul(x, rfsub(x, ONE)), rfConst(2));
        const ok = rfisZero(s(ONE)) && identical(rfsub(s(rfadd(n, ONE)), s(n)), n).identical;
        return {
          pass: ok,
          detail: ok
            ? 'Gauss sum by induction in Q(N); with p_k d_k → 1/(N + 1) (eq15-limits) the sum form of Eq. (16) tends to ωN(N − 1)/(2(N + 1)) for every N'
            : 'induction failed',
        };
      }),
      // compared only where a value at r → 1 is printed (its absence fails the exact check above)
      ...(fpNs(2, 7).every((N) => limitsAt(printed, N).some((l) => l.at === 1 && l.value))
        ? [
            firstPrinciplesPerN(
              'printed r → 1 value vs W at β = 0',
              'printed',
              fpNs(2, 6),
              (N) => limitsAt(printed, N).find((l) => l.at === 1)!.value!,
              (N, p, D) => {
                const e = groundErgotropyAt(D, N, p);
                return { value: e.ergotropy, errorBound: e.errorBound };
              },
              ctx,
              BETA0,
              { points: () => 1, what: 'the certified ergotropy of the exact steady state from the ground state at β = 0 (r = 1), 60 digits' },
            ),
          ]
        : []),
    ],
  });
}

/** The claim blocks-eigenvalues-decrease, reading what it says from `printed` (exported for the mutation tests). */
export function blockOrderClaim(printed: string = BLOCK_ORDER_TEX): Claim {
  return checksClaim({
    id: 'blocks-eigenvalues-decrease',
    location: 'Sec. IV B 1, text after Eq. (16) ("p_k d_k > p_{k+1} d_{k+1}")',
    statement: 'The only nonzero eigenvalue p_k d_k of block D_k decreases with the block number k.',
    printed,
    derived: '\\frac{p_{k+1}d_{k+1}}{p_k d_k} = r = e^{-\\beta\\omega}',
    howDecided:
      'the ratio p_{k+1}d_{k+1}/(p_k d_k) ≡ r exactly (N = 1..30, all k), and 0 < r < 1 for 0 < β < ∞ (strict); at β = 0 (r = 1) all p_k d_k are equal to 1/(N + 1), so the strict inequality holds for every finite nonzero temperature only; the eigenvalues of the first-principles state are checked in appendix-b-b2',
    checks: (ctx) => [
      firstPrinciplesCheck(
        'block-weight ratio w_2/w_1 of the first-principles state (N = 3)',
        'consistency',
        'exp(-beta*omega)',
        (p, D) => ({ value: groundBlockWeightRatioAt(D, p) }),
        ctx,
        RANGES,
        { points: 3, what: 'the ratio of consecutive block weights of the exact steady state from the ground state, 60 digits' },
      ),
      exactForN(
        'p_{k+1}d_{k+1} ≡ r·p_k d_k',
        'printed',
        NS_EXACT,
        (N) => {
          for (let k = 0; k < N; k++) {
            const w = same(blockWeight(N, k + 1), rfmul(Y, blockWeight(N, k)));
            if (w) return `k = ${k}: ${w}`;
          }
          return null;
        },
        'each block weight is r times the previous, hence p_k d_k > p_{k+1} d_{k+1} exactly when 0 < r < 1 (β > 0); equality at β = 0 (r = 1), where every p_k d_k = 1/(N + 1)',
      ),
      exactForN(
        'printed sides are p_k d_k and p_{k+1} d_{k+1} (read from the TeX, p_k = C(N, k), d_k of Eq. (14))',
        'printed',
        fpNs(1, 8),
        (N) => {
          for (let k = 0; k < N; k++) {
            const [q] = relationToInequalities(parseTeX(printed).body, { values: { N, k } });
            const defs: Record<string, string> = {};
            for (let j = 0; j <= N; j++) {
              defs[`p_${j}`] = String(binom(N, j));
              defs[`d_${j}`] = `(${rftoString(dk(N, j))})`;
            }
            const side = (a: Ast) => fromAst(substitute(a, defs), { definitions: THERMAL_DEFINITIONS });
            const [l, r] = [side(q.left), side(q.right)];
            if (!l.ok || !r.ok) return `k = ${k}: a printed side is not a block weight`;
            const w = same(l.value, blockWeight(N, k)) ?? same(r.value, blockWeight(N, k + 1));
            if (w) return `k = ${k}: ${w}`;
          }
          return null;
        },
        'the printed sides are the block weights p_k d_k and p_{k+1} d_{k+1}',
      ),
      exactForN(
        `printed direction: p_k d_k ${printedRelation(printed)} p_{k+1} d_{k+1} on 0 < r < 1 (Sturm)`,
        'printed',
        fpNs(1, 12),
        (N) => {
          for (let k = 0; k < N; k++) {
            const s = solveSignRatFunc(rfsub(blockWeight(N, k), blockWeight(N, k + 1)), 'y', I01);
            const holds = orderHolds(printedRelation(printed), s);
            if (!holds) return `k = ${k}: p_k d_k − p_{k+1} d_{k+1} ${signSolutionToString(s, 12, '')}`;
          }
          return null;
        },
        `the difference p_k d_k − p_{k+1} d_{k+1} has the printed sign (${printedRelation(printed)} 0) on all of 0 < r < 1`,
      ),
      exactForN(
        'p_k d_k > 0 on (0, 1)',
        'consistency',
        [2, 7, 30],
        (N) => {
          const s = solveSignRatFunc(blockWeight(N, N), 'y', I01);
          return s.negative.length === 0 && s.zeros.length === 0 ? null : signSolutionToString(s);
        },
        'the block weights are positive for 0 < r < 1, so the ratio r < 1 gives a strict decrease',
      ),
    ],
  });
}

export const SEC4B: readonly Claim[] = [
  checksClaim({
    id: 'sec4b-thermal-initial',
    location: 'Sec. IV B, text before Sec. IV B 1',
    statement:
      'From a thermal (Gibbs) initial state the dynamics generates no coherence at the steady state, so its ergotropy is zero too; this continues for larger numbers of qubits.',
    printed: '\\text{thermal initial state} \\Rightarrow C_{l_1}(\\rho_{ss}) = 0,\\ \\mathcal{W}(\\rho_{ss}) = 0 \\quad \\text{for every } N',
    derived: '\\rho_{ss} = \\rho_{\\mathrm{Gibbs}} = e^{-\\beta H_0}/Z',
    howDecided:
      'the exact collective steady-state map applied to the Gibbs state e^{−βH0}/Z returns it (N = 1..6, 60 digits); its C_l1 is 0 and its populations decrease with energy (r^k/(1+r)^N, exactly decreasing in k for r < 1), so it is passive',
    checks: (ctx) => [
      firstPrinciplesPerN(
        'max|ρ_ss(Gibbs) − Gibbs|',
        'printed',
        fpNs(1, 6),
        () => '0',
        (N, p, D) => {
          const g = gibbsAt(D, N, p);
          const model = collectiveCoupling(D, N, { omega: p.omega, beta: p.beta, gamma0: D.one, f: D.fromString('0.3'), timeScale: 'normalised' });
          return { value: maxAbs(D, sub(D, collectiveSteadyState(D, model, g).rho, g)) };
        },
        ctx,
        RANGES,
        { points: (N) => (N <= 5 ? 2 : 1), what: 'the exact collective steady-state map applied to the Gibbs state, 60 digits' },
      ),
      firstPrinciplesPerN(
        'C_l1 and W of the steady state from the Gibbs state',
        'printed',
        fpNs(1, 5),
        () => '0',
        (N, p, D) => {
          const g = gibbsAt(D, N, p);
          const model = collectiveCoupling(D, N, { omega: p.omega, beta: p.beta, gamma0: D.one, timeScale: 'normalised' });
          const ss = collectiveSteadyState(D, model, g).rho;
          const e = ergotropy(D, ss, h0(D, N, p.omega));
          return { value: D.add(l1Coherence(D, ss), e.ergotropy), errorBound: e.errorBound };
        },
        ctx,
        RANGES,
        { points: () => 1, what: 'C_l1 + certified ergotropy of that steady state (both ≥ 0), 60 digits' },
      ),
      exactForN(
        'Gibbs populations r^k/(1+r)^N decrease with k (passive)',
        'consistency',
        [1, 8, 30],
        (N) => {
          const ratio = rfdiv(rfdiv(rfpow(Y, 1), rfpow(rfadd(ONE, Y), N)), rfdiv(ONE, rfpow(rfadd(ONE, Y), N)));
          return identical(ratio, Y).identical ? null : 'ratio of successive populations is not y';
        },
        'successive populations have ratio exactly y = e^{−βω} < 1 (β > 0): decreasing in energy, a passive diagonal state',
      ),
    ],
  }),
  checksClaim({
    id: 'eq13-14-steady-state',
    location: 'Eqs. (13)–(14)',
    statement:
      'From the all-ground initial state the steady state is block diagonal in the excitation number k (blocks D_N, …, D_0 after ordering the basis by k), each block D_k = d_k U_k (U_k the p_k × p_k matrix of ones, p_k = C(N, k)) with d_k = (1 − r) r^k / ((1 − r^{N+1}) p_k).',
    printed: EQ13_14_TEX,
    derived: '\\rho_{ss} = \\sum_{k=0}^{N} \\frac{(1-r)r^k}{1-r^{N+1}} |D_{N,k}\\rangle\\langle D_{N,k}|, \\quad r = e^{-\\beta\\omega}',
    howDecided:
      'the printed state (with r = e^{−βω}) is compared entrywise with the steady state that the exact collective map (Schur–Weyl, with a dipole coupling f = 0.3) gives from the all-ground state (N = 1..8, 60 digits); symbolically it is stationary (L(ρ) ≡ 0 in Q(y, ω, f), N = 2, 3) and has unit trace (N = 1..30)',
    checks: (ctx) => [
      firstPrinciplesPerN(
        'max|printed ρ − ρ_ss from the ground state|',
        'printed',
        fpNs(1, 8),
        () => '0',
        (N, p, D) => ({ value: maxAbs(D, sub(D, groundStateSteadyState(D, N, { beta: p.beta, omega: p.omega }), groundSteadyAt(D, N, p))) }),
        ctx,
        RANGES,
        { points: (N) => (N <= 6 ? 2 : 1), what: 'the exact collective steady-state map applied to the all-ground state, 60 digits' },
      ),
      exactCheck('L(ρ_printed) ≡ 0 symbolically (with f)', 'printed', 'exact-identity', () => {
        const nonzero = [2, 3].find((N) => !isZeroMatrix(lindbladSymbolic(N, groundStateSymbolic(N), { coupling: 'collective', f: rfVar('f') })));
        return {
          pass: nonzero === undefined,
          detail:
            nonzero === undefined
              ? 'every entry of L(ρ) of Eqs. (4)–(6) (collective, dipole coupling f) is the zero rational function of (y, ω, f) for N = 2, 3'
              : `N = ${nonzero}: L(ρ) has a nonzero entry`,
        };
      }),
      exactForN(
        'Tr ρ = Σ_k p_k d_k ≡ 1',
        'printed',
        NS_EXACT,
        (N) => {
          let s = ZERO;
          for (let k = 0; k <= N; k++) s = rfadd(s, rfmul(rfConst(binom(N, k)), dk(N, k)));
          return same(s, ONE);
        },
        'Σ_k p_k d_k ≡ 1 as rational functions of r',
      ),
      exactForN(
        'printed d_k (read from the TeX) ≡ d_k used here',
        'consistency',
        [1, 5, 12],
        (N) => {
          for (let k = 0; k <= N; k++) {
            const printed = printedEquations(EQ13_14_TEX, { values: { N, k } }).find((e) => e.quantity === `d_${k}`);
            if (!printed) return `k = ${k}: the printed TeX defines no d_${k}`;
            const w = same(ratFuncOf(astToString(substitute(printed.forms[0], { [`p_${k}`]: String(binom(N, k)) }))), dk(N, k));
            if (w) return `k = ${k}: ${w}`;
          }
          return null;
        },
        'the printed d_k of Eq. (14), p_k = C(N, k), and the d_k used by the symbolic checks agree',
      ),
    ],
  }),
  rDefinitionClaim(),
  eq15Claim(),
  eq15LimitsClaim(),
  checksClaim({
    id: 'eq15-maximal-at-high-temperature',
    location: 'Sec. IV B 1, text after Eq. (15) ("this limit gives us the highest amount of coherence")',
    statement: 'The high-temperature limit r → 1 gives the highest coherence that can be generated from the ground state: C_l1 is increasing in r on (0, 1).',
    printed: '\\sup_{0<r<1} C_{l_1}(r) = \\lim_{r \\to 1} C_{l_1}(r)',
    derived: '\\frac{dC_{l_1}}{dr} > 0 \\text{ on } (0, 1) \\text{ for } N \\ge 2 \\ (C_{l_1} \\equiv 0 \\text{ for } N = 1)',
    howDecided:
      'the numerator of dC_l1/dr (C_l1 of the derived state from its blocks, a rational function of r) has no root in (0, 1) and is positive there: Sturm sequences, N = 2..20; the denominator is a square',
    checks: (ctx) => [
      cl1FirstPrinciples('the derived C_l1(r) vs first principles', 'consistency', (N) => groundL1(N), ctx),
      exactForN(
        'dC_l1/dr > 0 on (0, 1)',
        'printed',
        fpNs(2, 20),
        (N) => {
          const d = rfDerivative(groundL1(N), 'y');
          const s = solveSign(d.num, 'y', I01);
          return s.negative.length === 0 && s.zeros.length === 0 && s.positive.length === 1 ? null : `numerator of the derivative: ${signSolutionToString(s)}`;
        },
        'the numerator of dC_l1/dr is positive on the whole of (0, 1) (Sturm), so C_l1 increases strictly and its supremum is the r → 1 value',
      ),
      exactCheck('N = 1: no coherence at all', 'consistency', 'exact-identity', () => ({
        pass: rfisZero(groundL1(1)),
        detail: rfisZero(groundL1(1)) ? 'C_l1 ≡ 0 for one qubit (blocks are 1 × 1)' : 'C_l1 ≢ 0 for N = 1',
      })),
    ],
  }),
  checksClaim({
    id: 'eq15-2n-scaling',
    location: 'Sec. IV B 1, text after Eq. (15) ("which shows a 2^N scaling with the number of particles")',
    statement: 'At high temperature the coherence of the ground-state family, C_l1 = (2^N − N − 1)/(N + 1), shows a 2^N scaling: C_l1 = Θ(2^N).',
    printed: 'C_{l_1} = (2^N - N - 1)/(N + 1) \\text{ shows a } 2^N \\text{ scaling} \\quad [\\lim_{N\\to\\infty} C_{l_1}/2^N > 0]',
    derived: () => {
      const l = limitAtInfinity(rfdiv(rfVar('N'), rfadd(rfVar('N'), ONE)), 'N');
      return `C_{l_1}(r \\to 1) \\sim 2^N/N: \\quad \\lim_{N\\to\\infty} N C_{l_1}/2^N = ${l.kind === 'finite' ? toTeX(rftoString(l.value)).tex : '\\infty'}`;
    },
    howDecided:
      'exact in Q(N, w) with w = 2^N: C_l1(r→1)/2^N ≡ 1/(N + 1) − 1/w ≤ 1/(N + 1), whose limit at N → ∞ is 0 (leading coefficients), so C_l1 is not Θ(2^N); N·C_l1/2^N ≡ N/(N + 1) − N/w → 1 (with N/2^N → 0 from 2^N ≥ C(N, 2)), so C_l1 ~ 2^N/N; the r → 1 values agree with the limits of the derived C_l1 for N = 1..12',
    checks: () => {
      const N = rfVar('N');
      const w = rfVar('w');
      const cOne = ratFuncOf('(w - N - 1)/(N + 1)');
      const ratio = rfdiv(cOne, w);
      const bound = rfdiv(ONE, rfadd(N, ONE));
      const ident = identical(ratio, rfsub(bound, rfdiv(ONE, w))).identical;
      const l = limitAtInfinity(bound, 'N');
      const toZero = l.kind === 'finite' && rfisZero(l.value);
      return [
        {
          ...exactCheck('printed: C_l1(r→1)/2^N has a positive limit', 'printed', 'exact-value', () => ({
            pass: !(ident && toZero),
            detail:
              ident && toZero
                ? 'C_l1(r→1)/2^N ≡ 1/(N + 1) − 1/2^N ≤ 1/(N + 1) → 0 exactly: the growth is slower than 2^N by the factor N + 1'
                : 'a positive limit',
          })),
          ...(ident && toZero
            ? { where: 'for large N: C_l1(r→1)/2^N ≤ 1/(N + 1) → 0, so the coherence scales as 2^N/N (as Sec. V and the text after Eq. (16) say), not as 2^N' }
            : {}),
        },
        exactForN(
          'the r → 1 value (2^N − N − 1)/(N + 1) is the limit of the derived C_l1',
          'consistency',
          fpNs(1, 12),
          (M) => same(limitValue(groundL1(M), 1), rfevalPartial(cOne, { N: { num: BigInt(M), den: 1n }, w: { num: 2n ** BigInt(M), den: 1n } })),
          'identical for every N',
        ),
      ];
    },
  }),
  checksClaim({
    id: 'fig2-text-highest',
    location: 'Sec. IV B 1, text after Eq. (16) ("at the high temperature limit where we get the highest amount of coherence and ergotropy")',
    statement:
      'For the ground initial states, N = 2…7, the high-temperature limit r → 1 gives the highest coherence and the highest ergotropy: both increase with r on (0, 1).',
    printed:
      '\\text{the high temperature limit where we get the highest amount of coherence and ergotropy} \\quad [\\sup_{0<r<1} C_{l_1} = C_{l_1}(r\\to1), \\ \\sup_{0<r<1} \\mathcal{W} = \\mathcal{W}(r\\to1)]',
    derived: '\\frac{dC_{l_1}}{dr} > 0, \\ \\frac{d\\mathcal{W}}{dr} > 0 \\text{ on } (0, 1), \\ N = 2..7',
    howDecided:
      'the numerators of dC_l1/dr and dW/dr (C_l1 and W the derived rational functions of r, Eqs. (15)–(16)) decided positive on (0, 1) with Sturm sequences, N = 2..7; the certified ergotropy and C_l1 of the first-principles state at β = 0 equal the r → 1 limits (second route)',
    checks: (ctx) => [
      exactForN(
        'dC_l1/dr > 0 and dW/dr > 0 on (0, 1)',
        'printed',
        fpNs(2, 7),
        (M) => {
          for (const [label, f] of [
            ['C_l1', groundL1(M)],
            ['W', rfdiv(wPairing(M), OMEGA)],
          ] as const) {
            const d = rfDerivative(f, 'y');
            const sgn = solveSign(d.num, 'y', I01);
            if (!(sgn.negative.length === 0 && sgn.zeros.length === 0 && sgn.positive.length === 1)) return `d${label}/dr: ${signSolutionToString(sgn)}`;
          }
          return null;
        },
        'both derivatives have a numerator positive on all of (0, 1) (Sturm; the denominators are squares): the suprema are the r → 1 values',
      ),
      firstPrinciplesPerN(
        'W at β = 0 vs the r → 1 limit of the derived W',
        'consistency',
        fpNs(2, 5),
        (M) => limitValue(wPairing(M), 1),
        (M, p, D) => {
          const e = groundErgotropyAt(D, M, p);
          return { value: e.ergotropy, errorBound: e.errorBound };
        },
        ctx,
        BETA0,
        { points: () => 1, what: 'the certified ergotropy of the exact steady state from the ground state at β = 0, 60 digits' },
      ),
    ],
  }),
  checksClaim({
    id: 'sec4b1-nbar-beta',
    location: 'Sec. IV B 1, text after Eq. (15) ("increasing n̄, which corresponds to increasing β")',
    statement: 'Increasing n̄ corresponds to increasing β.',
    printed: '\\text{increasing } \\bar{n} \\text{ corresponds to increasing } \\beta',
    derived: () => {
      const s = solveSignRatFunc(rfDerivative(rfdiv(Y, rfsub(ONE, Y)), 'y'), 'y', I01);
      // dy/dβ = −ωy < 0, so n̄ moves with β opposite to its slope in y
      const withBeta =
        s.negative.length === 0 && s.zeros.length === 0 ? 'decreasing' : s.positive.length === 0 && s.zeros.length === 0 ? 'increasing' : 'non-monotone';
      return `\\text{increasing } \\bar{n} \\text{ corresponds to ${withBeta} } \\beta`;
    },
    howDecided:
      'n̄ = y/(1 − y) with y = e^{−βω}: dn̄/dy = 1/(1 − y)² > 0 exactly and dy/dβ = −ωy < 0, so dn̄/dβ < 0 for all β > 0; the printed direction is checked against this sign',
    checks: () => {
      const nbar = rfdiv(Y, rfsub(ONE, Y));
      const dn = rfDerivative(nbar, 'y');
      const s = solveSignRatFunc(dn, 'y', I01);
      const increasingInY = s.negative.length === 0 && s.zeros.length === 0;
      return [
        exactCheck('dn̄/dy > 0 on (0, 1)', 'consistency', 'exact-sign', () => ({
          pass: increasingInY,
          detail: `dn̄/dy = ${rftoString(dn)}: ${signSolutionToString(s, 12, 'dn̄/dy')}`,
        })),
        {
          ...exactCheck('printed: n̄ increases with β', 'printed', 'exact-sign', () => ({
            pass: !increasingInY,
            detail: increasingInY
              ? 'false: dn̄/dβ = (dn̄/dy)(dy/dβ) = (dn̄/dy)(−ω y) < 0 for all β > 0 (y = e^{−βω} decreases with β), so n̄ increases as β DECREASES'
              : 'n̄ increases with β',
          })),
          ...(increasingInY ? { where: `for every β > 0: dn̄/dy ${signSolutionToString(s, 12, '')} on y ∈ (0, 1), so dn̄/dβ < 0` } : {}),
        },
      ];
    },
  }),
  eq16Claim(),
  eq16LimitsClaim(),
  checksClaim({
    id: 'eq16-scaling',
    location: 'Sec. IV B 1, text after Eq. (16) ("linear scaling in the ergotropy, in contrast to the 2^N/N scaling in the coherence")',
    statement:
      'At high temperature (r → 1) the ergotropy scales linearly with N and the coherence as 2^N/N (repeated in Sec. V: "a 2^N/N and N scaling"); the text after Eq. (15) calls the latter "a 2^N scaling".',
    printed: '\\mathcal{W}(r\\to1) \\sim N, \\qquad C_{l_1}(r\\to1) \\sim 2^N/N',
    derived:
      '\\frac{\\mathcal{W}(r\\to1)}{\\omega N} = \\frac{N-1}{2(N+1)} \\to \\frac12, \\qquad \\frac{N\\,C_{l_1}(r\\to1)}{2^N} = \\frac{N}{N+1} - \\frac{N}{2^N} \\to 1',
    howDecided:
      'exact: W(r→1)/(ωN) = (N − 1)/(2(N + 1)) is a rational function of N whose limit at N → ∞ is 1/2 (leading coefficients); N·C_l1(r→1)/2^N ≡ N/(N + 1) − N/w with w = 2^N in Q(N, w), and 0 < N/2^N ≤ 2/(N − 1) (from 2^N ≥ C(N, 2)) → 0, so the ratio → 1',
    checks: (ctx) => {
      const N = rfVar('N');
      const w = rfVar('w');
      const wOverN = rfdiv(ratFuncOf('N*(N - 1)/(2*(N + 1))'), N);
      const cl1One = ratFuncOf('(w - N - 1)/(N + 1)');
      const scaled = rfdiv(rfmul(N, cl1One), w);
      return [
        firstPrinciplesPerN(
          'the r → 1 value ωN(N − 1)/(2(N + 1)) vs W at β = 0',
          'consistency',
          fpNs(2, 6),
          (N) => limitValue(wPairing(N), 1),
          (N, p, D) => {
            const e = groundErgotropyAt(D, N, p);
            return { value: e.ergotropy, errorBound: e.errorBound };
          },
          ctx,
          BETA0,
          { points: () => 1, what: 'the certified ergotropy of the exact steady state from the ground state at β = 0, 60 digits' },
        ),
        exactCheck('W(r→1)/(ωN) → 1/2 as N → ∞', 'printed', 'exact-value', () => {
          const l = limitAtInfinity(wOverN, 'N');
          const ok = l.kind === 'finite' && identical(l.value, rfConst({ num: 1n, den: 2n })).identical;
          return { pass: ok, detail: ok ? 'W(r→1) = ωN·(N − 1)/(2(N + 1)) with (N − 1)/(2(N + 1)) → 1/2 exactly: linear in N' : 'limit is not 1/2' };
        }),
        exactCheck('N·C_l1(r→1)/2^N → 1 as N → ∞', 'printed', 'exact-value', () => {
          const ident = identical(scaled, rfsub(rfdiv(N, rfadd(N, ONE)), rfdiv(N, w))).identical;
          const l = limitAtInfinity(rfdiv(N, rfadd(N, ONE)), 'N');
          const lim1 = l.kind === 'finite' && identical(l.value, ONE).identical;
          // 2^N ≥ C(N, 2) = N(N − 1)/2 gives N/2^N ≤ 2/(N − 1) for N ≥ 2; confirmed exactly for N = 2..200
          let bound = true;
          for (let k = 2; k <= 200; k++) if (BigInt(k) * BigInt(k - 1) > 2n * 2n ** BigInt(k)) bound = false;
          const ok = ident && lim1 && bound;
          return {
            pass: ok,
            detail: ok
              ? 'N·C_l1(r→1)/2^N ≡ N/(N + 1) − N/2^N exactly; N/(N + 1) → 1 and 0 < N/2^N ≤ 2/(N − 1) → 0 (binomial theorem), so C_l1(r→1) ~ 2^N/N'
              : `failed (identity ${ident}, limit ${lim1}, bound ${bound})`,
          };
        }),
        exactForN(
          'the r → 1 values used here are the limits of Eqs. (15)–(16)',
          'consistency',
          fpNs(1, 12),
          (M) => {
            const a = same(limitValue(groundL1(M), 1), rfevalPartial(cl1One, { N: { num: BigInt(M), den: 1n }, w: { num: 2n ** BigInt(M), den: 1n } }));
            if (a) return a;
            return same(limitValue(wPairing(M), 1), rfmul(OMEGA, rfmul(rfConst(M), rfevalPartial(wOverN, { N: { num: BigInt(M), den: 1n } }))));
          },
          'the limits of the derived C_l1 and W agree with the expressions in N and 2^N',
        ),
      ];
    },
  }),
  checksClaim({
    id: 'fig2-caption-high-temperature',
    location: 'Fig. 2 caption',
    statement: 'Fig. 2 shows the scaling of coherence and ergotropy of ground initial states "in the high temperature limit, β → ∞", ω = 1.',
    printed: '\\text{high temperature limit, } \\beta \\rightarrow \\infty',
    derived: () => `\\text{high temperature limit } (\\bar{n} \\to \\infty)\\text{: } \\beta \\rightarrow ${highTemperatureEnd().beta}`,
    howDecided:
      'the exact limits of Eqs. (15)–(16) at r → 0 (β → ∞) and r → 1 (β → 0) for N = 2..7, set against the text that Fig. 2 shows the highest (nonzero) values; the paper defines the high-temperature limit as β → 0 in Sec. IV A',
    checks: () => [
      (() => {
        const rec = exactForN(
          'caption: at β → ∞ the plotted quantities would be nonzero',
          'printed',
          fpNs(2, 7),
          (N) => {
            const c0 = limitValue(groundL1(N), 0);
            const w0 = limitValue(wPairing(N), 0);
            return rfisZero(c0) && rfisZero(w0)
              ? 'at β → ∞ (r → 0) C_l1 = 0 and W = 0 exactly: the figure (nonzero values growing with N, "the highest amount of coherence and ergotropy") cannot be at β → ∞'
              : null;
          },
          'nonzero at β → ∞',
        );
        return rec.outcome === 'pass'
          ? rec
          : { ...rec, where: 'at β → ∞ (r → 0) the limits of Eqs. (15)–(16) are C_l1 = W = 0 exactly for N = 2..7, while the figure shows nonzero values' };
      })(),
      exactForN(
        'at β → 0 (r → 1) the values are the nonzero ones the text attributes to Fig. 2',
        'consistency',
        fpNs(2, 7),
        (N) => {
          const c1 = limitValue(groundL1(N), 1);
          const w1 = limitValue(wPairing(N), 1);
          return rfisZero(c1) || rfisZero(w1) ? 'a value vanishes' : null;
        },
        'C_l1 = (2^N − N − 1)/(N + 1) > 0 and W = ωN(N − 1)/(2(N + 1)) > 0, the maxima over temperature (eq15-maximal-at-high-temperature)',
      ),
      exactCheck('n̄ → ∞ (high temperature) exactly as β → 0', 'consistency', 'exact-value', () => highTemperatureEnd()),
    ],
  }),
  checksClaim({
    id: 'fig3-caption-high-temperature',
    location: 'Fig. 3 caption',
    statement: 'Fig. 3 (random initial states) is "in the high temperature limit, β → ∞", ω = 1.',
    printed: '\\text{high temperature limit, } \\beta \\rightarrow \\infty',
    derived: () => `\\text{high temperature limit } (\\bar{n} \\to \\infty)\\text{: } \\beta \\rightarrow ${highTemperatureEnd().beta}`,
    howDecided:
      "the caption's limit compared with the paper's own definitions (Sec. IV A) and with n̄ → ∞ (high temperature) ⇔ β → 0, exactly; the figure data themselves depend on an unstated ensemble (see sec4b2-random-states)",
    checks: () => {
      const l = limitAt(rfdiv(Y, rfsub(ONE, Y)), 'y', 0);
      const atInfinity = l.kind === 'finite' && rfisZero(l.value);
      return [
        {
          ...exactCheck('caption: β → ∞ is a high-temperature limit (n̄ → ∞)', 'printed', 'exact-value', () => ({
            pass: !atInfinity,
            detail: atInfinity
              ? 'false: β → ∞ means y = e^{−βω} → 0 and n̄ = y/(1 − y) → 0 exactly: no thermal photons, the zero-temperature limit'
              : 'n̄ does not vanish',
          })),
          ...(atInfinity ? { where: 'at β → ∞ the mean photon number n̄ = y/(1 − y) tends to 0 exactly (the zero-temperature end)' } : {}),
        },
        exactCheck('β → 0 gives n̄ → ∞ (pole at y = 1)', 'consistency', 'exact-value', () => {
          const p = limitAt(rfdiv(Y, rfsub(ONE, Y)), 'y', 1);
          return {
            pass: p.kind === 'pole',
            detail: p.kind === 'pole' ? `n̄ = y/(1 − y) has a pole of order ${p.order} at y = 1 (β = 0): infinite temperature` : 'no pole',
          };
        }),
      ];
    },
  }),
  blockOrderClaim(),
  checksClaim({
    id: 'blocks-ergotropy-contributions',
    location: 'Sec. IV B 1, text after Eq. (16) ("D_0 ... and D_1, do not contribute to the ergotropy")',
    statement:
      'D_0 and the single-excitation block D_1 do not contribute to the ergotropy; every other block D_k contributes in proportion to its nonzero eigenvalue p_k d_k.',
    printed: '\\mathcal{W} = \\sum_{k=1}^{N-1} k\\omega\\, p_{k+1}d_{k+1}: \\ D_0, D_1 \\text{ absent}',
    derived: '\\mathcal{W} = \\sum_{k=0}^{N} (k-1)^+\\,\\omega\\, \\lambda_k, \\quad \\lambda_k = p_k d_k',
    howDecided:
      'W of Eq. (2) computed with the block eigenvalues λ_k as FREE symbols (any decreasing λ_0 ≥ … ≥ λ_N, each block rank one with a uniform eigenvector, energy Σ k ω λ_k): the coefficient of λ_0 and λ_1 is exactly 0, that of λ_k (k ≥ 2) is (k − 1)ω > 0, N = 2..12; with λ_k = p_k d_k the sum is Eq. (16)',
    checks: (ctx) => [
      wFirstPrinciples('Σ (k − 1) ω p_k d_k vs first principles', 'consistency', (N) => wPairing(N), ctx),
      exactForN(
        'coefficients of λ_0, λ_1 are 0; of λ_k is (k − 1)ω',
        'printed',
        fpNs(2, 12),
        (N) => {
          const lam = Array.from({ length: N + 1 }, (_, k) => rfVar(`l${k}`));
          let energy = ZERO;
          lam.forEach((l, k) => (energy = rfadd(energy, rfmul(rfConst(k), l))));
          let passive = ZERO;
          // the i-th largest eigenvalue λ_i is paired with the i-th lowest level (0, then ω × N)
          lam.forEach((l, i) => (passive = rfadd(passive, rfmul(rfConst(i === 0 ? 0 : 1), l))));
          const W = rfmul(OMEGA, rfsub(energy, passive));
          let expect = ZERO;
          lam.forEach((l, k) => (expect = rfadd(expect, rfmul(rfConst(Math.max(k - 1, 0)), rfmul(OMEGA, l)))));
          return same(W, expect);
        },
        'W ≡ Σ_k max(k − 1, 0) ω λ_k as a polynomial in free λ_0 … λ_N: λ_0 (D_0) and λ_1 (D_1) have coefficient 0, λ_k has (k − 1)ω',
      ),
      exactForN(
        'with λ_k = p_k d_k this is Eq. (16)',
        'consistency',
        fpNs(2, 12),
        (N) => {
          let s = ZERO;
          for (let k = 2; k <= N; k++) s = rfadd(s, rfmul(rfConst(k - 1), blockWeight(N, k)));
          return same(rfmul(OMEGA, s), wPairing(N));
        },
        'Σ_{k≥2} (k − 1) ω p_k d_k ≡ the derived ergotropy',
      ),
    ],
  }),
  checksClaim({
    id: 'n2-only-d2',
    location: 'Sec. IV B 1, remark on the N = 2 case',
    statement:
      'For two qubits initiated in the ground state the only source of ergotropy is the D_2 block (the population of the doubly excited state): W = ω p_2 d_2.',
    printed: 'N = 2: \\ \\mathcal{W} = \\omega\\, p_2 d_2',
    derived: '\\mathcal{W} = \\frac{\\omega r^2}{1 + r + r^2}',
    howDecided:
      'the derived ergotropy for N = 2 compared exactly with ω p_2 d_2 and with Eq. (10) at c = 1 (the ground state has c = 1) as derived in Sec. IV A; and with the certified ergotropy of the first-principles state',
    checks: (ctx) => [
      exactIdentity('W(N = 2) ≡ ω p_2 d_2', 'printed', wPairing(2), rfmul(OMEGA, blockWeight(2, 2)))!,
      exactIdentity(
        '≡ ω e^{−2βω}/Z₊ (Eq. (7) at c = 1, derived in eq10-c-one)',
        'consistency',
        wPairing(2),
        'omega*exp(-2*beta*omega)/(1 + exp(-beta*omega) + exp(-2*beta*omega))',
      )!,
      firstPrinciplesCheck(
        'ω p_2 d_2 vs first principles',
        'printed',
        rfmul(OMEGA, blockWeight(2, 2)),
        (p, D) => {
          const e = groundErgotropyAt(D, 2, p);
          return { value: e.ergotropy, errorBound: e.errorBound };
        },
        ctx,
        RANGES,
        { points: 3, what: 'the certified ergotropy of the exact steady state from |00⟩, 60 digits' },
      ),
    ],
  }),
  checksClaim({
    id: 'local-qubits-diagonal-passive',
    location: 'Sec. IV B 1, last paragraph ("The reduced density matrices of each individual qubit of Eq. (13) are also diagonal")',
    statement:
      'The single-qubit reduced states of Eq. (13) are diagonal (with non-inverted populations), so no ergotropy can be obtained from individual qubits.',
    printed: '\\rho_i = \\mathrm{Tr}_{\\bar i}\\,\\rho \\text{ diagonal}, \\ \\mathcal{W}(\\rho_i) = 0',
    derived: '\\rho_i = \\mathrm{diag}(P_e, 1 - P_e), \\ P_e = \\sum_k \\tfrac{k}{N} p_k d_k \\le \\tfrac12',
    howDecided:
      'partial traces of the symbolic Eq. (13) over Q(y) for N = 2..7 and each qubit: off-diagonal entries ≡ 0 and P_e − P_g < 0 on (0, 1) (Sturm; = 0 only at r = 1, still passive); and numerically the certified ergotropy of the single-qubit reduced first-principles state is 0',
    checks: (ctx) => [
      exactForN(
        'single-qubit reduced states diagonal, P_e < P_g on 0 < r < 1',
        'printed',
        fpNs(2, 7),
        (N) => {
          const rho = groundStateSymbolic(N);
          for (const q of N <= 4 ? Array.from({ length: N }, (_, i) => i) : [0, N - 1]) {
            const red = partialTrace(Rf, rho, new Array<number>(N).fill(2), [q]);
            if (!rfisZero(red.re[1]) || !rfisZero(red.re[2]) || !rfisZero(red.im[1]) || !rfisZero(red.im[2])) return `qubit ${q}: off-diagonal entry ≢ 0`;
            const s = solveSignRatFunc(rfsub(red.re[0], red.re[3]), 'y', I01);
            if (s.positive.length || s.zeros.length) return `qubit ${q}: populations inverted somewhere: ${signSolutionToString(s)}`;
            if (!identical(trace(Rf, red).re, ONE).identical) return `qubit ${q}: trace ≢ 1`;
          }
          return null;
        },
        'each single-qubit reduced state is exactly diagonal with excited population below the ground population for 0 < r < 1 (equal at r = 1): passive, zero ergotropy (all qubits for N ≤ 4, first and last for N = 5..7; the state is permutation symmetric)',
      ),
      firstPrinciplesPerN(
        'W of a single-qubit reduced first-principles state',
        'consistency',
        fpNs(2, 7),
        () => '0',
        (N, p, D) => {
          const red = partialTrace(D, groundSteadyAt(D, N, p), new Array<number>(N).fill(2), [0]);
          const e = ergotropy(D, red, h0(D, 1, p.omega));
          return { value: D.add(e.ergotropy, D.add(D.abs(red.re[1]), D.abs(red.im[1]))), errorBound: e.errorBound };
        },
        ctx,
        RANGES,
        { points: () => 1, what: 'the certified ergotropy plus |off-diagonal| of qubit 0 of the exact steady state, 60 digits' },
      ),
    ],
  }),
  checksClaim({
    id: 'local-pairs-coherent',
    location: 'Sec. IV B 1, last paragraph ("coherences in the bipartite or larger sized reduced states")',
    statement: 'For more than two qubits the two-qubit (bipartite) reduced states of Eq. (13) have coherences.',
    printed: 'N > 2: \\ \\mathrm{Tr}_{\\overline{ij}}\\,\\rho \\text{ has off-diagonal elements}',
    derived: '\\langle 10|\\rho_{ij}|01\\rangle = \\sum_k \\frac{\\binom{N-2}{k-1}}{\\binom{N}{k}}\\, p_k d_k > 0',
    howDecided:
      'two-qubit partial traces of the symbolic Eq. (13) for N = 3, 4: the ⟨10|ρ|01⟩ entry is a nonzero rational function, positive on (0, 1] (Sturm); numerically C_l1 > 0 for the first-principles reduced state',
    checks: (ctx) => [
      exactForN(
        '⟨10|ρ_12|01⟩ ≢ 0 and > 0 on (0, 1]',
        'printed',
        [3, 4],
        (N) => {
          const red = partialTrace(Rf, groundStateSymbolic(N), new Array<number>(N).fill(2), [0, 1]);
          const x = red.re[1 * 4 + 2];
          if (rfisZero(x)) return 'the coherence vanishes identically';
          const s = solveSignRatFunc(x, 'y', interval(0, 1, '(]'));
          return s.negative.length || s.zeros.length ? signSolutionToString(s) : null;
        },
        'the two-qubit reduced state has the coherence ⟨10|ρ|01⟩ > 0 for every temperature',
      ),
      firstPrinciplesPerN(
        'C_l1 of the two-qubit reduced first-principles state',
        'consistency',
        [3, 4],
        (N) => {
          // 2⟨10|ρ_12|01⟩ from the symbolic reduced state
          const red = partialTrace(Rf, groundStateSymbolic(N), new Array<number>(N).fill(2), [0, 1]);
          return rfmul(rfConst(2), red.re[6]);
        },
        (N, p, D) => ({ value: l1Coherence(D, partialTrace(D, groundSteadyAt(D, N, p), new Array<number>(N).fill(2), [0, 1])) }),
        ctx,
        RANGES,
        {
          points: () => 2,
          what: 'C_l1 of the two-qubit reduced state of the exact steady state, 60 digits',
        },
      ),
    ],
  }),
  checksClaim({
    id: 'local-smaller-than-global',
    location: 'Sec. IV B 1, last paragraph ("the amount one can get is smaller than that of the total, global state")',
    statement: 'The ergotropy obtainable from local (reduced) states is smaller than that of the global state.',
    printed: '\\mathcal{W}(\\rho_{A}) < \\mathcal{W}(\\rho) \\text{ for reduced states } \\rho_A',
    derived: null,
    howDecided:
      'the certified ergotropies of the two-qubit and (N − 1)-qubit reduced states of the first-principles steady state against the global one (N = 3, 4, seeded β, ω), with the error bounds: W(ρ) − W(ρ_A) must exceed both bounds; this is evidence at sample points, not a proof for all β',
    checks: (ctx) => {
      const rec = firstPrinciplesPerN(
        'W(ρ) − W(ρ_A) > 0',
        'printed',
        [3, 4],
        () => '0',
        (N, p, D) => {
          const e = groundErgotropyAt(D, N, p);
          let worst: { v: ReturnType<typeof D.fromString>; b: ReturnType<typeof D.fromString> } | null = null;
          for (const keep of [[0, 1], Array.from({ length: N - 1 }, (_, i) => i)]) {
            const red = partialTrace(D, groundSteadyAt(D, N, p), new Array<number>(N).fill(2), keep);
            const er = ergotropy(D, red, h0(D, keep.length, p.omega));
            const gap = D.sub(e.ergotropy, er.ergotropy);
            const bound = D.add(e.errorBound, er.errorBound);
            if (worst === null || D.cmp(D.sub(gap, bound), D.sub(worst.v, worst.b)) < 0) worst = { v: gap, b: bound };
          }
          // report 0 when the gap is certified positive, else the (non-positive) gap itself
          return { value: D.cmp(worst!.v, worst!.b) > 0 ? D.zero : D.sub(D.one, worst!.v) };
        },
        ctx,
        RANGES,
        { points: () => 2, what: 'certified ergotropies of the reduced and global exact steady states (gap certified positive), 60 digits' },
      );
      return [{ ...rec, method: 'first-principles' }];
    },
  }),
  notCheckable({
    id: 'sec4b2-random-states',
    location: 'Sec. IV B 2 and Fig. 3',
    statement:
      'For 10^5 random initial states per N ≤ 7 (high temperature): the mean coherence grows faster than the mean ergotropy but slower than for ground states; the ergotropy scales as for ground states; the spread of ergotropy shrinks as the spread of coherence grows.',
    printed: '\\text{Fig. 3 (a), (b): means, standard deviations and scatter of } C_{l_1}, \\mathcal{W} \\text{ over } 10^5 \\text{ random initial states}',
    reason:
      'the paper does not say which ensemble the random initial states are drawn from (Haar-random pure states, Hilbert–Schmidt or Bures mixed states, random diagonal states, …), nor the exact temperature; the statements are ensemble dependent and qualitative. `ergocheck figures --ensemble …` checks them per ensemble (docs/figures.md): only Haar-random pure states reproduce all three; Hilbert–Schmidt and Bures states do not reproduce the ergotropy scaling, random diagonal states neither that nor the shrinking spread',
  }),
];
