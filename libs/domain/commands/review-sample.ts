// Reviewing a sample round (the influencer): approval moves the product to PRODUCTION, a change request
// (with feedback) lets staff record the next sample.

import type { CommandHandler } from './command';
import { applyReview, validateReview, type ReviewInput } from './rounds';

export type ReviewSampleInput = ReviewInput;

export const reviewSampleCommand: CommandHandler<ReviewSampleInput> = {
  update: 'reviewSample',
  action: 'sample review',
  stage: 'SAMPLING',
  validate(state, input) {
    validateReview(state, 'sample', input);
  },
  apply(state, input, actor, nowMs) {
    return applyReview(state, 'sample', input, actor, nowMs);
  },
};
