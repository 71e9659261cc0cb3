import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { runCli } from './run-cli.js';
import { selectClaims } from '../../src/cli/commands/prove.js';
import { CLAIMS } from '../../proofs/index.js';

const schema = JSON.parse(readFileSync('docs/claim.schema.json', 'utf8'));
const validate = new (Ajv2020 as unknown as typeof Ajv2020.default)({ allErrors: true, strict: false }).compile(schema);

describe('ergocheck prove refuses', () => {
  it('an unknown claim', async () => {
    const r = await runCli('prove', 'no-such-claim');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no claim matches "no-such-claim"/);
  });
  it('a precision below 50 digits', async () => {
    const r = await runCli('prove', '--precision', '20');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/at least 50/);
  });
  it('a bad seed', async () => {
    const r = await runCli('prove', '--seed', '-3');
    expect(r.code).toBe(2);
  });
});

describe('ergocheck prove', () => {
  it('--list lists every claim with its location', async () => {
    const r = await runCli('prove', '--list');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toHaveLength(CLAIMS.length);
  });
  it('selects claims by id prefix, in registry order', () => {
    const ids = selectClaims(CLAIMS, ['eq10']).map((c) => c.id);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect(ids.every((id) => id.startsWith('eq10'))).toBe(true);
  });
  it('--json prints {"claims": [...]} valid against docs/claim.schema.json, deterministically', async () => {
    const a = await runCli('prove', 'eq10', 'eq8', '--json');
    expect(a.code).toBe(0);
    const ja = JSON.parse(a.out);
    expect(Object.keys(ja)).toEqual(['claims']);
    for (const c of ja.claims) expect(validate(c), JSON.stringify(validate.errors)).toBe(true);
    const erratum = ja.claims.find((c: { id: string }) => c.id === 'eq10-c-one');
    expect(erratum.verdict).toBe('erratum');
    // the correction is the derived form, ωy²/(1 + y + y²) with y = e^{−βω}
    expect(erratum.corrected).toBe(erratum.derived);
    expect(erratum.corrected).toBe('\\omega \\cdot \\frac{{y}^{2}}{1 + y + {y}^{2}}, \\quad y = e^{-\\beta\\omega}');
    // the same command gives the same report apart from timings
    const jb = JSON.parse((await runCli('prove', 'eq10', 'eq8', '--json')).out);
    const strip = (x: { claims: { evidence: { seconds: number } }[] }) =>
      JSON.stringify(x.claims.map((c) => ({ ...c, evidence: { ...c.evidence, seconds: 0 } })));
    expect(strip(jb)).toBe(strip(ja));
  });
  it('a different seed probes different points', async () => {
    const a = JSON.parse((await runCli('prove', 'eq10-c-below-half', '--json')).out).claims[0].evidence.points;
    const b = JSON.parse((await runCli('prove', 'eq10-c-below-half', '--json', '--seed', '5')).out).claims[0].evidence.points;
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
  });
  it('the schema rejects a malformed claim', () => {
    expect(validate({ id: 'x', location: 'nowhere', statement: 's', printed: 'p', derived: null, verdict: 'ok', corrected: null, evidence: {} })).toBe(false);
  });
  it('prints a summary line without --json', async () => {
    const r = await runCli('prove', 'eq10');
    expect(r.out).toMatch(/claims: \d+ verified, 1 erratum, 0 supported, 0 failed, 0 inconclusive, 0 not checkable$/m);
  });
});
