import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

/** The installed entry point, as a user runs it (dist/ is built by the global setup). */
const run = (...args: string[]) => spawnSync(process.execPath, ['bin/ergocheck.js', ...args], { encoding: 'utf8' });

describe('bin/ergocheck.js', () => {
  it('refuses a missing file with exit code 2, one line, no stack trace', () => {
    const r = run('ergotropy', '--rho', 'no/such/file.json');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual(['ergocheck: cannot read no/such/file.json: no such file']);
  });
  it('computes the singlet ergotropy', () => {
    const r = run('ergotropy', '--rho', 'examples/singlet.json', '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).ergotropy).toBe('1');
  });
  it('prints usage with no arguments', () => {
    const r = run();
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: ergocheck/);
  });
});
