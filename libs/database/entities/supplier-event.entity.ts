// One order event for a supplier's outbound channel (sample, production or restock requested or cancelled):
// the exact body every attempt sends (a retry is byte for byte the same message under the same webhook-id,
// the row's id) and what happened: pending, delivered, failed, or cancelled (a request withdrawn by the
// order's cancellation before it was delivered).
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import type { SupplierEventKind } from '../../domain';
import { ProductEntity } from './product.entity';
import { SupplierEntity } from './supplier.entity';

export const SUPPLIER_EVENT_STATUSES = ['pending', 'delivered', 'failed', 'cancelled'] as const;
export type SupplierEventStatus = (typeof SUPPLIER_EVENT_STATUSES)[number];

@Entity({ name: 'supplier_events' })
@Unique('supplier_events_one_per_order_kind', ['productId', 'orderRef', 'kind'])
@Check('supplier_events_status_check', `"status" IN ('pending', 'delivered', 'failed', 'cancelled')`)
@Check(
  'supplier_events_kind_check',
  `"kind" IN ('sample.requested', 'sample.cancelled', 'production.requested', 'production.cancelled', 'restock.requested', 'restock.cancelled')`,
)
export class SupplierEventEntity {
  /** Also the `webhook-id` the supplier deduplicates on; stable per (product, order, kind). */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  @Index('supplier_events_supplier_idx')
  @Column({ name: 'supplier_id', type: 'varchar', length: 32 })
  supplierId!: string;

  @ManyToOne(() => SupplierEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supplier_id', foreignKeyConstraintName: 'FK_supplier_events_supplier' })
  supplier?: SupplierEntity;

  @Column({ name: 'product_id', type: 'varchar', length: 32 })
  productId!: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'FK_supplier_events_product' })
  product?: ProductEntity;

  /** The order within its product: sample-<n>, production, restock-<n>. */
  @Column({ name: 'order_ref', type: 'varchar', length: 32 })
  orderRef!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: SupplierEventKind;

  @Column({ type: 'text' })
  payload!: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: SupplierEventStatus;

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

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;
}
