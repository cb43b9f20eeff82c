// One fan, one vote: votes.platform_user_id now holds the normalised identity (libs/domain fan-identity) and
// this column the user id exactly as the connector sent it, for audit. Existing votes were stored as sent.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FanIdentityRaw1764403000000 implements MigrationInterface {
  name = 'FanIdentityRaw1764403000000';

  public async up(q: QueryRunner): Promise<void> {
    // Added nullable, backfilled, then made NOT NULL: one pass over the table, and no default that could
    // hide a writer which forgot the raw value.
    await q.query(`ALTER TABLE "votes" ADD "platform_user_id_raw" text`);
    await q.query(`UPDATE "votes" SET "platform_user_id_raw" = "platform_user_id"`);
    await q.query(`ALTER TABLE "votes" ALTER COLUMN "platform_user_id_raw" SET NOT NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "votes" DROP COLUMN "platform_user_id_raw"`);
  }
}
