// One tracked link (`/r/<code>`): the link a social update's delivery to one channel carries, so a click,
// a share-page view, a vote, a reservation or an order that comes back with the code is attributed to the
// stage and channel that brought it. Written with the update and its deliveries, in one statement.
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { ChannelEntity } from './channel.entity';
import { ProductEntity } from './product.entity';
import { SocialUpdateEntity } from './social-update.entity';

@Entity({ name: 'tracked_links' })
@Unique('tracked_links_one_per_update_and_channel', ['updateId', 'channelId'])
export class TrackedLinkEntity {
  /** Derived from (update, channel): a retried write makes the same code. */
  @PrimaryColumn({ type: 'varchar', length: 16 })
  code!: string;

  @Index('tracked_links_product_idx')
  @Column({ name: 'product_id', type: 'varchar', length: 32 })
  productId!: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  @Column({ name: 'update_id', type: 'varchar', length: 32 })
  updateId!: string;

  @ManyToOne(() => SocialUpdateEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'update_id' })
  update?: SocialUpdateEntity;

  /** Null once the channel is deleted: what it brought stays counted (under "deleted channel"). */
  @Column({ name: 'channel_id', type: 'varchar', length: 32, nullable: true })
  channelId!: string | null;

  @ManyToOne(() => ChannelEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'channel_id' })
  channel?: ChannelEntity;

  /** The stage after the update's timeline event: the funnel's row. */
  @Column({ type: 'varchar', length: 16 })
  stage!: string;

  @Column({ type: 'varchar', length: 40 })
  event!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
