// Reviewing a sample round (the influencer): approval moves the product to PRODUCTION, a change request
// (with feedback) lets staff record the next sample.

import type { CommandHandler } from './command';
import { reviewCommand, type ReviewInput } from './rounds';

export type ReviewSampleInput = ReviewInput;

export const reviewSampleCommand: CommandHandler<ReviewSampleInput> = reviewCommand('sample', 'reviewSample', 'SAMPLING');
