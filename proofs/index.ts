/** The paper as checkable claims, section by section, in the paper's order. */
import type { Claim } from '../src/claims/claim.js';
import { SEC2_SEC3 } from './sec2-sec3-model.js';
import { SEC4A } from './sec4a-two-qubits.js';
import { SEC4B } from './sec4b-scaling.js';
import { APPENDIX_B } from './appendix-b.js';

export const CLAIMS: readonly Claim[] = [...SEC2_SEC3, ...SEC4A, ...SEC4B, ...APPENDIX_B];
