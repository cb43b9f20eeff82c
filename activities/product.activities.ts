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
      await dataSource.transaction(async (tx) => {
        // The product row exists from creation; the upsert also heals a row lost between the API's
        // insert and the workflow start. `seq` only moves forward, so an old retried batch cannot win.
        await tx.query(
          `INSERT INTO products (id, influencer_id, name, target_keyword, stage, pending_action, snapshot, seq, workflow_id, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())
           ON CONFLICT (id) DO UPDATE SET stage = EXCLUDED.stage, pending_action = EXCLUDED.pending_action,
             snapshot = EXCLUDED.snapshot, seq = EXCLUDED.seq, updated_at = now()
           WHERE products.seq < EXCLUDED.seq`,
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
          ],
        );
        const poll = snapshot.poll;
        await tx.query(
          `INSERT INTO polls (product_id, question, options, closes_at, min_votes, status, result, seq)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (product_id) DO UPDATE SET closes_at = EXCLUDED.closes_at, status = EXCLUDED.status,
             result = EXCLUDED.result, seq = EXCLUDED.seq
           WHERE polls.seq < EXCLUDED.seq`,
          [productId, poll.question, JSON.stringify(poll.options), poll.closesAt, poll.minVotes, poll.status, poll.result ? JSON.stringify(poll.result) : null, snapshot.seq],
        );
        if (events.length > 0) {
          const values: unknown[] = [];
          const rows = events.map((e, i) => {
            values.push(productId, e.seq, e.type, e.stage, JSON.stringify(e.actor), JSON.stringify(e.data), e.at);
            const b = i * 7;
            return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7})`;
          });
          await tx.query(
            `INSERT INTO timeline_events (product_id, seq, type, stage, actor, data, occurred_at) VALUES ${rows.join(', ')}
             ON CONFLICT (product_id, seq) DO NOTHING`,
            values,
          );
        }
      });
    },

    async tallyPoll({ productId }: TallyInput): Promise<OptionCount[]> {
      // One row per fan and poll (unique constraint), so count(*) is the number of distinct fans.
      const rows: { option_id: string; votes: number; last_vote_at: Date }[] = await dataSource.query(
        `SELECT option_id, count(*)::int AS votes, max(received_at) AS last_vote_at
         FROM votes WHERE product_id = $1 GROUP BY option_id`,
        [productId],
      );
      return rows.map((r) => ({ optionId: r.option_id, votes: r.votes, lastVoteAt: new Date(r.last_vote_at).toISOString() }));
    },
  };
}
