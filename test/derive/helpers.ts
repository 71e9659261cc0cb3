/**
 * Test helpers for the derivation pipeline: independent routes (a dense transcription of the
 * generator with the generic matrix code over Q(y, ω, f)), seeded exact initial states, and
 * evaluation of exact results in a decimal field. Not part of the library.
 */
import type { DecimalField } from '../../src/numeric/decimal.js';
import { rational } from '../../src/numeric/rational.js';
import { add, anticommutator, commutator, mul, scale, scaleReal, sub, zeros, type CMatrix } from '../../src/numeric/matrix.js';
import { h0, sigmaMinus, sigmaPlus } from '../../src/physics/qubits.js';
import { ratFuncField as Rf } from '../../src/symbolic/ratfunc-field.js';
import { rfConst, rfevalField, rfneg, rfsub, rfVar, type RatFunc } from '../../src/symbolic/ratfunc.js';
import { rng } from '../physics/helpers.js';

const ONE = rfConst(1);
const HALF = rfConst({ num: 1n, den: 2n });

/** The generator /(n̄+1) with dense products (the transcription proofs/model.ts used): an independent route. */
export function denseGenerator(N: number, rho: CMatrix<RatFunc>, coupling: 'collective' | 'individual', f: RatFunc = rfVar('f')): CMatrix<RatFunc> {
  const y = rfVar('y');
  const sp = Array.from({ length: N }, (_, i) => sigmaPlus(Rf, N, i));
  const sm = Array.from({ length: N }, (_, i) => sigmaMinus(Rf, N, i));
  let H = h0(Rf, N, rfVar('omega'));
  if (coupling === 'collective') for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) if (i !== j) H = add(Rf, H, scaleReal(Rf, f, mul(Rf, sp[i], sm[j])));
  let L = scale(Rf, { re: rfConst(0), im: rfneg(rfsub(ONE, y)) }, commutator(Rf, H, rho));
  for (let i = 0; i < N; i++)
    for (let j = 0; j < N; j++) {
      if (coupling === 'individual' && i !== j) continue;
      const emit = sub(Rf, mul(Rf, mul(Rf, sm[j], rho), sp[i]), scaleReal(Rf, HALF, anticommutator(Rf, mul(Rf, sp[i], sm[j]), rho)));
      const absorb = sub(Rf, mul(Rf, mul(Rf, sp[j], rho), sm[i]), scaleReal(Rf, HALF, anticommutator(Rf, mul(Rf, sm[i], sp[j]), rho)));
      L = add(Rf, L, add(Rf, emit, scaleReal(Rf, y, absorb)));
    }
  return L;
}

/** A seeded full-rank density matrix with small rational entries: A A† / Tr(A A†), A with integer entries in [−3, 3]. */
export function rationalState(d: number, seed: number): CMatrix<RatFunc> {
  const r = rng(seed);
  const int = (): bigint => BigInt(Math.floor(r() * 7) - 3);
  const Are = Array.from({ length: d * d }, int);
  const Aim = Array.from({ length: d * d }, int);
  const re: bigint[] = new Array(d * d).fill(0n);
  const im: bigint[] = new Array(d * d).fill(0n);
  for (let a = 0; a < d; a++)
    for (let b = 0; b < d; b++)
      for (let k = 0; k < d; k++) {
        // (A A†)_ab = Σ_k A_ak conj(A_bk)
        const xr = Are[a * d + k];
        const xi = Aim[a * d + k];
        const zr = Are[b * d + k];
        const zi = Aim[b * d + k];
        re[a * d + b] += xr * zr + xi * zi;
        im[a * d + b] += xi * zr - xr * zi;
      }
  let tr = 0n;
  for (let a = 0; a < d; a++) tr += re[a * d + a];
  const q = (x: bigint): RatFunc => rfConst(rational(x, tr));
  return { rows: d, cols: d, re: re.map(q), im: im.map(q) };
}

/** An exact matrix over Q(y, ω, f, …) evaluated in D at the given values. */
export function evalMatrix(
  D: DecimalField,
  M: CMatrix<RatFunc>,
  env: Readonly<Record<string, InstanceType<DecimalField['Decimal']>>>,
): CMatrix<InstanceType<DecimalField['Decimal']>> {
  return { rows: M.rows, cols: M.cols, re: M.re.map((x) => rfevalField(D, x, env)), im: M.im.map((x) => rfevalField(D, x, env)) };
}

/** An exact rational matrix in D. */
export const toDecimal = (D: DecimalField, M: CMatrix<RatFunc>) => evalMatrix(D, M, {});

export const isZeroMatrix = (M: CMatrix<RatFunc>): boolean => M.re.every((x) => x.num.terms.size === 0) && M.im.every((x) => x.num.terms.size === 0);
export { zeros };
