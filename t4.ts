import { runClaims } from './src/claims/run.js';
import { CLAIMS } from './proofs/index.js';
const ids = process.argv.slice(2);
const all = CLAIMS.filter((c) => ids.length === 0 || ids.some((i) => c.id.startsWith(i)));
const out = await runClaims(all, { precision: 50, seed: 20220513 });
for (const c of out) { console.log(c.verdict.padEnd(12), c.id, c.evidence.seconds); if (c.verdict !== 'verified' && c.verdict!=='not-checkable' || process.env.V) { console.log('  derived:', c.derived); console.log('  where:', c.evidence.differsWhere); for (const k of c.evidence.checks) if (k.outcome!=='pass') console.log('   X', k.name, k.detail.slice(0,300)); } }
