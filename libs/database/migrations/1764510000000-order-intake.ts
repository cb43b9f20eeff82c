// Order intake from shops: order lines (per variant, with the reservation and attribution codes they
// carry), cancellations and refunds, each keyed by the shop's own ids, and the receipts of the shop's
// webhook deliveries (idempotency per webhook id, written in the transaction of their effect).
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OrderIntake1764510000000 implements MigrationInterface {
  name = 'OrderIntake1764510000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "order_lines" (
      "shop_id" varchar(32) NOT NULL,
      "order_id" varchar(64) NOT NULL,
      "line_id" varchar(64) NOT NULL,
      "product_id" varchar(32) NOT NULL,
      "variant_id" varchar(48) NOT NULL,
      "quantity" integer NOT NULL,
      "unit_price_minor" bigint NOT NULL,
      "currency" char(3) NOT NULL,
      "reservation_code" varchar(16),
      "attribution_code" varchar(16),
      "ordered_at" timestamptz NOT NULL,
      "received_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "order_lines_quantity_check" CHECK ("quantity" > 0),
      CONSTRAINT "order_lines_unit_price_check" CHECK ("unit_price_minor" >= 0),
      CONSTRAINT "PK_order_lines" PRIMARY KEY ("shop_id", "order_id", "line_id"),
      CONSTRAINT "FK_order_lines_product" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "order_lines_product_idx" ON "order_lines" ("product_id")`);

    await q.query(`CREATE TABLE "order_cancellations" (
      "shop_id" varchar(32) NOT NULL,
      "order_id" varchar(64) NOT NULL,
      "cancelled_at" timestamptz NOT NULL,
      "received_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_order_cancellations" PRIMARY KEY ("shop_id", "order_id"))`);

    await q.query(`CREATE TABLE "refund_lines" (
      "shop_id" varchar(32) NOT NULL,
      "refund_id" varchar(64) NOT NULL,
      "order_id" varchar(64) NOT NULL,
      "line_id" varchar(64) NOT NULL,
      "quantity" integer NOT NULL,
      "amount_minor" bigint NOT NULL,
      "refunded_at" timestamptz NOT NULL,
      "received_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "refund_lines_quantity_check" CHECK ("quantity" > 0),
      CONSTRAINT "refund_lines_amount_check" CHECK ("amount_minor" >= 0),
      CONSTRAINT "PK_refund_lines" PRIMARY KEY ("shop_id", "refund_id", "line_id"))`);
    await q.query(`CREATE INDEX "refund_lines_order_idx" ON "refund_lines" ("shop_id", "order_id")`);

    await q.query(`CREATE TABLE "shop_webhook_receipts" (
      "shop_id" varchar(32) NOT NULL,
      "webhook_id" varchar(128) NOT NULL,
      "topic" varchar(32) NOT NULL,
      "result" jsonb NOT NULL,
      "received_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_shop_webhook_receipts" PRIMARY KEY ("shop_id", "webhook_id"))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "shop_webhook_receipts"`);
    await q.query(`DROP TABLE "refund_lines"`);
    await q.query(`DROP TABLE "order_cancellations"`);
    await q.query(`DROP TABLE "order_lines"`);
  }
}
