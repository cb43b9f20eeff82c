// A reservation window's live totals get a row of their own, as a poll's have (poll_vote_totals). Intake
// used to hold the window's row FOR NO KEY UPDATE and update its totals in place, so the batches of
// several API processes could not overlap at all: each waited for the other's whole statement and commit,
// and PostgreSQL spent about as much again re-checking the row it had waited for. Now a batch holds the
// window FOR SHARE (the tally's close still waits for every batch holding it) and queues only on the
// totals' row. Windows keep their totals and the moment their goal was reached.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DemandWindowTotals1764630000000 implements MigrationInterface {
  name = 'DemandWindowTotals1764630000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "demand_window_totals" ("product_id" character varying(32) NOT NULL, "reserved_units" integer NOT NULL DEFAULT '0', ` +
        `"reservations" integer NOT NULL DEFAULT '0', "goal_reached_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_aa5c2705d9583a08ed850f73254" PRIMARY KEY ("product_id"))`,
    );
    await q.query(
      `ALTER TABLE "demand_window_totals" ADD CONSTRAINT "FK_aa5c2705d9583a08ed850f73254" FOREIGN KEY ("product_id") REFERENCES "demand_windows"("product_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Every window that has taken a reservation (or reached its goal) keeps its totals.
    await q.query(
      `INSERT INTO "demand_window_totals" ("product_id", "reserved_units", "reservations", "goal_reached_at")
       SELECT "product_id", "reserved_units", "reservations", "goal_reached_at" FROM "demand_windows"
       WHERE "reservations" > 0 OR "reserved_units" > 0 OR "goal_reached_at" IS NOT NULL`,
    );
    await q.query(`ALTER TABLE "demand_windows" DROP COLUMN "goal_reached_at"`);
    await q.query(`ALTER TABLE "demand_windows" DROP COLUMN "reservations"`);
    await q.query(`ALTER TABLE "demand_windows" DROP COLUMN "reserved_units"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "demand_windows" ADD "reserved_units" integer NOT NULL DEFAULT '0'`);
    await q.query(`ALTER TABLE "demand_windows" ADD "reservations" integer NOT NULL DEFAULT '0'`);
    await q.query(`ALTER TABLE "demand_windows" ADD "goal_reached_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(
      `UPDATE "demand_windows" w SET "reserved_units" = t."reserved_units", "reservations" = t."reservations", "goal_reached_at" = t."goal_reached_at"
       FROM "demand_window_totals" t WHERE t."product_id" = w."product_id"`,
    );
    await q.query(`DROP TABLE "demand_window_totals"`);
  }
}
