// The magic_links table: influencers' magic links (hashes only), listed for staff, revoked with the sessions
// they opened. The only place its SQL lives.
import type { DataSource, EntityManager } from 'typeorm';
import { MagicLinkEntity } from '../entities/magic-link.entity';
import { SessionEntity } from '../entities/session.entity';

export type NewMagicLink = Omit<MagicLinkEntity, 'createdAt' | 'revokedAt' | 'influencer'>;

export class MagicLinkRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Inserts it and answers the row; a link written before under the same token hash (a retried send) is kept as it was. */
  async insertOrKeep(link: NewMagicLink): Promise<MagicLinkEntity> {
    const repo = this.db.getRepository(MagicLinkEntity);
    await repo.createQueryBuilder().insert().values(link).orIgnore().execute();
    return repo.findOneByOrFail({ tokenHash: link.tokenHash });
  }

  findByTokenHash(tokenHash: string): Promise<MagicLinkEntity | null> {
    return this.db.getRepository(MagicLinkEntity).findOneBy({ tokenHash });
  }

  listForInfluencer(influencerId: string): Promise<MagicLinkEntity[]> {
    return this.db.getRepository(MagicLinkEntity).find({ where: { influencerId }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  /** Revokes the link (once: the first revocation's time is kept) and ends every session opened with it; null when the influencer has no such link. */
  async revoke(influencerId: string, linkId: string): Promise<MagicLinkEntity | null> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(MagicLinkEntity);
      const link = await repo.findOne({ where: { id: linkId, influencerId }, lock: { mode: 'pessimistic_write' } });
      if (!link) return null;
      if (!link.revokedAt) {
        link.revokedAt = new Date();
        await repo.update({ id: linkId }, { revokedAt: link.revokedAt });
      }
      await tx.getRepository(SessionEntity).createQueryBuilder().update().set({ endedAt: () => 'now()' }).where('magic_link_id = :linkId AND ended_at IS NULL', { linkId }).execute();
      return link;
    });
  }
}
