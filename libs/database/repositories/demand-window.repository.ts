// A product's reservation window: written from the workflow's events (opened, extended, decided), closed
// race-free by the reservation tally, read by reservation intake and the live demand. Reservations and the
// window's live totals (demand_window_totals) are written by intake (ReservationRepository); the tally
// counts the reservations themselves here, in the transaction that closes the window.
import type { DataSource, EntityManager } from 'typeorm';
import type { DemandStatus, ReservationTally } from '../../domain';
import { DemandWindowEntity } from '../entities/demand-window.entity';

export interface DemandWindowWrite {
  productId: string;
  status: DemandStatus;
  closesAt: string;
  minimumUnits: number;
  /** The product's seq: an older write never overwrites a newer one. */
  seq: number;
}

/** The window with its live totals (0 until its first reservation). */
export interface LiveWindow {
  status: DemandStatus;
  closesAt: Date;
  minimumUnits: number;
  reservedUnits: number;
  reservations: number;
}

export class DemandWindowRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Creates or moves the window forward by seq (live totals kept); meant for the read-model write. */
  async upsert(w: DemandWindowWrite): Promise<void> {
    await this.db.query(
      `INSERT INTO demand_windows (product_id, status, closes_at, minimum_units, seq)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (product_id) DO UPDATE SET status = EXCLUDED.status, closes_at = EXCLUDED.closes_at,
         minimum_units = EXCLUDED.minimum_units, seq = EXCLUDED.seq
       WHERE demand_windows.seq < EXCLUDED.seq`,
      [w.productId, w.status, w.closesAt, w.minimumUnits, w.seq],
    );
  }

  find(productId: string): Promise<DemandWindowEntity | null> {
    return this.db.getRepository(DemandWindowEntity).findOneBy({ productId });
  }

  /** The window and its live totals in one read; null when the product has no window. */
  async findLive(productId: string): Promise<LiveWindow | null> {
    const rows: { status: DemandStatus; closes_at: Date; minimum_units: number; reserved_units: number; reservations: number }[] = await this.db.query(
      `SELECT w.status, w.closes_at, w.minimum_units, coalesce(t.reserved_units, 0) AS reserved_units, coalesce(t.reservations, 0) AS reservations
       FROM demand_windows w LEFT JOIN demand_window_totals t ON t.product_id = w.product_id WHERE w.product_id = $1`,
      [productId],
    );
    const r = rows[0];
    return r ? { status: r.status, closesAt: r.closes_at, minimumUnits: r.minimum_units, reservedUnits: r.reserved_units, reservations: r.reservations } : null;
  }

  /**
   * Closes reservation intake (waits for every intake batch holding the row FOR SHARE; later ones find it
   * not OPEN), then counts the held reservations per variant, in one transaction: every reservation
   * acknowledged before the close is counted, none after it is accepted.
   */
  tally(productId: string, closeIntakeAtSeq: number): Promise<ReservationTally> {
    return this.db.transaction(async (tx) => {
      await tx.query(
        `UPDATE demand_windows SET status = 'CLOSING', seq = GREATEST(seq, $2) WHERE product_id = $1 AND status = 'OPEN'`,
        [productId, closeIntakeAtSeq],
      );
      const rows: { variant_id: string; units: number; reservations: number }[] = await tx.query(
        `SELECT variant_id, sum(quantity)::int AS units, count(*)::int AS reservations
         FROM reservations WHERE product_id = $1 AND status = 'held' GROUP BY variant_id ORDER BY variant_id`,
        [productId],
      );
      return {
        variants: rows.map((r) => ({ variantId: r.variant_id, units: r.units })),
        totalUnits: rows.reduce((sum, r) => sum + r.units, 0),
        reservations: rows.reduce((sum, r) => sum + r.reservations, 0),
      };
    });
  }
}
