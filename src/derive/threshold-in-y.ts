/**
 * A threshold c = t(y) (a rational function of y = e^{−βω}, from an eigenvalue ordering) solved
 * for the temperature: the curve is the zero set of P(c, y) = num(t) − c·den(t), a polynomial in y
 * with coefficients in Q[c]. At a rational c its roots in y ∈ (0, 1] are isolated exactly (Sturm);
 * when P has degree ≤ 2 in y the roots have the closed form y = (−b ± √(b² − 4ac))/(2a) with
 * a, b, c-coefficients in Q[c], and the branch that lies in (0, 1] is identified at a sample c.
 * Then β = −ln(y)/ω.
 */
import { InputError } from '../errors.js';
import type { DecimalField } from '../numeric/decimal.js';
import { rational, rcmp, type Rational } from '../numeric/rational.js';
import { pcoefficients, pdegree, pevalPartial, pmul, psub, ptoString, pvar, type Poly } from '../symbolic/poly.js';
import { rfderivative, rfevalRational, type RatFunc } from '../symbolic/ratfunc.js';
import { interval, isolateRoots, refineRoot, type RealAlgebraic } from '../symbolic/sturm.js';

export interface ThresholdClosedForm {
  /** y = (−b + s·√disc)/(2a) (degree 2) or y = −b/a (degree 1, disc and sign absent). */
  readonly a: Poly;
  readonly b: Poly;
  readonly disc?: Poly;
  /** The sign s of the branch in (0, 1], found at `sampleC`. */
  readonly sign?: 1 | -1;
  readonly sampleC?: Rational;
  readonly text: string;
}

export interface ThresholdInY {
  readonly t: RatFunc;
  /** P(c, y) = num(t) − c·den(t). */
  readonly polynomial: Poly;
  readonly degreeInY: number;
  readonly closedForm?: ThresholdClosedForm;
  /** t at y = 1 (β = 0), exactly. */
  readonly cAtHighTemperature: Rational;
  /** Whether t is monotone on (0, 1) (t′ has no zero there; Sturm): then the curve meets y ∈ (0, 1] for c between t(0⁺) and t(1). */
  readonly monotone: boolean;
  readonly how: string;
}

/** Solve c = t(y) for y (see the module comment); `c` and `y` name the variables. */
export function thresholdInY(t: RatFunc, options: { c?: string; y?: string; sampleC?: Rational } = {}): ThresholdInY {
  const cv = options.c ?? 'c';
  const yv = options.y ?? 'y';
  const extra = [...new Set([...t.num.vars, ...t.den.vars])].filter((v) => v !== yv);
  if (extra.length) throw new InputError(`thresholdInY: the threshold depends on ${extra.join(', ')} (a function of ${yv} alone is expected)`);
  const P = psub(t.num, pmul(pvar(cv), t.den));
  const deg = pdegree(P, yv);
  const co = pcoefficients(P, yv);
  const cAtHighTemperature = rfevalRational(t, { [yv]: rational(1n) });
  const dt = rfderivative(t, yv);
  const monotone = isolateRoots(dt.num, interval(0, 1, '()'), yv).length === 0;
  let closedForm: ThresholdClosedForm | undefined;
  if (deg === 1) {
    closedForm = { a: co[1], b: co[0], text: `${yv} = −(${ptoString(co[0])})/(${ptoString(co[1])})` };
  } else if (deg === 2) {
    const [c0, b, a] = co;
    const disc = psub(pmul(b, b), pmul(pmul(a, c0), { vars: [], terms: new Map([['', { exps: [], coef: { num: 4n, den: 1n } }]]) }));
    const sampleC = options.sampleC ?? cAtHighTemperature;
    const roots = rootsInY({ polynomial: P } as ThresholdInY, sampleC, cv, yv);
    let sign: 1 | -1 | undefined;
    if (roots.length === 1) {
      // which branch equals the isolated root: compare numerically at a narrow enclosure
      const r = refineRoot(roots[0], rational(1n, 10n ** 30n));
      const mid =
        r.kind === 'rational' ? Number(r.value.num) / Number(r.value.den) : (Number(r.lo.num) / Number(r.lo.den) + Number(r.hi.num) / Number(r.hi.den)) / 2;
      const at = (p: Poly): number => {
        const v = pevalPartial(p, { [cv]: sampleC }).terms.get('')?.coef ?? { num: 0n, den: 1n };
        return Number(v.num) / Number(v.den);
      };
      const [A, B, Dd] = [at(a), at(b), at(disc)];
      const plus = (-B + Math.sqrt(Dd)) / (2 * A);
      const minus = (-B - Math.sqrt(Dd)) / (2 * A);
      sign = Math.abs(plus - mid) <= Math.abs(minus - mid) ? 1 : -1;
    }
    closedForm = {
      a,
      b,
      disc,
      ...(sign ? { sign, sampleC } : {}),
      text: `${yv} = (−(${ptoString(b)}) ${sign === -1 ? '−' : '+'} √(${ptoString(disc)}))/(2(${ptoString(a)}))`,
    };
  }
  const how = `P(${cv}, ${yv}) = num(t) − ${cv}·den(t), degree ${deg} in ${yv}; roots at rational ${cv} isolated by Sturm sequences${closedForm ? '; closed form by the quadratic formula, branch identified at a sample point' : ''}; monotonicity of t from the sign of t′ (Sturm)`;
  return { t, polynomial: P, degreeInY: deg, ...(closedForm ? { closedForm } : {}), cAtHighTemperature, monotone, how };
}

/** The roots y ∈ (0, 1] of the threshold curve at c = c0, exactly isolated. */
export function rootsInY(s: Pick<ThresholdInY, 'polynomial'>, c0: Rational, c = 'c', y = 'y'): RealAlgebraic[] {
  const p = pevalPartial(s.polynomial, { [c]: c0 });
  if (p.terms.size === 0) throw new InputError(`rootsInY: at ${c} = ${c0.num}/${c0.den} the curve contains every ${y}`);
  return isolateRoots(p, interval(0, 1, '(]'), y);
}

/** β = −ln(y)/ω for each root y ∈ (0, 1] at c = c0, in D (roots refined to D's precision first). */
export function betaAt(
  D: DecimalField,
  s: Pick<ThresholdInY, 'polynomial'>,
  c0: Rational,
  omega: InstanceType<DecimalField['Decimal']>,
  c = 'c',
  y = 'y',
): InstanceType<DecimalField['Decimal']>[] {
  const width = rational(1n, 10n ** BigInt(D.digits + 5));
  return rootsInY(s, c0, c, y).map((r) => {
    const q = refineRoot(r, width);
    const v = q.kind === 'rational' ? q.value : q.lo;
    const yv = D.div(D.fromString(v.num.toString()), D.fromString(v.den.toString()));
    if (rcmp(v, rational(0n)) <= 0) throw new InputError('betaAt: a root at y = 0 (β = ∞)');
    return D.div(D.neg(D.ln(yv)), omega);
  });
}
