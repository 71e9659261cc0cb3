/**
 * README.md runs as written: every command line of its ```sh blocks that starts with
 * `ergocheck` or `npx ergocheck` is run with the built binary in a temporary directory (holding a
 * copy of docs/baseline/report.json), and must exit 0; the report excerpt and printed summary it
 * shows must be what the command produces.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const DOC = readFileSync('README.md', 'utf8');
const BIN = resolve('bin/ergocheck.js');

/** The command lines of the ```sh blocks that run ergocheck, as argument lists. */
function commands(): string[][] {
  const out: string[][] = [];
  for (const block of DOC.matchAll(/```sh\n([\s\S]*?)```/g)) {
    for (const line of block[1].split('\n')) {
      const m = /^(?:npx )?ergocheck (.*)$/.exec(line.trim());
      if (m) out.push(m[1].split(/\s+/));
    }
  }
  return out;
}

/** Lines that vary between runs (time, versions of the machine). */
const varies = (line: string) => /started:|check time:|time taken:|node:|^…$/.test(line);

describe('README.md', () => {
  const cmds = commands();
  it('has the commands it should', () => {
    expect(cmds.map((c) => c.join(' '))).toContain('verify --baseline docs/baseline/report.json --quiet');
    expect(cmds.length).toBeGreaterThanOrEqual(5);
  });
  it('every ergocheck command shown runs and exits 0; the excerpt and summary shown are real', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ergocheck-docs-'));
    mkdirSync(join(dir, 'docs'));
    cpSync('docs/baseline', join(dir, 'docs', 'baseline'), { recursive: true });
    const outputs = new Map<string, string>();
    for (const args of cmds) {
      const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8' });
      expect(r.status, `ergocheck ${args.join(' ')}\n${r.stderr}`).toBe(0);
      outputs.set(args.join(' '), r.stdout);
    }
    // the excerpt of report.md
    const excerpt = /<!-- excerpt: eq10-report\/report.md -->\n````markdown\n([\s\S]*?)````/.exec(DOC);
    expect(excerpt).not.toBeNull();
    const md = readFileSync(join(dir, 'eq10-report', 'report.md'), 'utf8').split('\n');
    for (const line of excerpt![1].split('\n').filter((l) => !varies(l))) expect(md, line).toContain(line);
    // the summary it prints
    const shown = /which prints\n\n```text\n([\s\S]*?)\n```/.exec(DOC)![1];
    expect(outputs.get('verify --only eq10 --format md --out eq10-report')!.trimEnd()).toBe(shown);
  });
});
