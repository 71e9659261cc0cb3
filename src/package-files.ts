/** Files shipped with the ergocheck package (package.json, docs/*.schema.json), found from src/ or dist/src/. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InternalError } from './errors.js';

/** The directory of ergocheck's package.json, found by walking up from this module. */
export function packageRoot(): string {
  for (let url = new URL('./', import.meta.url); url.pathname !== '/'; url = new URL('../', url)) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', url), 'utf8')) as { name?: string };
      if (pkg.name === 'ergocheck') return fileURLToPath(url);
    } catch {
      // not here: keep walking up
    }
  }
  throw new InternalError('package.json of ergocheck not found (a broken installation)');
}

/** The text of a file of the package, by its path relative to the package root. */
export function readPackageFile(path: string): string {
  return readFileSync(join(packageRoot(), path), 'utf8');
}

export function packageVersion(): string {
  return (JSON.parse(readPackageFile('package.json')) as { version: string }).version;
}
