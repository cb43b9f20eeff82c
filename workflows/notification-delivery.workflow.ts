// Sends one notification: the email (SMTP) or the signed POST to the person's webhook, retried with backoff
// up to the configured attempts, then the outcome recorded. Its id is the notification's, so no retry,
// replay or restart sends one twice through two workflows.

import { ActivityFailure, ApplicationFailure, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import { DeliveryErrorType, type DeliveryRetry, type NotificationActivities, type NotificationDeliveryWorkflow } from '../libs/domain';

const { recordNotificationOutcome } = proxyLocalActivities<NotificationActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export const notificationDelivery: NotificationDeliveryWorkflow = async function notificationDelivery(input: { notificationId: string; retry: DeliveryRetry }) {
  const { notificationId, retry } = input;
  const { sendNotification } = proxyActivities<NotificationActivities>({
    startToCloseTimeout: retry.timeoutMs + 5_000,
    retry: {
      initialInterval: retry.initialIntervalMs,
      backoffCoefficient: 2,
      maximumInterval: retry.maxIntervalMs,
      maximumAttempts: retry.maxAttempts,
      nonRetryableErrorTypes: [DeliveryErrorType.Refused],
    },
  });
  try {
    await sendNotification({ notificationId, timeoutMs: retry.timeoutMs });
  } catch (err) {
    if (!(err instanceof ActivityFailure)) throw err;
    const cause = err.cause;
    await recordNotificationOutcome({ notificationId, outcome: { status: 'failed', error: cause instanceof ApplicationFailure || cause instanceof Error ? cause.message : err.message } });
    return 'failed';
  }
  await recordNotificationOutcome({ notificationId, outcome: { status: 'sent' } });
  return 'sent';
};
