// An influencer whose audience the incubator turns into a brand; owns products and influencer API keys; and
// how the engine reaches her when something waits for her (contact details: email or a signed webhook, the
// language and time zone of her messages; the webhook's signing secret sealed with the SecretBox).
import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ContactChannel, ContactLanguage, NotificationMode } from '../../domain';

@Entity({ name: 'influencers' })
@Check('influencers_notification_mode_check', `"notification_mode" IN ('each', 'daily_digest', 'none')`)
@Check('influencers_contact_channel_check', `"preferred_channel" IN ('email', 'webhook')`)
@Check('influencers_contact_language_check', `"language" IN ('en', 'zh-CN')`)
@Check('influencers_contact_webhook_secret_check', `("webhook_url" IS NULL) = ("webhook_secret_sealed" IS NULL)`)
@Check('influencers_contact_webhook_channel_check', `"preferred_channel" <> 'webhook' OR "webhook_url" IS NOT NULL`)
export class InfluencerEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  handle!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName!: string;

  /** Language, tone, hashtags, templates… (libs/social SocialSettings); {} means the defaults. */
  @Column({ name: 'social_settings', type: 'jsonb', default: {} })
  socialSettings!: object;

  /** Normalised (libs/domain normaliseEmail); not unique: a manager may answer for several influencers. Null: none yet. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  /** email with no email address yet: nothing can be sent to her until one is set. */
  @Column({ name: 'preferred_channel', type: 'varchar', length: 16, default: 'email' })
  preferredChannel!: ContactChannel;

  /** Where her webhook messages go (checked by the outbound guard when stored and at every delivery). Not her social channels. */
  @Column({ name: 'webhook_url', type: 'text', nullable: true })
  webhookUrl!: string | null;

  @Column({ name: 'webhook_secret_sealed', type: 'text', nullable: true })
  webhookSecretSealed!: string | null;

  /** The language of messages to her (her posts' language is in socialSettings). */
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
}
