// Starting delivery workflows from the worker's activities rather than as the product workflow's children: a
// child's start and completion each wake its parent for a workflow task (a launched product's 44 workflow tasks
// became 24 without them), while a workflow started here is the delivery's alone. The product's local write
// starts its social updates' deliveries (from the `deliveries-from-local-write` patch on), and the activities
// that write shop and supplier notices start theirs (from `notices-start-deliveries` on), as does the local activity
// that writes notifications to people (from `notifications-start-deliveries` on).
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, WorkflowNotFoundError, type Client } from '@temporalio/client';
import {
  deliveryWorkflowId,
  NOTIFICATION_WORKFLOW_TYPE,
  notificationWorkflowId,
  SHOP_EVENTS_WORKFLOW_TYPE,
  shopEventsWorkflowId,
  SOCIAL_DELIVERY_WORKFLOW_TYPE,
  SUPPLIER_EVENT_WORKFLOW_TYPE,
  supplierEventWorkflowId,
  type DeliveryWorkflowInput,
  type NotificationActivities,
  type NotifyPeopleInput,
  type NotifyReservationHoldersInput,
  type NotifySupplierInput,
  type PeopleNotified,
  type NotificationDeliveryWorkflow,
  type RecordedSocialUpdates,
  type SalesActivities,
  type ShopEventBatch,
  type ShopEventDeliveryInput,
  type ShopEventDeliveryWorkflow,
  type SocialDeliveryWorkflow,
  type SupplierActivities,
  type SupplierEventDeliveryWorkflow,
  type SupplierNotice,
} from '@app/domain';

/** Delivery workflows as the worker's activities start and stop them, on the worker's own task queue. */
export interface DeliveryWorkflows {
  /**
   * Starts `type` (a workflow of type W) as `workflowId`, once ever: REJECT_DUPLICATE refuses the id even after its
   * first run ended, so an attempt tried again never delivers twice; one already started is skipped. Any other
   * refusal throws (the activity's attempt fails and is tried again).
   */
  startOnce<W extends (input: never) => Promise<unknown>>(type: string, workflowId: string, input: Parameters<W>[0]): Promise<void>;
  /** Asks `workflowId` to stop; one already finished, or never started, is skipped. */
  cancel(workflowId: string): Promise<void>;
}

export function deliveryWorkflows(client: Client, taskQueue: string): DeliveryWorkflows {
  return {
    async startOnce(type, workflowId, input) {
      try {
        await client.workflow.start(type, { workflowId, taskQueue, args: [input], workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE });
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      }
    },
    async cancel(workflowId) {
      try {
        await client.workflow.getHandle(workflowId).cancel();
      } catch (err) {
        // Finished meanwhile (its last attempt ended, and a late one refuses to send a withdrawn event), or never started.
        if (!(err instanceof WorkflowNotFoundError)) throw err;
      }
    },
  };
}

/** Starts one delivery workflow per written update (to all its channels). */
export function deliveryStarter(workflows: DeliveryWorkflows): (recorded: RecordedSocialUpdates) => Promise<void> {
  return async ({ deliveries, retry }) => {
    await Promise.all(
      deliveries.map(({ updateId, deliveryIds }) => {
        const input: DeliveryWorkflowInput = { deliveryIds, retry };
        return workflows.startOnce<SocialDeliveryWorkflow>(SOCIAL_DELIVERY_WORKFLOW_TYPE, deliveryWorkflowId(updateId), input);
      }),
    );
  };
}

export interface NoticeWriters {
  notifyReservationHolders(input: NotifyReservationHoldersInput): Promise<ShopEventBatch>;
  notifySupplier(input: NotifySupplierInput): Promise<SupplierNotice>;
  notifyPeople(input: NotifyPeopleInput): Promise<PeopleNotified>;
}

/**
 * The shop's and the suppliers' notices and people's notifications written and their delivery workflows started in
 * one activity. The write answers the same on every attempt (idempotent per notice), so an attempt tried again
 * after its start went through starts nothing twice; a start not made fails the attempt, which is tried again
 * until it is made, so nothing written is left unsent.
 */
export function createNoticeDeliveryActivities(
  writers: NoticeWriters,
  workflows: DeliveryWorkflows,
): Pick<SalesActivities, 'notifyReservationHoldersStartingDelivery'> &
  Pick<SupplierActivities, 'notifySupplierStartingDelivery'> &
  Pick<NotificationActivities, 'notifyPeopleStartingDeliveries'> {
  return {
    async notifyPeopleStartingDeliveries(input) {
      const notified = await writers.notifyPeople(input);
      const { notificationIds, retry } = notified;
      await Promise.all(
        notificationIds.map((notificationId) => workflows.startOnce<NotificationDeliveryWorkflow>(NOTIFICATION_WORKFLOW_TYPE, notificationWorkflowId(notificationId), { notificationId, retry })),
      );
      return notified;
    },
    async notifyReservationHoldersStartingDelivery(input) {
      const batch = await writers.notifyReservationHolders(input);
      if (batch.events > 0) {
        const delivery: ShopEventDeliveryInput = { batchId: batch.batchId, retry: batch.retry };
        await workflows.startOnce<ShopEventDeliveryWorkflow>(SHOP_EVENTS_WORKFLOW_TYPE, shopEventsWorkflowId(batch.batchId), delivery);
      }
      return batch;
    },
    async notifySupplierStartingDelivery(input) {
      const notice = await writers.notifySupplier(input);
      // The withdrawn requests' workflows are asked to stop before the cancellation's starts: no attempt of theirs
      // begins after it (one already on the wire may still land, as the README says).
      await Promise.all(notice.withdrawn.map((eventId) => workflows.cancel(supplierEventWorkflowId(eventId))));
      await workflows.startOnce<SupplierEventDeliveryWorkflow>(SUPPLIER_EVENT_WORKFLOW_TYPE, supplierEventWorkflowId(notice.eventId), { eventId: notice.eventId, retry: notice.retry });
      return notice;
    },
  };
}
