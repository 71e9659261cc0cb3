/**
 * The claims engine for TypeScript users (`import { … } from 'ergocheck/claims'`): check your own
 * formulas about states of the model, from a claims file or from code.
 *
 * ```ts
 * import { checkClaimsText } from 'ergocheck/claims';
 * const [c] = await checkClaimsText(JSON.stringify({ claims: [{ id: 'e', quantity: 'energy',
 *   state: { family: 'gibbs', qubits: 1 }, formula: 'omega*y/(1 + y)' }] }));
 * console.log(c.verdict); // → verified
 * ```
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import type { ClaimContext } from '../claims/claim.js';
import { parseClaimsFile, type UserClaimSpec } from './claims-file.js';
import { checkUserClaims, userClaim, type CheckedUserClaim, type UserClaim } from './checker.js';

export type { CheckRecord, CheckedClaim, Claim, ClaimContext, ClaimOutcome, Evidence, ProbePoint, Verdict } from '../claims/claim.js';
export { VERDICTS, verdictOf } from '../claims/claim.js';
export { runClaim, runClaims, InconclusiveError } from '../claims/run.js';
export {
  FAMILIES,
  LIST_QUANTITIES,
  QUANTITIES,
  familyParameters,
  parseClaimsFile,
  type Family,
  type Initial,
  type Quantity,
  type StateSpec,
  type UserClaimSpec,
} from './claims-file.js';
export { PARAMETERS, MODEL_RANGES, parseAssumption, type Parameter, type Range } from './domain.js';
export { checkUserClaims, userClaim, PROBE_POINTS, type CheckedUserClaim, type CorrectedPiece, type UserClaim } from './checker.js';
export { exactQuantity, numericQuantity, type ExactPiece, type ExactQuantity, type NumericValue } from './quantities.js';
export { exactState, numericState, type ExactState } from './states.js';

/** Default seed of the probe points (the same as `ergocheck prove`). */
export const DEFAULT_CHECK_SEED = 20220513;

/** The engine claims of a claims file's text (validated in full first; InputError on any problem). */
export function userClaimsFromText(text: string, source = 'claims file'): UserClaim[] {
  return parseClaimsFile(text, source).map((s: UserClaimSpec) => userClaim(s, source));
}

/** Read and validate a claims file (InputError naming the problem, before anything is checked). */
export function readClaimsFile(path: string): UserClaim[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return userClaimsFromText(text, path);
}

/** Check the claims of a claims file's text; precision ≥ 50 digits (default 50), seeded probes. */
export async function checkClaimsText(text: string, options: Partial<ClaimContext> & { source?: string } = {}): Promise<CheckedUserClaim[]> {
  const ctx: ClaimContext = { precision: options.precision ?? 50, seed: options.seed ?? DEFAULT_CHECK_SEED };
  if (!(ctx.precision >= 50)) throw new InputError(`precision must be at least 50 digits, got ${ctx.precision}`);
  return checkUserClaims(userClaimsFromText(text, options.source), ctx);
}
