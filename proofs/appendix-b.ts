/** Appendix B of the paper: the ergotropy of the ground-state steady state, (B1)–(B5). */
import type { Claim } from '../src/claims/claim.js';
import { checksClaim } from '../src/claims/templates.js';

import { identical, rfadd, rfConst, rfdiv, rfmul, rfsub, rftoString, type RatFunc } from '../src/symbolic/ratfunc.js';
import { radd, rmul, rsub, rational, type Rational } from '../src/numeric/rational.js';
import { OMEGA, binom, blockWeight, dk, levelExcitation, wPairing, firstPrinciplesPerN, groundErgotropyAt } from './model-ground.js';
import { EQ16_TEX, exactForN, printedSumAt } from './sec4b-scaling.js';

const ZERO = rfConst(0);
const ONE = rfConst(1);
const RANGES = { beta: { lo: '1/10', hi: 3 }, omega: { lo: '1/2', hi: 2 } } as const;
const span = (lo: number, hi: number): number[] => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
const same = (a: RatFunc, b: RatFunc): string | null => (identical(a, b).identical ? null : `${rftoString(a)} ≢ ${rftoString(b)}`);
const p = (N: number, k: number): bigint => binom(N, k);
const P = (N: number, k: number): RatFunc => rfConst(p(N, k));

/**
 * The sum (B5) prints, Σ_{k=1}^{N−1} kω p_{k+1} d_{k+1}, is the one Eq. (16) prints: read from the
 * TeX of Eq. (16) at N (p_k = C(N, k), d_k of the derived state), or throws where it is not a
 * rational function.
 */
function printedB5Sum(N: number): RatFunc {
  const s = printedSumAt(EQ16_TEX, N);
  if (typeof s === 'string') throw new Error(`the printed sum of Eq. (16) at N = ${N} is not a rational function (${s})`);
  return s;
}

/**
 * The paper's labelling in the basis ordered by excitation number (D_N first, |0…0⟩ last): |ε_i⟩ is
 * the unit vector at position 2^N − i (1-based i), with ε_i = ω·(excitation of the i-th lowest level);
 * |r_j⟩ (j = 1 … N + 1) is uniform on block k = j − 1 with eigenvalue r_j = p_{j−1} d_{j−1}.
 */
const epsBlock = (N: number, i: number): number => levelExcitation(N, i - 1);
const eps = (N: number, i: number): RatFunc => rfmul(OMEGA, rfConst(epsBlock(N, i)));
const rj = (N: number, j: number): RatFunc => blockWeight(N, j - 1);
/** |⟨r_j|ε_i⟩|² = 1/p_{j−1} if ε_i lies in block j − 1, else 0 (exact). */
const overlap2 = (N: number, j: number, i: number): RatFunc => (epsBlock(N, i) === j - 1 ? rfConst({ num: 1n, den: p(N, j - 1) }) : ZERO);

/** (B3), first line: Σ_{j=1}^{N+1} r_j ε_j (|⟨r_j|ε_j⟩|² − 1). */
function b3FirstLine(N: number): RatFunc {
  let s = ZERO;
  for (let j = 1; j <= N + 1; j++) s = rfadd(s, rfmul(rfmul(rj(N, j), eps(N, j)), rfsub(overlap2(N, j, j), ONE)));
  return s;
}
/** (B3), printed middle: 0 + r_2 ε_2 (1/p_1 − 1) − r_3 ε_3 − … − r_{N+1} ε_{N+1}. */
function b3Middle(N: number): RatFunc {
  let s = rfmul(rfmul(rj(N, 2), eps(N, 2)), rfsub(rfdiv(ONE, P(N, 1)), ONE));
  for (let j = 3; j <= N + 1; j++) s = rfsub(s, rfmul(rj(N, j), eps(N, j)));
  return s;
}
/** (B3), printed second line: ω p_1 d_1/p_1 − ω p_1 d_1 − ω p_2 d_2 − … − ω p_N d_N. */
function b3Second(N: number): RatFunc {
  let s = rfsub(rfmul(OMEGA, rfdiv(blockWeight(N, 1), P(N, 1))), rfmul(OMEGA, blockWeight(N, 1)));
  for (let k = 2; k <= N; k++) s = rfsub(s, rfmul(OMEGA, blockWeight(N, k)));
  return s;
}
/** (B4), first line as defined: Σ_{j ≠ i} r_j ε_i |⟨r_j|ε_i⟩|² (j = 1 … N + 1; other eigenvalues are 0). */
function b4FirstLine(N: number): RatFunc {
  let s = ZERO;
  for (let j = 1; j <= N + 1; j++) {
    // all terms of one j share r_j/p_{j−1}: add up the integer levels ε_i/ω first
    let levels = 0;
    for (let i = 1; i <= 2 ** N; i++) if (i !== j && epsBlock(N, i) === j - 1) levels += epsBlock(N, i);
    s = rfadd(s, rfmul(rfmul(rj(N, j), rfmul(OMEGA, rfConst(levels))), rfConst({ num: 1n, den: p(N, j - 1) })));
  }
  return s;
}
/** (B4), the printed explicit terms with their index ranges. */
function b4Middle(N: number): RatFunc {
  const cum = (k: number): number => span(1, k).reduce((a, m) => a + Number(p(N, m)), 0); // p_1 + … + p_k
  // each printed group r_{k+1}(ε_a + … + ε_b)/p_k, its levels added as integers
  const group = (j: number, a: number, b: number, pk: bigint): RatFunc => {
    let levels = 0;
    for (let i = a; i <= b; i++) levels += epsBlock(N, i);
    return rfdiv(rfmul(rj(N, j), rfmul(OMEGA, rfConst(levels))), rfConst(pk));
  };
  let s = group(2, 3, Number(p(N, 1)) + 1, p(N, 1));
  for (let k = 2; k <= N - 1; k++) s = rfadd(s, group(k + 1, cum(k - 1) + 2, cum(k) + 1, p(N, k)));
  return rfadd(s, rfmul(rj(N, N + 1), eps(N, 2 ** N)));
}
/** (B4), printed second line: [p_1 − 1][ω p_1 d_1/p_1] + Σ_{k=2}^{N−1} p_k [k ω p_k d_k/p_k] + N ω p_N d_N. */
function b4Second(N: number): RatFunc {
  let s = rfmul(rfsub(P(N, 1), ONE), rfmul(OMEGA, rfdiv(blockWeight(N, 1), P(N, 1))));
  for (let k = 2; k <= N - 1; k++) s = rfadd(s, rfmul(P(N, k), rfmul(rfConst(k), rfmul(OMEGA, dk(N, k)))));
  return rfadd(s, rfmul(rfConst(N), rfmul(OMEGA, blockWeight(N, N))));
}

/** (B1) printed padding: [leading zeros, trailing zeros] of |ε_i⟩ as printed, per label. */
/** |ε_E⟩ for an index expression E such as "p_1+p_2+2", by the rule 2^N − i zeros before the 1 and i − 1 after. */
function positionTeX(E: string): string {
  const parts = E.split('+');
  const k = parts.filter((x) => /^\d+$/.test(x)).reduce((acc, x) => acc + Number(x), 0);
  const syms = parts.filter((x) => !/^\d+$/.test(x));
  const lead = `2^N${syms.map((x) => `-${x}`).join('')}${k ? `-${k}` : ''}`;
  const t = k - 1;
  const trail = syms.length ? `${syms.join('+')}${t > 0 ? `+${t}` : t < 0 ? `-${-t}` : ''}` : String(t);
  return `|\\varepsilon_{${E}}\\rangle = [\\underbrace{0,\\dots,0}_{${lead}}, 1, \\underbrace{0,\\dots,0}_{${trail}}]^T`;
}

const B1_PRINTED: readonly {
  label: string;
  i: (N: number) => number;
  lead: (N: number) => bigint;
  trail: (N: number) => bigint;
  level: number | 'N';
  minN: number;
}[] = [
  { label: 'ε_1 = 0', i: () => 1, lead: (N) => 2n ** BigInt(N) - 1n, trail: () => 0n, level: 0, minN: 1 },
  { label: 'ε_2 = ω', i: () => 2, lead: (N) => 2n ** BigInt(N) - 2n, trail: () => 1n, level: 1, minN: 1 },
  { label: 'ε_{p_1+1} = ω', i: (N) => Number(p(N, 1)) + 1, lead: (N) => 2n ** BigInt(N) - p(N, 1) - 1n, trail: (N) => p(N, 1) + 1n, level: 1, minN: 2 },
  { label: 'ε_{p_1+2} = 2ω', i: (N) => Number(p(N, 1)) + 2, lead: (N) => 2n ** BigInt(N) - p(N, 1), trail: (N) => p(N, 1) + 2n, level: 2, minN: 2 },
  {
    label: 'ε_{p_1+p_2+2} = 3ω',
    i: (N) => Number(p(N, 1) + p(N, 2)) + 2,
    lead: (N) => 2n ** BigInt(N) - p(N, 1) - p(N, 2),
    trail: (N) => p(N, 1) + p(N, 2) + 2n,
    level: 3,
    minN: 3,
  },
  { label: 'ε_{2^N} = Nω', i: (N) => 2 ** N, lead: () => 0n, trail: (N) => 2n ** BigInt(N) - 1n, level: 'N', minN: 1 },
];

/** Exact rational value of p_k d_k at a rational r. */
function weightAt(N: number, k: number, r: Rational): Rational {
  let g: Rational = rational(0n);
  let rk: Rational = rational(1n);
  let pow: Rational = rational(1n);
  for (let j = 0; j <= N; j++) {
    if (j === k) rk = pow;
    g = radd(g, pow);
    pow = rmul(pow, r);
  }
  return { num: rk.num * g.den, den: rk.den * g.num };
}

export const APPENDIX_B: readonly Claim[] = [
  checksClaim({
    id: 'appendix-b-b1',
    location: 'Appendix B, (B1)',
    statement:
      'The spectrum of H0 in increasing order with its eigenvectors: ε_1 = 0, ε_2 … ε_{p_1+1} = ω, ε_{p_1+2} = 2ω, …, ε_{p_1+p_2+2} = 3ω, …, ε_{2^N} = Nω, each eigenvector a unit vector whose position is given by the numbers of zeros before and after the 1.',
    printed:
      '|\\varepsilon_{p_1+1}\\rangle = [\\underbrace{0,\\dots,0}_{2^N-p_1-1}, 1, \\underbrace{0,\\dots,0}_{p_1+1}]^T,\\ |\\varepsilon_{p_1+2}\\rangle = [\\underbrace{0,\\dots,0}_{2^N-p_1}, 1, \\underbrace{0,\\dots,0}_{p_1+2}],\\ |\\varepsilon_{p_1+p_2+2}\\rangle = [\\underbrace{0,\\dots,0}_{2^N-p_1-p_2}, 1, \\underbrace{0,\\dots,0}_{p_1+p_2+2}]',
    derived: () => {
      // the position rule, confirmed on the printed first, second and last vectors, instantiated for every printed vector of the wrong length
      const wrong = B1_PRINTED.filter((e) => e.lead(3) + 1n + e.trail(3) !== 8n);
      return [
        `|\\varepsilon_i\\rangle = [\\underbrace{0,\\dots,0}_{2^N-i}, 1, \\underbrace{0,\\dots,0}_{i-1}]^T`,
        ...wrong.map((e) => positionTeX(/ε_\{?([^}= ]+)\}?/.exec(e.label)![1])),
      ].join(',\\ ');
    },
    howDecided:
      'the printed eigenvalue labels compared with the sorted levels of H0 (excitation counts with multiplicities C(N, k)), N = 1..8; the printed zero counts summed with the 1 and compared with the dimension 2^N; the corrected position 2^N − i of |ε_i⟩ is consistent with |ε_1⟩, |ε_2⟩, |ε_{2^N}⟩ as printed',
    checks: () => [
      exactForN(
        'printed eigenvalues = sorted levels of H0',
        'consistency',
        span(1, 8),
        (N) => {
          for (const e of B1_PRINTED) {
            if (N < e.minN) continue;
            const want = e.level === 'N' ? N : e.level;
            if (levelExcitation(N, e.i(N) - 1) !== want) return `${e.label}: the ${e.i(N)}-th lowest level is ${levelExcitation(N, e.i(N) - 1)}ω`;
          }
          return null;
        },
        'the printed labels ε_1 = 0, ε_2 = ε_{p_1+1} = ω, ε_{p_1+2} = 2ω, ε_{p_1+p_2+2} = 3ω, ε_{2^N} = Nω are the levels of H0 in increasing order',
      ),
      exactForN(
        'corrected positions agree with the printed |ε_1⟩, |ε_2⟩, |ε_{2^N}⟩',
        'consistency',
        span(1, 8),
        (N) => {
          for (const e of B1_PRINTED.filter((x) => ['ε_1 = 0', 'ε_2 = ω', 'ε_{2^N} = Nω'].includes(x.label))) {
            const i = e.i(N);
            if (e.lead(N) !== 2n ** BigInt(N) - BigInt(i) || e.trail(N) !== BigInt(i - 1)) return `${e.label} does not sit at position 2^N − i`;
          }
          return null;
        },
        '|ε_i⟩ has 2^N − i zeros before and i − 1 zeros after the 1, as the printed first, second and last vectors do',
      ),
      exactForN(
        'printed vectors have length 2^N',
        'printed',
        span(2, 8),
        (N) => {
          const bad = B1_PRINTED.filter((e) => N >= e.minN && e.lead(N) + 1n + e.trail(N) !== 2n ** BigInt(N)).map(
            (e) => `|${e.label.split(' ')[0]}⟩ has length ${e.lead(N) + 1n + e.trail(N)} = 2^N + ${e.lead(N) + 1n + e.trail(N) - 2n ** BigInt(N)}`,
          );
          return bad.length ? `${bad.join(', ')} instead of ${2 ** N}` : null;
        },
        'all printed vectors have length 2^N',
      ),
    ],
  }),
  checksClaim({
    id: 'appendix-b-b2',
    location: 'Appendix B, (B2)',
    statement:
      'Each block D_k has the single nonzero eigenvalue p_k d_k with eigenvector [1, …, 1]^T/√p_k on the block; the steady state has N + 1 nonzero eigenvalues, in decreasing order r_1 = p_0 d_0 > r_2 = p_1 d_1 > … > r_{N+1} = p_N d_N, with the printed eigenvectors.',
    printed:
      'r_{j} = p_{j-1} d_{j-1}, \\quad |r_j\\rangle = [0,\\dots,0, \\underbrace{1,\\dots,1}_{p_{j-1}}, 0, \\dots, 0]^T/\\sqrt{p_{j-1}}, \\quad j = 1, \\dots, N+1',
    derived: '\\rho = \\sum_{k=0}^N p_k d_k\\, |r_{k+1}\\rangle\\langle r_{k+1}|',
    howDecided:
      'exactly at seeded rational r ∈ (0, 1), N = 2..8: ρ|r_j⟩ = r_j|r_j⟩ entry by entry for Eq. (13), the vectors are orthonormal, and Tr ρ = Σ r_j, Tr ρ² = Σ r_j² force every other eigenvalue to be 0; the order is blocks-eigenvalues-decrease; numerically the spectrum of the first-principles state (certified eigensolver, N = 2..5) is {p_k d_k} ∪ {0}',
    checks: (ctx) => [
      exactForN(
        'ρ|r_j⟩ = p_{j−1}d_{j−1}|r_j⟩, other eigenvalues 0 (exact, rational r)',
        'printed',
        span(2, 8),
        (N) => {
          for (const r of [rational(1n, 3n), rational(5n, 7n), rational(BigInt(ctx.seed % 97) + 1n, 98n)]) {
            const w = Array.from({ length: N + 1 }, (_, k) => weightAt(N, k, r));
            const d = w.map((x, k) => ({ num: x.num, den: x.den * p(N, k) }));
            const dim = 2 ** N;
            const blk = Array.from({ length: dim }, (_, pos) => levelExcitation(N, dim - 1 - pos)); // paper basis: D_N first
            let tr: Rational = rational(0n);
            let tr2: Rational = rational(0n);
            for (let a = 0; a < dim; a++) {
              tr = radd(tr, d[blk[a]]);
              for (let b = 0; b < dim; b++) if (blk[a] === blk[b]) tr2 = radd(tr2, rmul(d[blk[a]], d[blk[a]]));
            }
            for (let k = 0; k <= N; k++) {
              // (ρ v)_a with v = 1 on block k (unnormalised): Σ_{b in block k} ρ_ab
              for (let a = 0; a < dim; a++) {
                let s: Rational = rational(0n);
                for (let b = 0; b < dim; b++) if (blk[b] === k && blk[a] === blk[b]) s = radd(s, d[k]);
                const want = blk[a] === k ? w[k] : rational(0n);
                if (rsub(s, want).num !== 0n) return `block ${k}, row ${a}: (ρv)_a ≠ λ v_a`;
              }
            }
            const sum = w.reduce((x, y) => radd(x, y), rational(0n));
            const sum2 = w.reduce((x, y) => radd(x, rmul(y, y)), rational(0n));
            if (rsub(tr, sum).num !== 0n || rsub(tr2, sum2).num !== 0n) return 'Tr ρ or Tr ρ² differs from the claimed eigenvalues';
          }
          return null;
        },
        'the printed vectors are orthonormal eigenvectors with eigenvalues p_k d_k, and Tr ρ = Σ_k p_k d_k, Tr ρ² = Σ_k (p_k d_k)² (so the remaining 2^N − N − 1 eigenvalues are 0), at r = 1/3, 5/7 and a seeded rational',
      ),
      firstPrinciplesPerN(
        'max_i |λ_i↓(ρ_ss) − (p_0d_0, …, p_Nd_N, 0, …)_i|',
        'consistency',
        span(2, 5),
        () => '0',
        (N, pt, D) => {
          const e = groundErgotropyAt(D, N, pt);
          const r = D.exp(D.neg(D.mul(pt.beta, pt.omega)));
          let g = D.zero;
          let pw = D.one;
          const pows: (typeof g)[] = [];
          for (let k = 0; k <= N; k++) {
            pows.push(pw);
            g = D.add(g, pw);
            pw = D.mul(pw, r);
          }
          let worst = D.zero;
          e.eigenvalues.forEach((lam, i) => {
            const want = i <= N ? D.div(pows[i], g) : D.zero;
            const dev = D.abs(D.sub(lam, want));
            if (D.cmp(dev, worst) > 0) worst = dev;
          });
          return { value: worst, errorBound: e.errorBound };
        },
        ctx,
        RANGES,
        { points: (N) => (N <= 4 ? 2 : 1), what: 'the certified eigenvalues (decreasing) of the exact steady state from the ground state, 60 digits' },
      ),
    ],
  }),
  checksClaim({
    id: 'appendix-b-b3',
    location: 'Appendix B, (B3)',
    statement:
      'The diagonal (j = i) terms of Eq. (2): Σ_{j=1}^{N+1} r_j ε_j(|⟨r_j|ε_j⟩|² − 1) = 0 + r_2 ε_2(1/p_1 − 1) − r_3 ε_3 − … − r_{N+1} ε_{N+1} = ω p_1 d_1/p_1 − ω p_1 d_1 − ω p_2 d_2 − … − ω p_N d_N.',
    printed:
      '\\sum_{j=1}^{N+1} r_j \\varepsilon_j (|\\langle r_j | \\varepsilon_j \\rangle|^2 - 1) = 0 + r_2 \\varepsilon_2 \\left(\\frac{1}{p_1} - 1 \\right) - r_3 \\varepsilon_3 - \\dots - r_{N+1} \\varepsilon_{N+1} = \\frac{\\omega p_1 d_1}{p_1} - \\omega p_1 d_1 - \\omega p_2 d_2 - \\dots - \\omega p_N d_N',
    derived: '\\omega d_1 - \\omega\\sum_{k=1}^N p_k d_k',
    howDecided:
      'the first line evaluated exactly in Q(r, ω) from the labelled eigenvectors of (B1) (positions corrected, see appendix-b-b1) and (B2) and the overlaps |⟨r_j|ε_i⟩|² = 1/p_{j−1} or 0; compared with the printed middle and second lines, N = 2..7',
    checks: () => [
      exactForN('first line ≡ printed middle line', 'printed', span(2, 7), (N) => same(b3FirstLine(N), b3Middle(N)), 'identical'),
      exactForN('first line ≡ printed second line', 'printed', span(2, 7), (N) => same(b3FirstLine(N), b3Second(N)), 'identical'),
    ],
  }),
  checksClaim({
    id: 'appendix-b-b4',
    location: 'Appendix B, (B4)',
    statement:
      'The off-diagonal (j ≠ i) terms of Eq. (2), Σ_{j≠i} r_j ε_i|⟨r_j|ε_i⟩|², written out term by term and summed to [p_1 − 1][ω p_1 d_1/p_1] + p_2[2ω p_2 d_2/p_2] + … + p_{N−1}[(N − 1)ω p_{N−1}d_{N−1}/p_{N−1}] + Nω p_N d_N.',
    printed:
      '\\sum_{j,i} r_j \\epsilon_i |\\langle r_j | \\epsilon_i \\rangle|^2 = \\frac{r_2 \\epsilon_3}{p_1} + \\cdots + \\frac{r_2 \\epsilon_{p_1+1}}{p_1} + \\frac{r_3 \\epsilon_{p_1+2}}{p_2} + \\cdots + r_{N+1} \\epsilon_{2^N} = [p_1 - 1] \\left[\\frac{\\omega p_1 d_1}{p_1} \\right] + p_2 \\left[\\frac{2\\omega p_2 d_2}{p_2} \\right] + \\cdots + p_{N-1} \\left[\\frac{(N-1)\\omega p_{N-1} d_{N-1}}{p_{N-1}} \\right] + N\\omega p_N d_N',
    derived: '(p_1 - 1)\\omega d_1 + \\sum_{k=2}^{N} k\\omega\\, p_k d_k',
    howDecided:
      'the sum over all j ≠ i (j = 1 … N + 1, i = 1 … 2^N) evaluated exactly in Q(r, ω) with the labelled eigenvectors; compared with the printed explicit terms (their index ranges taken literally) and with the printed second line, N = 2..7 (for N = 2 the generic middle group p_2[…] … p_{N−1}[…] is empty)',
    checks: () => [
      exactForN('Σ_{j≠i} ≡ printed explicit terms', 'printed', span(2, 7), (N) => same(b4FirstLine(N), b4Middle(N)), 'identical'),
      exactForN('Σ_{j≠i} ≡ printed second line', 'printed', span(2, 7), (N) => same(b4FirstLine(N), b4Second(N)), 'identical'),
    ],
  }),
  checksClaim({
    id: 'appendix-b-b5',
    location: 'Appendix B, (B5)',
    statement: 'Combining (B3) and (B4): W = ω p_2 d_2 + 2ω p_3 d_3 + … + (N − 1)ω p_N d_N = Σ_{k=1}^{N−1} kω p_{k+1} d_{k+1}, the expression of Eq. (16).',
    printed: '\\mathcal{W} = \\omega p_2 d_2 + 2\\omega p_3 d_3 + \\cdots + (N-1)\\omega p_N d_N = \\sum_{k=1}^{N-1} k\\omega p_{k+1} d_{k+1}',
    derived: '\\mathcal{W} = \\mathrm{Tr}(\\rho H_0) - \\sum_i r_i^\\downarrow \\varepsilon_i^\\uparrow',
    howDecided:
      '(B3) + (B4) (first lines, exact) compared with the printed sum (the sum Eq. (16) prints, read from its TeX) and with W from the sorted pairing of Eq. (2), N = 2..7 exactly; the printed sum against the certified ergotropy of the first-principles state, N = 2..4',
    checks: (ctx) => [
      exactForN(
        '(B3) + (B4) ≡ printed Σ kω p_{k+1}d_{k+1} (read from the TeX of Eq. (16))',
        'printed',
        span(2, 7),
        (N) => same(rfadd(b3FirstLine(N), b4FirstLine(N)), printedB5Sum(N)),
        'identical',
      ),
      exactForN(
        '(B3) + (B4) ≡ W from the sorted pairing',
        'consistency',
        span(2, 7),
        (N) => same(rfadd(b3FirstLine(N), b4FirstLine(N)), wPairing(N)),
        'identical',
      ),
      firstPrinciplesPerN(
        'printed (B5) vs first principles',
        'printed',
        span(2, 4),
        (N) => printedB5Sum(N),
        (N, pt, D) => {
          const e = groundErgotropyAt(D, N, pt);
          return { value: e.ergotropy, errorBound: e.errorBound };
        },
        ctx,
        RANGES,
        { points: () => 2, what: 'the certified ergotropy of the exact steady state from the ground state, 60 digits' },
      ),
    ],
  }),
];
