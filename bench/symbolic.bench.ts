/** Benchmarks of the symbolic layer: exact polynomial products, identity decisions, root isolation. */
import { bench, type BenchRow } from './harness.js';
import { Rng } from '../src/random/rng.js';
import { pmul, pmonomial, psum, psize, type Poly } from '../src/symbolic/poly.js';
import { decideIdentity, THERMAL_DEFINITIONS } from '../src/symbolic/ratfunc.js';
import { isolateRoots, interval } from '../src/symbolic/sturm.js';
import { parse } from '../src/symbolic/expr.js';
import { InternalError } from '../src/errors.js';

/** A random polynomial with `terms` distinct monomials in `vars` (exponents < maxExp, coefficients in [−99, 99] \ {0}). */
export function randomPoly(rng: Rng, vars: readonly string[], terms: number, maxExp: number): Poly {
  const seen = new Set<string>();
  const parts: Poly[] = [];
  while (parts.length < terms) {
    const powers: Record<string, number> = {};
    for (const v of vars) powers[v] = rng.int(0, maxExp - 1);
    const key = vars.map((v) => powers[v]).join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    let c = 0;
    while (c === 0) c = rng.int(-99, 99);
    parts.push(pmonomial(c, powers));
  }
  return psum(parts);
}

/**
 * The 1,386-term product of the issue: a 42-term polynomial in (x, y) times a 33-term polynomial
 * in z, so all 42 · 33 = 1,386 term products are distinct monomials of the result.
 */
export function product1386(): { a: Poly; b: Poly } {
  const rng = new Rng('bench:product1386');
  const a = randomPoly(rng.fork('a'), ['x', 'y'], 42, 12);
  const b = randomPoly(rng.fork('b'), ['z'], 33, 40);
  return { a, b };
}

/** Eq. (15) of the paper for fixed N: the sum Σ d_k p_k (p_k − 1) against the closed form. */
export function eq15Sum(N: number): { sum: string; closed: string } {
  const binom = (n: number, k: number): bigint => {
    let r = 1n;
    for (let i = 1; i <= k; i++) r = (r * BigInt(n - i + 1)) / BigInt(i);
    return r;
  };
  const terms: string[] = [];
  for (let k = 0; k <= N; k++) {
    const p = binom(N, k);
    terms.push(`(1 - r)*r^${k}/((1 - r^(N + 1))*${p})*${p}*(${p} - 1)`);
  }
  return { sum: terms.join(' + '), closed: '(r - 1)*(r + 1)^N/(r^(N + 1) - 1) - 1' };
}

export function benchSymbolic(quick = false): BenchRow[] {
  const rows: BenchRow[] = [];
  const { a, b } = product1386();
  const n = psize(pmul(a, b));
  if (n !== 1386) throw new InternalError(`bench: expected 1386 terms, got ${n}`);
  rows.push(
    bench('exact product 42 × 33 terms → 1,386 terms', () => pmul(a, b), quick ? 5 : 21, { reference: 'nerdamer-prime 1.5.0 expand: 44–66 s (issue)' }),
  );
  const rng = new Rng('bench:40x40');
  const p = randomPoly(rng.fork('p'), ['c', 'y', 'w'], 40, 6);
  const q = randomPoly(rng.fork('q'), ['c', 'y', 'w'], 40, 6);
  rows.push(bench('exact product 40 × 40 terms, 3 variables', () => pmul(p, q), quick ? 5 : 21));
  rows.push(
    bench(
      'identity: Eq. (8) after y = e^(-βω)',
      () =>
        decideIdentity(
          'c*(1 + 2*exp(-omega*beta) + exp(-2*omega*beta))/(1 + exp(-omega*beta) + exp(-2*omega*beta)) - 1',
          '-1 + c + c/(1 + 2*cosh(beta*omega))',
        ),
      quick ? 5 : 21,
    ),
  );
  for (const N of quick ? [7] : [7, 20]) {
    const { sum, closed } = eq15Sum(N);
    const defs = { ...THERMAL_DEFINITIONS, N: String(N) };
    const s = parse(sum);
    const c = parse(closed);
    rows.push(bench(`identity: Eq. (15) sum = closed form, N = ${N}`, () => decideIdentity(s, c, { definitions: defs }), quick ? 3 : 9));
  }
  const w = randomPoly(new Rng('bench:sturm'), ['y'], 12, 25);
  rows.push(bench('isolate the real roots of a random degree-24 polynomial on (-inf, inf)', () => isolateRoots(w, interval(null, null), 'y'), quick ? 3 : 9));
  return rows;
}
