// Starting the delivery workflows of written social updates from the worker (the product workflow's local write,
// from the `deliveries-from-local-write` patch on) rather than as the product workflow's children: a child's
// start and completion each wake its parent for a workflow task (a launched product's 44 workflow tasks became 24
// without them), while a workflow started here is the delivery's alone.
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import { deliveryWorkflowId, SOCIAL_DELIVERY_WORKFLOW_TYPE, type DeliveryWorkflowInput, type RecordedSocialUpdates, type SocialDeliveryWorkflow } from '@app/domain';

/**
 * Starts one delivery workflow per written update, on `taskQueue`. Each id runs once (REJECT_DUPLICATE, even after
 * the first run ended), so an attempt tried again never delivers an update twice; one already started is skipped.
 */
export function deliveryStarter(client: Client, taskQueue: string): (recorded: RecordedSocialUpdates) => Promise<void> {
  return async ({ deliveries, retry }) => {
    await Promise.all(
      deliveries.map(async ({ updateId, deliveryIds }) => {
        const input: DeliveryWorkflowInput = { deliveryIds, retry };
        try {
          await client.workflow.start<SocialDeliveryWorkflow>(SOCIAL_DELIVERY_WORKFLOW_TYPE, {
            workflowId: deliveryWorkflowId(updateId),
            taskQueue,
            args: [input],
            workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
          });
        } catch (err) {
          if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        }
      }),
    );
  };
}
