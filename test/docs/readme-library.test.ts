/**
 * README.md's TypeScript examples run as written: every ```ts block that starts with an import of
 * 'ergocheck' or one of its entry points ('ergocheck/claims') is compiled (types stripped by TypeScript), run against the built package (Node
 * resolves the package's own name through its "exports"), and each `console.log(…); // → value`
 * line must print that value. Other ```ts blocks are fragments of code that lives in the tree.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { runNode } from '../support/spawn.js';

const DOC = readFileSync('README.md', 'utf8');
const examples = [...DOC.matchAll(/```ts\n([\s\S]*?)```/g)]
  .map((m) => m[1])
  .filter((code) => /^import .* from 'ergocheck(\/[a-z]+)?';/.test(code.split('\n')[0]));

describe('README.md TypeScript examples', () => {
  it('there is at least one runnable example, and one of the claims engine', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
    expect(examples.filter((code) => code.startsWith('import') && code.split('\n')[0].includes("'ergocheck/claims'"))).toHaveLength(1);
  });
  examples.forEach((code, k) => {
    it(`example ${k + 1} runs and prints what its comments say`, { timeout: 120_000 }, async () => {
      const expected = code.split('\n').flatMap((line) => {
        const m = /^console\.log\(.*\);\s*\/\/ → (.*)$/.exec(line.trim());
        return m ? [m[1].trim()] : [];
      });
      expect(expected.length, 'an example states what it prints').toBeGreaterThan(0);
      const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
      // inside the package directory, so that 'ergocheck' resolves to this package's dist/
      const dir = mkdtempSync(join(process.cwd(), '.readme-example-'));
      try {
        writeFileSync(join(dir, 'example.mjs'), js);
        const r = await runNode([join(dir, 'example.mjs')]);
        expect(r.status, r.stderr).toBe(0);
        expect(r.stdout.trimEnd().split('\n')).toEqual(expected);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
