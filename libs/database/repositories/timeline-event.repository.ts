// Products' timelines (every lifecycle event, by seq): the only place their SQL lives.
import type { DataSource, EntityManager } from 'typeorm';
import type { Stage } from '../../domain';
import type { TimelineEventEntity } from '../entities/timeline-event.entity';

/** When a product entered a stage: a STAGE_CHANGED event's target and time. */
export type StageChange = { to: Stage; at: TimelineEventEntity['occurredAt'] };

export class TimelineEventRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** The product's stage changes in order. */
  async stageChanges(productId: string): Promise<StageChange[]> {
    return this.db.query(
      `SELECT data->>'to' AS "to", occurred_at AS at FROM timeline_events WHERE product_id = $1 AND type = 'STAGE_CHANGED' ORDER BY seq`,
      [productId],
    );
  }
}
