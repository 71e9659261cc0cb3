/**
 * Write a seeded exact complex state (bench/exact-state.ts) as a matrix file:
 *   npx vite-node scripts/make-exact-state.ts -- N SEED OUT.json
 * e.g. `… 64 1 /tmp/rho64.json` for the 50-digit ergotropy benchmark's 64×64 state.
 */
import { writeFileSync } from 'node:fs';
import { exactComplexState } from '../bench/exact-state.js';

const args = process.argv.slice(2).filter((a) => a !== '--');
const [n, seed, out] = args;
if (!n || !seed || !out || !/^\d+$/.test(n)) {
  console.error('usage: vite-node scripts/make-exact-state.ts -- N SEED OUT.json');
  process.exit(2);
}
writeFileSync(out, JSON.stringify(exactComplexState(Number(n), seed)));
console.log(`wrote ${out}: exact ${n}×${n} complex state, seed ${seed}`);
