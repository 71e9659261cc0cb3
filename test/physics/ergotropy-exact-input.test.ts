/**
 * ergotropyOfExactState decomposes the exact entries of ρ and H themselves: no rounding of the
 * input into the working field enters the bound. States ρ = R diag(p) R and Hamiltonians
 * H = R diag(ε) R with R = I − 2vv†/(v†v) a Householder reflection of a small Gaussian-integer v
 * (Hermitian and unitary, entries with denominator v†v: not finite decimals, so the working field
 * cannot hold them) have exactly known spectra, and with dyadic p and ε every result is a finite
 * decimal: Tr(ρH) = Σ p_k ε_k, the passive energy Σ p↓ ε↑, W their difference. Each printed value
 * must be within the printed bound of its exact value, and the bound below the unit roundoff ε_W of
 * the working field (nothing is rounded into D then but the computed eigenvalues): the rounding of
 * ρ into W used to add at least 1.1·ε_W·‖ρ‖_F (Weyl), which no longer applies. At ω = 1 and
 * ω = 3/2, 30, 50 and 100 digits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalField } from '../../src/numeric/decimal.js';
import { RZERO, parseRational, rabs, radd, rational, rcmp, rdiv, rmul, rneg, rsub, type Rational, type RationalMatrix } from '../../src/numeric/rational.js';
import { ergotropyOfExactState, workingField } from '../../src/physics/ergotropy.js';
import { ergotropyJson } from '../../src/cli/commands/ergotropy.js';
import { fcParams } from '../arbitraries.js';

type C = { re: Rational; im: Rational };
const cmul = (a: C, b: C): C => ({ re: rsub(rmul(a.re, b.re), rmul(a.im, b.im)), im: radd(rmul(a.re, b.im), rmul(a.im, b.re)) });
const conj = (a: C): C => ({ re: a.re, im: rneg(a.im) });
const int = (k: number): Rational => rational(BigInt(k));

/** R diag(d) R for the reflection R of v (R = R† = R⁻¹), exactly. */
function reflected(v: [number, number][], d: Rational[]): RationalMatrix {
  const n = v.length;
  const w: C[] = v.map(([a, b]) => ({ re: int(a), im: int(b) }));
  const norm2 = w.reduce((s, x) => radd(s, radd(rmul(x.re, x.re), rmul(x.im, x.im))), RZERO);
  const R = (i: number, j: number): C => {
    const vv = cmul(w[i], conj(w[j])); // v_i conj(v_j)
    const two = rdiv(int(2), norm2);
    return { re: rsub(i === j ? int(1) : RZERO, rmul(two, vv.re)), im: rneg(rmul(two, vv.im)) };
  };
  const re: Rational[] = [];
  const im: Rational[] = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s: C = { re: RZERO, im: RZERO };
      for (let k = 0; k < n; k++) {
        const t = cmul(cmul(R(i, k), { re: d[k], im: RZERO }), R(k, j));
        s = { re: radd(s.re, t.re), im: radd(s.im, t.im) };
      }
      re.push(s.re);
      im.push(s.im);
    }
  return { rows: n, cols: n, re, im, hasFloatEntries: false };
}

/** The exact decimal string of a rational with a power-of-two denominator (so a finite decimal). */
function decimalOf(q: Rational): string {
  let den = q.den;
  let k = 0;
  while (den > 1n) {
    if (den % 2n !== 0n) throw new Error(`${q.num}/${q.den} is not dyadic`);
    den /= 2n;
    k++;
  }
  const scaled = q.num * 5n ** BigInt(k); // q = scaled / 10^k
  const neg = scaled < 0n;
  const digits = (neg ? -scaled : scaled).toString().padStart(k + 1, '0');
  const s = k === 0 ? digits : `${digits.slice(0, digits.length - k)}.${digits.slice(digits.length - k)}`.replace(/\.?0+$/, '');
  return (neg ? '-' : '') + s;
}

const sum = (xs: Rational[]) => xs.reduce(radd, RZERO);

describe('ergotropy of exact input: the entries are decomposed exactly, nothing rounded first', () => {
  const vArb = (n: number) =>
    fc
      .array(fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 })), { minLength: n, maxLength: n })
      .filter((v) => v.some(([a, b]) => a !== 0 || b !== 0) && v.filter(([a, b]) => a !== 0 || b !== 0).length >= 2);
  // dyadic spectra of trace 1 and dyadic levels
  const pArb = (n: number) =>
    fc.array(fc.integer({ min: 0, max: 8 }), { minLength: n, maxLength: n }).filter((w) => {
      const s = w.reduce((a, b) => a + b, 0);
      return s > 0 && (s & (s - 1)) === 0; // a power of two
    });
  const epsArb = (n: number) => fc.array(fc.integer({ min: -8, max: 8 }), { minLength: n, maxLength: n });

  it('prints W, energy, passive energy and eigenvalues within a bound below the working unit roundoff', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 5 })
          .chain((n) => fc.record({ v: vArb(n), p: pArb(n), e: epsArb(n), omega: fc.constantFrom(int(1), rational(3n, 2n)), P: fc.constantFrom(30, 50, 100) })),
        ({ v, p, e, omega, P }) => {
          const total = p.reduce((a, b) => a + b, 0);
          const pr = p.map((x) => rational(BigInt(x), BigInt(total)));
          const er = e.map((x) => rmul(omega, rational(BigInt(x), 4n)));
          const rho = reflected(v, pr);
          const H = reflected(v, er);
          // independent exact values: same eigenbasis, so Tr(ρH) = Σ p_k ε_k
          const energy = sum(pr.map((x, k) => rmul(x, er[k])));
          const down = [...pr].sort((a, b) => rcmp(b, a));
          const up = [...er].sort(rcmp);
          const passive = sum(down.map((x, k) => rmul(x, up[k])));
          const r = ergotropyOfExactState(decimalField(P), rho, { matrix: H });
          const j = ergotropyJson(r, P);
          const within = (printed: string, exact: Rational, what: string) =>
            expect(
              rcmp(rabs(rsub(parseRational(printed), exact)), bound),
              `${what} ${printed} vs ${decimalOf(exact)} (bound ${j.errorBound})`,
            ).toBeLessThanOrEqual(0);
          const bound = parseRational(j.errorBound);
          within(j.energy, energy, 'energy');
          within(j.passiveEnergy, passive, 'passive energy');
          within(j.ergotropy, rsub(energy, passive), 'W');
          j.eigenvalues.forEach((x, k) => within(x, down[k], `eigenvalue ${k}`));
          // below ε_W: the old Weyl term alone was ≥ 1.1·ε_W·‖ρ‖_F ≥ 1.1·ε_W/√n
          const epsW = workingField(P).epsilon;
          expect(r.errorBound.lt(epsW.div(Math.sqrt(p.length))), `errorBound ${r.errorBound} vs ε_W ${epsW}`).toBe(true);
        },
      ),
      fcParams('ergotropy exact input reflected', 40),
    );
  });
});
