// A one-time sign-in link for a staff member (mailed, or printed by `npm run sign-in-link`): only the SHA-256
// of its token is stored; it is used at most once, before it expires.
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StaffMemberEntity } from './staff-member.entity';

@Entity({ name: 'sign_in_tokens' })
export class SignInTokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  @Index('sign_in_tokens_staff_member_idx')
  @Column({ name: 'staff_member_id', type: 'varchar', length: 32 })
  staffMemberId!: string;

  @ManyToOne(() => StaffMemberEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_member_id', foreignKeyConstraintName: 'FK_sign_in_tokens_staff_member' })
  staffMember?: StaffMemberEntity;

  /** SHA-256 of the token, hex. */
  @Index('sign_in_tokens_token_hash_key', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  /** When it was exchanged for a session: it is not accepted again. */
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
