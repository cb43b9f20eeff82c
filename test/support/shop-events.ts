// Fixtures for the shop-events suites: a shop with its outbound endpoint (secrets sealed with the stack's
// SecretBox, as shop registration seals them), a product's shop and variants, and reservations written
// straight into the test database (reservation intake is its own feature, tested on its own).
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ProductVariantRepository, ReservationEntity, ShopRepository, type ReservationStatus } from '../../libs/database';
import type { ProductVariant } from '../../libs/domain';
import { generateWebhookSecret, shopOutboundSecretContext, type SecretBox } from '../../libs/webhooks';
import { uniqueName } from './stack';

export const VARIANTS: ProductVariant[] = [
  { id: 's-black', label: 'S / black' },
  { id: 'm-black', label: 'M / black' },
];

export interface TestShop {
  shopId: string;
  /** What the shop verifies our events with. */
  outboundSecret: string;
}

/** A shop; `outboundUrl` null: it takes no events. */
export async function insertShop(ds: DataSource, box: SecretBox, outboundUrl: string | null): Promise<TestShop> {
  const shopId = uniqueName('shop').replace('_', '-');
  const outboundSecret = generateWebhookSecret();
  await new ShopRepository(ds).insert({
    id: shopId,
    name: 'Test shop',
    kind: 'standard',
    inboundSecretSealed: box.seal(generateWebhookSecret(), `shop-inbound:${shopId}`),
    outboundUrl,
    outboundSecretSealed: outboundUrl === null ? null : box.seal(outboundSecret, shopOutboundSecretContext(shopId)),
  });
  return { shopId, outboundSecret };
}

/** Gives an existing product (row and snapshot) a shop and variants, the way product creation records them. */
export async function sellThrough(ds: DataSource, productId: string, shopId: string | null, variants: ProductVariant[] = VARIANTS): Promise<void> {
  await new ProductVariantRepository(ds).insertForProduct(productId, variants);
  await ds.query(`UPDATE products SET snapshot = COALESCE(snapshot, '{}'::jsonb) || jsonb_build_object('shopId', $2::text, 'variants', $3::jsonb) WHERE id = $1`, [
    productId,
    shopId,
    JSON.stringify(variants),
  ]);
}

/** A product row without a workflow (the shop-events workflow needs only the row): id and influencer given. */
export async function insertProductRow(ds: DataSource, productId: string, influencerId: string): Promise<void> {
  await ds.query(
    `INSERT INTO products (id, influencer_id, name, target_keyword, stage, snapshot, seq, workflow_id)
     VALUES ($1, $2, 'Linen midi dress', 'linen dress', 'LAUNCH', '{}'::jsonb, 1, $3)`,
    [productId, influencerId, `product-${productId}`],
  );
}

export interface TestReservation {
  id: string;
  code: string;
  variantId: string;
  quantity: number;
}

/** One fan's reservation of a variant, in the given status. */
export async function insertReservation(ds: DataSource, productId: string, variantId: string, quantity: number, status: ReservationStatus = 'held'): Promise<TestReservation> {
  const fan = uniqueName('fan');
  const row = {
    id: `rsv-${randomBytes(8).toString('hex')}`,
    code: randomBytes(5).toString('hex').toUpperCase(),
    productId,
    variantId,
    quantity,
    platform: 'tiktok',
    platformUserId: fan,
    platformUserIdRaw: fan,
    via: 'fan' as const,
    sourceId: 'src-test',
    webhookId: uniqueName('msg'),
    attributionCode: null,
    status,
  };
  await ds.getRepository(ReservationEntity).insert(row);
  return { id: row.id, code: row.code, variantId, quantity };
}

/** `count` held reservations of one unit, alternating between the variants, in one statement. */
export async function insertManyReservations(ds: DataSource, productId: string, count: number, variants: ProductVariant[] = VARIANTS): Promise<void> {
  await ds.query(
    `INSERT INTO reservations (id, code, product_id, variant_id, quantity, platform, platform_user_id, platform_user_id_raw, via, source_id, webhook_id)
     SELECT 'rsv-' || $1 || '-' || i, upper(substr(md5($1 || i::text), 1, 12)), $2, ($3::text[])[1 + i % array_length($3::text[], 1)], 1,
            'tiktok', 'fan-' || i, 'fan-' || i, 'fan', 'src-test', $1 || '-' || i
     FROM generate_series(1, $4) AS i`,
    [randomBytes(4).toString('hex'), productId, variants.map((v) => v.id), count],
  );
}

export async function reservationStatuses(ds: DataSource, productId: string): Promise<Record<string, number>> {
  const rows = await ds.query<{ status: string; n: number }[]>('SELECT status, count(*)::int AS n FROM reservations WHERE product_id = $1 GROUP BY status', [productId]);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export async function heldUnits(ds: DataSource, productId: string): Promise<Record<string, number>> {
  const rows = await ds.query<{ variant_id: string; held: number }[]>('SELECT variant_id, held FROM variant_stock WHERE product_id = $1', [productId]);
  return Object.fromEntries(rows.map((r) => [r.variant_id, r.held]));
}

export interface ShopEventRow {
  id: string;
  batch_id: string;
  reservation_id: string;
  kind: string;
  payload: string;
  status: string;
  attempts: number;
  last_error: string | null;
}

export async function shopEventRows(ds: DataSource, batchId: string): Promise<ShopEventRow[]> {
  return ds.query<ShopEventRow[]>(
    'SELECT id, batch_id, reservation_id, kind, payload, status, attempts, last_error FROM shop_events WHERE batch_id = $1 ORDER BY id',
    [batchId],
  );
}
