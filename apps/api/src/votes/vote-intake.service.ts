// Durable-before-acknowledge vote intake with group commit: concurrent votes are written together by one
// statement (one multi-row insert with conflict handling, the live counts, the totals and any milestone
// crossed) and one commit; each request is answered after its batch has committed.
//
// Closing a poll is race-free: every batch holds its polls' rows FOR SHARE while it inserts, and the
// tally's `UPDATE polls SET status = 'CLOSING'` waits for those batches and makes later ones find the poll
// not open. So a vote acknowledged before the close is counted and one after it is refused with 409.

import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { isDatabaseUnavailable } from '@app/database';
import { DomainError, DomainErrorCode } from '@app/domain';
import { DataSource } from 'typeorm';
import { CONFIG } from '../common/tokens';
import { GroupCommitClosedError, GroupCommitter } from './group-commit';
import { MilestoneNotifier, type ReachedMilestone } from './milestone-notifier.service';

export interface IncomingVote {
  productId: string;
  optionId: string;
  platform: string;
  platformUserId: string;
  occurredAt: string;
  sourceId: string;
  webhookId: string;
}

export type DuplicateReason = 'redelivery' | 'already-voted';

export type VoteOutcome =
  | { kind: 'counted' }
  /** reason is absent only when the lookup of the stored vote failed after the commit. */
  | { kind: 'duplicate'; reason?: DuplicateReason }
  | { kind: 'poll-not-open'; status: string | null; closesAt: string | null }
  | { kind: 'failed'; error: unknown };

interface Row {
  idx: number;
  open: boolean;
  counted: boolean;

  poll_status: string | null;
  closes_at: string | null;
  reached: ReachedMilestone[] | null;
}

const INSERT_BATCH = `
WITH input AS (
  SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::text[])
    AS t(idx, product_id, option_id, platform, platform_user_id, occurred_at, source_id, webhook_id)
), open_polls AS (
  SELECT p.product_id FROM polls p
  WHERE p.product_id = ANY($2::text[]) AND p.status = 'OPEN' AND p.closes_at > now()
  ORDER BY p.product_id
  FOR SHARE
), inserted AS (
  INSERT INTO votes (product_id, option_id, platform, platform_user_id, occurred_at, source_id, webhook_id)
  SELECT i.product_id, i.option_id, i.platform, i.platform_user_id, i.occurred_at, i.source_id, i.webhook_id
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

// Deadlocks can only come from batches of different API instances meeting on the same fans; a retry
// of the whole batch is safe because every part of the statement is idempotent per fan.
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 3;

function fanKey(v: Pick<IncomingVote, 'productId' | 'platform' | 'platformUserId'>): string {
  return `${v.productId}\u0000${v.platform}\u0000${v.platformUserId}`;
}

/** The same webhook delivery: a redelivery when it comes again. */
interface DeliveryRef {
  sourceId: string | null;
  webhookId: string | null;
}

function sameDelivery(a: DeliveryRef, b: DeliveryRef): boolean {
  return a.sourceId === b.sourceId && a.webhookId === b.webhookId;
}

@Injectable()
export class VoteIntakeService implements OnApplicationShutdown {
  private readonly logger = new Logger('VoteIntake');
  private readonly committer: GroupCommitter<IncomingVote, VoteOutcome>;

  constructor(
    private readonly db: DataSource,
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly milestones: MilestoneNotifier,
  ) {
    this.committer = new GroupCommitter({
      flush: (votes) => this.flush(votes),
      maxBatchSize: config.votes.batchMaxSize,
      concurrency: config.votes.flushConcurrency,
    });
  }

  /** Resolves once the vote is committed (or known to be a duplicate, or refused because the poll is not open). */
  async record(vote: IncomingVote): Promise<Exclude<VoteOutcome, { kind: 'failed' }>> {
    const outcome = await this.committer.submit(vote).catch((err: unknown) => {
      if (err instanceof GroupCommitClosedError) throw new DomainError(DomainErrorCode.DependencyUnavailable, err.message);
      throw err;
    });
    if (outcome.kind === 'failed') throw outcome.error;
    return outcome;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.committer.drain();
  }

  private async flush(votes: IncomingVote[]): Promise<VoteOutcome[]> {
    // The same fan twice in one batch: only the first goes to the database; the others share its fate.
    const leaders: IncomingVote[] = [];
    const leaderOf: number[] = [];
    const seen = new Map<string, number>();
    for (const vote of votes) {
      const key = fanKey(vote);
      let leader = seen.get(key);
      if (leader === undefined) {
        leader = leaders.push(vote) - 1;
        seen.set(key, leader);
      }
      leaderOf.push(leader);
    }

    let outcomes: VoteOutcome[];
    try {
      outcomes = await this.write(leaders);
    } catch (err) {
      if (isDatabaseUnavailable(err) || leaders.length === 1) throw err;
      // One bad vote must not fail its neighbours: write them one by one to find it.
      this.logger.warn({ err: (err as Error).message, batch: leaders.length }, 'vote batch failed; writing its votes one by one');
      outcomes = [];
      for (const vote of leaders) {
        try {
          outcomes.push(...(await this.write([vote])));
        } catch (single) {
          if (isDatabaseUnavailable(single)) throw single;
          outcomes.push({ kind: 'failed', error: single });
        }
      }
    }

    return votes.map((vote, i) => {
      const leader = leaders[leaderOf[i]];
      const outcome = outcomes[leaderOf[i]];
      if (leader === vote || outcome.kind === 'poll-not-open' || outcome.kind === 'failed') return outcome;
      return { kind: 'duplicate', reason: sameDelivery(leader, vote) ? 'redelivery' : 'already-voted' };
    });
  }

  private async write(votes: IncomingVote[]): Promise<VoteOutcome[]> {
    const params = [
      votes.map((_, i) => i),
      votes.map((v) => v.productId),
      votes.map((v) => v.optionId),
      votes.map((v) => v.platform),
      votes.map((v) => v.platformUserId),
      votes.map((v) => v.occurredAt),
      votes.map((v) => v.sourceId),
      votes.map((v) => v.webhookId),
      this.config.votes.milestones,
    ];
    let rows: Row[] = [];
    for (let attempt = 1; ; attempt++) {
      try {
        rows = await this.db.query(INSERT_BATCH, params);
        break;
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (!code || !RETRYABLE.has(code) || attempt >= MAX_ATTEMPTS) throw err;
      }
    }
    const reached = rows[0]?.reached;
    if (reached?.length) this.milestones.announce(reached);
    const outcomes: VoteOutcome[] = rows.map((row) => {
      if (!row.open) return { kind: 'poll-not-open', status: row.poll_status, closesAt: row.closes_at };
      return row.counted ? { kind: 'counted' } : { kind: 'duplicate' };
    });
    const duplicates = rows.filter((row) => row.open && !row.counted).map((row) => row.idx);
    if (duplicates.length > 0) {
      const reasons = await this.duplicateReasons(duplicates.map((i) => votes[i])).catch((err: Error) => {
        this.logger.warn({ err: err.message }, 'could not tell redeliveries from repeat voters; duplicates answered without a reason');
        return null;
      });
      if (reasons) duplicates.forEach((idx, k) => (outcomes[idx] = { kind: 'duplicate', reason: reasons[k] }));
    }
    return outcomes;
  }

  /**
   * Whether each refused vote is a redelivery of the stored one (same source and webhook-id) or a second
   * vote of the same fan. A separate, index-only lookup: inside the batch statement the planner may
   * choose to hash the whole votes table, which a viral poll cannot afford.
   */
  private async duplicateReasons(votes: IncomingVote[]): Promise<DuplicateReason[]> {
    const groups = new Map<string, IncomingVote[]>();
    for (const v of votes) {
      const key = `${v.productId}\u0000${v.platform}`;
      const group = groups.get(key);
      if (group) group.push(v);
      else groups.set(key, [v]);
    }
    const stored = new Map<string, DeliveryRef>();
    for (const [first, ...rest] of groups.values()) {
      const rows: { platform_user_id: string; source_id: string | null; webhook_id: string | null }[] = await this.db.query(
        `SELECT platform_user_id, source_id, webhook_id FROM votes WHERE product_id = $1 AND platform = $2 AND platform_user_id = ANY($3::text[])`,
        [first.productId, first.platform, [first, ...rest].map((v) => v.platformUserId)],
      );
      for (const r of rows) stored.set(fanKey({ ...first, platformUserId: r.platform_user_id }), { sourceId: r.source_id, webhookId: r.webhook_id });
    }
    return votes.map((v) => {
      const prior = stored.get(fanKey(v));
      return prior && sameDelivery(prior, v) ? 'redelivery' : 'already-voted';
    });
  }
}
