/**
 * README.md runs as written: every command line of its ```sh blocks that starts with
 * `ergocheck` or `npx ergocheck` is run with the built binary in a temporary directory (holding a
 * copy of docs/baseline/report.json), and must exit 0; the report excerpt and printed summary it
 * shows must be what the command produces. One test per command, each an asynchronous child
 * process, so no worker is blocked while they run.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBin, type ProcessResult } from '../support/spawn.js';

const DOC = readFileSync('README.md', 'utf8');

/** The command lines of the ```sh blocks that run ergocheck, as argument lists. */
function commands(): string[][] {
  const out: string[][] = [];
  for (const block of DOC.matchAll(/```sh\n([\s\S]*?)```/g)) {
    for (const line of block[1].split('\n')) {
      const m = /^(?:\$ )?(?:npx )?ergocheck (.*)$/.exec(line.trim());
      if (m) out.push(m[1].split(/\s+/));
    }
  }
  return out;
}

/** Lines that vary between runs (time, versions of the machine). */
const varies = (line: string) => /started:|check time:|time taken:|node:|^…$/.test(line);

const EXCERPT_COMMAND = 'verify --only eq10 --format md --out eq10-report';

describe('README.md', () => {
  const cmds = commands();
  let dir = '';
  const outputs = new Map<string, ProcessResult>();
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ergocheck-docs-'));
    mkdirSync(join(dir, 'docs'));
    cpSync('docs/baseline', join(dir, 'docs', 'baseline'), { recursive: true });
    cpSync('examples', join(dir, 'examples'), { recursive: true });
  });

  it('has the commands it should', () => {
    expect(cmds.map((c) => c.join(' '))).toContain('verify --baseline docs/baseline/report.json --quiet');
    expect(cmds.map((c) => c.join(' '))).toContain(EXCERPT_COMMAND);
    expect(cmds.length).toBeGreaterThanOrEqual(5);
  });

  for (const args of cmds) {
    const line = args.join(' ');
    it(`ergocheck ${line} runs and exits 0`, { timeout: 300_000 }, async () => {
      const r = await runBin(args, { cwd: dir });
      outputs.set(line, r);
      expect(r.status, `ergocheck ${line}\n${r.stderr}`).toBe(0);
    });
  }

  it('the excerpt of report.md and the summary shown are real', { timeout: 300_000 }, async () => {
    const r = outputs.get(EXCERPT_COMMAND) ?? (await runBin(EXCERPT_COMMAND.split(' '), { cwd: dir }));
    expect(r.status, r.stderr).toBe(0);
    const excerpt = /<!-- excerpt: eq10-report\/report.md -->\n````markdown\n([\s\S]*?)````/.exec(DOC);
    expect(excerpt).not.toBeNull();
    const md = readFileSync(join(dir, 'eq10-report', 'report.md'), 'utf8').split('\n');
    for (const l of excerpt![1].split('\n').filter((x) => !varies(x))) expect(md, l).toContain(l);
    const shown = /which prints\n\n```text\n([\s\S]*?)\n```/.exec(DOC)![1];
    expect(r.stdout.trimEnd()).toBe(shown);
  });
});
