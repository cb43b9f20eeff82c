// The images and image_renditions tables: uploads of a product and their served sizes; the only place their
// SQL lives.
import type { DataSource, EntityManager } from 'typeorm';
import { ImageEntity, ImageRenditionEntity, type ImagePurpose, type RenditionSize } from '../entities/image.entity';

export type NewImage = Omit<ImageEntity, 'createdAt' | 'product'>;
export type NewRendition = Omit<ImageRenditionEntity, 'imageId' | 'image'>;

/** A size as served: its bytes are left out (null) when the caller already holds them (its ETag matched). */
export interface ServedRendition {
  contentType: string;
  etag: string;
  data: Buffer | null;
}

export class ImageRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /**
   * The image and its sizes in one transaction; null (nothing written) when the product has `maxPerProduct`
   * images already. Uploads to one product take turns on a transaction lock, so the cap holds under concurrency.
   */
  async insertWithRenditions(image: NewImage, renditions: NewRendition[], maxPerProduct: number): Promise<ImageEntity | null> {
    return this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('images:' || $1))`, [image.productId]);
      const [{ count }] = await tx.query<{ count: number }[]>('SELECT count(*)::int AS count FROM images WHERE product_id = $1', [image.productId]);
      if (count >= maxPerProduct) return null;
      const images = tx.getRepository(ImageEntity);
      await images.insert(images.create(image));
      await tx.getRepository(ImageRenditionEntity).insert(renditions.map((r) => ({ ...r, imageId: image.id })));
      return images.findOneByOrFail({ id: image.id });
    });
  }

  /** A product's images, newest first, optionally only those of one purpose. */
  listForProduct(productId: string, purpose?: ImagePurpose): Promise<ImageEntity[]> {
    return this.db.getRepository(ImageEntity).find({ where: { productId, ...(purpose ? { purpose } : {}) }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  /** One size of an image; its bytes only when none of `knownEtags` is its ETag. Null when there is no such image. */
  async findRendition(imageId: string, size: RenditionSize, knownEtags: string[] = []): Promise<ServedRendition | null> {
    const rows = await this.db.query<ServedRendition[]>(
      `SELECT content_type AS "contentType", etag, CASE WHEN etag = ANY($3::text[]) THEN NULL ELSE data END AS data
         FROM image_renditions WHERE image_id = $1 AND size = $2`,
      [imageId, size, knownEtags],
    );
    return rows[0] ?? null;
  }

  /** Which of `imageIds` are images of the product. */
  async idsOfProduct(productId: string, imageIds: string[]): Promise<Set<string>> {
    if (imageIds.length === 0) return new Set();
    const rows = await this.db.query<{ id: string }[]>('SELECT id FROM images WHERE product_id = $1 AND id = ANY($2::uuid[])', [productId, imageIds]);
    return new Set(rows.map((r) => r.id));
  }

  /** The bytes of one size of an image of the product; null when the image is not the product's. */
  async renditionOfProduct(productId: string, imageId: string, size: RenditionSize): Promise<Buffer | null> {
    const rows = await this.db.query<{ data: Buffer }[]>(
      'SELECT r.data FROM image_renditions r JOIN images i ON i.id = r.image_id WHERE i.product_id = $1 AND r.image_id = $2 AND r.size = $3',
      [productId, imageId, size],
    );
    return rows[0]?.data ?? null;
  }
}
