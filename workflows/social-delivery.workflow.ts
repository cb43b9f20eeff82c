// Delivers one social update to its channels: per channel, the signed POST (or log line) retried with
// backoff up to the configured attempts, then the outcome recorded. Channels go in parallel, each on its
// own retries. Runs apart from the product's workflow, which starts it and moves on, so a failing channel
// never delays the lifecycle. When its product is cancelled, the product's compensation withdraws the
// deliveries still pending and asks this workflow to stop: an attempt in backoff is not made, and the
// workflow ends cancelled; an attempt already in flight may still land, and is then recorded delivered.

import { ActivityFailure, ApplicationFailure, CancellationScope, CancelledFailure, isCancellation, patched, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import { DeliveryErrorType, type DeliveryOutcome, type DeliveryWorkflowInput, type NotificationActivities, type SocialActivities, type SocialDeliveryWorkflow } from '../libs/domain';
import { sendNotifications } from './notify';

/** Delivery workflows from this patch on tell staff of a delivery that failed for good. */
export const NOTIFY_DELIVERY_FAILURES_PATCH = 'notify-delivery-failures';

const { notifyDeliveryFailed } = proxyActivities<NotificationActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// Recording the outcome is one short database write, so it runs as a local activity in the workflow task
// that learns the outcome (no task round trip through the server); retried until the database answers.
const { recordDeliveryOutcome } = proxyLocalActivities<SocialActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export const socialDelivery: SocialDeliveryWorkflow = async function socialDelivery(input: DeliveryWorkflowInput) {
  const { retry } = input;
  // Each attempt sends the same body under the same webhook-id, so a retry after a lost answer is a
  // duplicate the receiver drops (Standard Webhooks), never a second post; attempts are still bounded,
  // and a 410 Gone or a disabled channel stops them at once.
  const { sendDelivery } = proxyActivities<SocialActivities>({
    startToCloseTimeout: retry.timeoutMs + 5_000,
    retry: {
      initialInterval: retry.initialIntervalMs,
      backoffCoefficient: 2,
      maximumInterval: retry.maxIntervalMs,
      maximumAttempts: retry.maxAttempts,
      nonRetryableErrorTypes: [DeliveryErrorType.Refused],
    },
  });
  // An outcome is recorded even once the workflow is asked to stop: a post that went out is delivered.
  const record = (deliveryId: string, outcome: DeliveryOutcome) => CancellationScope.nonCancellable(() => recordDeliveryOutcome({ deliveryId, outcome }));
  const deliver = async (deliveryId: string): Promise<'delivered' | 'failed' | 'withdrawn'> => {
    try {
      const answer = await sendDelivery({ deliveryId, timeoutMs: retry.timeoutMs });
      await record(deliveryId, { status: 'delivered', ...answer });
      return 'delivered';
    } catch (err) {
      // Stopped by the product's cancellation, which marked the delivery cancelled: nothing more to record. An
      // attempt that began after the withdrawal (before the stop request arrived) refuses to send, the same way.
      if (isCancellation(err)) return 'withdrawn';
      if (!(err instanceof ActivityFailure)) throw err;
      const cause = err.cause;
      if (cause instanceof ApplicationFailure && cause.type === DeliveryErrorType.Withdrawn) return 'withdrawn';
      const error = cause instanceof ApplicationFailure || cause instanceof Error ? cause.message : err.message;
      await record(deliveryId, { status: 'failed', error });
      if (patched(NOTIFY_DELIVERY_FAILURES_PATCH)) await CancellationScope.nonCancellable(async () => sendNotifications(await notifyDeliveryFailed({ deliveryId })));
      return 'failed';
    }
  };
  const outcomes = await Promise.all(input.deliveryIds.map(deliver));
  const withdrawn = outcomes.filter((o) => o === 'withdrawn').length;
  // Asked to stop: it ends cancelled. Withdrawn before the request came (it may never come, or come late): it completes.
  if (withdrawn > 0 && CancellationScope.current().consideredCancelled) throw new CancelledFailure(`${withdrawn} of ${outcomes.length} deliveries withdrawn: the product was cancelled`);
  const counts = { delivered: outcomes.filter((o) => o === 'delivered').length, failed: outcomes.filter((o) => o === 'failed').length };
  return withdrawn > 0 ? { ...counts, withdrawn } : counts;
};
