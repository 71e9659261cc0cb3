import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/errors.js';
import { compareWithBaseline, deviationTolerance, readBaseline } from '../../src/report/baseline.js';
import { renderJson } from '../../src/report/json.js';
import { syntheticReport } from './fixture.js';

const file = (text: string) => {
  const f = join(mkdtempSync(join(tmpdir(), 'ergocheck-baseline-')), 'report.json');
  writeFileSync(f, text);
  return f;
};
const all = () => true;

describe('readBaseline refuses, with an InputError naming the file and the problem', () => {
  it('a missing file', () => {
    expect(() => readBaseline('no/such/report.json')).toThrow(new InputError('cannot read baseline no/such/report.json: no such file'));
  });
  it('a file that is not JSON', () => {
    const f = file('{ not json');
    expect(() => readBaseline(f)).toThrow(/^baseline .* is not JSON: /);
  });
  it('JSON that is not a report', () => {
    const r = JSON.parse(renderJson(syntheticReport()));
    r.claims[0].verdict = 'fine';
    expect(() => readBaseline(file(JSON.stringify(r)))).toThrow(
      /is not an ergocheck report.json \(docs\/report.schema.json\): \/claims\/0\/verdict must be equal to one of the allowed values/,
    );
    expect(() => readBaseline(file('{"claims": []}'))).toThrow(/the top level must have required property 'tool'/);
  });
});

describe('compareWithBaseline', () => {
  const base = syntheticReport();
  const params = base.parameters;
  it('an identical run has no changes', () => {
    expect(compareWithBaseline('b', readBaseline(file(renderJson(base))), base.claims, params, all)).toEqual({ file: 'b', changes: [], notes: [] });
  });
  it('lists a changed verdict, a changed TeX, an added and a removed claim', () => {
    const now = structuredClone(base.claims);
    now[0].verdict = 'failed';
    now[1].corrected = '\\frac{b}{2a}';
    now.splice(2, 1); // c-failed removed
    now.push({ ...structuredClone(base.claims[0]), id: 'z-new' });
    const d = compareWithBaseline('b', base, now, params, all);
    expect(d.changes.map((c) => `${c.kind} ${c.id} ${c.field}`)).toEqual([
      'verdict-changed a-verified verdict',
      'tex-changed b-erratum corrected',
      'claim-added z-new null',
      'claim-removed c-failed null',
    ]);
  });
  it('a claim outside the selection (--only/--skip) is not counted as removed', () => {
    const d = compareWithBaseline('b', base, base.claims.slice(0, 2), params, (id) => id < 'c');
    expect(d.changes).toEqual([]);
  });
  it('a largest deviation counts only when it grows above 10^−(precision−10)', () => {
    expect(deviationTolerance(50).toString()).toBe('1e-40');
    const within = structuredClone(base.claims);
    within[0].evidence.maxDeviation = '9e-41';
    expect(compareWithBaseline('b', base, within, params, all).changes).toEqual([]);
    const above = structuredClone(base.claims);
    above[0].evidence.maxDeviation = '2e-40';
    const d = compareWithBaseline('b', base, above, params, all).changes;
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ kind: 'deviation-drifted', id: 'a-verified', field: 'evidence.maxDeviation', before: '1e-60', after: '2e-40' });
  });
  it('a different seed or precision is a note, not a change', () => {
    const d = compareWithBaseline('b', base, base.claims, { ...params, seed: 8 }, all);
    expect(d.changes).toEqual([]);
    expect(d.notes).toEqual(['baseline seed 7, this run 8: probe points differ']);
  });
});
