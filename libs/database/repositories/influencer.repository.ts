// The influencers table: the influencers the incubator works with, and their social settings.

import type { DataSource, EntityManager } from 'typeorm';
import { queryDirect } from '../prepared';
import { InfluencerEntity } from '../entities/influencer.entity';

/** What writing an influencer's social updates needs: the handle posts sign with and the stored settings. */
export type InfluencerSocialProfile = Pick<InfluencerEntity, 'id' | 'handle' | 'socialSettings'>;

/** A new influencer: contact details left out take the column defaults (no email, the email channel, en, UTC). */
export type NewInfluencer = Pick<InfluencerEntity, 'id' | 'handle' | 'displayName'> &
  Partial<Pick<InfluencerEntity, 'email' | 'preferredChannel' | 'webhookUrl' | 'webhookSecretSealed' | 'language' | 'timeZone' | 'notificationMode'>>;

export class InfluencerRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /**
   * Inserts and reads back the row (created_at, default settings and contact defaults are PostgreSQL's); a
   * taken handle is a unique violation.
   */
  async insert(influencer: NewInfluencer): Promise<InfluencerEntity> {
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
    const rows = await queryDirect<InfluencerSocialProfile>(this.db, 'SELECT id, handle, social_settings AS "socialSettings" FROM influencers WHERE id = $1', [influencerId]);
    return rows[0] ?? null;
  }

  /** Changes her contact details under a row lock (see StaffMemberRepository.changeLocked); null when she does not exist. */
  async changeContactLocked(id: string, change: (influencer: InfluencerEntity) => void): Promise<InfluencerEntity | null> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(InfluencerEntity);
      const current = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) return null;
      change(current);
      await repo.update(
        { id },
        {
          email: current.email,
          preferredChannel: current.preferredChannel,
          webhookUrl: current.webhookUrl,
          webhookSecretSealed: current.webhookSecretSealed,
          language: current.language,
          timeZone: current.timeZone,
          notificationMode: current.notificationMode,
        },
      );
      return current;
    });
  }

  async saveSocialSettings(influencerId: string, settings: object): Promise<void> {
    await this.db.getRepository(InfluencerEntity).update({ id: influencerId }, { socialSettings: settings });
  }
}
