// One notification to one person (a staff member or an influencer): its words as rendered for her when it was
// written, the channel chosen then, and what happened: pending (being sent), queued (for her daily digest),
// digested (sent in a digest), outbox (kept: no SMTP server configured, or no address to send to), sent, failed.
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ContactChannel, ContactLanguage, NotificationAudience, NotificationKind } from '../../domain';
import { ProductEntity } from './product.entity';

export const NOTIFICATION_STATUSES = ['pending', 'queued', 'digested', 'outbox', 'sent', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

@Entity({ name: 'notifications' })
@Check('notifications_recipient_kind_check', `"recipient_kind" IN ('staff', 'influencer')`)
@Check('notifications_channel_check', `"channel" IN ('email', 'webhook')`)
@Check('notifications_status_check', `"status" IN ('pending', 'queued', 'digested', 'outbox', 'sent', 'failed')`)
@Index('notifications_recipient_idx', ['recipientKind', 'recipientId', 'status'])
@Index('notifications_status_idx', ['status', 'createdAt'])
export class NotificationEntity {
  /** Stable per (source, kind, recipient): also the webhook-id and the email's Message-ID. */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  @Column({ name: 'recipient_kind', type: 'varchar', length: 16 })
  recipientKind!: NotificationAudience;

  @Column({ name: 'recipient_id', type: 'varchar', length: 32 })
  recipientId!: string;

  @Column({ name: 'product_id', type: 'varchar', length: 32, nullable: true })
  productId!: string | null;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'FK_notifications_product' })
  product?: ProductEntity;

  /** What it is about: event:<seq>, delivery:<id>, digest:<local date>. */
  @Column({ type: 'varchar', length: 64 })
  source!: string;

  @Column({ type: 'varchar', length: 48 })
  kind!: NotificationKind;

  @Column({ type: 'varchar', length: 16 })
  channel!: ContactChannel;

  @Column({ type: 'varchar', length: 8 })
  language!: ContactLanguage;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  /** The webhook message, byte for byte on every attempt. */
  @Column({ type: 'text' })
  payload!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: NotificationStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  /** The digest that carried it (status digested). */
  @Column({ name: 'digest_id', type: 'varchar', length: 32, nullable: true })
  digestId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  failedAt!: Date | null;
}
