// What a cancelled product's compensation left behind, as the cancel tests check it from the outside: the
// withdrawals, supplier notices and reservation notices its history scheduled, the workflows it asked to stop,
// how those ended, and that nothing more reaches a receiver.
// Plain Node (no jest globals).
import type { Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { deliveryWorkflowId, productWorkflowId, type NotifyReservationHoldersInput, type NotifySupplierInput } from '../../libs/domain';
import type { Receiver } from './receiver';
import { eventually } from './wait';

const { EventType } = temporal.api.enums.v1;

/** The product workflow's compensation work, as its history holds it (one entry per scheduling or request). */
export interface Compensation {
  /** withdrawDeliveries activities scheduled. */
  withdrawals: number;
  /**
   * The workflows it asked to stop: delivery workflows, and (before the notices-start-deliveries patch) supplier
   * requests a cancellation withdrew, which from the patch on the notice's activity stops.
   */
  stopped: string[];
  /** Supplier notices scheduled (notifySupplier, or notifySupplierStartingDelivery from the patch on), by kind and order (e.g. production.cancelled production). */
  supplierNotices: string[];
  /** Shop notices scheduled (notifyReservationHolders, or …StartingDelivery from the patch on), by kind (e.g. reservation.released). */
  shopNotices: string[];
}

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** The first argument of a scheduled activity of one of these types, or undefined for any other event. */
function scheduledInput<T>(e: HistoryEvent, activityTypes: string[]): T | undefined {
  const scheduled = e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED ? e.activityTaskScheduledEventAttributes : undefined;
  const type = scheduled?.activityType?.name;
  if (!scheduled || !type || !activityTypes.includes(type)) return undefined;
  const [payload] = scheduled.input?.payloads ?? [];
  if (!payload) throw new Error(`activity ${type} was scheduled without its input`);
  return defaultPayloadConverter.fromPayload<T>(payload);
}

/** The product workflow's compensation work in its history: withdrawals and notices scheduled, and the workflows asked to stop. */
export async function compensationOf(client: Client, productId: string): Promise<Compensation> {
  const events = (await client.workflow.getHandle(productWorkflowId(productId)).fetchHistory()).events ?? [];
  const inputs = <T>(...activityTypes: string[]): T[] => events.map((e) => scheduledInput<T>(e, activityTypes)).filter((i): i is T => i !== undefined);
  return {
    withdrawals: inputs<unknown>('withdrawDeliveries').length,
    stopped: events
      .filter((e) => e.eventType === EventType.EVENT_TYPE_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED)
      .map((e) => e.requestCancelExternalWorkflowExecutionInitiatedEventAttributes?.workflowExecution?.workflowId ?? ''),
    supplierNotices: inputs<Pick<NotifySupplierInput, 'kind' | 'order'>>('notifySupplier', 'notifySupplierStartingDelivery').map((n) => `${n.kind} ${n.order}`),
    shopNotices: inputs<Pick<NotifyReservationHoldersInput, 'kind'>>('notifyReservationHolders', 'notifyReservationHoldersStartingDelivery').map((n) => n.kind),
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

/** Waits until a delivery the receiver fails (`clock`, still retrying) was tried twice more: long enough for anything else retrying to have come. */
async function twoMoreTries(receiver: Receiver, clock: string, timeoutMs = 20_000): Promise<void> {
  const before = receiver.requestsFor([clock]);
  await eventually(`two more tries of delivery ${clock}`, () => receiver.requestsFor([clock]) >= before + 2, timeoutMs);
}

/**
 * The requests the receiver got for `withdrawn` while another delivery it also fails (`clock`, still retrying)
 * was tried twice more: with nothing left to attempt them, 0.
 */
export async function requestsWhileRetrying(receiver: Receiver, withdrawn: Iterable<string>, clock: string, timeoutMs = 20_000): Promise<number> {
  const ids = [...withdrawn];
  const seen = receiver.requestsFor(ids);
  await twoMoreTries(receiver, clock, timeoutMs);
  return receiver.requestsFor(ids) - seen;
}
