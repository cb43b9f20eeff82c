// Stock of one variant: produced (written from the workflow's events: the first run and each shipped
// restock), sold and returned (order intake, in the statement that records the order), held (units kept
// for reservation holders until the hold ends). available = produced − sold + returned − held.
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProductEntity } from './product.entity';

@Entity({ name: 'variant_stock' })
export class VariantStockEntity {
  @PrimaryColumn({ name: 'product_id', type: 'varchar', length: 32 })
  productId!: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  @PrimaryColumn({ name: 'variant_id', type: 'varchar', length: 48 })
  variantId!: string;

  @Column({ type: 'integer', default: 0 })
  produced!: number;

  @Column({ type: 'integer', default: 0 })
  sold!: number;

  @Column({ type: 'integer', default: 0 })
  returned!: number;

  @Column({ type: 'integer', default: 0 })
  held!: number;

  /** Whether the workflow was last told this variant is sold out (intake reports only changes). */
  @Column({ name: 'reported_sold_out', type: 'boolean', default: false })
  reportedSoldOut!: boolean;

  /** `produced` when the restock threshold was last reported: a restock that ships re-arms the report. */
  @Column({ name: 'restock_reported_at_produced', type: 'integer', nullable: true })
  restockReportedAtProduced!: number | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
