// The timeline_events table: every stage change and action of a product, in order (written with the
// rest of the read model by ProductRepository.recordEvents).

import { MoreThan, type DataSource, type EntityManager } from 'typeorm';
import type { Stage } from '../../domain';
import { TimelineEventEntity } from '../entities/timeline-event.entity';

/** When a product entered a stage: a STAGE_CHANGED event's target and time. */
export type StageChange = { to: Stage; at: TimelineEventEntity['occurredAt'] };

export class TimelineEventRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** The product's events after `afterSeq`, in order; at most `limit` of them when it is given. */
  listAfter(productId: string, afterSeq: number, limit?: number): Promise<TimelineEventEntity[]> {
    return this.db.getRepository(TimelineEventEntity).find({ where: { productId, seq: MoreThan(afterSeq) }, order: { seq: 'ASC' }, take: limit });
  }

  /** The product's stage changes in order. */
  async stageChanges(productId: string): Promise<StageChange[]> {
    return this.db.query(
      `SELECT data->>'to' AS "to", occurred_at AS at FROM timeline_events WHERE product_id = $1 AND type = 'STAGE_CHANGED' ORDER BY seq`,
      [productId],
    );
  }

  /** The product's design approval (its seq and the approved round); null before it. A product approves one design. */
  async designApproval(productId: string): Promise<{ seq: number; round: number } | null> {
    const rows = await this.db.query<{ seq: number; round: number | null }[]>(
      `SELECT seq, (data->>'round')::int AS round FROM timeline_events WHERE product_id = $1 AND type = 'DESIGN_APPROVED' ORDER BY seq LIMIT 1`,
      [productId],
    );
    const row = rows[0];
    return row && row.round !== null ? { seq: row.seq, round: row.round } : null;
  }
}
