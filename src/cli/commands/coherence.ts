/** `ergocheck coherence`: the l1-norm of coherence of a state read from a file (Eq. (3)). */
import { decimalField } from '../../numeric/decimal.js';
import { l1Coherence } from '../../physics/coherence.js';
import { PRECISION, TOLERANCE_HELP, type Io } from '../options.js';
import { command, flag, helpText, parseCommand } from '../option-table.js';
import { RHO, TOLERANCE } from '../state-options.js';
import { statSync } from 'node:fs';
import { readMatrixFile } from '../../io/matrix-json.js';
import { densityFromRational } from '../../physics/density.js';
import { eigh } from '../../numeric/eigh.js';
import { formatDuration } from '../../report/duration.js';

export const COHERENCE = command({
  name: 'coherence',
  options: {
    rho: RHO,
    precision: PRECISION,
    tolerance: TOLERANCE,
    json: flag('one JSON object: {"l1", "precision"}, l1 as a decimal string'),
  },
  about: `The l1-norm of coherence C_l1 = Σ_{i≠j} |ρ_ij| of the paper's Eq. (3), in the computational
(product) basis of the file — the basis the paper's Eq. (15) uses. (H0 is degenerate, so "the
energy eigenbasis" alone does not fix a basis; the library's l1Coherence takes any basis.)`,
  notes: TOLERANCE_HELP,
});

export function coherenceCommand(args: string[], io: Io): number {
  const p = parseCommand(COHERENCE, args);
  if (p.help) {
    io.out(helpText(COHERENCE));
    return 0;
  }
  const { precision, tolerance, rho: path } = p.options;
  const D = decimalField(precision);
  const t0 = performance.now();
  // reading tens of MB of JSON exactly takes a while too: never silence
  const bytes = fileSize(path);
  if (bytes > 10 * 2 ** 20) io.err(`coherence: reading ${path} (${Math.round(bytes / 2 ** 20)} MB); how long the rest takes follows once it is read`);
  const Q = readMatrixFile(path);
  const n = Q.rows;
  // a big state says up front how long it takes: the rest costs a few times the reading, per entry
  const readSeconds = (performance.now() - t0) / 1000;
  const rest = readSeconds * 6 * Math.max(1, precision / 50);
  if (n >= 256 && rest > 5)
    io.err(
      `coherence: ${n}×${n} state read in ${formatDuration(readSeconds)}; checking it and summing C_l1 at ${precision} digits takes about ${formatDuration(rest)} more`,
    );
  const beforeEigen = (m: number): void => {
    if (m < 64) return;
    // the float64 positivity test could not decide: time the eigensolver on a block and scale by n³
    const block = (b: number) => {
      const at = (part: typeof Q.re, k: number) => D.fromRational(part[Math.floor(k / b) * n + (k % b)]);
      return { rows: b, cols: b, re: Array.from({ length: b * b }, (_, k) => at(Q.re, k)), im: Array.from({ length: b * b }, (_, k) => at(Q.im, k)) };
    };
    eigh(D, block(16)); // warm-up, not timed
    const time = (b: number): number => {
      const B = block(b);
      const t = performance.now();
      eigh(D, B);
      return (performance.now() - t) / 1000;
    };
    // the exponent between blocks of b/2 and b (O(n²) conversions dominate small blocks), kept
    // within [2, 3]; b ≤ m/2, so that the estimate costs at most about a sixth of the work itself
    const b = Math.min(64, Math.floor(m / 2));
    const [tHalf, tFull] = [time(Math.floor(b / 2)), time(b)];
    const exponent = Math.min(3, Math.max(2, Math.log2(tFull / tHalf) / Math.log2(b / Math.floor(b / 2))));
    const estimate = tFull * (m / b) ** exponent;
    if (estimate > 5)
      io.err(
        `coherence: positivity needs a certified eigendecomposition of the ${m}×${m} state at ${precision} digits (the float64 test could not decide): about ${formatDuration(estimate)}`,
      );
  };
  const rho = densityFromRational(D, Q, { tolerance, what: `ρ in ${path}`, beforeEigen });
  const l1 = D.toString(l1Coherence(D, rho), precision);
  io.out(
    p.options.json
      ? JSON.stringify({ l1, precision })
      : [
          `l1-norm of coherence  C_l1 = ${l1}`,
          `basis                 computational (product) basis`,
          `precision             ${precision} significant digits`,
        ].join('\n'),
  );
  return 0;
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // readMatrixFile names the problem
  }
}
