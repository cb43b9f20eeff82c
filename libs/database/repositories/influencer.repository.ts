// The influencers table: the influencers the incubator works with, and their social settings.

import type { DataSource, EntityManager } from 'typeorm';
import { InfluencerEntity } from '../entities/influencer.entity';

/** What writing an influencer's social updates needs: the handle posts sign with and the stored settings. */
export type InfluencerSocialProfile = Pick<InfluencerEntity, 'id' | 'handle' | 'socialSettings'>;

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

  /** Read for every batch of social updates the worker writes, so one plain query. */
  async findSocialProfile(influencerId: string): Promise<InfluencerSocialProfile | null> {
    const rows: InfluencerSocialProfile[] = await this.db.query('SELECT id, handle, social_settings AS "socialSettings" FROM influencers WHERE id = $1', [influencerId]);
    return rows[0] ?? null;
  }

  async saveSocialSettings(influencerId: string, settings: object): Promise<void> {
    await this.db.getRepository(InfluencerEntity).update({ id: influencerId }, { socialSettings: settings });
  }
}
