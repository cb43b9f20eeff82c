// A registered sender of fan votes (a platform or poll connector). Its signing secret is stored sealed
// (AES-256-GCM, libs/webhooks SecretBox); during a rotation's grace period the previous one is kept too.
import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'webhook_sources' })
@Check('webhook_sources_rate_limit_check', `"rate_limit_per_second" > 0`)
export class WebhookSourceEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** The platform whose fans this source reports (votes must name the same platform). */
  @Column({ type: 'varchar', length: 32 })
  platform!: string;

  @Column({ name: 'secret_sealed', type: 'text' })
  secretSealed!: string;

  @Column({ name: 'previous_secret_sealed', type: 'text', nullable: true })
  previousSecretSealed!: string | null;

  @Column({ name: 'previous_secret_expires_at', type: 'timestamptz', nullable: true })
  previousSecretExpiresAt!: Date | null;

  @Column({ name: 'rate_limit_per_second', type: 'integer' })
  rateLimitPerSecond!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'rotated_at', type: 'timestamptz', nullable: true })
  rotatedAt!: Date | null;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;
}
