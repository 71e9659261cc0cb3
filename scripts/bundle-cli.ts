/**
 * The command line as CommonJS bundles in dist/cli/, built by esbuild from src/ (with the npm packages
 * it uses). `npm run build` runs this after tsc, and so does the test setup:
 *
 *   node dist/scripts/bundle-cli.js
 *
 * Why: resolving, reading and compiling the hundreds of small modules of dist/src/ and node_modules
 * is a large share of a short command's CPU time, and so is Node's ES-module loader itself (module
 * jobs, linking, a facade for each builtin imported), a fixed cost per process that require() of
 * one CommonJS file does not pay. esbuild cannot split CommonJS into shared chunks, so each command
 * is one self-contained file, `<command>.cjs`: code two commands share is repeated on disk, never
 * loaded twice in one process. `main.cjs` (src/cli/main.ts: `--version`, `--help`, the dispatch)
 * require()s the one command run, so `--version` loads main.cjs alone and the numeric commands never
 * load vega, katex or the CAS. The error classes are one file of their own, `errors.cjs`, shared by
 * main.cjs and every command: main.cjs turns an InputError thrown by a command into exit code 2 by
 * `instanceof`, which needs the one class, not a copy per bundle. `worker.cjs` is the figures'
 * worker thread. The library (dist/src/, the package's "exports") is tsc's output and does not use
 * this bundle.
 *
 * Besides the bundles it writes dist/cli/chunks.json: for each file, the files it require()s (all
 * loaded with it, or on demand for main.cjs's commands) and the source files it holds
 * (test/cli/startup.test.ts maps the files a command loads to its sources).
 */
import { build, type Plugin } from 'esbuild';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../src/package-files.js';

/** What dist/cli/chunks.json holds for each bundle, by file name. */
export interface ChunkInfo {
  /** The source file this bundle is built from (main, worker, errors, each command). */
  entryPoint?: string;
  /** Bundles it requires when it loads (imports) and when a command runs (dynamicImports). */
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

/**
 * `import.meta.url` does not exist in CommonJS (esbuild would make it undefined): each bundle starts
 * by computing it from __filename under this name, and every use in the sources is replaced by it, so
 * that code finding files from its own location (package.json, the worker, KaTeX's stylesheet) works.
 */
const MODULE_URL = '__ergocheckModuleUrl';

/**
 * Imports that stay outside a bundle, as require() of a sibling file: the error classes from every
 * bundle but their own, and from main.ts each command's module (src/cli/commands/<name>.ts).
 */
function siblings(root: string, own: string): Plugin {
  const errors = join(root, 'src', 'errors.ts');
  const main = join(root, 'src', 'cli', 'main.ts');
  const commands = join(root, 'src', 'cli', 'commands');
  return {
    name: 'ergocheck-siblings',
    setup(b) {
      b.onResolve({ filter: /^\.\.?\// }, (args) => {
        const path = resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts');
        if (path === errors && own !== 'errors') return { path: './errors.cjs', external: true };
        if (args.importer === main && dirname(path) === commands) return { path: `./${basename(path, '.ts')}.cjs`, external: true };
        return undefined;
      });
    },
  };
}

/**
 * vega-canvas (Node build) loads the optional npm package canvas by a top-level `await import()`,
 * which CommonJS cannot express; require() does the same (canvas is CommonJS) and, as before, finds
 * it at run time if the user has it installed (canvas itself is never bundled).
 */
const VEGA_CANVAS_AWAIT = "NodeCanvas = await import('canvas');";
const vegaCanvas: Plugin = {
  name: 'ergocheck-vega-canvas',
  setup(b) {
    b.onLoad({ filter: /[\\/]vega-canvas[\\/]build[\\/]vega-canvas\.node\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes(VEGA_CANVAS_AWAIT)) return { errors: [{ text: `vega-canvas changed: no "${VEGA_CANVAS_AWAIT}" in ${args.path}` }] };
      return { contents: source.replace(VEGA_CANVAS_AWAIT, "NodeCanvas = require('canvas');"), loader: 'js' };
    });
  },
};

/** Bundle the command line into `<root>/dist/cli/`; returns the table written beside it. */
export async function bundleCli(root: string = packageRoot()): Promise<Record<string, ChunkInfo>> {
  const target = join(root, 'dist', 'cli');
  // Built beside the old bundle and swapped in at the end, so stale files never pile up and a
  // failed build leaves the previous bundle whole.
  const staging = join(root, 'dist', `cli.${process.pid}.tmp`);
  rmSync(staging, { recursive: true, force: true });
  try {
    const chunks: Record<string, ChunkInfo> = {};
    const bundleOne = async (name: string, entryPoint: string): Promise<void> => {
      const result = await build({
        absWorkingDir: root,
        entryPoints: [entryPoint],
        bundle: true,
        format: 'cjs',
        platform: 'node',
        target: 'node20',
        outfile: join(staging, `${name}.cjs`),
        define: { 'import.meta.url': MODULE_URL },
        // strict mode as in the ES modules of the sources: the directive must come before the banner
        banner: { js: `'use strict';\nconst ${MODULE_URL} = require('node:url').pathToFileURL(__filename).href;` },
        external: ['canvas'],
        // import() of a .cjs file would go through the ES-module loader (and parse it for its exports)
        supported: { 'dynamic-import': false },
        plugins: [siblings(root, name), vegaCanvas],
        metafile: true,
        logLevel: 'warning',
      });
      const [[file, out]] = Object.entries(result.metafile.outputs);
      // the output lists every require() alike: the inputs tell an import from an import()
      const ofKind = (kind: string) =>
        Object.values(result.metafile.inputs)
          .flatMap((i) => i.imports)
          .filter((i) => i.kind === kind && i.external && i.path.endsWith('.cjs'))
          .map((i) => basename(i.path));
      chunks[basename(file)] = {
        ...(out.entryPoint ? { entryPoint: sourcePath(root, out.entryPoint) } : {}),
        imports: [...new Set(ofKind('import-statement'))],
        dynamicImports: [...new Set(ofKind('dynamic-import'))],
        inputs: Object.keys(out.inputs).map((p) => sourcePath(root, p)),
      };
    };
    // main first: the commands it imports are the bundles to build besides the error classes and the worker
    await bundleOne('main', 'src/cli/main.ts');
    const commands = chunks['main.cjs'].dynamicImports.map((f) => basename(f, '.cjs'));
    const rest = [['errors', 'src/errors.ts'], ['worker', 'src/figures/worker.ts'], ...commands.map((c) => [c, `src/cli/commands/${c}.ts`])];
    await Promise.all(rest.map(([name, entry]) => bundleOne(name, entry)));
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
  console.log(`bundled the command line into dist/cli/ (${Object.keys(chunks).length} files)`);
}
