// Poll moderation: the incubator's own refused terms. (A poll waiting for approval is status 'DRAFT' in
// polls.status, a varchar(24) without a check: no change there.)
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PollModeration1764585000000 implements MigrationInterface {
  name = 'PollModeration1764585000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "moderation_terms" (
      "id" varchar(32) NOT NULL,
      "term" varchar(100) NOT NULL,
      "normalised" varchar(100) NOT NULL,
      "note" varchar(500),
      "created_by" jsonb NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "moderation_terms_normalised_key" UNIQUE ("normalised"),
      CONSTRAINT "PK_moderation_terms" PRIMARY KEY ("id"))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "moderation_terms"`);
  }
}
