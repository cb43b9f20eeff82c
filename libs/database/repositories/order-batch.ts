// The two statements that make a group-commit batch of shop deliveries cheap (OrderRepository.recordBatch).
// Every delivery about an order locks the order's shop_orders row before it reads or writes anything of the
// order, so deliveries about one order (the order, its cancellation, refunds, redeliveries under other
// webhook ids, from any API process) take effect one at a time and each sees what the others committed.
// - New orders (no reservation code, first in their batch) are recorded by one autocommit statement for
//   the whole batch, as votes are: the order's row created, receipt claimed, lines and units sold written,
//   products checked ON_SALE. The row is what makes this safe without a transaction: ON CONFLICT waits for a
//   concurrent creator and sees the row it committed, so an order whose row this statement did not create
//   (something about it came before, or comes at the same time) is left, untouched, to the other path.
// - Everything else (cancellations, refunds, orders converting reservations, orders seen before) goes one
//   by one in a transaction that first locks all its orders' rows (lockOrders), then reads each order's
//   state in later statements, whose snapshots see everything committed before the lock was granted.
import type { DataSource, EntityManager } from 'typeorm';
import { queryPrepared, type PreparedStatement } from '../prepared';
import type { BatchOutcome, ShopDelivery, ShopEffect } from './order.types';

/** The key that orders deliveries about one order within a batch. */
export function orderLockKey(d: Pick<ShopDelivery, 'shopId' | 'orderId'>): string {
  return `order/${d.shopId}/${d.orderId}`;
}

/**
 * Creates or locks the shop_orders rows of all the batch's orders in one statement, in key order ("C"
 * collation, the order the one-statement path takes them in too), so concurrent batches never wait on each
 * other in a circle. Held until the transaction ends.
 */
export async function lockOrders(tx: EntityManager, items: Pick<ShopDelivery, 'shopId' | 'orderId'>[]): Promise<void> {
  await tx.query(
    `INSERT INTO shop_orders (shop_id, order_id)
     SELECT s, o FROM (SELECT DISTINCT s, o FROM unnest($1::text[], $2::text[]) AS t(s, o)) d
     ORDER BY s COLLATE "C", o COLLATE "C"
     ON CONFLICT (shop_id, order_id) DO UPDATE SET deliveries = shop_orders.deliveries + 1`,
    [items.map((d) => d.shopId), items.map((d) => d.orderId)],
  );
}

/**
 * The deliveries the one-statement path takes (new orders given with their data, ShopDelivery.order), in
 * rounds: a round holds each order and webhook id once (one statement cannot create the same row twice), and
 * a later round sees what the earlier ones committed (the same order again under another webhook id goes the
 * other path; a redelivery in the same batch is answered from the receipt).
 */
export function newOrderRounds(items: ShopDelivery[]): number[][] {
  const rounds: { orders: Set<string>; webhooks: Set<string>; indexes: number[] }[] = [];
  for (const [i, d] of items.entries()) {
    if (d.order === undefined) continue;
    const order = orderLockKey(d);
    const webhook = `${d.shopId}/${d.webhookId}`;
    let round = rounds.find((r) => !r.orders.has(order) && !r.webhooks.has(webhook));
    if (!round) rounds.push((round = { orders: new Set(), webhooks: new Set(), indexes: [] }));
    round.orders.add(order);
    round.webhooks.add(webhook);
    round.indexes.push(i);
  }
  return rounds.map((r) => r.indexes);
}

// Orders are taken only for products ON_SALE from the shop that sells them (when the product names one),
// checked here: one that fails creates nothing (on_sale false) and order intake answers it with the reason
// (OrderIntakeService.checkOnSale), unless it is a redelivery (recordNewOrders looks its receipt up). Each
// product's stage and shop is read once per batch: the shop is in the snapshot, a large JSONB value that
// costs a detoast every time it is read.
// An order whose row this statement created (first) has nothing stored about it, no cancellation, no refund
// and no receipt under another webhook id: its receipt is claimed, its lines and units sold written, and its
// effect is the one the caller computed. A claim that finds its webhook id taken meanwhile (a redelivery
// racing its original, or the same id for another order) stores nothing more and is answered from that
// receipt. An order whose row existed (first false) is not claimed either: a redelivery is answered from its
// receipt, and anything else (something about the order came before) is left to the other path.
// Prepared (libs/database/prepared.ts): it reads no table growing with the intake except through ON
// CONFLICT's unique-index probes (the products it reads are the batch's own, by primary key), so a generic
// plan stays right however the orders and receipts grow (test/database/prepared-plans.test.ts); planning it
// cost about 0.5 ms per batch, nearly half of its run, under bench:votes.
const RECORD_NEW_ORDERS: PreparedStatement = {
  name: 'new-order-batch',
  text: `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb)
    AS t(idx int, shop_id text, webhook_id text, topic text, order_id text, currency text, ordered_at timestamptz, product_ids jsonb, lines jsonb, result jsonb)
), sale AS MATERIALIZED (
  SELECT p.id, p.stage, p.snapshot ->> 'shopId' AS shop_id FROM products p WHERE p.id = ANY($2::text[])
), checked AS MATERIALIZED (
  SELECT i.*,
    NOT EXISTS (
      SELECT 1 FROM jsonb_array_elements_text(i.product_ids) AS pid(id) LEFT JOIN sale p ON p.id = pid.id
      WHERE p.id IS NULL OR p.stage <> 'ON_SALE' OR coalesce(p.shop_id, i.shop_id) <> i.shop_id) AS on_sale
  FROM input i
), heads AS (
  INSERT INTO shop_orders (shop_id, order_id)
  SELECT c.shop_id, c.order_id FROM checked c WHERE c.on_sale ORDER BY c.shop_id COLLATE "C", c.order_id COLLATE "C"
  ON CONFLICT (shop_id, order_id) DO UPDATE SET deliveries = shop_orders.deliveries + 1
  RETURNING shop_id, order_id, deliveries = 1 AS first
), claimed AS (
  INSERT INTO shop_webhook_receipts (shop_id, webhook_id, topic, result)
  SELECT c.shop_id, c.webhook_id, c.topic, c.result
  FROM checked c JOIN heads h ON h.shop_id = c.shop_id AND h.order_id = c.order_id
  WHERE h.first ORDER BY c.idx
  ON CONFLICT DO NOTHING
  RETURNING shop_id, webhook_id
), written AS (
  INSERT INTO order_lines (shop_id, order_id, line_id, product_id, variant_id, quantity, unit_price_minor, currency, reservation_code, attribution_code, ordered_at)
  SELECT c.shop_id, c.order_id, l.line_id, l.product_id, l.variant_id, l.quantity, l.unit_price_minor, c.currency, NULL, l.attribution_code, c.ordered_at
  FROM checked c JOIN claimed cl ON cl.shop_id = c.shop_id AND cl.webhook_id = c.webhook_id
  CROSS JOIN LATERAL jsonb_to_recordset(c.lines) AS l(line_id text, product_id text, variant_id text, quantity int, unit_price_minor bigint, attribution_code text)
  RETURNING 1
), sold AS (
  -- One upsert per variant, in key order like StockMoves.
  INSERT INTO variant_stock (product_id, variant_id, sold)
  SELECT l.product_id, l.variant_id, sum(l.quantity)::int
  FROM checked c JOIN claimed cl ON cl.shop_id = c.shop_id AND cl.webhook_id = c.webhook_id
  CROSS JOIN LATERAL jsonb_to_recordset(c.lines) AS l(product_id text, variant_id text, quantity int)
  GROUP BY l.product_id, l.variant_id
  ORDER BY l.product_id, l.variant_id
  ON CONFLICT (product_id, variant_id) DO UPDATE SET sold = variant_stock.sold + EXCLUDED.sold, updated_at = now()
)
SELECT c.idx, c.on_sale, coalesce(h.first, false) AS first, cl.webhook_id IS NOT NULL AS claimed
FROM checked c
LEFT JOIN heads h ON h.shop_id = c.shop_id AND h.order_id = c.order_id
LEFT JOIN claimed cl ON cl.shop_id = c.shop_id AND cl.webhook_id = c.webhook_id
ORDER BY c.idx`,
};

interface NewOrderRow {
  idx: number;
  on_sale: boolean;
  first: boolean;
  claimed: boolean;
}

/**
 * Records the new orders at `indexes` (one round of newOrderRounds) in one statement, with its own commit unless `db`
 * is a transaction's. Sets the outcome of each it took in `out`: recorded, a redelivery answered from its
 * receipt, or not on sale; leaves unset the orders something came about before (the other path).
 */
export async function recordNewOrders(db: DataSource | EntityManager, items: ShopDelivery[], indexes: number[], out: (BatchOutcome | undefined)[]): Promise<void> {
  const effects = new Map<number, ShopEffect>();
  const input = indexes.map((idx) => {
    const d = items[idx];
    const o = d.order!;
    const productIds = [...new Set(o.lines.map((l) => l.productId))].sort();
    const effect: ShopEffect = { kind: 'order', orderId: o.orderId, lines: o.lines.length, cancelled: false, reservationsConverted: 0, productIds };
    effects.set(idx, effect);
    return {
      idx,
      shop_id: d.shopId,
      webhook_id: d.webhookId,
      topic: d.topic,
      order_id: o.orderId,
      currency: o.currency,
      ordered_at: o.orderedAt,
      product_ids: productIds,
      lines: o.lines.map((l) => ({
        line_id: l.lineId,
        product_id: l.productId,
        variant_id: l.variantId,
        quantity: l.quantity,
        unit_price_minor: l.unitPriceMinor,
        attribution_code: l.attributionCode,
      })),
      result: effect,
    };
  });
  const productIds = [...new Set(input.flatMap((i) => i.product_ids))];
  const rows = await queryPrepared<NewOrderRow>(db, RECORD_NEW_ORDERS, [JSON.stringify(input), productIds]);
  // Whatever this statement did not record is answered from its receipt when there is one (a redelivery, or
  // a claim that found its webhook id taken: committed by now, the claim waited for it); else it is not on
  // sale, or something about its order came before (the other path).
  const unsettled = rows.filter((r) => !r.claimed).map((r) => items[r.idx]);
  const receipts = await findReceipts(db, unsettled);
  for (const r of rows) {
    if (r.claimed) {
      out[r.idx] = { duplicate: false, effect: effects.get(r.idx)! };
      continue;
    }
    const d = items[r.idx];
    const prior = receipts.get(`${d.shopId}/${d.webhookId}`);
    if (prior) out[r.idx] = { duplicate: true, effect: prior };
    else if (!r.on_sale) out[r.idx] = { notOnSale: true };
    else if (r.first) throw new Error(`The receipt of shop ${d.shopId}'s delivery ${d.webhookId} was claimed by another delivery but cannot be found`);
  }
}

/** The stored effects of deliveries already received, by `shop/webhook id`; one probe of the receipts' key each. */
async function findReceipts(db: DataSource | EntityManager, items: Pick<ShopDelivery, 'shopId' | 'webhookId'>[]): Promise<Map<string, ShopEffect>> {
  if (items.length === 0) return new Map();
  const rows: { shop_id: string; webhook_id: string; result: ShopEffect }[] = await db.query(
    `SELECT r.shop_id, r.webhook_id, r.result FROM unnest($1::text[], $2::text[]) AS i(shop_id, webhook_id)
     JOIN shop_webhook_receipts r ON r.shop_id = i.shop_id AND r.webhook_id = i.webhook_id`,
    [items.map((d) => d.shopId), items.map((d) => d.webhookId)],
  );
  return new Map(rows.map((r) => [`${r.shop_id}/${r.webhook_id}`, r.result]));
}
