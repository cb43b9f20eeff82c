// Telling reservation holders through the product's shop (released, ready at launch, expired after the
// hold): a loop of the product workflow's own, so an Update's answer never waits for it. Each notification
// waits until its timeline event is in the read model, writes the batch of shop events (a regular activity,
// retried until the database answers) and starts the delivery workflow for it, abandoned on purpose like
// social deliveries.

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
import { noticeQueue, type NoticeQueue } from './notice-queue';

const { notifyReservationHolders } = proxyActivities<SalesActivities>({
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

/** Writes a notification's batch of shop events and starts its delivery workflow (abandoned, like social deliveries'). */
async function notify(next: NotifyReservationHoldersInput): Promise<void> {
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

export function shopNotifier(): ShopNotifier {
  const queue = noticeQueue(notify);
  return {
    add(state, events) {
      for (const event of events) queue.push(notificationsFor(state, event));
    },
    idle: queue.idle,
    run: queue.run,
  };
}
