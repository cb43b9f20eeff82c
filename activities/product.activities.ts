// Side effects of the product workflow: the PostgreSQL read model (products, polls, timeline) and the
// poll tally. Built by a factory so the worker wires the DataSource once and tests can call them directly.

import { productWorkflowId, type OptionCount, type ProductActivities, type RecordEventsInput, type TallyInput } from '@app/domain';
import type { DataSource } from 'typeorm';

export interface ProductActivityDeps {
  dataSource: DataSource;
}

export function createProductActivities({ dataSource }: ProductActivityDeps): ProductActivities {
  return {
    async recordEvents({ productId, events, snapshot }: RecordEventsInput): Promise<void> {
      // One statement, so one round trip and one atomic commit: the product row (which also heals a row
      // lost between the API's insert and the workflow start), the poll and the timeline entries.
      // `seq` only moves forward, so an old retried batch cannot overwrite a newer state.
      const poll = snapshot.poll;
      await dataSource.query(
        `WITH product AS (
           INSERT INTO products (id, influencer_id, name, target_keyword, stage, pending_action, snapshot, seq, workflow_id, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $18)
           ON CONFLICT (id) DO UPDATE SET stage = EXCLUDED.stage, pending_action = EXCLUDED.pending_action,
             snapshot = EXCLUDED.snapshot, seq = EXCLUDED.seq, updated_at = EXCLUDED.updated_at
           WHERE products.seq < EXCLUDED.seq
           RETURNING 1
         ), poll AS (
           INSERT INTO polls (product_id, question, options, closes_at, min_votes, status, result, seq)
           VALUES ($1, $11, $12, $13, $14, $15, $16, $8)
           ON CONFLICT (product_id) DO UPDATE SET closes_at = EXCLUDED.closes_at, status = EXCLUDED.status,
             result = EXCLUDED.result, seq = EXCLUDED.seq
           WHERE polls.seq < EXCLUDED.seq
           RETURNING 1
         )
         INSERT INTO timeline_events (product_id, seq, type, stage, actor, data, occurred_at)
         SELECT $1, e.seq, e.type, e.stage, e.actor, e.data, e.at
         FROM jsonb_to_recordset($17::jsonb) AS e(seq int, type text, stage text, actor jsonb, data jsonb, at timestamptz)
         ON CONFLICT (product_id, seq) DO NOTHING`,
        [
          productId,
          snapshot.influencerId,
          snapshot.name,
          snapshot.targetKeyword,
          snapshot.stage,
          JSON.stringify(snapshot.pendingAction),
          JSON.stringify(snapshot),
          snapshot.seq,
          productWorkflowId(productId),
          snapshot.createdAt,
          poll.question,
          JSON.stringify(poll.options),
          poll.closesAt,
          poll.minVotes,
          poll.status,
          poll.result ? JSON.stringify(poll.result) : null,
          JSON.stringify(events),
          snapshot.updatedAt,
        ],
      );
    },

    async tallyPoll({ productId, closeIntakeAtSeq }: TallyInput): Promise<OptionCount[]> {
      return dataSource.transaction(async (tx) => {
        // Closing intake first: this UPDATE waits for every vote batch that holds the poll row FOR SHARE
        // (those votes commit first and are counted below); batches after it find the poll not OPEN.
        // Its seq keeps a read-model write still in flight from an earlier event from reopening intake.
        if (closeIntakeAtSeq !== undefined) {
          await tx.query(
            `UPDATE polls SET status = 'CLOSING', seq = GREATEST(seq, $2) WHERE product_id = $1 AND status = 'OPEN'`,
            [productId, closeIntakeAtSeq],
          );
        }
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
    },
  };
}
