// The timeline_events table: every stage change and action of a product, in order (written with the
// rest of the read model by ProductRepository.recordEvents).

import { MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { TimelineEventEntity } from '../entities/timeline-event.entity';

export class TimelineEventRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  listAfter(productId: string, afterSeq: number): Promise<TimelineEventEntity[]> {
    return this.db.getRepository(TimelineEventEntity).find({ where: { productId, seq: MoreThan(afterSeq) }, order: { seq: 'ASC' } });
  }
}
