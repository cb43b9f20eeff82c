// A product's sponsorship as staff declared it: the brand partner who pays for its posts, the fee per post
// agreed by default, and optionally which events' updates are sponsored. Updates planned while it exists are
// sponsored posts (sponsored-post.entity.ts); removing it changes only later updates.
import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ProductEntity } from './product.entity';

@Entity({ name: 'product_sponsorships' })
@Check('product_sponsorships_fee_check', `("default_fee_minor" IS NULL AND "currency" IS NULL) OR ("default_fee_minor" > 0 AND "currency" IS NOT NULL)`)
export class ProductSponsorshipEntity {
  @PrimaryColumn({ name: 'product_id', type: 'varchar', length: 32 })
  productId!: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'FK_product_sponsorships_product' })
  product?: ProductEntity;

  @Column({ type: 'varchar', length: 100 })
  partner!: string;

  /** The fee per post in minor units (fen, cents) when a recorded post names none. */
  @Column({ name: 'default_fee_minor', type: 'integer', nullable: true })
  defaultFeeMinor!: number | null;

  /** ISO 4217, with the default fee. */
  @Column({ type: 'varchar', length: 3, nullable: true })
  currency!: string | null;

  /** Only these social events' updates are sponsored; null: every published update. */
  @Column({ type: 'jsonb', nullable: true })
  events!: string[] | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
