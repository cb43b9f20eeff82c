// Recording a sample (staff): a new round waiting for the influencer's review, within the round limit.

import { emit, iso } from '../events';
import type { CommandHandler } from './command';
import { newRound, validateSubmission } from './rounds';

export interface RecordSampleInput {
  supplier: string;
  notes: string;
  photoUrls: string[];
}

export const recordSampleCommand: CommandHandler<RecordSampleInput> = {
  update: 'recordSample',
  action: 'sample submission',
  stage: 'SAMPLING',
  validate(state) {
    validateSubmission(state, 'sample', state.rules.sampleRoundLimit);
  },
  apply(state, input, actor, nowMs) {
    const at = iso(nowMs);
    const sample = { ...newRound(state, 'sample', actor, at), supplier: input.supplier, notes: input.notes, photoUrls: input.photoUrls };
    state.samples.push(sample);
    return [emit(state, 'SAMPLE_RECORDED', actor, at, { round: sample.round, supplier: input.supplier })];
  },
};
