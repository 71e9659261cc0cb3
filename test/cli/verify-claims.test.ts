/** `ergocheck verify --claims FILE`: a group's own claims join the reports and the baseline. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { expectRefusal, runCli } from './run-cli.js';

const Ajv = Ajv2020 as unknown as typeof Ajv2020.default;
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addSchema(JSON.parse(readFileSync('docs/claim.schema.json', 'utf8')));
const validate = ajv.compile(JSON.parse(readFileSync('docs/report.schema.json', 'utf8')));
const QUICK = ['--only', 'eq8-zero', '--fig3', '0'];

describe('ergocheck verify --claims', () => {
  it('refuses a bad claims file before checking anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ergocheck-vc-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ claims: [{ id: 'a', quantity: 'energy', state: { family: 'gibbs', qubits: 2 }, formula: 'c' }] }));
    await expectRefusal(/claim "a": the formula uses c/, 'verify', '--out', join(dir, 'r'), ...QUICK, '--claims', bad);
    const clash = join(dir, 'clash.json');
    writeFileSync(
      clash,
      JSON.stringify({ claims: [{ id: 'eq8-zero', quantity: 'energy', state: { family: 'gibbs', qubits: 2 }, formula: '2*omega*y/(1 + y)' }] }),
    );
    await expectRefusal(/claim "eq8-zero" of .* has the id of a claim of the paper/, 'verify', '--out', join(dir, 'r'), ...QUICK, '--claims', clash);
  });
  it('adds the claims to report.json and to the baseline comparison', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ergocheck-vc-'));
    const claims = join(dir, 'claims.json');
    writeFileSync(claims, readFileSync('examples/claims/wrong-formula.json', 'utf8'));
    const base = await runCli('verify', '--out', join(dir, 'base'), ...QUICK, '--format', 'json', '--claims', claims);
    expect(base.code, base.err).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'base', 'report.json'), 'utf8'));
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    const last = report.claims[report.claims.length - 1];
    expect(`${last.id} ${last.verdict}`).toBe('cl1-ground-3-wrong erratum');
    expect(report.claims.filter((c: { id: string }) => c.id.startsWith('eq8-zero')).length).toBe(report.claims.length - 1);
    expect(last.correctedPieces).toEqual([{ formula: '(2*y) / (y^2 + 1)', where: ['r > 0', 'r < 1'] }]);
    const baseFile = join(dir, 'base', 'report.json');
    const same = await runCli('verify', '--out', join(dir, 'same'), ...QUICK, '--format', 'json', '--claims', claims, '--baseline', baseFile);
    expect(same.code).toBe(0);
    expect(same.out).toContain('no changes');
    // the group fixes its formula: the verdict changes, and the baseline comparison says so
    writeFileSync(claims, readFileSync('examples/claims/wrong-formula.json', 'utf8').replace('\\\\frac{2r}{1+r}', '\\\\frac{2r}{1+r^2}'));
    const fixed = await runCli('verify', '--out', join(dir, 'fixed'), ...QUICK, '--format', 'json', '--claims', claims, '--baseline', baseFile);
    expect(fixed.code).toBe(1);
    expect(fixed.out).toContain('verdict-changed: cl1-ground-3-wrong: verdict erratum → verified');
  });
});
