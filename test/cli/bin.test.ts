import { describe, expect, it } from 'vitest';
import { runBin } from '../support/spawn.js';

/** The installed entry point, as a user runs it (dist/ is built by the global setup). */
describe('bin/ergocheck.js', () => {
  it('refuses a missing file with exit code 2, one line, no stack trace', async () => {
    const r = await runBin(['ergotropy', '--rho', 'no/such/file.json']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual(['ergocheck: cannot read no/such/file.json: no such file']);
  });
  it('computes the singlet ergotropy', async () => {
    const r = await runBin(['ergotropy', '--rho', 'examples/singlet.json', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).ergotropy).toBe('1');
  });
  it('prints usage with no arguments', async () => {
    const r = await runBin([]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: ergocheck/);
  });
});
