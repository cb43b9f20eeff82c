// Delivers one social update to its channels: per channel, the signed POST (or log line) retried with
// backoff up to the configured attempts, then the outcome recorded. Channels go in parallel, each on its
// own retries. Runs apart from the product's workflow, which starts it and moves on, so a failing channel
// never delays the lifecycle.

import { ActivityFailure, ApplicationFailure, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import { DeliveryErrorType, type DeliveryWorkflowInput, type SocialActivities, type SocialDeliveryWorkflow } from '../libs/domain';

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
  const deliver = async (deliveryId: string): Promise<'delivered' | 'failed'> => {
    try {
      const answer = await sendDelivery({ deliveryId, timeoutMs: retry.timeoutMs });
      await recordDeliveryOutcome({ deliveryId, outcome: { status: 'delivered', ...answer } });
      return 'delivered';
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      const cause = err.cause;
      const error = cause instanceof ApplicationFailure || cause instanceof Error ? cause.message : err.message;
      await recordDeliveryOutcome({ deliveryId, outcome: { status: 'failed', error } });
      return 'failed';
    }
  };
  const outcomes = await Promise.all(input.deliveryIds.map(deliver));
  return { delivered: outcomes.filter((o) => o === 'delivered').length, failed: outcomes.filter((o) => o === 'failed').length };
};
