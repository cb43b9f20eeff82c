// Fan votes through signed webhooks: webhook sources (sealed secrets), the source of each vote, live
// per-option counts and totals kept by vote intake, and the vote milestones each poll crossed. Votes lose
// their surrogate id and second index: (product, platform, fan) becomes the primary key, one index to
// maintain per inserted vote.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FanVoteIntake1764100000000 implements MigrationInterface {
  name = 'FanVoteIntake1764100000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."votes_product_option_idx"`);
    await q.query(`DROP INDEX "public"."votes_one_per_fan"`);
    await q.query(`ALTER TABLE "votes" DROP CONSTRAINT "PK_f3d9fd4a0af865152c3f59db8ff"`);
    await q.query(`ALTER TABLE "votes" DROP COLUMN "id"`);
    await q.query(`ALTER TABLE "votes" ADD CONSTRAINT "PK_d863656892c2c93fc16fcd1ec86" PRIMARY KEY ("product_id", "platform", "platform_user_id")`);
    await q.query(`CREATE TABLE "poll_vote_counts" ("product_id" character varying(32) NOT NULL, "option_id" character varying(64) NOT NULL, "votes" integer NOT NULL, CONSTRAINT "PK_ba11d754974d593d20347330098" PRIMARY KEY ("product_id", "option_id"))`);
    await q.query(`CREATE TABLE "poll_vote_totals" ("product_id" character varying(32) NOT NULL, "votes" integer NOT NULL, CONSTRAINT "PK_770bb044461e5d17f780357bad0" PRIMARY KEY ("product_id"))`);
    await q.query(`CREATE TABLE "poll_vote_milestones" ("product_id" character varying(32) NOT NULL, "milestone" integer NOT NULL, "total_votes" integer NOT NULL, "reached_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "notified_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_13a955e651ae2c13da8b1d53530" PRIMARY KEY ("product_id", "milestone"))`);
    await q.query(`CREATE TABLE "webhook_sources" ("id" character varying(32) NOT NULL, "name" character varying(100) NOT NULL, "platform" character varying(32) NOT NULL, "secret_sealed" text NOT NULL, "previous_secret_sealed" text, "previous_secret_expires_at" TIMESTAMP WITH TIME ZONE, "rate_limit_per_second" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "rotated_at" TIMESTAMP WITH TIME ZONE, "disabled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "webhook_sources_rate_limit_check" CHECK ("rate_limit_per_second" > 0), CONSTRAINT "PK_f73bcd1dce4663aa23dfc4e304b" PRIMARY KEY ("id"))`);
    await q.query(`ALTER TABLE "votes" ADD "source_id" character varying(32)`);
    await q.query(`ALTER TABLE "poll_vote_counts" ADD CONSTRAINT "FK_fd058ffe8786e1257cb381e78f7" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "poll_vote_totals" ADD CONSTRAINT "FK_770bb044461e5d17f780357bad0" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "poll_vote_milestones" ADD CONSTRAINT "FK_b2f82e2f112875cf499379005a9" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Polls that were already open start their live counts from the votes they have.
    await q.query(`INSERT INTO "poll_vote_counts" ("product_id", "option_id", "votes") SELECT "product_id", "option_id", count(*) FROM "votes" GROUP BY 1, 2`);
    await q.query(`INSERT INTO "poll_vote_totals" ("product_id", "votes") SELECT "product_id", count(*) FROM "votes" GROUP BY 1`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "poll_vote_milestones" DROP CONSTRAINT "FK_b2f82e2f112875cf499379005a9"`);
    await q.query(`ALTER TABLE "poll_vote_totals" DROP CONSTRAINT "FK_770bb044461e5d17f780357bad0"`);
    await q.query(`ALTER TABLE "poll_vote_counts" DROP CONSTRAINT "FK_fd058ffe8786e1257cb381e78f7"`);
    await q.query(`ALTER TABLE "votes" DROP COLUMN "source_id"`);
    await q.query(`DROP TABLE "webhook_sources"`);
    await q.query(`DROP TABLE "poll_vote_milestones"`);
    await q.query(`DROP TABLE "poll_vote_totals"`);
    await q.query(`DROP TABLE "poll_vote_counts"`);
    await q.query(`ALTER TABLE "votes" DROP CONSTRAINT "PK_d863656892c2c93fc16fcd1ec86"`);
    await q.query(`ALTER TABLE "votes" ADD "id" BIGSERIAL NOT NULL`);
    await q.query(`ALTER TABLE "votes" ADD CONSTRAINT "PK_f3d9fd4a0af865152c3f59db8ff" PRIMARY KEY ("id")`);
    await q.query(`CREATE UNIQUE INDEX "votes_one_per_fan" ON "votes" ("product_id", "platform", "platform_user_id")`);
    await q.query(`CREATE INDEX "votes_product_option_idx" ON "votes" ("product_id", "option_id")`);
  }
}
