/** The paper as checkable claims, section by section, in the paper's order; results beyond the paper last. */
import type { Claim } from '../src/claims/claim.js';
import { SEC2_SEC3 } from './sec2-sec3-model.js';
import { SEC4A } from './sec4a-two-qubits.js';
import { APPENDIX_A, SEC4A_ORDERING } from './appendix-a.js';
import { SEC4B } from './sec4b-scaling.js';
import { APPENDIX_B } from './appendix-b.js';
import { BEYOND } from './beyond-the-paper.js';
import { FIGURES } from './figures.js';
import { SEC_COHERENCE_SENTENCES } from './sec4-coherence-sentences.js';
import { SEC4A_DISCORD } from './sec4a-discord.js';

export const CLAIMS: readonly Claim[] = [
  ...SEC2_SEC3,
  ...SEC4A,
  ...SEC4A_DISCORD,
  ...SEC_COHERENCE_SENTENCES,
  ...SEC4A_ORDERING,
  ...SEC4B,
  ...APPENDIX_A,
  ...APPENDIX_B,
  ...FIGURES,
  ...BEYOND,
];
