// What a cancelled product's compensation left behind, as the cancel tests check it from the outside: the
// delivery workflows its history asked to stop, how those ended, and that nothing more reaches a receiver.
// Plain Node (no jest globals).
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { deliveryWorkflowId, productWorkflowId } from '../../libs/domain';
import type { Receiver } from './receiver';
import { eventually } from './wait';

const { EventType } = temporal.api.enums.v1;

/** The product workflow's compensation work in its history: withdrawals scheduled, and the workflows asked to stop (one entry per request). */
export async function compensationOf(client: Client, productId: string): Promise<{ withdrawals: number; stopped: string[] }> {
  const events = (await client.workflow.getHandle(productWorkflowId(productId)).fetchHistory()).events ?? [];
  return {
    withdrawals: events.filter((e) => e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED && e.activityTaskScheduledEventAttributes?.activityType?.name === 'withdrawDeliveries').length,
    stopped: events
      .filter((e) => e.eventType === EventType.EVENT_TYPE_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED)
      .map((e) => e.requestCancelExternalWorkflowExecutionInitiatedEventAttributes?.workflowExecution?.workflowId ?? ''),
  };
}

/**
 * How the delivery workflow of an update ended, once it did: CANCELLED when stopped, COMPLETED when an attempt
 * found its delivery withdrawn before the stop request came.
 */
export async function deliveryWorkflowEnd(client: Client, updateId: string, timeoutMs = 20_000): Promise<string> {
  const handle = client.workflow.getHandle(deliveryWorkflowId(updateId));
  return eventually(`the delivery workflow of ${updateId} to end`, async () => {
    const status = (await handle.describe()).status.name;
    return status === 'RUNNING' ? undefined : status;
  }, timeoutMs);
}

/**
 * The requests the receiver got for `withdrawn` while another delivery it also fails (`clock`, still retrying)
 * was tried twice more: with nothing left to attempt them, 0.
 */
export async function requestsWhileRetrying(receiver: Receiver, withdrawn: Iterable<string>, clock: string, timeoutMs = 20_000): Promise<number> {
  const seen = receiver.requestsFor(withdrawn);
  const before = receiver.requestsFor([clock]);
  await eventually(`two more tries of delivery ${clock}`, () => receiver.requestsFor([clock]) >= before + 2, timeoutMs);
  return receiver.requestsFor(withdrawn) - seen;
}
