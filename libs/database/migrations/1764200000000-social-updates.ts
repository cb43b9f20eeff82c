// Social updates: influencers' social settings, their channels (sealed webhook secrets), one update per
// lifecycle event and one delivery per update and channel.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SocialUpdates1764200000000 implements MigrationInterface {
  name = 'SocialUpdates1764200000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "channels" ("id" character varying(32) NOT NULL, "influencer_id" character varying(32) NOT NULL, "kind" character varying(16) NOT NULL, "name" character varying(100) NOT NULL, "platform" character varying(32) NOT NULL, "url" text, "secret_sealed" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "disabled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "channels_webhook_target_check" CHECK ("kind" <> 'webhook' OR ("url" IS NOT NULL AND "secret_sealed" IS NOT NULL)), CONSTRAINT "channels_kind_check" CHECK ("kind" IN ('webhook', 'log')), CONSTRAINT "PK_bc603823f3f741359c2339389f9" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "channels_influencer_idx" ON "channels" ("influencer_id")`);
    await q.query(`CREATE TABLE "social_updates" ("id" character varying(32) NOT NULL, "product_id" character varying(32) NOT NULL, "seq" integer NOT NULL, "event" character varying(40) NOT NULL, "status" character varying(16) NOT NULL, "slug" character varying(32) NOT NULL, "language" character varying(8) NOT NULL, "platform" character varying(32) NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "hashtags" jsonb NOT NULL, "keyword" character varying(200) NOT NULL, "score" integer NOT NULL, "optimisation" jsonb NOT NULL, "sponsored" boolean NOT NULL, "share_url" text NOT NULL, "image_url" text NOT NULL, "card" jsonb NOT NULL, "card_png" bytea, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_9359f2596355c5d28313857d568" UNIQUE ("slug"), CONSTRAINT "social_updates_one_per_event" UNIQUE ("product_id", "seq"), CONSTRAINT "PK_5c45ad2eb1bfb3c378c6345de57" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "deliveries" ("id" character varying(32) NOT NULL, "update_id" character varying(32) NOT NULL, "channel_id" character varying(32) NOT NULL, "product_id" character varying(32) NOT NULL, "status" character varying(16) NOT NULL, "payload" text NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "response_status" integer, "response_body" text, "resends" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "delivered_at" TIMESTAMP WITH TIME ZONE, "failed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "deliveries_one_per_channel" UNIQUE ("update_id", "channel_id"), CONSTRAINT "deliveries_status_check" CHECK ("status" IN ('pending', 'delivered', 'failed')), CONSTRAINT "PK_a6ef225c5c5f0974e503bfb731f" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "deliveries_product_idx" ON "deliveries" ("product_id")`);
    await q.query(`ALTER TABLE "influencers" ADD "social_settings" jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "channels" ADD CONSTRAINT "FK_280a077f06df221c462fb790af1" FOREIGN KEY ("influencer_id") REFERENCES "influencers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "social_updates" ADD CONSTRAINT "FK_a433d5490a51feb515841eba0c2" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "deliveries" ADD CONSTRAINT "FK_b44983a56be5f2155f5ddaddb2f" FOREIGN KEY ("update_id") REFERENCES "social_updates"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "deliveries" ADD CONSTRAINT "FK_5b6fe1747ffeacde65c4fc3580d" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "deliveries" DROP CONSTRAINT "FK_5b6fe1747ffeacde65c4fc3580d"`);
    await q.query(`ALTER TABLE "deliveries" DROP CONSTRAINT "FK_b44983a56be5f2155f5ddaddb2f"`);
    await q.query(`ALTER TABLE "social_updates" DROP CONSTRAINT "FK_a433d5490a51feb515841eba0c2"`);
    await q.query(`ALTER TABLE "channels" DROP CONSTRAINT "FK_280a077f06df221c462fb790af1"`);
    await q.query(`ALTER TABLE "influencers" DROP COLUMN "social_settings"`);
    await q.query(`DROP INDEX "public"."deliveries_product_idx"`);
    await q.query(`DROP TABLE "deliveries"`);
    await q.query(`DROP TABLE "social_updates"`);
    await q.query(`DROP INDEX "public"."channels_influencer_idx"`);
    await q.query(`DROP TABLE "channels"`);
  }
}
