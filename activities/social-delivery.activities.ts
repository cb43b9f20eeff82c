// Side effects of delivering one social update to one channel: an attempt (the signed POST to a checked
// address, or the log line) and the recorded outcome. One external side effect per attempt, nothing after it that can fail.

import { ApplicationFailure } from '@temporalio/activity';
import { DeliveryErrorType, type DeliveryAnswer, type DeliveryOutcome, type SocialActivities } from '@app/domain';
import { DeliveryRepository } from '@app/database';
import { OutboundRefusal, OutboundUnreachable, postPinned, redactUrl, type PostAnswer } from '@app/outbound';
import { channelSecretContext, signedWebhookHeaders } from '@app/webhooks';
import type { SocialActivityDeps } from './social.activities';

export function createDeliveryActivities(deps: Pick<SocialActivityDeps, 'dataSource' | 'secretBox' | 'log' | 'outbound'>): Pick<SocialActivities, 'sendDelivery' | 'recordDeliveryOutcome'> {
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
      // Errors name the channel by its host only: the path and query often carry the receiver's token.
      const where = redactUrl(row.url!);
      const fail = async (error: string, type: DeliveryErrorType, retry: boolean): Promise<never> => {
        await deliveries.noteFailedAttempt(deliveryId, error);
        throw retry ? ApplicationFailure.retryable(error, type) : ApplicationFailure.nonRetryable(error, type);
      };
      let answer: PostAnswer;
      try {
        // Checked at every attempt (a name can be re-pointed between attempts), and sent to the checked addresses.
        const destination = await deps.outbound.check(row.url!);
        answer = await postPinned(
          destination,
          {
            headers: { 'content-type': 'application/json', 'user-agent': 'incubator-engine/social-delivery', ...signedWebhookHeaders(secrets, deliveryId, row.payload) },
            body: row.payload,
          },
          timeoutMs,
        );
      } catch (err) {
        if (err instanceof OutboundRefusal) {
          // A name that does not resolve may resolve later; an address the engine must not reach will not change.
          if (err.reason === 'unresolvable') return fail(`${where} could not be reached: ${err.message}`, DeliveryErrorType.Unreachable, true);
          return fail(`refused to deliver to ${where}: ${err.message}`, DeliveryErrorType.Refused, false);
        }
        if (err instanceof OutboundUnreachable) return fail(`${where} could not be reached: ${err.code}`, DeliveryErrorType.Unreachable, true);
        throw err;
      }
      const { status, excerpt } = answer;
      if (status >= 200 && status < 300) return { httpStatus: status, body: excerpt };
      if (status >= 300 && status < 400) return fail(`${where} answered ${status}; redirect not followed`, DeliveryErrorType.Rejected, true);
      const error = `${where} answered ${status}${excerpt ? `: ${excerpt.slice(0, 200)}` : ''}`;
      // 410 Gone: the receiver says the endpoint is retired (Standard Webhooks); retrying cannot help.
      return fail(error, status === 410 ? DeliveryErrorType.Refused : DeliveryErrorType.Rejected, status !== 410);
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
