// Delivers one batch of reservation events to the shop's outbound endpoint, page by page: each page is one
// activity sending its pending events a few at a time, retried with backoff up to the configured attempts
// (a retry resends only what is still pending); a 410 Gone or a refused address stops the batch at once.
// Started by the activity that wrote the batch (by the product workflow, as its abandoned child, before the
// notices-start-deliveries patch); continues as new every few dozen pages, so its history
// stays bounded for tens of thousands of reservations.

import { ActivityFailure, ApplicationFailure, continueAsNew, proxyActivities, proxyLocalActivities, workflowInfo } from '@temporalio/workflow';
import {
  DeliveryErrorType,
  SHOP_EVENT_CONCURRENCY,
  SHOP_EVENT_PAGE_SIZE,
  SHOP_EVENT_PAGES_PER_RUN,
  type DeliveryCounts,
  type ShopEventActivities,
  type ShopEventDeliveryInput,
  type ShopEventDeliveryWorkflow,
} from '../libs/domain';

// Paging, failing and counting are short database statements: local activities, retried until the
// database answers (no task round trip through the server, nothing in history but a marker).
const { nextShopEventPage, failShopEvents, shopEventCounts } = proxyLocalActivities<ShopEventActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** The contract's signature, plus where a continued run resumes (callers start it without). */
type ResumableShopEventDelivery = (input: ShopEventDeliveryInput) => Promise<DeliveryCounts>;

export const shopEventDelivery: ShopEventDeliveryWorkflow & ResumableShopEventDelivery = async function shopEventDelivery(input: ShopEventDeliveryInput): Promise<DeliveryCounts> {
  const { batchId, retry } = input;
  const paging = input.paging ?? { pageSize: SHOP_EVENT_PAGE_SIZE, pagesPerRun: SHOP_EVENT_PAGES_PER_RUN };
  // One attempt at a page: at most PAGE_SIZE / CONCURRENCY rounds of one send each, each within the
  // configured timeout (plus the guard's name lookup). Heartbeats after every send, so a worker that dies
  // mid-page is noticed within one send's time and the page retried elsewhere.
  const rounds = Math.ceil(paging.pageSize / SHOP_EVENT_CONCURRENCY);
  const { sendShopEventPage } = proxyActivities<ShopEventActivities>({
    startToCloseTimeout: rounds * (retry.timeoutMs + 5_000) + 10_000,
    heartbeatTimeout: retry.timeoutMs + 15_000,
    // Every attempt sends the same bodies under the same webhook-ids, so an event the shop took but whose
    // answer was lost is a duplicate the shop drops, never a second notice; attempts are still bounded.
    retry: {
      initialInterval: retry.initialIntervalMs,
      backoffCoefficient: 2,
      maximumInterval: retry.maxIntervalMs,
      maximumAttempts: retry.maxAttempts,
      nonRetryableErrorTypes: [DeliveryErrorType.Refused],
    },
  });

  let afterId = input.resume?.afterId ?? '';
  for (let pages = 0; pages < paging.pagesPerRun && !workflowInfo().continueAsNewSuggested; pages++) {
    const page = await nextShopEventPage({ batchId, afterId, limit: paging.pageSize });
    if (!page) return shopEventCounts({ batchId });
    try {
      const sent = await sendShopEventPage({ batchId, afterId, throughId: page.throughId, timeoutMs: retry.timeoutMs });
      if (sent.stopped) return shopEventCounts({ batchId });
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      const cause = err.cause;
      const error = cause instanceof ApplicationFailure || cause instanceof Error ? cause.message : err.message;
      const { delivered } = await failShopEvents({ batchId, afterId, throughId: page.throughId, error });
      // The shop took none of a whole page in all its attempts: its endpoint is down, and the rest of the
      // batch would only repeat that, page after page, for hours. They fail now, saying why.
      if (delivered === 0) {
        await failShopEvents({
          batchId,
          afterId: page.throughId,
          throughId: null,
          error: `not attempted: the shop accepted none of the previous ${page.events} events in ${retry.maxAttempts} attempts (${error})`,
        });
        return shopEventCounts({ batchId });
      }
    }
    afterId = page.throughId;
  }
  return continueAsNew<ResumableShopEventDelivery>({ ...input, resume: { afterId } });
};
