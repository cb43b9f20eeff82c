// Reviewing a design round (the influencer): approval moves the product to SAMPLING, a change request
// (with feedback) lets staff submit the next round.

import type { CommandHandler } from './command';
import { reviewCommand, type ReviewInput } from './rounds';

export type ReviewDesignInput = ReviewInput;

export const reviewDesignCommand: CommandHandler<ReviewDesignInput> = reviewCommand('design', 'reviewDesign', 'DESIGN');
