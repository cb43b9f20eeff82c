// The shop-events delivery workflow's side of the contract: how it pages through one batch of reservation
// events (see ShopEventBatch in contract.ts) and which activities it calls. Pages keep its history bounded
// however many reservations a product has.
import type { DeliveryCounts, DeliveryRetry } from './contract';

/** Events sent per page (concurrently, a few at a time); a page is one activity and its retries. */
export const SHOP_EVENT_PAGE_SIZE = 50;
/** Events of one page in flight at once: a shop's endpoint is not flooded. */
export const SHOP_EVENT_CONCURRENCY = 8;
/** Pages per workflow run before it continues as new (about five history events a page). */
export const SHOP_EVENT_PAGES_PER_RUN = 40;

/** The workflow's input: the batch, its retry policy and, after a continue-as-new, where it stands. */
export interface ShopEventDeliveryInput {
  batchId: string;
  retry: DeliveryRetry;
  /** Every event up to this id (in id order) is delivered or failed for good. */
  resume?: { afterId: string };
  /** Smaller pages and runs than the defaults (SHOP_EVENT_PAGE_SIZE, SHOP_EVENT_PAGES_PER_RUN); tests use it to page through a small batch. */
  paging?: { pageSize: number; pagesPerRun: number };
}

/** The next page: the batch's pending events with ids in (afterId, throughId]. */
export interface ShopEventPage {
  throughId: string;
  events: number;
}

export interface ShopEventPageInput {
  batchId: string;
  afterId: string;
  throughId: string;
  /** One attempt's limit, including the shop's answer. */
  timeoutMs: number;
}

/** What one attempt at a page did; `stopped`: the shop cannot take events (410 Gone, a refused address, no endpoint): the whole batch is failed. */
export interface ShopEventPageResult {
  delivered: number;
  stopped: boolean;
}

export interface FailShopEventsInput {
  batchId: string;
  afterId: string;
  /** The page's last event; null: every pending event after `afterId` (not attempted). */
  throughId: string | null;
  /** Why, for the events still pending (one that was attempted keeps its own last error). */
  error: string;
}

export interface ShopEventActivities {
  /** The next page of pending events after `afterId`; null when none is left. */
  nextShopEventPage(input: { batchId: string; afterId: string; limit: number }): Promise<ShopEventPage | null>;
  /**
   * One attempt at every event of the page still pending (a retried page skips the delivered ones): the signed
   * POST through the outbound guard, each outcome recorded. Throws a retryable failure when some were not accepted.
   */
  sendShopEventPage(input: ShopEventPageInput): Promise<ShopEventPageResult>;
  /** Fails the range's pending events (after a page's last attempt); answers how many of the range were delivered. */
  failShopEvents(input: FailShopEventsInput): Promise<{ delivered: number }>;
  /** How the batch ended. */
  shopEventCounts(input: { batchId: string }): Promise<DeliveryCounts>;
}
