/**
 * The figures shown inside the report: Figs. 1 and 2 recomputed from first principles, and Fig. 3
 * from N Haar-random initial states per qubit number (`verify --fig3 N`, default 10^4), with the
 * statements of Sec. IV B 2 decided from those numbers.
 * `ergocheck figures` makes the same figures with their data and every option.
 */
import { twoQubitCurves, groundStateRows, TWO_QUBIT_CURVE_BETAS } from '../figures/steady-state-curves.js';
import { DRAW_PER_N, drawingSubsample, randomStateRows, runSamples } from '../figures/random-state-statistics.js';
import { assessRandomStateScaling } from '../figures/assess.js';
import { twoQubitCurvesSpec, groundStateSpec, randomStateStatisticsSpec, randomStateScatterSpec, renderSvg } from '../figures/render.js';

export interface ReportFigure {
  /** File written beside the report, e.g. "fig1.svg". */
  file: string;
  title: string;
  /** One sentence: what was computed and how it was checked. */
  caption: string;
  svg: string;
}

export const FIGURE_FILES = ['fig1.svg', 'fig2.svg', 'fig3a.svg', 'fig3b.svg'] as const;

/** Fig. 3 in the report: `samples` Haar initial states per N = 2 … 7 at β = 0, ω = 1, from `seed`. */
export interface ReportFig3 {
  readonly samples: number;
  readonly seed: number;
  /** Worker threads (default: the machine's, at most 2); the numbers do not depend on it. */
  readonly workers?: number;
}

export async function reportFigures(fig3?: ReportFig3): Promise<ReportFigure[]> {
  const omega = 1;
  const ground = groundStateRows(0, omega, 7);
  const figures: ReportFigure[] = [
    {
      file: 'fig1.svg',
      title: 'Fig. 1',
      caption: `C_l1 (a) and W (b) of the two-qubit steady states of Eq. (7) against c for β = ${TWO_QUBIT_CURVE_BETAS.join(', ')} and ω = 1, from first principles (checked against Eq. (8) and the closed form: claim fig1-curves).`,
      svg: await renderSvg(twoQubitCurvesSpec(twoQubitCurves(omega, 50, TWO_QUBIT_CURVE_BETAS), omega)),
    },
    {
      file: 'fig2.svg',
      title: 'Fig. 2',
      caption:
        'C_l1 and W of the steady states reached from the ground state, N = 2…7, at β = 0, from first principles (checked against the limits of Eqs. (15)–(16): claim fig2-points).',
      svg: await renderSvg(groundStateSpec(ground, omega, 0)),
    },
  ];
  if (fig3 === undefined) return figures;
  const values = await runSamples({ Ns: [2, 3, 4, 5, 6, 7], samples: fig3.samples, seed: fig3.seed, ensemble: 'haar', r: 1, omega, workers: fig3.workers });
  const rows = randomStateRows(values);
  const title = `${fig3.samples} haar initial states per N, β = 0, seed ${fig3.seed}`;
  const statements = assessRandomStateScaling(rows, ground)
    .map((s) => `${s.holds ? 'reproduced' : 'NOT reproduced'}: ${s.text} (${s.evidence})`)
    .join('; ');
  const how = `${fig3.samples} Haar-random pure initial states per N = 2…7 (seed ${fig3.seed}), steady states by the exact map at β = 0, ω = 1`;
  figures.push(
    {
      file: 'fig3a.svg',
      title: 'Fig. 3(a)',
      caption: `Mean ± standard deviation of C_l1 and W over ${how}. Sec. IV B 2 decided from these numbers — ${statements}.`,
      svg: await renderSvg(randomStateStatisticsSpec(rows, omega, title)),
    },
    {
      file: 'fig3b.svg',
      title: 'Fig. 3(b)',
      caption: `W against C_l1 for ${how}; at most ${DRAW_PER_N} points per N are drawn, the statistics of Fig. 3(a) use every sample.`,
      svg: await renderSvg(randomStateScatterSpec(drawingSubsample(values, DRAW_PER_N), omega, title)),
    },
  );
  return figures;
}
