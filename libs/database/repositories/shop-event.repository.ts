// Reservation events for shops' outbound channels: writing a batch with the reservations' status change
// (one statement however many reservations), the delivery workflow's pages and outcomes, and staff's list.
// The only place their SQL lives.
import type { DataSource, EntityManager } from 'typeorm';
import type { DeliveryCounts, ShopEventKind, VariantUnits } from '../../domain';
import type { ShopEventStatus } from '../entities/shop-event.entity';
import { VariantStockRepository } from './variant-stock.repository';

/** Error texts are kept this long (like deliveries'). */
export const SHOP_EVENT_TEXT_KEPT = 2_000;

export interface ReservationNotice {
  batchId: string;
  productId: string;
  kind: ShopEventKind;
  /** The shop told about it; null when nobody is told (no shop, no endpoint): only the status changes happen. */
  shopId: string | null;
  productName: string;
  /** Variant id → label, for the events' text; a variant missing here is named by its id. */
  labels: Record<string, string>;
  /** Every variant of the product: `held` is set for each (0 where nobody holds one). */
  variantIds: string[];
  /** When the events were written: their `timestamp` (kept by a retried write, which writes nothing). */
  at: string;
  holdUntil?: string;
}

/** What one page attempt sends, and where: the event and its shop. */
export interface ShopEventAttempt {
  id: string;
  payload: string;
  shopId: string;
  outboundUrl: string | null;
  outboundSecretSealed: string | null;
  disabledAt: Date | null;
}

/** A shop event as staff see it. */
export interface ShopEventListing {
  id: string;
  batchId: string;
  kind: ShopEventKind;
  shopId: string;
  reservationId: string;
  reservationCode: string;
  variantId: string;
  status: ShopEventStatus;
  attempts: number;
  lastError: string | null;
  responseStatus: number | null;
  createdAt: Date;
  deliveredAt: Date | null;
  failedAt: Date | null;
}

// The reservation's event, built in SQL so thousands are one INSERT … SELECT. Its id (the webhook-id) is a
// hash of (batch, reservation): a retried write produces the same ids and the unique key drops them.
const EVENT_ROWS = `
  SELECT 'se-' || left(encode(sha256(convert_to($1::text || '/' || r.id, 'UTF8')), 'hex'), 24), $1::text, $3::text, r.product_id, r.id, $4::text,
         jsonb_strip_nulls(jsonb_build_object('type', $4::text, 'timestamp', $5::text, 'data', jsonb_build_object(
           'productId', r.product_id, 'productName', $6::text, 'reservationCode', r.code, 'variantId', r.variant_id,
           'variantLabel', COALESCE($7::jsonb ->> r.variant_id, r.variant_id), 'quantity', r.quantity, 'holdUntil', $8::text, 'shopId', $3::text)))::text`;
const INSERT_EVENTS = `INSERT INTO shop_events (id, batch_id, shop_id, product_id, reservation_id, kind, payload)`;

export class ShopEventRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Writes a batch in one transaction: ready (events for every held reservation, units held per variant),
   * released or expired (every held reservation changes status, one event each; expired also ends the hold).
   * Idempotent: a second call changes nothing and answers the same number of events.
   */
  async recordNotice(n: ReservationNotice): Promise<number> {
    return this.db.transaction(async (tx) => {
      const params = [n.batchId, n.productId, n.shopId, n.kind, n.at, n.productName, JSON.stringify(n.labels), n.holdUntil ?? null];
      // $3 is null without a shop: the SELECT feeding the INSERT is then empty (status changes still happen).
      if (n.kind === 'reservation.ready') {
        // Held units first, with the held reservations locked: an order converting one waits for this
        // transaction (and then takes its units off), or is seen here as converted; the count never races it.
        const held = await this.heldUnits(tx, n.productId, n.variantIds);
        await tx.query(`${INSERT_EVENTS} ${EVENT_ROWS} FROM reservations r WHERE r.product_id = $2 AND r.status = 'held' AND $3::text IS NOT NULL
                        ON CONFLICT (batch_id, reservation_id) DO NOTHING`, params);
        await new VariantStockRepository(tx).setHeld(n.productId, held);
      } else {
        const status = n.kind === 'reservation.released' ? 'released' : 'expired';
        await tx.query(
          `WITH r AS (UPDATE reservations SET status = $9, status_changed_at = now() WHERE product_id = $2 AND status = 'held'
                      RETURNING id, code, product_id, variant_id, quantity)
           ${INSERT_EVENTS} ${EVENT_ROWS} FROM r WHERE $3::text IS NOT NULL ON CONFLICT (batch_id, reservation_id) DO NOTHING`,
          [...params, status],
        );
        if (n.kind === 'reservation.expired') {
          // The hold ends for every variant with stock, listed or not.
          const stock = new VariantStockRepository(tx);
          const variantIds = new Set([...n.variantIds, ...(await stock.listForProduct(n.productId)).map((v) => v.variantId)]);
          await stock.setHeld(n.productId, [...variantIds].map((variantId) => ({ variantId, units: 0 })));
        }
      }
      const [{ events }] = await tx.query<{ events: number }[]>('SELECT count(*)::int AS events FROM shop_events WHERE batch_id = $1', [n.batchId]);
      return events;
    });
  }

  private async heldUnits(tx: EntityManager, productId: string, variantIds: string[]): Promise<VariantUnits[]> {
    const rows = await tx.query<{ variant_id: string; units: number }[]>(
      `WITH held AS (SELECT variant_id, quantity FROM reservations WHERE product_id = $1 AND status = 'held' FOR UPDATE)
       SELECT variant_id, sum(quantity)::int AS units FROM held GROUP BY variant_id`,
      [productId],
    );
    const units = new Map(rows.map((r) => [r.variant_id, r.units]));
    const all = [...new Set([...variantIds, ...units.keys()])];
    return all.map((variantId) => ({ variantId, units: units.get(variantId) ?? 0 }));
  }

  /** The next up to `limit` pending events after `afterId`, in id order: the last one's id and how many. */
  async nextPage(batchId: string, afterId: string, limit: number): Promise<{ throughId: string; events: number } | null> {
    const [page] = await this.db.query<{ through_id: string | null; events: number }[]>(
      `SELECT max(id) AS through_id, count(*)::int AS events FROM (
         SELECT id FROM shop_events WHERE batch_id = $1 AND id > $2 AND status = 'pending' ORDER BY id LIMIT $3) p`,
      [batchId, afterId, limit],
    );
    return page.through_id === null ? null : { throughId: page.through_id, events: page.events };
  }

  /** The page's events still pending (a retried page skips the delivered ones) and their shop, in id order. */
  async pageToSend(batchId: string, afterId: string, throughId: string): Promise<ShopEventAttempt[]> {
    return this.db.query<ShopEventAttempt[]>(
      `SELECT e.id, e.payload, s.id AS "shopId", s.outbound_url AS "outboundUrl", s.outbound_secret_sealed AS "outboundSecretSealed",
              s.disabled_at AS "disabledAt"
       FROM shop_events e JOIN shops s ON s.id = e.shop_id
       WHERE e.batch_id = $1 AND e.id > $2 AND e.id <= $3 AND e.status = 'pending' ORDER BY e.id`,
      [batchId, afterId, throughId],
    );
  }

  /** An attempt is counted with its outcome (an event never sent, after a 410 stopped its batch, counts none). */
  async markDelivered(id: string, responseStatus: number): Promise<void> {
    await this.db.query(
      `UPDATE shop_events SET attempts = attempts + 1, status = 'delivered', delivered_at = COALESCE(delivered_at, now()), response_status = $2, last_error = NULL, failed_at = NULL
       WHERE id = $1`,
      [id, responseStatus],
    );
  }

  /** Counts a failed attempt and shows staff its error while the event is still retrying. */
  async noteFailedAttempt(id: string, error: string): Promise<void> {
    await this.db.query(`UPDATE shop_events SET attempts = attempts + 1, last_error = $2 WHERE id = $1 AND status = 'pending'`, [id, error.slice(0, SHOP_EVENT_TEXT_KEPT)]);
  }

  /**
   * Fails the pending events with ids in (afterId, throughId] (throughId null: to the end of the batch), each
   * keeping its own last error when it has one. Answers how many of that range were delivered.
   */
  async failPending(batchId: string, afterId: string, throughId: string | null, error: string): Promise<{ delivered: number }> {
    await this.db.query(
      `UPDATE shop_events SET status = 'failed', failed_at = now(), last_error = COALESCE(last_error, $4)
       WHERE batch_id = $1 AND id > $2 AND ($3::text IS NULL OR id <= $3) AND status = 'pending'`,
      [batchId, afterId, throughId, error.slice(0, SHOP_EVENT_TEXT_KEPT)],
    );
    const [{ delivered }] = await this.db.query<{ delivered: number }[]>(
      `SELECT count(*)::int AS delivered FROM shop_events WHERE batch_id = $1 AND id > $2 AND ($3::text IS NULL OR id <= $3) AND status = 'delivered'`,
      [batchId, afterId, throughId],
    );
    return { delivered };
  }

  /** Fails every pending event of the batch with this error (the shop cannot take any: 410, a refused address). */
  async failBatch(batchId: string, error: string): Promise<void> {
    await this.db.query(`UPDATE shop_events SET status = 'failed', failed_at = now(), last_error = $2 WHERE batch_id = $1 AND status = 'pending'`, [
      batchId,
      error.slice(0, SHOP_EVENT_TEXT_KEPT),
    ]);
  }

  async counts(batchId: string): Promise<DeliveryCounts & { pending: number }> {
    const [row] = await this.db.query<(DeliveryCounts & { pending: number })[]>(
      `SELECT count(*) FILTER (WHERE status = 'delivered')::int AS delivered, count(*) FILTER (WHERE status = 'failed')::int AS failed,
              count(*) FILTER (WHERE status = 'pending')::int AS pending
       FROM shop_events WHERE batch_id = $1`,
      [batchId],
    );
    return row;
  }

  /** Totals per status of a product's events (optionally one kind). */
  async countsForProduct(productId: string, kind?: ShopEventKind): Promise<Record<ShopEventStatus, number>> {
    const [row] = await this.db.query<Record<ShopEventStatus, number>[]>(
      `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending, count(*) FILTER (WHERE status = 'delivered')::int AS delivered,
              count(*) FILTER (WHERE status = 'failed')::int AS failed
       FROM shop_events WHERE product_id = $1 AND ($2::text IS NULL OR kind = $2)`,
      [productId, kind ?? null],
    );
    return row;
  }

  /** A product's events, oldest batch first, optionally one status or kind; a page of `limit` from `offset`. */
  async listForProduct(productId: string, only: { status?: ShopEventStatus; kind?: ShopEventKind; limit: number; offset: number }): Promise<ShopEventListing[]> {
    return this.db.query(
      `SELECT e.id, e.batch_id AS "batchId", e.kind, e.shop_id AS "shopId", e.reservation_id AS "reservationId", r.code AS "reservationCode",
              r.variant_id AS "variantId", e.status, e.attempts, e.last_error AS "lastError", e.response_status AS "responseStatus",
              e.created_at AS "createdAt", e.delivered_at AS "deliveredAt", e.failed_at AS "failedAt"
       FROM shop_events e JOIN reservations r ON r.id = e.reservation_id
       WHERE e.product_id = $1 AND ($2::text IS NULL OR e.status = $2) AND ($3::text IS NULL OR e.kind = $3)
       ORDER BY e.created_at, e.batch_id, r.code LIMIT $4 OFFSET $5`,
      [productId, only.status ?? null, only.kind ?? null, only.limit, only.offset],
    );
  }
}
