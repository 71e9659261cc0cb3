/**
 * The Schur–Weyl basis |j, m, α⟩ of N qubits: total spin j, J_z eigenvalue m, multiplicity label α.
 *
 * Everything in the collective model (γ_ij = γ0, f_ij = f) is a function of J±, J_z,
 * so it acts on C^{2^N} = ⊕_j V_j ⊗ C^{n_j} as (operator on the spin-j irrep V_j) ⊗ I. This file
 * builds an orthonormal basis adapted to that decomposition.
 *
 * Conventions (see qubits.ts): index bit 0 = excited, qubit 0 most significant. m = k − N/2 where k
 * is the number of excited qubits, so the highest weight m = j lives in the sector k = N/2 + j and
 * the lowest m = −j in k = N/2 − j. A basis vector is stored by its DEPTH d = m + j ∈ [0, 2j] (the
 * number of J+ steps above the bottom of its ladder); it lives in the sector k = (N − 2j)/2 + d and is
 * stored sector-locally (indexed by position within that sector, sectors listed by ascending
 * global index).
 *
 * Construction: the highest-weight vectors (an orthonormal basis of ker J+ in the sector
 * k = N/2 + j, n_j = C(N, N/2 − j) − C(N, N/2 − j − 1) of them) are built by adding one qubit at a
 * time with the Clebsch–Gordan rule for j1 ⊗ ½ (the Yamanouchi / sequential-coupling basis):
 *   |j1 + ½, j1 + ½⟩ = |j1, j1⟩ ⊗ |e⟩,
 *   |j1 − ½, j1 − ½⟩ = √(2j1/(2j1+1)) |j1, j1⟩ ⊗ |g⟩ − (1/√(2j1(2j1+1))) J−|j1, j1⟩ ⊗ |e⟩.
 * Every other vector follows by J−|j, m⟩ = √((j+m)(j−m+1)) |j, m−1⟩, i.e. J−^{2j−d} applied to the
 * highest weight and divided by the product of the exact Clebsch factors √(e(2j − e + 1)), e > d.
 * Orthonormality and ker J+ hold exactly in exact arithmetic;
 * no rank decision or tolerance is involved, unlike a Gram–Schmidt completion, and in any field
 * each entry carries O(N) roundings of its magnitude. All entries are real.
 *
 * Cost: O(N · C(2N, N)) field operations and C(2N, N) stored values (2.7·10⁶ at N = 12), cached per
 * (field, N).
 */
import type { Field } from '../numeric/field.js';
import { assertQubitCount, MAX_DENSE_QUBITS } from './qubits.js';
import type { StateVector } from './states.js';

/** All the basis vectors of one total spin j. */
export interface SpinFamily<T> {
  /** 2j, an integer with the parity of N. */
  readonly twoJ: number;
  /** j (an integer or half-integer). */
  readonly j: number;
  /** n_j = C(N, N/2 − j) − C(N, N/2 − j − 1), the number of copies of the irrep V_j. */
  readonly multiplicity: number;
  /**
   * vectors[d][α] = |j, m = d − j, α⟩ as a real vector on the excitation sector
   * k = (N − 2j)/2 + d, indexed by position within that sector.
   */
  readonly vectors: readonly (readonly (readonly T[])[])[];
}

/** The whole basis of N qubits in field F. */
export interface SpinBasis<T> {
  readonly F: Field<T>;
  readonly N: number;
  /** sectors[k] = global basis indices with k excited qubits, ascending. */
  readonly sectors: readonly (readonly number[])[];
  /** position[x] = place of global index x within its sector. */
  readonly position: Int32Array;
  /** One family per total spin, j decreasing from N/2. */
  readonly families: readonly SpinFamily<T>[];
}

/** Excitation sector k = (N − 2j)/2 + d of the vector of depth d in the family 2j; exact. */
export const sectorOf = (N: number, twoJ: number, depth: number): number => (N - twoJ) / 2 + depth;

interface SectorTables {
  readonly sectors: number[][];
  readonly position: Int32Array;
}

/** Sector lists and positions for n qubits (k = number of zero bits among the n). */
function sectorTables(n: number): SectorTables {
  const size = 2 ** n;
  const sectors: number[][] = Array.from({ length: n + 1 }, () => []);
  const position = new Int32Array(size);
  for (let x = 0; x < size; x++) {
    let ones = 0;
    for (let y = x; y !== 0; y &= y - 1) ones++;
    const k = n - ones;
    position[x] = sectors[k].length;
    sectors[k].push(x);
  }
  return { sectors, position };
}

/** J− = Σ_i σ⁻_i on a sector-local vector of sector k of n qubits; returns the vector on sector k − 1. Exact sums of entries. */
function lower<T>(F: Field<T>, n: number, t: SectorTables, k: number, v: readonly T[]): T[] {
  const out = new Array<T>(t.sectors[k - 1].length).fill(F.zero);
  const xs = t.sectors[k];
  for (let i = 0; i < xs.length; i++) {
    const c = v[i];
    if (F.isZero(c)) continue;
    const x = xs[i];
    for (let b = 0; b < n; b++) {
      const bit = 1 << b;
      if ((x & bit) === 0) {
        const p = t.position[x | bit];
        // 0 + c is c itself (entries are already at the field's precision)
        out[p] = F.isZero(out[p]) ? c : F.add(out[p], c);
      }
    }
  }
  return out;
}

const cache = new WeakMap<object, Map<number, SpinBasis<unknown>>>();

/**
 * The Schur–Weyl basis of N ≤ maxQubits qubits in F (see the file header); cached, so repeated calls
 * are free. Entries within O(N) roundings. maxQubits (default 12) is raised only by the float64 kernel.
 */
export function spinBasis<T>(F: Field<T>, N: number, maxQubits: number = MAX_DENSE_QUBITS): SpinBasis<T> {
  assertQubitCount(N, 'spinBasis', maxQubits);
  let byN = cache.get(F);
  if (!byN) cache.set(F, (byN = new Map()));
  const hit = byN.get(N);
  if (hit) return hit as SpinBasis<T>;
  const basis = buildBasis(F, N);
  byN.set(N, basis as SpinBasis<unknown>);
  return basis;
}

function buildBasis<T>(F: Field<T>, N: number): SpinBasis<T> {
  // Highest-weight vectors, level by level: hw.get(2j) = vectors on sector (n + 2j)/2 of n qubits.
  let tPrev = sectorTables(1);
  let hw = new Map<number, T[][]>([[1, [[F.one]]]]); // |e⟩: index 0 is the only state of sector 1
  for (let n = 2; n <= N; n++) {
    const t = sectorTables(n);
    const next = new Map<number, T[][]>();
    const push = (twoJ: number, v: T[]): void => {
      const list = next.get(twoJ);
      if (list) list.push(v);
      else next.set(twoJ, [v]);
    };
    for (const [twoJ1, list] of [...hw.entries()].sort((a, b) => b[0] - a[0])) {
      const k1 = (n - 1 + twoJ1) / 2;
      const xs = tPrev.sectors[k1];
      // CG coefficients of j1 ⊗ ½ → j1 − ½ (header), each one division and one square root
      // (√(2j1/(2j1+1)) = 2j1·b, so both come from one square root and the singlet is exactly antisymmetric)
      const b = twoJ1 >= 1 ? F.div(F.one, F.sqrt(F.fromNumber(twoJ1 * (twoJ1 + 1)))) : F.zero;
      const a = F.mul(F.fromNumber(twoJ1), b);
      for (const h of list) {
        // j1 + ½: h ⊗ |e⟩ (new qubit is the least significant bit, 0 = excited)
        const up = new Array<T>(t.sectors[k1 + 1].length).fill(F.zero);
        for (let i = 0; i < xs.length; i++) up[t.position[2 * xs[i]]] = h[i];
        push(twoJ1 + 1, up);
        if (twoJ1 < 1) continue;
        // j1 − ½: a·h ⊗ |g⟩ − b·(J−h) ⊗ |e⟩, both on sector k1 of n qubits
        const down = new Array<T>(t.sectors[k1].length).fill(F.zero);
        for (let i = 0; i < xs.length; i++) down[t.position[2 * xs[i] + 1]] = F.mul(a, h[i]);
        const g = lower(F, n - 1, tPrev, k1, h);
        const ys = tPrev.sectors[k1 - 1];
        for (let i = 0; i < ys.length; i++) {
          const p = t.position[2 * ys[i]];
          down[p] = F.sub(down[p], F.mul(b, g[i]));
        }
        push(twoJ1 - 1, down);
      }
    }
    hw = next;
    tPrev = t;
  }
  const t = tPrev;
  const families: SpinFamily<T>[] = [];
  for (const twoJ of [...hw.keys()].sort((x, y) => y - x)) {
    const tops = hw.get(twoJ) as T[][];
    const vectors: T[][][] = new Array(twoJ + 1);
    vectors[twoJ] = tops;
    // |j, m⟩ = J−^{2j−d}|j, j⟩ / √(Π_{e=d+1}^{2j} e(2j − e + 1)): the ladder is kept unnormalised and
    // scaled once per vector, so each entry gets a few roundings (none at all for integer ladders).
    let ladder = tops;
    let product = 1n;
    for (let d = twoJ; d >= 1; d--) {
      ladder = ladder.map((v) => lower(F, N, t, sectorOf(N, twoJ, d), v));
      product *= BigInt(d * (twoJ - d + 1));
      const inv = F.div(F.one, F.sqrt(F.fromString(product.toString())));
      vectors[d - 1] = ladder.map((v) => v.map((x) => F.mul(inv, x)));
    }
    families.push({ twoJ, j: twoJ / 2, multiplicity: tops.length, vectors });
  }
  return { F, N, sectors: t.sectors, position: t.position, families };
}

/** The family of total spin j = twoJ/2; RangeError if N qubits have no such spin. Exact look-up. */
export function spinFamily<T>(basis: SpinBasis<T>, twoJ: number): SpinFamily<T> {
  const fam = basis.families.find((f) => f.twoJ === twoJ);
  if (!fam) throw new RangeError(`spinFamily: ${basis.N} qubits have no total spin j = ${twoJ}/2`);
  return fam;
}

/** |j, m = depth − j, α⟩ as a full 2^N state vector (real; zero outside its sector). Exact copy. */
export function spinBasisVector<T>(basis: SpinBasis<T>, twoJ: number, depth: number, alpha: number): StateVector<T> {
  const { F, N } = basis;
  const fam = spinFamily(basis, twoJ);
  if (!Number.isInteger(depth) || depth < 0 || depth > twoJ) throw new RangeError(`spinBasisVector: depth must be an integer in [0, ${twoJ}], got ${depth}`);
  if (!Number.isInteger(alpha) || alpha < 0 || alpha >= fam.multiplicity)
    throw new RangeError(`spinBasisVector: α must be an integer in [0, ${fam.multiplicity - 1}], got ${alpha}`);
  const re = new Array<T>(2 ** N).fill(F.zero);
  const im = new Array<T>(2 ** N).fill(F.zero);
  const xs = basis.sectors[sectorOf(N, twoJ, depth)];
  const v = fam.vectors[depth][alpha];
  for (let i = 0; i < xs.length; i++) re[xs[i]] = v[i];
  return { re, im };
}
