/**
 * The decisions of `ergocheck check`: identities decided exactly (a difference far below the
 * numeric tolerance is still found), errata come with corrections that evaluate to the
 * first-principles value, and a formula right on part of its domain is an erratum there only.
 */
import { describe, expect, it } from 'vitest';
import { checkClaimsText, numericQuantity, numericState } from '../../src/check/index.js';
import { decimalField } from '../../src/numeric/decimal.js';
import { evaluate, parse } from '../../src/symbolic/expr.js';
import { Rng } from '../../src/random/rng.js';

const one = (c: Record<string, unknown>): string => JSON.stringify({ claims: [{ id: 'x', ...c }] });
const ground3 = { family: 'steady-state', qubits: 3, initial: 'ground' };

describe('exact decisions', () => {
  it("a difference of 10^-70 (far below the probes' tolerance) is found by the exact identity", async () => {
    const [c] = await checkClaimsText(one({ quantity: 'coherence', state: ground3, formula: '2*y/(1 + y^2) + y/10^70' }), { seed: 3 });
    const exact = c.evidence.checks.find((k) => k.method === 'exact-identity')!;
    const numeric = c.evidence.checks.find((k) => k.role === 'printed' && k.method === 'first-principles')!;
    expect(exact.outcome).toBe('fail');
    expect(numeric.outcome).toBe('pass'); // the probes cannot see it at 50 digits
    expect(c.verdict).toBe('erratum');
    expect(c.correctedPieces).toEqual([{ formula: '(2*y) / (y^2 + 1)', where: [] }]);
  });
  it('an identity in another form (Eq. (15) at N = 3, in r) is decided identical, not sampled', async () => {
    const [c] = await checkClaimsText(one({ quantity: 'coherence', state: ground3, printed: 'C_{l_1} = \\frac{(r-1)(r+1)^N}{r^{N+1} - 1} - 1' }), { seed: 3 });
    expect(c.verdict).toBe('verified');
    expect(c.evidence.checks.find((k) => k.method === 'exact-identity')!.detail).toMatch(/zero polynomial/);
  });
  it('N given as a range is checked exactly for each N', async () => {
    const [c] = await checkClaimsText(
      one({
        quantity: 'coherence',
        state: { family: 'steady-state', initial: 'ground' },
        printed: 'C_{l_1} = \\frac{(r-1)(r+1)^N}{r^{N+1} - 1} - 1',
        assume: { N: '1 <= N <= 4' },
      }),
      { seed: 3 },
    );
    expect(c.verdict).toBe('verified');
    expect(c.evidence.checks.filter((k) => k.method === 'exact-identity').map((k) => k.name)).toEqual(
      [1, 2, 3, 4].map((n) => `printed ≡ derived (exact), N = ${n}`),
    );
  });
});

/** The correction of an erratum, evaluated where each piece holds, against first principles. */
async function correctionsMatchFirstPrinciples(
  text: string,
  family: object,
  quantity: 'coherence' | 'incoherent-ergotropy',
  N: number,
  cRange: [number, number] | null,
): Promise<void> {
  const [c] = await checkClaimsText(text, { seed: 11 });
  expect(c.verdict).toBe('erratum');
  const pieces = c.correctedPieces!;
  expect(pieces.length).toBeGreaterThan(0);
  const D = decimalField(70);
  const rng = new Rng(5, ['corrections']);
  let checked = 0;
  for (let k = 0; k < 40; k++) {
    const y = D.fromNumber(rng.uniform(0.01, 1));
    const omega = D.fromNumber(k % 2 ? 1 : rng.uniform(0.5, 3));
    const cc = D.fromNumber(cRange ? rng.uniform(cRange[0], cRange[1]) : 0);
    const beta = D.div(y.ln().neg(), omega);
    const env = { y, r: y, omega, c: cc, beta };
    const holds = (w: string): boolean => {
      const m = /^(\w+) (<=|<|>=|>|=) (.+)$/.exec(w)!;
      const x = env[m[1] as keyof typeof env];
      const v = evaluate(parse(m[3]), {}, D);
      const s = D.cmp(x, v);
      return m[2] === '<' ? s < 0 : m[2] === '<=' ? s <= 0 : m[2] === '>' ? s > 0 : m[2] === '>=' ? s >= 0 : s === 0;
    };
    const piece = pieces.find((p) => p.where.every((w) => /^beta = 0$/.test(w) || holds(w)));
    if (!piece) continue;
    const rho = numericState(D, family as never, N, { beta, omega, c: cc });
    const fp = numericQuantity(D, quantity, rho, N, omega).values[0];
    const corr = evaluate(parse(piece.formula as string), env, D);
    expect(corr.minus(fp).abs().lt(1e-50), `${piece.formula} at y=${y}, c=${cc}`).toBe(true);
    checked++;
  }
  expect(checked).toBeGreaterThan(5);
}

describe('list quantities in TeX', () => {
  it('populations printed as a set \\{…\\} are compared entry by entry, exactly', async () => {
    const [c] = await checkClaimsText(
      one({ quantity: 'populations', state: { family: 'gibbs', qubits: 1 }, printed: 'p = \\{\\frac{r}{1+r}, \\frac{1}{1+r}\\}' }),
      { seed: 4 },
    );
    expect(c.verdict).toBe('verified');
    expect(c.evidence.checks.some((k) => k.method === 'exact-identity' && k.outcome === 'pass')).toBe(true);
    const [w] = await checkClaimsText(
      one({ quantity: 'populations', state: { family: 'gibbs', qubits: 1 }, printed: 'p = \\{\\frac{1}{1+r}, \\frac{r}{1+r}\\}' }),
      { seed: 4 },
    );
    expect(w.verdict).toBe('erratum');
  });
});

describe('seeds', () => {
  it('the same seed gives the same result (up to check times); another seed other points', async () => {
    const text = one({ quantity: 'coherence', state: { family: 'two-qubit' }, printed: 'C_{l_1} = 1 - \\frac{4c}{3}', assume: { beta: '0' } });
    const strip = (x: unknown): string => JSON.stringify(x, (k, v) => (k === 'seconds' ? 0 : v));
    const [a] = await checkClaimsText(text, { seed: 5 });
    const [b] = await checkClaimsText(text, { seed: 5 });
    const [d] = await checkClaimsText(text, { seed: 6 });
    expect(strip(a)).toBe(strip(b));
    expect(strip(a.evidence.points)).not.toBe(strip(d.evidence.points));
  });
});

describe('probe points', () => {
  it('a range narrower than a double resolves still gets points inside it (no endless redraw)', async () => {
    const [c] = await checkClaimsText(
      one({
        quantity: 'purity',
        state: { family: 'two-qubit' },
        formula: '(1 - c)^2 + c^2*(1 + y^2 + y^4)/(1 + y + y^2)^2',
        assume: { c: '1/3 < c < 1/3 + 10^-30' },
      }),
      { seed: 2 },
    );
    expect(c.verdict).toBe('verified');
    for (const p of c.evidence.points) expect(p.c).toMatch(/^\d+\/\d+$/);
  });
});

describe('errata and their corrections', () => {
  it('a wrong formula: the correction equals the first-principles coherence', async () => {
    await correctionsMatchFirstPrinciples(
      one({ quantity: 'coherence', state: ground3, printed: 'C_{l_1} = \\frac{2r}{1+r}' }),
      { family: 'steady-state', initial: { kind: 'ground' } },
      'coherence',
      3,
      null,
    );
  });
  it('three pieces with an algebraic end: each correction equals the first-principles incoherent ergotropy', async () => {
    await correctionsMatchFirstPrinciples(
      one({ quantity: 'incoherent-ergotropy', state: ground3, formula: '0' }),
      { family: 'steady-state', initial: { kind: 'ground' } },
      'incoherent-ergotropy',
      3,
      null,
    );
  });
  it('a formula right on part of its domain: erratum there only, two pieces split at c = 3/4', async () => {
    const text = one({
      quantity: 'coherence',
      state: { family: 'two-qubit' },
      printed: 'C_{l_1} = 1 - \\frac{4c}{3}',
      assume: { beta: '0', c: '0 <= c <= 1' },
    });
    const [c] = await checkClaimsText(text, { seed: 11 });
    expect(c.verdict).toBe('erratum');
    expect(c.evidence.differsWhere).toMatch(/^on c > 3\/4/);
    expect(c.correctedPieces!.map((p) => p.where.slice(-1)[0])).toEqual(['c <= 3/4', 'c > 3/4']);
    // at β = 0 the corrections are functions of c alone; evaluate them against first principles at y = 1
    const D = decimalField(70);
    const rng = new Rng(9, ['part']);
    for (let k = 0; k < 12; k++) {
      const cc = D.fromNumber(rng.uniform(0, 1));
      const piece = c.correctedPieces!.find((p) => (D.cmp(cc, D.fromString('0.75')) <= 0 ? p.where.includes('c <= 3/4') : p.where.includes('c > 3/4')))!;
      const rho = numericState(D, { family: 'two-qubit' }, 2, { beta: D.zero, omega: D.one, c: cc });
      const fp = numericQuantity(D, 'coherence', rho, 2, D.one).values[0];
      expect(
        evaluate(parse(piece.formula as string), { c: cc }, D)
          .minus(fp)
          .abs()
          .lt(1e-50),
      ).toBe(true);
    }
  });
  it('the same claim restricted to where it holds is verified, exactly', async () => {
    const [c] = await checkClaimsText(
      one({ quantity: 'coherence', state: { family: 'two-qubit' }, printed: 'C_{l_1} = 1 - \\frac{4c}{3}', assume: { beta: '0', c: '0 <= c <= 3/4' } }),
      { seed: 11 },
    );
    expect(c.verdict).toBe('verified');
    expect(c.evidence.checks.some((k) => k.method === 'exact-identity' && k.outcome === 'pass')).toBe(true);
  });
  it('the incoherent ergotropy of the N = 3 ground family: three pieces, split where populations cross (y = 1/3, y = 1/√3)', async () => {
    // dephased populations w0, w1/3 (×3), w2/3 (×3), w3 on levels 0, ω, 2ω, 3ω (w_k = y^k/S):
    // w3 = w2/3 at y = 1/3 and w3 = w1/3 at y = 1/√3, an algebraic end
    const [c] = await checkClaimsText(one({ quantity: 'incoherent-ergotropy', state: ground3, formula: '0' }), { seed: 11 });
    expect(c.verdict).toBe('erratum');
    const p = c.correctedPieces!;
    expect(p.map((x) => x.where)).toEqual([
      ['y <= 1/3'],
      ['y > 1/3', 'y <= 0.577350269189625764509148780502'],
      ['y > 0.577350269189625764509148780502', 'y <= 1'],
    ]);
    expect(p[0].formula).toBe('0');
    // the hand derivation: ω(w3 − w2/3) and ω(2w3 − w1/3 − w2/3)
    const [mid] = await checkClaimsText(
      one({ quantity: 'incoherent-ergotropy', state: ground3, formula: 'omega*(y^3 - y^2/3)/(1 + y + y^2 + y^3)', assume: { y: '1/3 < y < 1/2' } }),
      { seed: 11 },
    );
    expect(mid.verdict).toBe('verified');
    expect(mid.evidence.checks.some((k) => k.method === 'exact-identity' && k.outcome === 'pass')).toBe(true);
  });
  it('a coherence with a sign change in y (β free, c fixed) is split by Sturm sequences', async () => {
    // c = 1/2: entry cy/(2Z) − (1 − c)/2 = (y − (1 + y + y²))/(4Z) < 0 for all y: one piece, C = (1 + y²)/(2Z)
    const [c] = await checkClaimsText(
      one({ quantity: 'coherence', state: { family: 'two-qubit' }, formula: '(1 + y^2)/(2*(1 + y + y^2))', assume: { c: '1/2' } }),
      {
        seed: 11,
      },
    );
    expect(c.verdict).toBe('verified');
    expect(c.evidence.checks.some((k) => k.method === 'exact-identity' && k.outcome === 'pass')).toBe(true);
  });
});
