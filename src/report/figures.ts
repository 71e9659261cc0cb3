/**
 * The figures shown inside the report: Figs. 1 and 2 recomputed from first principles (fast, so
 * every `verify` draws them); Fig. 3 needs 10^5 samples per N and is made by `ergocheck figures`.
 */
import { fig1Points, fig2Rows, FIG1_BETAS } from '../figures/fig12.js';
import { fig1Spec, fig2Spec, renderSvg } from '../figures/render.js';

export interface ReportFigure {
  /** File written beside the report, e.g. "fig1.svg". */
  file: string;
  title: string;
  /** One sentence: what was computed and how it was checked. */
  caption: string;
  svg: string;
}

export const FIGURE_FILES = ['fig1.svg', 'fig2.svg'] as const;

export async function reportFigures(): Promise<ReportFigure[]> {
  const omega = 1;
  return [
    {
      file: 'fig1.svg',
      title: 'Fig. 1',
      caption: `C_l1 (a) and W (b) of the two-qubit steady states of Eq. (7) against c for β = ${FIG1_BETAS.join(', ')} and ω = 1, from first principles (checked against Eq. (8) and the closed form: claim fig1-curves).`,
      svg: await renderSvg(fig1Spec(fig1Points(omega, 50, FIG1_BETAS), omega)),
    },
    {
      file: 'fig2.svg',
      title: 'Fig. 2',
      caption: 'C_l1 and W of the steady states reached from the ground state, N = 2…7, at β = 0, from first principles (checked against the limits of Eqs. (15)–(16): claim fig2-points).',
      svg: await renderSvg(fig2Spec(fig2Rows(0, omega, 7), omega, 0)),
    },
  ];
}
