// Suppliers' order events: writing one (a cancellation withdrawing its order's undelivered request in the
// same transaction), an attempt's view of it with its supplier, outcomes, and staff's lists. The only place
// their SQL lives.
import type { DataSource } from 'typeorm';
import type { SupplierEventKind } from '../../domain';
import type { SupplierEventStatus } from '../entities/supplier-event.entity';

/** Error texts are kept this long (like deliveries'). */
export const SUPPLIER_EVENT_TEXT_KEPT = 2_000;

export interface NewSupplierEvent {
  id: string;
  supplierId: string;
  productId: string;
  orderRef: string;
  kind: SupplierEventKind;
  payload: string;
  /** For a cancellation: the request it withdraws when that was not delivered yet. */
  withdraws?: SupplierEventKind;
}

/** What one attempt needs: the event and its supplier's endpoint. */
export interface SupplierEventAttempt {
  status: SupplierEventStatus;
  payload: string;
  productId: string;
  responseStatus: number | null;
  supplierId: string;
  outboundUrl: string;
  outboundSecretSealed: string;
  disabledAt: Date | null;
}

/** A supplier event as staff see it. */
export interface SupplierEventListing {
  id: string;
  supplierId: string;
  supplierName: string;
  productId: string;
  orderRef: string;
  kind: SupplierEventKind;
  status: SupplierEventStatus;
  attempts: number;
  lastError: string | null;
  responseStatus: number | null;
  createdAt: Date;
  deliveredAt: Date | null;
  failedAt: Date | null;
  cancelledAt: Date | null;
}

const LISTING = `SELECT e.id, e.supplier_id AS "supplierId", s.name AS "supplierName", e.product_id AS "productId", e.order_ref AS "orderRef", e.kind,
         e.status, e.attempts, e.last_error AS "lastError", e.response_status AS "responseStatus", e.created_at AS "createdAt",
         e.delivered_at AS "deliveredAt", e.failed_at AS "failedAt", e.cancelled_at AS "cancelledAt"
  FROM supplier_events e JOIN suppliers s ON s.id = e.supplier_id`;

export class SupplierEventRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Writes the event (a retried write changes nothing) and, for a cancellation, withdraws the order's request
   * while it is still pending. Answers the ids of that order's withdrawn requests (the same on a retry).
   */
  async record(e: NewSupplierEvent): Promise<{ withdrawn: string[] }> {
    return this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO supplier_events (id, supplier_id, product_id, order_ref, kind, payload) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (product_id, order_ref, kind) DO NOTHING`,
        [e.id, e.supplierId, e.productId, e.orderRef, e.kind, e.payload],
      );
      if (!e.withdraws) return { withdrawn: [] };
      await tx.query(
        `UPDATE supplier_events SET status = 'cancelled', cancelled_at = now() WHERE product_id = $1 AND order_ref = $2 AND kind = $3 AND status = 'pending'`,
        [e.productId, e.orderRef, e.withdraws],
      );
      const rows = await tx.query<{ id: string }[]>(`SELECT id FROM supplier_events WHERE product_id = $1 AND order_ref = $2 AND kind = $3 AND status = 'cancelled'`, [
        e.productId,
        e.orderRef,
        e.withdraws,
      ]);
      return { withdrawn: rows.map((r) => r.id) };
    });
  }

  /** Counts the attempt and answers the event with its supplier; null when it does not exist. */
  async startAttempt(id: string): Promise<SupplierEventAttempt | null> {
    const [rows] = await this.db.query<[SupplierEventAttempt[], number]>(
      `UPDATE supplier_events e SET attempts = e.attempts + CASE WHEN e.status = 'pending' THEN 1 ELSE 0 END
       FROM suppliers s WHERE e.id = $1 AND s.id = e.supplier_id
       RETURNING e.status, e.payload, e.product_id AS "productId", e.response_status AS "responseStatus", s.id AS "supplierId",
                 s.outbound_url AS "outboundUrl", s.outbound_secret_sealed AS "outboundSecretSealed", s.disabled_at AS "disabledAt"`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Shows staff the latest error while the event is still retrying. */
  async noteFailedAttempt(id: string, error: string): Promise<void> {
    await this.db.query(`UPDATE supplier_events SET last_error = $2 WHERE id = $1 AND status = 'pending'`, [id, error.slice(0, SUPPLIER_EVENT_TEXT_KEPT)]);
  }

  /** An attempt that landed is delivered, even after a withdrawal (the supplier has it). */
  async markDelivered(id: string, responseStatus: number | null): Promise<void> {
    await this.db.query(
      `UPDATE supplier_events SET status = 'delivered', delivered_at = COALESCE(delivered_at, now()), response_status = $2, last_error = NULL, failed_at = NULL
       WHERE id = $1`,
      [id, responseStatus],
    );
  }

  /** A delivered event stays delivered and a withdrawn one cancelled. */
  async markFailed(id: string, error: string): Promise<void> {
    await this.db.query(`UPDATE supplier_events SET status = 'failed', failed_at = now(), last_error = $2 WHERE id = $1 AND status NOT IN ('delivered', 'cancelled')`, [
      id,
      error.slice(0, SUPPLIER_EVENT_TEXT_KEPT),
    ]);
  }

  /** A product's supplier events, oldest first. */
  listForProduct(productId: string): Promise<SupplierEventListing[]> {
    return this.db.query(`${LISTING} WHERE e.product_id = $1 ORDER BY e.created_at, e.id`, [productId]);
  }

  /** A supplier's events, newest first, a page of `limit` from `offset`. */
  listForSupplier(supplierId: string, page: { limit: number; offset: number }): Promise<SupplierEventListing[]> {
    return this.db.query(`${LISTING} WHERE e.supplier_id = $1 ORDER BY e.created_at DESC, e.id LIMIT $2 OFFSET $3`, [supplierId, page.limit, page.offset]);
  }
}
