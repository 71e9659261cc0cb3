/** The Gibbs weights of the spin part of the collective steady state, on one irrep of total spin j. */
import type { Field } from '../numeric/field.js';

/** Gibbs weights r^d / Σ_{n=0}^{2j} r^n of depths d = m + j = 0 … 2j (r = 0 and r = 1 exact); a few roundings each. */
export function spinGibbsWeights<T>(F: Field<T>, twoJ: number, r: T): T[] {
  const powers: T[] = [F.one];
  for (let d = 1; d <= twoJ; d++) powers.push(F.mul(powers[d - 1], r));
  let z = F.zero;
  for (let d = twoJ; d >= 0; d--) z = F.add(z, powers[d]);
  return powers.map((p) => F.div(p, z));
}
