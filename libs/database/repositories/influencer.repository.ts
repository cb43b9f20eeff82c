// The influencers table: the influencers the incubator works with.

import type { DataSource, EntityManager } from 'typeorm';
import { InfluencerEntity } from '../entities/influencer.entity';

export class InfluencerRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Inserts and reads back the row (created_at and default settings are PostgreSQL's); a taken handle is a unique violation. */
  async insert(influencer: Pick<InfluencerEntity, 'id' | 'handle' | 'displayName'>): Promise<InfluencerEntity> {
    const repo = this.db.getRepository(InfluencerEntity);
    await repo.insert(repo.create(influencer));
    return repo.findOneByOrFail({ id: influencer.id });
  }

  findById(id: string): Promise<InfluencerEntity | null> {
    return this.db.getRepository(InfluencerEntity).findOneBy({ id });
  }

  exists(id: string): Promise<boolean> {
    return this.db.getRepository(InfluencerEntity).existsBy({ id });
  }

  list(): Promise<InfluencerEntity[]> {
    return this.db.getRepository(InfluencerEntity).find({ order: { createdAt: 'ASC' } });
  }
}
