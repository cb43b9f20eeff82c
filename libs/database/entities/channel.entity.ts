// Where an influencer's social updates go: an outbound webhook (Standard Webhooks, signed with the
// channel's own secret, stored sealed; after a rotation also with the previous one for a grace period) or
// the log channel (structured log lines staff watch).
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { InfluencerEntity } from './influencer.entity';

export type ChannelKind = 'webhook' | 'log';

@Entity({ name: 'channels' })
@Check('channels_kind_check', `"kind" IN ('webhook', 'log')`)
@Check('channels_webhook_target_check', `"kind" <> 'webhook' OR ("url" IS NOT NULL AND "secret_sealed" IS NOT NULL)`)
export class ChannelEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  @Index('channels_influencer_idx')
  @Column({ name: 'influencer_id', type: 'varchar', length: 32 })
  influencerId!: string;

  @ManyToOne(() => InfluencerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'influencer_id' })
  influencer?: InfluencerEntity;

  @Column({ type: 'varchar', length: 16 })
  kind!: ChannelKind;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** The platform the channel posts to: each delivery's text is fitted to its limits. */
  @Column({ type: 'varchar', length: 32 })
  platform!: string;

  @Column({ type: 'text', nullable: true })
  url!: string | null;

  @Column({ name: 'secret_sealed', type: 'text', nullable: true })
  secretSealed!: string | null;

  /** During a rotation's grace period deliveries are signed with this secret too, so receivers can switch. */
  @Column({ name: 'previous_secret_sealed', type: 'text', nullable: true })
  previousSecretSealed!: string | null;

  @Column({ name: 'previous_secret_expires_at', type: 'timestamptz', nullable: true })
  previousSecretExpiresAt!: Date | null;

  @Column({ name: 'rotated_at', type: 'timestamptz', nullable: true })
  rotatedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;
}
