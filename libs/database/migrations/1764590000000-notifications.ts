// Notifications to people who must act (reminders, alerts): one row per (source, recipient), written in the
// recipient's language when it is decided, then sent (email or signed webhook), kept in the outbox (no SMTP
// server configured, or no address), queued for the recipient's daily digest, or not written at all for a
// person who turned them off; and each person's choice (notification_mode).
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1764590000000 implements MigrationInterface {
  name = 'Notifications1764590000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "notifications" (
      "id" varchar(32) NOT NULL,
      "recipient_kind" varchar(16) NOT NULL,
      "recipient_id" varchar(32) NOT NULL,
      "product_id" varchar(32),
      "source" varchar(64) NOT NULL,
      "kind" varchar(48) NOT NULL,
      "channel" varchar(16) NOT NULL,
      "language" varchar(8) NOT NULL,
      "subject" text NOT NULL,
      "body" text NOT NULL,
      "payload" text NOT NULL,
      "status" varchar(16) NOT NULL,
      "attempts" integer NOT NULL DEFAULT 0,
      "last_error" text,
      "digest_id" varchar(32),
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "sent_at" timestamptz,
      "failed_at" timestamptz,
      CONSTRAINT "notifications_recipient_kind_check" CHECK ("recipient_kind" IN ('staff', 'influencer')),
      CONSTRAINT "notifications_channel_check" CHECK ("channel" IN ('email', 'webhook')),
      CONSTRAINT "notifications_status_check" CHECK ("status" IN ('pending', 'queued', 'digested', 'outbox', 'sent', 'failed')),
      CONSTRAINT "PK_notifications" PRIMARY KEY ("id"),
      CONSTRAINT "FK_notifications_product" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "notifications_recipient_idx" ON "notifications" ("recipient_kind", "recipient_id", "status")`);
    await q.query(`CREATE INDEX "notifications_status_idx" ON "notifications" ("status", "created_at")`);
    for (const table of ['staff_members', 'influencers']) {
      await q.query(`ALTER TABLE "${table}" ADD "notification_mode" varchar(16) NOT NULL DEFAULT 'each'`);
      await q.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${table}_notification_mode_check" CHECK ("notification_mode" IN ('each', 'daily_digest', 'none'))`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['influencers', 'staff_members']) {
      await q.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${table}_notification_mode_check"`);
      await q.query(`ALTER TABLE "${table}" DROP COLUMN "notification_mode"`);
    }
    await q.query(`DROP TABLE "notifications"`);
  }
}
