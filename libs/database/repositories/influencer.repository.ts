// Influencers: the only place their SQL lives.
import type { DataSource, EntityManager } from 'typeorm';
import { InfluencerEntity } from '../entities/influencer.entity';

/** What writing an influencer's social updates needs: the handle posts sign with and the stored settings. */
export type InfluencerSocialProfile = Pick<InfluencerEntity, 'id' | 'handle' | 'socialSettings'>;

export class InfluencerRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Read for every batch of social updates the worker writes, so one plain query. */
  async findSocialProfile(influencerId: string): Promise<InfluencerSocialProfile | null> {
    const rows: InfluencerSocialProfile[] = await this.db.query('SELECT id, handle, social_settings AS "socialSettings" FROM influencers WHERE id = $1', [influencerId]);
    return rows[0] ?? null;
  }

  async saveSocialSettings(influencerId: string, settings: object): Promise<void> {
    await this.db.getRepository(InfluencerEntity).update({ id: influencerId }, { socialSettings: settings });
  }
}
