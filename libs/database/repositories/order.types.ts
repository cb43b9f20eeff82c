// The shapes order intake records (orders, refunds, what a delivery did) and the refusal of a refund that
// does not fit its order; OrderRepository writes them.
import type { SalesRules, Stage } from '../../domain';
import type { OrderRepository } from './order.repository';

export interface NewOrderLine {
  lineId: string;
  productId: string;
  variantId: string;
  quantity: number;
  unitPriceMinor: number;
  reservationCode: string | null;
  attributionCode: string | null;
}

export interface NewOrder {
  orderId: string;
  orderedAt: string;
  currency: string;
  lines: NewOrderLine[];
}

export interface NewRefund {
  refundId: string;
  orderId: string;
  refundedAt: string;
  lines: { lineId: string; quantity: number; amountMinor: number }[];
}

/** What a delivery did; stored with its receipt so a redelivery is answered the same way. */
export type ShopEffect =
  | { kind: 'order'; orderId: string; lines: number; cancelled: boolean; reservationsConverted: number; productIds: string[] }
  | { kind: 'cancellation'; orderId: string; orderKnown: boolean; productIds: string[] }
  | { kind: 'refund'; refundId: string; orderId: string; orderKnown: boolean; productIds: string[] }
  /** The same order, cancellation or refund again under another webhook id: nothing changed. */
  | { kind: 'already-recorded'; what: 'order' | 'cancellation' | 'refund'; id: string; productIds: string[] };

/** A refund that does not fit its order: nothing is stored. */
export class RefundRefusal extends Error {}

export type ReceiptOutcome = { duplicate: false; effect: ShopEffect } | { duplicate: true; effect: ShopEffect };

/** One delivery for recordBatch: its receipt key and its effect (recordOrder, recordCancellation or recordRefund on the repository given). */
export interface ShopDelivery {
  shopId: string;
  webhookId: string;
  topic: string;
  /** The order it is about: batches take deliveries in (shop, order) order. */
  orderId: string;
  effect: (repo: OrderRepository) => Promise<ShopEffect>;
  /**
   * For a new order without reservation codes whose products' stage was not checked yet: the order itself, so
   * a batch records it in one statement with others, checking that its products are ON_SALE (order-batch.ts).
   */
  order?: NewOrder;
  /** Whether the effect may throw RefundRefusal (it then runs in a savepoint of its own). */
  mayBeRefused?: boolean;
}

/** notOnSale: an order (ShopDelivery.order) of a product not ON_SALE, or sold by another shop; nothing stored. */
export type BatchOutcome = ReceiptOutcome | { refused: RefundRefusal } | { notOnSale: true };

/** A product as order intake checks it. */
export interface ProductSaleState {
  stage: Stage;
  shopId: string | null;
  sales: SalesRules | null;
}
