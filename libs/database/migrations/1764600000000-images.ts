// Uploaded images (design and sample rounds): the upload's facts and its served sizes as WebP bytes in
// bytea, removed with their product.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Images1764600000000 implements MigrationInterface {
  name = 'Images1764600000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "images" (
      "id" uuid NOT NULL,
      "product_id" varchar(32) NOT NULL,
      "purpose" varchar(16),
      "content_type" varchar(32) NOT NULL,
      "width" integer NOT NULL,
      "height" integer NOT NULL,
      "bytes" integer NOT NULL,
      "created_by" jsonb NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "images_purpose_check" CHECK ("purpose" IN ('design', 'sample')),
      CONSTRAINT "PK_images" PRIMARY KEY ("id"),
      CONSTRAINT "FK_images_product" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "images_product_idx" ON "images" ("product_id", "created_at")`);
    await q.query(`CREATE TABLE "image_renditions" (
      "image_id" uuid NOT NULL,
      "size" varchar(8) NOT NULL,
      "content_type" varchar(32) NOT NULL,
      "width" integer NOT NULL,
      "height" integer NOT NULL,
      "etag" varchar(64) NOT NULL,
      "data" bytea NOT NULL,
      CONSTRAINT "image_renditions_size_check" CHECK ("size" IN ('thumb', 'display', 'full')),
      CONSTRAINT "PK_image_renditions" PRIMARY KEY ("image_id", "size"),
      CONSTRAINT "FK_image_renditions_image" FOREIGN KEY ("image_id") REFERENCES "images"("id") ON DELETE CASCADE)`);
    // The bytes are compressed already: store them as they are, out of line (no pglz attempt on every write).
    await q.query(`ALTER TABLE "image_renditions" ALTER COLUMN "data" SET STORAGE EXTERNAL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "image_renditions"`);
    await q.query(`DROP TABLE "images"`);
  }
}
