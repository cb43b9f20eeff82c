// One row per order a shop has told us anything about (the order, its cancellation or a refund), that every
// delivery about the order locks before it reads or writes the order's state. It replaces the advisory lock
// of each order: a plain new order is recorded by one autocommit statement that creates the row (ON CONFLICT
// waits for a concurrent creator and sees the row it committed), which a lock taken inside the statement
// could not give, as the statement's snapshot is older than the lock. Existing orders get their row here.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ShopOrders1764540000000 implements MigrationInterface {
  name = 'ShopOrders1764540000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "shop_orders" (
      "shop_id" varchar(32) NOT NULL,
      "order_id" varchar(64) NOT NULL,
      "deliveries" integer NOT NULL DEFAULT 1,
      CONSTRAINT "PK_shop_orders" PRIMARY KEY ("shop_id", "order_id"))`);
    await q.query(`INSERT INTO "shop_orders" ("shop_id", "order_id")
      SELECT "shop_id", "order_id" FROM "order_lines"
      UNION SELECT "shop_id", "order_id" FROM "order_cancellations"
      UNION SELECT "shop_id", "order_id" FROM "refund_lines"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "shop_orders"`);
  }
}
