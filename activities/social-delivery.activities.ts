// Side effects of delivering one social update to one channel: an attempt (the signed POST, or the log
// line) and the recorded outcome. One external side effect per attempt, nothing after it that can fail.

import { ApplicationFailure } from '@temporalio/activity';
import { DeliveryErrorType, type DeliveryAnswer, type DeliveryOutcome, type SocialActivities } from '@app/domain';
import { DELIVERY_TEXT_KEPT, DeliveryRepository } from '@app/database';
import { channelSecretContext, signedWebhookHeaders } from '@app/webhooks';
import type { SocialActivityDeps } from './social.activities';

export function createDeliveryActivities(deps: Pick<SocialActivityDeps, 'dataSource' | 'secretBox' | 'log'>): Pick<SocialActivities, 'sendDelivery' | 'recordDeliveryOutcome'> {
  const deliveries = new DeliveryRepository(deps.dataSource);

  return {
    async sendDelivery({ deliveryId, timeoutMs }: { deliveryId: string; timeoutMs: number }): Promise<DeliveryAnswer> {
      const row = await deliveries.startAttempt(deliveryId);
      if (!row) throw ApplicationFailure.nonRetryable(`delivery ${deliveryId} or its channel no longer exists`, DeliveryErrorType.Refused);
      if (row.status === 'delivered') return { httpStatus: row.responseStatus, body: 'already delivered' };
      if (row.disabledAt) throw ApplicationFailure.nonRetryable(`channel ${row.channelId} is disabled`, DeliveryErrorType.Refused);

      if (row.kind === 'log') {
        const message = JSON.parse(row.payload) as { type: string; data: Record<string, unknown> };
        deps.log.info(
          {
            channel: row.channelId,
            deliveryId,
            productId: row.productId,
            updateId: row.updateId,
            event: message.data.event,
            status: message.data.status,
            title: message.data.title,
            text: message.data.text,
            shareUrl: message.data.shareUrl,
          },
          message.type === 'social_update.published' ? 'social update' : 'social update for staff',
        );
        return { httpStatus: null, body: `written to the log channel "${row.name}"` };
      }

      const context = channelSecretContext(row.channelId);
      const secrets = [row.secretSealed!, row.previousSecretSealed].filter((x): x is string => x !== null).map((sealed) => deps.secretBox.open(sealed, context));
      let response: Response;
      try {
        response = await fetch(row.url!, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': 'incubator-engine/social-delivery', ...signedWebhookHeaders(secrets, deliveryId, row.payload) },
          body: row.payload,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        const cause = (err as { cause?: { code?: string; message?: string } }).cause;
        const error = `${row.url} could not be reached: ${cause?.code ?? cause?.message ?? (err as Error).message}`;
        await deliveries.noteFailedAttempt(deliveryId, error);
        throw ApplicationFailure.retryable(error, DeliveryErrorType.Unreachable);
      }
      const body = (await response.text().catch(() => '')).slice(0, DELIVERY_TEXT_KEPT);
      if (response.status >= 200 && response.status < 300) return { httpStatus: response.status, body };
      const error = `${row.url} answered ${response.status}${body ? `: ${body.slice(0, 200)}` : ''}`;
      await deliveries.noteFailedAttempt(deliveryId, error);
      // 410 Gone: the receiver says the endpoint is retired (Standard Webhooks); retrying cannot help.
      if (response.status === 410) throw ApplicationFailure.nonRetryable(error, DeliveryErrorType.Refused);
      throw ApplicationFailure.retryable(error, DeliveryErrorType.Rejected);
    },

    async recordDeliveryOutcome({ deliveryId, outcome }: { deliveryId: string; outcome: DeliveryOutcome }): Promise<void> {
      if (outcome.status === 'delivered') {
        await deliveries.markDelivered(deliveryId, outcome.httpStatus, outcome.body);
        return;
      }
      await deliveries.markFailed(deliveryId, outcome.error);
      deps.log.warn({ deliveryId, error: outcome.error }, 'social update delivery failed');
    },
  };
}
