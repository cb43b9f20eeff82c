// The shop's outbound channel: one row per reservation event (ready at launch, released when the goal is
// missed, expired when the hold ends), delivered signed to the shop's endpoint by the shop-events workflow.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ShopEvents1764520000000 implements MigrationInterface {
  name = 'ShopEvents1764520000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "shop_events" (
      "id" varchar(32) NOT NULL,
      "batch_id" varchar(32) NOT NULL,
      "shop_id" varchar(32) NOT NULL,
      "product_id" varchar(32) NOT NULL,
      "reservation_id" varchar(32) NOT NULL,
      "kind" varchar(32) NOT NULL,
      "payload" text NOT NULL,
      "status" varchar(16) NOT NULL DEFAULT 'pending',
      "attempts" integer NOT NULL DEFAULT 0,
      "last_error" text,
      "response_status" integer,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "delivered_at" timestamptz,
      "failed_at" timestamptz,
      CONSTRAINT "shop_events_status_check" CHECK ("status" IN ('pending', 'delivered', 'failed')),
      CONSTRAINT "shop_events_kind_check" CHECK ("kind" IN ('reservation.ready', 'reservation.released', 'reservation.expired')),
      CONSTRAINT "shop_events_one_per_reservation" UNIQUE ("batch_id", "reservation_id"),
      CONSTRAINT "PK_shop_events" PRIMARY KEY ("id"),
      CONSTRAINT "FK_cb6bf5ad875905185a33e2ef6d5" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_5137b063bef98fa5d08289014fb" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_85a38b0289ec2c52b0b8553ad57" FOREIGN KEY ("reservation_id") REFERENCES "reservations"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "shop_events_batch_idx" ON "shop_events" ("batch_id", "id")`);
    await q.query(`CREATE INDEX "shop_events_product_idx" ON "shop_events" ("product_id")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "shop_events"`);
  }
}
