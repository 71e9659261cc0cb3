/**
 * The paper's sections in reading order, and which of them holds each numbered equation and
 * figure, so that the HTML report can group the claims as the paper does.
 */
import { BEYOND_THE_PAPER, isBeyondThePaper, type Outline } from '../src/report/outline.js';

const SECTIONS = [
  { key: 'Abstract', title: 'Abstract' },
  { key: 'Sec. II', title: 'Sec. II — Preliminaries' },
  { key: 'Sec. III', title: 'Sec. III — Model' },
  { key: 'Sec. IV', title: 'Sec. IV — Ergotropy of thermal coherences' },
  { key: 'Sec. IV A', title: 'Sec. IV A — Two qubits' },
  { key: 'Sec. IV B', title: 'Sec. IV B — Scaling with the number of particles' },
  { key: 'Sec. IV B 1', title: 'Sec. IV B 1 — Ground initial states' },
  { key: 'Sec. IV B 2', title: 'Sec. IV B 2 — Random initial states' },
  { key: 'Conclusions', title: 'Sec. V — Conclusions' },
  { key: 'Appendix A', title: 'Appendix A — Ordering of eigenvalues between 1/2 < c < 1' },
  { key: 'Appendix B', title: 'Appendix B — Ergotropy for ground initial states' },
  BEYOND_THE_PAPER,
];

/** Eqs. (1)–(3) stand in Sec. II, (4)–(6) in Sec. III, (7)–(12) in Sec. IV A, (13)–(16) in Sec. IV B 1. */
function sectionOfEquation(n: number): string {
  if (n <= 3) return 'Sec. II';
  if (n <= 6) return 'Sec. III';
  if (n <= 12) return 'Sec. IV A';
  return 'Sec. IV B 1';
}

const FIGURE_SECTION: Record<string, string> = { '1': 'Sec. IV A', '2': 'Sec. IV B 1', '3': 'Sec. IV B 2' };

export const PAPER_OUTLINE: Outline = {
  sections: SECTIONS,
  sectionOf(location: string): string {
    if (isBeyondThePaper(location)) return BEYOND_THE_PAPER.key;
    const sec = /^Sec\. ([IVX]+(?: [A-Z](?: \d+)?)?)\b/.exec(location);
    if (sec) return sec[1] === 'V' ? 'Conclusions' : `Sec. ${sec[1]}`;
    const appendix = /^Appendix ([A-Z])\b/.exec(location);
    if (appendix) return `Appendix ${appendix[1]}`;
    const eq = /^Eqs?\. \((\d+)\)/.exec(location);
    if (eq) return sectionOfEquation(Number(eq[1]));
    const appendixEq = /^Eqs?\. \(([A-Z])\d+\)/.exec(location);
    if (appendixEq) return `Appendix ${appendixEq[1]}`;
    const fig = /^Fig\. (\d)/.exec(location);
    if (fig && FIGURE_SECTION[fig[1]]) return FIGURE_SECTION[fig[1]];
    if (/^Abstract/.test(location)) return 'Abstract';
    if (/^Conclusions/.test(location)) return 'Conclusions';
    return location.split(',')[0].trim();
  },
};
