/**
 * Fuzz: where `verify --out` and `figures --out` write. A bad place (a kernel file system, a file
 * used as a directory, a device, a dangling symbolic link, the working directory) is a one-line
 * refusal with nothing left behind; a directory holding anything ergocheck did not write, or a
 * report file the user changed, is refused and left exactly as it was; ergocheck's own earlier
 * output is replaced as a whole.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fcParams } from '../../arbitraries.js';
import { expectNoLeftovers, expectOk, expectRefused, run, scratch, snapshot, expectOwnDirectory } from './harness.js';

const VERIFY = ['verify', '--only', 'eq10-c-below-half', '--fig3', '0', '--format', 'json,md', '--quiet'];
const FIGURES = ['figures', '--samples', '2', '--max-qubits', '2', '--workers', '0'];
const MANIFEST = '.ergocheck-manifest.json';

describe('bad output places: one line, exit 2, nothing left behind', () => {
  const base = scratch('places');
  writeFileSync(join(base, 'afile'), 'mine');
  symlinkSync(join(base, 'nowhere'), join(base, 'dangling'));
  mkdirSync(join(base, 'real'));
  symlinkSync(join(base, 'real'), join(base, 'link-to-dir'));
  const places: [string, RegExp][] = [
    ['/proc/nope', /cannot create files in \/proc/],
    ['/proc/version/x', /\/proc\/version is not a directory/],
    ['/sys/nope', /cannot create files in \/sys/],
    ['/dev/null', /not a directory/],
    ['/dev/null/x', /\/dev\/null is not a directory/],
    [join(base, 'afile'), /exists and is not a directory \(a file\)/],
    [join(base, 'afile', 'x'), /afile is not a directory/],
    [join(base, 'afile', 'x', 'y'), /afile is not a directory/],
    [join(base, 'dangling'), /symbolic link to nothing/],
    [join(base, 'dangling', 'sub'), /symbolic link to nothing/],
    [join(base, 'link-to-dir'), /is a symbolic link/],
    ['.', /working directory/],
    ['/', /working directory or the root/],
    [process.cwd() + '/', /working directory/],
    ['', /--out must/],
    [' ', /--out must/],
  ];
  for (const [cmd, argv] of [
    ['verify', VERIFY],
    ['figures', FIGURES],
  ] as const) {
    it(`${cmd}: ${places.map(([p]) => JSON.stringify(p.replace(base, '…'))).join(' ')}`, async () => {
      const before = snapshot(base);
      for (const [place, why] of places) {
        const a = [...argv, '--out', place];
        expectRefused(await run(...a), a, why);
      }
      expect(snapshot(base)).toEqual(before);
      expectNoLeftovers(base);
    });
  }
  it('an unwritable directory (a read-only place, or one without write permission)', async () => {
    const ro = join(base, 'ro');
    mkdirSync(ro, { mode: 0o555 });
    // root may write anywhere but in /sys and /proc; others are stopped by the mode too
    const targets = process.getuid?.() === 0 ? ['/sys/fs/x', '/proc/sys/x'] : [join(ro, 'x'), '/sys/fs/x'];
    for (const t of targets) {
      const a = [...VERIFY, '--out', t];
      expectRefused(await run(...a), a, /cannot create|permission|not permitted|read-only|not a directory/);
    }
    expect(existsSync(join(ro, 'x'))).toBe(false);
  });
});

/** What a user may have done to an earlier output directory. */
type Action =
  | 'foreign-file'
  | 'hidden-file'
  | 'dir-named-like-report'
  | 'changed-report'
  | 'symlink-for-report'
  | 'no-manifest'
  | 'broken-manifest'
  | 'deleted-report'
  | 'nothing';
const HARMLESS: Action[] = ['deleted-report', 'nothing'];

function act(dir: string, a: Action, own: string): void {
  switch (a) {
    case 'foreign-file':
      writeFileSync(join(dir, 'chapter1.tex'), 'thesis');
      break;
    case 'hidden-file':
      writeFileSync(join(dir, '.notes'), 'mine');
      break;
    case 'dir-named-like-report':
      rmSync(join(dir, own), { force: true, recursive: true });
      mkdirSync(join(dir, own));
      writeFileSync(join(dir, own, 'chapter1.tex'), 'thesis');
      break;
    case 'changed-report':
      if (existsSync(join(dir, own)) && !snapshot(dir).get(own)?.startsWith('dir')) appendFileSync(join(dir, own), '\nmy notes');
      else writeFileSync(join(dir, own), 'my own file');
      break;
    case 'symlink-for-report':
      rmSync(join(dir, own), { force: true, recursive: true });
      symlinkSync('/etc/hostname', join(dir, own));
      break;
    case 'no-manifest':
      rmSync(join(dir, MANIFEST), { force: true });
      break;
    case 'broken-manifest':
      writeFileSync(join(dir, MANIFEST), '{"tool": "ergocheck"');
      break;
    case 'deleted-report':
      rmSync(join(dir, own), { force: true, recursive: true });
      break;
    case 'nothing':
      break;
  }
}

describe('an earlier output directory: replaced only if everything in it is ergocheck’s, unchanged', () => {
  for (const [cmd, argv, own] of [
    ['verify', VERIFY, ['report.md', 'report.json', 'fig1.svg']],
    ['figures', FIGURES, ['fig1.csv', 'assessment.json', 'fig3.json']],
  ] as const) {
    it(`${cmd}: random edits by the user, then a second run`, async () => {
      const base = scratch(`edits-${cmd}`);
      const pristine = join(base, 'pristine');
      expectOk(await run(...argv, '--out', pristine), argv);
      expectOwnDirectory(pristine);
      const actions = fc.constantFrom<Action>(
        'foreign-file',
        'hidden-file',
        'dir-named-like-report',
        'changed-report',
        'symlink-for-report',
        'no-manifest',
        'broken-manifest',
        'deleted-report',
        'nothing',
      );
      let k = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(actions, fc.constantFrom(...own)), { minLength: 0, maxLength: 3 }), async (edits) => {
          const id = k++;
          const parent = join(base, `case${id}`);
          mkdirSync(parent);
          const out = join(parent, 'out');
          // a file of the user's next to the output directory, which nothing may touch
          writeFileSync(join(parent, 'sentinel.txt'), `user data ${id}`);
          cpSync(pristine, out, { recursive: true });
          for (const [a, f] of edits) act(out, a, f);
          const before = snapshot(out);
          const harmful = edits.some(([a]) => !HARMLESS.includes(a));
          const a = [...argv, '--out', out];
          const r = await run(...a);
          if (harmful) {
            expectRefused(r, a, /--out .*: /);
            expect(snapshot(out)).toEqual(before); // every file of the user's as it was
          } else {
            expectOk(r, a);
            expectOwnDirectory(out);
          }
          expectNoLeftovers(parent);
          expect(readFileSync(join(parent, 'sentinel.txt'), 'utf8')).toBe(`user data ${id}`);
          rmSync(parent, { recursive: true, force: true });
        }),
        fcParams(`fuzz: output directory edits (${cmd})`, cmd === 'verify' ? 24 : 10),
      );
    });
  }
  it('a report directory is not figures output, nor the reverse; an empty directory and new nested ones are fine', async () => {
    const base = scratch('kinds');
    expectOk(await run(...VERIFY, '--out', join(base, 'r')), VERIFY);
    expectOk(await run(...FIGURES, '--out', join(base, 'f')), FIGURES);
    expectRefused(await run(...FIGURES, '--out', join(base, 'r')), FIGURES, /holds a verify report, not figures output/);
    expectRefused(await run(...VERIFY, '--out', join(base, 'f')), VERIFY, /holds figures output, not a verify report/);
    mkdirSync(join(base, 'empty'));
    expectOk(await run(...VERIFY, '--out', join(base, 'empty')), VERIFY);
    expectOwnDirectory(join(base, 'empty'));
    expectOk(await run(...VERIFY, '--out', join(base, 'a', 'b', 'c')), VERIFY);
    expectOwnDirectory(join(base, 'a', 'b', 'c'));
    expectNoLeftovers(base);
  });
});
