// Starting the delivery workflow of each notification to send now, abandoned like social deliveries': a social
// delivery that failed for good, the daily digest, and the product workflow for runs from before the
// notifications-start-deliveries patch (or writing notifications with a regular activity) share it.

import { ParentClosePolicy, startChild } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { NOTIFICATION_WORKFLOW_TYPE, notificationWorkflowId, type NotificationDeliveryWorkflow, type PeopleNotified } from '../libs/domain';

export async function sendNotifications({ notificationIds, retry }: PeopleNotified): Promise<void> {
  for (const notificationId of notificationIds) {
    try {
      await startChild<NotificationDeliveryWorkflow>(NOTIFICATION_WORKFLOW_TYPE, {
        workflowId: notificationWorkflowId(notificationId),
        args: [{ notificationId, retry }],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
    } catch (err) {
      // Already started (a retried or reset parent): it is being sent, once.
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  }
}
