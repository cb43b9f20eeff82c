// Orders, cancellations and refunds as shops report them, with the stock they move (variant_stock.sold /
// returned / held) and the shop webhook receipt, committed together: a delivery is recorded with its
// effect or not at all. Out-of-order safe: a cancellation or refund may arrive before its order.
import type { DataSource, EntityManager } from 'typeorm';
import { retryOnConflict } from '../errors';
import type { SalesRules, Stage } from '../../domain';
import { ShopWebhookReceiptEntity } from '../entities/order.entity';
import { lockOrders, newOrderRounds, orderLockKey, recordNewOrders } from './order-batch';
import { StockMoves } from './stock-moves';
import { RefundRefusal, type BatchOutcome, type NewOrder, type ProductSaleState, type NewRefund, type ReceiptOutcome, type ShopDelivery, type ShopEffect } from './order.types';

export * from './order.types';

function orderKey(d: ShopDelivery): string {
  return `${orderLockKey(d)}/${d.webhookId}`;
}

interface LineRow {
  line_id: string;
  product_id: string;
  variant_id: string;
  quantity: number;
}

export class OrderRepository {
  /** What the deliveries recorded through this instance moved; recordBatch writes them at the end. */
  readonly moves = new StockMoves();

  constructor(private readonly db: DataSource | EntityManager) {}

  /**
   * Records deliveries with their receipts (group commit; one delivery alone is a batch of one): a delivery
   * is recorded with its effect or not at all. New orders go together in one autocommit statement per round
   * (order-batch.ts), which also checks their products are on sale. The rest, and any new order something
   * came about before, go one by one in one transaction that locks all their orders first, in one statement
   * and key order, so concurrent batches never wait on each other in a circle: a refund in a savepoint of its
   * own, so a refused refund changes nothing and fails only itself. A webhook id seen before gets its stored
   * effect back (a concurrent twin waits on the receipt's key, then finds it); the stock moves are written
   * once at the end. A deadlock or serialization failure retries the statement or the transaction (every
   * part is idempotent per webhook id).
   */
  async recordBatch(items: ShopDelivery[]): Promise<BatchOutcome[]> {
    const out: (BatchOutcome | undefined)[] = new Array<BatchOutcome | undefined>(items.length);
    for (const round of newOrderRounds(items)) await retryOnConflict(() => recordNewOrders(this.db, items, round, out));
    const rest = items.map((_, i) => i).filter((i) => out[i] === undefined);
    if (rest.length > 0) {
      const keys = items.map(orderKey);
      rest.sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
      for (const [i, outcome] of await retryOnConflict(() => this.recordOneByOne(items, rest))) out[i] = outcome;
    }
    return out as BatchOutcome[];
  }

  private recordOneByOne(items: ShopDelivery[], indexes: number[]): Promise<[number, BatchOutcome][]> {
    return this.db.transaction(async (tx) => {
      const total = new StockMoves();
      const done: [number, BatchOutcome][] = [];
      await lockOrders(tx, indexes.map((i) => items[i]));
      for (const i of indexes) {
        const repo = new OrderRepository(tx);
        // Only a refund can be refused once its checks ran; anything else failing fails the batch.
        if (!items[i].mayBeRefused) {
          done.push([i, await repo.claimAndRun(items[i])]);
          total.merge(repo.moves);
          continue;
        }
        await tx.query('SAVEPOINT delivery');
        try {
          done.push([i, await repo.claimAndRun(items[i])]);
          await tx.query('RELEASE SAVEPOINT delivery');
          total.merge(repo.moves);
        } catch (err) {
          if (!(err instanceof RefundRefusal)) throw err;
          await tx.query('ROLLBACK TO SAVEPOINT delivery');
          done.push([i, { refused: err }]);
        }
      }
      await total.apply(tx);
      return done;
    });
  }

  /**
   * Claims the delivery's receipt (or finds it already there), runs its effect and stores what it did. The
   * order's row is locked (lockOrders), so each delivery about the order sees what the others committed.
   */
  private async claimAndRun(item: ShopDelivery): Promise<ReceiptOutcome> {
    const claim: unknown[] = await this.db.query(
      `INSERT INTO shop_webhook_receipts (shop_id, webhook_id, topic, result) VALUES ($1, $2, $3, '{}') ON CONFLICT DO NOTHING RETURNING 1`,
      [item.shopId, item.webhookId, item.topic],
    );
    if (claim.length === 0) {
      const prior = await this.db.getRepository(ShopWebhookReceiptEntity).findOneByOrFail({ shopId: item.shopId, webhookId: item.webhookId });
      return { duplicate: true, effect: prior.result as ShopEffect };
    }
    const done = await item.effect(this);
    await this.db.query(`UPDATE shop_webhook_receipts SET result = $3 WHERE shop_id = $1 AND webhook_id = $2`, [item.shopId, item.webhookId, JSON.stringify(done)]);
    return { duplicate: false, effect: done };
  }

  /** What order intake checks of each product: its stage, the shop that sells it and its sales rules (one light read, not the whole snapshot). */
  async saleStates(productIds: string[]): Promise<Map<string, ProductSaleState>> {
    const rows: { id: string; stage: Stage; shop_id: string | null; sales: SalesRules | null }[] = await this.db.query(
      `SELECT id, stage, snapshot ->> 'shopId' AS shop_id, snapshot -> 'rules' -> 'sales' AS sales FROM products WHERE id = ANY($1::text[])`,
      [productIds],
    );
    return new Map(rows.map((r) => [r.id, { stage: r.stage, shopId: r.shop_id, sales: r.sales }]));
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

  /** Order lines, stock sold, reservations converted. Runs inside recordBatch's transaction. */
  async recordOrder(shopId: string, order: NewOrder): Promise<ShopEffect> {
    const productIds = [...new Set(order.lines.map((l) => l.productId))].sort();
    const state = await this.orderState(shopId, order.orderId);
    if (state.lines.length > 0) return { kind: 'already-recorded', what: 'order', id: order.orderId, productIds };

    // A code counts only for a reservation of the line's product; a held one of the same variant converts.
    const codes = [...new Set(order.lines.map((l) => l.reservationCode).filter((c): c is string => c !== null))];
    const reservations: { id: string; code: string; product_id: string; variant_id: string; quantity: number; status: string }[] = codes.length
      ? await this.db.query(`SELECT id, code, product_id, variant_id, quantity, status FROM reservations WHERE code = ANY($1::text[]) ORDER BY id FOR UPDATE`, [codes])
      : [];
    const byCode = new Map(reservations.map((r) => [r.code, r]));
    const converted: string[] = [];
    const lines = order.lines.map((l) => {
      const r = l.reservationCode ? byCode.get(l.reservationCode) : undefined;
      const ours = r && r.product_id === l.productId ? r : undefined;
      if (ours && ours.status === 'held' && ours.variant_id === l.variantId && !converted.includes(ours.id)) {
        converted.push(ours.id);
        this.moves.add('released', ours.product_id, ours.variant_id, ours.quantity);
      }
      return { ...l, reservationCode: ours ? ours.code : null };
    });
    if (converted.length) {
      await this.db.query(`UPDATE reservations SET status = 'converted', status_changed_at = now() WHERE id = ANY($1::text[])`, [converted]);
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

    const cancelled = state.cancelled;
    if (!cancelled) {
      for (const l of lines) this.moves.add('sold', l.productId, l.variantId, l.quantity);
      // Refunds that arrived before the order count now, never more than the line ordered.
      for (const l of lines) this.moves.add('returned', l.productId, l.variantId, Math.min(l.quantity, state.refunded.get(l.lineId) ?? 0));
    }
    return { kind: 'order', orderId: order.orderId, lines: lines.length, cancelled, reservationsConverted: converted.length, productIds };
  }

  /** The cancellation, and the order's stock moves undone when the order is known. Inside recordBatch. */
  async recordCancellation(shopId: string, orderId: string, cancelledAt: string): Promise<ShopEffect> {
    const { lines, refunded } = await this.orderState(shopId, orderId);
    const productIds = [...new Set(lines.map((l) => l.product_id))].sort();
    const inserted: unknown[] = await this.db.query(
      `INSERT INTO order_cancellations (shop_id, order_id, cancelled_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
      [shopId, orderId, cancelledAt],
    );
    if (inserted.length === 0) return { kind: 'already-recorded', what: 'cancellation', id: orderId, productIds };
    if (lines.length > 0) {
      for (const l of lines) {
        this.moves.add('sold', l.product_id, l.variant_id, -l.quantity);
        this.moves.add('returned', l.product_id, l.variant_id, -Math.min(l.quantity, refunded.get(l.line_id) ?? 0));
      }
    }
    return { kind: 'cancellation', orderId, orderKnown: lines.length > 0, productIds };
  }

  /**
   * The refund lines, and the units returned when the order is known and not cancelled. A refund of a line
   * the order does not have, or of more units than the line ordered minus earlier refunds, throws
   * RefundRefusal. A refund before its order is stored unchecked (the shop signed it) and counted, capped at
   * the line's quantity, when the order arrives. Inside recordBatch.
   */
  async recordRefund(shopId: string, refund: NewRefund): Promise<ShopEffect> {
    const { lines, cancelled, refunded: before } = await this.orderState(shopId, refund.orderId);
    const productIds = [...new Set(lines.map((l) => l.product_id))].sort();
    const seen: unknown[] = await this.db.query(`SELECT 1 FROM refund_lines WHERE shop_id = $1 AND refund_id = $2 LIMIT 1`, [shopId, refund.refundId]);
    if (seen.length > 0) return { kind: 'already-recorded', what: 'refund', id: refund.refundId, productIds };

    const returned = new StockMoves();
    if (lines.length > 0) {
      const byLine = new Map(lines.map((l) => [l.line_id, l]));
      for (const r of refund.lines) {
        const line = byLine.get(r.lineId);
        if (!line) throw new RefundRefusal(`order ${refund.orderId} has no line ${r.lineId}; its lines are ${[...byLine.keys()].join(', ')}`);
        const left = line.quantity - (before.get(r.lineId) ?? 0);
        if (r.quantity > left) {
          throw new RefundRefusal(`refund of ${r.quantity} units of line ${r.lineId} of order ${refund.orderId} is more than the ${left} ordered and not yet refunded`);
        }
        returned.add('returned', line.product_id, line.variant_id, r.quantity);
      }
    }
    await this.db.query(
      `INSERT INTO refund_lines (shop_id, refund_id, order_id, line_id, quantity, amount_minor, refunded_at)
       SELECT $1, $2, $3, l.line_id, l.quantity, l.amount_minor, $4 FROM jsonb_to_recordset($5::jsonb) AS l(line_id text, quantity int, amount_minor bigint)`,
      [shopId, refund.refundId, refund.orderId, refund.refundedAt, JSON.stringify(refund.lines.map((l) => ({ line_id: l.lineId, quantity: l.quantity, amount_minor: l.amountMinor })))],
    );
    if (lines.length > 0 && !cancelled) this.moves.merge(returned);
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

  /** What is stored about an order so far: its lines, whether it is cancelled, units refunded per line. */
  private async orderState(shopId: string, orderId: string): Promise<{ lines: LineRow[]; cancelled: boolean; refunded: Map<string, number> }> {
    const [row] = await this.db.query<{ lines: LineRow[]; cancelled: boolean; refunded: Record<string, number> }[]>(
      `SELECT
         (SELECT coalesce(json_agg(json_build_object('line_id', l.line_id, 'product_id', l.product_id, 'variant_id', l.variant_id, 'quantity', l.quantity) ORDER BY l.line_id), '[]')
            FROM order_lines l WHERE l.shop_id = $1 AND l.order_id = $2) AS lines,
         EXISTS (SELECT 1 FROM order_cancellations c WHERE c.shop_id = $1 AND c.order_id = $2) AS cancelled,
         (SELECT coalesce(json_object_agg(r.line_id, r.units), '{}') FROM (
            SELECT line_id, sum(quantity)::int AS units FROM refund_lines WHERE shop_id = $1 AND order_id = $2 GROUP BY line_id) r) AS refunded`,
      [shopId, orderId],
    );
    return { lines: row.lines, cancelled: row.cancelled, refunded: new Map(Object.entries(row.refunded)) };
  }
}
