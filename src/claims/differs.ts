/**
 * Where a printed rational function differs from the derived one, decided exactly: the numerator
 * of printed − derived is split into monomial factors, univariate factors (found as the gcd of two
 * specialisations and confirmed by exact division) and a multivariate rest; the zeros of each
 * univariate factor on the variable's domain are isolated with Sturm sequences. The two forms agree
 * exactly on the union of those zero sets (and of the rest's), and differ everywhere else.
 */
import { rationalToString, rcmp, type Rational } from '../numeric/rational.js';
import { pdegree, pdivExact, pevalPartial, pisConstant, pmonomial, ptoString, pterms, type Poly } from '../symbolic/poly.js';
import { pgcdUnivariate } from '../symbolic/upoly.js';
import { rfsub, type RatFunc } from '../symbolic/ratfunc.js';
import { interval, intervalToString, rootDecimal, solveSign, type RealAlgebraic, type RealInterval } from '../symbolic/sturm.js';

export type Domain = Readonly<Record<string, RealInterval>>;

/** The domain of the paper's variables: y = e^{−βω} and r in (0, 1] (β ≥ 0), ω > 0, c ∈ [0, 1]. */
export const PAPER_DOMAIN: Domain = {
  y: interval(0, 1, '(]'),
  r: interval(0, 1, '(]'),
  omega: interval(0, null, '()'),
  c: interval(0, 1, '[]'),
};

export interface ZeroSet {
  /** printed ≡ derived. */
  identical: boolean;
  /** For each variable, the values in its domain where a univariate factor of the difference vanishes. */
  zerosByVariable: Record<string, RealAlgebraic[]>;
  /** Factors in several variables whose zero sets were not resolved (reported as they are). */
  rest: Poly[];
  /** One sentence: where the two differ. */
  text: string;
}

const SEEDS: readonly Rational[] = [
  { num: 37n, den: 101n },
  { num: 59n, den: 113n },
  { num: 3n, den: 7n },
];

/** Split off the univariate factor of p in v, if p has one (gcd of two specialisations, checked by exact division). */
function univariateFactor(p: Poly, v: string): Poly | null {
  const others = p.vars.filter((x) => x !== v);
  if (others.length === 0) return pdegree(p, v) > 0 ? p : null;
  const spec = (k: number) => pevalPartial(p, Object.fromEntries(others.map((x, i) => [x, SEEDS[(i + k) % SEEDS.length]])));
  const g = pgcdUnivariate(spec(0), spec(1), v);
  if (pisConstant(g) || pdegree(g, v) === 0) return null;
  try {
    pdivExact(p, g);
    return g;
  } catch {
    return null;
  }
}

const valueText = (r: RealAlgebraic): string => (r.kind === 'rational' ? rationalToString(r.value) : `≈${rootDecimal(r, 12).approx}`);

/** A zero of y or r as a statement on β: y = 1 ⟺ β = 0, y = y₀ ⟺ βω = ln(1/y₀). */
function zeroText(v: string, r: RealAlgebraic): string {
  if ((v === 'y' || v === 'r') && r.kind === 'rational' && rcmp(r.value, { num: 1n, den: 1n }) === 0) return `${v} = 1 (β = 0)`;
  if (v === 'y' || v === 'r') return `${v} = ${valueText(r)} (βω = ln(1/${v}))`;
  return `${v} = ${valueText(r)}`;
}

/** Where `printed` and `derived` differ on `domain` (variables missing from it range over the reals). */
export function zeroSetOfDifference(printed: RatFunc, derived: RatFunc, domain: Domain = PAPER_DOMAIN): ZeroSet {
  const d = rfsub(printed, derived);
  if (d.num.terms.size === 0) return { identical: true, zerosByVariable: {}, rest: [], text: 'nowhere: identical' };
  let p = d.num;
  const zerosByVariable: Record<string, RealAlgebraic[]> = {};
  const add = (v: string, rs: RealAlgebraic[]) => {
    const list = (zerosByVariable[v] ??= []);
    for (const r of rs) if (!list.some((x) => valueText(x) === valueText(r))) list.push(r);
  };
  const dom = (v: string): RealInterval => domain[v] ?? interval(null, null, '()');
  // monomial factors v^k: zero where v = 0, if 0 is in v's domain
  const terms = pterms(p);
  p.vars.forEach((v, i) => {
    const k = Math.min(...terms.map((t) => t.exps[i]));
    if (k > 0) {
      p = pdivExact(p, pmonomial(1, { [v]: k }));
      add(v, solveSign(pmonomial(1, { [v]: 1 }), v, dom(v)).zeros);
    }
  });
  // univariate factors, until none is left
  for (let progress = true; progress && !pisConstant(p); ) {
    progress = false;
    for (const v of p.vars) {
      const g = univariateFactor(p, v);
      if (!g) continue;
      add(v, solveSign(g, v, dom(v)).zeros);
      p = pdivExact(p, g);
      progress = true;
      break;
    }
  }
  const rest = pisConstant(p) ? [] : [p];
  const at = Object.entries(zerosByVariable)
    .filter(([, rs]) => rs.length > 0)
    .map(([v, rs]) => rs.map((r) => zeroText(v, r)).join(', '));
  const where = Object.keys(domain)
    .filter((v) => d.num.vars.includes(v) || d.den.vars.includes(v))
    .map((v) => `${v} ∈ ${intervalToString(dom(v))}`)
    .join(', ');
  const restText = rest.length ? `; and on the zero set of ${ptoString(rest[0]).slice(0, 200)} (several variables)` : '';
  const text =
    at.length === 0 && rest.length === 0
      ? `everywhere on ${where || 'the domain'}: printed − derived has no zero there (Sturm)`
      : `everywhere on ${where || 'the domain'} except at ${at.join('; ') || 'no isolated value'}${restText}, where printed − derived vanishes (exact factors, roots by Sturm)`;
  return { identical: false, zerosByVariable, rest, text };
}
