// One social update sent to one channel: the exact body every attempt sends (so a retry is byte for byte
// the same message under the same webhook-id), and what happened: pending, delivered, failed, or cancelled
// (its product was cancelled before it went out: withdrawn, never sent again). A sponsored post's deliveries
// are held (not sent, no workflow attempts them) until its paid-post order reference is recorded, then
// pending; blocked when the platform refused the paid order (not sent unless a new reference is recorded).
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { ChannelEntity } from './channel.entity';
import { SocialUpdateEntity } from './social-update.entity';

export const DELIVERY_STATUSES = ['pending', 'held', 'blocked', 'delivered', 'failed', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

@Entity({ name: 'deliveries' })
@Unique('deliveries_one_per_channel', ['updateId', 'channelId'])
@Check('deliveries_status_check', `"status" IN ('pending', 'held', 'blocked', 'delivered', 'failed', 'cancelled')`)
export class DeliveryEntity {
  /** Also the `webhook-id` receivers deduplicate on. */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  @Column({ name: 'update_id', type: 'varchar', length: 32 })
  updateId!: string;

  @ManyToOne(() => SocialUpdateEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'update_id' })
  update?: SocialUpdateEntity;

  @Column({ name: 'channel_id', type: 'varchar', length: 32 })
  channelId!: string;

  @ManyToOne(() => ChannelEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_id' })
  channel?: ChannelEntity;

  @Index('deliveries_product_idx')
  @Column({ name: 'product_id', type: 'varchar', length: 32 })
  productId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: DeliveryStatus;

  @Column({ type: 'text' })
  payload!: string;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus!: number | null;

  @Column({ name: 'response_body', type: 'text', nullable: true })
  responseBody!: string | null;

  /** Re-sends staff asked for after a failure. */
  @Column({ type: 'integer', default: 0 })
  resends!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  failedAt!: Date | null;

  /** When its product's cancellation withdrew it. */
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  /** A sponsored update's delivery: the platform of the paid post whose order releases it ('*': its update's one post, from before per-platform posts). */
  @Column({ name: 'sponsored_platform', type: 'varchar', length: 32, nullable: true })
  sponsoredPlatform!: string | null;
}
