// Test-only: the order tables exactly as order intake's migration (1764510000000) creates them, for suites
// that write orders straight into the database before intake's own migration is on the branch. IF NOT
// EXISTS: once intake's migration has made them, this changes nothing. Plain SQL, no jest globals.
import type { DataSource } from 'typeorm';

export async function ensureOrderTables(db: DataSource): Promise<void> {
  await db.query(`CREATE TABLE IF NOT EXISTS order_lines (
    shop_id varchar(32) NOT NULL,
    order_id varchar(64) NOT NULL,
    line_id varchar(64) NOT NULL,
    product_id varchar(32) NOT NULL,
    variant_id varchar(48) NOT NULL,
    quantity integer NOT NULL CHECK (quantity > 0),
    unit_price_minor bigint NOT NULL CHECK (unit_price_minor >= 0),
    currency char(3) NOT NULL,
    reservation_code varchar(16),
    attribution_code varchar(16),
    ordered_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, order_id, line_id))`);
  await db.query('CREATE INDEX IF NOT EXISTS order_lines_product_idx ON order_lines (product_id)');
  await db.query(`CREATE TABLE IF NOT EXISTS order_cancellations (
    shop_id varchar(32) NOT NULL,
    order_id varchar(64) NOT NULL,
    cancelled_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, order_id))`);
  await db.query(`CREATE TABLE IF NOT EXISTS refund_lines (
    shop_id varchar(32) NOT NULL,
    refund_id varchar(64) NOT NULL,
    order_id varchar(64) NOT NULL,
    line_id varchar(64) NOT NULL,
    quantity integer NOT NULL CHECK (quantity > 0),
    amount_minor bigint NOT NULL CHECK (amount_minor >= 0),
    refunded_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, refund_id, line_id))`);
}

export interface OrderLine {
  shop?: string;
  order: string;
  line: string;
  productId: string;
  variantId?: string;
  quantity: number;
  unitPriceMinor: number;
  currency?: string;
  reservationCode?: string | null;
  attributionCode?: string | null;
}

export async function insertOrderLines(db: DataSource, lines: OrderLine[]): Promise<void> {
  for (const l of lines) {
    await db.query(
      `INSERT INTO order_lines (shop_id, order_id, line_id, product_id, variant_id, quantity, unit_price_minor, currency, reservation_code, attribution_code, ordered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())`,
      [l.shop ?? 'shop-1', l.order, l.line, l.productId, l.variantId ?? 'one-size', l.quantity, l.unitPriceMinor, l.currency ?? 'EUR', l.reservationCode ?? null, l.attributionCode ?? null],
    );
  }
}
