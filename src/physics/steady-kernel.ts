/**
 * A specialised float64 kernel for the two figures of merit of the collective steady state,
 * C_l1 (computational basis) and W (H0 = ω·excitations), used for random initial states at scale. It computes the same numbers as the generic route
 * `collectiveSteadyState` → `l1Coherence` / `ergotropy` (steady-state.ts explains the map
 * ρ_ss = ⊕_j Gibbs_j ⊗ M_j) without ever forming or diagonalising a 2^N × 2^N matrix:
 *
 * - The initial state enters only through its reduced state: for each total spin j a factor F_j of
 *   M_j (the multiplicity-space operator of the j-block; `ReducedState`). From a factor A of ρ0
 *   (2^N × m, ρ0 = A A†; m = 1 for a pure state), `reduce` gives F_j = Ĉ_j with
 *   Ĉ_j[α][(c, d)] = ⟨j, d − j, α|a_c⟩ (n_j × m(2j + 1)); samplers may also draw the F_j directly.
 * - The spectrum of ρ_ss is {w_{j,d} μ_{j,α}} (w the Gibbs weights, μ the eigenvalues of M_j,
 *   computed from the smaller of Ĉ Ĉ† and Ĉ† Ĉ), and Tr(ρ_ss H0) = ω Σ_j Tr M_j Σ_d w_{j,d} k(j, d);
 *   W pairs the sorted spectrum with the levels of H0 (Allahverdyan et al.), as ergotropy.ts does.
 * - C_l1 needs the computational-basis entries, i.e. the excitation-sector blocks
 *   B_k = Σ_j w_{j,d} V_{j,d}ᵀ M_j V_{j,d} = Q_k Q_k†, Q_k = [√w_{j,d} V_{j,d}ᵀ F_j]_j with F_j F_j† = M_j
 *   of min(n_j, m(2j + 1)) columns (Ĉ_j itself, or U√Λ from M_j's eigenvectors). Σ_{x≠y} |B_k[x][y]|
 *   is then evaluated from Q_k without forming B_k (≈ 48 M complex multiply-adds per 12-qubit pure
 *   sample, Q_k of ≤ 37 columns): this and the products Vᵀ F and V a_c run in the WebAssembly
 *   SIMD kernels of numeric/simd/kernels.ts (a 12-qubit sample took ≈ 250 ms with the JavaScript
 *   loops they replaced, ≈ 37 ms with them). At β = 0 sectors k and N − k give the same sum.
 *
 * Accuracy: a few hundred units of roundoff relative to Tr ρ0 = 1 (sums of ≤ 2^N·n_j products and
 * a Jacobi/QL eigensolver on the small blocks); tested against the generic route to 1e-10.
 * Cost per pure sample: O(C(2N, N)) for the components plus O(Σ_k s_k² · rank_k) for C_l1.
 */
import { float64 } from '../numeric/float64.js';
import { eigh, eigvalsh } from '../numeric/eigh.js';
import { SimdKernels } from '../numeric/simd/kernels.js';
import { spinBasis } from './spin-basis.js';
import { spinGibbsWeights } from './spin-gibbs-weights.js';
import { binomial } from './states.js';
import { assertQubitCount, MAX_KERNEL_QUBITS } from './qubits.js';

/** One total spin j of the Schur–Weyl basis, as flat arrays. */
interface KernelFamily {
  readonly twoJ: number;
  readonly mult: number;
  /** V[d]: mult × s_k row-major (real), k = (N − 2j)/2 + d. */
  readonly V: readonly Float64Array[];
}

/** The Schur–Weyl basis of N qubits as Float64Arrays, plus the level table of H0/ω. */
export interface KernelBasis {
  readonly N: number;
  readonly dim: number;
  /** sectors[k] = global indices with k excitations, ascending. */
  readonly sectors: readonly Int32Array[];
  readonly families: readonly KernelFamily[];
  /** For each sector k, the (family, depth) pairs living in it. */
  readonly members: readonly (readonly { readonly f: number; readonly d: number }[])[];
  /** levels[i] = i-th lowest eigenvalue of H0/ω (the number of excitations), i < 2^N. */
  readonly levels: Float64Array;
}

const basisCache = new Map<number, KernelBasis>();

/** The kernel's basis for N qubits (1 ≤ N ≤ MAX_KERNEL_QUBITS), built once per process from spinBasis(float64, N). Exact copy. */
export function kernelBasis(N: number): KernelBasis {
  assertQubitCount(N, 'kernelBasis', MAX_KERNEL_QUBITS);
  const hit = basisCache.get(N);
  if (hit) return hit;
  const sb = spinBasis(float64, N, MAX_KERNEL_QUBITS);
  const sectors = sb.sectors.map((xs) => Int32Array.from(xs));
  const families: KernelFamily[] = sb.families.map((fam) => ({
    twoJ: fam.twoJ,
    mult: fam.multiplicity,
    V: fam.vectors.map((vs) => {
      const s = vs[0]?.length ?? 0;
      const out = new Float64Array(vs.length * s);
      vs.forEach((v, a) => out.set(v, a * s));
      return out;
    }),
  }));
  const members: { f: number; d: number }[][] = Array.from({ length: N + 1 }, () => []);
  families.forEach((fam, f) => {
    for (let d = 0; d <= fam.twoJ; d++) members[(N - fam.twoJ) / 2 + d].push({ f, d });
  });
  const levels = new Float64Array(2 ** N);
  let i = 0;
  for (let k = 0; k <= N; k++) for (let c = 0; c < binomial(N, k); c++) levels[i++] = k;
  const b: KernelBasis = { N, dim: 2 ** N, sectors, families, members, levels };
  basisCache.set(N, b);
  return b;
}

/** ρ0 = A A†: A is dim × m, column-major (column c at offset c·dim), Tr(A A†) = 1. */
export interface StateFactor {
  readonly m: number;
  readonly re: Float64Array;
  readonly im: Float64Array;
}

/** C_l1 and W of one steady state. */
export interface SteadyQuantities {
  readonly Cl1: number;
  readonly W: number;
}

/** Per-family work: Ĉ (n × w, row-major complex) and, once formed, M = Ĉ Ĉ† (n × n). */
interface FamilyWork {
  n: number;
  w: number;
  cr: Float64Array;
  ci: Float64Array;
  trace: number;
  mr: Float64Array | null;
  mi: Float64Array | null;
}

/** A factor F (n × r row-major complex) with F F† = M_j. */
interface Factor {
  r: number;
  re: Float64Array;
  im: Float64Array;
}

/**
 * What the steady state depends on: for each family j (in `basis.families` order) a factor F_j,
 * mult_j × r_j row-major complex, with F_j F_j† = M_j (Tr_spin of the j-block of ρ0, in the
 * multiplicity space) and Σ_j Tr M_j = Tr ρ0 = 1. Any r_j ≥ 0.
 */
export type ReducedState = readonly { readonly r: number; readonly re: Float64Array; readonly im: Float64Array }[];

/** |Σ_j Tr M_j − 1| allowed in a ReducedState (inputs are normalised in float64). */
const TRACE_TOLERANCE = 1e-10;

/** Where sector k's basis matrix U_k lives in the SIMD memory, and its rows per (family, depth). */
interface SectorLayout {
  readonly s: number;
  /** Slot of U_k (s × s, row-major; rows = the members' V[d] stacked). */
  readonly U: number;
  /** rowOf[i] = first row of member i (members[k][i]) in U_k. */
  readonly rowOf: readonly number[];
}

/**
 * A reusable evaluator for fixed N, r = e^{−βω} (0 < r ≤ 1) and ω: the basis is copied into its
 * own SIMD memory once, so one instance per thread is meant to evaluate many samples.
 */
export class SteadyKernel {
  readonly basis: KernelBasis;
  readonly omega: number;
  /** weights[f][d] = Gibbs weight w_{j,d}. */
  private readonly weights: Float64Array[];
  /** β = 0 (r = 1): the Gibbs weights are uniform and ρ_ss is invariant under the global spin flip. */
  private readonly infiniteTemperature: boolean;
  private readonly eig: Float64Array;
  private readonly simd = new SimdKernels();
  private readonly layout: SectorLayout[];
  private readonly smax: number;
  /** Slots: sector input vector (re, im), output components (re, im), then the per-sample area. */
  private readonly vin: number;
  private readonly vout: number;
  private readonly free: number;

  constructor(N: number, r: number, omega: number) {
    if (!(r > 0 && r <= 1)) throw new RangeError(`SteadyKernel: r = e^(−βω) must lie in (0, 1] (finite β ≥ 0), got ${r}`);
    if (!(omega > 0 && Number.isFinite(omega))) throw new RangeError(`SteadyKernel: ω must be finite and > 0, got ${omega}`);
    this.basis = kernelBasis(N);
    this.omega = omega;
    this.weights = this.basis.families.map((fam) => Float64Array.from(spinGibbsWeights(float64, fam.twoJ, r)));
    this.infiniteTemperature = r === 1;
    this.eig = new Float64Array(this.basis.dim);
    const { sectors, members, families } = this.basis;
    this.smax = Math.max(...sectors.map((x) => x.length));
    let slot = 0;
    this.layout = sectors.map((xs, k) => {
      const s = xs.length;
      const U = slot;
      slot += s * s;
      let row = 0;
      const rowOf = members[k].map(({ f }) => {
        const at = row;
        row += families[f].mult;
        return at;
      });
      return { s, U, rowOf };
    });
    this.vin = slot;
    this.vout = slot + 2 * this.smax;
    this.free = slot + 4 * this.smax;
    this.simd.reserve(this.free);
    const mem = this.simd.f64;
    this.layout.forEach((L, k) => members[k].forEach(({ f, d }, i) => mem.set(families[f].V[d], L.U + L.rowOf[i] * L.s)));
  }

  /** C_l1 and W of the steady state reached from ρ0 = A A† (see the file header for accuracy). */
  evaluate(A: StateFactor): SteadyQuantities {
    return this.evaluateReduced(this.reduce(A));
  }

  /** The reduced state of ρ0 = A A†: F_j = Ĉ_j, the components of A's columns (n_j × m(2j + 1)). */
  reduce(A: StateFactor): ReducedState {
    const { dim, families, sectors, members } = this.basis;
    const m = A.m;
    if (!(Number.isInteger(m) && m >= 1) || A.re.length !== dim * m || A.im.length !== dim * m)
      throw new RangeError(`SteadyKernel.reduce: factor must be ${dim} × ${m}`);
    // Ĉ_j for every family: components of each column in each sector, U_k a_c on the SIMD side
    const work = families.map((fam) => {
      const n = fam.mult;
      const w = m * (fam.twoJ + 1);
      return { n, w, cr: new Float64Array(n * w), ci: new Float64Array(n * w) };
    });
    const { vin, vout, smax } = this;
    for (let c = 0; c < m; c++) {
      const off = c * dim;
      for (let k = 0; k < sectors.length; k++) {
        const xs = sectors[k];
        const s = xs.length;
        const mem = this.simd.f64;
        let any = false;
        for (let x = 0; x < s; x++) {
          const re = A.re[off + xs[x]];
          const im = A.im[off + xs[x]];
          mem[vin + x] = re;
          mem[vin + smax + x] = im;
          if (re !== 0 || im !== 0) any = true;
        }
        if (!any) continue;
        const L = this.layout[k];
        this.simd.matvec(L.U, s, s, vin, vin + smax, vout, vout + smax);
        members[k].forEach(({ f, d }, i) => {
          const Wk = work[f];
          const col = c * (families[f].twoJ + 1) + d;
          const base = vout + L.rowOf[i];
          for (let a = 0; a < Wk.n; a++) {
            Wk.cr[a * Wk.w + col] = mem[base + a];
            Wk.ci[a * Wk.w + col] = mem[base + smax + a];
          }
        });
      }
    }
    return work.map((Wk) => ({ r: Wk.w, re: Wk.cr, im: Wk.ci }));
  }

  /** C_l1 and W of the steady state of any ρ0 with this reduced state. */
  evaluateReduced(blocks: ReducedState): SteadyQuantities {
    const { families, sectors, members } = this.basis;
    if (blocks.length !== families.length) throw new RangeError(`SteadyKernel.evaluateReduced: ${blocks.length} blocks for ${families.length} spin families`);
    let total = 0;
    const work: FamilyWork[] = blocks.map((B, f) => {
      const n = families[f].mult;
      if (!(Number.isInteger(B.r) && B.r >= 0) || B.re.length !== n * B.r || B.im.length !== n * B.r)
        throw new RangeError(`SteadyKernel.evaluateReduced: block ${f} must be ${n} × ${B.r}`);
      let t = 0;
      for (let q = 0; q < B.re.length; q++) t += B.re[q] * B.re[q] + B.im[q] * B.im[q];
      if (!Number.isFinite(t)) throw new RangeError(`SteadyKernel.evaluateReduced: block ${f} has a non-finite entry`);
      total += t;
      return { n, w: B.r, cr: B.re, ci: B.im, trace: t, mr: null, mi: null };
    });
    if (!(Math.abs(total - 1) <= TRACE_TOLERANCE)) throw new RangeError(`SteadyKernel.evaluateReduced: Σ_j Tr M_j = ${total}, not 1`);

    // spectra and energy; a factor F F† = M_j with the fewer columns
    let energy = 0;
    let count = 0;
    const eig = this.eig;
    const factors: Factor[] = families.map((fam, f) => {
      const Wk = work[f];
      const t = Wk.trace;
      const wts = this.weights[f];
      const k0 = (this.basis.N - fam.twoJ) / 2;
      let e = 0;
      for (let d = 0; d <= fam.twoJ; d++) e += wts[d] * (k0 + d);
      energy += t * e;
      const { mu, factor } = this.spectrumAndFactor(Wk);
      for (let d = 0; d <= fam.twoJ; d++) for (const x of mu) eig[count++] = wts[d] * x;
      return factor;
    });
    energy *= this.omega;
    const spectrum = eig.subarray(0, count).sort(); // ascending; pair from the top
    const levels = this.basis.levels;
    let passive = 0;
    for (let i = 0; i < count; i++) passive += spectrum[count - 1 - i] * levels[i];
    const W = energy - this.omega * passive;
    // C_l1 from the sector blocks B_k = Q Q†, Q = Σ_j √w_{j,d} V_{j,d}ᵀ F_j (s × Σ r_j)
    // At β = 0, ρ_ss = ⊕_j I/(2j + 1) ⊗ M_j commutes with the global spin flip X^⊗N = i^{−N} e^{iπJ_x},
    // which maps sector k onto sector N − k entry by entry: those two sectors add the same to C_l1.
    const N = this.basis.N;
    let cl1 = 0;
    for (let k = 0; k < sectors.length; k++) {
      const { s, U, rowOf } = this.layout[k];
      if (s < 2 || (this.infiniteTemperature && k > N - k)) continue;
      const copies = this.infiniteTemperature && k < N - k ? 2 : 1;
      let cols = 0;
      const first = members[k].map(({ f }) => {
        const c0 = cols;
        cols += factors[f].r;
        return c0;
      });
      if (cols === 0) continue;
      const width = cols + (cols & 1);
      // F̃: s rows (those of U_k), member i's √w_{j,d} F_j in its own column block; T = Σ Vᵀ F̃
      // column-major, then Q = Tᵀ as split rows (a zero column pads the width to even)
      const Ft = this.free;
      const T = Ft + s * 2 * width;
      const Q = T + 2 * s * width;
      this.simd.reserve(Q + s * 2 * width);
      const mem = this.simd.f64;
      members[k].forEach(({ f, d }, i) => {
        const { r, re, im } = factors[f];
        const root = Math.sqrt(this.weights[f][d]);
        for (let a = 0; a < families[f].mult; a++) {
          const row = Ft + (rowOf[i] + a) * 2 * width + first[i];
          for (let q = 0; q < r; q++) {
            mem[row + q] = root * re[a * r + q];
            mem[row + width + q] = root * im[a * r + q];
          }
        }
        if (r > 0) this.simd.productT(U + rowOf[i] * s, families[f].mult, s, Ft + rowOf[i] * 2 * width, width, first[i], first[i] + r, T);
      });
      this.simd.transpose(T, s, cols, Q, width);
      if (cols < width) for (let x = 0; x < s; x++) mem[Q + x * 2 * width + cols] = mem[Q + x * 2 * width + width + cols] = 0;
      cl1 += 2 * copies * this.simd.offdiagAbsSum(Q, s, width);
    }
    return { Cl1: cl1, W };
  }

  /** M = Ĉ Ĉ† (n × n), formed once per family and sample. */
  private ensureM(Wk: FamilyWork): { mr: Float64Array; mi: Float64Array } {
    if (!(Wk.mr && Wk.mi)) ({ mr: Wk.mr, mi: Wk.mi } = this.rowGram(Wk.cr, Wk.ci, Wk.n, Wk.w));
    return { mr: Wk.mr, mi: Wk.mi };
  }

  /**
   * X X† (rows × rows, exactly Hermitian) of a row-major complex rows × cols matrix X, by the SIMD
   * kernel in the per-sample area (free until the sector factors are built).
   */
  private rowGram(re: Float64Array, im: Float64Array, rows: number, cols: number): { mr: Float64Array; mi: Float64Array } {
    const width = cols + (cols & 1);
    const X = this.free;
    const Mr = X + rows * 2 * width;
    const Mi = Mr + rows * rows;
    this.simd.reserve(Mi + rows * rows);
    const mem = this.simd.f64;
    for (let a = 0; a < rows; a++) {
      const o = X + a * 2 * width;
      mem.set(re.subarray(a * cols, (a + 1) * cols), o);
      mem.set(im.subarray(a * cols, (a + 1) * cols), o + width);
      if (width > cols) mem[o + cols] = mem[o + width + cols] = 0;
    }
    this.simd.gram(X, rows, width, Mr, Mi);
    return { mr: mem.slice(Mr, Mr + rows * rows), mi: mem.slice(Mi, Mi + rows * rows) };
  }

  /**
   * The nonzero eigenvalues of M_j = Ĉ Ĉ† (through the smaller Gram matrix; zeros dropped) and a
   * factor of M_j with min(n, w) columns: Ĉ itself when w ≤ n, else U diag(√λ) from M = U Λ U†
   * (eigenvalues below 0, i.e. roundoff, taken as 0). A zero block gets an empty factor.
   */
  private spectrumAndFactor(Wk: FamilyWork): { mu: number[]; factor: Factor } {
    const { n, w, cr, ci } = Wk;
    if (Wk.trace === 0) return { mu: [], factor: { r: 0, re: new Float64Array(0), im: new Float64Array(0) } };
    if (w <= n) {
      const factor = { r: w, re: cr, im: ci };
      if (w === 0) return { mu: [], factor };
      if (w === 1) return { mu: [Wk.trace], factor };
      // Ĉ†Ĉ (w × w) is the complex conjugate of Ĉᵀ (Ĉᵀ)†: the same eigenvalues
      const t = transposed(cr, ci, n, w);
      const { mr: gr, mi: gi } = this.rowGram(t.re, t.im, w, n);
      return { mu: eigvalsh(float64, { rows: w, cols: w, re: Array.from(gr), im: Array.from(gi) }), factor };
    }
    if (n === 1) return { mu: [Wk.trace], factor: { r: 1, re: Float64Array.of(Math.sqrt(Wk.trace)), im: Float64Array.of(0) } };
    const { mr, mi } = this.ensureM(Wk);
    const { values, vectors } = eigh(float64, { rows: n, cols: n, re: Array.from(mr), im: Array.from(mi) }, { certify: false });
    const re = new Float64Array(n * n);
    const im = new Float64Array(n * n);
    values.forEach((lambda, q) => {
      const root = Math.sqrt(Math.max(lambda, 0));
      for (let a = 0; a < n; a++) {
        re[a * n + q] = vectors.re[a * n + q] * root;
        im[a * n + q] = vectors.im[a * n + q] * root;
      }
    });
    return { mu: values, factor: { r: n, re, im } };
  }
}

/** The transpose (cols × rows) of a row-major complex rows × cols matrix. */
function transposed(re: Float64Array, im: Float64Array, rows: number, cols: number): { re: Float64Array; im: Float64Array } {
  const tr = new Float64Array(rows * cols);
  const ti = new Float64Array(rows * cols);
  for (let a = 0; a < rows; a++)
    for (let e = 0; e < cols; e++) {
      tr[e * rows + a] = re[a * cols + e];
      ti[e * rows + a] = im[a * cols + e];
    }
  return { re: tr, im: ti };
}
