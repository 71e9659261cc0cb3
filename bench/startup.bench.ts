/**
 * Start-up of the command line, whole processes: `--version`, `--help` and a numeric command's
 * help against a bare `node -e ""` (target: within 2×), and a small numeric command from start to
 * finish. The module graph itself (no vega, katex or CAS for these) is asserted in
 * test/cli/startup.test.ts; this measures the time.
 */
import { processMs, ergocheckMs } from './processes.js';
import type { BenchRow } from './harness.js';

export function benchStartup(quick = false): BenchRow[] {
  const runs = quick ? 5 : 15;
  const bare = processMs(process.execPath, ['-e', ''], runs);
  const rows: BenchRow[] = [{ name: 'node -e "" (bare start, the yardstick)', medianMs: bare, runs }];
  const cases: [string, string[]][] = [
    ['ergocheck --version', ['--version']],
    ['ergocheck --help', ['--help']],
    ['ergocheck ergotropy --help', ['ergotropy', '--help']],
    ['ergocheck steady-state --help', ['steady-state', '--help']],
    ['ergocheck coherence --rho examples/eq7-c-79-272.json', ['coherence', '--rho', 'examples/eq7-c-79-272.json']],
  ];
  for (const [name, args] of cases) {
    const ms = ergocheckMs(args, runs);
    rows.push({ name, medianMs: ms, runs, reference: `×${(ms / bare).toFixed(2)} the bare start (target ≤ ×2 for --version/--help)` });
  }
  return rows;
}
