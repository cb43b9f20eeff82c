// The products table (the read model of each product's workflow), and the one statement that writes the
// whole read model (product, poll, timeline) for a batch of workflow events.

import type { DataSource, EntityManager } from 'typeorm';
import type { ProductView, RecordEventsInput, Stage } from '../../domain';
import { ProductEntity } from '../entities/product.entity';
import { PollEntity } from '../entities/poll.entity';
import { PollRepository } from './poll.repository';

/** What never changes about a product, so callers may cache it. */
export type ProductRefRow = Pick<ProductEntity, 'id' | 'influencerId' | 'workflowId'>;

export interface ProductPageQuery {
  limit: number;
  influencerId?: string;
  stage?: Stage;
  /** Only products strictly before this (created_at to the microsecond, id) position. */
  before?: { createdAt: string; id: string };
}

export interface ProductPage {
  rows: ProductEntity[];
  /** Each row's created_at with PostgreSQL's microseconds, which a JS Date would round away. */
  createdAtExact: string[];
}

export class ProductRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  findRef(id: string): Promise<ProductRefRow | null> {
    return this.db.getRepository(ProductEntity).findOne({ where: { id }, select: { id: true, influencerId: true, workflowId: true } });
  }

  findById(id: string): Promise<ProductEntity | null> {
    return this.db.getRepository(ProductEntity).findOneBy({ id });
  }

  /** The product and its poll in one transaction, so neither exists without the other. */
  async insertWithPoll(product: Omit<ProductEntity, 'influencer'>, poll: Omit<PollEntity, 'product'>): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.getRepository(ProductEntity).insert(product);
      await new PollRepository(tx).insert(poll);
    });
  }

  async delete(id: string): Promise<void> {
    await this.db.getRepository(ProductEntity).delete({ id });
  }

  /** Newest first (created_at, then id), one more row than `limit` so the caller knows a next page exists. */
  async page(query: ProductPageQuery): Promise<ProductPage> {
    const qb = this.db
      .getRepository(ProductEntity)
      .createQueryBuilder('p')
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .limit(query.limit + 1);
    if (query.influencerId) qb.andWhere('p.influencer_id = :influencerId', { influencerId: query.influencerId });
    if (query.stage) qb.andWhere('p.stage = :stage', { stage: query.stage });
    if (query.before) {
      qb.andWhere('(p.created_at, p.id) < (CAST(:createdAt AS timestamptz), :id)', { createdAt: query.before.createdAt, id: query.before.id });
    }
    qb.addSelect(`to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'cursor_ts');
    const { entities, raw } = await qb.getRawAndEntities<{ cursor_ts: string }>();
    return { rows: entities, createdAtExact: raw.map((r) => r.cursor_ts) };
  }

  /**
   * One statement, so one round trip and one atomic commit: the product row (which also heals a row lost
   * between the API's insert and the workflow start), the poll and the timeline entries. `seq` only moves
   * forward, so an old retried batch cannot overwrite a newer state.
   */
  async recordEvents({ productId, events, snapshot }: RecordEventsInput, workflowId: string): Promise<void> {
    const poll = snapshot.poll;
    await this.db.query(
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
        workflowId,
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
  }

  /** The workflow's whole view of the product as last recorded; null when there is no such product (yet). */
  async findSnapshot(productId: string): Promise<ProductView | null> {
    const row = await this.db.getRepository(ProductEntity).findOne({ where: { id: productId }, select: { id: true, snapshot: true } });
    return row?.snapshot ?? null;
  }
}
