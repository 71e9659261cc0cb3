/**
 * Beyond the paper: the two-qubit ergotropy in closed form for all (c, β), and whether W ≤ ωC_l1
 * survives for N > 2 qubits (ground initial states exactly for N = 2…20; random initial states by a
 * seeded search).
 */
import type { CheckRecord, Claim } from '../src/claims/claim.js';
import { checksClaim } from '../src/claims/templates.js';
import { exactCheck, firstPrinciplesCheck, ratFuncOf, type FirstPrinciples } from '../src/claims/checks.js';
import { decimalField } from '../src/numeric/decimal.js';
import { float64 } from '../src/numeric/float64.js';
import { type CMatrix } from '../src/numeric/matrix.js';
import { ergotropy } from '../src/physics/ergotropy.js';
import { l1Coherence } from '../src/physics/coherence.js';
import { collectiveCoupling } from '../src/physics/lindblad.js';
import { basisIndex, h0 } from '../src/physics/qubits.js';
import { binomial, groundStateSteadyState } from '../src/physics/states.js';
import { collectiveSteadyState } from '../src/physics/steady-state.js';
import { randomState, type Ensemble } from '../src/random/ensembles.js';
import { Rng } from '../src/random/rng.js';
import { computeTask } from '../src/figures/compute.js';
import { rfadd, rfConst, rfdiv, rfisZero, rfmul, rfpow, rfsub, type RatFunc } from '../src/symbolic/ratfunc.js';
import { c, y, omega, ONE, Zp, eq7At, ergotropyAt } from './model.js';
import { C_A, C_C, q, S, signOn, W_ALL_FORMULA, W_CASE, Y_RANGE } from './model-ordering.js';

const sameRf = (a: RatFunc, b: RatFunc): boolean => rfisZero(rfsub(a, b));
const fpW: { compute: FirstPrinciples; what: string } = { compute: (p, D) => ergotropyAt(D, eq7At(D, p), p.omega), what: 'the certified ergotropy of Eq. (7) built and diagonalised at 70 digits' };

// ----- two qubits: W for all (c, β) -------------------------------------------------------------------

const closedForm = checksClaim({
  id: 'beyond-w-closed-form',
  location: 'Sec. IV A, text after Eq. (10): closed form for all (c, β) (beyond the paper)',
  statement:
    'The ergotropy of Eq. (7) for every c ∈ [0, 1], β ≥ 0, ω > 0 is W = ω·max(0, 1 − c − c/Z₊, cy²/Z₊ − (1 − c)) (y = e^{−βω}): case A (1 − c largest, c ≤ Z₊/(1+Z₊)) gives ω(1 − c − c/Z₊), case B (1 − c in either middle position) gives 0 because both middle levels are ω, case C (1 − c smallest, c ≥ Z₊/(Z₊ + y²)) gives ω(cy²/Z₊ − (1 − c)).',
  printed: '\\text{Although it is involved to get an analytical expression for ergotropy for all } c \\text{ at an arbitrary temperature} \\ldots',
  derived: '\\mathcal{W} = \\omega \\max\\left(0,\\ 1 - c - \\frac{c}{Z_+},\\ \\frac{c y^2}{Z_+} - (1 - c)\\right), \\quad y = e^{-\\beta\\omega}',
  howDecided:
    'W = Tr(ρH0) − Σ r_k↓ ε_k↑ symbolically for each of the four positions of 1 − c among the always-ordered triplet; the case boundaries and the max decided exactly (Sturm); the formula against the certified first-principles ergotropy at seeded points in every case region, ω = 1 and ω ≠ 1',
  checks: (ctx) => {
    const uA = rfsub(S.minus, S.zero);
    const uC = rfsub(S.one, S.minus);
    return [
      exactCheck('case formulas: W_A ≡ ω(1 − c − c/Z₊), W_B ≡ 0 (both middle positions), W_C ≡ ω(cy²/Z₊ − (1 − c))', 'consistency', 'exact-identity', () => {
        const ok = sameRf(W_CASE.A, rfmul(omega, uA)) && rfisZero(W_CASE.B1) && rfisZero(W_CASE.B2) && sameRf(W_CASE.C, rfmul(omega, uC));
        return { pass: ok, detail: ok ? 'exact (the passive energies differ only in which eigenvalue sits on the two degenerate ω levels)' : 'differs' };
      }),
      exactCheck('case boundaries: c_A = Z₊/(1+Z₊) ≤ c_C = Z₊/(Z₊ + y²), equal only at y = 1; u_A + u_C ≡ −c(1 − y²)/Z₊ ≤ 0', 'consistency', 'exact-sign', () => {
        const s = signOn(rfsub(C_C, C_A), 'y', 1, Y_RANGE, [q('1')]);
        const id = sameRf(rfmul(rfadd(uA, uC), Zp), rfmul(rfConst(-1), rfmul(c, rfsub(ONE, rfpow(y, 2)))));
        return { pass: s.pass && id, detail: `c_C − c_A ${s.detail}; u_A + u_C = b2 − b0 ≤ 0 (exact), so u_A and u_C are never both positive: max(0, u_A, u_C) is u_A in case A (u_A ≥ 0), u_C in case C, 0 in case B` };
      }),
      firstPrinciplesCheck('closed form vs first principles (all regions)', 'consistency', W_ALL_FORMULA, fpW.compute, ctx, { c: { lo: 0, hi: 1 }, beta: { lo: 0, hi: 8 }, omega: { lo: '1/2', hi: 3 } }, { points: 10, what: fpW.what }),
      firstPrinciplesCheck('closed form vs first principles (case B region: 0.6 ≤ c < 0.95, βω ≥ 1.5)', 'consistency', W_ALL_FORMULA, fpW.compute, ctx, { c: { lo: '3/5', hi: '19/20' }, beta: { lo: 3, hi: 8 }, omega: { lo: '1/2', hi: 3 } }, { points: 5, what: fpW.what }),
      firstPrinciplesCheck('closed form vs first principles (case C region: c ≥ 0.85, β ≤ 0.1)', 'consistency', W_ALL_FORMULA, fpW.compute, ctx, { c: { lo: '17/20', hi: 1 }, beta: { lo: 0, hi: '1/10' }, omega: { lo: '1/2', hi: 3 } }, { points: 5, what: fpW.what }),
    ];
  },
});

// ----- N > 2, ground initial states -------------------------------------------------------------------

/** e_k = p_k d_k = r^k / Σ_{n=0}^{N} r^n (the non-zero eigenvalues of Eq. (13)), r = y. */
function groundDifference(N: number): { sum: RatFunc; hint: RatFunc; closed: RatFunc } {
  let Zn = rfConst(0);
  for (let n = 0; n <= N; n++) Zn = rfadd(Zn, rfpow(y, n));
  const e = (k: number): RatFunc => rfdiv(rfpow(y, k), Zn);
  let C = rfConst(0);
  for (let k = 0; k <= N; k++) C = rfadd(C, rfmul(rfConst(binomial(N, k) - 1), e(k)));
  let W = rfConst(0);
  for (let k = 1; k <= N - 1; k++) W = rfadd(W, rfmul(rfConst(k), e(k + 1)));
  let hint = rfmul(rfConst(N - 1), rfsub(e(1), e(N)));
  for (let k = 2; k <= N - 1; k++) hint = rfadd(hint, rfmul(rfConst(binomial(N, k) - k), e(k)));
  const closed = rfsub(
    ratFuncOf(`(y-1)*(y+1)^${N}/(y^${N + 1}-1) - 1`),
    ratFuncOf(`${N} + (${N}+y)/(y^${N + 1}-1) + y/(1-y)`),
  );
  return { sum: rfsub(C, W), hint, closed };
}

const groundN = checksClaim({
  id: 'beyond-w-le-cl1-ground',
  location: 'Fig. 3(b) (beyond the paper: W ≤ ωC_l1 for N > 2?), ground initial states',
  statement:
    'For N qubits started in the all-ground state (steady state Eq. (13)), C_l1 − W/ω = (N−1)(p_1d_1 − p_Nd_N) + Σ_{k=2}^{N−1}(p_k − k)p_kd_k ≥ 0 for every β ≥ 0, decided exactly for N = 2…20: equality only at β = 0 for N = 2, and strict for N ≥ 3 at every finite β (at β = ∞ both vanish).',
  printed: 'C_{l_1} = \\sum_k d_k p_k (p_k - 1) \\ \\text{(15)}, \\quad \\mathcal{W} = \\sum_{k=1}^{N-1} k p_{k+1} d_{k+1} \\omega \\ \\text{(16)}',
  derived: 'C_{l_1} - \\mathcal{W}/\\omega = (N-1)(p_1 d_1 - p_N d_N) + \\sum_{k=2}^{N-1} (p_k - k) p_k d_k \\geq 0',
  howDecided:
    'with e_k = p_k d_k = r^k/Σ_{n=0}^{N} r^n, C_l1 − W/ω built from the sums of Eqs. (15)–(16) as a rational function of r = y, identical to the rearranged form and to the difference of the printed closed forms; its numerator decided on r ∈ (0, 1] by Sturm sequences for N = 2…20; first principles at N = 3, 4 (Eq. (13) built, ergotropy and C_l1 at 70 digits)',
  checks: (ctx) => {
    const rows: string[] = [];
    let identOk = true;
    let closedOk = true;
    let signOk = true;
    for (let N = 2; N <= 20; N++) {
      const d = groundDifference(N);
      if (!sameRf(d.sum, d.hint)) identOk = false;
      if (!sameRf(d.sum, d.closed)) closedOk = false;
      const s = signOn(d.sum, 'y', 1, Y_RANGE, N === 2 ? [q('1')] : []);
      if (!s.pass) signOk = false;
      if (N <= 4 || N === 20 || !s.pass) rows.push(`N = ${N}: ${s.detail}`);
    }
    const fpRange = { beta: { lo: 0, hi: 4 }, omega: { lo: '1/2', hi: 3 } };
    const fp = (N: number): CheckRecord => {
      const d = groundDifference(N).sum;
      let num = '';
      // the sum form as a formula in y (= exp(-beta*omega) in probes)
      let Zn = '';
      for (let n = 0; n <= N; n++) Zn += `${n ? ' + ' : ''}y^${n}`;
      const terms: string[] = [];
      for (let k = 0; k <= N; k++) terms.push(`${binomial(N, k) - 1}*y^${k}`);
      for (let k = 1; k <= N - 1; k++) terms.push(`-${k}*y^${k + 1}`);
      num = terms.join(' + ').replace(/\+ -/g, '- ');
      void d;
      return firstPrinciplesCheck(
        `N = ${N}: C_l1 − W/ω vs first principles`,
        'consistency',
        `(${num})/(${Zn})`,
        (p, D) => {
          const rho = groundStateSteadyState(D, N, { beta: p.beta, omega: p.omega });
          const w = ergotropy(D, rho, h0(D, N, p.omega));
          return { value: l1Coherence(D, rho).minus(w.ergotropy.div(p.omega)), errorBound: w.errorBound.div(p.omega).times(2) };
        },
        ctx,
        fpRange,
        { points: 3, what: `C_l1 − W/ω of Eq. (13) (N = ${N}) built at 70 digits` },
      );
    };
    return [
      exactCheck('sum form ≡ (N−1)(e_1 − e_N) + Σ_{k=2}^{N−1}(p_k − k)e_k, N = 2…20', 'consistency', 'exact-identity', () => ({ pass: identOk, detail: identOk ? 'identical as rational functions of r for every N' : 'differs for some N' })),
      exactCheck('sum form ≡ Eq. (15) − Eq. (16)/ω (closed forms), N = 2…20', 'consistency', 'exact-identity', () => ({ pass: closedOk, detail: closedOk ? 'identical as rational functions of r for every N' : 'differs for some N' })),
      exactCheck('C_l1 − W/ω ≥ 0 on r ∈ (0, 1], N = 2…20 (Sturm)', 'consistency', 'exact-sign', () => ({ pass: signOk, detail: `${rows.join('; ')}; (N = 5…19 likewise: > 0 on (0, 1])` })),
      fp(3),
      fp(4),
    ];
  },
});

// ----- N > 2, random initial states -------------------------------------------------------------------

function singletTimesGround(N: number): { re: number[]; im: number[] } {
  const d = 2 ** N;
  const re = new Array<number>(d).fill(0);
  const rest = '0'.repeat(N - 2);
  re[basisIndex(`10${rest}`)] = Math.SQRT1_2;
  re[basisIndex(`01${rest}`)] = -Math.SQRT1_2;
  return { re, im: new Array<number>(d).fill(0) };
}

const randomN = checksClaim({
  id: 'beyond-w-le-cl1-random',
  location: 'Fig. 3(b) (beyond the paper: W ≤ ωC_l1 for N > 2?), random initial states',
  statement:
    'Does W ≤ ωC_l1 hold for the steady state of every initial state when N ≥ 3? Checked as stated (the conjecture); the verdict is inconclusive unless proven or refuted: seeded searches (Haar pure, Hilbert–Schmidt, Bures, diagonal initial states, β ∈ {0, 0.3, 1, 3}; N = 3, 4 by the generic route, N = 3 … 7 by the Fig. 3 kernel) find no counterexample, and for N = 3 the bound is attained (W = ωC_l1 = ω exactly) by the singlet of two qubits with the third in the ground state, at every β (for N = 4 the same construction gives W/(ωC_l1) < 1, e.g. 0.8 at β = 0).',
  printed: '\\text{(Fig. 3(b): ergotropy vs. coherence scatter for } N = 2 \\ldots 7\\text{; the paper makes no statement)}',
  derived: null,
  howDecided:
    'exact steady states (Schur–Weyl map, collectiveSteadyState; at scale the Fig. 3 kernel) of seeded random initial states in float64, max of W − ωC_l1 and of W/(ωC_l1); a candidate counterexample would fail the search check (to be confirmed at 50 digits before any claim is made); the equality family at 50 digits; no proof for general initial states, hence inconclusive',
  checks: (ctx) => {
    const ensembles: Ensemble[] = ['haar', 'hs', 'bures', 'diagonal'];
    const betas = [0, 0.3, 1, 3];
    let bestRatio = 0;
    let bestInfo = '';
    let maxDiff = -Infinity;
    let counter: { N: number; beta: number; rho0: CMatrix<number> } | null = null;
    let count = 0;
    for (const N of [3, 4]) {
      const H = h0(float64, N, 1);
      const rng = new Rng(ctx.seed, ['beyond-random', String(N)]);
      const models = betas.map((beta) => collectiveCoupling(float64, N, { omega: 1, beta, gamma0: 1, timeScale: 'normalised' }));
      const per = N === 3 ? 150 : 40;
      for (const ens of ensembles)
        for (let i = 0; i < per; i++) {
          const b = i % betas.length;
          const rho0 = randomState(float64, rng, ens, 2 ** N);
          const ss = collectiveSteadyState(float64, models[b], rho0, { tolerance: 1e-9 });
          const W = ergotropy(float64, ss.rho, H).ergotropy;
          const C = l1Coherence(float64, ss.rho);
          count++;
          if (W - C > maxDiff) maxDiff = W - C;
          if (W - C > 1e-9 && !counter) counter = { N, beta: betas[b], rho0 };
          if (C > 1e-6 && W / C > bestRatio) {
            bestRatio = W / C;
            bestInfo = `N = ${N}, ${ens}, β = ${betas[b]}: W = ${W.toPrecision(6)}, C_l1 = ${C.toPrecision(6)}`;
          }
        }
    }
    const checks: CheckRecord[] = [
      {
        name: `seeded search, ${count} initial states (N = 3, 4)`,
        role: 'consistency',
        method: 'first-principles',
        outcome: counter ? 'fail' : 'pass',
        detail: counter
          ? `candidate counterexample: N = ${counter.N}, β = ${counter.beta} (W − ωC_l1 = ${maxDiff.toPrecision(4)}); not yet confirmed at 50 digits`
          : `no counterexample: max(W − ωC_l1) = ${maxDiff.toPrecision(4)} (ω = 1); largest W/(ωC_l1) = ${bestRatio.toPrecision(6)} (${bestInfo})`,
      },
      kernelSearch(ctx.seed),
      exactCheck('equality family: N = 3, ρ0 = |ψ−⟩⟨ψ−| ⊗ |0⟩⟨0|: W = ωC_l1 (50 digits)', 'consistency', 'first-principles', () => {
        const D = decimalField(ctx.precision + 20);
        const out: string[] = [];
        let ok = true;
        for (const N of [3])
          for (const [bs, os] of [['0', '1'], ['0.7', '1.9'], ['2.5', '0.6']]) {
            const v = singletTimesGround(N);
            const vec = { re: v.re.map((x) => (x === 0 ? D.zero : D.fromString(x > 0 ? '1' : '-1').div(D.fromNumber(2).sqrt()))), im: v.im.map(() => D.zero) };
            const model = collectiveCoupling(D, N, { omega: D.fromString(os), beta: D.fromString(bs), gamma0: D.one, timeScale: 'normalised' });
            const ss = collectiveSteadyState(D, model, vec);
            const w = ergotropy(D, ss.rho, h0(D, N, D.fromString(os)));
            const diff = D.fromString(os).times(l1Coherence(D, ss.rho)).minus(w.ergotropy).abs();
            const good = diff.lte(w.errorBound.times(2).plus(new D.Decimal(10).pow(-ctx.precision)));
            ok &&= good;
            out.push(`N = ${N}, β = ${bs}, ω = ${os}: |ωC_l1 − W| = ${diff.toSignificantDigits(2)}`);
          }
        return { pass: ok, detail: `${out.join('; ')}: W = ω, C_l1 = 1 — if the conjecture holds for N = 3 it is tight` };
      }),
      {
        name: 'W ≤ ωC_l1 for every initial state (N ≥ 3)',
        role: 'printed',
        method: 'text',
        outcome: 'inconclusive',
        detail: 'not proven and not refuted: a seeded search is evidence, not a proof (the two-qubit proof uses the closed form of Eq. (7), which has no analogue here)',
      },
    ];
    return checks;
  },
});

/**
 * The same search at scale with the Fig. 3 kernel (physics/steady-kernel.ts, tested against the
 * generic route to 1e-10): N = 3 … 7, the four ensembles, β cycling through 0, 0.3, 1, 3, on the
 * seed streams `beyond-w-le-cl1/<seed>` (distinct from the report's Fig. 3).
 */
function kernelSearch(seed: number): CheckRecord {
  const plan: [Ensemble, number, number][] = [
    // ensemble, samples per N, largest N (Bures needs a dense 2^N × 2^N factor per sample)
    ['haar', 4000, 7],
    ['hs', 2000, 7],
    ['diagonal', 400, 7],
    ['bures', 200, 6],
  ];
  const betas = [0, 0.3, 1, 3];
  let count = 0;
  let maxDiff = -Infinity;
  let bestRatio = 0;
  let bestInfo = '';
  for (const [ensemble, per, maxN] of plan)
    for (let N = 3; N <= maxN; N++)
      betas.forEach((beta, b) => {
        const n = per / betas.length;
        const v = computeTask({ N, ensemble, seed: `beyond-w-le-cl1/${seed}`, r: Math.exp(-beta), omega: 1, start: b * n, end: (b + 1) * n });
        for (let i = 0; i < n; i++) {
          count++;
          const [W, C] = [v.W[i], v.Cl1[i]];
          if (W - C > maxDiff) maxDiff = W - C;
          if (C > 1e-6 && W / C > bestRatio) {
            bestRatio = W / C;
            bestInfo = `N = ${N}, ${ensemble}, β = ${beta}: W = ${W.toPrecision(6)}, C_l1 = ${C.toPrecision(6)}`;
          }
        }
      });
  const found = maxDiff > 1e-9;
  return {
    name: `seeded search with the Fig. 3 kernel, ${count} initial states (N = 3 … 7)`,
    role: 'consistency',
    method: 'first-principles',
    outcome: found ? 'fail' : 'pass',
    detail: found
      ? `candidate counterexample: max(W − ωC_l1) = ${maxDiff.toPrecision(4)} (ω = 1); not yet confirmed at 50 digits`
      : `no counterexample: max(W − ωC_l1) = ${maxDiff.toPrecision(4)} (ω = 1); largest W/(ωC_l1) = ${bestRatio.toPrecision(6)} (${bestInfo}); float64 kernel, tested against the generic route to 1e-10`,
  };
}

export const BEYOND: readonly Claim[] = [closedForm, groundN, randomN];

