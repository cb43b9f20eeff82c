// Reviewing a design round (the influencer): approval moves the product to SAMPLING, a change request
// (with feedback) lets staff submit the next round.

import type { CommandHandler } from './command';
import { applyReview, validateReview, type ReviewInput } from './rounds';

export type ReviewDesignInput = ReviewInput;

export const reviewDesignCommand: CommandHandler<ReviewDesignInput> = {
  update: 'reviewDesign',
  action: 'design review',
  stage: 'DESIGN',
  validate(state, input) {
    validateReview(state, 'design', input);
  },
  apply(state, input, actor, nowMs) {
    return applyReview(state, 'design', input, actor, nowMs);
  },
};
