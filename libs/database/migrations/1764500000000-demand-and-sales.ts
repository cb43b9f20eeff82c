// From fan demand to the consumer: what a product sells (variants and their SKUs), the shops that sell it,
// the demand gate (a reservation window per product and the reservations) and stock per variant.
// Orders, shop events and attribution have migrations of their own.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DemandAndSales1764500000000 implements MigrationInterface {
  name = 'DemandAndSales1764500000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "shops" (
      "id" varchar(32) NOT NULL,
      "name" varchar(100) NOT NULL,
      "kind" varchar(16) NOT NULL,
      "inbound_secret_sealed" text NOT NULL,
      "outbound_url" text,
      "outbound_secret_sealed" text,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "disabled_at" timestamptz,
      CONSTRAINT "shops_kind_check" CHECK ("kind" IN ('standard', 'shopify')),
      CONSTRAINT "PK_shops" PRIMARY KEY ("id"))`);

    await q.query(`CREATE TABLE "product_variants" (
      "product_id" varchar(32) NOT NULL,
      "variant_id" varchar(48) NOT NULL,
      "label" varchar(100) NOT NULL,
      "sku" varchar(64),
      "position" integer NOT NULL,
      CONSTRAINT "PK_product_variants" PRIMARY KEY ("product_id", "variant_id"),
      CONSTRAINT "FK_6343513e20e2deab45edfce1316" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE UNIQUE INDEX "product_variants_sku_key" ON "product_variants" ("sku") WHERE "sku" IS NOT NULL`);

    await q.query(`CREATE TABLE "demand_windows" (
      "product_id" varchar(32) NOT NULL,
      "status" varchar(24) NOT NULL,
      "closes_at" timestamptz NOT NULL,
      "minimum_units" integer NOT NULL,
      "reserved_units" integer NOT NULL DEFAULT 0,
      "reservations" integer NOT NULL DEFAULT 0,
      "goal_reached_at" timestamptz,
      "seq" integer NOT NULL DEFAULT 0,
      CONSTRAINT "PK_demand_windows" PRIMARY KEY ("product_id"),
      CONSTRAINT "FK_e44750d26d50807410779e0adcd" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE)`);

    await q.query(`CREATE TABLE "reservations" (
      "id" varchar(32) NOT NULL,
      "code" varchar(16) NOT NULL,
      "product_id" varchar(32) NOT NULL,
      "variant_id" varchar(48) NOT NULL,
      "quantity" integer NOT NULL,
      "platform" varchar(32) NOT NULL,
      "platform_user_id" varchar(128) NOT NULL,
      "platform_user_id_raw" text NOT NULL,
      "via" varchar(16) NOT NULL,
      "source_id" varchar(32) NOT NULL,
      "webhook_id" varchar(128) NOT NULL,
      "attribution_code" varchar(16),
      "status" varchar(16) NOT NULL DEFAULT 'held',
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "status_changed_at" timestamptz,
      CONSTRAINT "reservations_quantity_check" CHECK ("quantity" > 0),
      CONSTRAINT "reservations_via_check" CHECK ("via" IN ('fan', 'shop')),
      CONSTRAINT "reservations_status_check" CHECK ("status" IN ('held', 'released', 'expired', 'converted')),
      CONSTRAINT "reservations_code_key" UNIQUE ("code"),
      CONSTRAINT "reservations_one_per_fan_and_variant" UNIQUE ("product_id", "variant_id", "platform", "platform_user_id"),
      CONSTRAINT "reservations_one_per_delivery" UNIQUE ("source_id", "webhook_id"),
      CONSTRAINT "PK_reservations" PRIMARY KEY ("id"),
      CONSTRAINT "FK_48d25c3eba71013de1994839f86" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE)`);

    await q.query(`CREATE TABLE "variant_stock" (
      "product_id" varchar(32) NOT NULL,
      "variant_id" varchar(48) NOT NULL,
      "produced" integer NOT NULL DEFAULT 0,
      "sold" integer NOT NULL DEFAULT 0,
      "returned" integer NOT NULL DEFAULT 0,
      "held" integer NOT NULL DEFAULT 0,
      "reported_sold_out" boolean NOT NULL DEFAULT false,
      "restock_reported_at_produced" integer,
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_variant_stock" PRIMARY KEY ("product_id", "variant_id"),
      CONSTRAINT "FK_2e532448f861ccb3da6f3cc6a10" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "variant_stock"`);
    await q.query(`DROP TABLE "reservations"`);
    await q.query(`DROP TABLE "demand_windows"`);
    await q.query(`DROP TABLE "product_variants"`);
    await q.query(`DROP TABLE "shops"`);
  }
}
