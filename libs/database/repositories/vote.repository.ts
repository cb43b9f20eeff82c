// The votes table and what the vote batch writes with it: one statement inserts a batch of votes (one per
// fan and poll), bumps the live counts and totals and records any milestone crossed (poll_vote_counts,
// _totals, _milestones), in one commit. The tally counts the votes themselves. Hot paths: raw SQL.

import type { DataSource, EntityManager } from 'typeorm';
import { retryOnConflict } from '../errors';
import { queryPrepared } from '../prepared';
import type { OptionCount } from '../../domain';
import type { VoteEntity } from '../entities/vote.entity';
import { PollRepository } from './poll.repository';
import type { ReachedMilestone } from './poll-vote-count.repository';

/** A vote as a webhook delivered it, its user id normalised (libs/domain fan-identity) and as sent; occurredAt is ISO-8601. */
export type NewVote = Pick<VoteEntity, 'productId' | 'optionId' | 'platform' | 'platformUserId' | 'platformUserIdRaw' | 'sourceId' | 'webhookId'> & {
  occurredAt: string;
  /** The tracked link's code the fan came through, as the connector sent it; kept only if it is one of the product's links. */
  attributionCode?: string | null;
};

/** The webhook delivery a stored vote came in: a second delivery with the same pair is a redelivery. */
export type StoredDelivery = Pick<VoteEntity, 'platformUserId' | 'sourceId' | 'webhookId'>;

/** What the batch statement says about each vote, in the order given. */
export interface VoteWrite {
  /** The poll was open (and its row held) when the batch inserted. */
  open: boolean;
  /** Stored now; false for an open poll means the fan had voted already. */
  counted: boolean;
  /** Only for votes refused because the poll is not open: its status and closing time, if it exists. */
  pollStatus: string | null;
  closesAt: string | null;
}

export interface VoteBatchResult {
  votes: VoteWrite[];
  /** Milestones this batch's totals crossed (recorded, not yet notified). */
  reached: ReachedMilestone[];
}

interface BatchRow {
  idx: number;
  open: boolean;
  counted: boolean;
  poll_status: string | null;
  closes_at: string | null;
  reached: ReachedMilestone[] | null;
}

// Closing a poll is race-free: every batch holds its polls' rows FOR SHARE while it inserts, and the
// tally's closeIntake UPDATE waits for those batches and makes later ones find the poll not open.
const INSERT_BATCH = `
WITH input AS (
  SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::text[], $10::text[], $11::text[])
    AS t(idx, product_id, option_id, platform, platform_user_id, occurred_at, source_id, webhook_id, platform_user_id_raw, attribution_code)
), open_polls AS (
  SELECT p.product_id FROM polls p
  WHERE p.product_id = ANY($2::text[]) AND p.status = 'OPEN' AND p.closes_at > now()
  ORDER BY p.product_id
  FOR SHARE
), inserted AS (
  INSERT INTO votes (product_id, option_id, platform, platform_user_id, platform_user_id_raw, occurred_at, source_id, webhook_id, attribution_code)
  SELECT i.product_id, i.option_id, i.platform, i.platform_user_id, i.platform_user_id_raw, i.occurred_at, i.source_id, i.webhook_id,
         -- A stale or foreign code must not lose the vote: it is kept unattributed (a primary-key probe, only when a code came).
         CASE WHEN i.attribution_code IS NOT NULL THEN (SELECT l.code FROM tracked_links l WHERE l.code = i.attribution_code AND l.product_id = i.product_id) END
  FROM input i JOIN open_polls o ON o.product_id = i.product_id
  ON CONFLICT (product_id, platform, platform_user_id) DO NOTHING
  RETURNING product_id, option_id, platform, platform_user_id
), option_counts AS (
  INSERT INTO poll_vote_counts AS c (product_id, option_id, votes)
  SELECT product_id, option_id, count(*) FROM inserted GROUP BY product_id, option_id ORDER BY product_id, option_id
  ON CONFLICT (product_id, option_id) DO UPDATE SET votes = c.votes + EXCLUDED.votes
), added AS (
  SELECT product_id, count(*)::int AS n FROM inserted GROUP BY product_id
), totals AS (
  INSERT INTO poll_vote_totals AS t (product_id, votes)
  SELECT product_id, n FROM added ORDER BY product_id
  ON CONFLICT (product_id) DO UPDATE SET votes = t.votes + EXCLUDED.votes
  RETURNING product_id, votes
), reached AS (
  INSERT INTO poll_vote_milestones (product_id, milestone, total_votes)
  SELECT t.product_id, m.milestone, t.votes
  FROM totals t JOIN added a ON a.product_id = t.product_id CROSS JOIN unnest($9::int[]) AS m(milestone)
  WHERE m.milestone > t.votes - a.n AND m.milestone <= t.votes
  ON CONFLICT (product_id, milestone) DO NOTHING
  RETURNING product_id, milestone, total_votes
)
SELECT i.idx,
       o.product_id IS NOT NULL AS open,
       ins.product_id IS NOT NULL AS counted,
       -- Per-row index probes, and only for refused votes: never a scan of polls.
       CASE WHEN o.product_id IS NULL THEN (SELECT p.status FROM polls p WHERE p.product_id = i.product_id) END AS poll_status,
       CASE WHEN o.product_id IS NULL THEN (
         SELECT to_char(p.closes_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') FROM polls p WHERE p.product_id = i.product_id) END AS closes_at,
       CASE WHEN i.idx = 0 THEN (SELECT json_agg(json_build_object('productId', r.product_id, 'milestone', r.milestone, 'totalVotes', r.total_votes)) FROM reached r) END AS reached
FROM input i
LEFT JOIN open_polls o ON o.product_id = i.product_id
LEFT JOIN inserted ins ON ins.product_id = i.product_id AND ins.platform = i.platform AND ins.platform_user_id = i.platform_user_id
ORDER BY i.idx`;

export class VoteRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Writes a batch (at most one vote per fan) with its counters, in one statement and one commit. */
  async insertBatch(votes: NewVote[], milestones: number[]): Promise<VoteBatchResult> {
    const params = [
      votes.map((_, i) => i),
      votes.map((v) => v.productId),
      votes.map((v) => v.optionId),
      votes.map((v) => v.platform),
      votes.map((v) => v.platformUserId),
      votes.map((v) => v.occurredAt),
      votes.map((v) => v.sourceId),
      votes.map((v) => v.webhookId),
      milestones,
      votes.map((v) => v.platformUserIdRaw),
      votes.map((v) => v.attributionCode ?? null),
    ];
    // Deadlocks can only come from batches of different API instances meeting on the same fans; a retry
    // of the whole batch is safe because every part of the statement is idempotent per fan.
    const rows: BatchRow[] = await retryOnConflict(() => queryPrepared<BatchRow>(this.db, { name: 'vote-batch', text: INSERT_BATCH }, params));
    return {
      votes: rows.map((r) => ({ open: r.open, counted: r.counted, pollStatus: r.poll_status, closesAt: r.closes_at })),
      reached: rows[0]?.reached ?? [],
    };
  }

  /**
   * The stored votes of these fans on one platform: which delivery each came in. An index-only lookup of
   * its own: inside the batch statement the planner may choose to hash the whole votes table, which a
   * viral poll cannot afford.
   */
  async storedDeliveries(productId: string, platform: string, platformUserIds: string[]): Promise<StoredDelivery[]> {
    // Not prepared: a prepared statement keeps a generic plan made on the statistics of its first runs, and
    // those may be of a table holding a few dozen votes (a fresh poll, before autovacuum analyses it again);
    // that plan reads the whole votes table on every batch (test/database/prepared-plans.test.ts). Planned on
    // each batch that holds a redelivery, the look-up scales its estimates with the table's real size.
    const rows: { platform_user_id: string; source_id: string | null; webhook_id: string | null }[] = await this.db.query(
      `SELECT platform_user_id, source_id, webhook_id FROM votes WHERE product_id = $1 AND platform = $2 AND platform_user_id = ANY($3::text[])`,
      [productId, platform, platformUserIds],
    );
    return rows.map((r) => ({ platformUserId: r.platform_user_id, sourceId: r.source_id, webhookId: r.webhook_id }));
  }

  /**
   * Counts distinct fans per option, after closing intake first when asked (PollRepository.closeIntake),
   * in one transaction: every vote acknowledged before the close is counted, none after it is accepted.
   */
  tally(productId: string, closeIntakeAtSeq?: number): Promise<OptionCount[]> {
    return this.db.transaction(async (tx) => {
      if (closeIntakeAtSeq !== undefined) await new PollRepository(tx).closeIntake(productId, closeIntakeAtSeq);
      // One row per fan and poll (unique constraint), so count(*) is the number of distinct fans. The
      // last vote's time keeps its microseconds: ties are broken by who reached the count first.
      const rows: { option_id: string; votes: number; last_vote_at: string }[] = await tx.query(
        `SELECT option_id, count(*)::int AS votes,
                to_char(max(received_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS last_vote_at
         FROM votes WHERE product_id = $1 GROUP BY option_id`,
        [productId],
      );
      return rows.map((r) => ({ optionId: r.option_id, votes: r.votes, lastVoteAt: r.last_vote_at }));
    });
  }
}
