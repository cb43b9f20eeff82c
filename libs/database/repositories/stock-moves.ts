// Stock moves order intake collects while it records deliveries (units sold, returned, and held units
// released by converted reservations) and writes at the end of the transaction, once per variant and in
// key order: concurrent transactions then hold each variant row only for a moment and never deadlock.
import type { DataSource, EntityManager } from 'typeorm';

/** Units per (product, variant). */
type Moves = Map<string, number>;

function key(productId: string, variantId: string): string {
  return `${productId}/${variantId}`;
}

function rowsOf(moves: Moves): string {
  const rows = [...moves.entries()]
    .filter(([, units]) => units !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, units]) => {
      const at = k.indexOf('/');
      return { product_id: k.slice(0, at), variant_id: k.slice(at + 1), units };
    });
  return JSON.stringify(rows);
}

export class StockMoves {
  private readonly moves = { sold: new Map() as Moves, returned: new Map() as Moves, released: new Map() as Moves };

  add(column: 'sold' | 'returned' | 'released', productId: string, variantId: string, units: number): void {
    if (units === 0) return;
    const k = key(productId, variantId);
    const m = this.moves[column];
    m.set(k, (m.get(k) ?? 0) + units);
  }

  merge(other: StockMoves): void {
    for (const column of ['sold', 'returned', 'released'] as const) {
      for (const [k, units] of other.moves[column]) this.moves[column].set(k, (this.moves[column].get(k) ?? 0) + units);
    }
  }

  /** Writes the moves (variant rows created as needed); held never goes below zero (the hold may have ended already). */
  async apply(db: DataSource | EntityManager): Promise<void> {
    for (const column of ['sold', 'returned'] as const) {
      if (this.moves[column].size === 0) continue;
      await db.query(
        `INSERT INTO variant_stock (product_id, variant_id, ${column})
         SELECT m.product_id, m.variant_id, m.units FROM jsonb_to_recordset($1::jsonb) AS m(product_id text, variant_id text, units int)
         ORDER BY m.product_id, m.variant_id
         ON CONFLICT (product_id, variant_id) DO UPDATE SET ${column} = variant_stock.${column} + EXCLUDED.${column}, updated_at = now()`,
        [rowsOf(this.moves[column])],
      );
    }
    if (this.moves.released.size > 0) {
      await db.query(
        `UPDATE variant_stock s SET held = GREATEST(0, s.held - m.units), updated_at = now()
         FROM jsonb_to_recordset($1::jsonb) AS m(product_id text, variant_id text, units int)
         WHERE s.product_id = m.product_id AND s.variant_id = m.variant_id`,
        [rowsOf(this.moves.released)],
      );
    }
  }
}
