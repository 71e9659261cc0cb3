/** The multiplicity blocks M_j of the all-ground, all-excited and thermal initial states, without forming ρ0. */
import type { Field } from '../numeric/field.js';
import { zeros } from '../numeric/matrix.js';
import { assertQubitCount } from './qubits.js';
import { spinMultiplicity, type MultiplicityBlock } from './multiplicity-blocks.js';

/**
 * The multiplicity blocks of three initial states without forming them: the all-excited and the
 * all-ground state (symmetric: only j = N/2, M = [1]) and the Gibbs state of H0 = ω·excitations at
 * r = e^{−βω} (populations r^k/(1 + r)^N depend only on k, so M_j = (Σ_d r^{k0 + d}/(1 + r)^N)·I with
 * k0 = N/2 − j; r = 0 is β = ∞).
 */
export function namedInitialBlocks<T>(F: Field<T>, N: number, kind: 'ground' | 'excited' | 'thermal', r: T = F.zero): MultiplicityBlock<T>[] {
  assertQubitCount(N, 'namedInitialBlocks');
  if (kind === 'ground' || kind === 'excited') return [{ twoJ: N, M: { rows: 1, cols: 1, re: [F.one], im: [F.zero] } }];
  const onePlusR = F.add(F.one, r);
  let z = F.one;
  for (let i = 0; i < N; i++) z = F.mul(z, onePlusR);
  const p: T[] = [F.div(F.one, z)];
  for (let k = 1; k <= N; k++) p.push(F.mul(p[k - 1], r));
  const out: MultiplicityBlock<T>[] = [];
  for (let t = N; t >= 0; t -= 2) {
    const n = spinMultiplicity(N, t);
    const k0 = (N - t) / 2;
    let c = F.zero;
    for (let d = 0; d <= t; d++) c = F.add(c, p[k0 + d]);
    const M = zeros(F, n);
    for (let a = 0; a < n; a++) M.re[a * n + a] = c;
    out.push({ twoJ: t, M });
  }
  return out;
}
