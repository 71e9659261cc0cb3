import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../../src/errors.js';
import { decimalField } from '../../src/numeric/decimal.js';
import { parseRational, rational, rationalToString, rcmp, type Rational } from '../../src/numeric/rational.js';
import { evaluate, parse } from '../../src/symbolic/expr.js';
import { padd, pconst, pdiscriminant, pequals, pevalPartial, pmul, ppow, psub, ptoString, pvar, type Poly } from '../../src/symbolic/poly.js';
import { fromAst, type RatFunc } from '../../src/symbolic/ratfunc.js';
import {
  compareReal,
  compareWithRational,
  countRoots,
  interval,
  isolateRoots,
  isRootOf,
  parseInterval,
  rationalToDecimal,
  refineRoot,
  rootDecimal,
  rootsAt,
  simplestRational,
  solveSign,
  signSolutionToString,
  solveSignRatFunc,
  sturmSequence,
  type Piece,
  type RealAlgebraic,
} from '../../src/symbolic/sturm.js';
import { pgcdUnivariate, zfromPoly, zsignAt, ztoString, type ZPoly } from '../../src/symbolic/upoly.js';

const y = pvar('y');
const q = (s: string): Rational => parseRational(s);
const lin = (r: string): Poly => psub(y, pconst(q(r)));
/** (y − 1/3)(y − 1/2)(y − 2). */
const CUBIC = pmul(pmul(lin('1/3'), lin('1/2')), lin('2'));
const P = (src: string): Poly => {
  const r = fromAst(src, { boltzmann: false });
  if (!r.ok) throw new Error(r.message);
  return r.value.num;
};
const show = (r: RealAlgebraic): string => (r.kind === 'rational' ? rationalToString(r.value) : `alg(${rationalToString(r.lo)}, ${rationalToString(r.hi)})`);

describe('sturm: what it refuses', () => {
  it.each<[string, () => unknown, RegExp]>([
    ['the zero polynomial in countRoots', () => countRoots([], interval(0, 1)), /zero polynomial vanishes everywhere/],
    ['the zero polynomial in isolateRoots', () => isolateRoots([], interval(0, 1)), /zero polynomial/],
    ['a multivariate polynomial', () => isolateRoots(P('c*y^2 - 1'), interval(0, 1), 'y'), /polynomial in y only, but it also contains c/],
    ['a polynomial with two variables and no name', () => countRoots(P('c*y - 1'), interval(0, 1)), /univariate polynomial, got one in c, y/],
    ['an empty interval', () => interval(2, 1), /empty interval \(2, 1\)/],
    ['a degenerate open interval', () => interval(1, 1, '(]'), /empty interval/],
    ['a closed infinite end', () => interval(null, 1, '[]'), /infinite end must be open/],
    ['a malformed interval', () => parseInterval('0, 1'), /not an interval/],
    ['an infinity on the wrong side', () => parseInterval('(inf, 2)'), /on the wrong side/],
    ['solveSign with a parameter left in', () => solveSign(P('c*y - 1'), 'y', interval(0, 1)), /also contains c/],
  ])('refuses %s', (_what, f, message) => {
    expect(f).toThrow(InputError);
    expect(f).toThrow(message);
  });
  // arguments that only code passes: a caller's programming error, not bad input
  it.each<[string, () => unknown, RegExp]>([
    ['a non-positive refinement width', () => refineRoot({ kind: 'rational', value: q('1') }, q('0')), /^refineRoot: width must be positive$/],
    ['a negative number of digits', () => rootDecimal({ kind: 'rational', value: q('1') }, -1), /^rootDecimal: fractionDigits must be a non-negative integer$/],
    ['an empty interval in simplestRational', () => simplestRational(q('1'), q('0')), /^simplestRational: empty interval$/],
  ])('refuses %s with RangeError', (_what, f, message) => {
    expect(f).toThrow(RangeError);
    expect(f).toThrow(message);
  });
});

describe('countRoots: known polynomials, ends handled exactly', () => {
  it.each<[string, Poly, string, number]>([
    ['(y−1/3)(y−1/2)(y−2)', CUBIC, '(0, 1]', 2],
    ['(y−1/3)(y−1/2)(y−2)', CUBIC, '(0, 2)', 2],
    ['(y−1/3)(y−1/2)(y−2)', CUBIC, '(0, 2]', 3],
    ['(y−1/3)(y−1/2)(y−2)', CUBIC, '[1/3, 1/2]', 2],
    ['(y−1/3)(y−1/2)(y−2)', CUBIC, '(1/3, 1/2)', 0],
    ['(y−1/3)(y−1/2)(y−2)', CUBIC, '(1/3, 1/2]', 1],
    ['(y−1/3)(y−1/2)(y−2)', CUBIC, '[1/3, 1/2)', 1],
    ['(y−1/3)(y−1/2)(y−2)', CUBIC, '[1/2, 1/2]', 1],
    ['(y−1/3)(y−1/2)(y−2)', CUBIC, '(-inf, inf)', 3],
    ['(y−1)³(y+1)² (multiple roots)', pmul(ppow(lin('1'), 3), ppow(lin('-1'), 2)), '(-inf, inf)', 2],
    ['(y−1)³(y+1)² (multiple roots)', pmul(ppow(lin('1'), 3), ppow(lin('-1'), 2)), '[-1, 1)', 1],
    ['y² + 1 (no real root)', P('y^2 + 1'), '(-inf, inf)', 0],
    ['y² − 2', P('y^2 - 2'), '(0, inf)', 1],
    ['y² − 2', P('y^2 - 2'), '[-1.414, 1.415]', 1],
    ['the constant 5', pconst(5), '(-inf, inf)', 0],
    ['y^7 (a root of multiplicity 7 at an end)', ppow(y, 7), '[0, 1]', 1],
    ['y^7', ppow(y, 7), '(0, 1]', 0],
  ])('%s on %s', (_name, p, I, n) => {
    expect(countRoots(p, parseInterval(I), 'y')).toBe(n);
  });
  it('the Sturm sequence of y² − 2 is y² − 2, 2y, 2 (up to positive factors)', () => {
    expect(sturmSequence(zfromPoly(P('y^2 - 2'), 'y')).map((s) => ztoString(s, 'y'))).toEqual(['y^2 - 2', '2*y', '1']);
  });
});

describe('isolateRoots, refinement and decimal output', () => {
  it('isolates (y−1/3)(y−1/2)(y−2) on (0, 1] and recognises the rational roots exactly', () => {
    expect(isolateRoots(CUBIC, parseInterval('(0, 1]'), 'y').map(show)).toEqual(['1/3', '1/2']);
    expect(isolateRoots(CUBIC, parseInterval('(-inf, inf)'), 'y').map(show)).toEqual(['1/3', '1/2', '2']);
  });
  it('isolates irrational roots in disjoint intervals with a sign change', () => {
    const p = P('(y^2 - 2)*(y^2 - 3)*(5*y - 1)');
    const roots = isolateRoots(p, parseInterval('(-inf, inf)'), 'y');
    expect(roots.map(show)).toHaveLength(5);
    expect(roots.filter((r) => r.kind === 'rational').map(show)).toEqual(['1/5']);
    for (let k = 0; k + 1 < roots.length; k++) expect(compareReal(roots[k], roots[k + 1])).toBe(-1);
  });
  it('√2 to 60 decimals with a rigorous enclosure (checked against an integer square root)', () => {
    const [r] = isolateRoots(P('y^2 - 2'), parseInterval('(0, 2)'), 'y');
    const d = rootDecimal(r, 60);
    let x = 2n * 10n ** 120n;
    let g = x;
    let h = (g + 1n) / 2n;
    while (h < g) [g, h] = [h, (h + x / h) / 2n];
    x = g; // floor(√2 · 10^60)
    const floor = `1.${x.toString().slice(1)}`;
    expect(d.lo).toBe(floor);
    expect(rcmp(d.errorBound, rational(55n, 10n ** 62n))).toBeLessThanOrEqual(0);
    expect(d.approx).toBe('1.414213562373095048801688724209698078569671875376948073176680');
    expect(rcmp(parseRational(d.lo), parseRational(d.hi))).toBe(-1);
  });
  it('refines to any width and compares exactly with rationals', () => {
    const [r] = isolateRoots(P('y^3 - y - 1'), parseInterval('(1, 2)'), 'y'); // plastic number 1.3247…
    const fine = refineRoot(r, rational(1n, 10n ** 40n));
    expect(fine.kind).toBe('algebraic');
    if (fine.kind === 'algebraic')
      expect(rcmp(rational(fine.hi.num * fine.lo.den - fine.lo.num * fine.hi.den, fine.lo.den * fine.hi.den), rational(1n, 10n ** 40n))).toBeLessThanOrEqual(0);
    expect(compareWithRational(r, q('1.3247'))).toBe(1);
    expect(compareWithRational(r, q('1.3248'))).toBe(-1);
    expect(rootDecimal(r, 30).approx).toBe('1.324717957244746025960908854478');
  });
  it('decides equality of algebraic numbers given by different polynomials', () => {
    const [a] = isolateRoots(P('y^2 - 2'), parseInterval('(1, 2)'), 'y');
    const [b] = isolateRoots(P('(y^2 - 2)*(y - 7)'), parseInterval('(0, 3)'), 'y');
    const [c] = isolateRoots(P('y^2 - 3'), parseInterval('(1, 2)'), 'y');
    expect(compareReal(a, b)).toBe(0);
    expect(compareReal(a, c)).toBe(-1);
    expect(isRootOf(a, zfromPoly(P('y^4 - 4'), 'y'))).toBe(true);
    expect(isRootOf(a, zfromPoly(P('y^2 - 3'), 'y'))).toBe(false);
  });
  it.each([
    ['1/3', '1/2', '1/2'],
    ['0.3333', '0.3334', '1/3'],
    ['-0.51', '-0.49', '-1/2'],
    ['-1', '1', '0'],
    ['2', '2', '2'],
    ['3.14159', '3.1416', '355/113'],
  ])('simplest rational in [%s, %s] is %s', (a, b, want) => {
    expect(rationalToString(simplestRational(q(a), q(b)))).toBe(want);
  });
  it.each([
    ['1/3', 5, 'floor', '0.33333'],
    ['1/3', 5, 'ceil', '0.33334'],
    ['-1/3', 3, 'floor', '-0.334'],
    ['-1/3', 3, 'ceil', '-0.333'],
    ['5/2', 0, 'floor', '2'],
    ['1/8', 3, 'ceil', '0.125'],
  ] as const)('rationalToDecimal(%s, %i, %s) = %s', (x, d, mode, want) => {
    expect(rationalToDecimal(q(x), d, mode)).toBe(want);
  });
});

/** Sign of p at q, via the ZPoly. */
const signAt = (p: Poly, x: Rational): number => zsignAt(zfromPoly(p, 'y'), x);
const pointIn = (piece: Piece, x: Rational): boolean => {
  const lo = piece.lo.value;
  const hi = piece.hi.value;
  const c1 = lo === null ? 1 : compareWithRational(lo, x) === -1 ? 1 : compareWithRational(lo, x) === 0 ? (piece.lo.closed ? 1 : 0) : 0;
  const c2 = hi === null ? 1 : compareWithRational(hi, x) === 1 ? 1 : compareWithRational(hi, x) === 0 ? (piece.hi.closed ? 1 : 0) : 0;
  return c1 === 1 && c2 === 1;
};

describe('solveSign: exact sign decomposition', () => {
  it('(y−1/3)(y−1/2)(y−2) on (0, 1]', () => {
    const s = solveSign(CUBIC, 'y', parseInterval('(0, 1]'));
    const fmt = (ps: Piece[]) =>
      ps.map((p) => `${p.lo.closed ? '[' : '('}${p.lo.value ? show(p.lo.value) : '-inf'}, ${p.hi.value ? show(p.hi.value) : 'inf'}${p.hi.closed ? ']' : ')'}`);
    expect(fmt(s.positive)).toEqual(['(1/3, 1/2)']);
    expect(fmt(s.negative)).toEqual(['(0, 1/3)', '(1/2, 1]']);
    expect(s.zeros.map(show)).toEqual(['1/3', '1/2']);
    const t = solveSign(CUBIC, 'y', parseInterval('[1/3, 2]'));
    expect(fmt(t.positive)).toEqual(['(1/3, 1/2)']);
    expect(fmt(t.negative)).toEqual(['(1/2, 2)']);
    expect(t.zeros.map(show)).toEqual(['1/3', '1/2', '2']);
  });
  it('even-multiplicity roots do not change the sign; the zero polynomial is flagged', () => {
    const s = solveSign(pmul(ppow(lin('1/2'), 2), lin('2')), 'y', parseInterval('(0, 3)'));
    expect(s.negative).toHaveLength(2);
    expect(s.positive).toHaveLength(1);
    expect(solveSign(pconst(0), 'y', parseInterval('(0, 1)')).identicallyZero).toBe(true);
  });
  it('agrees with brute-force sign sampling on random polynomials (property)', () => {
    const coef = fc.integer({ min: -9, max: 9 });
    fc.assert(
      fc.property(fc.array(coef, { minLength: 2, maxLength: 7 }), fc.integer({ min: -4, max: 0 }), fc.integer({ min: 1, max: 4 }), (cs, a, b) => {
        const p = cs.reduce<Poly>((s, c, k) => padd(s, pmul(pconst(c), ppow(y, k))), pconst(0));
        const I = interval(a, b, '[]');
        if (pequals(p, pconst(0))) return;
        const sol = solveSign(p, 'y', I);
        // Every grid point lies in exactly one class, and its exact sign matches the class.
        let changes = 0;
        let last = 0;
        for (let k = 0; k <= 200; k++) {
          const x = rational(BigInt(a) * 200n + BigInt(k * (b - a)), 200n);
          const sg = signAt(p, x);
          const inPos = sol.positive.some((pc) => pointIn(pc, x));
          const inNeg = sol.negative.some((pc) => pointIn(pc, x));
          const isZero = sol.zeros.some((r) => compareWithRational(r, x) === 0);
          expect([inPos, inNeg, isZero].filter(Boolean)).toHaveLength(1);
          expect(sg).toBe(inPos ? 1 : inNeg ? -1 : 0);
          if (sg !== 0) {
            if (last !== 0 && sg !== last) changes++;
            last = sg;
          }
        }
        // Sampling can miss roots, never invent them.
        expect(changes).toBeLessThanOrEqual(countRoots(p, I, 'y'));
      }),
      { numRuns: 150 },
    );
  });
  it('counts exactly on polynomials with known roots (property)', () => {
    const root = fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: 1, max: 6 }));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(root, fc.integer({ min: 1, max: 3 })), { maxLength: 5 }),
        fc.boolean(),
        fc.tuple(root, root),
        fc.boolean(),
        fc.boolean(),
        (rs, withSqrt2, [e1, e2], c1, c2) => {
          let p: Poly = withSqrt2 ? P('y^2 - 2') : pconst(3);
          const roots = new Map<string, Rational>();
          for (const [[n, d], m] of rs) {
            const r = rational(BigInt(n), BigInt(d));
            roots.set(rationalToString(r), r);
            p = pmul(p, ppow(psub(pmul(pconst(d), y), pconst(n)), m));
          }
          let lo = rational(BigInt(e1[0]), BigInt(e1[1]));
          let hi = rational(BigInt(e2[0]), BigInt(e2[1]));
          if (rcmp(lo, hi) > 0) [lo, hi] = [hi, lo];
          if (rcmp(lo, hi) === 0) return;
          const I = interval(lo, hi, `${c1 ? '[' : '('}${c2 ? ']' : ')'}` as '()');
          const inside = (x: Rational) => (c1 ? rcmp(x, lo) >= 0 : rcmp(x, lo) > 0) && (c2 ? rcmp(x, hi) <= 0 : rcmp(x, hi) < 0);
          let want = [...roots.values()].filter(inside).length;
          if (withSqrt2) {
            // ±√2 is inside iff the ends bracket it (never equal to a rational end).
            for (const s of [1, -1]) {
              const above = (x: Rational) => (s > 0 ? x.num > 0n && x.num * x.num > 2n * x.den * x.den : x.num >= 0n || x.num * x.num < 2n * x.den * x.den);
              if (!above(lo) && above(hi)) want++;
            }
          }
          expect(countRoots(p, I, 'y')).toBe(want);
          const iso = isolateRoots(p, I, 'y');
          expect(iso).toHaveLength(want);
          expect(iso.filter((r) => r.kind === 'rational')).toHaveLength([...roots.values()].filter(inside).length);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('solveSignRatFunc', () => {
  it('(y − 1/2)/(y − 1/3) on (0, 1): a zero and a pole', () => {
    const r = fromAst('(y - 1/2)/(y - 1/3)');
    if (!r.ok) throw new Error(r.message);
    const s = solveSignRatFunc(r.value, 'y', parseInterval('(0, 1)'));
    expect(s.zeros.map(show)).toEqual(['1/2']);
    expect(s.undefinedAt.map(show)).toEqual(['1/3']);
    expect(s.positive).toHaveLength(2);
    expect(s.negative).toHaveLength(1);
  });
  it('a cancelling zero of the denominator is reported as undefined, not as a zero', () => {
    const f: RatFunc = { num: lin('1/2'), den: pmul(lin('1/2'), lin('1/3')) };
    const s = solveSignRatFunc(f, 'y', parseInterval('(0, 1)'));
    expect(s.zeros).toEqual([]);
    expect(s.undefinedAt.map(show)).toEqual(['1/3', '1/2']);
  });
});

describe('Appendix A, Eq. (A1): 1 − c < c e^(2βω)/(1 + e^(βω) + e^(2βω)) in y = e^(−βω) ∈ (0, 1]', () => {
  // f = RHS − LHS as a rational function of (c, y); its denominator y² + y + 1 is positive.
  const r = fromAst('c*exp(2*beta*omega)/(1 + exp(beta*omega) + exp(2*beta*omega)) - (1 - c)');
  if (!r.ok) throw new Error(r.message);
  const f = r.value;
  it('becomes N(c, y) / (y² + y + 1) with N = (c − 1)y² + (c − 1)y + 2c − 1', () => {
    expect(pequals(f.den, P('y^2 + y + 1'))).toBe(true);
    expect(pequals(f.num, P('(c - 1)*y^2 + (c - 1)*y + 2*c - 1'))).toBe(true);
  });
  it('the discriminant in y is the printed radicand’s numerator −7c² + 10c − 3', () => {
    expect(pequals(pdiscriminant(f.num, 'y'), P('-7*c^2 + 10*c - 3'))).toBe(true);
  });
  // The printed threshold (A1) at ω = 1: β > log X(c), i.e. y < 1/X(c).
  const X = parse('(sqrt((-7*c^2 + 10*c - 3)/(2*c - 1)^2)*(2*c - 1) - c + 1)/(2*(2*c - 1))');
  const D = decimalField(80);
  it.each(['0.55', '3/5', '13/20', '7/10', '0.74'])('c = %s: the exact solution set is (0, y*) with y* = 1/X(c) to 60 digits', (cs) => {
    const c = q(cs);
    const s = solveSignRatFunc({ num: pevalPartial(f.num, { c }), den: f.den }, 'y', parseInterval('(0, 1]'));
    expect(s.positive).toHaveLength(1);
    const piece = s.positive[0];
    expect(piece.lo.value && show(piece.lo.value)).toBe('0');
    const yStar = piece.hi.value!;
    expect(piece.hi.closed).toBe(false);
    expect(s.zeros).toHaveLength(1);
    // Rigorous comparison: the printed value, at 80 digits, lies in the root's 60-digit enclosure (± 1e-70 for its own rounding).
    const printed = D.div(D.one, evaluate(X, { c: D.fromRational(c) }, D));
    const enc = rootDecimal(yStar, 60);
    expect(
      printed.gte(D.fromString(enc.lo).minus('1e-70')) && printed.lte(D.fromString(enc.hi).plus('1e-70')),
      `1/X = ${printed}, root in [${enc.lo}, ${enc.hi}]`,
    ).toBe(true);
  });
  it('c = 3/4: the boundary is exactly y = 1 (X = 1), so the inequality holds on (0, 1)', () => {
    const s = solveSignRatFunc({ num: pevalPartial(f.num, { c: q('3/4') }), den: f.den }, 'y', parseInterval('(0, 1]'));
    expect(s.zeros.map(show)).toEqual(['1']);
    expect(s.positive.map((p) => [p.lo.value && show(p.lo.value), p.hi.value && show(p.hi.value), p.hi.closed])).toEqual([['0', '1', false]]);
  });
  it.each(['0.8', '0.9', '0.99'])('c = %s > 3/4: the inequality holds on all of (0, 1] (β ≥ 0)', (cs) => {
    const s = solveSignRatFunc({ num: pevalPartial(f.num, { c: q(cs) }), den: f.den }, 'y', parseInterval('(0, 1]'));
    expect(s.negative).toEqual([]);
    expect(s.zeros).toEqual([]);
    expect(s.positive).toHaveLength(1);
  });
  it.each(['0.5', '0.4'])('c = %s ≤ 1/2: it holds nowhere', (cs) => {
    const s = solveSignRatFunc({ num: pevalPartial(f.num, { c: q(cs) }), den: f.den }, 'y', parseInterval('(0, 1]'));
    expect(s.positive).toEqual([]);
  });
});

describe('upoly helpers', () => {
  it('zfromPoly clears denominators with a positive factor', () => {
    const z: ZPoly = zfromPoly(P('-1/2*y^2 + 1/3'), 'y');
    expect(ztoString(z, 'y')).toBe('-3*y^2 + 2');
  });
});

describe('roots at parameter values and univariate gcds', () => {
  it('rootsAt substitutes the parameters, then isolates', () => {
    const N = P('(c - 1)*y^2 + (c - 1)*y + 2*c - 1');
    expect(rootsAt(N, 'y', { c: q('3/4') }, parseInterval('(0, 1]')).map(show)).toEqual(['1']);
    expect(() => rootsAt(N, 'y', {}, parseInterval('(0, 1]'))).toThrow(/also contains c/);
  });
  it('pgcdUnivariate is the monic gcd over Q', () => {
    expect(ptoString(pgcdUnivariate(P('(y - 1/2)^2*(y + 3)'), P('(2*y - 1)*(y - 5)'), 'y'))).toBe('y - 1/2');
    expect(ptoString(pgcdUnivariate(P('y^2 + 1'), P('y - 1'), 'y'))).toBe('1');
    expect(ptoString(pgcdUnivariate(pconst(0), pconst(0), 'y'))).toBe('0');
    expect(ptoString(pgcdUnivariate(pconst(0), P('3*y - 6'), 'y'))).toBe('y - 2');
  });
});

describe('solveSign: edge intervals and printing', () => {
  it.each([
    ['[1/4, 1/4]', 'p > 0 on ∅; < 0 on [1/4, 1/4]; = 0 at nowhere'],
    ['[1/3, 1/3]', 'p > 0 on ∅; < 0 on ∅; = 0 at 1/3'],
    ['(1/3, 1/2)', 'p > 0 on (1/3, 1/2); < 0 on ∅; = 0 at nowhere'],
    ['[1/3, 1/2]', 'p > 0 on (1/3, 1/2); < 0 on ∅; = 0 at 1/3, 1/2'],
    ['(-inf, 0)', 'p > 0 on ∅; < 0 on (-inf, 0); = 0 at nowhere'],
    ['(0, inf)', 'p > 0 on (1/3, 1/2) ∪ (2, inf); < 0 on (0, 1/3) ∪ (1/2, 2); = 0 at 1/3, 1/2, 2'],
  ])('(y−1/3)(y−1/2)(y−2) on %s', (I, want) => {
    expect(signSolutionToString(solveSign(CUBIC, 'y', parseInterval(I)))).toBe(want);
  });
  it('irrational ends print as decimals', () => {
    expect(signSolutionToString(solveSign(P('y^2 - 2'), 'y', parseInterval('(0, 2)')), 6, 'y^2 - 2')).toBe(
      'y^2 - 2 > 0 on (≈1.414214, 2); < 0 on (0, ≈1.414214); = 0 at ≈1.414214',
    );
  });
});
