import { describe, expect, it } from 'vitest';
import { pmul, padd, pconst, pvar, pequals, pisZero, ppow, psub, pdivExact, type Poly } from '../../src/symbolic/poly.js';
import { polyGcd, polySqrt, rfReduce } from '../../src/derive/index.js';
import { identical, ratfunc } from '../../src/symbolic/ratfunc.js';
import { rng } from '../physics/helpers.js';

const x = pvar('x');
const y = pvar('y');
const c = pvar('c');

/** A seeded random polynomial in x, y, c with small integer coefficients. */
function randomPoly(seed: number, terms = 4): Poly {
  const r = rng(seed);
  let p = pconst(0);
  for (let k = 0; k < terms; k++) {
    const mono = pmul(pmul(ppow(x, Math.floor(r() * 3)), ppow(y, Math.floor(r() * 3))), ppow(c, Math.floor(r() * 2)));
    p = padd(p, pmul(pconst(Math.floor(r() * 9) - 4 || 1), mono));
  }
  return p;
}

describe('multivariate gcd and square root', () => {
  it('refuses non-squares', () => {
    expect(polySqrt(padd(pmul(x, x), pconst(1)))).toBeUndefined();
    expect(polySqrt(pmul(pconst(2), pmul(x, x)))).toBeUndefined();
    expect(polySqrt(padd(pmul(x, x), y))).toBeUndefined();
  });

  it('recovers s from s² and a common factor from products (seeded)', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const s = randomPoly(seed);
      if (pisZero(s)) continue;
      const root = polySqrt(pmul(s, s))!;
      expect(pequals(pmul(root, root), pmul(s, s))).toBe(true);
      const g = randomPoly(100 + seed, 3);
      const a = pmul(g, randomPoly(200 + seed, 3));
      const b = pmul(g, randomPoly(300 + seed, 3));
      if (pisZero(a) || pisZero(b)) continue;
      const h = polyGcd(a, b);
      // g divides the gcd, and the gcd divides a and b
      expect(() => pdivExact(h, g)).not.toThrow();
      expect(() => pdivExact(a, h)).not.toThrow();
      expect(() => pdivExact(b, h)).not.toThrow();
      const f = ratfunc(a, b);
      const red = rfReduce(f);
      expect(identical(f, red).identical).toBe(true);
    }
  });

  it('a known case: gcd((x − y)(x + 2c), (x − y)(y − c)) = x − y up to a constant', () => {
    const g = polyGcd(pmul(psub(x, y), padd(x, pmul(pconst(2), c))), pmul(psub(x, y), psub(y, c)));
    expect(pequals(g, psub(x, y)) || pequals(g, psub(y, x))).toBe(true);
  });
});
