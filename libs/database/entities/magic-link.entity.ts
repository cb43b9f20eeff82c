// An influencer's magic link to her own page: staff issue them, notifications to her carry one. Only the
// SHA-256 of its token is stored; it opens sessions (scoped to her products) until it expires or is revoked.
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { InfluencerEntity } from './influencer.entity';

@Entity({ name: 'magic_links' })
export class MagicLinkEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  @Index('magic_links_influencer_idx')
  @Column({ name: 'influencer_id', type: 'varchar', length: 32 })
  influencerId!: string;

  @ManyToOne(() => InfluencerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'influencer_id', foreignKeyConstraintName: 'FK_magic_links_influencer' })
  influencer?: InfluencerEntity;

  /** SHA-256 of the token, hex. */
  @Index('magic_links_token_hash_key', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  /** Who issued it: `staff:<key or session id>` or `notification:<id>`. */
  @Column({ name: 'issued_by', type: 'varchar', length: 64 })
  issuedBy!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
