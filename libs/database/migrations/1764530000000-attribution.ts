// Attribution: tracked links (one per social update and channel), the counted clicks on them and views of
// share pages, and the code a vote came with. Only counted clicks and views are stored; no address is.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Attribution1764530000000 implements MigrationInterface {
  name = 'Attribution1764530000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "tracked_links" (
      "code" varchar(16) NOT NULL,
      "product_id" varchar(32) NOT NULL,
      "update_id" varchar(32) NOT NULL,
      "channel_id" varchar(32),
      "stage" varchar(16) NOT NULL,
      "event" varchar(40) NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "tracked_links_one_per_update_and_channel" UNIQUE ("update_id", "channel_id"),
      CONSTRAINT "PK_tracked_links" PRIMARY KEY ("code"),
      CONSTRAINT "FK_2cac1a6f7924276f01b879d7b0e" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_37596ebff4ac85629fd1d5ffbaa" FOREIGN KEY ("update_id") REFERENCES "social_updates"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_db3e5c6f8f6c6d1efff7a783a2f" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE SET NULL)`);
    await q.query(`CREATE INDEX "tracked_links_product_idx" ON "tracked_links" ("product_id")`);

    await q.query(`CREATE TABLE "link_clicks" (
      "id" BIGSERIAL NOT NULL,
      "code" varchar(16) NOT NULL,
      "visitor" char(32) NOT NULL,
      "clicked_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_link_clicks" PRIMARY KEY ("id"),
      CONSTRAINT "FK_25483823f089c5bdcbd837d39a8" FOREIGN KEY ("code") REFERENCES "tracked_links"("code") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "link_clicks_code_visitor_idx" ON "link_clicks" ("code", "visitor", "clicked_at")`);

    await q.query(`CREATE TABLE "share_views" (
      "id" BIGSERIAL NOT NULL,
      "product_id" varchar(32) NOT NULL,
      "update_id" varchar(32) NOT NULL,
      "code" varchar(16),
      "visitor" char(32) NOT NULL,
      "viewed_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_share_views" PRIMARY KEY ("id"),
      CONSTRAINT "FK_c37cf5742cf993a3fb4c9b63d92" FOREIGN KEY ("update_id") REFERENCES "social_updates"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_da28af674ecaf92d261d14dcf93" FOREIGN KEY ("code") REFERENCES "tracked_links"("code") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "share_views_update_visitor_idx" ON "share_views" ("update_id", "visitor", "viewed_at")`);
    await q.query(`CREATE INDEX "share_views_product_idx" ON "share_views" ("product_id")`);

    // Nullable without a default: adding it rewrites nothing, however many votes there are.
    await q.query(`ALTER TABLE "votes" ADD "attribution_code" varchar(16)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "votes" DROP COLUMN "attribution_code"`);
    await q.query(`DROP TABLE "share_views"`);
    await q.query(`DROP TABLE "link_clicks"`);
    await q.query(`DROP TABLE "tracked_links"`);
  }
}
