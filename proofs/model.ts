/**
 * The paper's model, shared by the claim files: symbolically over Q(c, y, ω, f) with
 * y = e^{−βω} (the generic matrix and qubit code run on `ratFuncField`), and numerically at high
 * precision (first principles: states built, diagonalised, measured).
 */
import type { DecimalField } from '../src/numeric/decimal.js';
import type { CMatrix } from '../src/numeric/matrix.js';
import { add, anticommutator, commutator, mul, scale, scaleReal, sub, trace, traceProduct, zeros } from '../src/numeric/matrix.js';
import { h0, sigmaMinus, sigmaPlus } from '../src/physics/qubits.js';
import { ergotropy } from '../src/physics/ergotropy.js';
import { l1Coherence } from '../src/physics/coherence.js';
import { eq7State } from '../src/physics/states.js';
import { ratFuncField as Rf } from '../src/symbolic/ratfunc-field.js';
import { rfadd, rfConst, rfdiv, rfmul, rfneg, rfpow, rfsub, rfVar, rfisZero, type RatFunc } from '../src/symbolic/ratfunc.js';

export { Rf };
export type Dec = DecimalField['zero'];

export const c = rfVar('c');
export const y = rfVar('y');
export const omega = rfVar('omega');
export const ONE = rfConst(1);
export const HALF = rfConst({ num: 1n, den: 2n });
/** Z₊ = 1 + y + y² (Eq. (7)), Z = (1 + y)² (after Eq. (8)). */
export const Zp = rfadd(rfadd(ONE, y), rfpow(y, 2));
export const Z = rfpow(rfadd(ONE, y), 2);

/** |a⟩⟨b| in the two-qubit basis |11⟩, |10⟩, |01⟩, |00⟩ (indices 0…3). */
function unit(a: number, b: number, v: RatFunc = ONE, d = 4): CMatrix<RatFunc> {
  const M = zeros(Rf, d);
  M.re[a * d + b] = v;
  return M;
}

/** |ψ±⟩⟨ψ±| with ψ± = (|01⟩ ± |10⟩)/√2: entries ½ on the diagonal of {|10⟩, |01⟩}, ±½ off it. */
export function psiPlusMinus(sign: 1 | -1): CMatrix<RatFunc> {
  const off = sign === 1 ? HALF : rfneg(HALF);
  return [unit(1, 1, HALF), unit(2, 2, HALF), unit(1, 2, off), unit(2, 1, off)].reduce((A, B) => add(Rf, A, B));
}

/** Eq. (7) in Q(c, y), from its definition: (1−c)|ψ−⟩⟨ψ−| + (c/Z₊)(y²|ψ1⟩⟨ψ1| + y|ψ+⟩⟨ψ+| + |ψ0⟩⟨ψ0|). */
export function eq7Symbolic(cc: RatFunc = c): CMatrix<RatFunc> {
  const triplet = add(Rf, add(Rf, unit(0, 0, rfpow(y, 2)), scaleReal(Rf, y, psiPlusMinus(1))), unit(3, 3));
  return add(Rf, scaleReal(Rf, rfsub(ONE, cc), psiPlusMinus(-1)), scaleReal(Rf, rfdiv(cc, Zp), triplet));
}

/**
 * The generator of Eqs. (4)–(6) divided by (n̄+1), applied in Q(y, ω, f, …): emission rate γ_ij,
 * absorption rate y·γ_ij, Hamiltonian term (1 − y)(H0 + H_d). Same steady states and conserved
 * quantities as L itself (time rescaled by n̄+1). γ_ij = 1 (collective) or δ_ij (individual).
 */
export function lindbladSymbolic(N: number, rho: CMatrix<RatFunc>, options: { coupling: 'collective' | 'individual'; f?: RatFunc }): CMatrix<RatFunc> {
  const sp = Array.from({ length: N }, (_, i) => sigmaPlus(Rf, N, i));
  const sm = Array.from({ length: N }, (_, i) => sigmaMinus(Rf, N, i));
  const f = options.f ?? rfConst(0);
  let H = h0(Rf, N, omega);
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) if (i !== j && !rfisZero(f)) H = add(Rf, H, scaleReal(Rf, f, mul(Rf, sp[i], sm[j])));
  // −i(1 − y)[H, ρ]
  let L = scale(Rf, { re: rfConst(0), im: rfneg(rfsub(ONE, y)) }, commutator(Rf, H, rho));
  for (let i = 0; i < N; i++)
    for (let j = 0; j < N; j++) {
      if (options.coupling === 'individual' && i !== j) continue;
      const emit = sub(Rf, mul(Rf, mul(Rf, sm[j], rho), sp[i]), scaleReal(Rf, HALF, anticommutator(Rf, mul(Rf, sp[i], sm[j]), rho)));
      const absorb = sub(Rf, mul(Rf, mul(Rf, sp[j], rho), sm[i]), scaleReal(Rf, HALF, anticommutator(Rf, mul(Rf, sm[i], sp[j]), rho)));
      L = add(Rf, L, add(Rf, emit, scaleReal(Rf, y, absorb)));
    }
  return L;
}

/** True if every entry of M is the zero rational function. */
export const isZeroMatrix = (M: CMatrix<RatFunc>): boolean => M.re.every(rfisZero) && M.im.every(rfisZero);

/** Tr(ρ H0) in Q(c, y, ω). */
export const energySymbolic = (rho: CMatrix<RatFunc>, N = 2): RatFunc => traceProduct(Rf, rho, h0(Rf, N, omega)).re;

/** Tr ρ. */
export const traceSymbolic = (rho: CMatrix<RatFunc>): RatFunc => trace(Rf, rho).re;

/**
 * The ergotropy Σ-formula of Eq. (2) for a given decreasing order of ρ's eigenvalues `spectrum`
 * and the levels of H0 for N qubits (0, ω ×N, 2ω ×C(N,2), …): W = E − Σ_k r_k ε_k.
 */
export function ergotropyForOrder(energy: RatFunc, decreasing: readonly RatFunc[], N = 2): RatFunc {
  const levels: number[] = [];
  for (let k = 0; k <= N; k++) for (let m = 0; m < binom(N, k); m++) levels.push(k);
  let passive = rfConst(0);
  decreasing.forEach((r, i) => (passive = rfadd(passive, rfmul(r, rfmul(rfConst(levels[i]), omega)))));
  return rfsub(energy, passive);
}

function binom(n: number, k: number): number {
  let b = 1;
  for (let i = 1; i <= k; i++) b = (b * (n - k + i)) / i;
  return Math.round(b);
}

/** The eigenvalues of Eq. (7) as derived: ψ− → 1 − c, ψ0 → c/Z₊, ψ+ → cy/Z₊, ψ1 → cy²/Z₊ (checked in eq9). */
export const eq7Spectrum = (): { minus: RatFunc; zero: RatFunc; plus: RatFunc; one: RatFunc } => ({
  minus: rfsub(ONE, c),
  zero: rfdiv(c, Zp),
  plus: rfdiv(rfmul(c, y), Zp),
  one: rfdiv(rfmul(c, rfpow(y, 2)), Zp),
});

// ----- first principles, numerically (decimal) -------------------------------------------------

/** Eq. (7) at a point, built numerically (src/physics/states.ts). */
export const eq7At = (D: DecimalField, p: Readonly<Record<string, Dec>>, cValue?: Dec): CMatrix<Dec> => eq7State(D, { beta: p.beta, omega: p.omega, c: cValue ?? p.c });

/** Ergotropy (Eq. (2)) of ρ for H0 = ω·excitations of N qubits, with its certified error bound. */
export function ergotropyAt(D: DecimalField, rho: CMatrix<Dec>, omegaValue: Dec, N = 2): { value: Dec; errorBound: Dec } {
  const r = ergotropy(D, rho, h0(D, N, omegaValue));
  return { value: r.ergotropy, errorBound: r.errorBound };
}

/** C_l1 (Eq. (3)) in the computational basis. */
export const l1At = (D: DecimalField, rho: CMatrix<Dec>): { value: Dec } => ({ value: l1Coherence(D, rho) });
