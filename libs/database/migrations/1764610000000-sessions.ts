// Signing in: staff members' one-time sign-in tokens, influencers' magic links, and browser sessions (the
// `ie_session` cookie) of either; every token stored only as its SHA-256.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Sessions1764610000000 implements MigrationInterface {
  name = 'Sessions1764610000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "sign_in_tokens" (
      "id" varchar(32) NOT NULL,
      "staff_member_id" varchar(32) NOT NULL,
      "token_hash" varchar(64) NOT NULL,
      "expires_at" timestamptz NOT NULL,
      "used_at" timestamptz,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_sign_in_tokens" PRIMARY KEY ("id"),
      CONSTRAINT "FK_sign_in_tokens_staff_member" FOREIGN KEY ("staff_member_id") REFERENCES "staff_members"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "sign_in_tokens_staff_member_idx" ON "sign_in_tokens" ("staff_member_id")`);
    await q.query(`CREATE UNIQUE INDEX "sign_in_tokens_token_hash_key" ON "sign_in_tokens" ("token_hash")`);

    await q.query(`CREATE TABLE "magic_links" (
      "id" varchar(32) NOT NULL,
      "influencer_id" varchar(32) NOT NULL,
      "token_hash" varchar(64) NOT NULL,
      "issued_by" varchar(64) NOT NULL,
      "expires_at" timestamptz NOT NULL,
      "revoked_at" timestamptz,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_magic_links" PRIMARY KEY ("id"),
      CONSTRAINT "FK_magic_links_influencer" FOREIGN KEY ("influencer_id") REFERENCES "influencers"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "magic_links_influencer_idx" ON "magic_links" ("influencer_id")`);
    await q.query(`CREATE UNIQUE INDEX "magic_links_token_hash_key" ON "magic_links" ("token_hash")`);

    await q.query(`CREATE TABLE "sessions" (
      "id" varchar(32) NOT NULL,
      "token_hash" varchar(64) NOT NULL,
      "role" varchar(16) NOT NULL,
      "staff_member_id" varchar(32),
      "influencer_id" varchar(32),
      "magic_link_id" varchar(32),
      "expires_at" timestamptz NOT NULL,
      "ended_at" timestamptz,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "sessions_role_check" CHECK ("role" IN ('staff', 'influencer')),
      CONSTRAINT "sessions_staff_check" CHECK (("role" = 'staff') = ("staff_member_id" IS NOT NULL)),
      CONSTRAINT "sessions_influencer_check" CHECK (("role" = 'influencer') = ("influencer_id" IS NOT NULL AND "magic_link_id" IS NOT NULL)),
      CONSTRAINT "PK_sessions" PRIMARY KEY ("id"),
      CONSTRAINT "FK_sessions_staff_member" FOREIGN KEY ("staff_member_id") REFERENCES "staff_members"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_sessions_influencer" FOREIGN KEY ("influencer_id") REFERENCES "influencers"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_sessions_magic_link" FOREIGN KEY ("magic_link_id") REFERENCES "magic_links"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions" ("token_hash")`);
    await q.query(`CREATE INDEX "sessions_staff_member_idx" ON "sessions" ("staff_member_id")`);
    await q.query(`CREATE INDEX "sessions_magic_link_idx" ON "sessions" ("magic_link_id")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "sessions"`);
    await q.query(`DROP TABLE "magic_links"`);
    await q.query(`DROP TABLE "sign_in_tokens"`);
  }
}
