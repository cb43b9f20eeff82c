// One fan's vote in one poll; the primary key (product, platform, fan) is what makes a fan count once.
// No surrogate id and no other index: a viral poll inserts thousands of rows a second, and every index
// is paid on each of them (the tally reads the primary key's product prefix).
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProductEntity } from './product.entity';

@Entity({ name: 'votes' })
export class VoteEntity {
  @PrimaryColumn({ name: 'product_id', type: 'varchar', length: 32 })
  productId!: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  @Column({ name: 'option_id', type: 'varchar', length: 64 })
  optionId!: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  platform!: string;

  /** The fan's user id normalised (libs/domain fan-identity): what makes variants of one fan count once. */
  @PrimaryColumn({ name: 'platform_user_id', type: 'varchar', length: 128 })
  platformUserId!: string;

  /** The user id exactly as the connector sent it, for audit; text, so no raw value can fail the insert. */
  @Column({ name: 'platform_user_id_raw', type: 'text' })
  platformUserIdRaw!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;

  /** The webhook source that delivered the vote, and its `webhook-id` (null for votes recorded otherwise). */
  @Column({ name: 'source_id', type: 'varchar', length: 32, nullable: true })
  sourceId!: string | null;

  @Column({ name: 'webhook_id', type: 'varchar', length: 128, nullable: true })
  webhookId!: string | null;

  /** The tracked link's code the fan came through: only a code of this product's links is kept (else null). */
  @Column({ name: 'attribution_code', type: 'varchar', length: 16, nullable: true })
  attributionCode!: string | null;
}
