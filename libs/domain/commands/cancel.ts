// Cancelling the product (staff), accepted in every stage it can still leave before it goes on sale; it needs
// a reason. A product cancelled in DEMAND releases the reservations counted (the workflow tallies an open
// window first, so none is taken after the release); from the cancel-compensation patch on (the workflow
// sets releaseHeld), so does one cancelled later, while the reservations of its met (or overridden) goal are
// held for its launch.

import { DomainErrorCode, refuse } from '../errors';
import { emit, iso } from '../events';
import type { LifecycleEvent } from '../model';
import { openSupplierOrders } from '../supplier-events';
import type { CommandHandler } from './command';

export interface CancelInput {
  reason: string;
  /**
   * Set by the product workflow, never by a caller: release the reservations held after the demand goal was
   * met or overridden (products cancelled from the cancel-compensation patch on).
   */
  releaseHeld?: boolean;
}

export const cancelCommand: CommandHandler<CancelInput> = {
  update: 'cancelProduct',
  action: 'cancelling',
  stage: 'ANY_ACTIVE',
  validate(state, input) {
    if (state.stage === 'ON_SALE') refuse(DomainErrorCode.WrongStage, `product ${state.productId} is on sale; a product on sale is ended, not cancelled: use END_SALES`);
    if (state.stage === 'DEMAND' && state.demand?.status === 'CLOSING') {
      refuse(DomainErrorCode.InvalidState, `the demand window of product ${state.productId} is being tallied; cancel again in a moment`);
    }
    if (!input.reason.trim()) refuse(DomainErrorCode.InvalidValue, 'a cancellation needs a reason');
  },
  apply(state, input, actor, nowMs) {
    const at = iso(nowMs);
    const fromStage = state.stage;
    const reason = input.reason.trim();
    // Registered suppliers with an open order are sent its cancellation (supplierNoticesFor reads the list).
    const supplierOrders = openSupplierOrders(state);
    for (const r of state.sampleRequests ?? []) if (r.status === 'OPEN') Object.assign(r, { status: 'CANCELLED', closedAt: at });
    const events: LifecycleEvent[] = [];
    const held = state.demand && (state.demand.status === 'MET' || state.demand.status === 'OVERRIDDEN') && input.releaseHeld === true;
    const demand = fromStage === 'DEMAND' || held ? state.demand : undefined;
    let released = 0;
    if (demand) {
      // Reservation intake reads the window's status: a released window takes no more reservations.
      demand.status = 'RELEASED';
      const tally = demand.lastTally;
      if (tally && tally.reservations > 0) {
        released = tally.reservations;
        events.push(emit(state, 'RESERVATIONS_RELEASED', actor, at, { reservations: tally.reservations, totalUnits: tally.totalUnits, reason }));
      }
    }
    state.cancellation = { reason, at, by: actor, fromStage };
    state.stage = 'CANCELLED';
    // Vote intake reads the poll's status: a cancelled product's poll takes no more votes.
    if (state.poll.status !== 'CLOSED') state.poll.status = 'CANCELLED';
    // reservationsReleased: the release's own update tells fans, so the cancellation's stays staff's.
    events.push(
      emit(state, 'CANCELLED', actor, at, {
        reason,
        from: fromStage,
        ...(released > 0 ? { reservationsReleased: released } : {}),
        ...(supplierOrders.length > 0 ? { supplierOrders } : {}),
      }),
    );
    return events;
  },
};
