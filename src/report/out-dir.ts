/**
 * Output directories that ergocheck owns: a directory written by `verify` or `figures` carries a
 * manifest (`.ergocheck-manifest.json`) with the name and SHA-256 of every file ergocheck wrote.
 * Such a directory may be replaced as a whole; any other content — a file the manifest does not
 * list, a listed file whose content changed since, a directory, a symbolic link — belongs to the
 * user and makes the directory a refusal (InputError), never a deletion.
 *
 * Writing is atomic: the files go into a temporary directory next to the target, which then
 * replaces the target by renames. SIGINT, SIGTERM and SIGHUP are held back during that
 * (synchronous) phase and acted on after it, so an interrupted run leaves either the previous set
 * or the new one, and no temporary directory.
 */
import { createHash } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  constants,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError, InternalError } from '../errors.js';

export const MANIFEST_FILE = '.ergocheck-manifest.json';

/** Which command wrote a directory: a report directory is never silently replaced by figures, nor the reverse. */
export type OutputKind = 'report' | 'figures';

interface Manifest {
  tool: 'ergocheck';
  kind: OutputKind;
  files: Record<string, string>;
}

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** A file-system error as a short reason ("permission denied"), for one-line messages. */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
      return 'permission denied';
    case 'EPERM':
      return 'operation not permitted';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'EEXIST':
      return 'already exists';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'ENAMETOOLONG':
      return 'name too long';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'EISDIR':
      return 'is a directory';
    case 'EXDEV':
      return 'crosses file systems';
    case 'EINVAL':
      return 'invalid path for this file system';
    default:
      return code ?? (e instanceof Error ? e.message.split('\n')[0] : String(e));
  }
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw e;
  }
}

const refuse = (out: string, why: string): never => {
  throw new InputError(`--out ${out}: ${why}`);
};

function readManifest(out: string, dir: string): Manifest | null {
  let text: string;
  try {
    text = readFileSync(join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    return null;
  }
  try {
    const m = JSON.parse(text) as Manifest;
    if (
      m.tool === 'ergocheck' &&
      (m.kind === 'report' || m.kind === 'figures') &&
      typeof m.files === 'object' &&
      m.files !== null &&
      !Array.isArray(m.files) &&
      Object.values(m.files).every((h) => typeof h === 'string')
    )
      return m;
  } catch {
    // fall through: a broken manifest proves nothing
  }
  return refuse(out, `${MANIFEST_FILE} is not an ergocheck manifest; the directory is not ergocheck's to replace`);
}

const whatKind = (k: OutputKind): string => (k === 'report' ? 'a verify report' : 'figures output');

/** Refuse `dir` (an existing directory) unless everything in it is ergocheck's own `kind` output, unchanged. */
function checkOwnDirectory(out: string, dir: string, kind: OutputKind): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (e) {
    return refuse(out, `cannot list the directory (${fsReason(e)})`);
  }
  if (entries.length === 0) return;
  const manifest = readManifest(out, dir);
  if (manifest === null) {
    const shown = entries.slice(0, 3).join(', ') + (entries.length > 3 ? ', …' : '');
    return refuse(out, `the directory holds files ergocheck did not write (${shown}; no ${MANIFEST_FILE}); choose another directory or empty it`);
  }
  if (manifest.kind !== kind) return refuse(out, `the directory holds ${whatKind(manifest.kind)}, not ${whatKind(kind)}; choose another directory`);
  for (const name of entries) {
    if (name === MANIFEST_FILE) continue;
    const path = join(dir, name);
    const st = lstatSync(path);
    const hash = Object.hasOwn(manifest.files, name) ? manifest.files[name] : undefined;
    if (hash === undefined) return refuse(out, `"${name}" was not written by ergocheck; choose another directory or move it away`);
    if (!st.isFile())
      return refuse(
        out,
        `"${name}" is ${st.isDirectory() ? 'a directory' : st.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'}, not the file ergocheck wrote; choose another directory or move it away`,
      );
    if (sha256(readFileSync(path)) !== hash) return refuse(out, `"${name}" changed since ergocheck wrote it; choose another directory or move it away`);
  }
}

/**
 * The nearest existing ancestor of `path` (which must be a directory one can create entries in),
 * and the components to create below it. Bounded by the depth of the path.
 */
function existingAncestor(out: string, path: string): { base: string; missing: string[] } {
  const missing: string[] = [];
  let p = dirname(path);
  for (;;) {
    let st: Stats | null;
    try {
      st = lstatOrNull(p);
    } catch (e) {
      // ENOTDIR: a file further up; the walk finds and names it
      if ((e as NodeJS.ErrnoException).code !== 'ENOTDIR') return refuse(out, `cannot look at ${p} (${fsReason(e)})`);
      st = null;
    }
    if (st !== null) {
      let target: Stats;
      try {
        target = statSync(p);
      } catch (e) {
        return refuse(out, `${p} is a symbolic link to nothing (${fsReason(e)})`);
      }
      if (!target.isDirectory()) return refuse(out, `${p} is not a directory`);
      return { base: p, missing };
    }
    const up = dirname(p);
    if (up === p) return refuse(out, 'no part of the path exists');
    missing.unshift(basename(p));
    p = up;
  }
}

/** Create a temporary directory in `dir`, as a probe or for writing; any failure names the place and the reason. */
function makeTemp(out: string, dir: string, tag: string): string {
  try {
    return mkdtempSync(join(dir, `.${tag}.tmp-`));
  } catch (e) {
    return refuse(out, `cannot create files in ${dir} (${fsReason(e)})`);
  }
}

/**
 * Check, before a (slow) run, that `out` can become ergocheck's `kind` output directory: not the
 * working directory or the root, not a symbolic link, a file or a device, not a directory holding
 * anything ergocheck did not write, and inside a place where a directory can be created (probed by
 * creating and removing a temporary directory). Creates nothing that stays.
 */
export function checkOutputDir(out: string, kind: OutputKind): void {
  if (out.trim() === '') throw new InputError('--out must name a directory');
  if (out.includes('\0')) throw new InputError('--out must not contain a NUL character');
  const path = resolve(out);
  if (path === resolve(process.cwd()) || path === dirname(path)) refuse(out, 'must be a directory of its own, not the working directory or the root');
  let st: Stats | null;
  try {
    st = lstatOrNull(path);
  } catch (e) {
    // ENOTDIR: existingAncestor below names the part of the path that is not a directory
    if ((e as NodeJS.ErrnoException).code !== 'ENOTDIR') return refuse(out, `cannot look at it (${fsReason(e)})`);
    st = null;
  }
  if (st !== null) {
    if (st.isSymbolicLink()) {
      let target: Stats | null = null;
      try {
        target = statSync(path);
      } catch {
        // dangling
      }
      refuse(
        out,
        target === null ? 'is a symbolic link to nothing; give a directory' : 'is a symbolic link; give the directory itself (it is replaced as a whole)',
      );
    }
    if (!st.isDirectory()) refuse(out, `exists and is not a directory (${st.isFile() ? 'a file' : 'a device or special file'})`);
    checkOwnDirectory(out, path, kind);
  }
  const { base } = existingAncestor(out, path);
  try {
    accessSync(base, constants.W_OK | constants.X_OK);
  } catch (e) {
    refuse(out, `cannot create files in ${base} (${fsReason(e)})`);
  }
  rmdirSync(makeTemp(out, base, 'ergocheck-probe'));
}

const HELD_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Run `fn` (synchronous) with SIGINT/SIGTERM/SIGHUP held back: a listener keeps node from dying
 * in the middle; a signal that arrived meanwhile is re-raised, with its default action, once `fn`
 * is done (the listener stays until the event loop has had a chance to deliver it).
 */
function withSignalsHeld<T>(fn: () => T): T {
  const onSignal = (s: NodeJS.Signals): void => {
    release();
    process.kill(process.pid, s);
  };
  const release = (): void => {
    for (const s of HELD_SIGNALS) process.off(s, onSignal);
  };
  for (const s of HELD_SIGNALS) process.on(s, onSignal);
  try {
    return fn();
  } finally {
    setTimeout(release, 100).unref();
  }
}

/**
 * Write `files` as ergocheck's `kind` output directory `out`, replacing an earlier one as a whole
 * (checked with checkOutputDir first). The previous directory stays in place if anything fails.
 */
export function writeOutputDir(out: string, kind: OutputKind, files: readonly { name: string; render: () => string | Buffer }[]): void {
  checkOutputDir(out, kind);
  const path = resolve(out);
  // render first: a renderer that throws leaves nothing behind
  const rendered = files.map((f) => ({ name: f.name, data: f.render() }));
  const names = new Set<string>();
  for (const f of rendered) {
    if (f.name === MANIFEST_FILE || f.name.includes('/') || f.name.startsWith('.') || names.has(f.name))
      throw new InternalError(`writeOutputDir: bad or repeated file name "${f.name}"`);
    names.add(f.name);
  }
  const manifest: Manifest = { tool: 'ergocheck', kind, files: Object.fromEntries(rendered.map((f) => [f.name, sha256(f.data)])) };
  withSignalsHeld(() => {
    const { base, missing } = existingAncestor(out, path);
    let made = base;
    for (const m of missing) {
      made = join(made, m);
      try {
        mkdirSync(made);
      } catch (e) {
        refuse(out, `cannot create ${made} (${fsReason(e)})`);
      }
    }
    const parent = dirname(path);
    const tmp = makeTemp(out, parent, basename(path));
    try {
      chmodSync(tmp, 0o755); // mkdtemp makes it private; output is meant to be read
      for (const f of rendered) writeFileSync(join(tmp, f.name), f.data);
      writeFileSync(join(tmp, MANIFEST_FILE), JSON.stringify(manifest, null, 1) + '\n');
    } catch (e) {
      rmSync(tmp, { recursive: true, force: true });
      refuse(out, `cannot write the files (${fsReason(e)})`);
    }
    if (lstatOrNull(path) === null) {
      try {
        renameSync(tmp, path);
      } catch (e) {
        rmSync(tmp, { recursive: true, force: true });
        refuse(out, `cannot move the new files into place (${fsReason(e)})`);
      }
      return;
    }
    // rename(2) cannot replace a non-empty directory: move the old one aside, move the new one in
    checkOwnDirectory(out, path, kind);
    const old = mkdtempSync(join(parent, `.${basename(path)}.old-`));
    const aside = join(old, 'previous');
    try {
      renameSync(path, aside);
    } catch (e) {
      rmSync(tmp, { recursive: true, force: true });
      rmdirSync(old);
      refuse(out, `cannot move the previous directory aside (${fsReason(e)})`);
    }
    try {
      renameSync(tmp, path);
    } catch (e) {
      renameSync(aside, path);
      rmSync(tmp, { recursive: true, force: true });
      rmSync(old, { recursive: true, force: true });
      refuse(out, `cannot move the new files into place (${fsReason(e)})`);
    }
    rmSync(old, { recursive: true, force: true });
  });
}
