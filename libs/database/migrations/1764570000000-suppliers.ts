// Suppliers as registered parties with a signed outbound channel, and their order events (requested and
// cancelled samples, production runs and restocks), delivered by the supplier-event workflow.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Suppliers1764570000000 implements MigrationInterface {
  name = 'Suppliers1764570000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "suppliers" (
      "id" varchar(32) NOT NULL,
      "name" varchar(100) NOT NULL,
      "contact_email" varchar(254),
      "outbound_url" text NOT NULL,
      "outbound_secret_sealed" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "disabled_at" timestamptz,
      CONSTRAINT "PK_suppliers" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "suppliers_name_key" ON "suppliers" (lower("name"))`);
    await q.query(`CREATE TABLE "supplier_events" (
      "id" varchar(32) NOT NULL,
      "supplier_id" varchar(32) NOT NULL,
      "product_id" varchar(32) NOT NULL,
      "order_ref" varchar(32) NOT NULL,
      "kind" varchar(32) NOT NULL,
      "payload" text NOT NULL,
      "status" varchar(16) NOT NULL DEFAULT 'pending',
      "attempts" integer NOT NULL DEFAULT 0,
      "last_error" text,
      "response_status" integer,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "delivered_at" timestamptz,
      "failed_at" timestamptz,
      "cancelled_at" timestamptz,
      CONSTRAINT "supplier_events_status_check" CHECK ("status" IN ('pending', 'delivered', 'failed', 'cancelled')),
      CONSTRAINT "supplier_events_kind_check" CHECK ("kind" IN ('sample.requested', 'sample.cancelled', 'production.requested', 'production.cancelled', 'restock.requested', 'restock.cancelled')),
      CONSTRAINT "supplier_events_one_per_order_kind" UNIQUE ("product_id", "order_ref", "kind"),
      CONSTRAINT "PK_supplier_events" PRIMARY KEY ("id"),
      CONSTRAINT "FK_supplier_events_supplier" FOREIGN KEY ("supplier_id") REFERENCES "suppliers"("id") ON DELETE RESTRICT,
      CONSTRAINT "FK_supplier_events_product" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "supplier_events_supplier_idx" ON "supplier_events" ("supplier_id")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "supplier_events"`);
    await q.query(`DROP TABLE "suppliers"`);
  }
}
