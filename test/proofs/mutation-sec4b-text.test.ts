/**
 * Mutation test of the printed formulas inside the sentences of Sec. IV B: the limits r → 0 and
 * r → 1 after Eqs. (15) and (16), the printed order p_k d_k > p_{k+1} d_{k+1} of the blocks and the
 * printed r = n̄/n̄ + 1. Every single-site mutant of the printed TeX must come out `erratum` with the
 * unmutated derivation as its correction.
 */
import { describe, expect, it } from 'vitest';
import {
  BLOCK_ORDER_TEX,
  EQ15_LIMITS_TEX,
  EQ16_LIMITS_TEX,
  R_DEFINITION_TEX,
  blockOrderClaim,
  eq15LimitsClaim,
  eq16LimitsClaim,
  rDefinitionClaim,
} from '../../proofs/sec4b-scaling.js';
import { texMutantCases, unexplainedSurvivors } from './mutation-helpers.js';

/** Survivors that are not errors of the engine, each with the reason. */
const EXPLAINED: Record<string, string> = {};

describe('mutation: the printed formulas in the text of Sec. IV B', () => {
  for (const [name, tex, build] of [
    ['eq15-limits', EQ15_LIMITS_TEX, eq15LimitsClaim],
    ['eq16-limits', EQ16_LIMITS_TEX, eq16LimitsClaim],
    ['blocks-eigenvalues-decrease', BLOCK_ORDER_TEX, blockOrderClaim],
    ['eq14-r-definition', R_DEFINITION_TEX, rDefinitionClaim],
  ] as const)
    it(name, async () => {
      const { result, unexplained } = await unexplainedSurvivors(name, build(), texMutantCases(name, tex, build), EXPLAINED);
      expect(result.total).toBeGreaterThan(0);
      expect(unexplained).toEqual([]);
    }, 60_000);
});
