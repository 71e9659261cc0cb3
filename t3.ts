import { runClaims } from './src/claims/run.js';
import { SEC4A } from './proofs/sec4a-two-qubits.js';
import { SEC_COHERENCE_SENTENCES } from './proofs/sec4-coherence-sentences.js';
const ids = process.argv.slice(2);
const all = [...SEC4A, ...SEC_COHERENCE_SENTENCES].filter((c) => ids.length === 0 || ids.some((i) => c.id.startsWith(i)));
const out = await runClaims(all, { precision: 50, seed: 20220513 });
for (const c of out) { console.log(c.verdict.padEnd(12), c.id, c.evidence.seconds); if (c.verdict !== 'verified' && c.verdict!=='not-checkable') { console.log('  derived:', c.derived); console.log('  corrected:', c.corrected); console.log('  where:', c.evidence.differsWhere); console.log('  how:', c.evidence.howDecided.slice(-200)); for (const k of c.evidence.checks) if (k.outcome!=='pass') console.log('   X', k.name, k.detail.slice(0,300)); } }
