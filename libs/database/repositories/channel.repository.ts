// Channels of influencers (where their social updates go): the only place their SQL lives, for the
// API's channel management and the worker's choice of delivery targets.
import type { DataSource, EntityManager } from 'typeorm';
import { ChannelEntity } from '../entities/channel.entity';

/** What deciding an update's deliveries needs to know about a channel. */
export type ChannelTarget = Pick<ChannelEntity, 'id' | 'kind' | 'platform'>;

/** A channel as staff create it (the database sets created_at). */
export type NewChannel = Omit<ChannelEntity, 'influencer' | 'createdAt'>;

export class ChannelRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  async listForInfluencer(influencerId: string): Promise<ChannelEntity[]> {
    return this.db.getRepository(ChannelEntity).find({ where: { influencerId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async findOfInfluencer(channelId: string, influencerId: string): Promise<ChannelEntity | null> {
    return this.db.getRepository(ChannelEntity).findOneBy({ id: channelId, influencerId });
  }

  /** Inserts the channel and returns it as built (created_at is the database's). */
  async insert(channel: NewChannel): Promise<ChannelEntity> {
    const repo = this.db.getRepository(ChannelEntity);
    const entity = repo.create(channel);
    await repo.insert(entity);
    return entity;
  }

  /**
   * Changes the channel under a row lock and saves it, so two concurrent changes (two rotations) apply one
   * after the other; null when the influencer has no such channel. `change` may throw to refuse.
   */
  async changeLocked(channelId: string, influencerId: string, change: (channel: ChannelEntity) => void): Promise<ChannelEntity | null> {
    const run = async (tx: EntityManager) => {
      const repo = tx.getRepository(ChannelEntity);
      const current = await repo.findOne({ where: { id: channelId, influencerId }, lock: { mode: 'pessimistic_write' } });
      if (!current) return null;
      change(current);
      return repo.save(current);
    };
    return this.db.transaction(run);
  }

  async disable(channelId: string, at: Date): Promise<void> {
    await this.db.getRepository(ChannelEntity).update({ id: channelId }, { disabledAt: at });
  }
}
