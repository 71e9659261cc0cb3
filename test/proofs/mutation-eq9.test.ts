/**
 * Mutation test of the printed eigenpairs of Eq. (9): every single-site mutant of the printed TeX
 * (an eigenvalue's constant, sign, exponent or factor; an eigenvector's entry or sign) must come
 * out `erratum`, with the derived eigenpairs as its correction.
 */
import { describe, expect, it } from 'vitest';
import { EQ9_TEX, eq9Claim } from '../../proofs/sec4a-two-qubits.js';
import { texMutantCases, unexplainedSurvivors } from './mutation-helpers.js';

/**
 * Survivors that are not errors of the engine, each with the reason. −v is the same eigenvector as
 * v, and the printed 1/√2 normalises a vector (only its direction is compared).
 */
const EXPLAINED: Record<string, string> = {};

describe('mutation: Eq. (9)', () => {
  it('Eq. (9): eigenvalues and eigenvectors', async () => {
    const { result, unexplained } = await unexplainedSurvivors('Eq. (9)', eq9Claim(), texMutantCases('eq9', EQ9_TEX, eq9Claim), EXPLAINED);
    expect(result.total).toBeGreaterThan(30);
    expect(unexplained).toEqual([]);
  }, 60_000);
});
