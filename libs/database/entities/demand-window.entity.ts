// A product's reservation window, as reservation intake and the reservation tally see it: written from the
// workflow's events (status, closing time, goal). Closing it is race-free like the poll's (intake holds the
// row FOR SHARE). Its live totals are a row of their own (DemandWindowTotalsEntity), kept by intake in the
// statement that inserts the reservations, as a poll's are (poll_vote_totals): batches of several API
// processes then share the window's row and queue only on the totals' row, for the moment of their update.
import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import type { DemandStatus } from '../../domain';
import { ProductEntity } from './product.entity';

@Entity({ name: 'demand_windows' })
export class DemandWindowEntity {
  @PrimaryColumn({ name: 'product_id', type: 'varchar', length: 32 })
  productId!: string;

  @OneToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  @Column({ type: 'varchar', length: 24 })
  status!: DemandStatus;

  @Column({ name: 'closes_at', type: 'timestamptz' })
  closesAt!: Date;

  @Column({ name: 'minimum_units', type: 'integer' })
  minimumUnits!: number;

  /** The product seq this row was written at; only moves forward. */
  @Column({ type: 'integer', default: 0 })
  seq!: number;
}

/** A window's live totals: written only by reservation intake; no row until its first reservation. */
@Entity({ name: 'demand_window_totals' })
export class DemandWindowTotalsEntity {
  @PrimaryColumn({ name: 'product_id', type: 'varchar', length: 32 })
  productId!: string;

  @OneToOne(() => DemandWindowEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  window?: DemandWindowEntity;

  /** Units reserved so far (live; the tally counts the reservations themselves). */
  @Column({ name: 'reserved_units', type: 'integer', default: 0 })
  reservedUnits!: number;

  @Column({ type: 'integer', default: 0 })
  reservations!: number;

  /** When intake first saw the goal reached (and told the workflow). */
  @Column({ name: 'goal_reached_at', type: 'timestamptz', nullable: true })
  goalReachedAt!: Date | null;
}
