/**
 * Shared fast-check arbitraries and builders for tests: random states, Hamiltonians, passive and
 * Gibbs states, unitaries that commute with a Hamiltonian, small exact matrices.
 *
 * Design: an arbitrary produces a small plain *spec* (ensemble, dimension, seed, levels, …) and a
 * `build…` function turns it into a matrix in any Field. So
 *   • counterexamples print readably and can be replayed by hand (`buildState(F, spec)`);
 *   • the same spec built in float64 and in decimalField(50) gives "the same" input in both fields
 *     (the float64 draws of the seeded Rng are identical; only the arithmetic after them differs);
 *   • every random draw is seeded: specs carry a seed for `src/random`'s Rng, and `fcParams` gives
 *     every property its own fixed fast-check seed (derived from its label), so runs are reproducible.
 */
import fc from 'fast-check';
import { decimalField } from '../src/numeric/decimal.js';
import type { AnalyticField, Field } from '../src/numeric/field.js';
import { float64 } from '../src/numeric/float64.js';
import { add, adjoint, diag, fromNumbers, mul, zeros, type CMatrix } from '../src/numeric/matrix.js';
import { parseRational, rational, type Rational } from '../src/numeric/rational.js';
import { h0 } from '../src/physics/qubits.js';
import { fnv1a64 } from '../src/random/hash64.js';
import { ENSEMBLES, haarUnitary, randomDiagonalState, randomState, Rng, type Ensemble } from '../src/random/index.js';

// ---------------------------------------------------------------------------------------------
// Fields and fast-check parameters
// ---------------------------------------------------------------------------------------------

export const D50 = decimalField(50);
export const D80 = decimalField(80);

/** The two fields the physics is checked in, with labels for test names. */
export const PHYSICS_FIELDS: readonly (readonly [string, AnalyticField<unknown>])[] = [
  ['float64', float64 as AnalyticField<unknown>],
  ['decimal(50)', D50 as unknown as AnalyticField<unknown>],
];

/** fast-check parameters with a fixed seed derived from `label` (so each property has its own, stable seed). */
export function fcParams(label: string, numRuns: number): { seed: number; numRuns: number } {
  return { seed: Number(fnv1a64(label) & 0x7fffffffn), numRuns };
}

/** A seed for src/random's Rng. */
export const seedArb = (): fc.Arbitrary<number> => fc.integer({ min: 0, max: 0xffffffff });

// ---------------------------------------------------------------------------------------------
// Random states
// ---------------------------------------------------------------------------------------------

/** An ensemble of src/random, a dimension and a seed: a reproducible random density matrix. */
export interface StateSpec {
  readonly ensemble: Ensemble;
  readonly n: number;
  readonly seed: number;
}

export interface StateSpecOptions {
  minDim?: number;
  maxDim?: number;
  /** Default: every ensemble (haar, hs, bures, diagonal). */
  ensembles?: readonly Ensemble[];
}

export const ALL_ENSEMBLES: readonly Ensemble[] = ENSEMBLES.map((e) => e.name);

/** Specs of random states of dimension `n` exactly. */
export function stateSpecOfDim(n: number, ensembles: readonly Ensemble[] = ALL_ENSEMBLES): fc.Arbitrary<StateSpec> {
  return fc.record({ ensemble: fc.constantFrom(...ensembles), n: fc.constant(n), seed: seedArb() });
}

/** Specs of random states of dimension in [minDim, maxDim] (default 1..6). */
export function stateSpec(options: StateSpecOptions = {}): fc.Arbitrary<StateSpec> {
  const { minDim = 1, maxDim = 6, ensembles = ALL_ENSEMBLES } = options;
  return fc.integer({ min: minDim, max: maxDim }).chain((n) => stateSpecOfDim(n, ensembles));
}

/** The density matrix a StateSpec stands for (stream `state` of Rng(seed)). */
export function buildState<T>(F: Field<T>, s: StateSpec): CMatrix<T> {
  return randomState(F, new Rng(s.seed, ['state']), s.ensemble, s.n);
}

// ---------------------------------------------------------------------------------------------
// Hamiltonians
// ---------------------------------------------------------------------------------------------

/**
 * A Hamiltonian:
 *  • `h0`: the paper's H0 = ω·(number of excitations) on N qubits (dimension 2^N), ω exact (e.g. "7/3");
 *  • `levels`: diagonal with the given levels (multiples of 1/2 in [−3, 3], so exact in every
 *    field and often degenerate), in the given (unsorted) order;
 *  • `rotated`: U diag(levels) U† with U Haar (stream `hamiltonian` of Rng(seed)): known spectrum,
 *    not diagonal, so the code must diagonalise it;
 *  • `ginibre`: (G + G†)/2 with G complex Ginibre (stream `hamiltonian` of Rng(seed)).
 */
export type HamiltonianSpec =
  | { readonly kind: 'h0'; readonly N: number; readonly omega: string }
  | { readonly kind: 'levels'; readonly levels: readonly number[] }
  | { readonly kind: 'rotated'; readonly levels: readonly number[]; readonly seed: number }
  | { readonly kind: 'ginibre'; readonly n: number; readonly seed: number };

export type HamiltonianKind = HamiltonianSpec['kind'];

/** Levels for an n-dimensional diagonal Hamiltonian: multiples of 1/2 in [−3, 3] (exact, often degenerate). */
export const levelsArb = (n: number): fc.Arbitrary<number[]> =>
  fc.array(
    fc.integer({ min: -6, max: 6 }).map((k) => k / 2),
    { minLength: n, maxLength: n },
  );

/** ω as an exact decimal or fraction string: 1, 1/2, 7/3, 0.37 (the paper uses ω = 1). */
export const omegaArb = (): fc.Arbitrary<string> => fc.constantFrom('1', '1/2', '7/3', '0.37', '3');

/** Specs of n-dimensional Hamiltonians of the given kinds (`h0` only when n is a power of two ≥ 2). */
export function hamiltonianSpecOfDim(n: number, kinds: readonly HamiltonianKind[] = ['h0', 'levels', 'rotated', 'ginibre']): fc.Arbitrary<HamiltonianSpec> {
  const N = Math.log2(n);
  const options: fc.Arbitrary<HamiltonianSpec>[] = [];
  if (kinds.includes('h0') && Number.isInteger(N) && N >= 1)
    options.push(fc.record({ kind: fc.constant('h0' as const), N: fc.constant(N), omega: omegaArb() }));
  if (kinds.includes('levels')) options.push(fc.record({ kind: fc.constant('levels' as const), levels: levelsArb(n) }));
  if (kinds.includes('rotated')) options.push(fc.record({ kind: fc.constant('rotated' as const), levels: levelsArb(n), seed: seedArb() }));
  if (kinds.includes('ginibre')) options.push(fc.record({ kind: fc.constant('ginibre' as const), n: fc.constant(n), seed: seedArb() }));
  if (options.length === 0) throw new RangeError(`hamiltonianSpecOfDim: no kind among [${kinds.join(', ')}] exists in dimension ${n}`);
  return fc.oneof(...options);
}

export const hamiltonianDim = (h: HamiltonianSpec): number => (h.kind === 'h0' ? 2 ** h.N : h.kind === 'ginibre' ? h.n : h.levels.length);

/** (M + M†)/2, exactly Hermitian in every field (each pair of entries is the same sum, halved). */
export function hermitianPart<T>(F: Field<T>, M: CMatrix<T>): CMatrix<T> {
  const S = add(F, M, adjoint(F, M));
  return { rows: S.rows, cols: S.cols, re: S.re.map((x) => F.scale2(x, -1)), im: S.im.map((x) => F.scale2(x, -1)) };
}

/** The matrix a HamiltonianSpec stands for; exactly Hermitian. */
export function buildHamiltonian<T>(F: Field<T>, h: HamiltonianSpec): CMatrix<T> {
  switch (h.kind) {
    case 'h0':
      return h0(F, h.N, F.fromRational(parseRational(h.omega)));
    case 'levels':
      return diag(
        F,
        h.levels.map((x) => F.fromNumber(x)),
      );
    case 'rotated': {
      const U = haarUnitary(F, new Rng(h.seed, ['hamiltonian']), h.levels.length);
      return hermitianPart(
        F,
        mul(
          F,
          mul(
            F,
            U,
            diag(
              F,
              h.levels.map((x) => F.fromNumber(x)),
            ),
          ),
          adjoint(F, U),
        ),
      );
    }
    case 'ginibre': {
      const rng = new Rng(h.seed, ['hamiltonian']);
      const G = zeros(F, h.n);
      for (let k = 0; k < h.n * h.n; k++) {
        G.re[k] = F.fromNumber(rng.normal());
        G.im[k] = F.fromNumber(rng.normal());
      }
      return hermitianPart(F, G);
    }
  }
}

/**
 * The exact spectrum of the Hamiltonian a spec stands for, ascending, where it is known by
 * construction (h0: ω·k with multiplicity C(N, k); levels; rotated: up to the rounding of U diag U†).
 * Undefined for `ginibre`.
 */
export function knownLevels(h: HamiltonianSpec): number[] | undefined {
  switch (h.kind) {
    case 'h0': {
      const q = parseRational(h.omega);
      const w = Number(q.num) / Number(q.den);
      return Array.from({ length: 2 ** h.N }, (_, c) => h.N - popcount(c))
        .sort((a, b) => a - b)
        .map((k) => k * w);
    }
    case 'levels':
    case 'rotated':
      return h.levels.slice().sort((a, b) => a - b);
    case 'ginibre':
      return undefined;
  }
}

function popcount(x: number): number {
  let c = 0;
  for (; x !== 0; x &= x - 1) c++;
  return c;
}

/** A state and a Hamiltonian of the same dimension. */
export interface ProblemSpec {
  readonly state: StateSpec;
  readonly hamiltonian: HamiltonianSpec;
}

/** A random state and a random Hamiltonian of a common dimension in [minDim, maxDim]. */
export function problemSpec(options: StateSpecOptions & { kinds?: readonly HamiltonianKind[] } = {}): fc.Arbitrary<ProblemSpec> {
  const { minDim = 1, maxDim = 6, ensembles = ALL_ENSEMBLES, kinds } = options;
  return fc.integer({ min: minDim, max: maxDim }).chain((n) => fc.record({ state: stateSpecOfDim(n, ensembles), hamiltonian: hamiltonianSpecOfDim(n, kinds) }));
}

// ---------------------------------------------------------------------------------------------
// Passive and Gibbs states, unitaries commuting with a diagonal Hamiltonian
// ---------------------------------------------------------------------------------------------

/** Indices 0..n−1 sorted by ascending level (ties by index): the order in which a passive state's populations decrease. */
function ascendingOrder<T>(F: Field<T>, levels: readonly T[]): number[] {
  return levels.map((_, i) => i).sort((a, b) => F.cmp(levels[a], levels[b]) || a - b);
}

/** The diagonal of a diagonal matrix (real parts). */
const diagonalOf = <T>(M: CMatrix<T>): T[] => Array.from({ length: M.rows }, (_, i) => M.re[i * M.cols + i]);

/**
 * A passive state for the diagonal Hamiltonian with `levels`: diagonal, with the weights of
 * randomDiagonalState (stream `passive` of Rng(seed)) sorted so that populations never increase
 * with energy. Exactly passive in F: the construction only permutes computed numbers.
 */
export function passiveStateFor<T>(F: Field<T>, levels: readonly T[], seed: number): CMatrix<T> {
  const n = levels.length;
  const weights = diagonalOf(randomDiagonalState(F, new Rng(seed, ['passive']), n)).sort((a, b) => F.cmp(b, a));
  const order = ascendingOrder(F, levels);
  const p = new Array<T>(n);
  order.forEach((i, k) => (p[i] = weights[k]));
  return diag(F, p);
}

/**
 * The Gibbs state e^{−βH}/Z of the diagonal Hamiltonian with `levels` (β = Infinity: the uniform
 * mixture over the ground space). Populations are computed as e^{−β(ε_i − ε_min)} / Z, a monotone
 * function of ε_i, so the result is exactly passive in F.
 */
export function gibbsStateFor<T>(F: AnalyticField<T>, levels: readonly T[], beta: number): CMatrix<T> {
  let min = levels[0];
  for (const e of levels) if (F.cmp(e, min) < 0) min = e;
  const w =
    beta === Infinity ? levels.map((e) => (F.cmp(e, min) === 0 ? F.one : F.zero)) : levels.map((e) => F.exp(F.neg(F.mul(F.fromNumber(beta), F.sub(e, min)))));
  let Z = F.zero;
  for (const x of w) Z = F.add(Z, x);
  return diag(
    F,
    w.map((x) => F.div(x, Z)),
  );
}

/** β values for Gibbs states: 0 (maximally mixed), small, moderate, large and ∞ (ground space). */
export const betaArb = (): fc.Arbitrary<number> =>
  fc.oneof(
    fc.constantFrom(0, 1e-3, 0.01, 1, 10, 50, Infinity),
    fc.integer({ min: 1, max: 80 }).map((k) => k / 8),
  );

/**
 * A unitary that commutes with the diagonal Hamiltonian with `levels`: block diagonal, one Haar
 * block (streams `block<k>` of Rng(seed)) on each degenerate subspace, so it mixes degenerate
 * levels and puts a random phase on each nondegenerate one. Its zero pattern is exact, so it
 * commutes with the Hamiltonian exactly; it is unitary to F's roundoff.
 */
export function commutingUnitary<T>(F: Field<T>, levels: readonly T[], seed: number): CMatrix<T> {
  const n = levels.length;
  const U = zeros(F, n);
  const order = ascendingOrder(F, levels);
  const rng = new Rng(seed, ['commuting']);
  let start = 0;
  let block = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && F.cmp(levels[order[end]], levels[order[start]]) === 0) end++;
    const idx = order.slice(start, end);
    const V = haarUnitary(F, rng.fork(`block${block}`), idx.length);
    idx.forEach((i, a) =>
      idx.forEach((j, b) => {
        U.re[i * n + j] = V.re[a * idx.length + b];
        U.im[i * n + j] = V.im[a * idx.length + b];
      }),
    );
    start = end;
    block++;
  }
  return U;
}

/** A diagonal unitary of random phases (each a Haar 1×1 unitary g/|g| computed in F: modulus 1 to F's roundoff). */
export function phaseUnitary<T>(F: Field<T>, n: number, seed: number): CMatrix<T> {
  const rng = new Rng(seed, ['phases']);
  const U = zeros(F, n);
  for (let i = 0; i < n; i++) {
    const z = haarUnitary(F, rng.fork(`phase${i}`), 1);
    U.re[i * n + i] = z.re[0];
    U.im[i * n + i] = z.im[0];
  }
  return U;
}

/** U ρ U†. */
export const conjugate = <T>(F: Field<T>, U: CMatrix<T>, rho: CMatrix<T>): CMatrix<T> => mul(F, mul(F, U, rho), adjoint(F, U));

// ---------------------------------------------------------------------------------------------
// Small exact matrices
// ---------------------------------------------------------------------------------------------

/** A complex matrix with small integer entries (−9..9): products and sums of a few of them are exact in every field. */
export interface IntMatrix {
  readonly re: number[][];
  readonly im: number[][];
}

export function intMatrixArb(rows: number, cols: number, maxAbs = 9): fc.Arbitrary<IntMatrix> {
  const part = fc.array(fc.array(fc.integer({ min: -maxAbs, max: maxAbs }), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
  return fc.record({ re: part, im: part });
}

/** Dimensions in [1, max]. */
export const dimArb = (max = 4): fc.Arbitrary<number> => fc.integer({ min: 1, max });

export const fromInts = <T>(F: Field<T>, m: IntMatrix): CMatrix<T> => fromNumbers(F, m.re, m.im);

/** A rows×cols matrix with entries uniform in [−1, 1) + i[−1, 1) (stream `matrix` of Rng(seed)), drawn in float64. */
export function uniformMatrix<T>(F: Field<T>, rows: number, cols: number, seed: number): CMatrix<T> {
  const rng = new Rng(seed, ['matrix']);
  const M = zeros(F, rows, cols);
  for (let k = 0; k < rows * cols; k++) {
    M.re[k] = F.fromNumber(rng.uniform(-1, 1));
    M.im[k] = F.fromNumber(rng.uniform(-1, 1));
  }
  return M;
}

// ---------------------------------------------------------------------------------------------
// Exact references
// ---------------------------------------------------------------------------------------------

/** The exact value of a finite double as a rational (its binary expansion, not its shortest decimal). */
export function exactRational(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`exactRational: ${x} is not finite`);
  if (x === 0) return rational(0n);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n ? -1n : 1n;
  const expField = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  // normal: (2^52 + frac)·2^(e − 1075); subnormal: frac·2^(−1074)
  const mant = expField === 0 ? frac : frac | (1n << 52n);
  const e = (expField === 0 ? 1 : expField) - 1075;
  return e >= 0 ? rational(sign * mant * (1n << BigInt(e))) : rational(sign * mant, 1n << BigInt(-e));
}
