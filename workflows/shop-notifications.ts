// Telling reservation holders through the product's shop (released, ready at launch, expired after the
// hold): a loop of the product workflow's own, so an Update's answer never waits for it. Each notification
// waits until its timeline event is in the read model, then writes the batch of shop events and starts its
// delivery workflow (a regular activity, retried until the database answers; before the
// notices-start-deliveries patch the workflow started the delivery as its child, abandoned on purpose).

import { ParentClosePolicy, proxyActivities, startChild } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import {
  SHOP_EVENTS_WORKFLOW_TYPE,
  shopEventsWorkflowId,
  type LifecycleEvent,
  type NotifyReservationHoldersInput,
  type ProductState,
  type SalesActivities,
  type ShopEventDeliveryWorkflow,
} from '../libs/domain';
import { NOTICES_START_DELIVERIES_PATCH, noticeQueue, type NoticeQueue } from './notice-queue';

const { notifyReservationHolders, notifyReservationHoldersStartingDelivery } = proxyActivities<SalesActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** The notifications an event calls for (none for most). */
export function notificationsFor(state: ProductState, event: LifecycleEvent): NotifyReservationHoldersInput[] {
  const base = { productId: state.productId, seq: event.seq };
  if (event.type === 'RESERVATIONS_RELEASED') return [{ ...base, kind: 'reservation.released' }];
  if (event.type === 'RESERVATION_HOLD_ENDED') return [{ ...base, kind: 'reservation.expired' }];
  // Only products with a shop and reservations hold stock: the shop is told the codes and until when.
  if (event.type === 'LAUNCHED' && state.shopId && typeof event.data.reservationHoldUntil === 'string') {
    return [{ ...base, kind: 'reservation.ready', holdUntil: event.data.reservationHoldUntil }];
  }
  return [];
}

export interface ShopNotifier extends Omit<NoticeQueue<NotifyReservationHoldersInput>, 'push'> {
  /** Queues the notifications of these events. */
  add(state: ProductState, events: LifecycleEvent[]): void;
}

/**
 * Writes a notification's batch of shop events and starts its delivery workflow: in the activity from the
 * notices-start-deliveries patch on, else as a child (abandoned, like social deliveries').
 */
async function notify(next: NotifyReservationHoldersInput, applies: (patchId: string) => boolean): Promise<void> {
  if (applies(NOTICES_START_DELIVERIES_PATCH)) {
    await notifyReservationHoldersStartingDelivery(next);
    return;
  }
  const batch = await notifyReservationHolders(next);
  if (batch.events === 0) return;
  try {
    await startChild<ShopEventDeliveryWorkflow>(SHOP_EVENTS_WORKFLOW_TYPE, {
      workflowId: shopEventsWorkflowId(batch.batchId),
      args: [{ batchId: batch.batchId, retry: batch.retry }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
  } catch (err) {
    // Already started (the product's workflow was reset past this batch): nothing to do.
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}

/** `applies` asks a patch as the product's run does (product-lifecycle's patchesOfRun). */
export function shopNotifier(applies: (patchId: string) => boolean): ShopNotifier {
  const queue = noticeQueue((next: NotifyReservationHoldersInput) => notify(next, applies));
  return {
    add(state, events) {
      for (const event of events) queue.push(notificationsFor(state, event));
    },
    idle: queue.idle,
    run: queue.run,
  };
}
