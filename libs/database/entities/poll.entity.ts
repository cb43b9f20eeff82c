// A product's fan poll: options and closing time for vote intake, status and result from the workflow.
import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import type { PollOption, PollResult, PollStatus } from '../../domain';
import { ProductEntity } from './product.entity';

@Entity({ name: 'polls' })
export class PollEntity {
  @PrimaryColumn({ name: 'product_id', type: 'varchar', length: 32 })
  productId!: string;

  @OneToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  @Column({ type: 'text' })
  question!: string;

  @Column({ type: 'jsonb' })
  options!: PollOption[];

  @Column({ name: 'closes_at', type: 'timestamptz' })
  closesAt!: Date;

  @Column({ name: 'min_votes', type: 'integer' })
  minVotes!: number;

  @Column({ type: 'varchar', length: 24 })
  status!: PollStatus;

  @Column({ type: 'jsonb', nullable: true })
  result!: PollResult | null;

  @Column({ type: 'integer', default: 0 })
  seq!: number;
}
