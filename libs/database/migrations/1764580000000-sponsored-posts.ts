// Sponsored-post compliance: a product's sponsorship (brand partner, default fee per post, which events), one
// row per sponsored post (held, released with the platform's order reference and fee, blocked when the platform
// refused the paid order, withdrawn by a cancellation), and deliveries held or blocked until then.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SponsoredPosts1764580000000 implements MigrationInterface {
  name = 'SponsoredPosts1764580000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_status_check"`);
    await q.query(`ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_status_check" CHECK ("status" IN ('pending', 'held', 'blocked', 'delivered', 'failed', 'cancelled'))`);
    await q.query(`CREATE TABLE "product_sponsorships" (
      "product_id" varchar(32) NOT NULL,
      "partner" varchar(100) NOT NULL,
      "default_fee_minor" integer,
      "currency" varchar(3),
      "events" jsonb,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "product_sponsorships_fee_check" CHECK (("default_fee_minor" IS NULL AND "currency" IS NULL) OR ("default_fee_minor" > 0 AND "currency" IS NOT NULL)),
      CONSTRAINT "PK_product_sponsorships" PRIMARY KEY ("product_id"),
      CONSTRAINT "FK_product_sponsorships_product" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE TABLE "sponsored_posts" (
      "update_id" varchar(32) NOT NULL,
      "product_id" varchar(32) NOT NULL,
      "partner" varchar(100),
      "source" varchar(16) NOT NULL,
      "disclosure" varchar(100) NOT NULL,
      "status" varchar(16) NOT NULL DEFAULT 'held',
      "order_reference" varchar(100),
      "fee_minor" integer,
      "currency" varchar(3),
      "refusal_reason" text,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "decided_at" timestamptz,
      "withdrawn_at" timestamptz,
      CONSTRAINT "sponsored_posts_status_check" CHECK ("status" IN ('held', 'released', 'blocked', 'withdrawn')),
      CONSTRAINT "sponsored_posts_source_check" CHECK ("source" IN ('product', 'influencer')),
      CONSTRAINT "sponsored_posts_released_check" CHECK ("status" <> 'released' OR ("order_reference" IS NOT NULL AND "fee_minor" > 0 AND "currency" IS NOT NULL)),
      CONSTRAINT "PK_sponsored_posts" PRIMARY KEY ("update_id"),
      CONSTRAINT "FK_sponsored_posts_update" FOREIGN KEY ("update_id") REFERENCES "social_updates"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_sponsored_posts_product" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "sponsored_posts_product_idx" ON "sponsored_posts" ("product_id")`);
    await q.query(`CREATE UNIQUE INDEX "sponsored_posts_order_reference_key" ON "sponsored_posts" ("order_reference") WHERE "order_reference" IS NOT NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "sponsored_posts"`);
    await q.query(`DROP TABLE "product_sponsorships"`);
    // Held and blocked deliveries never went out: they become failed, which staff can re-send.
    await q.query(`UPDATE "deliveries" SET "status" = 'failed', "failed_at" = now() WHERE "status" IN ('held', 'blocked')`);
    await q.query(`ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_status_check"`);
    await q.query(`ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_status_check" CHECK ("status" IN ('pending', 'delivered', 'failed', 'cancelled'))`);
  }
}
