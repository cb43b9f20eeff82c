// The influencer approves the poll's options (poll moderation): the poll opens now, public from this
// moment (POLL_OPENED, a social update), and its duration starts now.

import { emit, iso } from '../events';
import type { CommandHandler } from './command';
import { draftOf } from './poll-draft';

export type ApprovePollInput = Record<never, never>;

export const approvePollCommand: CommandHandler<ApprovePollInput> = {
  update: 'approvePoll',
  action: "approving the poll's options",
  stage: 'POLL',
  validate(state) {
    draftOf(state, "approving the poll's options");
  },
  apply(state, _input, actor, nowMs) {
    const at = iso(nowMs);
    const draft = state.poll.draft!;
    delete draft.changesRequested;
    Object.assign(draft, { approvedAt: at, approvedBy: actor });
    state.poll.status = 'OPEN';
    state.poll.closesAt = iso(nowMs + draft.durationMs);
    const { question, options, closesAt, minVotes } = state.poll;
    return [emit(state, 'POLL_APPROVED', actor, at, { optionIds: options.map((o) => o.id) }), emit(state, 'POLL_OPENED', actor, at, { question, options, closesAt, minVotes })];
  },
};
