import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/errors.js';
import { writeReportDir } from '../../src/report/write.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'ergocheck-write-'));

describe('writeReportDir refuses', () => {
  it('a directory holding other files (it would delete them)', () => {
    const dir = fresh();
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'notes.txt'), 'mine');
    expect(() => writeReportDir(join(dir, 'out'), [{ name: 'report.md', render: () => 'x' }])).toThrow(InputError);
    expect(readFileSync(join(dir, 'out', 'notes.txt'), 'utf8')).toBe('mine');
  });
  it('a file, and the working directory', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'f'), '');
    expect(() => writeReportDir(join(dir, 'f'), [])).toThrow(/not a directory/);
    expect(() => writeReportDir('.', [])).toThrow(/working directory/);
  });
});

describe('writeReportDir', () => {
  it('writes a new directory, then replaces it as a whole', () => {
    const dir = fresh();
    const out = join(dir, 'nested', 'report');
    writeReportDir(out, [
      { name: 'report.md', render: () => 'one' },
      { name: 'report.json', render: () => '{}' },
    ]);
    expect(readdirSync(out).sort()).toEqual(['.ergocheck-manifest.json', 'report.json', 'report.md']);
    writeReportDir(out, [{ name: 'report.md', render: () => 'two' }]);
    expect(readdirSync(out).sort()).toEqual(['.ergocheck-manifest.json', 'report.md']);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toBe('two');
    expect(readdirSync(join(dir, 'nested'))).toEqual(['report']);
  });
  it('a renderer that throws leaves the previous report intact and no temporary directory behind', () => {
    const dir = fresh();
    const out = join(dir, 'report');
    writeReportDir(out, [
      { name: 'report.md', render: () => 'good' },
      { name: 'report.html', render: () => '<p>good</p>' },
    ]);
    const boom = () => {
      throw new Error('renderer broke');
    };
    expect(() =>
      writeReportDir(out, [
        { name: 'report.md', render: () => 'half' },
        { name: 'report.html', render: boom },
      ]),
    ).toThrow('renderer broke');
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toBe('good');
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toBe('<p>good</p>');
    expect(readdirSync(dir)).toEqual(['report']);
  });
});
