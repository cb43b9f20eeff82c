// The influencer asks staff to change the draft poll's options, saying what (poll moderation); the poll
// stays in DRAFT and waits for staff's edit.

import { DomainErrorCode, refuse } from '../errors';
import { emit, iso } from '../events';
import { countAction, validateWithinLimit } from './action-limits';
import type { CommandHandler } from './command';
import { draftOf } from './poll-draft';

export interface RequestPollChangesInput {
  feedback: string;
}

export const requestPollChangesCommand: CommandHandler<RequestPollChangesInput> = {
  update: 'requestPollChanges',
  action: "requesting changes to the poll's options",
  stage: 'POLL',
  validate(state, input) {
    draftOf(state, "requesting changes to the poll's options");
    if (!input.feedback.trim()) refuse(DomainErrorCode.InvalidValue, 'a request for changes needs feedback saying what to change');
    validateWithinLimit(state, 'pollRevisions');
  },
  apply(state, input, actor, nowMs) {
    const at = iso(nowMs);
    const feedback = input.feedback.trim();
    countAction(state, 'pollRevisions');
    state.poll.draft!.changesRequested = { feedback, at, by: actor };
    return [emit(state, 'POLL_CHANGES_REQUESTED', actor, at, { feedback })];
  },
};
