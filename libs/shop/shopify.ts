// Shopify's own order webhooks mapped onto the engine's order intake: the topics it takes, the HMAC check
// of X-Shopify-Hmac-Sha256 and the payload fields it reads. Anything that is not Shopify's shape throws
// ShopPayloadError naming the field (the API answers 400).
//
// Fields read:
// - orders/create: id, created_at, currency, line_items[{ id, sku, quantity, price }] (price: a decimal
//   string in the order's currency); the reservation code from note_attributes { name: "reservation_code" }
//   or else from a discount code (discount_codes[].code) shaped like a reservation code; the attribution
//   code from note_attributes { name: "attribution_code" }.
// - orders/cancelled: id, cancelled_at.
// - refunds/create: id, order_id, created_at, refund_line_items[{ line_item_id, quantity, subtotal }].
import { createHmac, timingSafeEqual } from 'node:crypto';
import { decimalToMinor } from './money';
import { isReservationCode, normaliseReservationCode } from './reservation-code';

export const SHOPIFY_TOPICS = ['orders/create', 'orders/cancelled', 'refunds/create'] as const;
export type ShopifyTopic = (typeof SHOPIFY_TOPICS)[number];

export function isShopifyTopic(value: string): value is ShopifyTopic {
  return (SHOPIFY_TOPICS as readonly string[]).includes(value);
}

export class ShopPayloadError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Whether `hmacHeader` is the base64 HMAC-SHA256 of the raw body with the app's secret (constant-time). */
export function verifyShopifyHmac(rawBody: Buffer, secret: string, hmacHeader: string | undefined): boolean {
  if (!hmacHeader) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(hmacHeader.trim(), 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface ShopifyOrderLine {
  lineId: string;
  sku: string | null;
  quantity: number;
  unitPriceMinor: number;
}

export interface ShopifyOrder {
  orderId: string;
  orderedAt: string;
  currency: string;
  lines: ShopifyOrderLine[];
  reservationCode: string | null;
  attributionCode: string | null;
}

export interface ShopifyCancellation {
  orderId: string;
  cancelledAt: string;
}

export interface ShopifyRefund {
  refundId: string;
  orderId: string;
  refundedAt: string;
  lines: { lineId: string; quantity: number; amountMinor: number }[];
}

type Json = Record<string, unknown>;

function object(value: unknown, field: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ShopPayloadError(field, `${field} must be an object`);
  return value as Json;
}

/** Shopify ids are integers (sent as JSON numbers); kept as their decimal text. */
function id(value: unknown, field: string): string {
  // Ids above 2^53 (Shopify's documentation examples have some) lose precision in JSON.parse, the same way every time.
  if (typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 1e20) return BigInt(value).toString();
  if (typeof value === 'string' && /^\d{1,20}$/.test(value)) return value;
  throw new ShopPayloadError(field, `${field} must be a Shopify id (a positive integer)`);
}

function time(value: unknown, field: string): string {
  const at = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(at)) throw new ShopPayloadError(field, `${field} must be an ISO-8601 time`);
  return new Date(at).toISOString();
}

function count(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new ShopPayloadError(field, `${field} must be a whole number`);
  return value;
}

function list(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw new ShopPayloadError(field, `${field} must be a list`);
  return value;
}

function money(value: unknown, currency: string, field: string): number {
  const minor = typeof value === 'string' || typeof value === 'number' ? decimalToMinor(String(value), currency) : null;
  if (minor === null) throw new ShopPayloadError(field, `${field} must be a non-negative decimal amount in ${currency}`);
  return minor;
}

function noteAttribute(order: Json, name: string): string | null {
  if (order.note_attributes === undefined || order.note_attributes === null) return null;
  for (const [i, a] of list(order.note_attributes, 'note_attributes').entries()) {
    const attr = object(a, `note_attributes[${i}]`);
    if (attr.name === name && typeof attr.value === 'string' && attr.value.trim()) return attr.value.trim();
  }
  return null;
}

export function mapShopifyOrder(payload: unknown): ShopifyOrder {
  const order = object(payload, 'body');
  const currency = typeof order.currency === 'string' ? order.currency : '';
  if (!/^[A-Z]{3}$/.test(currency)) throw new ShopPayloadError('currency', 'currency must be an ISO 4217 code such as USD');
  const lines = list(order.line_items, 'line_items').map((raw, i): ShopifyOrderLine => {
    const item = object(raw, `line_items[${i}]`);
    const sku = typeof item.sku === 'string' && item.sku.trim() ? item.sku.trim() : null;
    return {
      lineId: id(item.id, `line_items[${i}].id`),
      sku,
      quantity: count(item.quantity, `line_items[${i}].quantity`),
      unitPriceMinor: money(item.price, currency, `line_items[${i}].price`),
    };
  });
  let reservationCode = noteAttribute(order, 'reservation_code');
  if (!reservationCode && Array.isArray(order.discount_codes)) {
    const codes = (order.discount_codes as unknown[]).map((d) => {
      const code = typeof d === 'object' && d !== null ? (d as Json).code : undefined;
      return typeof code === 'string' ? normaliseReservationCode(code) : '';
    });
    reservationCode = codes.find(isReservationCode) ?? null;
  }
  return {
    orderId: id(order.id, 'id'),
    orderedAt: time(order.created_at, 'created_at'),
    currency,
    lines,
    reservationCode: reservationCode ? normaliseReservationCode(reservationCode) : null,
    attributionCode: noteAttribute(order, 'attribution_code'),
  };
}

export function mapShopifyCancellation(payload: unknown): ShopifyCancellation {
  const order = object(payload, 'body');
  return { orderId: id(order.id, 'id'), cancelledAt: time(order.cancelled_at, 'cancelled_at') };
}

/** Where a refund payload names its currency (for a refund that arrives before its order). */
function refundCurrency(refund: Json): string | null {
  const items = Array.isArray(refund.refund_line_items) ? (refund.refund_line_items as unknown[]) : [];
  for (const item of items) {
    const set = typeof item === 'object' && item !== null ? (item as Json).subtotal_set : undefined;
    const shopMoney = typeof set === 'object' && set !== null ? (set as Json).shop_money : undefined;
    const code = typeof shopMoney === 'object' && shopMoney !== null ? (shopMoney as Json).currency_code : undefined;
    if (typeof code === 'string') return code;
  }
  const transactions = Array.isArray(refund.transactions) ? (refund.transactions as unknown[]) : [];
  const first = transactions[0];
  const code = typeof first === 'object' && first !== null ? (first as Json).currency : undefined;
  return typeof code === 'string' ? code : null;
}

/**
 * `orderCurrency` is the order's when it was received: the refund line subtotals are in it. Otherwise the
 * payload's own subtotal_set.shop_money.currency_code or transactions[0].currency.
 */
export function mapShopifyRefund(payload: unknown, orderCurrency?: string): ShopifyRefund {
  const refund = object(payload, 'body');
  const currency = orderCurrency ?? refundCurrency(refund);
  if (!currency || !/^[A-Z]{3}$/.test(currency)) {
    throw new ShopPayloadError('refund_line_items[0].subtotal_set', 'the refund names no currency (refund_line_items[].subtotal_set.shop_money.currency_code or transactions[].currency)');
  }
  const lines = list(refund.refund_line_items, 'refund_line_items').map((raw, i) => {
    const item = object(raw, `refund_line_items[${i}]`);
    return {
      lineId: id(item.line_item_id, `refund_line_items[${i}].line_item_id`),
      quantity: count(item.quantity, `refund_line_items[${i}].quantity`),
      amountMinor: money(item.subtotal ?? '0', currency, `refund_line_items[${i}].subtotal`),
    };
  });
  return { refundId: id(refund.id, 'id'), orderId: id(refund.order_id, 'order_id'), refundedAt: time(refund.created_at, 'created_at'), lines };
}
