import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../../src/errors.js';
import { decimalField } from '../../src/numeric/decimal.js';
import { rational } from '../../src/numeric/rational.js';
import { evaluate, parse, type Ast, bin, call, num } from '../../src/symbolic/expr.js';
import { pconst, pequals, pisZero, pmonomial, padd, pone, ptoString, pvar, pzero, type Poly } from '../../src/symbolic/poly.js';
import {
  decideIdentity,
  fromAst,
  identical,
  THERMAL_DEFINITIONS,
  ratfunc,
  rfadd,
  rfdiv,
  rfevalField,
  rfevalRational,
  rfmul,
  rfpow,
  rfsub,
  rftoString,
  rfVar,
  type RatFunc,
} from '../../src/symbolic/ratfunc.js';
import { eq15Sum } from '../../bench/symbolic.bench.js';

/** Z and Z+ of Eqs. (7)–(8), as printed. */
const TWO_QUBIT = {
  Z: '1 + 2*exp(-omega*beta) + exp(-2*omega*beta)',
  Zp: '1 + exp(-omega*beta) + exp(-2*omega*beta)',
};

function binom(n: number, k: number): bigint {
  let r = 1n;
  for (let i = 1; i <= k; i++) r = (r * BigInt(n - i + 1)) / BigInt(i);
  return r;
}

/** Eq. (16)'s sum Σ_{k=1}^{N−1} k p_{k+1} d_{k+1} ω for fixed N, with d_k of Eq. (14) written out. */
function eq16Sum(N: number): string {
  const terms: string[] = [];
  for (let k = 1; k <= N - 1; k++) {
    const p = binom(N, k + 1);
    terms.push(`${k}*${p}*((1 - r)*r^${k + 1}/((1 - r^(N + 1))*${p}))*omega`);
  }
  return terms.length ? terms.join(' + ') : '0';
}

describe('fromAst: what is not rational (typed failures naming the part)', () => {
  it.each<[string, string, RegExp, Record<string, string>?]>([
    ['abs(c - 1)', 'non-rational', /abs is not rational: abs\(c - 1\)/],
    ['c + sqrt(y)', 'non-rational', /sqrt is not rational: sqrt\(y\)/],
    ['log(y)/omega', 'non-rational', /log is not rational/],
    ['exp(beta*omega/2)', 'non-rational', /exp\(beta\*omega\/2\) is not a rational function \(only exp\(k\*beta\*omega\) with an integer k/],
    ['exp(c)', 'non-rational', /exp\(c\) is not a rational function/],
    ['cosh(beta)', 'non-rational', /cosh\(beta\) is not a rational function/],
    ['r^N', 'non-rational', /symbolic exponent N/],
    ['y^(1/2)', 'non-rational', /non-integer power \(exponent 1\/2\)/],
    ['1/(y - y)', 'division-by-zero', /the divisor y - y is identically zero/],
    ['(c - c)^(-1)', 'division-by-zero', /zero raised to a negative power/],
    ['y^200000', 'exponent', /exceeds the limit 100000/],
  ])('%s', (src, reason, message, definitions) => {
    const r = fromAst(src, { definitions });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe(reason);
      expect(r.message).toMatch(message);
    }
  });
  it('the rewriting can be switched off', () => {
    const r = fromAst('exp(beta*omega)', { boltzmann: false });
    expect(r.ok || r.message).toMatch(/Boltzmann rewriting is disabled/);
  });
  it('refuses circular definitions and zero denominators', () => {
    expect(() => fromAst('a', { definitions: { a: 'b + 1', b: '2*a' } })).toThrow(InputError);
    expect(() => fromAst('a', { definitions: { a: 'b + 1', b: '2*a' } })).toThrow(/circular: a → b → a/);
    expect(() => ratfunc(pvar('x'), pzero())).toThrow(/zero denominator/);
    expect(() => rfdiv(ratfunc(pone()), ratfunc(pzero()))).toThrow(/division by the zero rational function/);
    expect(() => rfpow(ratfunc(pzero()), -2)).toThrow(/zero raised to a negative power/);
  });
  it('rfpow refuses a non-integer exponent as a programming error (RangeError): formulas reach it only through fromAst, which refuses them first', () => {
    expect(() => rfpow(rfVar('x'), 0.5)).toThrow(RangeError);
    expect(() => rfpow(rfVar('x'), 0.5)).toThrow(/^rfpow: exponent must be an integer, got 0\.5$/);
    const r = fromAst('x^(1/2)');
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toMatch(/non-integer power/);
  });
});

describe('fromAst: the rewriting into y = e^(-βω)', () => {
  const rf = (src: string, definitions?: Record<string, string>): RatFunc => {
    const r = fromAst(src, { definitions });
    if (!r.ok) throw new Error(r.message);
    return r.value;
  };
  it.each([
    ['exp(-beta*omega)', 'y'],
    ['exp(beta*omega)', '(1) / (y)'],
    ['exp(-2*omega*beta)', 'y^2'],
    ['exp(3*beta*omega)*y^3', '1'],
    ['exp(0*beta)', '1'],
    ['cosh(beta*omega)', '(y^2 + 1) / (2*y)'],
    ['sinh(beta*omega)', '(-y^2 + 1) / (2*y)'],
    ['cosh(2*beta*omega)', '(y^4 + 1) / (2*y^2)'],
    ['(y^2 - 1)/(y - 1)', 'y + 1'],
    ['(y^2 - 1)/(2*y - 2)', '1/2*y + 1/2'],
    ['(y/2 + 1/3)/(y/4)', '(6*y + 4) / (3*y)'],
    ['(2*y + 4)/(6*y)', '(y + 2) / (3*y)'],
    ['(-2*y)/(-4*y + 2)', '(y) / (2*y - 1)'],
  ])('%s → %s', (src, want) => {
    expect(rftoString(rf(src))).toBe(want);
  });
  it('definitions: the paper’s r and n̄ in terms of y', () => {
    expect(rftoString(rf('nbar', THERMAL_DEFINITIONS))).toBe('(-y) / (y - 1)');
    // r = n̄/(n̄ + 1) with n̄ = 1/(e^(βω) − 1) is e^(−βω) = y, consistent with THERMAL_DEFINITIONS.
    expect(rftoString(rf('nbar/(nbar + 1)', { nbar: '1/(exp(beta*omega) - 1)' }))).toBe('y');
    // As printed, "r = n̄/n̄ + 1" reads (n̄/n̄) + 1 = 2.
    expect(rftoString(rf('nbar/nbar + 1', THERMAL_DEFINITIONS))).toBe('2');
    // A numeric definition fixes a symbolic exponent.
    expect(rftoString(rf('r^(N + 1)', { N: '3' }))).toBe('r^4');
  });
  it('agrees with 50-digit evaluation of the formula at y = e^(−βω) (random points)', () => {
    const D = decimalField(60);
    const formulas = [
      `c*(${TWO_QUBIT.Z})/(${TWO_QUBIT.Zp}) - 1`,
      'omega*(1 - c*(1 + 3*cosh(beta*omega) + sinh(beta*omega))/(1 + 2*cosh(beta*omega)))',
      'c*exp(2*beta*omega)/(1 + exp(beta*omega) + exp(2*beta*omega)) - (1 - c)',
      'sinh(3*beta*omega)*exp(-3*beta*omega) - cosh(beta*omega)^2/exp(2*beta*omega)',
    ];
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 4, noNaN: true }),
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        (c, beta, omega) => {
          const env = { c: D.fromNumber(c), beta: D.fromNumber(beta), omega: D.fromNumber(omega) };
          const yv = D.exp(D.neg(D.mul(env.beta, env.omega)));
          for (const f of formulas) {
            const direct = evaluate(parse(f), env, D);
            const viaY = rfevalField(D, rf(f), { ...env, y: yv });
            const scale = D.Decimal.max(direct.abs(), 1);
            expect(direct.minus(viaY).abs().div(scale).lte('1e-45'), f).toBe(true);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('identical: proves identities of the paper', () => {
  it('Eq. (8): c·Z/Z+ − 1 ≡ −1 + c + c/(1 + 2 cosh βω)', () => {
    const d = decideIdentity('c*Z/Zp - 1', '-1 + c + c/(1 + 2*cosh(beta*omega))', { definitions: TWO_QUBIT });
    expect(d.verdict).toBe('identical');
    if (d.verdict !== 'not-rational') expect(pisZero(d.numerator)).toBe(true);
  });
  it('Eq. (8) with Z = 1 + 2y + y², Z+ = 1 + y + y² written in y directly', () => {
    const d = decideIdentity('c*(1 + 2*y + y^2)/(1 + y + y^2) - 1', '-1 + c + c/(1 + 2*cosh(beta*omega))');
    expect(d.verdict).toBe('identical');
    // The vanishing point of Eq. (8): c = Z+/Z makes c·Z/Z+ − 1 vanish identically.
    expect(decideIdentity('c*Z/Zp - 1', '0', { definitions: { ...TWO_QUBIT, c: 'Zp/Z' } }).verdict).toBe('identical');
  });
  it('Eq. (8) with the absolute values is not a rational identity: undecided, naming abs', () => {
    const d = decideIdentity('abs(c*Z/Zp - 1)', 'abs(-1 + c + c/(1 + 2*cosh(beta*omega)))', { definitions: TWO_QUBIT });
    expect(d).toMatchObject({ verdict: 'not-rational', side: 'lhs', failure: { reason: 'non-rational' } });
  });
  it('Eq. (9) vs Eq. (7): the printed eigenvalues are the populations c/Z+, c e^(−βω)/Z+, c e^(−2βω)/Z+', () => {
    const pairs: [string, string][] = [
      ['c*exp(2*beta*omega)/(1 + exp(beta*omega) + exp(2*beta*omega))', 'c/Zp'],
      ['c*exp(beta*omega)/(1 + exp(beta*omega) + exp(2*beta*omega))', 'c*exp(-omega*beta)/Zp'],
      ['c/(1 + exp(beta*omega) + exp(2*beta*omega))', 'c*exp(-2*omega*beta)/Zp'],
    ];
    for (const [a, b] of pairs) expect(decideIdentity(a, b, { definitions: TWO_QUBIT }).verdict).toBe('identical');
  });
  it('Eq. (10), first branch: the cosh/sinh form equals ω(1 − c − c·e^(2βω)/(1 + e^(βω) + e^(2βω)))', () => {
    const printed = 'omega*(1 - c*(1 + 3*cosh(beta*omega) + sinh(beta*omega))/(1 + 2*cosh(beta*omega)))';
    const exponential = 'omega*(1 - c - c*exp(2*beta*omega)/(1 + exp(beta*omega) + exp(2*beta*omega)))';
    expect(decideIdentity(printed, exponential).verdict).toBe('identical');
  });
  it.each([1, 2, 3, 4, 5, 6, 8, 10, 12])('Eq. (15): Σ d_k p_k (p_k − 1) equals the closed form for N = %i', (N) => {
    const { sum, closed } = eq15Sum(N);
    expect(decideIdentity(sum, closed, { definitions: { N: String(N) } }).verdict).toBe('identical');
  });
  it.each([2, 3, 4, 5, 7, 10])('Eq. (16): Σ k p_{k+1} d_{k+1} ω equals the closed form for N = %i', (N) => {
    const closed = 'omega*(N + (N + r)/(r^(N + 1) - 1) + r/(1 - r))';
    expect(decideIdentity(eq16Sum(N), closed, { definitions: { N: String(N) } }).verdict).toBe('identical');
  });
});

describe('identical: refutes false ones, with the difference as a diagnostic', () => {
  const printed = 'omega*(1 - c*(1 + 3*cosh(beta*omega) + sinh(beta*omega))/(1 + 2*cosh(beta*omega)))';
  it.each([
    ['Eq. (10) with the factor ω dropped', '1 - c*(1 + 3*cosh(beta*omega) + sinh(beta*omega))/(1 + 2*cosh(beta*omega))'],
    ['Eq. (10) with sinh’s sign flipped', 'omega*(1 - c*(1 + 3*cosh(beta*omega) - sinh(beta*omega))/(1 + 2*cosh(beta*omega)))'],
    ['Eq. (10) with 2 cosh → cosh', 'omega*(1 - c*(1 + 3*cosh(beta*omega) + sinh(beta*omega))/(1 + cosh(beta*omega)))'],
  ])('%s', (_name, wrong) => {
    const d = decideIdentity(printed, wrong);
    expect(d.verdict).toBe('different');
    if (d.verdict === 'different') expect(pisZero(d.numerator)).toBe(false);
  });
  it('tells e^(βω) from e^(−βω): the printed c = 1 branch of Eq. (10) vs ω·(excited population) from Eq. (7)', () => {
    // At c = 1 the spectrum {1/Z+, e^(−βω)/Z+, e^(−2βω)/Z+, 0} sorted against {0, ω, ω, 2ω} gives
    // W = ω e^(−2βω)/Z+ (the |11⟩ population moved to |ψ−⟩); the printed branch has e^(+βω) there.
    const d = decideIdentity('omega/(1 + exp(-omega*beta) + exp(-2*omega*beta))', 'omega*exp(-2*beta*omega)/Zp', { definitions: TWO_QUBIT });
    expect(d.verdict).toBe('different');
    const same = decideIdentity('omega/(1 + exp(omega*beta) + exp(2*omega*beta))', 'omega*exp(-2*beta*omega)/Zp', { definitions: TWO_QUBIT });
    expect(same.verdict).toBe('identical');
  });
  it('Eq. (15) closed form with N + 1 → N in the exponent is refuted', () => {
    const { sum } = eq15Sum(5);
    expect(decideIdentity(sum, '(r - 1)*(r + 1)^N/(r^N - 1) - 1', { definitions: { N: '5' } }).verdict).toBe('different');
  });
  it('the high-temperature limit c/3 is not an identity at finite βω', () => {
    expect(decideIdentity('c/Zp', 'c/3', { definitions: TWO_QUBIT }).verdict).toBe('different');
  });
});

// Random rational functions in (x, y) with small coefficients.
const polyArb: fc.Arbitrary<Poly> = fc
  .array(fc.record({ c: fc.integer({ min: -4, max: 4 }), x: fc.nat({ max: 2 }), y: fc.nat({ max: 2 }) }), { maxLength: 4 })
  .map((ms) => ms.reduce((s, m) => padd(s, pmonomial(BigInt(m.c), { x: m.x, y: m.y })), pzero()));
const nonZeroArb = polyArb.map((p) => (pisZero(p) ? pone() : p));
const rfArb: fc.Arbitrary<RatFunc> = fc.tuple(polyArb, nonZeroArb).map(([n, d]) => ratfunc(n, d));

describe('identical: field properties (random rational functions)', () => {
  const runs = { numRuns: 120 };
  it('(a + b) − b ≡ a, (a·b)/b ≡ a, a + b ≡ b + a', () => {
    fc.assert(
      fc.property(rfArb, rfArb, (a, b) => {
        expect(identical(rfsub(rfadd(a, b), b), a).identical).toBe(true);
        if (!pisZero(b.num)) expect(identical(rfdiv(rfmul(a, b), b), a).identical).toBe(true);
        expect(identical(rfadd(a, b), rfadd(b, a)).identical).toBe(true);
      }),
      runs,
    );
  });
  it('a ≢ a + ε for a tiny rational ε, and the diagnostic numerator is ε·den²', () => {
    fc.assert(
      fc.property(rfArb, (a) => {
        const eps = ratfunc(pconst(rational(1n, 10n ** 40n)));
        const d = identical(a, rfadd(a, eps));
        expect(d.identical).toBe(false);
        expect(pisZero(d.numerator)).toBe(false);
      }),
      runs,
    );
  });
  it('identity agrees with exact evaluation at random rational points', () => {
    fc.assert(
      fc.property(rfArb, rfArb, fc.integer({ min: -30, max: 30 }), fc.integer({ min: 1, max: 30 }), (a, b, p, q) => {
        const at = { x: rational(BigInt(p), BigInt(q)), y: rational(BigInt(q + 7), 3n) };
        const s = rfadd(a, b);
        try {
          const lhs = rfevalRational(s, at);
          const va = rfevalRational(a, at);
          const vb = rfevalRational(b, at);
          expect(lhs.num * va.den * vb.den).toBe((va.num * vb.den + vb.num * va.den) * lhs.den);
        } catch (e) {
          expect((e as Error).message).toMatch(/vanishes/); // a pole at this point
        }
      }),
      runs,
    );
  });
});

describe('ratfunc: reduction keeps values', () => {
  it('cancels common monomials and univariate gcds', () => {
    const r = ratfunc(pmonomial(6n, { x: 3, y: 1 }), pmonomial(4n, { x: 1, y: 2 }));
    expect(rftoString(r)).toBe('(3*x^2) / (2*y)');
    const x = pvar('x');
    const u = fromAst('(x^3 - x)/(x^2 + x)');
    expect(u.ok && rftoString(u.value)).toBe('x - 1');
    expect(pequals(ratfunc(x).num, x)).toBe(true);
  });
  it('an AST built with the builders converts the same as the parsed text', () => {
    const a: Ast = bin('/', call('exp', bin('*', num(2), bin('*', parse('beta'), parse('omega')))), num(3));
    const b = fromAst(a);
    const c = fromAst('exp(2*beta*omega)/3');
    expect(b.ok && c.ok && identical(b.value, c.value).identical).toBe(true);
    if (b.ok) expect(ptoString(b.value.den)).toBe('3*y^2');
  });
});
