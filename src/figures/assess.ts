/**
 * Qualitative statements about the random-state statistics, decided from computed numbers:
 *  (a) the mean coherence grows faster with the number of qubits than the mean ergotropy, but
 *      more slowly than the coherence of the steady states from the ground state;
 *  (b) the mean ergotropy scales like the ergotropy of the steady states from the ground state;
 *  (c) the spread of W gets smaller as N grows (std of W: the error bars / the scatter plot).
 * Rules (stated so that they can be disagreed with):
 *  (a) holds when, for every step N → N + 1 present in both tables, the mean C_l1 grows by a
 *      factor larger than the mean W does and smaller than the ground-state C_l1 does (ratios of
 *      consecutive values; an increment that is not positive counts as no growth);
 *  (b) holds when the mean W increases with N at every step and the ratio mean W / ground W stays
 *      within a factor 2 over N (max/min ≤ 2): "similar scaling" read as the same growth up to a
 *      bounded factor;
 *  (c) holds when std(W) decreases at every step N → N + 1 (differences larger than 2·(the
 *      standard error of the std, ≈ std/√(2(n−1)))) are required for a decrease to count, and
 *      a step within that noise fails the statement).
 */
import type { RandomStateRow } from './random-state-statistics.js';
import type { GroundStateRow } from './steady-state-curves.js';

export interface Statement {
  readonly id: 'coherence-growth' | 'ergotropy-scaling' | 'ergotropy-spread';
  readonly text: string;
  readonly holds: boolean;
  /** The numbers the decision was made from, one line. */
  readonly evidence: string;
}

const fmt = (x: number): string => (Number.isFinite(x) ? x.toPrecision(4) : String(x));

/** Decide (a)–(c) above from random-state rows and ground-state rows at the same β. */
export function assessRandomStateScaling(random: readonly RandomStateRow[], groundRows: readonly GroundStateRow[]): Statement[] {
  const ground = new Map(groundRows.map((r) => [r.N, r]));
  const rows = [...random].filter((r) => ground.has(r.N)).sort((a, b) => a.N - b.N);
  const ratio = (a: number, b: number): number => (a > 0 && b > a ? b / a : b > a ? Infinity : 1);
  const steps: { N: number; c: number; w: number; g: number }[] = [];
  for (let i = 0; i + 1 < rows.length; i++) {
    const [p, q] = [rows[i], rows[i + 1]];
    if (q.N !== p.N + 1) continue;
    steps.push({ N: p.N, c: ratio(p.Cl1.mean, q.Cl1.mean), w: ratio(p.W.mean, q.W.mean), g: ratio(ground.get(p.N)!.Cl1, ground.get(q.N)!.Cl1) });
  }
  const aHolds = steps.length > 0 && steps.every((s) => s.c > s.w && s.c < s.g);
  const rel = rows.map((r) => r.W.mean / ground.get(r.N)!.W);
  const increasing = rows.every((r, i) => i === 0 || r.W.mean > rows[i - 1].W.mean);
  const spreadRatio = Math.max(...rel) / Math.min(...rel);
  const bHolds = rows.length > 1 && increasing && rel.every((x) => x > 0) && spreadRatio <= 2;
  const stdNoise = (r: RandomStateRow): number => r.W.std / Math.sqrt(2 * Math.max(1, r.samples - 1));
  const cSteps = rows.slice(1).map((q, i) => ({ N: rows[i].N, drop: rows[i].W.std - q.W.std, noise: 2 * Math.hypot(stdNoise(rows[i]), stdNoise(q)) }));
  const cHolds = cSteps.length > 0 && cSteps.every((s) => s.drop > s.noise);
  return [
    {
      id: 'coherence-growth',
      text: 'mean C_l1 grows faster than mean W but slower than C_l1 for ground initial states',
      holds: aHolds,
      evidence:
        steps.map((s) => `N=${s.N}→${s.N + 1}: C ×${fmt(s.c)}, W ×${fmt(s.w)}, ground C ×${fmt(s.g)}`).join('; ') +
        `; rule: at every step W × < C × < ground C ×${
          aHolds
            ? ''
            : ` (not met at ${
                steps
                  .filter((s) => !(s.c > s.w && s.c < s.g))
                  .map((s) => `N=${s.N}→${s.N + 1}`)
                  .join(', ') || 'any step: no steps'
              })`
        }`,
    },
    {
      id: 'ergotropy-scaling',
      text: 'mean W scales similarly to W for ground initial states',
      holds: bHolds,
      evidence: `mean W / ground W = ${rel.map(fmt).join(', ')} (N = ${rows.map((r) => r.N).join(', ')}); max/min ${fmt(spreadRatio)}; increasing: ${increasing}; rule: mean W increases at every step and max/min ≤ 2`,
    },
    {
      id: 'ergotropy-spread',
      text: 'the standard deviation of W shrinks as N grows',
      holds: cHolds,
      evidence:
        `std W = ${rows.map((r) => fmt(r.W.std)).join(', ')} (N = ${rows.map((r) => r.N).join(', ')}); rule: every step falls by more than twice its statistical noise (2·√(σ₁² + σ₂²), σ ≈ std/√(2(n−1)))` +
        (cHolds
          ? ''
          : `; not met at ${
              cSteps
                .filter((s) => !(s.drop > s.noise))
                .map((s) => `N=${s.N}→${s.N + 1} (fall ${fmt(s.drop)}, noise ${fmt(s.noise)})`)
                .join(', ') || 'any step: no steps'
            }`),
    },
  ];
}
