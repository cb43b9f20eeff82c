// The sessions table: browser sessions (hashes of their cookies' tokens), found with the person they belong
// to in one query, ended on sign-out. The only place its SQL lives.
import type { DataSource, EntityManager } from 'typeorm';
import { SessionEntity } from '../entities/session.entity';

export type NewSession = Omit<SessionEntity, 'createdAt' | 'endedAt' | 'staffMember' | 'influencer' | 'magicLink'>;

export class SessionRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  async insert(session: NewSession): Promise<SessionEntity> {
    const repo = this.db.getRepository(SessionEntity);
    const entity = repo.create(session);
    await repo.insert(entity);
    return entity;
  }

  /** The session with this token hash, with its staff member, or its influencer and magic link (one query); the caller judges it. */
  findByTokenHash(tokenHash: string): Promise<SessionEntity | null> {
    return this.db
      .getRepository(SessionEntity)
      .createQueryBuilder('session')
      .leftJoinAndSelect('session.staffMember', 'member')
      .leftJoinAndSelect('session.influencer', 'influencer')
      .leftJoinAndSelect('session.magicLink', 'link')
      .where('session.token_hash = :tokenHash', { tokenHash })
      .getOne();
  }

  async end(id: string): Promise<void> {
    await this.db.getRepository(SessionEntity).createQueryBuilder().update().set({ endedAt: () => 'now()' }).where('id = :id AND ended_at IS NULL', { id }).execute();
  }
}
