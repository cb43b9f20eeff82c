// What the poll-moderation commands share: they are accepted only while the poll waits in DRAFT.

import { DomainErrorCode, refuse } from '../errors';
import type { PollDraft, ProductState } from '../model';

/** The draft of a poll waiting for its approval; refuses (409) once it is open or was never moderated. */
export function draftOf(state: ProductState, action: string): PollDraft {
  const draft = state.poll.draft;
  if (state.poll.status !== 'DRAFT' || !draft) {
    refuse(DomainErrorCode.InvalidState, `the poll of product ${state.productId} is ${state.poll.status}, not waiting for approval; ${action} is accepted only before it opens`);
  }
  return draft;
}
