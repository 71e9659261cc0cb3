// Prints, as JSON, what each entry point of the built package exports: its names as the type
// checker sees them in dist/*.d.ts (values and types apart, namespaces resolved) and the value
// names the JavaScript module really has. Run as a child process: the type checker is slow to start.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

const entries = JSON.parse(process.argv[2]); // { "ergocheck": "dist/src/index", … }
const files = Object.values(entries).map((f) => resolve(`${f}.d.ts`));
const program = ts.createProgram(files, { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, skipLibCheck: true });
const checker = program.getTypeChecker();

const resolveAlias = (s) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
function describe(moduleSymbol, nested) {
  const out = nested ? { values: [], types: [], namespaces: {} } : { values: [], types: [] };
  for (const s of checker.getExportsOfModule(moduleSymbol)) {
    const t = resolveAlias(s);
    if (nested && t.flags & ts.SymbolFlags.ValueModule) out.namespaces[s.name] = describe(t, false);
    else if (t.flags & ts.SymbolFlags.Value) out.values.push(s.name);
    else out.types.push(s.name);
  }
  out.values.sort();
  out.types.sort();
  return out;
}

const result = {};
for (const [name, file] of Object.entries(entries)) {
  const d = describe(checker.getSymbolAtLocation(program.getSourceFile(resolve(`${file}.d.ts`))), true);
  const js = await import(pathToFileURL(resolve(`${file}.js`)).href);
  const runtime = { values: Object.keys(js).filter((k) => !(k in d.namespaces)), namespaces: {} };
  for (const ns of Object.keys(d.namespaces)) runtime.namespaces[ns] = Object.keys(js[ns] ?? {});
  result[name] = { declared: d, runtime };
}
process.stdout.write(JSON.stringify(result));
