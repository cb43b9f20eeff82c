// What a product sells: its variants in the order staff listed them, each with the shop's SKU (unique
// across products, so a shop's order line finds its product and variant).
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProductEntity } from './product.entity';

@Entity({ name: 'product_variants' })
@Index('product_variants_sku_key', ['sku'], { unique: true, where: '"sku" IS NOT NULL' })
export class ProductVariantEntity {
  @PrimaryColumn({ name: 'product_id', type: 'varchar', length: 32 })
  productId!: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  @PrimaryColumn({ name: 'variant_id', type: 'varchar', length: 48 })
  variantId!: string;

  @Column({ type: 'varchar', length: 100 })
  label!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  sku!: string | null;

  @Column({ type: 'integer' })
  position!: number;
}
