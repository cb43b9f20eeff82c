// What shops report after launch, keyed by the shop's own ids: order lines (one variant each, with the
// reservation and attribution codes the order carried), cancellations (a row means the order is
// cancelled, even when it arrived before the order) and refund lines. Revenue = Σ quantity × unit price
// of lines of orders without a cancellation − Σ refund amounts.
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProductEntity } from './product.entity';

@Entity({ name: 'order_lines' })
@Check('order_lines_quantity_check', `"quantity" > 0`)
@Check('order_lines_unit_price_check', `"unit_price_minor" >= 0`)
@Index('order_lines_product_idx', ['productId'])
export class OrderLineEntity {
  @PrimaryColumn({ name: 'shop_id', type: 'varchar', length: 32 })
  shopId!: string;

  @PrimaryColumn({ name: 'order_id', type: 'varchar', length: 64 })
  orderId!: string;

  @PrimaryColumn({ name: 'line_id', type: 'varchar', length: 64 })
  lineId!: string;

  @Column({ name: 'product_id', type: 'varchar', length: 32 })
  productId!: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'FK_order_lines_product' })
  product?: ProductEntity;

  @Column({ name: 'variant_id', type: 'varchar', length: 48 })
  variantId!: string;

  @Column({ type: 'integer' })
  quantity!: number;

  /** Minor units of `currency` (cents); bigint, read back as a string by the driver. */
  @Column({ name: 'unit_price_minor', type: 'bigint' })
  unitPriceMinor!: string;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  /** Only a code of one of this product's reservations (anything else the shop sent is not kept). */
  @Column({ name: 'reservation_code', type: 'varchar', length: 16, nullable: true })
  reservationCode!: string | null;

  @Column({ name: 'attribution_code', type: 'varchar', length: 16, nullable: true })
  attributionCode!: string | null;

  @Column({ name: 'ordered_at', type: 'timestamptz' })
  orderedAt!: Date;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;
}

@Entity({ name: 'order_cancellations' })
export class OrderCancellationEntity {
  @PrimaryColumn({ name: 'shop_id', type: 'varchar', length: 32 })
  shopId!: string;

  @PrimaryColumn({ name: 'order_id', type: 'varchar', length: 64 })
  orderId!: string;

  @Column({ name: 'cancelled_at', type: 'timestamptz' })
  cancelledAt!: Date;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;
}

@Entity({ name: 'refund_lines' })
@Check('refund_lines_quantity_check', `"quantity" > 0`)
@Check('refund_lines_amount_check', `"amount_minor" >= 0`)
@Index('refund_lines_order_idx', ['shopId', 'orderId'])
export class RefundLineEntity {
  @PrimaryColumn({ name: 'shop_id', type: 'varchar', length: 32 })
  shopId!: string;

  @PrimaryColumn({ name: 'refund_id', type: 'varchar', length: 64 })
  refundId!: string;

  @Column({ name: 'order_id', type: 'varchar', length: 64 })
  orderId!: string;

  /** The refunded order line (order_lines.line_id of the same order). */
  @PrimaryColumn({ name: 'line_id', type: 'varchar', length: 64 })
  lineId!: string;

  @Column({ type: 'integer' })
  quantity!: number;

  @Column({ name: 'amount_minor', type: 'bigint' })
  amountMinor!: string;

  @Column({ name: 'refunded_at', type: 'timestamptz' })
  refundedAt!: Date;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;
}

/** One accepted shop webhook delivery and what it was answered: a redelivery gets the same answer, marked duplicate. */
@Entity({ name: 'shop_webhook_receipts' })
export class ShopWebhookReceiptEntity {
  @PrimaryColumn({ name: 'shop_id', type: 'varchar', length: 32 })
  shopId!: string;

  @PrimaryColumn({ name: 'webhook_id', type: 'varchar', length: 128 })
  webhookId!: string;

  @Column({ type: 'varchar', length: 32 })
  topic!: string;

  @Column({ type: 'jsonb' })
  result!: Record<string, unknown>;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;
}

/**
 * An order the shop has told us anything about. Every delivery about the order locks this row first, so
 * they take effect one at a time; `deliveries` counts them, and 1 tells a new order's one-statement path
 * that nothing else about the order came before it (order-batch.ts).
 */
@Entity({ name: 'shop_orders' })
export class ShopOrderEntity {
  @PrimaryColumn({ name: 'shop_id', type: 'varchar', length: 32 })
  shopId!: string;

  @PrimaryColumn({ name: 'order_id', type: 'varchar', length: 64 })
  orderId!: string;

  @Column({ type: 'integer', default: 1 })
  deliveries!: number;
}
