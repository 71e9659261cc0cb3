/** The paper as checkable claims, section by section, in the paper's order. */
import type { Claim } from '../src/claims/claim.js';
import { SEC4A } from './sec4a-two-qubits.js';
import { APPENDIX_A, SEC4A_ORDERING } from './appendix-a.js';
import { BEYOND } from './beyond-the-paper.js';

export const CLAIMS: readonly Claim[] = [...SEC4A, ...SEC4A_ORDERING, ...APPENDIX_A, ...BEYOND];
