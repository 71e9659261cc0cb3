/**
 * The robustness study of docs/robustness.md (issue §4): W(t), C_l1(t) for N = 2 and several μ, the
 * ergotropy lifetime τ_θ and the slowest relaxation rate κ versus 1 − μ, n̄ and N, power-law fits,
 * and a 50-digit cross-check. Importable (`robustnessStudy`, `writeRobustnessData`); run directly with
 *
 *   npx tsx scripts/robustness-study.ts [outDir=docs/data] [--quick]
 *
 * All runs: ω = γ0 = 1, f = 0, float64, time scale 'normalised' (time in units of 1/(γ0(n̄+1)), so
 * β = 0 is allowed; a physical time is t_norm/(n̄+1)). The full run's cost is dominated by the N = 4
 * lifetimes at 1 − μ = 1e-3.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { float64 } from '../src/numeric/float64.js';
import { decimalField } from '../src/numeric/decimal.js';
import type { AnalyticField } from '../src/numeric/field.js';
import { zeros, type CMatrix } from '../src/numeric/matrix.js';
import { partiallyCollective, type LindbladModel } from '../src/physics/lindblad.js';
import { h0 } from '../src/physics/qubits.js';
import { ergotropyLifetime } from '../src/physics/ergotropy-lifetime.js';
import { fitInverseAffine, fitPowerLaw, type PowerLawFit } from '../src/numeric/least-squares.js';
import { relaxationSpectrum, twoQubitAdiabaticLifetime, twoQubitSlowRate } from '../src/physics/relaxation.js';
import { trajectory } from '../src/physics/trajectory.js';

const F = float64;

/** Initial states used by the study. */
export type InitialState = 'ground' | 'singlet-heavy';

/** c of the singlet-heavy state (1 − c)|ψ−⟩⟨ψ−| + c|00⟩⟨00| (c < 1/2: Eq. (10)'s first branch). */
export const SINGLET_HEAVY_C = 0.2;

/** The all-ground state (Sec. IV B 1), or for N = 2 the singlet-heavy state, in field G. */
export function initialState<T>(G: AnalyticField<T>, N: number, state: InitialState): CMatrix<T> {
  const d = 2 ** N;
  const rho = zeros(G, d);
  if (state === 'ground') {
    rho.re[d * d - 1] = G.one;
    return rho;
  }
  if (N !== 2) throw new RangeError(`initialState: the singlet-heavy state is defined for N = 2 only`);
  const c = G.fromString(String(SINGLET_HEAVY_C));
  const h = G.scale2(G.sub(G.one, c), -1);
  // |ψ−⟩ = (|01⟩ − |10⟩)/√2: basis indices 2 and 1
  rho.re[5] = h;
  rho.re[10] = h;
  rho.re[6] = G.neg(h);
  rho.re[9] = G.neg(h);
  rho.re[15] = c;
  return rho;
}

/** The model of the study: partiallyCollective with ω = γ0 = 1, f = 0, normalised time. */
export function studyModel(N: number, beta: number, oneMinusMu: number): LindbladModel<number> {
  return partiallyCollective(F, N, { omega: 1, beta, gamma0: 1, mu: 1 - oneMinusMu, timeScale: 'normalised' });
}

const nbarOf = (beta: number): number => (beta === 0 ? Infinity : 1 / Math.expm1(beta));

/** Eq. (16): W of the collective steady state reached from the all-ground state (ω = 1); r → 1 limit N(N−1)/(2(N+1)). */
export function eq16(N: number, beta: number): number {
  if (beta === 0) return (N * (N - 1)) / (2 * (N + 1));
  const r = Math.exp(-beta);
  return N + (N + r) / (r ** (N + 1) - 1) + r / (1 - r);
}

export interface TrajectoryRow {
  state: InitialState;
  mu: number;
  t: number;
  ergotropy: number;
  errorBound: number;
  l1: number;
  energy: number;
}

export interface LifetimeRow {
  scan: 'mu' | 'nbar' | 'N';
  N: number;
  state: InitialState;
  beta: number;
  nbar: number;
  oneMinusMu: number;
  /** τ_θ, θ = 1/e, in normalised time. */
  lifetime: number;
  /** τ_θ/(n̄+1): physical time (γ0 = 1); 0 at β = 0. */
  lifetimePhysical: number;
  peakErgotropy: number;
  peakTime: number;
  /** W of the collective (μ = 1) steady state: Eq. (16) for the ground state, Eq. (7) for N = 2. */
  plateau: number;
  /** Slowest rate of the symmetric sector (normalised time). */
  kappa: number;
  kappaTimesLifetime: number;
  /** N = 2 only: the two-time-scale prediction and measured/predicted. */
  predictedLifetime: number | null;
  ratio: number | null;
  seconds: number;
}

export interface RateRow {
  N: number;
  beta: number;
  nbar: number;
  /** Slow rates of the symmetric sector divided by (1 − μ), at 1 − μ = 1e-7 (first-order coefficients). */
  slowRatesPerOneMinusMu: number[];
  /** N = 2: (e + a)³/(e² + ea + a²) with e = 1, a = r (normalised time). */
  analytic: number | null;
}

export interface FitRow {
  series: string;
  points: number;
  oneMinusMu: number[];
  /** y ≈ A·(1 − μ)^p. */
  fit: PowerLawFit;
  /** Lifetimes only: y ≈ a/(1 − μ) + b (least squares), the leading law plus the build-up offset. */
  affine: { a: number; b: number } | null;
}

export interface RobustnessStudy {
  meta: Record<string, unknown>;
  trajectories: TrajectoryRow[];
  lifetimes: LifetimeRow[];
  rates: RateRow[];
  fits: FitRow[];
  crossCheck: Record<string, number>;
}

export interface StudyOptions {
  /** Fewer and larger 1 − μ, no N = 4: a short run for smoke tests. */
  readonly quick?: boolean;
  readonly log?: (line: string) => void;
}

/** Run the study (see the file header); returns plain data, writes nothing. */
export function robustnessStudy(options: StudyOptions = {}): RobustnessStudy {
  const log = options.log ?? (() => {});
  const quick = options.quick ?? false;
  const started = Date.now();

  // (a) W(t), C_l1(t) for N = 2 at β = 1, several μ.
  const trajBeta = 1;
  const mus = quick ? [0, 0.9, 1] : [0, 0.5, 0.9, 0.99, 0.999, 1];
  const tMax = quick ? 200 : 3000;
  const times = [0, ...Array.from({ length: quick ? 60 : 151 }, (_, k) => 1e-2 * (tMax / 1e-2) ** (k / (quick ? 59 : 150)))];
  const trajectories: TrajectoryRow[] = [];
  for (const state of ['ground', 'singlet-heavy'] as const)
    for (const mu of mus) {
      const m = partiallyCollective(F, 2, { omega: 1, beta: trajBeta, gamma0: 1, mu, timeScale: 'normalised' });
      const pts = trajectory(F, m, initialState(F, 2, state), times, h0(F, 2, 1));
      for (const p of pts) trajectories.push({ state, mu, t: p.t, ergotropy: p.ergotropy, errorBound: p.errorBound, l1: p.l1, energy: p.energy });
      log(`trajectory ${state} μ = ${mu}: W(${tMax}) = ${pts[pts.length - 1].ergotropy.toExponential(3)}`);
    }

  // (b) lifetimes, cached by parameters.
  const cache = new Map<string, Omit<LifetimeRow, 'scan'>>();
  const measure = (N: number, state: InitialState, beta: number, oneMinusMu: number): Omit<LifetimeRow, 'scan'> => {
    const key = `${N}|${state}|${beta}|${oneMinusMu}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const t0 = Date.now();
    const m = studyModel(N, beta, oneMinusMu);
    const res = ergotropyLifetime(F, m, initialState(F, N, state));
    const kappa = relaxationSpectrum(m, 'symmetric').slowestRate;
    const nbar = nbarOf(beta);
    let predictedLifetime: number | null = null;
    let plateau = state === 'ground' ? eq16(N, beta) : NaN;
    if (N === 2) {
      const pred = twoQubitAdiabaticLifetime(m, state === 'ground' ? 1 : SINGLET_HEAVY_C);
      predictedLifetime = pred.lifetime;
      plateau = pred.plateau;
    }
    const row = {
      N,
      state,
      beta,
      nbar,
      oneMinusMu,
      lifetime: res.lifetime,
      lifetimePhysical: beta === 0 ? 0 : res.lifetime / (nbar + 1),
      peakErgotropy: res.peak.ergotropy,
      peakTime: res.peak.t,
      plateau,
      kappa,
      kappaTimesLifetime: kappa * res.lifetime,
      predictedLifetime,
      ratio: predictedLifetime === null ? null : res.lifetime / predictedLifetime,
      seconds: (Date.now() - t0) / 1000,
    };
    cache.set(key, row);
    log(
      `lifetime N = ${N} ${state} β = ${beta} 1−μ = ${oneMinusMu}: τ = ${row.lifetime.toPrecision(6)}, κτ = ${row.kappaTimesLifetime.toFixed(4)}${row.ratio === null ? '' : `, τ/τ_pred = ${row.ratio.toFixed(4)}`} (${row.seconds} s)`,
    );
    return row;
  };

  const gaps = quick ? [1e-1, 3e-2, 1e-2] : [1e-1, 3e-2, 1e-2, 3e-3, 1e-3];
  const lifetimes: LifetimeRow[] = [];
  const fits: FitRow[] = [];
  const muSeries: [number, InitialState, number][] = quick
    ? [
        [2, 'ground', 1],
        [2, 'ground', 0],
        [3, 'ground', 1],
      ]
    : [
        [2, 'ground', 1],
        [2, 'ground', 0],
        [2, 'singlet-heavy', 1],
        [2, 'singlet-heavy', 0],
        [3, 'ground', 1],
        [4, 'ground', 1],
      ];
  for (const [N, state, beta] of muSeries) {
    const rows = gaps.map((g) => ({ scan: 'mu' as const, ...measure(N, state, beta, g) }));
    lifetimes.push(...rows);
    const name = `tau(N=${N}, ${state}, beta=${beta})`;
    const taus = rows.map((r) => r.lifetime);
    const kappas = rows.map((r) => r.kappa);
    fits.push({ series: `${name}, all`, points: rows.length, oneMinusMu: gaps, fit: fitPowerLaw(gaps, taus), affine: fitInverseAffine(gaps, taus) });
    fits.push({
      series: `${name}, last 3`,
      points: 3,
      oneMinusMu: gaps.slice(-3),
      fit: fitPowerLaw(gaps.slice(-3), taus.slice(-3)),
      affine: fitInverseAffine(gaps.slice(-3), taus.slice(-3)),
    });
    fits.push({ series: `kappa(N=${N}, ${state}, beta=${beta}), all`, points: rows.length, oneMinusMu: gaps, fit: fitPowerLaw(gaps, kappas), affine: null });
  }

  const gapNbar = quick ? 1e-2 : 1e-3;
  const betas = quick ? [0, 1, 2] : [0, 0.1, 0.25, 0.5, 1, 1.5, 2, 3];
  for (const state of ['ground', 'singlet-heavy'] as const) for (const beta of betas) lifetimes.push({ scan: 'nbar', ...measure(2, state, beta, gapNbar) });

  const Ns = quick ? [2, 3] : [2, 3, 4];
  for (const beta of [0, 1]) for (const g of quick ? [1e-2] : [1e-2, 1e-3]) for (const N of Ns) lifetimes.push({ scan: 'N', ...measure(N, 'ground', beta, g) });

  // First-order coefficients of the slow rates.
  const rates: RateRow[] = [];
  for (const beta of [0, 0.5, 1, 2, 3])
    for (const N of [2, 3, 4, 5]) {
      const eps = 1e-7;
      const m = studyModel(N, beta, eps);
      const s = relaxationSpectrum(m, 'symmetric');
      const slow = s.eigenvalues.filter((z) => z.re < -s.zeroTolerance && z.re > -1e3 * eps).map((z) => -z.re / eps);
      const r = Math.exp(-beta);
      rates.push({ N, beta, nbar: nbarOf(beta), slowRatesPerOneMinusMu: slow, analytic: N === 2 ? (1 + r) ** 3 / (1 + r + r * r) : null });
    }

  // 50-digit cross-check of one point: trajectory and lifetime, N = 2, μ = 0.9, β = 1.
  const D = decimalField(50);
  const mD = partiallyCollective(D, 2, { omega: D.one, beta: D.one, gamma0: D.one, mu: D.fromString('0.9'), timeScale: 'normalised' });
  const mF = studyModel(2, 1, 0.1);
  const ts = [0.5, 2, 10];
  const trD = trajectory(D, mD, initialState(D, 2, 'ground'), ts, h0(D, 2, D.one));
  const trF = trajectory(F, mF, initialState(F, 2, 'ground'), ts, h0(F, 2, 1));
  const maxTrajDiff = Math.max(...ts.map((_, k) => Math.abs(D.toNumber(trD[k].ergotropy) - trF[k].ergotropy)));
  // Bisect to 1e-13 so that the comparison resolves the fields' differences, not the tolerance.
  const ltD = ergotropyLifetime(D, mD, initialState(D, 2, 'ground'), { relativeTolerance: 1e-13 });
  const ltF = ergotropyLifetime(F, mF, initialState(F, 2, 'ground'), { relativeTolerance: 1e-13 });
  const crossCheck = {
    trajectoryMaxAbsDiffW: maxTrajDiff,
    lifetimeDecimal50: ltD.lifetime,
    lifetimeFloat64: ltF.lifetime,
    lifetimeRelDiff: Math.abs(ltD.lifetime - ltF.lifetime) / ltD.lifetime,
    peakDecimal50: D.toNumber(ltD.peak.ergotropy),
    peakFloat64: ltF.peak.ergotropy,
    kappaAnalyticCubic: twoQubitSlowRate(mF).slowest,
    kappaSpectrum: relaxationSpectrum(mF, 'symmetric').slowestRate,
  };
  log(`50-digit cross-check: ${JSON.stringify(crossCheck)}`);

  return {
    meta: {
      description: 'Robustness of the stored ergotropy under partially collective coupling γ_ij = γ0(δ_ij + μ(1−δ_ij)) (docs/robustness.md)',
      omega: 1,
      gamma0: 1,
      f: 0,
      field: 'float64',
      timeScale: 'normalised (time in units of 1/(γ0(n̄+1)); physical time = t/(n̄+1))',
      threshold: '1/e',
      lifetimeDefinition: 'τ = sup{t ≥ 0 : W(t) ≥ W_ref/e}, W_ref = max_t W(t)',
      kappaDefinition: "slowest decay rate of L on the 'symmetric' sector (permutation-invariant, excitation-diagonal operators)",
      singletHeavyState: `(1 − c)|ψ−⟩⟨ψ−| + c|00⟩⟨00|, c = ${SINGLET_HEAVY_C}`,
      trajectoryBeta: trajBeta,
      quick,
      generatedBy: 'scripts/robustness-study.ts',
      seconds: (Date.now() - started) / 1000,
    },
    trajectories,
    lifetimes,
    rates,
    fits,
    crossCheck,
  };
}

/** CSV with a header row; numbers printed with full float64 precision, null/NaN as empty. */
export function toCsv(rows: readonly Record<string, unknown>[]): string {
  if (rows.length === 0) return '';
  const cols = Object.keys(rows[0]);
  const cell = (v: unknown): string => {
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) return '';
    if (Array.isArray(v)) return `"${v.join(' ')}"`;
    const s = String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}

/** A trajectory row with every number rounded to 12 significant digits (plot data; keeps the files small). */
function round12(row: TrajectoryRow): TrajectoryRow {
  const r = (x: number) => Number(x.toPrecision(12));
  return { ...row, t: r(row.t), ergotropy: r(row.ergotropy), errorBound: r(row.errorBound), l1: r(row.l1), energy: r(row.energy) };
}

/** Trajectory rows grouped by (state, μ) into columns: one object per curve. */
function trajectorySeries(rows: readonly TrajectoryRow[]): Record<string, unknown>[] {
  const groups = new Map<string, TrajectoryRow[]>();
  for (const row of rows.map(round12)) {
    const key = `${row.state}|${row.mu}`;
    const g = groups.get(key);
    if (g) g.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()].map((g) => ({
    state: g[0].state,
    mu: g[0].mu,
    t: g.map((x) => x.t),
    ergotropy: g.map((x) => x.ergotropy),
    errorBound: g.map((x) => x.errorBound),
    l1: g.map((x) => x.l1),
    energy: g.map((x) => x.energy),
  }));
}

/** Write docs/data/robustness-*.csv|json; returns the paths written. */
export function writeRobustnessData(study: RobustnessStudy, outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  // ±Infinity (n̄ at β = 0) as a string, NaN as null: JSON has neither.
  const json = (x: unknown, indent = 1) =>
    JSON.stringify(x, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? (Number.isNaN(v) ? null : String(v)) : v), indent) + '\n';
  const files: [string, string][] = [
    ['robustness-trajectories.csv', toCsv(study.trajectories.map(round12) as unknown as Record<string, unknown>[])],
    ['robustness-trajectories.json', json({ meta: study.meta, series: trajectorySeries(study.trajectories) }, 0)],
    ['robustness-lifetimes.csv', toCsv(study.lifetimes as unknown as Record<string, unknown>[])],
    ['robustness-lifetimes.json', json({ meta: study.meta, rows: study.lifetimes })],
    ['robustness-rates.csv', toCsv(study.rates as unknown as Record<string, unknown>[])],
    ['robustness-rates.json', json({ meta: study.meta, rows: study.rates })],
    ['robustness-summary.json', json({ meta: study.meta, fits: study.fits, crossCheck: study.crossCheck })],
  ];
  return files.map(([name, text]) => {
    const path = join(outDir, name);
    writeFileSync(path, text);
    return path;
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const outDir = args.find((a) => !a.startsWith('--')) ?? 'docs/data';
  const study = robustnessStudy({ quick, log: (l) => console.log(l) });
  for (const p of writeRobustnessData(study, outDir)) console.log(`wrote ${p}`);
  for (const f of study.fits) {
    console.log(
      `${f.series}: exponent ${f.fit.exponent.toFixed(4)} ± ${f.fit.exponentStdError.toFixed(4)}, prefactor ${f.fit.prefactor.toPrecision(4)}${f.affine ? `; affine ${f.affine.a.toPrecision(4)}/(1−μ) + ${f.affine.b.toPrecision(4)}` : ''}`,
    );
  }
}
