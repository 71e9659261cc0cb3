import { describe, expect, it } from 'vitest';
import { InconclusiveError, runClaim, runClaims } from '../../src/claims/run.js';
import type { Claim } from '../../src/claims/claim.js';
import { checksClaim, formulaClaim, notCheckable } from '../../src/claims/templates.js';
import { exactCheck } from '../../src/claims/checks.js';
import { ratFuncOf } from '../../src/claims/checks.js';
import type { DecimalField } from '../../src/numeric/decimal.js';
import { ergotropy } from '../../src/physics/ergotropy.js';
import { twoQubitCollectiveSteadyState } from '../../src/physics/states.js';
import { h0 } from '../../src/physics/qubits.js';

type Dec = DecimalField['zero'];

const ctx = { precision: 50, seed: 7 };
const header = { id: 'test-claim', location: 'Eq. (0)', statement: 'a test', printed: 'x' };

describe('runClaim', () => {
  it('reports a check that throws as failed, with the message, and never rethrows', async () => {
    const c: Claim = {
      ...header,
      check: () => {
        throw new Error('boom\nsecond line');
      },
    };
    const r = await runClaim(c, ctx);
    expect(r.verdict).toBe('failed');
    expect(r.evidence.checks[0].detail).toBe('boom');
  });
  it('reports an InconclusiveError (a CAS timeout, say) as inconclusive, never as a pass', async () => {
    const c: Claim = {
      ...header,
      check: () => {
        throw new InconclusiveError('timeout');
      },
    };
    expect((await runClaim(c, ctx)).verdict).toBe('inconclusive');
  });
  it('fills the shape of a checked claim', async () => {
    const r = await runClaim(notCheckable({ ...header, reason: 'because' }), ctx);
    expect(Object.keys(r).sort()).toEqual(['corrected', 'derived', 'evidence', 'id', 'location', 'printed', 'statement', 'verdict']);
    expect(r.verdict).toBe('not-checkable');
    expect(r.evidence.reason).toBe('because');
    expect(r.corrected).toBeNull();
    expect(r.evidence.precision).toBe(50);
  });
  it('keeps the corrected form only for an erratum', async () => {
    const c = checksClaim({
      ...header,
      howDecided: 'test',
      derived: 'fixed',
      checks: () => [exactCheck('ok', 'consistency', 'exact-identity', () => ({ pass: true, detail: '' }))],
    });
    expect((await runClaim(c, ctx)).corrected).toBeNull();
  });
  it("gives an erratum the derived form as its correction and the failing check's computed region", async () => {
    const c = checksClaim({
      ...header,
      howDecided: 'test',
      derived: () => 'x^2',
      checks: () => [
        exactCheck('route', 'consistency', 'exact-identity', () => ({ pass: true, detail: '' })),
        { ...exactCheck('printed', 'printed', 'exact-identity', () => ({ pass: false, detail: 'no' })), where: 'for x > 1' },
      ],
    });
    const r = await runClaim(c, ctx);
    expect(r.verdict).toBe('erratum');
    expect(r.corrected).toBe('x^2');
    expect(r.evidence.differsWhere).toBe('for x > 1');
    expect(Object.keys(r.evidence.checks[1])).not.toContain('where');
  });
  it('runs claims in order and reports each one', async () => {
    const seen: string[] = [];
    const claims = ['a', 'b', 'c'].map((id) => notCheckable({ ...header, id, reason: 'r' }));
    const out = await runClaims(claims, ctx, (c, i) => seen.push(`${i}:${c.id}`));
    expect(out.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(seen).toEqual(['0:a', '1:b', '2:c']);
  });
});

describe('formulaClaim', () => {
  // printed TeX: the cosh/sinh form of Eq. (10), and the same without its factor ω
  const EQ10 = '\\mathcal{W} = \\omega \\left(1 - \\frac{c[1+3\\cosh(\\beta\\omega)+\\sinh(\\beta\\omega)]}{1+2\\cosh(\\beta\\omega)} \\right)';
  const EQ10_NO_OMEGA = EQ10.replace('\\omega \\left(1', '\\left(1');
  const base = {
    ...header,
    derive: () => ratFuncOf('omega*(1 - c - c/(1 + y + y^2))'),
    derivation: 'test',
    ranges: { c: { lo: 0, hi: '1/2' }, beta: { lo: 0, hi: 4 }, omega: { lo: '1/2', hi: 3 } },
    // the second route: the certified ergotropy of Eq. (7) built numerically
    firstPrinciples: {
      compute: (p: Record<string, Dec>, D: DecimalField) => {
        const r = ergotropy(D, twoQubitCollectiveSteadyState(D, { beta: p.beta, omega: p.omega, c: p.c }), h0(D, 2, p.omega));
        return { value: r.ergotropy, errorBound: r.errorBound };
      },
      what: 'the ergotropy of Eq. (7)',
    },
  };
  it('verifies a true printed formula (cosh/sinh form of Eq. (10))', async () => {
    const r = await runClaim(formulaClaim({ ...base, printed: EQ10 }), ctx);
    expect(r.verdict).toBe('verified');
  });
  it('without a second route, a disagreeing printed formula is our failure, not an erratum', async () => {
    const { firstPrinciples: _unused, ...single } = base;
    const r = await runClaim(formulaClaim({ ...single, printed: EQ10_NO_OMEGA }), ctx);
    expect(r.verdict).toBe('failed');
  });
  it('flags a printed formula that drops the factor ω (invisible at ω = 1)', async () => {
    const r = await runClaim(formulaClaim({ ...base, printed: EQ10_NO_OMEGA }), ctx);
    expect(r.verdict).toBe('erratum');
    expect(r.corrected).not.toBeNull();
    expect(r.evidence.checks.find((c) => c.method === 'exact-identity' && c.role === 'printed')?.outcome).toBe('fail');
  });
  it('flags a flipped sign', async () => {
    const r = await runClaim(formulaClaim({ ...base, printed: EQ10.replace('+\\sinh', '-\\sinh') }), ctx);
    expect(r.verdict).toBe('erratum');
  });
  it('reports our own inconsistency as failed: a derivation that disagrees with first principles', async () => {
    const r = await runClaim(
      formulaClaim({
        ...base,
        printed: '\\mathcal{W} = \\omega\\left(1 - c - \\frac{c}{1 + e^{-\\beta\\omega} + e^{-2\\beta\\omega}}\\right)',
        firstPrinciples: { compute: (_p, D) => ({ value: D.fromString('12345') }), what: 'a broken computation' },
      }),
      ctx,
    );
    expect(r.verdict).toBe('failed');
  });
});
