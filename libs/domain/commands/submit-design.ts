// Submitting a design (staff): a new round waiting for the influencer's review, within the round limit.

import { emit, iso } from '../events';
import type { CommandHandler } from './command';
import { validateSubmission } from './rounds';

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
    const round = state.designs.length + 1;
    state.designs.push({
      round,
      status: 'PENDING_REVIEW',
      submittedAt: at,
      submittedBy: actor,
      title: input.title,
      description: input.description,
      imageUrls: input.imageUrls,
    });
    return [emit(state, 'DESIGN_SUBMITTED', actor, at, { round, title: input.title })];
  },
};
