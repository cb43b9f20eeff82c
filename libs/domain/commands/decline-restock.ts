// Declining the proposed restock (staff, with a reason). The workflow proposes no other restock until more
// stock has shipped (one proposal per stock level).

import { DomainErrorCode, refuse } from '../errors';
import { emit, iso } from '../events';
import { openRestock } from '../sales';
import type { CommandHandler } from './command';

export interface DeclineRestockInput {
  reason: string;
}

export const declineRestockCommand: CommandHandler<DeclineRestockInput> = {
  update: 'declineRestock',
  action: 'declining a restock',
  stage: 'ON_SALE',
  validate(state, input) {
    if (openRestock(state)?.status !== 'PROPOSED') refuse(DomainErrorCode.InvalidState, `product ${state.productId} has no proposed restock to decline`);
    if (!input.reason.trim()) refuse(DomainErrorCode.InvalidValue, 'declining a restock needs a reason');
  },
  apply(state, input, actor, nowMs) {
    const at = iso(nowMs);
    const run = openRestock(state)!;
    Object.assign(run, { status: 'DECLINED', closedAt: at, reason: input.reason.trim() });
    return [emit(state, 'RESTOCK_DECLINED', actor, at, { number: run.number, reason: run.reason })];
  },
};
