#!/usr/bin/env node
// Thin launcher: the command line is the esbuild bundle in dist/cli/ (`npm run build`, see
// scripts/bundle-cli.ts). This file and the bundle are CommonJS (bin/package.json says so for
// this directory): require() of one file per command skips Node's ES-module loader, a fixed cost of
// every process that a short command feels.
const { setFlagsFromString } = require('node:v8');

// A command runs for a tenth of a second to minutes. With V8's default budget every loop that runs a
// few thousand times goes to the optimising compiler, whose work a short run never earns back; a
// larger budget optimises only what stays hot (npm run bench: short runs spend less, long ones no
// more). Set before any of the command line is loaded.
setFlagsFromString('--interrupt-budget=1000000');

let cli;
try {
  cli = require('../dist/cli/main.cjs');
} catch (e) {
  // a missing or half-built bundle is the usual cause: say so in one line, without a stack trace
  const notBuilt = e?.code === 'MODULE_NOT_FOUND';
  const why = notBuilt ? 'it is not built' : String(e?.message ?? e).split('\n')[0];
  process.stderr.write(`ergocheck: cannot load the command line from dist/cli/ (${why}): run \`npm run build\` in the ergocheck package\n`);
  process.exit(notBuilt ? 2 : 1);
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
