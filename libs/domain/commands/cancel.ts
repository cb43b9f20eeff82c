// Cancelling the product (staff), accepted in every stage it can still leave; it needs a reason.

import { DomainErrorCode, refuse } from '../errors';
import { emit, iso } from '../events';
import type { CommandHandler } from './command';

export interface CancelInput {
  reason: string;
}

export const cancelCommand: CommandHandler<CancelInput> = {
  update: 'cancelProduct',
  action: 'cancelling',
  stage: 'ANY_ACTIVE',
  validate(_state, input) {
    if (!input.reason.trim()) refuse(DomainErrorCode.InvalidValue, 'a cancellation needs a reason');
  },
  apply(state, input, actor, nowMs) {
    const at = iso(nowMs);
    const fromStage = state.stage;
    state.cancellation = { reason: input.reason.trim(), at, by: actor, fromStage };
    state.stage = 'CANCELLED';
    // Vote intake reads the poll's status: a cancelled product's poll takes no more votes.
    if (state.poll.status !== 'CLOSED') state.poll.status = 'CANCELLED';
    return [emit(state, 'CANCELLED', actor, at, { reason: state.cancellation.reason, from: fromStage })];
  },
};
