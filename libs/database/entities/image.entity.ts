// Images staff upload for a product's design and sample rounds: one row per upload (what it was, its upright
// size, who sent it) and one per served size with the WebP bytes themselves (bytea), written together once
// and never changed, so a size's ETag and a year's caching hold. The upload itself is not kept (its metadata
// would be).
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Actor } from '../../domain';
import { ProductEntity } from './product.entity';

export const IMAGE_PURPOSES = ['design', 'sample'] as const;
export type ImagePurpose = (typeof IMAGE_PURPOSES)[number];

@Entity({ name: 'images' })
@Check('images_purpose_check', `"purpose" IN ('design', 'sample')`)
@Index('images_product_idx', ['productId', 'createdAt'])
export class ImageEntity {
  /** A random UUID: the public URL names it, so it must not be guessable. */
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'product_id', type: 'varchar', length: 32 })
  productId!: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'FK_images_product' })
  product?: ProductEntity;

  /** What staff said it is for (design or sample round); null when they did not say. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  purpose!: ImagePurpose | null;

  /** The upload's real type, sniffed from its bytes: image/jpeg, image/png or image/webp. */
  @Column({ name: 'content_type', type: 'varchar', length: 32 })
  contentType!: string;

  /** The upright picture's size in pixels. */
  @Column({ type: 'integer' })
  width!: number;

  @Column({ type: 'integer' })
  height!: number;

  /** The upload's size in bytes. */
  @Column({ type: 'integer' })
  bytes!: number;

  @Column({ name: 'created_by', type: 'jsonb' })
  createdBy!: Actor;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

export const RENDITION_SIZES = ['thumb', 'display', 'full'] as const;
export type RenditionSize = (typeof RENDITION_SIZES)[number];

@Entity({ name: 'image_renditions' })
@Check('image_renditions_size_check', `"size" IN ('thumb', 'display', 'full')`)
export class ImageRenditionEntity {
  @PrimaryColumn({ name: 'image_id', type: 'uuid' })
  imageId!: string;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  size!: RenditionSize;

  @ManyToOne(() => ImageEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'image_id', foreignKeyConstraintName: 'FK_image_renditions_image' })
  image?: ImageEntity;

  @Column({ name: 'content_type', type: 'varchar', length: 32 })
  contentType!: string;

  @Column({ type: 'integer' })
  width!: number;

  @Column({ type: 'integer' })
  height!: number;

  /** A strong ETag of `data` (its quoted SHA-256). */
  @Column({ type: 'varchar', length: 64 })
  etag!: string;

  @Column({ type: 'bytea' })
  data!: Buffer;
}
