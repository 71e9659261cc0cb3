/**
 * The largest W/(ωC_l1) over all initial states of N qubits, by local ascent from many seeded starts.
 *
 * Search space. The collective steady state depends on ρ0 only through its reduced state, the PSD
 * operators M_j on the multiplicity spaces (Σ_j Tr M_j = 1), and every such family is reached (from
 * ρ0 = ⊕_j I/(2j + 1) ⊗ M_j). Both W and C_l1 are positively homogeneous of degree 1 in (M_j), so
 * the ratio is scale-free: the search runs over unnormalised factors F_j (n_j × min(n_j, maxRank)
 * complex; every rank by default) with M_j = F_j F_j†/Σ‖F‖².
 *
 * Quantities (ω drops out of the ratio: W is ω times a function of r = e^{−βω} and the M_j):
 * - the sector blocks of ρ_ss, B_k = Σ_{(j,d) in k} w_{j,d} V_{j,d}ᵀ M_j V_{j,d} (linear in M), and
 *   C_l1 = Σ_k Σ_{x≠y} |B_k[x][y]| (convex, piecewise smooth);
 * - the spectrum {w_{j,d} μ_{j,α}} (μ the eigenvalues of M_j), the energy Σ_j Tr M_j e_j with
 *   e_j = Σ_d w_{j,d} k(j, d), and W/ω = energy − Σ_i λ↓_i ℓ↑_i (convex in M).
 * Gradients with respect to M_j (df = Re Tr G dM): G_C = Σ_d w_{j,d} V_{j,d} sgn(B_k) V_{j,d}ᵀ with
 * sgn(B)_xy = B_xy/|B_xy| off the diagonal; G_W = e_j I − Σ_α (Σ_d w_{j,d} ℓ(j, d, α)) u_α u_α†,
 * where ℓ is the level the sorted spectrum pairs with w_{j,d} μ_{j,α}. Both are subgradients where
 * the functions are not smooth (a zero entry of B, a tie in the spectrum).
 *
 * Ascent: steepest ascent of the ratio on the unit sphere of the factors, Armijo backtracking, until
 * the step or the gain is negligible, through decreasing smoothings of C_l1. Start s of a case uses
 * the stream fork(`N=<N>/beta=<β>/start=<s>`) of the seed and, for β > the smallest β, the end of
 * the same start at the previous β (searchRatio), so a start's result depends on nothing else and
 * the search splits into shards whose merge (the best start per case) is exact.
 */
import { float64 } from '../numeric/float64.js';
import { eigh } from '../numeric/eigh.js';
import { Rng, type Seed } from '../random/rng.js';
import { kernelBasis, SteadyKernel, type KernelBasis, type ReducedState } from '../physics/steady-kernel.js';
import { spinGibbsWeights } from '../physics/spin-gibbs-weights.js';

/** W/ω, C_l1 and their ratio at a point, with the ratio's gradient in the parameters if asked. */
export interface RatioValue {
  readonly W: number;
  readonly Cl1: number;
  readonly ratio: number;
  readonly grad?: Float64Array;
}

/** Per family j: Tr M_j, the eigenvalues of M_j (descending). */
export interface BlockStructure {
  readonly twoJ: number;
  readonly mult: number;
  readonly trace: number;
  readonly eigenvalues: number[];
  /** Eigenvalues above 1e-6 · Σ Tr M. */
  readonly rank: number;
}

/**
 * The ratio W/(ωC_l1) as a function of the factors, for N qubits at r = e^{−βω}. Parameters: for
 * each family in kernelBasis(N) order, n_j² real parts then n_j² imaginary parts of F_j (row-major).
 */
export class RatioObjective {
  readonly N: number;
  readonly r: number;
  readonly basis: KernelBasis;
  readonly dimension: number;
  /** Parameter offset of each family. */
  readonly offsets: readonly number[];
  /** Columns of each factor F_j: min(n_j, maxRank). */
  readonly columns: readonly number[];
  private readonly weights: Float64Array[];
  /** e_j = Σ_d w_{j,d} k(j, d). */
  private readonly energies: Float64Array;

  /** `maxRank` bounds the rank of every M_j (1: each block rank one, e.g. every pure ρ0 with one ladder state per j). */
  constructor(N: number, r: number, maxRank = Infinity) {
    if (!(r > 0 && r <= 1)) throw new RangeError(`RatioObjective: r = e^(−βω) must lie in (0, 1], got ${r}`);
    this.N = N;
    this.r = r;
    this.basis = kernelBasis(N);
    const offsets: number[] = [];
    this.columns = this.basis.families.map((fam) => Math.min(fam.mult, maxRank));
    let p = 0;
    this.basis.families.forEach((fam, f) => {
      offsets.push(p);
      p += 2 * fam.mult * this.columns[f];
    });
    this.offsets = offsets;
    this.dimension = p;
    this.weights = this.basis.families.map((fam) => Float64Array.from(spinGibbsWeights(float64, fam.twoJ, r)));
    this.energies = Float64Array.from(this.basis.families, (fam, f) => {
      let e = 0;
      for (let d = 0; d <= fam.twoJ; d++) e += this.weights[f][d] * ((N - fam.twoJ) / 2 + d);
      return e;
    });
  }

  /** M_j = F_j F_j†/t (n × n complex, row-major) for every family, t = Σ‖F‖². */
  blocks(x: Float64Array): { re: Float64Array; im: Float64Array }[] {
    let t = 0;
    for (let i = 0; i < this.dimension; i++) t += x[i] * x[i];
    return this.basis.families.map((fam, f) => {
      const n = fam.mult;
      const m = this.columns[f];
      const o = this.offsets[f];
      const re = new Float64Array(n * n);
      const im = new Float64Array(n * n);
      for (let a = 0; a < n; a++)
        for (let b = 0; b < n; b++) {
          let sr = 0;
          let si = 0;
          for (let c = 0; c < m; c++) {
            const ar = x[o + a * m + c];
            const ai = x[o + n * m + a * m + c];
            const br = x[o + b * m + c];
            const bi = x[o + n * m + b * m + c];
            // F[a][c] · conj(F[b][c])
            sr += ar * br + ai * bi;
            si += ai * br - ar * bi;
          }
          re[a * n + b] = sr / t;
          im[a * n + b] = si / t;
        }
      return { re, im };
    });
  }

  /** The factors as the kernel's ReducedState (normalised), for cross-checks with SteadyKernel. */
  reduced(x: Float64Array): ReducedState {
    let t = 0;
    for (let i = 0; i < this.dimension; i++) t += x[i] * x[i];
    const s = 1 / Math.sqrt(t);
    return this.basis.families.map((fam, f) => {
      const n = fam.mult * this.columns[f];
      const o = this.offsets[f];
      return {
        r: this.columns[f],
        re: Float64Array.from(x.subarray(o, o + n), (v) => v * s),
        im: Float64Array.from(x.subarray(o + n, o + 2 * n), (v) => v * s),
      };
    });
  }

  /**
   * W/ω, C_l1, W/(ωC_l1) and (if `withGradient`) the ratio's gradient with respect to x. With
   * `smoothing` ε > 0, every |B_xy| in C_l1 becomes √(|B_xy|² + ε²) (smooth, larger by at most ε: it
   * never rewards a state for having small coherences, which would pull towards the maximally mixed state).
   */
  evaluate(x: Float64Array, withGradient = false, smoothing = 0): RatioValue {
    const { families, sectors, members, levels } = this.basis;
    const M = this.blocks(x);
    // C_l1 and, for the gradient, sgn(B_k) mapped back to every family
    const GC = families.map((fam) => ({ re: new Float64Array(fam.mult * fam.mult), im: new Float64Array(fam.mult * fam.mult) }));
    let C = 0;
    for (let k = 0; k < sectors.length; k++) {
      const s = sectors[k].length;
      if (s < 2) continue;
      const Br = new Float64Array(s * s);
      const Bi = new Float64Array(s * s);
      for (const { f, d } of members[k]) {
        const n = families[f].mult;
        const V = families[f].V[d];
        const w = this.weights[f][d];
        const { re: mr, im: mi } = M[f];
        // T = M V (n × s), then B += w Vᵀ T
        const Tr = new Float64Array(n * s);
        const Ti = new Float64Array(n * s);
        for (let a = 0; a < n; a++)
          for (let b = 0; b < n; b++) {
            const pr = mr[a * n + b];
            const pi = mi[a * n + b];
            if (pr === 0 && pi === 0) continue;
            for (let y = 0; y < s; y++) {
              Tr[a * s + y] += pr * V[b * s + y];
              Ti[a * s + y] += pi * V[b * s + y];
            }
          }
        for (let a = 0; a < n; a++)
          for (let xx = 0; xx < s; xx++) {
            const v = w * V[a * s + xx];
            if (v === 0) continue;
            for (let y = 0; y < s; y++) {
              Br[xx * s + y] += v * Tr[a * s + y];
              Bi[xx * s + y] += v * Ti[a * s + y];
            }
          }
      }
      const Sr = new Float64Array(s * s);
      const Si = new Float64Array(s * s);
      for (let xx = 0; xx < s; xx++)
        for (let y = 0; y < s; y++) {
          if (xx === y) continue;
          const m = smoothing > 0 ? Math.sqrt(Br[xx * s + y] ** 2 + Bi[xx * s + y] ** 2 + smoothing ** 2) : Math.hypot(Br[xx * s + y], Bi[xx * s + y]);
          C += m;
          if (m > 0) {
            Sr[xx * s + y] = Br[xx * s + y] / m;
            Si[xx * s + y] = Bi[xx * s + y] / m;
          }
        }
      if (!withGradient) continue;
      for (const { f, d } of members[k]) {
        const n = families[f].mult;
        const V = families[f].V[d];
        const w = this.weights[f][d];
        // G += w V S Vᵀ
        const Ur = new Float64Array(n * s);
        const Ui = new Float64Array(n * s);
        for (let a = 0; a < n; a++)
          for (let xx = 0; xx < s; xx++) {
            const v = V[a * s + xx];
            if (v === 0) continue;
            for (let y = 0; y < s; y++) {
              Ur[a * s + y] += v * Sr[xx * s + y];
              Ui[a * s + y] += v * Si[xx * s + y];
            }
          }
        const g = GC[f];
        for (let a = 0; a < n; a++)
          for (let b = 0; b < n; b++) {
            let sr = 0;
            let si = 0;
            for (let y = 0; y < s; y++) {
              sr += Ur[a * s + y] * V[b * s + y];
              si += Ui[a * s + y] * V[b * s + y];
            }
            g.re[a * n + b] += w * sr;
            g.im[a * n + b] += w * si;
          }
      }
    }
    // W/ω from the spectrum
    const entries: { v: number; f: number; d: number; a: number }[] = [];
    const eig = families.map((fam, f) => {
      const n = fam.mult;
      const e = eigh(float64, { rows: n, cols: n, re: Array.from(M[f].re), im: Array.from(M[f].im) }, { certify: false });
      e.values.forEach((mu, a) => {
        for (let d = 0; d <= fam.twoJ; d++) entries.push({ v: this.weights[f][d] * Math.max(mu, 0), f, d, a });
      });
      return e;
    });
    // descending, ties in a fixed order (so the pairing and its subgradient are deterministic)
    entries.sort((p, q) => q.v - p.v || p.f - q.f || p.a - q.a || p.d - q.d);
    let energy = 0;
    families.forEach((fam, f) => {
      let t = 0;
      for (let a = 0; a < fam.mult; a++) t += M[f].re[a * fam.mult + a];
      energy += t * this.energies[f];
    });
    let passive = 0;
    const coef = families.map((fam) => new Float64Array(fam.mult));
    entries.forEach((e, i) => {
      passive += e.v * levels[i];
      coef[e.f][e.a] += this.weights[e.f][e.d] * levels[i];
    });
    const W = energy - passive;
    const ratio = C > 0 ? W / C : W > 0 ? Infinity : 0;
    if (!withGradient) return { W, Cl1: C, ratio };
    // G_R = (G_W − R G_C)/C per family, then through M = F F†/t to x
    const grad = new Float64Array(this.dimension);
    let t = 0;
    for (let i = 0; i < this.dimension; i++) t += x[i] * x[i];
    const G = families.map((fam, f) => {
      const n = fam.mult;
      const vr = eig[f].vectors.re as number[];
      const vi = eig[f].vectors.im as number[];
      const gr = new Float64Array(n * n);
      const gi = new Float64Array(n * n);
      for (let a = 0; a < n; a++) gr[a * n + a] = this.energies[f];
      for (let q = 0; q < n; q++) {
        const c = coef[f][q];
        for (let a = 0; a < n; a++)
          for (let b = 0; b < n; b++) {
            // u u† entry (a, b) = u_a conj(u_b)
            const ar = vr[a * n + q];
            const ai = vi[a * n + q];
            const br = vr[b * n + q];
            const bi = vi[b * n + q];
            gr[a * n + b] -= c * (ar * br + ai * bi);
            gi[a * n + b] -= c * (ai * br - ar * bi);
          }
      }
      for (let q = 0; q < n * n; q++) {
        gr[q] = (gr[q] - ratio * GC[f].re[q]) / C;
        gi[q] = (gi[q] - ratio * GC[f].im[q]) / C;
      }
      return { gr, gi };
    });
    // c = Re Σ_j Tr(G_j M_j); Γ_j = (2/t)(G_j F_j − c F_j)
    let cc = 0;
    families.forEach((fam, f) => {
      const n = fam.mult;
      for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) cc += G[f].gr[a * n + b] * M[f].re[b * n + a] - G[f].gi[a * n + b] * M[f].im[b * n + a];
    });
    families.forEach((fam, f) => {
      const n = fam.mult;
      const m = this.columns[f];
      const o = this.offsets[f];
      for (let a = 0; a < n; a++)
        for (let c = 0; c < m; c++) {
          let sr = 0;
          let si = 0;
          for (let b = 0; b < n; b++) {
            const fr = x[o + b * m + c];
            const fi = x[o + n * m + b * m + c];
            sr += G[f].gr[a * n + b] * fr - G[f].gi[a * n + b] * fi;
            si += G[f].gr[a * n + b] * fi + G[f].gi[a * n + b] * fr;
          }
          grad[o + a * m + c] = (2 / t) * (sr - cc * x[o + a * m + c]);
          grad[o + n * m + a * m + c] = (2 / t) * (si - cc * x[o + n * m + a * m + c]);
        }
    });
    return { W, Cl1: C, ratio, grad };
  }

  /** Tr M_j, eigenvalues and numerical rank of every block at x. */
  structure(x: Float64Array): BlockStructure[] {
    return this.blocks(x).map((m, f) => {
      const fam = this.basis.families[f];
      const n = fam.mult;
      const values = eigh(float64, { rows: n, cols: n, re: Array.from(m.re), im: Array.from(m.im) }, { certify: false })
        .values.map((v) => Math.max(0, v))
        .reverse();
      let trace = 0;
      for (const v of values) trace += v;
      return { twoJ: fam.twoJ, mult: n, trace, eigenvalues: values, rank: values.filter((v) => v > 1e-6).length };
    });
  }
}

/** The result of one start. */
export interface AscentResult {
  readonly start: number;
  readonly ratio: number;
  readonly W: number;
  readonly Cl1: number;
  readonly iterations: number;
  /** The final point (unit norm). */
  readonly x: Float64Array;
}

/** Kinds of starting point, cycled over the starts: any rank in every block (twice as often, it ends higher), rank one per block. */
export const START_KINDS = ['full', 'rank-one', 'full'] as const;

/** The starting point of start s: Gaussian entries, shaped by its kind (s mod 3). */
export function startingPoint(obj: RatioObjective, rng: Rng, s: number): Float64Array {
  const kind = START_KINDS[s % START_KINDS.length];
  const x = new Float64Array(obj.dimension);
  obj.basis.families.forEach((fam, f) => {
    const n = fam.mult;
    const m = obj.columns[f];
    const o = obj.offsets[f];
    for (let a = 0; a < n; a++)
      for (let c = 0; c < (kind === 'rank-one' ? 1 : m); c++) {
        x[o + a * m + c] = rng.normal();
        x[o + n * m + a * m + c] = rng.normal();
      }
  });
  normalise(x);
  return x;
}

function normalise(x: Float64Array): void {
  let t = 0;
  for (const v of x) t += v * v;
  const s = 1 / Math.sqrt(t);
  for (let i = 0; i < x.length; i++) x[i] *= s;
}

/**
 * Smoothing levels of C_l1 for the ascent: the cancellations that make W/C_l1 large sit on the kinks
 * of |B_xy|, where plain steepest ascent zigzags; each stage starts from the previous one's end and
 * the last is the ratio itself.
 */
export const SMOOTHING_STAGES = [1e-4, 1e-5, 1e-6, 0] as const;

/** Steepest ascent of the ratio from x0 (on the unit sphere) through the smoothing stages; the result is unsmoothed. */
export function ascend(obj: RatioObjective, x0: Float64Array, maxIterations: number, start = 0): AscentResult {
  let x: Float64Array = Float64Array.from(x0);
  normalise(x);
  let iterations = 0;
  for (const eps of SMOOTHING_STAGES) {
    const r = ascendStage(obj, x, Math.ceil(maxIterations / SMOOTHING_STAGES.length), eps);
    x = r.x;
    iterations += r.iterations;
  }
  const v = obj.evaluate(x);
  return { start, ratio: v.ratio, W: v.W, Cl1: v.Cl1, iterations, x };
}

/** Steepest ascent at one smoothing level, Armijo backtracking. */
function ascendStage(obj: RatioObjective, x0: Float64Array, maxIterations: number, eps: number): { x: Float64Array; iterations: number } {
  let x: Float64Array = x0;
  let cur = obj.evaluate(x, true, eps);
  let step = 0.1;
  let it = 0;
  for (; it < maxIterations; it++) {
    const g = cur.grad!;
    let gg = 0;
    for (const v of g) gg += v * v;
    if (!(gg > 1e-24) || !Number.isFinite(cur.ratio)) break;
    const gn = Math.sqrt(gg);
    let accepted = false;
    for (let tries = 0; tries < 40; tries++) {
      const y = new Float64Array(x.length);
      for (let i = 0; i < x.length; i++) y[i] = x[i] + (step / gn) * g[i];
      normalise(y);
      const next = obj.evaluate(y, true, eps);
      // Armijo with a small fraction of the first-order gain (the ratio is only piecewise smooth)
      if (next.ratio > cur.ratio + 1e-4 * step * gn) {
        x = y;
        cur = next;
        accepted = true;
        step = Math.min(1, step * 2);
        break;
      }
      step /= 2;
    }
    if (!accepted || step < 1e-14) break;
  }
  return { x, iterations: it };
}

/** One (N, β) case of a search. */
export interface CaseResult {
  readonly N: number;
  readonly beta: number;
  /** Starts run (in this shard). */
  readonly starts: number;
  readonly best: AscentResult;
  /** Structure of the best point's blocks. */
  readonly structure: BlockStructure[];
  /** The kernel's C_l1 and W/ω at the best point (an independent evaluation). */
  readonly kernel: { readonly W: number; readonly Cl1: number };
}

export interface SearchOptions {
  readonly Ns: readonly number[];
  readonly betas: readonly number[];
  readonly starts: number;
  readonly iterations: number;
  readonly seed: Seed;
  /** 1-based shard index and count: this run does the starts s with s mod K = I − 1. */
  readonly shard?: { readonly index: number; readonly count: number };
  readonly onCase?: (c: CaseResult) => void;
}

/** The stream of start s of case (N, β). */
export const startRng = (seed: Seed, N: number, beta: number, s: number): Rng => new Rng(seed, [`N=${N}/beta=${beta}/start=${s}`]);

/** The better of two starts: larger ratio, then the smaller start index (so merging is order-free). */
export const better = (a: AscentResult, b: AscentResult): AscentResult => (b.ratio > a.ratio || (b.ratio === a.ratio && b.start < a.start) ? b : a);

/**
 * Every case (N, β) of the search: the best start of this shard's starts. Start s is a chain over
 * the β values in ascending order: at each β it ascends from its own seeded point and, after the
 * first β, also from its end point at the previous β (continuation: random starts alone do poorly
 * at β > 0 for N ≥ 6); the better of the two is its result there and the next link's start. A chain
 * depends only on (seed, N, s, the β values), so shards stay exact.
 */
export function searchRatio(o: SearchOptions): CaseResult[] {
  const K = o.shard?.count ?? 1;
  const I = o.shard?.index ?? 1;
  const out: CaseResult[] = [];
  const ascending = [...o.betas].sort((a, b) => a - b);
  for (const N of o.Ns) {
    const objs = new Map(ascending.map((beta) => [beta, new RatioObjective(N, Math.exp(-beta))]));
    const best = new Map<number, AscentResult>();
    let count = 0;
    for (let s = I - 1; s < o.starts; s += K) {
      count++;
      let prev: Float64Array | null = null;
      for (const beta of ascending) {
        const obj = objs.get(beta)!;
        let res = ascend(obj, startingPoint(obj, startRng(o.seed, N, beta, s), s), o.iterations, s);
        if (prev) {
          const cont = ascend(obj, prev, o.iterations, s);
          if (cont.ratio > res.ratio) res = cont;
        }
        prev = res.x;
        const b = best.get(beta);
        best.set(beta, b ? better(b, res) : res);
      }
    }
    if (count === 0) continue;
    for (const beta of o.betas) {
      const c = caseResult(objs.get(beta)!, beta, count, best.get(beta)!);
      o.onCase?.(c);
      out.push(c);
    }
  }
  return out;
}

/** The record of a case from its best start. */
export function caseResult(obj: RatioObjective, beta: number, starts: number, best: AscentResult): CaseResult {
  const k = new SteadyKernel(obj.N, obj.r, 1).evaluateReduced(obj.reduced(best.x));
  return { N: obj.N, beta, starts, best, structure: obj.structure(best.x), kernel: { W: k.W, Cl1: k.Cl1 } };
}
