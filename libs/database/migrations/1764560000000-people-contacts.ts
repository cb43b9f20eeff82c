// People and their contact details: staff members (email unique case-insensitively, preferred channel,
// an optional signed webhook, language, time zone), the staff member a staff API key belongs to, and the
// same contact details on influencers. Influencers stored before it get their posts' language (when their
// social settings name one the engine writes in) and their posts' time zone (when PostgreSQL knows it;
// the API checked it when it was set), else English and UTC.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PeopleContacts1764560000000 implements MigrationInterface {
  name = 'PeopleContacts1764560000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "staff_members" (
      "id" varchar(32) NOT NULL,
      "name" varchar(200) NOT NULL,
      "email" varchar(254) NOT NULL,
      "preferred_channel" varchar(16) NOT NULL DEFAULT 'email',
      "webhook_url" text,
      "webhook_secret_sealed" text,
      "language" varchar(8) NOT NULL DEFAULT 'en',
      "time_zone" varchar(64) NOT NULL DEFAULT 'UTC',
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "disabled_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "staff_members_channel_check" CHECK ("preferred_channel" IN ('email', 'webhook')),
      CONSTRAINT "staff_members_language_check" CHECK ("language" IN ('en', 'zh-CN')),
      CONSTRAINT "staff_members_webhook_secret_check" CHECK (("webhook_url" IS NULL) = ("webhook_secret_sealed" IS NULL)),
      CONSTRAINT "staff_members_webhook_channel_check" CHECK ("preferred_channel" <> 'webhook' OR "webhook_url" IS NOT NULL),
      CONSTRAINT "PK_staff_members" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "staff_members_email_key" ON "staff_members" (lower("email"))`);

    await q.query(`ALTER TABLE "api_keys" ADD "staff_member_id" varchar(32)`);
    await q.query(`ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_staff_member_check" CHECK ("staff_member_id" IS NULL OR "role" = 'staff')`);
    await q.query(`ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_staff_member_fk" FOREIGN KEY ("staff_member_id") REFERENCES "staff_members"("id") ON DELETE RESTRICT`);
    await q.query(`CREATE INDEX "api_keys_staff_member_idx" ON "api_keys" ("staff_member_id")`);

    await q.query(`ALTER TABLE "influencers" ADD "email" varchar(254)`);
    await q.query(`ALTER TABLE "influencers" ADD "preferred_channel" varchar(16) NOT NULL DEFAULT 'email'`);
    await q.query(`ALTER TABLE "influencers" ADD "webhook_url" text`);
    await q.query(`ALTER TABLE "influencers" ADD "webhook_secret_sealed" text`);
    await q.query(`ALTER TABLE "influencers" ADD "language" varchar(8) NOT NULL DEFAULT 'en'`);
    await q.query(`ALTER TABLE "influencers" ADD "time_zone" varchar(64) NOT NULL DEFAULT 'UTC'`);
    await q.query(`UPDATE "influencers" SET "language" = "social_settings"->>'language' WHERE "social_settings"->>'language' IN ('en', 'zh-CN')`);
    await q.query(
      `UPDATE "influencers" SET "time_zone" = "social_settings"->>'timeZone'
       WHERE length("social_settings"->>'timeZone') <= 64 AND "social_settings"->>'timeZone' IN (SELECT "name" FROM pg_timezone_names)`,
    );
    await q.query(`ALTER TABLE "influencers" ADD CONSTRAINT "influencers_contact_channel_check" CHECK ("preferred_channel" IN ('email', 'webhook'))`);
    await q.query(`ALTER TABLE "influencers" ADD CONSTRAINT "influencers_contact_language_check" CHECK ("language" IN ('en', 'zh-CN'))`);
    await q.query(`ALTER TABLE "influencers" ADD CONSTRAINT "influencers_contact_webhook_secret_check" CHECK (("webhook_url" IS NULL) = ("webhook_secret_sealed" IS NULL))`);
    await q.query(`ALTER TABLE "influencers" ADD CONSTRAINT "influencers_contact_webhook_channel_check" CHECK ("preferred_channel" <> 'webhook' OR "webhook_url" IS NOT NULL)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const constraint of ['influencers_contact_webhook_channel_check', 'influencers_contact_webhook_secret_check', 'influencers_contact_language_check', 'influencers_contact_channel_check']) {
      await q.query(`ALTER TABLE "influencers" DROP CONSTRAINT "${constraint}"`);
    }
    for (const column of ['time_zone', 'language', 'webhook_secret_sealed', 'webhook_url', 'preferred_channel', 'email']) {
      await q.query(`ALTER TABLE "influencers" DROP COLUMN "${column}"`);
    }
    await q.query(`DROP INDEX "api_keys_staff_member_idx"`);
    await q.query(`ALTER TABLE "api_keys" DROP CONSTRAINT "api_keys_staff_member_fk"`);
    await q.query(`ALTER TABLE "api_keys" DROP CONSTRAINT "api_keys_staff_member_check"`);
    await q.query(`ALTER TABLE "api_keys" DROP COLUMN "staff_member_id"`);
    await q.query(`DROP TABLE "staff_members"`);
  }
}
