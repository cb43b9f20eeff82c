// Reservations and shop orders the way connectors deliver them: fan reservations signed like votes,
// standard shop envelopes signed with the shop's inbound secret, Shopify webhooks with their HMAC header.
// Plain Node (no jest globals), shared by the suites and the benchmark.
//
// Products are created with their variants through POST /products (the real API). To reach DEMAND or
// ON_SALE without running a whole lifecycle first, a suite writes that state straight into the test
// database (openDemandWindow, putOnSale): the only place that does so.
import { createHmac, randomUUID } from 'node:crypto';
import { DemandWindowRepository, VariantStockRepository } from '../../libs/database';
import type { ProductVariant, SalesRules, VariantUnits } from '../../libs/domain';
import { ok, type Api } from './api-client';
import type { IssuedShopDto } from './api-types';
import type { WithDatabase } from './product-flow';
import { sign, type Delivery } from './votes';

export interface Shop {
  id: string;
  kind: 'standard' | 'shopify';
  /** standard: the whsec_ secret the connector signs with; shopify: the app secret. */
  secret: string;
  outboundSecret?: string;
}

export async function registerShop(api: Api, opts: { kind?: 'standard' | 'shopify'; name?: string; outboundUrl?: string } = {}): Promise<Shop> {
  const kind = opts.kind ?? 'standard';
  const appSecret = kind === 'shopify' ? `shpss_${randomUUID().replace(/-/g, '')}` : undefined;
  const body = await ok(
    api.http<IssuedShopDto>('POST', '/shops', {
      body: { name: opts.name ?? `${kind} shop`, kind, ...(appSecret ? { inboundSecret: appSecret } : {}), ...(opts.outboundUrl ? { outboundUrl: opts.outboundUrl } : {}) },
    }),
    201,
  );
  const secret = appSecret ?? body.inboundSecret;
  if (!secret) throw new Error(`shop ${body.id} was issued without its inbound secret`);
  return { id: body.id, kind, secret, ...(body.outboundSecret ? { outboundSecret: body.outboundSecret } : {}) };
}

export interface ReservationBody {
  productId: string;
  variantId: string;
  quantity: number;
  fan: { platform: string; userId: string };
  occurredAt: string;
  attributionCode?: string;
}

export function reservationBody(productId: string, variantId: string, userId: string, quantity = 1, platform = 'weibo'): ReservationBody {
  return { productId, variantId, quantity, fan: { platform, userId }, occurredAt: new Date().toISOString() };
}

/** Posts a signed reservation to a webhook source (the same sources as votes); `T` is the body the caller expects. */
export function deliverReservation<T = unknown>(api: Api, sourceId: string, delivery: Delivery, headers: Record<string, string> = {}) {
  return api.http<T>('POST', `/webhooks/reservations/${sourceId}`, { key: null, rawBody: delivery.payload, headers: { ...delivery.headers, ...headers } });
}

/** A standard shop envelope, signed with the shop's inbound secret. */
export function signShopEvent(shop: Pick<Shop, 'secret'>, type: string, data: unknown, opts: { webhookId?: string; at?: Date } = {}): Delivery {
  return sign(shop.secret, { type, data }, opts);
}

export function deliverShopEvent<T = unknown>(api: Api, shopId: string, delivery: Delivery, headers: Record<string, string> = {}) {
  return api.http<T>('POST', `/webhooks/shops/${shopId}`, { key: null, rawBody: delivery.payload, headers: { ...delivery.headers, ...headers } });
}

export interface ShopifyDelivery {
  webhookId: string;
  topic: string;
  payload: string;
  headers: Record<string, string>;
}

/** A Shopify webhook as Shopify sends it: X-Shopify-Hmac-Sha256 is the base64 HMAC-SHA256 of the raw body with the app secret. */
export function shopifyDelivery(secret: string, topic: string, body: unknown, webhookId: string = randomUUID()): ShopifyDelivery {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  return {
    webhookId,
    topic,
    payload,
    headers: {
      'x-shopify-topic': topic,
      'x-shopify-hmac-sha256': createHmac('sha256', secret).update(payload).digest('base64'),
      'x-shopify-webhook-id': webhookId,
      'x-shopify-shop-domain': 'mia-test.myshopify.com',
      'x-shopify-api-version': '2025-10',
    },
  };
}

export function deliverShopify<T = unknown>(api: Api, shopId: string, d: ShopifyDelivery, headers: Record<string, string> = {}) {
  return api.http<T>('POST', `/webhooks/shopify/${shopId}`, { key: null, rawBody: d.payload, headers: { ...d.headers, ...headers } });
}

/** Variants with SKUs unique to this call (SKUs are unique across products). */
export function variantsWithSkus(ids: string[]): ProductVariant[] {
  const tag = randomUUID().slice(0, 8).toUpperCase();
  return ids.map((id) => ({ id, label: id.toUpperCase(), sku: `SKU-${tag}-${id.toUpperCase()}` }));
}

// The product's read model is frozen at this seq so no later workflow event overwrites the state written here.
const FROZEN_SEQ = 1_000_000;

/** Stand-in for the lifecycle: the product is in DEMAND with an open reservation window. */
export async function openDemandWindow(t: WithDatabase, productId: string, opts: { minimumUnits: number; closesAt: Date }): Promise<void> {
  await t.db.dataSource.query(`UPDATE products SET stage = 'DEMAND', seq = $2 WHERE id = $1`, [productId, FROZEN_SEQ]);
  await new DemandWindowRepository(t.db.dataSource).upsert({ productId, status: 'OPEN', closesAt: opts.closesAt.toISOString(), minimumUnits: opts.minimumUnits, seq: 1 });
}

export const TEST_SALES_RULES: SalesRules = { restockThreshold: 0.8, restockCoverDays: 14, restockMinimumUnits: 10, reservationHoldMs: 86_400_000 };

/** Stand-in for the lifecycle: the product is ON_SALE with these units produced (and held for reservation holders). */
export async function putOnSale(
  t: WithDatabase,
  productId: string,
  opts: { produced: VariantUnits[]; held?: VariantUnits[]; sales?: SalesRules; shopId?: string },
): Promise<void> {
  await t.db.dataSource.query(
    `UPDATE products SET stage = 'ON_SALE', seq = $2,
       snapshot = jsonb_set(jsonb_set(snapshot, '{rules,sales}', $3::jsonb), '{shopId}', $4::jsonb)
     WHERE id = $1`,
    [productId, FROZEN_SEQ, JSON.stringify(opts.sales ?? TEST_SALES_RULES), JSON.stringify(opts.shopId ?? null)],
  );
  const stock = new VariantStockRepository(t.db.dataSource);
  await stock.setProduced(productId, opts.produced);
  if (opts.held) await stock.setHeld(productId, opts.held);
}

/** The stock figures of a product's variants, as order intake keeps them. */
export async function stockOf(t: WithDatabase, productId: string): Promise<Record<string, { produced: number; sold: number; returned: number; held: number; reportedSoldOut: boolean }>> {
  const rows = await new VariantStockRepository(t.db.dataSource).listForProduct(productId);
  return Object.fromEntries(rows.map((r) => [r.variantId, { produced: r.produced, sold: r.sold, returned: r.returned, held: r.held, reportedSoldOut: r.reportedSoldOut }]));
}
