/**
 * Shared by the mutation tests: run a claim and its mutants, and count a mutant killed when it
 * comes out `erratum` with a correction equal to the unmutated claim's derivation.
 */
import type { Claim, CheckedClaim } from '../../src/claims/claim.js';
import { runClaim } from '../../src/claims/run.js';
import { texMutants } from '../../src/claims/mutate.js';

export const MUTATION_CTX = { precision: 50, seed: 20220513 };

export interface MutantCase {
  /** Where and what was mutated, e.g. "eq8 form 2: cosh → sinh". */
  label: string;
  claim: Claim;
}

export interface MutationResult {
  original: CheckedClaim;
  total: number;
  killed: number;
  survivors: { label: string; verdict: string; why: string }[];
}

export async function runMutants(original: Claim, cases: readonly MutantCase[]): Promise<MutationResult> {
  const base = await runClaim(original, MUTATION_CTX);
  const survivors: MutationResult['survivors'] = [];
  for (const m of cases) {
    const r = await runClaim(m.claim, MUTATION_CTX);
    const killed = r.verdict === 'erratum' && r.corrected === base.derived && !!r.evidence.differsWhere;
    if (!killed)
      survivors.push({
        label: m.label,
        verdict: r.verdict,
        why:
          r.verdict === 'erratum'
            ? `correction ${r.corrected} ≠ derivation ${base.derived}`
            : (r.evidence.checks.find((k) => k.outcome !== 'pass')?.detail ?? 'all checks pass'),
      });
  }
  return { original: base, total: cases.length, killed: cases.length - survivors.length, survivors };
}

/** One line for the test log: the kill rate. */
export const rateText = (name: string, r: MutationResult): string =>
  `${name}: ${r.killed}/${r.total} mutants killed (${((100 * r.killed) / Math.max(1, r.total)).toFixed(1)} %)`;

/** Every single-site mutant of a printed TeX statement, each as the claim built from the mutated TeX. */
export const texMutantCases = (name: string, tex: string, build: (printed: string) => Claim): MutantCase[] =>
  texMutants(tex).map((m) => ({ label: `${name}: ${m.kind}: ${m.change}`, claim: build(m.tex) }));

/** Runs the cases, logs the rate and returns the survivors not explained in `explained`. */
export async function unexplainedSurvivors(name: string, original: Claim, cases: readonly MutantCase[], explained: Readonly<Record<string, string>>) {
  const r = await runMutants(original, cases);
  console.log(rateText(name, r));
  for (const s of r.survivors) console.log(`  survivor ${s.label}: ${s.verdict} (${s.why})`);
  return { result: r, unexplained: r.survivors.filter((s) => !(s.label in explained)) };
}
