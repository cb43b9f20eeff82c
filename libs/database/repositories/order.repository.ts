// Orders, cancellations and refunds as shops report them, with the stock they move (variant_stock.sold /
// returned / held) and the shop webhook receipt, each in one transaction: a delivery is recorded with its
// effect or not at all. Out-of-order safe: a cancellation or refund may arrive before its order.
import type { DataSource, EntityManager } from 'typeorm';
import { ShopWebhookReceiptEntity } from '../entities/order.entity';

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

interface LineRow {
  line_id: string;
  product_id: string;
  variant_id: string;
  quantity: number;
}

/** Units per (product, variant): positive or negative moves of a stock column. */
type Moves = Map<string, number>;

function move(moves: Moves, productId: string, variantId: string, units: number): void {
  if (units === 0) return;
  const key = `${productId}\u0000${variantId}`;
  moves.set(key, (moves.get(key) ?? 0) + units);
}

function movesJson(moves: Moves): string {
  const rows = [...moves.entries()].map(([key, units]) => {
    const [product_id, variant_id] = key.split('\u0000');
    return { product_id, variant_id, units };
  });
  return JSON.stringify(rows);
}

export class OrderRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /**
   * Runs `effect` and stores the delivery's receipt in one transaction; a webhook id seen before returns its
   * stored effect instead (a concurrent twin waits on the receipt's key, then finds it).
   */
  withReceipt(shopId: string, webhookId: string, topic: string, effect: (repo: OrderRepository) => Promise<ShopEffect>): Promise<ReceiptOutcome> {
    return this.db.transaction(async (tx) => {
      const claimed: unknown[] = await tx.query(
        `INSERT INTO shop_webhook_receipts (shop_id, webhook_id, topic, result) VALUES ($1, $2, $3, '{}') ON CONFLICT DO NOTHING RETURNING 1`,
        [shopId, webhookId, topic],
      );
      if (claimed.length === 0) {
        const prior = await tx.getRepository(ShopWebhookReceiptEntity).findOneByOrFail({ shopId, webhookId });
        return { duplicate: true, effect: prior.result as ShopEffect };
      }
      const done = await effect(new OrderRepository(tx));
      await tx.query(`UPDATE shop_webhook_receipts SET result = $3 WHERE shop_id = $1 AND webhook_id = $2`, [shopId, webhookId, JSON.stringify(done)]);
      return { duplicate: false, effect: done };
    });
  }

  /** The stored effect of a delivery already received, or null. */
  async findReceipt(shopId: string, webhookId: string): Promise<ShopEffect | null> {
    const row = await this.db.getRepository(ShopWebhookReceiptEntity).findOneBy({ shopId, webhookId });
    return row ? (row.result as ShopEffect) : null;
  }

  /** The currency of an order already received (Shopify refunds are in it); null when it has not arrived. */
  async orderCurrency(shopId: string, orderId: string): Promise<string | null> {
    const rows: { currency: string }[] = await this.db.query(`SELECT currency FROM order_lines WHERE shop_id = $1 AND order_id = $2 LIMIT 1`, [shopId, orderId]);
    return rows[0]?.currency ?? null;
  }

  /** Order lines, stock sold, reservations converted. Must run inside withReceipt's transaction. */
  async recordOrder(shopId: string, order: NewOrder): Promise<ShopEffect> {
    await this.lockOrder(shopId, order.orderId);
    const productIds = [...new Set(order.lines.map((l) => l.productId))].sort();
    const existing = await this.orderLines(shopId, order.orderId);
    if (existing.length > 0) return { kind: 'already-recorded', what: 'order', id: order.orderId, productIds };

    // A code counts only for a reservation of the line's product; a held one of the same variant converts.
    const codes = [...new Set(order.lines.map((l) => l.reservationCode).filter((c): c is string => c !== null))];
    const reservations: { id: string; code: string; product_id: string; variant_id: string; quantity: number; status: string }[] = codes.length
      ? await this.db.query(`SELECT id, code, product_id, variant_id, quantity, status FROM reservations WHERE code = ANY($1::text[]) ORDER BY id FOR UPDATE`, [codes])
      : [];
    const byCode = new Map(reservations.map((r) => [r.code, r]));
    const released: Moves = new Map();
    const converted: string[] = [];
    const lines = order.lines.map((l) => {
      const r = l.reservationCode ? byCode.get(l.reservationCode) : undefined;
      const ours = r && r.product_id === l.productId ? r : undefined;
      if (ours && ours.status === 'held' && ours.variant_id === l.variantId && !converted.includes(ours.id)) {
        converted.push(ours.id);
        move(released, ours.product_id, ours.variant_id, ours.quantity);
      }
      return { ...l, reservationCode: ours ? ours.code : null };
    });
    if (converted.length) {
      await this.db.query(`UPDATE reservations SET status = 'converted', status_changed_at = now() WHERE id = ANY($1::text[])`, [converted]);
      await this.releaseHeld(released);
    }

    await this.db.query(
      `INSERT INTO order_lines (shop_id, order_id, line_id, product_id, variant_id, quantity, unit_price_minor, currency, reservation_code, attribution_code, ordered_at)
       SELECT $1, $2, l.line_id, l.product_id, l.variant_id, l.quantity, l.unit_price_minor, $3, l.reservation_code, l.attribution_code, $4
       FROM jsonb_to_recordset($5::jsonb) AS l(line_id text, product_id text, variant_id text, quantity int, unit_price_minor bigint, reservation_code text, attribution_code text)`,
      [
        shopId,
        order.orderId,
        order.currency,
        order.orderedAt,
        JSON.stringify(
          lines.map((l) => ({
            line_id: l.lineId,
            product_id: l.productId,
            variant_id: l.variantId,
            quantity: l.quantity,
            unit_price_minor: l.unitPriceMinor,
            reservation_code: l.reservationCode,
            attribution_code: l.attributionCode,
          })),
        ),
      ],
    );

    const cancelled = await this.isCancelled(shopId, order.orderId);
    if (!cancelled) {
      const sold: Moves = new Map();
      for (const l of lines) move(sold, l.productId, l.variantId, l.quantity);
      await this.moveStock('sold', sold);
      // Refunds that arrived before the order count now, never more than the line ordered.
      await this.moveStock('returned', await this.refundedUnits(shopId, order.orderId, lines.map((l) => ({ line_id: l.lineId, product_id: l.productId, variant_id: l.variantId, quantity: l.quantity }))));
    }
    return { kind: 'order', orderId: order.orderId, lines: lines.length, cancelled, reservationsConverted: converted.length, productIds };
  }

  /** The cancellation, and the order's stock moves undone when the order is known. Inside withReceipt. */
  async recordCancellation(shopId: string, orderId: string, cancelledAt: string): Promise<ShopEffect> {
    await this.lockOrder(shopId, orderId);
    const lines = await this.orderLines(shopId, orderId);
    const productIds = [...new Set(lines.map((l) => l.product_id))].sort();
    const inserted: unknown[] = await this.db.query(
      `INSERT INTO order_cancellations (shop_id, order_id, cancelled_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
      [shopId, orderId, cancelledAt],
    );
    if (inserted.length === 0) return { kind: 'already-recorded', what: 'cancellation', id: orderId, productIds };
    if (lines.length > 0) {
      const sold: Moves = new Map();
      for (const l of lines) move(sold, l.product_id, l.variant_id, -l.quantity);
      await this.moveStock('sold', sold);
      const returned = await this.refundedUnits(shopId, orderId, lines);
      for (const [k, v] of returned) returned.set(k, -v);
      await this.moveStock('returned', returned);
    }
    return { kind: 'cancellation', orderId, orderKnown: lines.length > 0, productIds };
  }

  /**
   * The refund lines, and the units returned when the order is known and not cancelled. A refund of a line
   * the order does not have, or of more units than the line ordered minus earlier refunds, throws
   * RefundRefusal. A refund before its order is stored unchecked (the shop signed it) and counted, capped at
   * the line's quantity, when the order arrives. Inside withReceipt.
   */
  async recordRefund(shopId: string, refund: NewRefund): Promise<ShopEffect> {
    await this.lockOrder(shopId, refund.orderId);
    const lines = await this.orderLines(shopId, refund.orderId);
    const productIds = [...new Set(lines.map((l) => l.product_id))].sort();
    const seen: unknown[] = await this.db.query(`SELECT 1 FROM refund_lines WHERE shop_id = $1 AND refund_id = $2 LIMIT 1`, [shopId, refund.refundId]);
    if (seen.length > 0) return { kind: 'already-recorded', what: 'refund', id: refund.refundId, productIds };

    const returned: Moves = new Map();
    if (lines.length > 0) {
      const byLine = new Map(lines.map((l) => [l.line_id, l]));
      const before = await this.refundedPerLine(shopId, refund.orderId);
      for (const r of refund.lines) {
        const line = byLine.get(r.lineId);
        if (!line) throw new RefundRefusal(`order ${refund.orderId} has no line ${r.lineId}; its lines are ${[...byLine.keys()].join(', ')}`);
        const left = line.quantity - (before.get(r.lineId) ?? 0);
        if (r.quantity > left) {
          throw new RefundRefusal(`refund of ${r.quantity} units of line ${r.lineId} of order ${refund.orderId} is more than the ${left} ordered and not yet refunded`);
        }
        move(returned, line.product_id, line.variant_id, r.quantity);
      }
    }
    await this.db.query(
      `INSERT INTO refund_lines (shop_id, refund_id, order_id, line_id, quantity, amount_minor, refunded_at)
       SELECT $1, $2, $3, l.line_id, l.quantity, l.amount_minor, $4 FROM jsonb_to_recordset($5::jsonb) AS l(line_id text, quantity int, amount_minor bigint)`,
      [shopId, refund.refundId, refund.orderId, refund.refundedAt, JSON.stringify(refund.lines.map((l) => ({ line_id: l.lineId, quantity: l.quantity, amount_minor: l.amountMinor })))],
    );
    if (lines.length > 0 && !(await this.isCancelled(shopId, refund.orderId))) await this.moveStock('returned', returned);
    return { kind: 'refund', refundId: refund.refundId, orderId: refund.orderId, orderKnown: lines.length > 0, productIds };
  }

  /** Net units per variant ordered in the last `days` days (orders not cancelled, minus refunds in that time). */
  async recentNetUnits(productId: string, days: number): Promise<Map<string, number>> {
    const rows: { variant_id: string; units: number }[] = await this.db.query(
      `SELECT variant_id, sum(units)::int AS units FROM (
         SELECT ol.variant_id, ol.quantity AS units FROM order_lines ol
         WHERE ol.product_id = $1 AND ol.ordered_at > now() - make_interval(days => $2)
           AND NOT EXISTS (SELECT 1 FROM order_cancellations c WHERE c.shop_id = ol.shop_id AND c.order_id = ol.order_id)
         UNION ALL
         SELECT ol.variant_id, -r.quantity FROM refund_lines r
         JOIN order_lines ol ON ol.shop_id = r.shop_id AND ol.order_id = r.order_id AND ol.line_id = r.line_id
         WHERE ol.product_id = $1 AND r.refunded_at > now() - make_interval(days => $2)
           AND NOT EXISTS (SELECT 1 FROM order_cancellations c WHERE c.shop_id = ol.shop_id AND c.order_id = ol.order_id)
       ) moves GROUP BY variant_id`,
      [productId, days],
    );
    return new Map(rows.map((r) => [r.variant_id, r.units]));
  }

  // Serialises the deliveries about one order (order, cancellation, refunds arriving together in any
  // order), so each sees what the others committed; held until the transaction ends.
  private async lockOrder(shopId: string, orderId: string): Promise<void> {
    await this.db.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`order/${shopId}/${orderId}`]);
  }

  private orderLines(shopId: string, orderId: string): Promise<LineRow[]> {
    return this.db.query(`SELECT line_id, product_id, variant_id, quantity FROM order_lines WHERE shop_id = $1 AND order_id = $2 ORDER BY line_id`, [shopId, orderId]);
  }

  private async isCancelled(shopId: string, orderId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM order_cancellations WHERE shop_id = $1 AND order_id = $2`, [shopId, orderId]);
    return rows.length > 0;
  }

  private async refundedPerLine(shopId: string, orderId: string): Promise<Map<string, number>> {
    const rows: { line_id: string; units: number }[] = await this.db.query(
      `SELECT line_id, sum(quantity)::int AS units FROM refund_lines WHERE shop_id = $1 AND order_id = $2 GROUP BY line_id`,
      [shopId, orderId],
    );
    return new Map(rows.map((r) => [r.line_id, r.units]));
  }

  /** Refunded units of the order's lines per variant, each line capped at its quantity. */
  private async refundedUnits(shopId: string, orderId: string, lines: LineRow[]): Promise<Moves> {
    const refunded = await this.refundedPerLine(shopId, orderId);
    const moves: Moves = new Map();
    for (const l of lines) move(moves, l.product_id, l.variant_id, Math.min(l.quantity, refunded.get(l.line_id) ?? 0));
    return moves;
  }

  /** Adds the moves to a stock column (rows created as needed), in key order so concurrent orders never deadlock. */
  private async moveStock(column: 'sold' | 'returned', moves: Moves): Promise<void> {
    if (moves.size === 0) return;
    await this.db.query(
      `INSERT INTO variant_stock (product_id, variant_id, ${column})
       SELECT m.product_id, m.variant_id, m.units FROM jsonb_to_recordset($1::jsonb) AS m(product_id text, variant_id text, units int)
       ORDER BY m.product_id, m.variant_id
       ON CONFLICT (product_id, variant_id) DO UPDATE SET ${column} = variant_stock.${column} + EXCLUDED.${column}, updated_at = now()`,
      [movesJson(moves)],
    );
  }

  /** Releases held units; never below zero (the hold may have ended and released them already). */
  private async releaseHeld(moves: Moves): Promise<void> {
    if (moves.size === 0) return;
    await this.db.query(
      `UPDATE variant_stock s SET held = GREATEST(0, s.held - m.units), updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS m(product_id text, variant_id text, units int)
       WHERE s.product_id = m.product_id AND s.variant_id = m.variant_id`,
      [movesJson(moves)],
    );
  }
}
