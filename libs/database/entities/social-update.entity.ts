// One social update of a product, made from one timeline event: its text for the influencer's main
// platform, the optimisation score with its reasons, its share page slug and, once rendered, its card.
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import type { StoredShareCard } from '../../social/card-layout';
import type { OptimisationScore } from '../../social/optimizer';
import { ProductEntity } from './product.entity';

/** published: public and delivered; internal: staff only (log channels); withheld: launch text not approved. */
export type SocialUpdateStatus = 'published' | 'internal' | 'withheld';

@Entity({ name: 'social_updates' })
@Unique('social_updates_one_per_event', ['productId', 'seq'])
export class SocialUpdateEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  @Column({ name: 'product_id', type: 'varchar', length: 32 })
  productId!: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  /** The timeline event's seq: (product, seq) makes a retried or replayed write harmless. */
  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 40 })
  event!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: SocialUpdateStatus;

  @Column({ type: 'varchar', length: 32, unique: true })
  slug!: string;

  @Column({ type: 'varchar', length: 8 })
  language!: string;

  @Column({ type: 'varchar', length: 32 })
  platform!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'jsonb' })
  hashtags!: string[];

  @Column({ type: 'varchar', length: 200 })
  keyword!: string;

  @Column({ type: 'integer' })
  score!: number;

  /** The optimiser's score, keyword density and reasons. */
  @Column({ type: 'jsonb' })
  optimisation!: OptimisationScore;

  @Column({ type: 'boolean' })
  sponsored!: boolean;

  @Column({ name: 'share_url', type: 'text' })
  shareUrl!: string;

  @Column({ name: 'image_url', type: 'text' })
  imageUrl!: string;

  /** What the share page and card show beyond the text: stage, handle, poll results. */
  @Column({ type: 'jsonb' })
  card!: StoredShareCard;

  @Column({ name: 'card_png', type: 'bytea', nullable: true, select: false })
  cardPng!: Buffer | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
