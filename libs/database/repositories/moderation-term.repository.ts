// The moderation_terms table: the incubator's own refused terms; the only place its SQL lives.
import type { DataSource, EntityManager } from 'typeorm';
import { ModerationTermEntity } from '../entities/moderation-term.entity';

export type NewModerationTerm = Omit<ModerationTermEntity, 'createdAt'>;

export class ModerationTermRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Inserts and reads back the row; a term already there (normalised) is a unique violation. */
  async insert(term: NewModerationTerm): Promise<ModerationTermEntity> {
    const repo = this.db.getRepository(ModerationTermEntity);
    await repo.insert(repo.create(term));
    return repo.findOneByOrFail({ id: term.id });
  }

  list(): Promise<ModerationTermEntity[]> {
    return this.db.getRepository(ModerationTermEntity).find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Whether a term was removed. */
  async delete(id: string): Promise<boolean> {
    return ((await this.db.getRepository(ModerationTermEntity).delete({ id })).affected ?? 0) > 0;
  }
}
