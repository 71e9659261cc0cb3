/**
 * `npm run bench`: every benchmark of ergocheck, printed as medians. Speed targets live here,
 * never in unit tests. `npm run bench -- --quick` runs a reduced set.
 */
import { benchNumeric } from './numeric.bench.js';
import { benchSteadyState } from './steady-state.bench.js';
import { benchSymbolic } from './symbolic.bench.js';
import { benchProve } from './prove.bench.js';
import { benchVerify } from './verify.bench.js';
import { benchFigures } from './figures.bench.js';
import { benchStartup } from './startup.bench.js';
import { benchSteadyBlocks } from './steady-blocks.bench.js';
import { formatRows, type BenchRow } from './harness.js';
import { cpus } from 'node:os';

const quick = process.argv.includes('--quick');
const sections: [string, () => BenchRow[] | Promise<BenchRow[]>][] = [
  ['numeric layer', () => benchNumeric(quick)],
  ['50-digit ergotropy, whole process, against mpmath and Arb', async () => (await import('./ergotropy.bench.js')).benchErgotropy(quick)],
  ['collective steady states', () => benchSteadyState(quick)],
  ['symbolic layer', () => benchSymbolic(quick)],
  ['claims (ergocheck prove)', () => benchProve()],
  ['user claims (ergocheck check)', async () => (await import('./check.bench.js')).benchCheck()],
  ['reports (ergocheck verify)', () => benchVerify()],
  ['figures (ergocheck figures)', () => benchFigures(quick)],
  ['start-up (whole processes)', () => benchStartup(quick)],
  ['steady state from the spin blocks, any N ≤ 12; against QuTiP', () => benchSteadyBlocks(quick)],
  ['W/(ωC_l1) search (ergocheck search)', async () => (await import('./search.bench.js')).benchSearch(quick)],
];

console.log(`ergocheck benchmarks — node ${process.version}, ${cpus().length} cores${quick ? ', quick set' : ''}`);
for (const [title, run] of sections) {
  console.log(`\n## ${title}`);
  console.log(formatRows(await run()));
}
