// Channel secret rotation: the previous sealed secret, until when deliveries are still signed with it, and
// when the channel's secret was last rotated.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ChannelSecretRotation1764300000000 implements MigrationInterface {
  name = 'ChannelSecretRotation1764300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "channels" ADD "previous_secret_sealed" text`);
    await q.query(`ALTER TABLE "channels" ADD "previous_secret_expires_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "channels" ADD "rotated_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "channels" DROP COLUMN "rotated_at"`);
    await q.query(`ALTER TABLE "channels" DROP COLUMN "previous_secret_expires_at"`);
    await q.query(`ALTER TABLE "channels" DROP COLUMN "previous_secret_sealed"`);
  }
}
