// Staff replace a draft poll's question and options (poll moderation), screened again by the API before
// they get here; the influencer is asked to approve the new set.

import { DomainErrorCode, refuse } from '../errors';
import { emit, iso } from '../events';
import type { PollOption } from '../model';
import { countAction, validateWithinLimit } from './action-limits';
import type { CommandHandler } from './command';
import { draftOf } from './poll-draft';

export interface EditPollOptionsInput {
  /** Absent: the question stays. */
  question?: string;
  options: PollOption[];
}

export const editPollOptionsCommand: CommandHandler<EditPollOptionsInput> = {
  update: 'editPollOptions',
  action: "editing the poll's options",
  stage: 'POLL',
  validate(state, input) {
    draftOf(state, "editing the poll's options");
    if (input.options.length < 2 || input.options.length > 10) refuse(DomainErrorCode.InvalidValue, 'a poll has 2 to 10 options');
    const twice = input.options.find((o, i) => input.options.findIndex((x) => x.id === o.id) !== i);
    if (twice) refuse(DomainErrorCode.InvalidValue, `poll option id "${twice.id}" is used twice`);
    validateWithinLimit(state, 'pollRevisions');
  },
  apply(state, input, actor, nowMs) {
    countAction(state, 'pollRevisions');
    state.poll.options = input.options.map((o) => ({ ...o }));
    if (input.question !== undefined) state.poll.question = input.question;
    delete state.poll.draft!.changesRequested;
    return [emit(state, 'POLL_OPTIONS_EDITED', actor, iso(nowMs), { question: state.poll.question, options: state.poll.options })];
  },
};
