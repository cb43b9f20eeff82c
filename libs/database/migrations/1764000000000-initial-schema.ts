// The engine's first schema: influencers, API keys, products (read model), polls, votes, timeline.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "influencers" ("id" character varying(32) NOT NULL, "handle" character varying(64) NOT NULL, "display_name" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_e7f59d805a608ebfbf0ac212e29" UNIQUE ("handle"), CONSTRAINT "PK_a5bbdc11f7898f2a695208b337a" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "api_keys" ("id" uuid NOT NULL, "prefix" character varying(32) NOT NULL, "secret_hash" character varying(64) NOT NULL, "role" character varying(16) NOT NULL, "influencer_id" character varying(32), "label" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "api_keys_influencer_check" CHECK (("role" = 'influencer') = ("influencer_id" IS NOT NULL)), CONSTRAINT "api_keys_role_check" CHECK ("role" IN ('staff', 'influencer')), CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "api_keys_prefix_key" ON "api_keys" ("prefix")`);
    await q.query(`CREATE INDEX "api_keys_influencer_idx" ON "api_keys" ("influencer_id")`);
    await q.query(`CREATE TABLE "products" ("id" character varying(32) NOT NULL, "influencer_id" character varying(32) NOT NULL, "name" character varying(200) NOT NULL, "target_keyword" character varying(100) NOT NULL, "stage" character varying(16) NOT NULL, "pending_action" jsonb, "snapshot" jsonb, "seq" integer NOT NULL DEFAULT '0', "workflow_id" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0806c755e0aca124e67c0cf6d7d" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "products_influencer_created_idx" ON "products" ("influencer_id", "created_at")`);
    await q.query(`CREATE INDEX "products_stage_created_idx" ON "products" ("stage", "created_at")`);
    await q.query(`CREATE TABLE "polls" ("product_id" character varying(32) NOT NULL, "question" text NOT NULL, "options" jsonb NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "min_votes" integer NOT NULL, "status" character varying(24) NOT NULL, "result" jsonb, "seq" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_024891894d4f06cc22b2ec92f66" PRIMARY KEY ("product_id"))`);
    await q.query(`CREATE TABLE "timeline_events" ("product_id" character varying(32) NOT NULL, "seq" integer NOT NULL, "type" character varying(40) NOT NULL, "stage" character varying(16) NOT NULL, "actor" jsonb NOT NULL, "data" jsonb NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_2d78fb84ec062dd3a75dd99f525" PRIMARY KEY ("product_id", "seq"))`);
    await q.query(`CREATE TABLE "votes" ("id" BIGSERIAL NOT NULL, "product_id" character varying(32) NOT NULL, "option_id" character varying(64) NOT NULL, "platform" character varying(32) NOT NULL, "platform_user_id" character varying(128) NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "webhook_id" character varying(128), CONSTRAINT "PK_f3d9fd4a0af865152c3f59db8ff" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "votes_product_option_idx" ON "votes" ("product_id", "option_id")`);
    await q.query(`CREATE UNIQUE INDEX "votes_one_per_fan" ON "votes" ("product_id", "platform", "platform_user_id")`);
    await q.query(`ALTER TABLE "api_keys" ADD CONSTRAINT "FK_a7e8b0d4601fcb66334b37e42da" FOREIGN KEY ("influencer_id") REFERENCES "influencers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "products" ADD CONSTRAINT "FK_77e08ee9cb4587364380004916f" FOREIGN KEY ("influencer_id") REFERENCES "influencers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "polls" ADD CONSTRAINT "FK_024891894d4f06cc22b2ec92f66" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "timeline_events" ADD CONSTRAINT "FK_f96b17705607d0dac2a0033247f" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "votes" ADD CONSTRAINT "FK_d3dd787fb12a25b7c055b453ccd" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "votes" DROP CONSTRAINT "FK_d3dd787fb12a25b7c055b453ccd"`);
    await q.query(`ALTER TABLE "timeline_events" DROP CONSTRAINT "FK_f96b17705607d0dac2a0033247f"`);
    await q.query(`ALTER TABLE "polls" DROP CONSTRAINT "FK_024891894d4f06cc22b2ec92f66"`);
    await q.query(`ALTER TABLE "products" DROP CONSTRAINT "FK_77e08ee9cb4587364380004916f"`);
    await q.query(`ALTER TABLE "api_keys" DROP CONSTRAINT "FK_a7e8b0d4601fcb66334b37e42da"`);
    await q.query(`DROP INDEX "public"."votes_one_per_fan"`);
    await q.query(`DROP INDEX "public"."votes_product_option_idx"`);
    await q.query(`DROP TABLE "votes"`);
    await q.query(`DROP TABLE "timeline_events"`);
    await q.query(`DROP TABLE "polls"`);
    await q.query(`DROP INDEX "public"."products_stage_created_idx"`);
    await q.query(`DROP INDEX "public"."products_influencer_created_idx"`);
    await q.query(`DROP TABLE "products"`);
    await q.query(`DROP INDEX "public"."api_keys_influencer_idx"`);
    await q.query(`DROP INDEX "public"."api_keys_prefix_key"`);
    await q.query(`DROP TABLE "api_keys"`);
    await q.query(`DROP TABLE "influencers"`);
  }
}
