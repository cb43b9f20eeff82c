// A cancelled product's deliveries that had not gone out stop: they become cancelled (withdrawn by the
// product's compensation, never sent again, never re-sent), beside pending, delivered and failed.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CancelledDeliveries1764550000000 implements MigrationInterface {
  name = 'CancelledDeliveries1764550000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_status_check"`);
    await q.query(`ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_status_check" CHECK ("status" IN ('pending', 'delivered', 'failed', 'cancelled'))`);
    await q.query(`ALTER TABLE "deliveries" ADD "cancelled_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE "deliveries" SET "status" = 'failed', "failed_at" = "cancelled_at" WHERE "status" = 'cancelled'`);
    await q.query(`ALTER TABLE "deliveries" DROP COLUMN "cancelled_at"`);
    await q.query(`ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_status_check"`);
    await q.query(`ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_status_check" CHECK ("status" IN ('pending', 'delivered', 'failed'))`);
  }
}
