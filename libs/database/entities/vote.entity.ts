// One fan's vote in one poll; the unique (product, platform, fan) constraint is what makes a fan count once.
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProductEntity } from './product.entity';

@Entity({ name: 'votes' })
@Index('votes_one_per_fan', ['productId', 'platform', 'platformUserId'], { unique: true })
@Index('votes_product_option_idx', ['productId', 'optionId'])
export class VoteEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'product_id', type: 'varchar', length: 32 })
  productId!: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  @Column({ name: 'option_id', type: 'varchar', length: 64 })
  optionId!: string;

  @Column({ type: 'varchar', length: 32 })
  platform!: string;

  @Column({ name: 'platform_user_id', type: 'varchar', length: 128 })
  platformUserId!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;

  /** The webhook source that delivered the vote, and its `webhook-id` (null for votes recorded otherwise). */
  @Column({ name: 'source_id', type: 'varchar', length: 32, nullable: true })
  sourceId!: string | null;

  @Column({ name: 'webhook_id', type: 'varchar', length: 128, nullable: true })
  webhookId!: string | null;
}
