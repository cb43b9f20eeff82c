// Live vote counts, kept exact by vote intake in the same statement that inserts the votes, so live
// results never scan the votes table. The tally at close still counts the votes themselves.
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProductEntity } from './product.entity';

@Entity({ name: 'poll_vote_counts' })
export class PollVoteCountEntity {
  @PrimaryColumn({ name: 'product_id', type: 'varchar', length: 32 })
  productId!: string;

  @PrimaryColumn({ name: 'option_id', type: 'varchar', length: 64 })
  optionId!: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  @Column({ type: 'integer' })
  votes!: number;
}

/** The poll's total, one row, so a batch learns the new total (and the milestones it crossed) at once. */
@Entity({ name: 'poll_vote_totals' })
export class PollVoteTotalEntity {
  @PrimaryColumn({ name: 'product_id', type: 'varchar', length: 32 })
  productId!: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  @Column({ type: 'integer' })
  votes!: number;
}

/** Each vote milestone a poll crossed, once; `notified_at` is set when its workflow has been told. */
@Entity({ name: 'poll_vote_milestones' })
export class PollVoteMilestoneEntity {
  @PrimaryColumn({ name: 'product_id', type: 'varchar', length: 32 })
  productId!: string;

  @PrimaryColumn({ type: 'integer' })
  milestone!: number;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  @Column({ name: 'total_votes', type: 'integer' })
  totalVotes!: number;

  @Column({ name: 'reached_at', type: 'timestamptz', default: () => 'now()' })
  reachedAt!: Date;

  @Column({ name: 'notified_at', type: 'timestamptz', nullable: true })
  notifiedAt!: Date | null;
}
