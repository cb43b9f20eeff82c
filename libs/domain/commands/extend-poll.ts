// Extending the poll (staff): moves an open poll's closing time later, or reopens a poll that closed
// below its minimum votes.

import { DomainErrorCode, refuse } from '../errors';
import { emit, iso } from '../events';
import { countAction, validateWithinLimit } from './action-limits';
import type { CommandHandler } from './command';

export interface ExtendPollInput {
  closesAt: string;
}

export const extendPollCommand: CommandHandler<ExtendPollInput> = {
  update: 'extendPoll',
  action: 'extending the poll',
  stage: 'POLL',
  validate(state, input, nowMs) {
    // A draft's duration starts at its approval; staff change a draft with EDIT_POLL_OPTIONS.
    if (state.poll.status === 'DRAFT') refuse(DomainErrorCode.InvalidState, `the poll of product ${state.productId} is not open yet: it waits for the influencer's approval of its options`);
    if (state.poll.status === 'CLOSING') refuse(DomainErrorCode.InvalidState, `the poll of product ${state.productId} is closing`);
    const closesAt = Date.parse(input.closesAt);
    if (Number.isNaN(closesAt)) refuse(DomainErrorCode.InvalidValue, `closesAt "${input.closesAt}" is not a valid time`);
    if (closesAt <= nowMs) refuse(DomainErrorCode.InvalidValue, `closesAt ${input.closesAt} is not in the future`);
    if (state.poll.status === 'OPEN' && closesAt <= Date.parse(state.poll.closesAt)) {
      refuse(
        DomainErrorCode.InvalidValue,
        `closesAt ${input.closesAt} is not later than the current closing time ${state.poll.closesAt}; close the poll to end it early`,
      );
    }
    validateWithinLimit(state, 'pollExtensions');
  },
  apply(state, input, actor, nowMs) {
    const previous = state.poll.closesAt;
    countAction(state, 'pollExtensions');
    state.poll.closesAt = new Date(Date.parse(input.closesAt)).toISOString();
    state.poll.status = 'OPEN';
    return [emit(state, 'POLL_EXTENDED', actor, iso(nowMs), { from: previous, closesAt: state.poll.closesAt })];
  },
};
