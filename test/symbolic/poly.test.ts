import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError, InternalError } from '../../src/errors.js';
import { decimalField } from '../../src/numeric/decimal.js';
import { rational, rationalToString, type Rational } from '../../src/numeric/rational.js';
import {
  padd,
  pcoefficients,
  pconst,
  pconstantValue,
  pcontent,
  pdegree,
  pderivative,
  pdiscriminant,
  pdivExact,
  pequals,
  pevalField,
  pevalPartial,
  pevalRational,
  pfromCoefficients,
  pisZero,
  pmonomial,
  pmul,
  pneg,
  pone,
  ppow,
  pprimitive,
  presultant,
  pscale,
  psize,
  psub,
  psubstitute,
  ptoString,
  ptotalDegree,
  pvar,
  pzero,
  type Poly,
} from '../../src/symbolic/poly.js';
import { fromAst } from '../../src/symbolic/ratfunc.js';
import { product1386 } from '../../bench/symbolic.bench.js';

/** A polynomial from a formula (through the rational-function layer, which must give den = 1). */
function P(src: string): Poly {
  const r = fromAst(src, { boltzmann: false });
  if (!r.ok) throw new Error(r.message);
  expect(pequals(r.value.den, pone())).toBe(true);
  return r.value.num;
}

const x = pvar('x');
const y = pvar('y');
const z = pvar('z');

describe('poly: what it refuses', () => {
  it.each<[string, () => unknown, new (message: string) => Error, RegExp]>([
    ['an empty variable name', () => pvar(''), RangeError, /non-empty string/],
    ['a negative exponent in ppow', () => ppow(x, -1), RangeError, /non-negative integer/],
    ['a fractional exponent in ppow', () => ppow(x, 1.5), RangeError, /non-negative integer/],
    ['a negative monomial exponent', () => pmonomial(1n, { x: -2 }), RangeError, /exponent of x must be a non-negative integer/],
    ['a non-integer number coefficient', () => pconst(0.5), RangeError, /not a safe integer/],
    // a formula's variable left without a value is the user's omission
    ['evaluation with a missing variable', () => pevalRational(padd(x, y), { x: rational(1n) }), InputError, /no value for y/],
    ['division by zero', () => pdivExact(x, pzero()), RangeError, /zero polynomial/],
    ['a discriminant in a variable of degree 0', () => pdiscriminant(x, 'y'), RangeError, /degree 0 in y/],
  ])('refuses %s', (_what, f, cls, err) => {
    expect(f).toThrow(cls);
    expect(f).toThrow(err);
  });
  it('refuses an inexact division (an internal guarantee broken: InternalError)', () => {
    expect(() => pdivExact(padd(x, pone()), y)).toThrow(InternalError);
  });
  it('uses RangeError for a programming error of the caller (arguments no user input reaches)', () => {
    for (const [f, message] of [
      [() => ppow(x, -1), /^ppow: exponent must be a non-negative integer, got -1$/],
      [() => ppow(x, 0.5), /^ppow: exponent must be a non-negative integer, got 0\.5$/],
      [() => pvar(''), /^pvar: a variable name must be a non-empty string$/],
      [() => pconstantValue(x), /^pconstantValue: x is not a constant$/],
    ] as const) {
      expect(f).toThrow(RangeError);
      expect(f).toThrow(message);
    }
  });
});

describe('poly: canonical form and printing', () => {
  it.each([
    ['0', '0'],
    ['x - x', '0'],
    ['(x + 1)^2', 'x^2 + 2*x + 1'],
    ['(x - y)*(x + y)', 'x^2 - y^2'],
    ['1/2*x + 1/3', '1/2*x + 1/3'],
    ['(x + y + 1)^2 - (x + y)^2', '2*x + 2*y + 1'],
    ['3*c^2*y - y + 1/2', '3*c^2*y - y + 1/2'],
  ])('%s → %s', (src, want) => {
    expect(ptoString(P(src))).toBe(want);
  });
  it('drops variables that cancel out, so equal polynomials have equal forms', () => {
    const p = psub(padd(x, y), y);
    expect(p.vars).toEqual(['x']);
    expect(pequals(p, x)).toBe(true);
  });
  it('degree, total degree, coefficients', () => {
    const p = P('3*x^2*y + x*y^3 - 2*y + 5');
    expect(pdegree(p, 'x')).toBe(2);
    expect(pdegree(p, 'y')).toBe(3);
    expect(pdegree(p, 'w')).toBe(0);
    expect(pdegree(pzero(), 'x')).toBe(-1);
    expect(ptotalDegree(p)).toBe(4);
    expect(pcoefficients(p, 'x').map(ptoString)).toEqual(['-2*y + 5', 'y^3', '3*y']);
    expect(pequals(pfromCoefficients('x', pcoefficients(p, 'x')), p)).toBe(true);
  });
  it('content and primitive part', () => {
    const p = P('-6/5*x^2 + 3/10*x - 9/20');
    expect(rationalToString(pcontent(p))).toBe('-3/20');
    expect(ptoString(pprimitive(p))).toBe('8*x^2 - 2*x + 3');
    expect(rationalToString(pcontent(pzero()))).toBe('0');
  });
  it('substitution, partial and exact evaluation, derivative', () => {
    const p = P('x^2*y + y + 1');
    expect(ptoString(psubstitute(p, 'x', P('z + 1')))).toBe('y*z^2 + 2*y*z + 2*y + 1');
    expect(ptoString(pevalPartial(p, { y: rational(2n, 3n) }))).toBe('2/3*x^2 + 5/3');
    expect(rationalToString(pevalRational(p, { x: rational(1n, 2n), y: rational(4n) }))).toBe('6');
    expect(ptoString(pderivative(p, 'x'))).toBe('2*x*y');
    const D = decimalField(50);
    const v = pevalField(D, p, { x: D.fromString('0.5'), y: D.fromString('4') });
    expect(D.toString(v)).toBe('6');
  });
  it('exact division and the resultant/discriminant', () => {
    const a = P('(x + y)^3*(x - 2*y + 1)');
    expect(pequals(pdivExact(a, P('(x + y)^2')), P('(x + y)*(x - 2*y + 1)'))).toBe(true);
    // Quadratic: b² − 4ac.
    eq(pdiscriminant(P('a*x^2 + b*x + c'), 'x'), P('b^2 - 4*a*c'));
    // Cubic x³ + p x + q: −4p³ − 27q².
    eq(pdiscriminant(P('x^3 + p*x + q'), 'x'), P('-4*p^3 - 27*q^2'));
    // Res(x − a, x − b) = Π(αi − βj) = a − b.
    expect(ptoString(presultant(P('x - a'), P('x - b'), 'x'))).toBe('a - b');
    // Res(x² − 2, x − t) = t² − 2 (up to the sign (−1)^(2·1) = 1).
    expect(ptoString(presultant(P('x^2 - 2'), P('x - t'), 'x'))).toBe('t^2 - 2');
  });
  it('the 1,386-term product of the benchmark has all its terms', () => {
    const { a, b } = product1386();
    expect([psize(a), psize(b)]).toEqual([42, 33]);
    const p = pmul(a, b);
    expect(psize(p)).toBe(1386);
    // Spot check by evaluation at a rational point (an independent route: evaluate, then multiply).
    const at = { x: rational(2n, 3n), y: rational(-5n, 7n), z: rational(11n, 13n) };
    const lhs = pevalRational(p, at);
    const ea = pevalRational(a, at);
    const eb = pevalRational(b, at);
    expect(lhs.num * ea.den * eb.den).toBe(ea.num * eb.num * lhs.den);
  });
});

// Random polynomials with small coefficients in up to 3 variables.
const monoArb = fc.record({
  c: fc.integer({ min: -5, max: 5 }),
  d: fc.integer({ min: 1, max: 3 }),
  x: fc.nat({ max: 3 }),
  y: fc.nat({ max: 3 }),
  z: fc.nat({ max: 2 }),
});
const polyArb: fc.Arbitrary<Poly> = fc
  .array(monoArb, { maxLength: 6 })
  .map((ms) => ms.reduce((s, m) => padd(s, pmonomial(rational(BigInt(m.c), BigInt(m.d)), { x: m.x, y: m.y, z: m.z })), pzero()));
const pointArb = fc.record({
  x: fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 1, max: 9 })),
  y: fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 1, max: 9 })),
  z: fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 1, max: 9 })),
});
const toEnv = (p: { x: [number, number]; y: [number, number]; z: [number, number] }): Record<string, Rational> => ({
  x: rational(BigInt(p.x[0]), BigInt(p.x[1])),
  y: rational(BigInt(p.y[0]), BigInt(p.y[1])),
  z: rational(BigInt(p.z[0]), BigInt(p.z[1])),
});
const eq = (a: Poly, b: Poly) => expect(pequals(a, b), `${ptoString(a)}  ≠  ${ptoString(b)}`).toBe(true);

describe('poly: ring axioms (properties)', () => {
  const runs = { numRuns: 150 };
  it('addition is associative and commutative, with 0 and inverses', () => {
    fc.assert(
      fc.property(polyArb, polyArb, polyArb, (a, b, c) => {
        eq(padd(padd(a, b), c), padd(a, padd(b, c)));
        eq(padd(a, b), padd(b, a));
        eq(padd(a, pzero()), a);
        expect(pisZero(padd(a, pneg(a)))).toBe(true);
      }),
      runs,
    );
  });
  it('multiplication is associative and commutative, with 1', () => {
    fc.assert(
      fc.property(polyArb, polyArb, polyArb, (a, b, c) => {
        eq(pmul(pmul(a, b), c), pmul(a, pmul(b, c)));
        eq(pmul(a, b), pmul(b, a));
        eq(pmul(a, pone()), a);
        expect(pisZero(pmul(a, pzero()))).toBe(true);
      }),
      runs,
    );
  });
  it('multiplication distributes over addition', () => {
    fc.assert(
      fc.property(polyArb, polyArb, polyArb, (a, b, c) => {
        eq(pmul(a, padd(b, c)), padd(pmul(a, b), pmul(a, c)));
      }),
      runs,
    );
  });
  it('powers agree with repeated products; scaling agrees with multiplying by a constant', () => {
    fc.assert(
      fc.property(polyArb, fc.nat({ max: 4 }), fc.integer({ min: -7, max: 7 }), fc.integer({ min: 1, max: 7 }), (a, n, p, q) => {
        let r = pone();
        for (let k = 0; k < n; k++) r = pmul(r, a);
        eq(ppow(a, n), r);
        const s = rational(BigInt(p), BigInt(q));
        eq(pscale(a, s), pmul(pconst(s), a));
      }),
      runs,
    );
  });
  it('evaluation at a rational point is a ring homomorphism', () => {
    fc.assert(
      fc.property(polyArb, polyArb, pointArb, (a, b, pt) => {
        const env = toEnv(pt);
        const ev = (p: Poly) => pevalRational(p, env);
        const sum = ev(padd(a, b));
        const prod = ev(pmul(a, b));
        const ea = ev(a);
        const eb = ev(b);
        expect(sum.num * ea.den * eb.den).toBe((ea.num * eb.den + eb.num * ea.den) * sum.den);
        expect(prod.num * ea.den * eb.den).toBe(ea.num * eb.num * prod.den);
      }),
      runs,
    );
  });
  it('substitution commutes with evaluation; exact division undoes multiplication', () => {
    fc.assert(
      fc.property(polyArb, polyArb, polyArb, pointArb, (a, b, c, pt) => {
        const env = toEnv(pt);
        const sub = psubstitute(a, 'x', b);
        const bx = pevalRational(b, env);
        const direct = pevalRational(sub, env);
        const via = pevalRational(a, { ...env, x: bx });
        expect(direct).toEqual(via);
        if (!pisZero(c)) eq(pdivExact(pmul(a, c), c), a);
      }),
      runs,
    );
  });
  it('equality is exact: a polynomial differs from itself plus a tiny constant', () => {
    fc.assert(
      fc.property(polyArb, (a) => {
        expect(pequals(a, padd(a, pconst(rational(1n, 10n ** 30n))))).toBe(false);
      }),
      { numRuns: 50 },
    );
  });
});

describe('poly: explicit variables', () => {
  it('products in three variables match the textbook expansion', () => {
    eq(ppow(padd(padd(x, y), z), 2), P('x^2 + y^2 + z^2 + 2*x*y + 2*x*z + 2*y*z'));
    eq(pmul(psub(x, y), padd(padd(ppow(x, 2), pmul(x, y)), ppow(y, 2))), psub(ppow(x, 3), ppow(y, 3)));
  });
});
