// A member of the incubator's staff as a person: how the engine reaches her (email, or a signed webhook she
// prefers), the language and time zone her messages use. Staff API keys may belong to one, so actions can be
// attributed to a person; sign-in builds on her email. The webhook's signing secret is sealed (SecretBox).
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ContactChannel, ContactLanguage, NotificationMode } from '../../domain';

@Entity({ name: 'staff_members' })
@Check('staff_members_notification_mode_check', `"notification_mode" IN ('each', 'daily_digest', 'none')`)
@Check('staff_members_channel_check', `"preferred_channel" IN ('email', 'webhook')`)
@Check('staff_members_language_check', `"language" IN ('en', 'zh-CN')`)
@Check('staff_members_webhook_secret_check', `("webhook_url" IS NULL) = ("webhook_secret_sealed" IS NULL)`)
@Check('staff_members_webhook_channel_check', `"preferred_channel" <> 'webhook' OR "webhook_url" IS NOT NULL`)
// Unique case-insensitively whoever writes the row (the API stores it lower-cased already); an expression
// index, which TypeORM cannot describe, so the migration owns it and the schema diff leaves it alone.
@Index('staff_members_email_key', { synchronize: false })
export class StaffMemberEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** Normalised (trimmed, NFC, lower case): libs/domain normaliseEmail. */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ name: 'preferred_channel', type: 'varchar', length: 16, default: 'email' })
  preferredChannel!: ContactChannel;

  /** Where webhook messages go (checked by the outbound guard when stored and at every delivery). */
  @Column({ name: 'webhook_url', type: 'text', nullable: true })
  webhookUrl!: string | null;

  @Column({ name: 'webhook_secret_sealed', type: 'text', nullable: true })
  webhookSecretSealed!: string | null;

  @Column({ type: 'varchar', length: 8, default: 'en' })
  language!: ContactLanguage;

  /** IANA name. */
  @Column({ name: 'time_zone', type: 'varchar', length: 64, default: 'UTC' })
  timeZone!: string;

  /** Each notification as it comes, one digest a day (at NOTIFY_DIGEST_HOUR her time), or none. */
  @Column({ name: 'notification_mode', type: 'varchar', length: 16, default: 'each' })
  notificationMode!: NotificationMode;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** A disabled member's API keys are refused (not revoked: enabling her again restores them). */
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;
}
