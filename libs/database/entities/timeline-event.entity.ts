// One entry of a product's timeline: every stage change and action, with actor and time.
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Actor, LifecycleEventType, Stage } from '../../domain';
import { ProductEntity } from './product.entity';

@Entity({ name: 'timeline_events' })
export class TimelineEventEntity {
  @PrimaryColumn({ name: 'product_id', type: 'varchar', length: 32 })
  productId!: string;

  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  @Column({ type: 'varchar', length: 40 })
  type!: LifecycleEventType;

  @Column({ type: 'varchar', length: 16 })
  stage!: Stage;

  @Column({ type: 'jsonb' })
  actor!: Actor;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;
}
