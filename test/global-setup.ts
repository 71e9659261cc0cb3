/**
 * Build dist/ once before the suite, as `npm run build` does, so tests can run the real `ergocheck`
 * binary as a user would: tsc's output (the library, the scripts) and the bundled command line.
 */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['dist/scripts/bundle-cli.js'], { stdio: 'inherit' });
}
