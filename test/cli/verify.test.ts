import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { runCli } from './run-cli.js';

const Ajv = Ajv2020 as unknown as typeof Ajv2020.default;
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addSchema(JSON.parse(readFileSync('docs/claim.schema.json', 'utf8')));
const validate = ajv.compile(JSON.parse(readFileSync('docs/report.schema.json', 'utf8')));

const tmp = () => mkdtempSync(join(tmpdir(), 'ergocheck-verify-'));
/** A quick subset: eq10 has one erratum (eq10-c-one), eq8 claims are verified. */
const SUBSET = ['--only', 'eq10,eq8-zero'];

describe('ergocheck verify refuses (exit 2, one line, before any check runs)', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown option', ['--frobnicate'], /^ergocheck: verify: Unknown option '--frobnicate'/],
    ['an unknown format', ['--format', 'md,pdf'], /^ergocheck: verify: unknown format "pdf" \(formats: md, html, json, junit, tex\)$/],
    ['an unknown claim id in --only', ['--only', 'eq10,no-such-claim'], /^ergocheck: verify: no claim matches "no-such-claim"/],
    ['an unknown claim id in --skip', ['--skip', 'no-such-claim'], /^ergocheck: verify: no claim matches "no-such-claim"/],
    ['a missing baseline file', ['--baseline', 'no/such/report.json'], /^ergocheck: cannot read baseline no\/such\/report.json: no such file$/],
    ['a precision below 50', ['--precision', '20'], /at least 50/],
    ['a bad seed', ['--seed', 'x'], /--seed must be a non-negative integer/],
    [
      '--fig3 that is not a sample count',
      ['--fig3', '1e5'],
      /^ergocheck: verify: --fig3 must be 0 \(no Fig. 3\) or an integer number of samples from 2 to 10000000, got "1e5"$/,
    ],
    ['--fig3 of 1 sample (no standard deviation)', ['--fig3', '1'], /--fig3 must be 0 \(no Fig. 3\) or an integer number of samples from 2/],
    [
      '--fig3 without a report to draw it in',
      ['--fig3', '100', '--format', 'json'],
      /^ergocheck: verify: --fig3 draws Fig. 3 into the md and html reports; add md or html to --format$/,
    ],
  ];
  for (const [what, args, message] of cases) {
    it(what, async () => {
      const out = join(tmp(), 'report');
      const r = await runCli('verify', '--out', out, ...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err.split('\n')).toHaveLength(1);
      expect(existsSync(out)).toBe(false);
    });
  }
  it('a malformed baseline (not JSON, or not a report)', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.json'), '{"tool": ');
    writeFileSync(join(dir, 'wrong.json'), '{"claims": []}');
    const a = await runCli('verify', '--out', join(dir, 'r'), '--baseline', join(dir, 'bad.json'));
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/^ergocheck: baseline .*bad.json is not JSON: /);
    const b = await runCli('verify', '--out', join(dir, 'r'), '--baseline', join(dir, 'wrong.json'));
    expect(b.code).toBe(2);
    expect(b.err).toMatch(
      /^ergocheck: baseline .*wrong.json is not an ergocheck report.json \(docs\/report.schema.json\): the top level must have required property 'tool'$/,
    );
  });
  it('an --out directory holding other files', async () => {
    const r = await runCli('verify', '--out', 'test', ...SUBSET);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--out test: the directory holds files ergocheck did not write/);
  });
});

/** A report with the run-to-run variation (start time, timings) blanked out. */
function stable(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  // the manifest holds the files' hashes, which differ with the timings
  for (const f of readdirSync(dir)
    .sort()
    .filter((f) => f !== '.ergocheck-manifest.json')) {
    let t = readFileSync(join(dir, f), 'utf8');
    if (f.endsWith('.json')) {
      const j = JSON.parse(t);
      j.parameters.startedAt = 'T';
      for (const c of j.claims) c.evidence.seconds = 0;
      t = JSON.stringify(j);
    } else {
      t = t
        .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'T')
        .replace(/time="[\d.]+"/g, 'time="0"')
        .replace(/(time taken: |check time: )[\d.]+ s/g, '$1 0 s')
        .replace(/<span class="time">[\d.]+<\/span>/g, '<span class="time">0</span>');
    }
    out[f] = t;
  }
  return out;
}

describe('ergocheck verify', () => {
  it('writes all five files (and Figs. 1–3 beside report.md) by default; report.json is valid and each claim is in the CheckedClaim shape', async () => {
    const out = join(tmp(), 'report');
    const r = await runCli('verify', '--out', out, ...SUBSET);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      '.ergocheck-manifest.json',
      'fig1.svg',
      'fig2.svg',
      'fig3a.svg',
      'fig3b.svg',
      'report.html',
      'report.json',
      'report.junit.xml',
      'report.md',
      'report.tex',
    ]);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('10000 Haar-random pure initial states per N = 2…7');
    const j = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(validate(j), JSON.stringify(validate.errors)).toBe(true);
    expect(j.parameters).toMatchObject({ precision: 50, seed: 20220513, only: ['eq10', 'eq8-zero'], skip: [] });
    expect(j.summary.erratum).toBe(1);
    expect(r.out).toMatch(/^ {2}erratum\s+1$/m);
    expect(r.out).toContain('eq10-c-one (Eq. (10), branch c = 1): ω · y²/(1 + y + y²), y = e^(−βω)');
    expect(r.err).toBe(''); // not a TTY: no progress lines
  });
  it('--fig3 0 leaves Fig. 3 out', async () => {
    const out = join(tmp(), 'report');
    expect((await runCli('verify', '--out', out, '--only', 'eq8-zero', '--format', 'md', '--fig3', '0')).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.ergocheck-manifest.json', 'fig1.svg', 'fig2.svg', 'report.md']);
  });
  it('--fig3 N draws Fig. 3 (a) and (b) beside report.md and into report.html, with Sec. IV B 2 decided in the caption', async () => {
    const out = join(tmp(), 'report');
    const r = await runCli('verify', '--out', out, '--only', 'eq8-zero', '--format', 'md,html', '--fig3', '40');
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.ergocheck-manifest.json', 'fig1.svg', 'fig2.svg', 'fig3a.svg', 'fig3b.svg', 'report.html', 'report.md']);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toContain('![Fig. 3(a)](fig3a.svg)');
    expect(md).toContain('40 Haar-random pure initial states per N = 2…7 (seed 20220513)');
    expect(md.match(/(NOT )?reproduced: /g)).toHaveLength(3);
    expect(readFileSync(join(out, 'fig3a.svg'), 'utf8')).toMatch(/^<svg/);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('Fig. 3(b)');
  });
  it('--format and --skip (repeatable, comma lists) select files and claims', async () => {
    const out = join(tmp(), 'r');
    const r = await runCli('verify', '--out', out, '--only', 'eq10', '--only', 'eq8-zero', '--skip', 'eq10-c-one', '--format', 'json', '--format', 'junit');
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.ergocheck-manifest.json', 'report.json', 'report.junit.xml']);
    const ids = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).claims.map((c: { id: string }) => c.id);
    expect(ids).toContain('eq8-zero');
    expect(ids).not.toContain('eq10-c-one');
  });
  it('--strict with an erratum exits 1, and the erratum is a JUnit failure', async () => {
    const out = join(tmp(), 'r');
    const r = await runCli('verify', '--out', out, '--only', 'eq10-c-one', '--strict', '--format', 'junit');
    expect(r.code).toBe(1);
    expect(readFileSync(join(out, 'report.junit.xml'), 'utf8')).toContain('<failure type="erratum"');
  });
  it('is deterministic: two runs give the same files (five reports, four figures) apart from start time and timings', async () => {
    const a = join(tmp(), 'a');
    const b = join(tmp(), 'b');
    expect((await runCli('verify', '--out', a, ...SUBSET)).code).toBe(0);
    expect((await runCli('verify', '--out', b, ...SUBSET)).code).toBe(0);
    const sa = stable(a);
    const sb = stable(b);
    expect(Object.keys(sa)).toHaveLength(9);
    for (const f of Object.keys(sa)) expect(sb[f], f).toBe(sa[f]);
  });
});

describe('ergocheck verify --baseline', () => {
  it('exit 0 when nothing changed; exit 1 listing a changed verdict and TeX, an added and a removed claim', async () => {
    const dir = tmp();
    expect((await runCli('verify', '--out', join(dir, 'base'), ...SUBSET, '--format', 'json')).code).toBe(0);
    const baseFile = join(dir, 'base', 'report.json');
    const same = await runCli('verify', '--out', join(dir, 'same'), ...SUBSET, '--baseline', baseFile);
    expect(same.code).toBe(0);
    expect(same.out).toContain(`baseline ${baseFile}: no changes`);
    const sameJson = JSON.parse(readFileSync(join(dir, 'same', 'report.json'), 'utf8'));
    expect(sameJson.baseline).toEqual({ file: baseFile, changes: [], notes: [] });
    expect(validate(sameJson)).toBe(true);

    // doctor the baseline: a different verdict, a removed claim, an extra claim; a smaller deviation (still within tolerance: no change)
    const base = JSON.parse(readFileSync(baseFile, 'utf8'));
    const c1 = base.claims.findIndex((c: { id: string }) => c.id === 'eq10-c-one');
    base.claims[c1].verdict = 'verified';
    base.claims[c1].corrected = null;
    const below = base.claims.find((c: { id: string }) => c.id === 'eq10-c-below-half');
    below.evidence.maxDeviation = '1e-80';
    base.claims = base.claims.filter((c: { id: string }) => c.id !== 'eq8-zero');
    base.claims.push({ ...base.claims[0], id: 'eq10-gone' });
    const doctored = join(dir, 'doctored.json');
    writeFileSync(doctored, JSON.stringify(base));
    const r = await runCli('verify', '--out', join(dir, 'r'), ...SUBSET, '--baseline', doctored);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/baseline .*doctored.json: 4 changes/);
    for (const line of [
      'verdict-changed: eq10-c-one: verdict verified → erratum',
      'tex-changed: eq10-c-one: corrected TeX changed from null to',
      'claim-added: eq8-zero: new claim',
      'claim-removed: eq10-gone: claim no longer checked',
    ])
      expect(r.out).toContain(line);
    const md = readFileSync(join(dir, 'r', 'report.md'), 'utf8');
    expect(md).toContain('### Baseline');
    expect(md).toContain('4 changes.');
    const j = JSON.parse(readFileSync(join(dir, 'r', 'report.json'), 'utf8'));
    expect(j.baseline.changes.map((c: { kind: string }) => c.kind).sort()).toEqual(['claim-added', 'claim-removed', 'tex-changed', 'verdict-changed']);
  });
});
