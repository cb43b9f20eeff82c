// One sponsored post: a published social update a brand partner (or the influencer's paid partnership) pays
// for, on one platform (each platform runs its own paid-post orders, so an update published on two platforms
// is two posts). Its deliveries are held until staff record that platform's order reference for the paid post
// and its fee (released), or blocked when the platform refused the order; withdrawn when its product was
// cancelled first. Posts written before per-platform posts have platform '*': one order for their whole update.
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProductEntity } from './product.entity';
import { SocialUpdateEntity } from './social-update.entity';

export const SPONSORED_POST_STATUSES = ['held', 'released', 'blocked', 'withdrawn'] as const;
export type SponsoredPostStatus = (typeof SPONSORED_POST_STATUSES)[number];
export type SponsorSource = 'product' | 'influencer';

@Entity({ name: 'sponsored_posts' })
@Check('sponsored_posts_status_check', `"status" IN ('held', 'released', 'blocked', 'withdrawn')`)
@Check('sponsored_posts_source_check', `"source" IN ('product', 'influencer')`)
@Check('sponsored_posts_released_check', `"status" <> 'released' OR ("order_reference" IS NOT NULL AND "fee_minor" > 0 AND "currency" IS NOT NULL)`)
// One paid order, one post: the reference is unique on its platform (a partial index: the migration owns it).
@Index('sponsored_posts_order_reference_key', { synchronize: false })
export class SponsoredPostEntity {
  @PrimaryColumn({ name: 'update_id', type: 'varchar', length: 32 })
  updateId!: string;

  @ManyToOne(() => SocialUpdateEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'update_id', foreignKeyConstraintName: 'FK_sponsored_posts_update' })
  update?: SocialUpdateEntity;

  /** The platform the post is published on ('*': every platform of its update, for posts from before). */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  platform!: string;

  @Index('sponsored_posts_product_idx')
  @Column({ name: 'product_id', type: 'varchar', length: 32 })
  productId!: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'FK_sponsored_posts_product' })
  product?: ProductEntity;

  /** The brand partner; null when the influencer's settings made it sponsored without naming one. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  partner!: string | null;

  @Column({ type: 'varchar', length: 16 })
  source!: SponsorSource;

  /** The disclosure the post's text carries (its platform's, in its language). */
  @Column({ type: 'varchar', length: 100 })
  disclosure!: string;

  @Column({ type: 'varchar', length: 16, default: 'held' })
  status!: SponsoredPostStatus;

  /** The platform's order for the paid post (released), or the one it refused (blocked), if it gave one. */
  @Column({ name: 'order_reference', type: 'varchar', length: 100, nullable: true })
  orderReference!: string | null;

  @Column({ name: 'fee_minor', type: 'integer', nullable: true })
  feeMinor!: number | null;

  @Column({ type: 'varchar', length: 3, nullable: true })
  currency!: string | null;

  /** Why the platform refused the paid order (blocked). */
  @Column({ name: 'refusal_reason', type: 'text', nullable: true })
  refusalReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** When staff last recorded the platform's answer (reference or refusal). */
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;
}
