// Live vote counts of polls (kept by vote intake): the only place their SQL lives.
import type { DataSource, EntityManager } from 'typeorm';
import type { PollVoteCountEntity } from '../entities/poll-vote-count.entity';

export type LiveOptionCount = Pick<PollVoteCountEntity, 'optionId' | 'votes'>;

export class PollVoteCountRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** A product's live counts, one row per option that has votes (options without a vote have no row). */
  async liveCounts(productId: string): Promise<LiveOptionCount[]> {
    return this.db.query('SELECT option_id AS "optionId", votes FROM poll_vote_counts WHERE product_id = $1', [productId]);
  }
}
