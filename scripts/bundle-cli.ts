/**
 * The command line as a few ES-module chunks in dist/cli/, bundled by esbuild from src/ (with the npm
 * packages it uses). `npm run build` runs this after tsc, and so does the test setup:
 *
 *   node dist/scripts/bundle-cli.js
 *
 * Why: resolving, reading and compiling the hundreds of small modules of dist/src/ and node_modules
 * is a large share of a short command's CPU time; a chunk is one file to resolve and compile. Code
 * splitting keeps each command a chunk of its own, loaded by the dynamic import in src/cli/main.ts,
 * so `--version` loads main.js alone and the numeric commands never load vega, katex or the CAS.
 * The npm packages are bundled too: vega alone is hundreds of files. The library (dist/src/, the
 * package's "exports") is tsc's output and does not use this bundle.
 *
 * Besides the chunks it writes dist/cli/chunks.json: for each chunk, the chunks it imports and the
 * source files it holds (test/cli/startup.test.ts maps the chunks a command loads to its sources).
 */
import { build } from 'esbuild';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../src/package-files.js';

/** What dist/cli/chunks.json holds for each chunk, by file name. */
export interface ChunkInfo {
  /** The source file whose module this chunk is the entry of (main, worker, each command). */
  entryPoint?: string;
  /** Chunks it imports statically (loaded with it) and dynamically (loaded on demand). */
  imports: string[];
  dynamicImports: string[];
  /** Source files bundled into it, relative to the package root; npm packages as node_modules/… */
  inputs: string[];
}

/** A path esbuild reports, relative to the package root; anything in an npm package from node_modules/ on. */
function sourcePath(root: string, path: string): string {
  const i = path.lastIndexOf('node_modules/');
  return i >= 0 ? path.slice(i) : relative(root, join(root, path));
}

/** Bundle the command line into `<root>/dist/cli/`; returns the chunk table written beside it. */
export async function bundleCli(root: string = packageRoot()): Promise<Record<string, ChunkInfo>> {
  const target = join(root, 'dist', 'cli');
  // Built beside the old bundle and swapped in at the end, so stale chunks never pile up and a
  // failed build leaves the previous bundle whole.
  const staging = join(root, 'dist', `cli.${process.pid}.tmp`);
  rmSync(staging, { recursive: true, force: true });
  try {
    const result = await build({
      absWorkingDir: root,
      // the figures' worker threads load worker.js from beside the chunk that starts them
      entryPoints: { main: 'src/cli/main.ts', worker: 'src/figures/worker.ts' },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outdir: staging,
      entryNames: '[name]',
      chunkNames: '[name]-[hash]',
      metafile: true,
      logLevel: 'warning',
    });
    const chunks: Record<string, ChunkInfo> = {};
    for (const [file, out] of Object.entries(result.metafile.outputs)) {
      const ofKind = (kind: string) => out.imports.filter((i) => i.kind === kind && !i.external).map((i) => basename(i.path));
      chunks[basename(file)] = {
        ...(out.entryPoint ? { entryPoint: sourcePath(root, out.entryPoint) } : {}),
        imports: ofKind('import-statement'),
        dynamicImports: ofKind('dynamic-import'),
        inputs: Object.keys(out.inputs).map((p) => sourcePath(root, p)),
      };
    }
    writeFileSync(join(staging, 'chunks.json'), JSON.stringify(chunks, null, 1) + '\n');
    const old = join(root, 'dist', `cli.${process.pid}.old`);
    if (existsSync(target)) renameSync(target, old);
    renameSync(staging, target);
    rmSync(old, { recursive: true, force: true });
    return chunks;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const chunks = await bundleCli();
  console.log(`bundled the command line into dist/cli/ (${Object.keys(chunks).length} chunks)`);
}
