/**
 * Double-double arithmetic for the corrections of the eigenvector refinement (eigh-refine.ts):
 * enough for a correction, never for a result. Each operation leaves its result in module-level
 * scalars, since a tuple per operation kept the collector busy. The WebAssembly kernel
 * refCorrections (simd/kernels.wat) repeats `corrections` with the same operations in the same
 * order, so both give the same bits.
 */

const SPLIT = 134217729; // 2^27 + 1
let ddH = 0;
let ddL = 0;

/** (ddH, ddL) = a·b exactly (Dekker). */
function twoProd(a: number, b: number): void {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  ddH = p;
  ddL = ah * bh - p + ah * bl + al * bh + al * bl;
}

function ddAdd(ah: number, al: number, bh: number, bl: number): void {
  const s = ah + bh;
  const bb = s - ah;
  const e = ah - (s - bb) + (bh - bb) + al + bl;
  const h = s + e;
  ddH = h;
  ddL = e - (h - s);
}

function ddMul(ah: number, al: number, bh: number, bl: number): void {
  twoProd(ah, bh);
  const p = ddH;
  const f = ddL + (ah * bl + al * bh);
  const h = p + f;
  ddH = h;
  ddL = f - (h - p);
}

/** a/b: three quotient terms from two remainders. */
function ddDiv(ah: number, al: number, bh: number, bl: number): void {
  const q1 = ah / bh;
  ddMul(q1, 0, bh, bl);
  ddAdd(ah, al, -ddH, -ddL);
  const rh = ddH;
  const rl = ddL;
  const q2 = rh / bh;
  ddMul(q2, 0, bh, bl);
  ddAdd(rh, rl, -ddH, -ddL);
  const q3 = ddH / bh;
  ddAdd(q1, q2, q3, 0);
}

/**
 * λ_i = s_ii/(1 − r_ii) for i < n, from S and R as double-doubles (hi, lo: n² real parts first,
 * row-major), into lamH + lamL.
 */
export function rayleighValues(n: number, S: DDMatrix, R: DDMatrix, lamH: Float64Array, lamL: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const q = i * n + i;
    ddAdd(1, 0, -R.hi[q], -R.lo[q]);
    ddDiv(S.hi[q], S.lo[q], ddH, ddL);
    lamH[i] = ddH;
    lamL[i] = ddL;
  }
}

/** A complex n × n matrix as double-doubles: hi and lo of 2n² entries each, real parts then imaginary. */
export interface DDMatrix {
  hi: Float64Array;
  lo: Float64Array;
}

/** Where `corrections` finds its operands and puts its results, as slots of one float64 memory. */
export interface CorrectionSlots {
  /** S and R (2n² each: real parts, then imaginary). */
  Shi: number;
  Slo: number;
  Rhi: number;
  Rlo: number;
  /** The values λ (n each). */
  lamH: number;
  lamL: number;
  /** The corrections F (n² each). */
  reHi: number;
  reLo: number;
  imHi: number;
  imLo: number;
}

/**
 * The corrections of one refinement step on the memory `mem`: F_ij = r_ij/2 where i = j (imaginary
 * part 0) or |λ_j − λ_i| ≤ δ, else (s_ij + λ_j r_ij)/(λ_j − λ_i); returns max |Re F_ij| + |Im F_ij|
 * of the leading parts.
 */
export function corrections(mem: Float64Array, n: number, at: CorrectionSlots, delta: number): number {
  const nn = n * n;
  let maxF = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const q = i * n + j;
      const rrh = mem[at.Rhi + q];
      const rrl = mem[at.Rlo + q];
      const rih = mem[at.Rhi + nn + q];
      const ril = mem[at.Rlo + nn + q];
      ddAdd(mem[at.lamH + j], mem[at.lamL + j], -mem[at.lamH + i], -mem[at.lamL + i]);
      const gh = ddH;
      const gl = ddL;
      if (i === j || Math.abs(gh) <= delta) {
        mem[at.reHi + q] = rrh / 2;
        mem[at.reLo + q] = rrl / 2;
        mem[at.imHi + q] = i === j ? 0 : rih / 2;
        mem[at.imLo + q] = i === j ? 0 : ril / 2;
      } else {
        ddMul(mem[at.lamH + j], mem[at.lamL + j], rrh, rrl);
        ddAdd(mem[at.Shi + q], mem[at.Slo + q], ddH, ddL);
        ddDiv(ddH, ddL, gh, gl);
        mem[at.reHi + q] = ddH;
        mem[at.reLo + q] = ddL;
        ddMul(mem[at.lamH + j], mem[at.lamL + j], rih, ril);
        ddAdd(mem[at.Shi + nn + q], mem[at.Slo + nn + q], ddH, ddL);
        ddDiv(ddH, ddL, gh, gl);
        mem[at.imHi + q] = ddH;
        mem[at.imLo + q] = ddL;
      }
      maxF = Math.max(maxF, Math.abs(mem[at.reHi + q]) + Math.abs(mem[at.imHi + q]));
    }
  return maxF;
}
