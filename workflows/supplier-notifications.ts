// Telling registered suppliers about their orders (a sample request, the production run, a restock) and
// about each order's cancellation: a loop of the product workflow's own, so an Update's answer never waits
// for it. Each notice waits until its timeline event is in the read model, then writes the event and starts its
// delivery workflow (a regular activity, retried until the database answers; before the notices-start-deliveries
// patch the workflow started the delivery as its child, abandoned on purpose). A cancellation first withdraws its
// order's request if that has not gone out, and the request's delivery workflow is asked to stop, so the
// supplier is not sent a request after its cancellation.

import { ApplicationFailure, getExternalWorkflowHandle, log, ParentClosePolicy, proxyActivities, startChild } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import {
  SUPPLIER_EVENT_WORKFLOW_TYPE,
  supplierEventWorkflowId,
  supplierNoticesFor,
  type LifecycleEvent,
  type NotifySupplierInput,
  type ProductState,
  type SupplierActivities,
  type SupplierEventDeliveryWorkflow,
} from '../libs/domain';
import { NOTICES_START_DELIVERIES_PATCH, noticeQueue, type NoticeQueue } from './notice-queue';

const { notifySupplier, notifySupplierStartingDelivery } = proxyActivities<SupplierActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export interface SupplierNotifier extends Omit<NoticeQueue<NotifySupplierInput>, 'push'> {
  /** Queues the notices of these events (none for a product without registered suppliers). */
  add(state: ProductState, events: LifecycleEvent[]): void;
}

/**
 * Writes the notice, stops the requests it withdraws and starts its delivery workflow: all in the activity from
 * the notices-start-deliveries patch on, else here (the delivery as a child, abandoned like social deliveries').
 */
async function notify(next: NotifySupplierInput, applies: (patchId: string) => boolean): Promise<void> {
  if (applies(NOTICES_START_DELIVERIES_PATCH)) {
    await notifySupplierStartingDelivery(next);
    return;
  }
  const notice = await notifySupplier(next);
  for (const withdrawn of notice.withdrawn) {
    try {
      await getExternalWorkflowHandle(supplierEventWorkflowId(withdrawn)).cancel();
    } catch (err) {
      // Already finished: its last attempt ended meanwhile, and a late one refuses to send a withdrawn event.
      if (!(err instanceof ApplicationFailure)) throw err;
      log.info('supplier event workflow already finished', { productId: next.productId, eventId: withdrawn, error: err.message });
    }
  }
  try {
    await startChild<SupplierEventDeliveryWorkflow>(SUPPLIER_EVENT_WORKFLOW_TYPE, {
      workflowId: supplierEventWorkflowId(notice.eventId),
      args: [{ eventId: notice.eventId, retry: notice.retry }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
  } catch (err) {
    // Already started (the product's workflow was reset past this notice): nothing to do.
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}

/** `applies` asks a patch as the product's run does (product-lifecycle's patchesOfRun). */
export function supplierNotifier(applies: (patchId: string) => boolean): SupplierNotifier {
  const queue = noticeQueue((next: NotifySupplierInput) => notify(next, applies));
  return {
    add(state, events) {
      for (const event of events) queue.push(supplierNoticesFor(state, event));
    },
    idle: queue.idle,
    run: queue.run,
  };
}
