// One reservation event for a shop's outbound channel (reservation.ready / .released / .expired): the exact
// body every attempt sends (so a retry is byte for byte the same message under the same webhook-id, the
// row's id), and what happened: pending, delivered or failed. Written per batch (one product, kind and seq).
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import type { ShopEventKind } from '../../domain';
import { ProductEntity } from './product.entity';
import { ReservationEntity } from './reservation.entity';
import { ShopEntity } from './shop.entity';

export const SHOP_EVENT_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type ShopEventStatus = (typeof SHOP_EVENT_STATUSES)[number];

@Entity({ name: 'shop_events' })
@Unique('shop_events_one_per_reservation', ['batchId', 'reservationId'])
@Check('shop_events_status_check', `"status" IN ('pending', 'delivered', 'failed')`)
@Check('shop_events_kind_check', `"kind" IN ('reservation.ready', 'reservation.released', 'reservation.expired')`)
// The delivery workflow pages through a batch in id order.
@Index('shop_events_batch_idx', ['batchId', 'id'])
export class ShopEventEntity {
  /** Also the `webhook-id` the shop deduplicates on; stable per (batch, reservation). */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  @Column({ name: 'batch_id', type: 'varchar', length: 32 })
  batchId!: string;

  @Column({ name: 'shop_id', type: 'varchar', length: 32 })
  shopId!: string;

  @ManyToOne(() => ShopEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shop_id' })
  shop?: ShopEntity;

  @Index('shop_events_product_idx')
  @Column({ name: 'product_id', type: 'varchar', length: 32 })
  productId!: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  @Column({ name: 'reservation_id', type: 'varchar', length: 32 })
  reservationId!: string;

  @ManyToOne(() => ReservationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reservation_id' })
  reservation?: ReservationEntity;

  @Column({ type: 'varchar', length: 32 })
  kind!: ShopEventKind;

  @Column({ type: 'text' })
  payload!: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: ShopEventStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  failedAt!: Date | null;
}
