// Side effects of telling a shop about reservations: writing a batch of reservation events with the
// reservations' status change (notifyReservationHolders), and delivering a batch page by page through the
// same signed, guarded attempt as social deliveries (signed-post.ts), each event's outcome recorded.

import { ApplicationFailure, Context } from '@temporalio/activity';
import {
  DeliveryErrorType,
  SHOP_EVENT_CONCURRENCY,
  type DeliveryCounts,
  type DeliveryRetry,
  type FailShopEventsInput,
  type NotifyReservationHoldersInput,
  type SalesActivities,
  type ShopEventActivities,
  type ShopEventBatch,
  type ShopEventPage,
  type ShopEventPageInput,
  type ShopEventPageResult,
} from '@app/domain';
import { ProductRepository, ProductVariantRepository, ShopEventRepository, ShopRepository, stableId, type ShopEventAttempt } from '@app/database';
import type { OutboundGuard } from '@app/outbound';
import { shopOutboundSecretContext, type SecretBox } from '@app/webhooks';
import type { DataSource } from 'typeorm';
import { signedGuardedPost } from './signed-post';
import type { SocialActivityLogger } from './social.activities';
import { activityLogFields } from './log-context';

export interface ShopEventActivityDeps {
  dataSource: DataSource;
  secretBox: SecretBox;
  /** Checks every attempt's host, like social deliveries'. */
  outbound: OutboundGuard;
  /** How a batch's deliveries retry (the social delivery settings: one policy for everything the engine sends). */
  deliveryRetry: DeliveryRetry;
  log: SocialActivityLogger;
}

/** The batch of one notification: stable per (product, kind, seq), so a retried write names the same batch. */
export function shopEventBatchId(productId: string, kind: string, seq: number): string {
  return stableId('seb', 16, productId, kind, String(seq));
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

export function createShopEventActivities(deps: ShopEventActivityDeps): Pick<SalesActivities, 'notifyReservationHolders'> & ShopEventActivities {
  const products = new ProductRepository(deps.dataSource);
  const variants = new ProductVariantRepository(deps.dataSource);
  const shops = new ShopRepository(deps.dataSource);
  const shopEvents = new ShopEventRepository(deps.dataSource);

  /** Why the shop cannot be sent to at all, or null when it can. */
  const unusable = (shop: ShopEventAttempt): string | null => {
    if (shop.disabledAt) return `shop ${shop.shopId} is disabled; its events are not sent`;
    if (!shop.outboundUrl || !shop.outboundSecretSealed) return `shop ${shop.shopId} has no outbound endpoint; its events are not sent`;
    return null;
  };

  return {
    async notifyReservationHolders({ productId, kind, seq, holdUntil }: NotifyReservationHoldersInput): Promise<ShopEventBatch> {
      const batchId = shopEventBatchId(productId, kind, seq);
      const product = await products.findById(productId);
      if (!product) throw ApplicationFailure.nonRetryable(`product ${productId} does not exist`, DeliveryErrorType.Refused);
      const snapshot = product.snapshot;
      const shop = snapshot?.shopId ? await shops.findById(snapshot.shopId) : null;
      // Without a shop that takes events the reservations still change status; nobody is sent anything.
      const told = shop && !shop.disabledAt && shop.outboundUrl && shop.outboundSecretSealed ? shop.id : null;
      const listed = await variants.listForProduct(productId);
      const known = listed.length > 0 ? listed : (snapshot?.variants ?? []);
      const events = await shopEvents.recordNotice({
        batchId,
        productId,
        kind,
        shopId: told,
        productName: product.name,
        labels: Object.fromEntries(known.map((v) => [v.id, v.label])),
        variantIds: known.map((v) => v.id),
        at: new Date().toISOString(),
        ...(holdUntil ? { holdUntil } : {}),
      });
      return { batchId, events, retry: deps.deliveryRetry };
    },

    async nextShopEventPage({ batchId, afterId, limit }: { batchId: string; afterId: string; limit: number }): Promise<ShopEventPage | null> {
      return shopEvents.nextPage(batchId, afterId, limit);
    },

    async sendShopEventPage({ batchId, afterId, throughId, timeoutMs }: ShopEventPageInput): Promise<ShopEventPageResult> {
      const events = await shopEvents.pageToSend(batchId, afterId, throughId);
      if (events.length === 0) return { delivered: 0, stopped: false };
      const shop = events[0];
      const refusal = unusable(shop);
      let secret: string | null = null;
      try {
        if (!refusal) secret = deps.secretBox.open(shop.outboundSecretSealed!, shopOutboundSecretContext(shop.shopId));
      } catch {
        // A secret sealed under another key or for another row: no attempt can sign, so none is made.
      }
      if (refusal || secret === null) {
        const error = refusal ?? `the outbound secret of shop ${shop.shopId} cannot be opened with this engine's key; its events are not sent`;
        await shopEvents.failBatch(batchId, error);
        deps.log.warn({ ...activityLogFields(), batchId, shopId: shop.shopId, error }, 'shop events not sent');
        return { delivered: 0, stopped: true };
      }
      let delivered = 0;
      let stop: string | null = null;
      const retryable: { error: string; type: DeliveryErrorType }[] = [];
      await forEachLimited(events, SHOP_EVENT_CONCURRENCY, async (event) => {
        // A 410 or a refused address applies to the whole endpoint: the rest of the page is not sent.
        if (stop !== null) return;
        const result = await signedGuardedPost(deps.outbound, {
          url: shop.outboundUrl!,
          secrets: [secret],
          messageId: event.id,
          body: event.payload,
          timeoutMs,
          userAgent: 'incubator-engine/shop-events',
        });
        Context.current().heartbeat();
        if (result.ok) {
          await shopEvents.markDelivered(event.id, result.httpStatus);
          delivered++;
          return;
        }
        await shopEvents.noteFailedAttempt(event.id, result.error);
        if (!result.retry) stop ??= result.error;
        else retryable.push(result);
      });
      if (stop !== null) {
        await shopEvents.failBatch(batchId, stop);
        deps.log.warn({ ...activityLogFields(), batchId, shopId: shop.shopId, error: stop }, 'shop events stopped');
        return { delivered, stopped: true };
      }
      if (retryable.length > 0) {
        // The page is retried with backoff; the retry sends only the events still pending.
        const [first] = retryable;
        throw ApplicationFailure.retryable(`${retryable.length} of ${events.length} shop events were not accepted; the first: ${first.error}`, first.type);
      }
      return { delivered, stopped: false };
    },

    async failShopEvents({ batchId, afterId, throughId, error }: FailShopEventsInput): Promise<{ delivered: number }> {
      const result = await shopEvents.failPending(batchId, afterId, throughId, error);
      deps.log.warn({ ...activityLogFields(), batchId, error }, 'shop events failed');
      return result;
    },

    async shopEventCounts({ batchId }: { batchId: string }): Promise<DeliveryCounts> {
      const { delivered, failed } = await shopEvents.counts(batchId);
      return { delivered, failed };
    },
  };
}
