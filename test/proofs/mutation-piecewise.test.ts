/**
 * Mutation test of the printed piecewise formulas Eqs. (11) and (12): every single-site mutant of a
 * case's formula, every shifted case bound (both neighbouring cases moved together, so the cases
 * still cover [0, 1]) and every exchange of two cases' formulas must come out `erratum`, with the
 * unmutated derivation (the derived pieces) as its correction.
 */
import { describe, expect, it } from 'vitest';
import { mutants } from '../../src/claims/mutate.js';
import type { PrintedBranch } from '../../src/claims/templates.js';
import { EQ11_PRINTED, EQ12_PRINTED, eq11Claim, eq12Claim } from '../../proofs/appendix-a.js';
import { rateText, runMutants, type MutantCase } from './mutation-helpers.js';

/**
 * Survivors that are not errors of the engine. Moving which side of a junction is closed does not
 * change a continuous piecewise function, so "ends" mutants are not generated at all.
 */
const EXPLAINED: Record<string, string> = {};

function branchMutants(name: string, printed: readonly PrintedBranch[], build: (b: readonly PrintedBranch[]) => ReturnType<typeof eq11Claim>): MutantCase[] {
  const cases: MutantCase[] = [];
  printed.forEach((b, i) => {
    for (const m of mutants(b.printedFormula))
      cases.push({ label: `${name} case ${i + 1}: ${m.change}`, claim: build(printed.map((x, j) => (j === i ? { ...x, printedFormula: m.formula } : x))) });
    // a formula that is the constant 0 has no site to mutate: replace it by a nonzero constant
    if (b.printedFormula === '0')
      cases.push({ label: `${name} case ${i + 1}: 0 → 1`, claim: build(printed.map((x, j) => (j === i ? { ...x, printedFormula: '1' } : x))) });
  });
  // a shifted bound: every interior bound moved by +1/10 in both cases that share it
  const bounds = [...new Set(printed.flatMap((b) => [b.lo, b.hi]))].filter((v) => v !== '0' && v !== '1');
  for (const v of bounds) {
    const shifted = `${v}+1/10`;
    const value = (s: string) => (s === v ? evalQ(shifted) : s);
    cases.push({ label: `${name}: bound ${v} → ${evalQ(shifted)}`, claim: build(printed.map((x) => ({ ...x, lo: value(x.lo), hi: value(x.hi) }))) });
  }
  // swapped cases: the formulas of two cases exchanged
  for (let i = 0; i < printed.length; i++)
    for (let j = i + 1; j < printed.length; j++)
      if (printed[i].printedFormula !== printed[j].printedFormula)
        cases.push({
          label: `${name}: cases ${i + 1} and ${j + 1} swapped`,
          claim: build(
            printed.map((x, k) =>
              k === i ? { ...x, printedFormula: printed[j].printedFormula } : k === j ? { ...x, printedFormula: printed[i].printedFormula } : x,
            ),
          ),
        });
  return cases;
}

/** "a/b+1/10" as a fraction string. */
function evalQ(s: string): string {
  const [a, b] = s.split('+');
  const [n1, d1] = a.includes('/') ? a.split('/').map(BigInt) : [BigInt(a), 1n];
  const [n2, d2] = b.split('/').map(BigInt);
  const n = n1 * d2 + n2 * d1;
  const d = d1 * d2;
  const g = (x: bigint, y: bigint): bigint => (y === 0n ? x : g(y, x % y));
  const k = g(n, d);
  return `${n / k}/${d / k}`;
}

describe('mutation: Eqs. (11) and (12)', () => {
  it('Eq. (11)', async () => {
    const r = await runMutants(eq11Claim(EQ11_PRINTED), branchMutants('eq11', EQ11_PRINTED, eq11Claim));
    console.log(rateText('Eq. (11)', r));
    expect(r.killed / r.total).toBeGreaterThanOrEqual(0.95);
    expect(r.survivors.filter((s) => !(s.label in EXPLAINED))).toEqual([]);
  }, 60_000);
  it('Eq. (12)', async () => {
    const r = await runMutants(eq12Claim(EQ12_PRINTED), branchMutants('eq12', EQ12_PRINTED, eq12Claim));
    console.log(rateText('Eq. (12)', r));
    expect(r.killed / r.total).toBeGreaterThanOrEqual(0.95);
    expect(r.survivors.filter((s) => !(s.label in EXPLAINED))).toEqual([]);
  }, 60_000);
});
