// Cancelling a restock in production (staff, with a reason); the product stays on sale.

import { DomainErrorCode, refuse } from '../errors';
import { emit, iso } from '../events';
import type { Actor, LifecycleEvent, ProductState } from '../model';
import { openRestock } from '../sales';
import type { CommandHandler } from './command';

export interface CancelRestockInput {
  reason: string;
}

/** Cancels the open restock (proposed or in production) with the reason; END_SALES uses it too. */
export function cancelOpenRestock(state: ProductState, reason: string, actor: Actor, at: string): LifecycleEvent[] {
  const run = openRestock(state);
  if (!run) return [];
  // A registered supplier that was given the restock is told it is cancelled (only one in production was given it).
  const told = run.status === 'IN_PRODUCTION' && run.supplierId ? { supplierId: run.supplierId } : {};
  Object.assign(run, { status: 'CANCELLED', closedAt: at, reason });
  return [emit(state, 'RESTOCK_CANCELLED', actor, at, { number: run.number, reason, ...told })];
}

export const cancelRestockCommand: CommandHandler<CancelRestockInput> = {
  update: 'cancelRestock',
  action: 'cancelling a restock',
  stage: 'ON_SALE',
  validate(state, input) {
    const run = openRestock(state);
    if (run?.status !== 'IN_PRODUCTION') {
      refuse(
        DomainErrorCode.InvalidState,
        run ? `restock ${run.number} of product ${state.productId} is only proposed; decline it instead` : `product ${state.productId} has no restock in production`,
      );
    }
    if (!input.reason.trim()) refuse(DomainErrorCode.InvalidValue, 'cancelling a restock needs a reason');
  },
  apply(state, input, actor, nowMs) {
    return cancelOpenRestock(state, input.reason.trim(), actor, iso(nowMs));
  },
};
