import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { twoQubitCurvesSpec, groundStateSpec, randomStateStatisticsSpec, randomStateScatterSpec, renderSvg } from '../../src/figures/render.js';
import { twoQubitCurves, groundStateRows } from '../../src/figures/steady-state-curves.js';
import type { RandomStateRow } from '../../src/figures/random-state-statistics.js';

const count = (svg: string, re: RegExp): number => (svg.match(re) ?? []).length;
/** C_l1 as the figures draw it: C with the subscript l1. */
const CL1 = 'C<tspan baseline-shift="sub" font-size="75%">l1</tspan>';
/** x positions of the point symbols, in the plot's coordinates. */
const pointXs = (svg: string): number[] => [...svg.matchAll(/aria-roledescription="point" transform="translate\(([-\d.]+),/g)].map((m) => Number(m[1]));

describe('SVG output of Vega through its headless renderer', () => {
  it('Fig. 1: well-formed, two panels, three lines each, axis titles c, C_l1 (with a subscript) and W/ω', async () => {
    const svg = await renderSvg(twoQubitCurvesSpec(twoQubitCurves(1, 10), 1));
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(count(svg, /aria-roledescription="line mark"/g)).toBe(6); // 2 panels × 3 temperatures
    expect(count(svg, /aria-roledescription="axis"/g)).toBe(4);
    for (const t of ['>c<', `>${CL1}<`, '>W/ω<', '>(a)<', '>(b)<']) expect(svg).toContain(t);
    expect(svg).not.toMatch(/>[^<]*C_l1[^<]*</); // no plain-text C_l1 left in any text
    expect(new XMLParser().parse(svg).svg).toBeDefined();
  });
  it('Fig. 2: one point symbol per (N, quantity), none on the border of the plot; labels C_l1 with a subscript and W/ω', async () => {
    const rows = groundStateRows(0, 1, 7);
    const svg = await renderSvg(groundStateSpec(rows, 1, 0));
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(count(svg, /aria-roledescription="point"/g)).toBe(2 * rows.length);
    expect(svg).toContain('>N<');
    expect(count(svg, /aria-roledescription="axis"/g)).toBe(2);
    expect(svg).toContain(`>${CL1}, W/ω<`); // the y axis title
    expect(svg).toContain(`>${CL1}<`); // the legend
    // the plot is 360 px wide; N = 2 … 7 lie half a step (30 px) inside it
    const xs = pointXs(svg);
    expect(xs).toHaveLength(2 * rows.length);
    expect(Math.min(...xs)).toBeCloseTo(30, 6);
    expect(Math.max(...xs)).toBeCloseTo(330, 6);
  });
  it('subscripts: C_l1 in text becomes C with subscript l1, and nowhere else (attributes keep the plain name)', async () => {
    const { subscripts } = await import('../../src/figures/render.js');
    expect(subscripts('<g aria-label="C_l1"><text x="1">mean C_l1, W/ω</text></g>')).toBe(`<g aria-label="C_l1"><text x="1">mean ${CL1}, W/ω</text></g>`);
  });
  it('Fig. 3(a): points and error bars; Fig. 3(b): one circle per drawn point', async () => {
    const s = (mean: number) => ({ mean, std: 0.1, sem: 0.01 });
    const rows: RandomStateRow[] = [2, 3, 4].map((N) => ({ N, samples: 100, Cl1: s(N), W: s(N / 2) }));
    const a = await renderSvg(randomStateStatisticsSpec(rows, 1, 'test'));
    expect(XMLValidator.validate(a)).toBe(true);
    expect(count(a, /aria-roledescription="point"/g)).toBe(6);
    // N = 2, 3, 4 over 360 px with half a step of room: 60, 180, 300
    expect([...new Set(pointXs(a))].sort((p, q) => p - q).map((x) => Math.round(x))).toEqual([60, 180, 300]);
    expect(count(a, /aria-roledescription="rule mark"/g)).toBe(6);
    const pts = Array.from({ length: 25 }, (_, i) => ({ N: 2 + (i % 3), Cl1: i / 10, W: i / 20 }));
    const b = await renderSvg(randomStateScatterSpec(pts, 1, 'test'));
    expect(XMLValidator.validate(b)).toBe(true);
    expect(count(b, /aria-roledescription="circle"/g)).toBe(25);
    for (const t of [`>${CL1}<`, '>W/ω<']) expect(b).toContain(t);
  });
});
