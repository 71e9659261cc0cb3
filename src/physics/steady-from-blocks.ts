/**
 * The collective steady state from the multiplicity blocks M_j of ρ0 alone (no 2^N × 2^N input):
 * ρ_ss = ⊕_j Gibbs_j ⊗ M_j, the whole Schur–Weyl basis built only when a block off the symmetric
 * family is present and the sector blocks or ρ are asked for.
 */
import { InputError } from '../errors.js';
import type { AnalyticField, Field } from '../numeric/field.js';
import { zeros, type CMatrix } from '../numeric/matrix.js';
import type { LindbladModel } from './lindblad.js';
import { spinBasis, type SpinBasis } from './spin-basis.js';
import { spinGibbsWeights } from './spin-gibbs-weights.js';
import { spinMultiplicity, type Multiplicity, type MultiplicityBlock } from './multiplicity-blocks.js';
import { checkTolerance, collectiveModel, type CollectiveSteadyStateOptions } from './steady-input.js';
import { result, type CollectiveSteadyState, type FamilyShape } from './steady-state-result.js';

/**
 * The symmetric family (j = N/2) alone: its vector of depth d is the Dicke state, uniform
 * 1/√C(N, d) on the sector of d excitations. Enough for a state supported on the symmetric
 * subspace, and it costs 2^N values instead of the C(2N, N) of the whole basis.
 */
function symmetricBasis<T>(F: Field<T>, N: number): SpinBasis<T> {
  const sectors: number[][] = Array.from({ length: N + 1 }, () => []);
  const position = new Int32Array(2 ** N);
  for (let x = 0; x < 2 ** N; x++) {
    let ones = 0;
    for (let y = x; y !== 0; y &= y - 1) ones++;
    const k = N - ones; // index bit 0 = excited
    position[x] = sectors[k].length;
    sectors[k].push(x);
  }
  const vectors = sectors.map((xs) => {
    const v = F.div(F.one, F.sqrt(F.fromNumber(xs.length)));
    return [xs.map(() => v)];
  });
  return { F, N, sectors, position, families: [{ twoJ: N, j: N / 2, multiplicity: 1, vectors }] };
}

/**
 * ρ_ss from the multiplicity blocks M_j of ρ0 instead of ρ0 itself (families not listed have
 * M_j = 0): everything the limit depends on, without a 2^N × 2^N matrix. At β = ∞ such a ρ0 has
 * no coherence between different j, so the limit always exists. When only j = N/2 is present
 * (e.g. the all-ground or all-excited state) the whole Schur–Weyl basis is never built. The blocks
 * are checked to be Hermitian with Σ_j Tr M_j = 1 (tolerance as in collectiveSteadyState).
 */
export function collectiveSteadyStateFromBlocks<T>(
  F: AnalyticField<T>,
  model: LindbladModel<T>,
  blocks: readonly MultiplicityBlock<T>[],
  options: CollectiveSteadyStateOptions = {},
): CollectiveSteadyState<T> {
  const where = 'collectiveSteadyStateFromBlocks';
  const tolerance = checkTolerance(options.tolerance, where);
  const c = collectiveModel(F, model, where);
  const N = c.N;
  if (!Array.isArray(blocks)) throw new InputError(`${where}: blocks must be an array of {twoJ, M}`);
  const byTwoJ = new Map<number, CMatrix<T>>();
  let trace = F.zero;
  let worst = F.zero;
  for (const b of blocks) {
    const t = b?.twoJ;
    if (!Number.isInteger(t) || t < 0 || t > N || (N - t) % 2 !== 0)
      throw new InputError(`${where}: twoJ must be an integer in [0, ${N}] with the parity of N = ${N}, got ${t}`);
    if (byTwoJ.has(t)) throw new InputError(`${where}: two blocks for twoJ = ${t}`);
    const n = spinMultiplicity(N, t);
    const M = b.M;
    if (!M || M.rows !== n || M.cols !== n || M.re?.length !== n * n || M.im?.length !== n * n)
      throw new InputError(`${where}: M for twoJ = ${t} must be ${n}×${n}`);
    for (let a = 0; a < n; a++) {
      trace = F.add(trace, M.re[a * n + a]);
      for (let e = a; e < n; e++) {
        // (most entries of the named states' blocks are zero: skip those pairs cheaply)
        if (F.isZero(M.re[a * n + e]) && F.isZero(M.re[e * n + a]) && F.isZero(M.im[a * n + e]) && F.isZero(M.im[e * n + a])) continue;
        const dr = F.abs(F.sub(M.re[a * n + e], M.re[e * n + a]));
        const di = F.abs(F.add(M.im[a * n + e], M.im[e * n + a]));
        if (!Number.isFinite(F.toNumber(dr)) || !Number.isFinite(F.toNumber(di))) throw new InputError(`${where}: M for twoJ = ${t} has a non-finite entry`);
        if (F.cmp(dr, worst) > 0) worst = dr;
        if (F.cmp(di, worst) > 0) worst = di;
      }
    }
    byTwoJ.set(t, M);
  }
  const tol = F.add(F.fromNumber(tolerance), F.mul(F.fromNumber(8 * 2 ** N), F.epsilon));
  if (F.cmp(worst, tol) > 0)
    throw new InputError(`${where}: a block M_j is not Hermitian (max |M_ab − conj M_ba| component ${F.toString(worst, 3)}, tolerance ${F.toString(tol, 3)})`);
  if (F.cmp(F.abs(F.sub(trace, F.one)), tol) > 0)
    throw new InputError(`${where}: Σ_j Tr M_j = ${F.toString(trace, 17)}, not 1 (tolerance ${F.toString(tol, 3)})`);
  const symmetricOnly = [...byTwoJ.keys()].every((t) => t === N);
  let basis: SpinBasis<T> | null = null;
  const getBasis = (): SpinBasis<T> => (basis ??= symmetricOnly ? symmetricBasis(F, N) : spinBasis(F, N));
  const r = c.zeroTemperature ? F.zero : c.r;
  const families: FamilyShape[] = [];
  for (let t = N; t >= 0; t -= 2) families.push({ j: t / 2, twoJ: t, multiplicity: spinMultiplicity(N, t) });
  const mults: Multiplicity<T>[] = families.map(({ twoJ, multiplicity: n }) => {
    const M = byTwoJ.get(twoJ) ?? zeros(F, n);
    return { M: { rows: n, cols: n, re: M.re.slice(), im: M.im.slice() }, factor: null, comps: null };
  });
  const weights = families.map((fam) => spinGibbsWeights(F, fam.twoJ, r));
  const method = c.zeroTemperature ? 'Schur–Weyl exact limit at β = ∞ (from the spin blocks of ρ0)' : 'Schur–Weyl exact map (finite β)';
  return result(F, getBasis, families, mults, weights, [], method, true);
}
