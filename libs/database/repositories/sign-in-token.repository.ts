// The sign_in_tokens table: staff members' one-time sign-in tokens (hashes only). The only place its SQL lives.
import type { DataSource, EntityManager } from 'typeorm';
import { SignInTokenEntity } from '../entities/sign-in-token.entity';

export type NewSignInToken = Omit<SignInTokenEntity, 'createdAt' | 'usedAt' | 'staffMember'>;

/** What presenting a token found: used now (the staff member it signs in), or why not. */
export type SignInTokenUse = { outcome: 'used'; staffMemberId: string } | { outcome: 'expired' } | { outcome: 'used-before' } | { outcome: 'not-valid' };

export class SignInTokenRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  async insert(token: NewSignInToken): Promise<void> {
    await this.db.getRepository(SignInTokenEntity).insert(token);
  }

  /**
   * Marks the token used, once, in one statement (two tabs racing with one link: one wins). Refused when it is
   * unknown, used already, expired, or its staff member is disabled.
   */
  async use(tokenHash: string): Promise<SignInTokenUse> {
    // An UPDATE answers [rows, count] through TypeORM's query().
    const [used] = await this.db.query<[{ staff_member_id: string }[], number]>(
      `UPDATE sign_in_tokens t SET used_at = now() FROM staff_members s
       WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > now() AND s.id = t.staff_member_id AND s.disabled_at IS NULL
       RETURNING t.staff_member_id`,
      [tokenHash],
    );
    if (used.length > 0) return { outcome: 'used', staffMemberId: used[0].staff_member_id };
    const [row] = await this.db.query<{ used: boolean; expired: boolean }[]>(`SELECT used_at IS NOT NULL AS used, expires_at <= now() AS expired FROM sign_in_tokens WHERE token_hash = $1`, [tokenHash]);
    // Used before: however long ago, it says so (a second tab, a forwarded mail); a disabled member's token is just not valid.
    if (row?.used) return { outcome: 'used-before' };
    return row?.expired ? { outcome: 'expired' } : { outcome: 'not-valid' };
  }
}
