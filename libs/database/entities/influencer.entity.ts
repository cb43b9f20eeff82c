// An influencer whose audience the incubator turns into a brand; owns products and influencer API keys.
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'influencers' })
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
