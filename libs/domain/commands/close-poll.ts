// Closing the poll early (staff). Accepted while the poll is open; applying it only marks the poll as
// being tallied: the workflow then counts the votes (an activity) and applies the result (poll-tally.ts).

import { DomainErrorCode, refuse } from '../errors';
import type { ProductState } from '../model';
import type { CommandHandler } from './command';

export type ClosePollInput = Record<never, never>;

/** Marks the poll as being tallied, so that a second close or an extension waits for the result. */
export function beginPollClose(state: ProductState): void {
  state.poll.status = 'CLOSING';
}

export const closePollCommand: CommandHandler<ClosePollInput> = {
  update: 'closePoll',
  action: 'closing the poll',
  stage: 'POLL',
  validate(state) {
    const p = state.productId;
    if (state.poll.status === 'DRAFT') refuse(DomainErrorCode.InvalidState, `the poll of product ${p} is not open yet: it waits for the influencer's approval of its options`);
    if (state.poll.status === 'CLOSING') refuse(DomainErrorCode.InvalidState, `the poll of product ${p} is already closing`);
    if (state.poll.status === 'AWAITING_DECISION') {
      refuse(
        DomainErrorCode.InvalidState,
        `the poll of product ${p} closed with ${state.poll.lastTally?.totalVotes ?? 0} of ${state.poll.minVotes} required votes; extend it or cancel the product`,
      );
    }
  },
  apply(state) {
    beginPollClose(state);
    return [];
  },
};
