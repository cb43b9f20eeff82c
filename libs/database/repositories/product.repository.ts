// The products table (the read model of each product's workflow), and the one statement that writes the
// whole read model (product, poll, timeline) for a batch of workflow events.

import type { DataSource, EntityManager } from 'typeorm';
import { queryDirect, queryPrepared } from '../prepared';
import type { LifecycleEventType, ProductView, RecordEventsInput, Stage, VariantUnits } from '../../domain';
import { ProductEntity } from '../entities/product.entity';
import { PollEntity } from '../entities/poll.entity';
import { DemandWindowRepository } from './demand-window.repository';
import { PollRepository } from './poll.repository';
import { ProductVariantRepository } from './product-variant.repository';
import { VariantStockRepository } from './variant-stock.repository';

// Events that change what reservation intake reads from the demand window (open, closing time, decided, released).
const WINDOW_EVENTS: readonly LifecycleEventType[] = ['DEMAND_OPENED', 'DEMAND_EXTENDED', 'DEMAND_BELOW_GOAL', 'DEMAND_MET', 'DEMAND_OVERRIDDEN', 'RESERVATIONS_RELEASED', 'CANCELLED'];
// Events that change what order intake reads from the stock (produced per variant, units held for reservations).
const STOCK_EVENTS: readonly LifecycleEventType[] = ['LAUNCHED', 'BACK_IN_STOCK', 'RESERVATION_HOLD_ENDED'];

/** The read model's write of a batch: the product row, its poll and the timeline events, each only forward by seq. */
const RECORD_TIMELINE = `WITH product AS (
    INSERT INTO products (id, influencer_id, name, target_keyword, stage, pending_action, snapshot, seq, workflow_id, created_at, updated_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $18)
    ON CONFLICT (id) DO UPDATE SET stage = EXCLUDED.stage, pending_action = EXCLUDED.pending_action,
      snapshot = EXCLUDED.snapshot, seq = EXCLUDED.seq, updated_at = EXCLUDED.updated_at
    WHERE products.seq < EXCLUDED.seq
    RETURNING 1
  ), poll AS (
    INSERT INTO polls (product_id, question, options, closes_at, min_votes, status, result, seq)
    VALUES ($1, $11, $12, $13, $14, $15, $16, $8)
    ON CONFLICT (product_id) DO UPDATE SET question = EXCLUDED.question, options = EXCLUDED.options,
      closes_at = EXCLUDED.closes_at, status = EXCLUDED.status,
      result = EXCLUDED.result, seq = EXCLUDED.seq
    WHERE polls.seq < EXCLUDED.seq
    RETURNING 1
  )
  INSERT INTO timeline_events (product_id, seq, type, stage, actor, data, occurred_at)
  SELECT $1, e.seq, e.type, e.stage, e.actor, e.data, e.at
  FROM jsonb_to_recordset($17::jsonb) AS e(seq int, type text, stage text, actor jsonb, data jsonb, at timestamptz)
  ON CONFLICT (product_id, seq) DO NOTHING`;

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

  /** Read by the access guard of every product route, so by a direct statement. */
  async findRef(id: string): Promise<ProductRefRow | null> {
    const rows = await queryDirect<ProductRefRow>(this.db, 'SELECT id, influencer_id AS "influencerId", workflow_id AS "workflowId" FROM products WHERE id = $1', [id]);
    return rows[0] ?? null;
  }

  /** The product's stage alone (not its snapshot); null when there is no such product. */
  async stageOf(id: string): Promise<ProductEntity['stage'] | null> {
    return (await this.db.getRepository(ProductEntity).findOne({ where: { id }, select: { id: true, stage: true } }))?.stage ?? null;
  }

  /** The product's row; read after every action (the API answers from it), so by a direct statement. */
  async findById(id: string): Promise<ProductEntity | null> {
    const rows = await queryDirect<ProductEntity>(
      this.db,
      `SELECT id, influencer_id AS "influencerId", name, target_keyword AS "targetKeyword", stage, pending_action AS "pendingAction", snapshot, seq,
              workflow_id AS "workflowId", created_at AS "createdAt", updated_at AS "updatedAt"
       FROM products WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The product, its poll and its variants in one transaction, so none exists without the others. */
  async insertWithPoll(product: Omit<ProductEntity, 'influencer'>, poll: Omit<PollEntity, 'product'>, variants: ProductView['variants'] = []): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.getRepository(ProductEntity).insert(product);
      await new PollRepository(tx).insert(poll);
      await new ProductVariantRepository(tx).insertForProduct(product.id, variants ?? []);
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
  async recordEvents(input: RecordEventsInput, workflowId: string): Promise<void> {
    const { productId, events, snapshot } = input;
    const window = snapshot.demand && events.some((e) => WINDOW_EVENTS.includes(e.type)) ? snapshot.demand : undefined;
    const sales = snapshot.sales && events.some((e) => STOCK_EVENTS.includes(e.type)) ? snapshot.sales : undefined;
    if (!window && !sales) return this.recordTimeline(this.db, input, workflowId);
    // With the demand window or the stock: in one transaction, so intake never sees one without the other.
    await this.db.transaction(async (tx) => {
      await this.recordTimeline(tx, input, workflowId);
      if (window) {
        await new DemandWindowRepository(tx).upsert({ productId, status: window.status, closesAt: window.closesAt, minimumUnits: window.goal.minimumUnits, seq: snapshot.seq });
      }
      if (sales) {
        const stock = new VariantStockRepository(tx);
        await stock.setProduced(productId, sales.produced);
        await stock.setHeld(productId, heldUnits(snapshot));
      }
    });
  }

  private async recordTimeline(db: DataSource | EntityManager, { productId, events, snapshot }: RecordEventsInput, workflowId: string): Promise<void> {
    const poll = snapshot.poll;
    // Prepared: it reads the tables it writes only through ON CONFLICT's unique-index probes (prepared.ts), and
    // planning its three upserts cost PostgreSQL about a fifth of running it on every action.
    await queryPrepared(db, { name: 'record-timeline', text: RECORD_TIMELINE }, [
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
    ]);
  }

  /** The workflow's whole view of the product as last recorded; null when there is no such product (yet). */
  async findSnapshot(productId: string): Promise<ProductView | null> {
    // Read by the share pages (a public, cacheable route) and after launch-announcement edits: a direct statement.
    const [row] = await queryDirect<{ snapshot: ProductView | null }>(this.db, 'SELECT snapshot FROM products WHERE id = $1', [productId]);
    return row?.snapshot ?? null;
  }
}

/** Units held for reservation holders per variant: the reserved units while the hold lasts, 0 once it ended. */
function heldUnits(snapshot: ProductView): VariantUnits[] {
  const sales = snapshot.sales!;
  const holding = sales.holdUntil !== undefined && sales.holdReleasedAt === undefined;
  const reserved = new Map((snapshot.demand?.lastTally?.variants ?? []).map((v) => [v.variantId, v.units]));
  return sales.produced.map((p) => ({ variantId: p.variantId, units: holding ? (reserved.get(p.variantId) ?? 0) : 0 }));
}
