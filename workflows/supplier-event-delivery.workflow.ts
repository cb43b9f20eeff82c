// Delivers one order event to its supplier's outbound endpoint: the signed POST retried with backoff up to
// the configured attempts, then the outcome recorded. Started by the activity that wrote the event (by the
// product workflow, as its abandoned child, before the notices-start-deliveries patch). When
// the order is cancelled before its request went out, the request is withdrawn and this workflow asked to
// stop: an attempt in backoff is not made, and the workflow ends cancelled.

import { ActivityFailure, ApplicationFailure, CancellationScope, CancelledFailure, isCancellation, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import { DeliveryErrorType, type DeliveryCounts, type DeliveryOutcome, type DeliveryRetry, type SupplierActivities, type SupplierEventDeliveryWorkflow } from '../libs/domain';

// One short database write, in the workflow task that learns the outcome; retried until the database answers.
const { recordSupplierEventOutcome } = proxyLocalActivities<SupplierActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export const supplierEventDelivery: SupplierEventDeliveryWorkflow = async function supplierEventDelivery(input: { eventId: string; retry: DeliveryRetry }): Promise<DeliveryCounts> {
  const { eventId, retry } = input;
  // Every attempt sends the same body under the same webhook-id: the supplier drops a repeat.
  const { sendSupplierEvent } = proxyActivities<SupplierActivities>({
    startToCloseTimeout: retry.timeoutMs + 5_000,
    retry: {
      initialInterval: retry.initialIntervalMs,
      backoffCoefficient: 2,
      maximumInterval: retry.maxIntervalMs,
      maximumAttempts: retry.maxAttempts,
      nonRetryableErrorTypes: [DeliveryErrorType.Refused, DeliveryErrorType.Withdrawn],
    },
  });
  // Recorded even once the workflow is asked to stop: an event that went out is delivered.
  const record = (outcome: DeliveryOutcome) => CancellationScope.nonCancellable(() => recordSupplierEventOutcome({ eventId, outcome }));
  try {
    const answer = await sendSupplierEvent({ eventId, timeoutMs: retry.timeoutMs });
    await record({ status: 'delivered', ...answer });
    return { delivered: 1, failed: 0 };
  } catch (err) {
    const withdrawn = isCancellation(err) || (err instanceof ActivityFailure && err.cause instanceof ApplicationFailure && err.cause.type === DeliveryErrorType.Withdrawn);
    if (withdrawn) {
      // Asked to stop: it ends cancelled. Withdrawn before the request came: it completes.
      if (CancellationScope.current().consideredCancelled) throw new CancelledFailure(`supplier event ${eventId} withdrawn: its order was cancelled`);
      return { delivered: 0, failed: 0, withdrawn: 1 };
    }
    if (!(err instanceof ActivityFailure)) throw err;
    const cause = err.cause;
    await record({ status: 'failed', error: cause instanceof ApplicationFailure || cause instanceof Error ? cause.message : err.message });
    return { delivered: 0, failed: 1 };
  }
};
