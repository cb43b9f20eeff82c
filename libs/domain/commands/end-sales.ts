// Ending the product's sales (staff, with a reason): an open restock is cancelled with the same reason
// first; the product is ENDED and its workflow completes.

import { DomainErrorCode, refuse } from '../errors';
import { emit, iso } from '../events';
import { cancelOpenRestock } from './cancel-restock';
import type { CommandHandler } from './command';

export interface EndSalesInput {
  reason: string;
}

export const endSalesCommand: CommandHandler<EndSalesInput> = {
  update: 'endSales',
  action: 'ending sales',
  stage: 'ON_SALE',
  validate(_state, input) {
    if (!input.reason.trim()) refuse(DomainErrorCode.InvalidValue, 'ending sales needs a reason');
  },
  apply(state, input, actor, nowMs) {
    const at = iso(nowMs);
    const reason = input.reason.trim();
    const events = cancelOpenRestock(state, reason, actor, at);
    state.sales!.ended = { reason, at, by: actor };
    state.stage = 'ENDED';
    events.push(emit(state, 'SALES_ENDED', actor, at, { reason }));
    return events;
  },
};
