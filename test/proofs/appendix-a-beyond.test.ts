/**
 * The ordering claims (Sec. IV A after Eq. (9), Eqs. (11)–(12), Fig. 1 text), Appendix A and the
 * claims beyond the paper: expected verdicts at 50 digits, seed 1; mutations are not verified.
 */
import { describe, expect, it } from 'vitest';
import { runClaims } from '../../src/claims/run.js';
import { checksClaim } from '../../src/claims/templates.js';
import { firstPrinciplesCheck } from '../../src/claims/checks.js';
import { APPENDIX_A, SEC4A_ORDERING, A1_SPEC, A2_SPEC, A3_SPEC, thresholdClaim } from '../../proofs/appendix-a.js';
import { BEYOND } from '../../proofs/beyond-the-paper.js';
import { eq7At, ergotropyAt } from '../../proofs/model.js';
import { W_ALL_FORMULA } from '../../proofs/model-ordering.js';

const CTX = { precision: 50, seed: 1 };

/** The TeX with `from` replaced by `to` (which must occur exactly once): a deliberate misprint. */
function replaceOnce(tex: string, from: string, to: string): string {
  if (tex.split(from).length !== 2) throw new Error(`"${from}" does not occur exactly once in ${tex}`);
  return tex.replace(from, to);
}
/** (A2)/(A3) printed without the division of the threshold by ω. */
const withoutOmega = (tex: string): string => replaceOnce(tex, '}{\\omega} \\text{ for }', '}{1} \\text{ for }');

const EXPECTED: Record<string, string> = {
  'fig1-cl1-ge-w': 'verified',
  'eq9-order-only-when': 'erratum',
  'eq9-order-guaranteed': 'verified',
  'eq11-low-temperature': 'verified',
  'eq11-half-overlap': 'verified',
  'eq12-high-temperature': 'verified',
  'eq12-w-equals-cl1': 'verified',
  'appa-monotone-in-c': 'verified',
  'appa-a1': 'erratum',
  'appa-a2': 'verified',
  'appa-a3': 'verified',
  'appa-triplet-order': 'verified',
  'beyond-w-closed-form': 'verified',
  'beyond-w-le-cl1-ground': 'verified',
  'beyond-w-le-cl1-random': 'verified',
};

describe('ordering, Appendix A and beyond-the-paper claims', () => {
  it('have the expected verdicts', async () => {
    const claims = [...SEC4A_ORDERING, ...APPENDIX_A, ...BEYOND];
    expect(claims.map((c) => c.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    const checked = await runClaims(claims, CTX);
    for (const c of checked) {
      expect({ id: c.id, verdict: c.verdict }).toEqual({ id: c.id, verdict: EXPECTED[c.id] });
      expect(c.location).toMatch(/^(Sec\. IV A|Eq\. \(1[12]\)|Appendix A|Fig\. 3\(b\))/);
      if (c.verdict === 'erratum') {
        expect(c.corrected).toBeTruthy();
        expect(c.evidence.differsWhere).toBeTruthy();
        expect(c.evidence.checks.some((k) => k.role === 'consistency' && k.outcome === 'pass')).toBe(true);
      }
    }
    const a1 = checked.find((c) => c.id === 'appa-a1')!;
    // the printed (A1) threshold is right at ω = 1 and wrong at ω ≠ 1
    const printed = a1.evidence.checks.find((k) => k.name.startsWith('printed threshold'))!;
    expect(printed.outcome).toBe('fail');
    expect(printed.detail).toMatch(/0 of them at ω = 1/);
    expect(a1.corrected).toMatch(/\\frac\{1\}\{\\omega\}/);
    expect(a1.evidence.differsWhere).toMatch(/off by the factor 1\/ω/);
  }, 60_000);

  it('mutation: (A2) without its 1/ω is an erratum whose correction is the derived threshold, not "(as printed)"', async () => {
    const mutated = thresholdClaim({ ...A2_SPEC, id: 'mutant-a2-erratum', printed: withoutOmega(A2_SPEC.printed) });
    const [r] = await runClaims([mutated], CTX);
    expect(r.verdict).toBe('erratum');
    expect(r.corrected).toMatch(/\\frac\{1\}\{\\omega\}\\ln/);
    expect(r.corrected).not.toMatch(/as printed/);
    expect(r.evidence.differsWhere).toMatch(/off by the factor 1\/ω/);
  });

  it('mutation: (A3) × 1.001 differs at ω = 1 too, so it is not explained as a missing 1/ω', async () => {
    const mutated = thresholdClaim({ ...A3_SPEC, id: 'mutant-a3-scaled', printed: replaceOnce(A3_SPEC.printed, '< \\frac{\\log', '< 1.001 \\frac{\\log') });
    const [r] = await runClaims([mutated], CTX);
    expect(r.verdict).toBe('erratum');
    expect(r.evidence.differsWhere).toMatch(/wrong even at ω = 1/);
    expect(r.evidence.differsWhere).not.toMatch(/1\/ω/);
  });

  it('mutation: (A2) without its 1/ω is not verified', async () => {
    const mutated = thresholdClaim({ ...A2_SPEC, id: 'mutant-a2', printed: withoutOmega(A2_SPEC.printed) });
    const [r] = await runClaims([mutated], CTX);
    expect(r.verdict).not.toBe('verified');
  });

  it('mutation: (A3) with a wrong constant under the root is not verified', async () => {
    const mutated = thresholdClaim({ ...A3_SPEC, id: 'mutant-a3', printed: replaceOnce(A3_SPEC.printed, '3-7c', '3-6c') });
    const [r] = await runClaims([mutated], CTX);
    expect(r.verdict).not.toBe('verified');
  });

  it('control: (A1) with the 1/ω restored is verified', async () => {
    const fixed = thresholdClaim({
      ...A1_SPEC,
      id: 'fixed-a1',
      printed: replaceOnce(A1_SPEC.printed, '\\right) & \\text{for } 1/2', '\\right)/\\omega & \\text{for } 1/2'),
    });
    const [r] = await runClaims([fixed], CTX);
    expect(r.verdict).toBe('verified');
  });

  it('mutation: a closed form of W without the case-C branch is not verified', async () => {
    const Zs = '(1 + exp(-beta*omega) + exp(-2*beta*omega))';
    const A = `(1 - c - c/${Zs})`;
    const wrong = `omega*(${A} + abs(${A}))/2`;
    const claim = checksClaim({
      id: 'mutant-w',
      location: 'test',
      statement: 'W without case C',
      printed: '-',
      howDecided: 'first principles',
      derived: 'the closed form',
      checks: (ctx) => [
        firstPrinciplesCheck(
          'closed form',
          'consistency',
          W_ALL_FORMULA,
          (p, D) => ergotropyAt(D, eq7At(D, p), p.omega),
          ctx,
          { c: { lo: '17/20', hi: 1 }, beta: { lo: 0, hi: '1/10' }, omega: { lo: '1/2', hi: 3 } },
          { points: 3 },
        ),
        firstPrinciplesCheck(
          'mutant',
          'printed',
          wrong,
          (p, D) => ergotropyAt(D, eq7At(D, p), p.omega),
          ctx,
          { c: { lo: '17/20', hi: 1 }, beta: { lo: 0, hi: '1/10' }, omega: { lo: '1/2', hi: 3 } },
          { points: 3 },
        ),
      ],
    });
    const [r] = await runClaims([claim], CTX);
    expect(r.verdict).not.toBe('verified');
  });
});
