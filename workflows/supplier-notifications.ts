// Telling registered suppliers about their orders (a sample request, the production run, a restock) and
// about each order's cancellation: a loop of the product workflow's own, so an Update's answer never waits
// for it. Each notice waits until its timeline event is in the read model, writes the event (a regular
// activity, retried until the database answers) and starts its delivery workflow, abandoned on purpose like
// social deliveries. A cancellation first withdraws its order's request if that has not gone out, and asks
// the request's delivery workflow to stop, so the supplier is not sent a request after its cancellation.

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
import { noticeQueue, type NoticeQueue } from './notice-queue';

const { notifySupplier } = proxyActivities<SupplierActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export interface SupplierNotifier extends Omit<NoticeQueue<NotifySupplierInput>, 'push'> {
  /** Queues the notices of these events (none for a product without registered suppliers). */
  add(state: ProductState, events: LifecycleEvent[]): void;
}

async function notify(next: NotifySupplierInput): Promise<void> {
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

export function supplierNotifier(): SupplierNotifier {
  const queue = noticeQueue(notify);
  return {
    add(state, events) {
      for (const event of events) queue.push(supplierNoticesFor(state, event));
    },
    idle: queue.idle,
    run: queue.run,
  };
}
