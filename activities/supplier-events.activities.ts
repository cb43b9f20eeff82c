// Side effects of telling suppliers about orders: writing the event (a cancellation withdrawing its order's
// undelivered request), one signed, guarded attempt at a time (signed-post.ts, like social deliveries), and
// the recorded outcome.

import { ApplicationFailure } from '@temporalio/activity';
import {
  DeliveryErrorType,
  requestKindOf,
  type DeliveryOutcome,
  type DeliveryRetry,
  type NotifySupplierInput,
  type SupplierActivities,
  type SupplierNotice,
} from '@app/domain';
import { stableId, SupplierEventRepository } from '@app/database';
import type { OutboundGuard } from '@app/outbound';
import { supplierSecretContext, type SecretBox } from '@app/webhooks';
import type { DataSource } from 'typeorm';
import { activityLogFields } from './log-context';
import { signedGuardedPost } from './signed-post';
import type { SocialActivityLogger } from './social.activities';

export interface SupplierActivityDeps {
  dataSource: DataSource;
  secretBox: SecretBox;
  outbound: OutboundGuard;
  /** How an event's delivery retries (the social delivery settings: one policy for everything the engine sends). */
  deliveryRetry: DeliveryRetry;
  log: SocialActivityLogger;
}

/** The event of one order and kind: stable, so a retried write names the same event (and webhook-id). */
export function supplierEventId(productId: string, order: string, kind: string): string {
  return stableId('spe', 16, productId, order, kind);
}

export function createSupplierActivities(deps: SupplierActivityDeps): Omit<SupplierActivities, 'notifySupplierStartingDelivery'> {
  const events = new SupplierEventRepository(deps.dataSource);

  return {
    async notifySupplier(n: NotifySupplierInput): Promise<SupplierNotice> {
      const eventId = supplierEventId(n.productId, n.order, n.kind);
      // The message every attempt sends; `orderId` names the order across its request and its cancellation.
      const payload = JSON.stringify({
        type: `supplier.${n.kind}`,
        timestamp: n.at,
        data: { orderId: `${n.productId}/${n.order}`, productId: n.productId, supplierId: n.supplierId, ...n.details },
      });
      const cancelling = n.kind.endsWith('.cancelled');
      const { withdrawn } = await events.record({
        id: eventId,
        supplierId: n.supplierId,
        productId: n.productId,
        orderRef: n.order,
        kind: n.kind,
        payload,
        ...(cancelling ? { withdraws: requestKindOf(n.kind) } : {}),
      });
      return { eventId, withdrawn, retry: deps.deliveryRetry };
    },

    async sendSupplierEvent({ eventId, timeoutMs }: { eventId: string; timeoutMs: number }): Promise<{ httpStatus: number | null; body: string }> {
      const row = await events.startAttempt(eventId);
      if (!row) throw ApplicationFailure.nonRetryable(`supplier event ${eventId} no longer exists`, DeliveryErrorType.Refused);
      if (row.status === 'delivered') return { httpStatus: row.responseStatus, body: 'already delivered' };
      if (row.status === 'cancelled') throw ApplicationFailure.nonRetryable(`supplier event ${eventId} was withdrawn: its order was cancelled`, DeliveryErrorType.Withdrawn);
      if (row.disabledAt) throw ApplicationFailure.nonRetryable(`supplier ${row.supplierId} is disabled; its events are not sent`, DeliveryErrorType.Refused);
      let secret: string;
      try {
        secret = deps.secretBox.open(row.outboundSecretSealed, supplierSecretContext(row.supplierId));
      } catch {
        throw ApplicationFailure.nonRetryable(`the outbound secret of supplier ${row.supplierId} cannot be opened with this engine's key; its events are not sent`, DeliveryErrorType.Refused);
      }
      const result = await signedGuardedPost(deps.outbound, {
        url: row.outboundUrl,
        secrets: [secret],
        messageId: eventId,
        body: row.payload,
        timeoutMs,
        userAgent: 'incubator-engine/supplier-events',
      });
      if (result.ok) return { httpStatus: result.httpStatus, body: result.body };
      await events.noteFailedAttempt(eventId, result.error);
      deps.log.warn({ ...activityLogFields(), eventId, supplierId: row.supplierId, error: result.error }, 'supplier event attempt failed');
      throw result.retry ? ApplicationFailure.retryable(result.error, result.type) : ApplicationFailure.nonRetryable(result.error, result.type);
    },

    async recordSupplierEventOutcome({ eventId, outcome }: { eventId: string; outcome: DeliveryOutcome }): Promise<void> {
      if (outcome.status === 'delivered') await events.markDelivered(eventId, outcome.httpStatus);
      else await events.markFailed(eventId, outcome.error);
    },
  };
}
