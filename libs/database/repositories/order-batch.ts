// The two statements that make a group-commit batch of shop deliveries cheap (OrderRepository.recordBatch):
// one takes every order's lock at once, in key order; one records all the batch's plain new orders (no
// reservation code) with their receipts and the check that their products are on sale, like the vote batch:
// receipts claimed, lines written, effects stored, in one round trip instead of five per order (a second
// delivery of the same order or webhook id in the batch in a further statement). Everything else
// (cancellations, refunds, orders converting reservations) goes the slower way, one by one, after it in the
// same transaction.
import type { EntityManager } from 'typeorm';
import { ShopWebhookReceiptEntity } from '../entities/order.entity';
import type { BatchOutcome, ShopDelivery, ShopEffect } from './order.types';
import { queryPrepared } from '../prepared';
import type { StockMoves } from './stock-moves';

/** The key of the advisory lock that serializes everything about one order (order, cancellation, refunds). */
export function orderLockKey(d: Pick<ShopDelivery, 'shopId' | 'orderId'>): string {
  return `order/${d.shopId}/${d.orderId}`;
}

/**
 * Takes the locks of all the batch's orders in one statement, in key order ("C" collation), so concurrent
 * batches never wait on each other in a circle. The subquery's ORDER BY is kept (a sorted subquery is not
 * flattened), so the locks are taken in that order. Later per-delivery locks of the same keys are re-entrant.
 */
export async function lockOrders(tx: EntityManager, items: ShopDelivery[]): Promise<void> {
  await tx.query(
    `SELECT count(pg_advisory_xact_lock(hashtextextended(s.k, 0)))::int AS locked
     FROM (SELECT DISTINCT k COLLATE "C" AS k FROM unnest($1::text[]) AS k ORDER BY 1) s`,
    [[...new Set(items.map(orderLockKey))]],
  );
}

/**
 * The deliveries the one-statement path takes (those carrying their order: new orders without reservation
 * codes), in rounds: each round holds each order and webhook id once, and a later round sees what the earlier
 * ones wrote (the same order again under another webhook id, a redelivery in the same batch).
 */
export function plainOrderRounds(items: ShopDelivery[]): number[][] {
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

// The state is read after lockOrders (a fresh snapshot in READ COMMITTED): every committed line, cancellation
// and refund of these orders is seen, and no other batch can add one until this transaction ends. An order
// already stored is answered already-recorded; a cancelled one is stored without moving stock. The receipts'
// claim decides which deliveries take effect: a webhook id stored before gets its stored effect back (prior).
// Orders are taken only for products ON_SALE from the shop that sells them (when the product names one),
// checked here in the same transaction: one that fails is not claimed (on_sale false) and order intake
// answers it with the reason (OrderIntakeService.checkOnSale), as it would have without this path.
// Every look-up into a stored table is a scalar subquery on its key (an index probe per order), never an
// EXISTS or a join: for those the planner may hash the whole table when its statistics lag behind its growth
// (order_lines and the receipts grow by thousands a second under load), and a batch then costs O(table).
const RECORD_PLAIN_ORDERS = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb)
    AS t(idx int, shop_id text, webhook_id text, topic text, order_id text, currency text, ordered_at timestamptz, product_ids jsonb, lines jsonb)
), sale AS MATERIALIZED (
  -- Each product's stage and shop read once per batch, not once per order: the shop is in the snapshot, a
  -- large JSONB value that costs a detoast every time it is read.
  SELECT p.id, p.stage, p.snapshot ->> 'shopId' AS shop_id FROM products p
  WHERE p.id IN (SELECT jsonb_array_elements_text(i.product_ids) FROM input i)
), effect AS (
  SELECT i.*, s.known, s.cancelled, s.on_sale,
    CASE WHEN s.known THEN jsonb_build_object('kind', 'already-recorded', 'what', 'order', 'id', i.order_id, 'productIds', i.product_ids)
         ELSE jsonb_build_object('kind', 'order', 'orderId', i.order_id, 'lines', jsonb_array_length(i.lines), 'cancelled', s.cancelled,
                                 'reservationsConverted', 0, 'productIds', i.product_ids) END AS result
  FROM input i CROSS JOIN LATERAL (
    SELECT (SELECT true FROM order_lines l WHERE l.shop_id = i.shop_id AND l.order_id = i.order_id LIMIT 1) IS NOT NULL AS known,
           (SELECT true FROM order_cancellations c WHERE c.shop_id = i.shop_id AND c.order_id = i.order_id LIMIT 1) IS NOT NULL AS cancelled,
           NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(i.product_ids) AS pid(id) LEFT JOIN sale p ON p.id = pid.id
                       WHERE p.id IS NULL OR p.stage <> 'ON_SALE' OR coalesce(p.shop_id, i.shop_id) <> i.shop_id) AS on_sale
    -- OFFSET 0 keeps the subquery from being pulled up: pulled up, each probe ran once per use of its column (twice).
    OFFSET 0
  ) s
), claimed AS (
  INSERT INTO shop_webhook_receipts (shop_id, webhook_id, topic, result)
  SELECT e.shop_id, e.webhook_id, e.topic, e.result FROM effect e WHERE e.on_sale ORDER BY e.idx
  ON CONFLICT DO NOTHING
  RETURNING shop_id, webhook_id
), written AS (
  INSERT INTO order_lines (shop_id, order_id, line_id, product_id, variant_id, quantity, unit_price_minor, currency, reservation_code, attribution_code, ordered_at)
  SELECT e.shop_id, e.order_id, l.line_id, l.product_id, l.variant_id, l.quantity, l.unit_price_minor, e.currency, NULL, l.attribution_code, e.ordered_at
  FROM effect e JOIN claimed c ON c.shop_id = e.shop_id AND c.webhook_id = e.webhook_id
  CROSS JOIN LATERAL jsonb_to_recordset(e.lines) AS l(line_id text, product_id text, variant_id text, quantity int, unit_price_minor bigint, attribution_code text)
  WHERE NOT e.known
  RETURNING 1
), sold AS (
  -- Units sold, here when the batch has nothing else ($2): one upsert per variant, in key order like StockMoves.
  INSERT INTO variant_stock (product_id, variant_id, sold)
  SELECT l.product_id, l.variant_id, sum(l.quantity)::int
  FROM effect e JOIN claimed c ON c.shop_id = e.shop_id AND c.webhook_id = e.webhook_id
  CROSS JOIN LATERAL jsonb_to_recordset(e.lines) AS l(product_id text, variant_id text, quantity int)
  WHERE $2 AND NOT e.known AND NOT e.cancelled
  GROUP BY l.product_id, l.variant_id
  ORDER BY l.product_id, l.variant_id
  ON CONFLICT (product_id, variant_id) DO UPDATE SET sold = variant_stock.sold + EXCLUDED.sold, updated_at = now()
)
SELECT e.idx, e.on_sale, c.webhook_id IS NOT NULL AS claimed, e.result,
  CASE WHEN e.on_sale AND c.webhook_id IS NULL THEN (
    SELECT p.result FROM shop_webhook_receipts p WHERE p.shop_id = e.shop_id AND p.webhook_id = e.webhook_id) END AS prior,
  CASE WHEN c.webhook_id IS NOT NULL AND NOT e.known AND NOT e.cancelled THEN (
    SELECT json_agg(json_build_object('productId', l.product_id, 'variantId', l.variant_id, 'quantity', l.quantity,
      'refunded', (SELECT coalesce(sum(r.quantity), 0)::int FROM refund_lines r WHERE r.shop_id = e.shop_id AND r.order_id = e.order_id AND r.line_id = l.line_id)))
    FROM jsonb_to_recordset(e.lines) AS l(line_id text, product_id text, variant_id text, quantity int)) END AS moves
FROM effect e
LEFT JOIN claimed c ON c.shop_id = e.shop_id AND c.webhook_id = e.webhook_id
ORDER BY e.idx`;

interface PlainOrderRow {
  idx: number;
  on_sale: boolean;
  claimed: boolean;
  result: ShopEffect;
  prior: ShopEffect | null;
  moves: { productId: string; variantId: string; quantity: number; refunded: number }[] | null;
}

/**
 * Records the deliveries at `indexes` (one round of plainOrderRounds) in one statement: sets their outcomes in `out` and adds
 * what they sold (and refunds that arrived before them, capped at the line) to `moves`. Inside recordBatch,
 * after lockOrders.
 */
export async function recordPlainOrders(tx: EntityManager, items: ShopDelivery[], indexes: number[], out: BatchOutcome[], moves: StockMoves): Promise<void> {
  const input = indexes.map((idx) => {
    const d = items[idx];
    const o = d.order!;
    return {
      idx,
      shop_id: d.shopId,
      webhook_id: d.webhookId,
      topic: d.topic,
      order_id: o.orderId,
      currency: o.currency,
      ordered_at: o.orderedAt,
      product_ids: [...new Set(o.lines.map((l) => l.productId))].sort(),
      lines: o.lines.map((l) => ({
        line_id: l.lineId,
        product_id: l.productId,
        variant_id: l.variantId,
        quantity: l.quantity,
        unit_price_minor: l.unitPriceMinor,
        attribution_code: l.attributionCode,
      })),
    };
  });
  // With nothing but plain orders in the batch, the statement writes what they sold itself (a round trip less);
  // otherwise with the rest's moves at the end, so every batch that also locks reservations writes stock last.
  const soldHere = items.every((d) => d.order !== undefined);
  const rows = await queryPrepared<PlainOrderRow>(tx, { name: 'plain-order-batch', text: RECORD_PLAIN_ORDERS }, [JSON.stringify(input), soldHere]);
  for (const r of rows) {
    if (!r.on_sale) {
      out[r.idx] = { notOnSale: true };
      continue;
    }
    if (r.claimed) {
      out[r.idx] = { duplicate: false, effect: r.result };
      for (const m of r.moves ?? []) {
        if (!soldHere) moves.add('sold', m.productId, m.variantId, m.quantity);
        moves.add('returned', m.productId, m.variantId, Math.min(m.quantity, m.refunded));
      }
      continue;
    }
    // A twin under the same webhook id committed after this statement's snapshot (its insert was waited for): read it now.
    const d = items[r.idx];
    const prior = r.prior ?? ((await tx.getRepository(ShopWebhookReceiptEntity).findOneByOrFail({ shopId: d.shopId, webhookId: d.webhookId })).result as ShopEffect);
    out[r.idx] = { duplicate: true, effect: prior };
  }
}
