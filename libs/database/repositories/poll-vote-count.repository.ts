// The live vote counters of a poll (poll_vote_counts per option, poll_vote_totals, poll_vote_milestones),
// which vote intake keeps exact in its batch statement (VoteRepository.insertBatch), so live results and
// milestones never scan the votes table.

import type { DataSource, EntityManager } from 'typeorm';
import type { PollEntity } from '../entities/poll.entity';
import type { PollVoteCountEntity, PollVoteMilestoneEntity } from '../entities/poll-vote-count.entity';

export type ReachedMilestone = Pick<PollVoteMilestoneEntity, 'productId' | 'milestone' | 'totalVotes'>;

/** A poll as fans see it live: the poll's own fields, its total and its count per option id. */
export type LivePollRow = Pick<PollEntity, 'question' | 'options' | 'status' | 'closesAt' | 'result'> & {
  totalVotes: number;
  counts: Record<string, number>;
};

export type LiveOptionCount = Pick<PollVoteCountEntity, 'optionId' | 'votes'>;

export class PollVoteCountRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** The poll with its live counts; null when the product has no poll. */
  async livePoll(productId: string): Promise<LivePollRow | null> {
    const rows: (Pick<PollEntity, 'question' | 'options' | 'status' | 'result'> & { closes_at: Date; total: number; counts: Record<string, number> | null })[] =
      await this.db.query(
        `SELECT p.question, p.options, p.status, p.closes_at, p.result, coalesce(t.votes, 0)::int AS total,
                (SELECT json_object_agg(c.option_id, c.votes) FROM poll_vote_counts c WHERE c.product_id = p.product_id) AS counts
         FROM polls p LEFT JOIN poll_vote_totals t ON t.product_id = p.product_id
         WHERE p.product_id = $1`,
        [productId],
      );
    const row = rows[0];
    if (!row) return null;
    return {
      question: row.question,
      options: row.options,
      status: row.status,
      closesAt: new Date(row.closes_at),
      result: row.result,
      totalVotes: row.total,
      counts: row.counts ?? {},
    };
  }

  /** Milestones recorded more than `graceSeconds` ago whose workflow has not been told yet, oldest first. */
  async unnotifiedMilestones(graceSeconds: number, limit: number): Promise<ReachedMilestone[]> {
    const rows: { product_id: string; milestone: number; total_votes: number }[] = await this.db.query(
      `SELECT product_id, milestone, total_votes FROM poll_vote_milestones
       WHERE notified_at IS NULL AND reached_at < now() - make_interval(secs => $1)
       ORDER BY reached_at LIMIT $2`,
      [graceSeconds, limit],
    );
    return rows.map((r) => ({ productId: r.product_id, milestone: r.milestone, totalVotes: r.total_votes }));
  }

  async markMilestoneNotified(productId: string, milestone: number): Promise<void> {
    await this.db.query(`UPDATE poll_vote_milestones SET notified_at = now() WHERE product_id = $1 AND milestone = $2`, [productId, milestone]);
  }

  /** A product's live counts, one row per option that has votes (options without a vote have no row). */
  async liveCounts(productId: string): Promise<LiveOptionCount[]> {
    return this.db.query('SELECT option_id AS "optionId", votes FROM poll_vote_counts WHERE product_id = $1', [productId]);
  }
}
