/**
 * Vega-Lite specifications of the figures and their rendering to SVG with Vega's headless SVG
 * renderer (vega-lite compile → vega.parse → View({renderer: 'none'}).toSVG()); no hand-drawn SVG.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { TwoQubitCurvePoint, GroundStateRow } from './steady-state-curves.js';
import type { RandomStateRow } from './random-state-statistics.js';

const COLORS = { Cl1: '#1f77b4', W: '#ff7f0e' } as const;
const QUANTITY = { field: 'quantity', type: 'nominal', title: null, scale: { domain: ['C_l1', 'W/ω'], range: [COLORS.Cl1, COLORS.W] } } as const;

/** Render a Vega-Lite spec to an SVG string (headless), with C_l1 in its text typeset as C with subscript l1. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const vg = compile(spec).spec;
  const view = new vega.View(vega.parse(vg), { renderer: 'none' });
  try {
    return subscripts(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/**
 * Vega draws text as plain strings; the name C_l1 in the text of axis titles and legend labels
 * (not in attributes) becomes C with the subscript l1, as the paper writes it.
 */
export function subscripts(svg: string): string {
  return svg.replace(
    /(<text\b[^>]*>)([^<]*)(<\/text>)/g,
    (_m, open: string, text: string, close: string) => `${open}${text.replace(/C_l1/g, 'C<tspan baseline-shift="sub" font-size="75%">l1</tspan>')}${close}`,
  );
}

/** An integer axis N = lo…hi with half a step of room on either side, so no point sits on the plot's border. */
const nAxisDomain = (Ns: readonly number[]): [number, number] => [Math.min(...Ns) - 0.5, Math.max(...Ns) + 0.5];

/** Two qubits: (a) C_l1 and (b) W against c, one line per β (solid, dot-dashed, dashed in β order). */
export function twoQubitCurvesSpec(points: readonly TwoQubitCurvePoint[], omega: number): TopLevelSpec {
  const values = points.map((p) => ({ beta: `β = ${p.beta}`, c: p.c, Cl1: p.Cl1, W: p.W / omega }));
  const betas = [...new Set(values.map((v) => v.beta))];
  const dash = {
    field: 'beta',
    type: 'nominal',
    title: null,
    scale: {
      domain: betas,
      range: [
        [1, 0],
        [8, 3, 2, 3],
        [6, 4],
      ],
    },
  } as const;
  const panel = (field: 'Cl1' | 'W', title: string, label: string) => ({
    title,
    width: 300,
    height: 220,
    mark: { type: 'line', color: 'black' },
    encoding: {
      x: { field: 'c', type: 'quantitative', title: 'c', scale: { domain: [0, 1] } },
      y: { field, type: 'quantitative', title: label },
      strokeDash: dash,
    },
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { values },
    hconcat: [panel('Cl1', '(a)', 'C_l1'), panel('W', '(b)', 'W/ω')],
  } as TopLevelSpec;
}

/** C_l1 (blue circles) and W/ω (orange squares) against N, ground initial states. */
export function groundStateSpec(rows: readonly GroundStateRow[], omega: number, beta: number): TopLevelSpec {
  const values = rows.flatMap((r) => [
    { N: r.N, quantity: 'C_l1', value: r.Cl1 },
    { N: r.N, quantity: 'W/ω', value: r.W / omega },
  ]);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `Ground initial states, β = ${beta}`,
    width: 360,
    height: 260,
    data: { values },
    mark: { type: 'point', filled: true, size: 70 },
    encoding: {
      x: { field: 'N', type: 'quantitative', title: 'N', axis: { tickMinStep: 1 }, scale: { domain: nAxisDomain(rows.map((r) => r.N)), nice: false } },
      y: { field: 'value', type: 'quantitative', title: 'C_l1, W/ω' },
      color: QUANTITY,
      shape: { field: 'quantity', type: 'nominal', title: null, scale: { domain: ['C_l1', 'W/ω'], range: ['circle', 'square'] } },
    },
  } as TopLevelSpec;
}

/** Random initial states: mean ± standard deviation of C_l1 and W/ω against N. */
export function randomStateStatisticsSpec(rows: readonly RandomStateRow[], omega: number, title: string): TopLevelSpec {
  const values = rows.flatMap((r) => [
    { N: r.N, quantity: 'C_l1', mean: r.Cl1.mean, lo: r.Cl1.mean - r.Cl1.std, hi: r.Cl1.mean + r.Cl1.std },
    { N: r.N, quantity: 'W/ω', mean: r.W.mean / omega, lo: (r.W.mean - r.W.std) / omega, hi: (r.W.mean + r.W.std) / omega },
  ]);
  const x = {
    field: 'N',
    type: 'quantitative',
    title: 'N',
    axis: { tickMinStep: 1 },
    scale: { domain: nAxisDomain(rows.map((r) => r.N)), nice: false },
  } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: 360,
    height: 260,
    data: { values },
    layer: [
      {
        mark: { type: 'rule' },
        encoding: { x, y: { field: 'lo', type: 'quantitative', title: 'mean C_l1, W/ω (± std)' }, y2: { field: 'hi' }, color: QUANTITY },
      },
      {
        mark: { type: 'point', filled: true, size: 70 },
        encoding: {
          x,
          y: { field: 'mean', type: 'quantitative' },
          color: QUANTITY,
          shape: { field: 'quantity', type: 'nominal', title: null, scale: { domain: ['C_l1', 'W/ω'], range: ['circle', 'square'] } },
        },
      },
    ],
  } as TopLevelSpec;
}

/** Random initial states: W/ω against C_l1 for the (drawing-only) subsample, coloured by N. */
export function randomStateScatterSpec(points: readonly { N: number; Cl1: number; W: number }[], omega: number, title: string): TopLevelSpec {
  const Ns = [...new Set(points.map((p) => p.N))].sort((a, b) => a - b);
  const palette = ['#1f77b4', '#8c564b', '#d62728', '#7f7f7f', '#e377c2', '#2ca02c', '#17becf', '#bcbd22', '#9467bd', '#ff7f0e', '#000000'];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: 400,
    height: 280,
    data: { values: points.map((p) => ({ N: p.N, Cl1: p.Cl1, W: p.W / omega })) },
    mark: { type: 'circle', size: 6, opacity: 0.5 },
    encoding: {
      x: { field: 'Cl1', type: 'quantitative', title: 'C_l1', scale: { padding: 8, nice: false } },
      y: { field: 'W', type: 'quantitative', title: 'W/ω', scale: { padding: 8, nice: false } },
      color: { field: 'N', type: 'ordinal', title: 'N', scale: { domain: Ns, range: palette.slice(0, Ns.length) } },
    },
  } as TopLevelSpec;
}
