/** The paper as checkable claims, section by section, in the paper's order. */
import type { Claim } from '../src/claims/claim.js';

export const CLAIMS: readonly Claim[] = [];
