// Stock per variant. The read-model write sets `produced` from the workflow's state (first run, shipped
// restocks); order intake moves `sold` and `returned` in the statement that records an order.
import type { DataSource, EntityManager } from 'typeorm';
import type { VariantUnits } from '../../domain';
import { VariantStockEntity } from '../entities/variant-stock.entity';

export class VariantStockRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Sets produced units per variant (absolute: the workflow's total), creating rows as needed; idempotent. */
  async setProduced(productId: string, produced: VariantUnits[]): Promise<void> {
    if (produced.length === 0) return;
    await this.db.query(
      `INSERT INTO variant_stock (product_id, variant_id, produced)
       SELECT $1, p.variant_id, p.units FROM jsonb_to_recordset($2::jsonb) AS p(variant_id text, units int)
       ON CONFLICT (product_id, variant_id) DO UPDATE SET produced = EXCLUDED.produced, updated_at = now()
       WHERE variant_stock.produced <> EXCLUDED.produced`,
      [productId, JSON.stringify(produced.map((p) => ({ variant_id: p.variantId, units: p.units })))],
    );
  }

  /** Sets units held for reservation holders per variant (0 when the hold ends); idempotent. */
  async setHeld(productId: string, held: VariantUnits[]): Promise<void> {
    if (held.length === 0) return;
    await this.db.query(
      `INSERT INTO variant_stock (product_id, variant_id, held)
       SELECT $1, h.variant_id, h.units FROM jsonb_to_recordset($2::jsonb) AS h(variant_id text, units int)
       ON CONFLICT (product_id, variant_id) DO UPDATE SET held = EXCLUDED.held, updated_at = now()
       WHERE variant_stock.held <> EXCLUDED.held`,
      [productId, JSON.stringify(held.map((h) => ({ variant_id: h.variantId, units: h.units })))],
    );
  }

  listForProduct(productId: string): Promise<VariantStockEntity[]> {
    return this.db.getRepository(VariantStockEntity).find({ where: { productId }, order: { variantId: 'ASC' } });
  }

  /**
   * Records what the workflow was told (after the signal got through): each variant's sold-out state and,
   * when the restock threshold was reported, the product's total produced then. Only columns that changed.
   */
  async markReported(productId: string, soldOut: { variantId: string; soldOut: boolean }[], restockAtProduced: number | null): Promise<void> {
    await this.db.query(
      `UPDATE variant_stock s SET reported_sold_out = v.sold_out,
         restock_reported_at_produced = COALESCE($3::int, s.restock_reported_at_produced), updated_at = now()
       FROM jsonb_to_recordset($2::jsonb) AS v(variant_id text, sold_out boolean)
       WHERE s.product_id = $1 AND s.variant_id = v.variant_id`,
      [productId, JSON.stringify(soldOut.map((v) => ({ variant_id: v.variantId, sold_out: v.soldOut }))), restockAtProduced],
    );
  }
}
