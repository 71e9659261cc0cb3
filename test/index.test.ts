/**
 * The public API is exactly what docs/api.md lists: every name of each entry point of the built
 * package (values and types apart, namespace by namespace), as the type checker reads dist/*.d.ts
 * and as the JavaScript modules export them. An export added by accident fails here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as api from '../src/index.js';
import { runNode } from './support/spawn.js';

/** Entry point → built file without extension, as package.json "exports" maps them. */
const ENTRIES: Record<string, string> = { ergocheck: 'dist/src/index', 'ergocheck/claims': 'dist/src/check/index' };

interface Names {
  values: string[];
  types: string[];
}
type Listing = Names & { namespaces: Record<string, Names> };

/** docs/api.md: `## \`entry\``, `### \`namespace\``, and bullets of `name` / `type Name`. */
function documented(): Record<string, Listing> {
  const out: Record<string, Listing> = {};
  let section: Names | undefined;
  let entry: Listing | undefined;
  const duplicates: string[] = [];
  for (const line of readFileSync('docs/api.md', 'utf8').split('\n')) {
    const h2 = /^## `([^`]+)`/.exec(line);
    const h3 = /^### `([^`]+)`/.exec(line);
    if (h2) {
      entry = out[h2[1]] = { values: [], types: [], namespaces: {} };
      section = entry;
    } else if (h3 && entry) section = entry.namespaces[h3[1]] = { values: [], types: [] };
    else if (line.startsWith('- ') && section) {
      for (const m of line.matchAll(/`(type )?([A-Za-z_$][\w$]*)`/g)) {
        const list = m[1] ? section.types : section.values;
        if (list.includes(m[2])) duplicates.push(m[2]);
        list.push(m[2]);
      }
    }
  }
  expect(duplicates, 'names listed twice in one section of docs/api.md').toEqual([]);
  for (const e of Object.values(out)) for (const s of [e, ...Object.values(e.namespaces)]) s.values.sort(), s.types.sort();
  return out;
}

describe('public API', () => {
  let built: Record<string, { declared: Listing; runtime: { values: string[]; namespaces: Record<string, string[]> } }>;
  beforeAll(async () => {
    const r = await runNode(['test/support/list-exports.mjs', JSON.stringify(ENTRIES)]);
    expect(r.status, r.stderr).toBe(0);
    built = JSON.parse(r.stdout);
  });

  it('package.json "exports" are exactly the documented entry points, mapped to their built files', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    const expected = Object.fromEntries(
      Object.entries(ENTRIES).map(([name, file]) => [name.replace(/^ergocheck/, '.'), { types: `./${file}.d.ts`, import: `./${file}.js` }]),
    );
    expect(pkg.exports).toEqual(expected);
    expect(Object.keys(documented())).toEqual(Object.keys(ENTRIES));
  });

  it.each(Object.keys(ENTRIES))('%s: docs/api.md lists exactly its names (values, types, namespaces)', (entry) => {
    expect(built[entry].declared).toEqual(documented()[entry]);
  });

  it.each(Object.keys(ENTRIES))('%s: the JavaScript module exports exactly the declared values', (entry) => {
    const { declared, runtime } = built[entry];
    expect([...runtime.values].sort()).toEqual(declared.values);
    for (const [ns, names] of Object.entries(declared.namespaces)) expect([...runtime.namespaces[ns]].sort(), ns).toEqual(names.values);
  });

  it('no exported name carries an equation, figure or section number of the paper', () => {
    const names = Object.values(built).flatMap(({ declared }) => [
      ...declared.values,
      ...declared.types,
      ...Object.entries(declared.namespaces).flatMap(([ns, n]) => [ns, ...n.values, ...n.types]),
    ]);
    expect(names.length).toBeGreaterThan(100);
    expect(names.filter((n) => /(eq|fig|sec|appendix)_?\d/i.test(n))).toEqual([]);
  });

  it('each top-level value but the errors is the same object as in its namespace', () => {
    const namespaces = { matrix: api.matrix, numeric: api.numeric, random: api.random, physics: api.physics, symbolic: api.symbolic, io: api.io };
    const missing: string[] = [];
    for (const [name, value] of Object.entries(api)) {
      if (name in namespaces || name === 'InputError' || name === 'InternalError') continue;
      if (!Object.values(namespaces).some((ns) => (ns as Record<string, unknown>)[name] === value)) missing.push(name);
    }
    expect(missing).toEqual([]);
  });
});
