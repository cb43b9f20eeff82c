// A browser session (the `ie_session` cookie): a staff member's, opened with a sign-in link, or an
// influencer's, opened with one of her magic links. Only the SHA-256 of the cookie's token is stored; it ends
// when it expires, when she signs out, when her magic link is revoked, or (staff) while she is disabled.
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { InfluencerEntity } from './influencer.entity';
import { MagicLinkEntity } from './magic-link.entity';
import { StaffMemberEntity } from './staff-member.entity';

export type SessionRole = 'staff' | 'influencer';

@Entity({ name: 'sessions' })
@Check('sessions_role_check', `"role" IN ('staff', 'influencer')`)
@Check('sessions_staff_check', `("role" = 'staff') = ("staff_member_id" IS NOT NULL)`)
@Check('sessions_influencer_check', `("role" = 'influencer') = ("influencer_id" IS NOT NULL AND "magic_link_id" IS NOT NULL)`)
export class SessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  /** SHA-256 of the cookie's token, hex. */
  @Index('sessions_token_hash_key', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: SessionRole;

  @Index('sessions_staff_member_idx')
  @Column({ name: 'staff_member_id', type: 'varchar', length: 32, nullable: true })
  staffMemberId!: string | null;

  @ManyToOne(() => StaffMemberEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_member_id', foreignKeyConstraintName: 'FK_sessions_staff_member' })
  staffMember?: StaffMemberEntity;

  @Column({ name: 'influencer_id', type: 'varchar', length: 32, nullable: true })
  influencerId!: string | null;

  @ManyToOne(() => InfluencerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'influencer_id', foreignKeyConstraintName: 'FK_sessions_influencer' })
  influencer?: InfluencerEntity;

  /** The magic link an influencer's session was opened with: revoking it ends the session. */
  @Index('sessions_magic_link_idx')
  @Column({ name: 'magic_link_id', type: 'varchar', length: 32, nullable: true })
  magicLinkId!: string | null;

  @ManyToOne(() => MagicLinkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'magic_link_id', foreignKeyConstraintName: 'FK_sessions_magic_link' })
  magicLink?: MagicLinkEntity;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  /** Signed out, or ended by the revocation of its magic link. */
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
