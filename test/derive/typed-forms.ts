/**
 * The forms that were typed in by hand in proofs/ before the pipeline existed (from the paper's
 * definitions and our earlier hand derivation), kept here only as an independent route for the
 * pipeline's tests: Eq. (7) from its definition, its spectrum, the four ergotropy cases, and
 * d_k of Eq. (14) with r = y.
 */
import { rfadd, rfConst, rfdiv, rfmul, rfpow, rfsub, rfVar, type RatFunc } from '../../src/symbolic/ratfunc.js';

export const c = rfVar('c');
export const y = rfVar('y');
export const omega = rfVar('omega');
const ONE = rfConst(1);
export const Zp = rfadd(rfadd(ONE, y), rfpow(y, 2));

/** Eq. (7) entries in the basis |11⟩, |10⟩, |01⟩, |00⟩, from its definition. */
export function typedTwoQubitState(cc: RatFunc = c): RatFunc[] {
  const half = rfConst({ num: 1n, den: 2n });
  const t = rfdiv(cc, Zp);
  const m = rfsub(ONE, cc);
  const z = rfConst(0);
  const mid = rfadd(rfmul(half, m), rfmul(half, rfmul(t, y)));
  const off = rfsub(rfmul(half, rfmul(t, y)), rfmul(half, m));
  return [rfmul(t, rfpow(y, 2)), z, z, z, z, mid, off, z, z, off, mid, z, z, z, z, t];
}

/** The spectrum as typed: ψ− → 1 − c, ψ0 → c/Z₊, ψ+ → cy/Z₊, ψ1 → cy²/Z₊. */
export const typedSpectrum = { minus: rfsub(ONE, c), zero: rfdiv(c, Zp), plus: rfdiv(rfmul(c, y), Zp), one: rfdiv(rfmul(c, rfpow(y, 2)), Zp) };

/** W = E − Σ r↓ ε↑ for the typed orders (the four positions of 1 − c). */
function wFor(order: RatFunc[]): RatFunc {
  const S = typedSpectrum;
  // Tr(ρH0) = ω(2·p(|11⟩) + p(|10⟩) + p(|01⟩)) = ω(2cy²/Z₊ + (1 − c) + cy/Z₊)
  const E = rfmul(omega, rfadd(rfadd(rfmul(rfConst(2), S.one), S.minus), S.plus));
  const levels = [0, 1, 1, 2];
  const passive = order.reduce((s, r, i) => rfadd(s, rfmul(r, rfmul(rfConst(levels[i]), omega))), rfConst(0));
  return rfsub(E, passive);
}
const S = typedSpectrum;
export const TYPED_W_CASE = {
  A: wFor([S.minus, S.zero, S.plus, S.one]),
  B1: wFor([S.zero, S.minus, S.plus, S.one]),
  B2: wFor([S.zero, S.plus, S.minus, S.one]),
  C: wFor([S.zero, S.plus, S.one, S.minus]),
};

/** d_k of Eq. (14) with r = y: (1 − y) y^k / ((1 − y^{N+1}) C(N, k)). */
export function typedBlockEntry(N: number, k: number): RatFunc {
  let b = 1n;
  for (let i = 1; i <= k; i++) b = (b * BigInt(N - k + i)) / BigInt(i);
  return rfdiv(rfmul(rfsub(ONE, y), rfpow(y, k)), rfmul(rfsub(ONE, rfpow(y, N + 1)), rfConst(b)));
}
