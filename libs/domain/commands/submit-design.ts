// Submitting a design (staff): a new round waiting for the influencer's review, within the round limit.

import { emit, iso } from '../events';
import type { CommandHandler } from './command';
import { newRound, validateSubmission } from './rounds';

export interface SubmitDesignInput {
  title: string;
  description: string;
  imageUrls: string[];
}

export const submitDesignCommand: CommandHandler<SubmitDesignInput> = {
  update: 'submitDesign',
  action: 'design submission',
  stage: 'DESIGN',
  validate(state) {
    validateSubmission(state, 'design', state.rules.designRoundLimit);
  },
  apply(state, input, actor, nowMs) {
    const at = iso(nowMs);
    const proposal = { ...newRound(state, 'design', actor, at), title: input.title, description: input.description, imageUrls: input.imageUrls };
    state.designs.push(proposal);
    return [emit(state, 'DESIGN_SUBMITTED', actor, at, { round: proposal.round, title: input.title })];
  },
};
