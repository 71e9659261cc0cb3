/**
 * README.md's example of the claims engine as a library (```ts blocks importing 'ergocheck/claims')
 * runs against the built package, resolved through package.json "exports", and prints what its
 * `// → value` comments say.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { runNode } from '../support/spawn.js';

const DOC = readFileSync('README.md', 'utf8');
const examples = [...DOC.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]).filter((code) => /^import .* from 'ergocheck\/claims';/.test(code.split('\n')[0]));

describe("README.md's ergocheck/claims example", () => {
  it('exists', () => expect(examples.length).toBe(1));
  it('runs and prints what its comments say', { timeout: 120_000 }, async () => {
    const code = examples[0];
    const expected = code.split('\n').flatMap((line) => {
      const m = /^console\.log\(.*\);\s*\/\/ → (.*)$/.exec(line.trim());
      return m ? [m[1].trim()] : [];
    });
    expect(expected.length).toBeGreaterThan(0);
    const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    const dir = mkdtempSync(join(process.cwd(), '.readme-claims-'));
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
