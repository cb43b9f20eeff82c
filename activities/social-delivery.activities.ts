// Side effects of delivering one social update to one channel: an attempt (the signed POST to a checked
// address, shared with shop events in signed-post.ts, or the log line) and the recorded outcome. One
// external side effect per attempt, nothing after it that can fail.

import { ApplicationFailure } from '@temporalio/activity';
import { DeliveryErrorType, deliveryWorkflowId, resendWorkflowId, sponsoredPostWorkflowId, type DeliveryAnswer, type DeliveryOutcome, type SocialActivities, type WithdrawDeliveriesInput, type WithdrawnDeliveries } from '@app/domain';
import { DeliveryRepository } from '@app/database';
import { channelSecretContext } from '@app/webhooks';
import { signedGuardedPost } from './signed-post';
import type { SocialActivityDeps } from './social.activities';
import { activityLogFields } from './log-context';

export function createDeliveryActivities(deps: Pick<SocialActivityDeps, 'dataSource' | 'secretBox' | 'log' | 'outbound'>): Pick<SocialActivities, 'sendDelivery' | 'recordDeliveryOutcome' | 'withdrawDeliveries'> {
  const deliveries = new DeliveryRepository(deps.dataSource);

  return {
    async sendDelivery({ deliveryId, timeoutMs }: { deliveryId: string; timeoutMs: number }): Promise<DeliveryAnswer> {
      const row = await deliveries.startAttempt(deliveryId);
      if (!row) throw ApplicationFailure.nonRetryable(`delivery ${deliveryId} or its channel no longer exists`, DeliveryErrorType.Refused);
      if (row.status === 'delivered') return { httpStatus: row.responseStatus, body: 'already delivered' };
      // Withdrawn by its product's cancellation: an attempt that began before the delivery workflow was told to stop.
      if (row.status === 'cancelled') throw ApplicationFailure.nonRetryable(`delivery ${deliveryId} was withdrawn when product ${row.productId} was cancelled`, DeliveryErrorType.Withdrawn);
      // A sponsored post waiting for (or refused) its paid-post order is never sent; recording the order releases it.
      if (row.status === 'held' || row.status === 'blocked') {
        throw ApplicationFailure.nonRetryable(`delivery ${deliveryId} is ${row.status}: its sponsored post has no accepted paid-post order reference`, DeliveryErrorType.Withdrawn);
      }
      if (row.disabledAt) throw ApplicationFailure.nonRetryable(`channel ${row.channelId} is disabled`, DeliveryErrorType.Refused);

      if (row.kind === 'log') {
        const message = JSON.parse(row.payload) as { type: string; data: Record<string, unknown> };
        deps.log.info(
          {
            ...activityLogFields(),
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
      const result = await signedGuardedPost(deps.outbound, {
        url: row.url!,
        secrets,
        messageId: deliveryId,
        body: row.payload,
        timeoutMs,
        userAgent: 'incubator-engine/social-delivery',
      });
      if (result.ok) return { httpStatus: result.httpStatus, body: result.body };
      await deliveries.noteFailedAttempt(deliveryId, result.error);
      throw result.retry ? ApplicationFailure.retryable(result.error, result.type) : ApplicationFailure.nonRetryable(result.error, result.type);
    },

    async recordDeliveryOutcome({ deliveryId, outcome }: { deliveryId: string; outcome: DeliveryOutcome }): Promise<void> {
      if (outcome.status === 'delivered') {
        await deliveries.markDelivered(deliveryId, outcome.httpStatus, outcome.body);
        return;
      }
      await deliveries.markFailed(deliveryId, outcome.error);
      deps.log.warn({ ...activityLogFields(), deliveryId, error: outcome.error }, 'social update delivery failed');
    },

    async withdrawDeliveries({ productId, beforeSeq }: WithdrawDeliveriesInput): Promise<WithdrawnDeliveries> {
      const withdrawn = await deliveries.withdrawPending(productId, beforeSeq);
      // The update's workflow attempts its deliveries (a sponsored post's, once its order was recorded: that
      // post's workflow); a re-send's own workflow attempts the one it re-sends.
      const workflowIds = new Set<string>();
      for (const d of withdrawn) {
        if (d.attemptedBy === null) workflowIds.add(deliveryWorkflowId(d.updateId));
        else if (d.attemptedBy !== 'never') workflowIds.add(sponsoredPostWorkflowId(d.updateId, d.attemptedBy));
        if (d.resends > 0) workflowIds.add(resendWorkflowId(d.id, d.resends));
      }
      if (withdrawn.length > 0) deps.log.info({ ...activityLogFields(), productId, deliveries: withdrawn.length }, 'deliveries withdrawn: the product was cancelled');
      return { deliveries: withdrawn.length, workflowIds: [...workflowIds].sort() };
    },
  };
}
