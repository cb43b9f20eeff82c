// One paid post per platform: a sponsored update published on several platforms needs each platform's own
// order (Xiaohongshu's, Douyin's … order systems), so a sponsored post is (update, platform) and each held
// delivery names the post that releases it. Posts written before keep platform '*': one order releases
// every delivery of their update, as it did.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SponsoredPostPlatforms1764620000000 implements MigrationInterface {
  name = 'SponsoredPostPlatforms1764620000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "sponsored_posts" ADD "platform" varchar(32) NOT NULL DEFAULT '*'`);
    await q.query(`ALTER TABLE "sponsored_posts" ALTER "platform" DROP DEFAULT`);
    await q.query(`ALTER TABLE "sponsored_posts" DROP CONSTRAINT "PK_sponsored_posts"`);
    await q.query(`ALTER TABLE "sponsored_posts" ADD CONSTRAINT "PK_sponsored_posts" PRIMARY KEY ("update_id", "platform")`);
    // A reference is unique within its platform's order system.
    await q.query(`DROP INDEX "sponsored_posts_order_reference_key"`);
    await q.query(`CREATE UNIQUE INDEX "sponsored_posts_order_reference_key" ON "sponsored_posts" ("platform", "order_reference") WHERE "order_reference" IS NOT NULL`);
    await q.query(`ALTER TABLE "deliveries" ADD "sponsored_platform" varchar(32)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "deliveries" DROP COLUMN "sponsored_platform"`);
    await q.query(`DROP INDEX "sponsored_posts_order_reference_key"`);
    // Back to one post per update: the first platform's post stands for the update.
    await q.query(`DELETE FROM "sponsored_posts" p USING "sponsored_posts" o WHERE o.update_id = p.update_id AND o.platform < p.platform`);
    // A reference two platforms' order systems both used stays on the first post; the others name their platform.
    await q.query(
      `UPDATE "sponsored_posts" p SET "order_reference" = left(p."order_reference", 67) || '~' || p."platform"
       WHERE p."order_reference" IS NOT NULL
         AND EXISTS (SELECT 1 FROM "sponsored_posts" o WHERE o."order_reference" = p."order_reference" AND (o."update_id", o."platform") < (p."update_id", p."platform"))`,
    );
    await q.query(`ALTER TABLE "sponsored_posts" DROP CONSTRAINT "PK_sponsored_posts"`);
    await q.query(`ALTER TABLE "sponsored_posts" ADD CONSTRAINT "PK_sponsored_posts" PRIMARY KEY ("update_id")`);
    await q.query(`ALTER TABLE "sponsored_posts" DROP COLUMN "platform"`);
    await q.query(`CREATE UNIQUE INDEX "sponsored_posts_order_reference_key" ON "sponsored_posts" ("order_reference") WHERE "order_reference" IS NOT NULL`);
  }
}
