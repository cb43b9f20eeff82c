// The read model of one product, kept current from its workflow's events (never written by the API
// after creation); `snapshot` is the workflow's whole view at `seq`.
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { PendingAction, ProductView, Stage } from '../../domain';
import { InfluencerEntity } from './influencer.entity';

@Entity({ name: 'products' })
@Index('products_stage_created_idx', ['stage', 'createdAt'])
@Index('products_influencer_created_idx', ['influencerId', 'createdAt'])
export class ProductEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  @Column({ name: 'influencer_id', type: 'varchar', length: 32 })
  influencerId!: string;

  @ManyToOne(() => InfluencerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'influencer_id' })
  influencer?: InfluencerEntity;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'target_keyword', type: 'varchar', length: 100 })
  targetKeyword!: string;

  @Column({ type: 'varchar', length: 16 })
  stage!: Stage;

  @Column({ name: 'pending_action', type: 'jsonb', nullable: true })
  pendingAction!: PendingAction | null;

  @Column({ type: 'jsonb', nullable: true })
  snapshot!: ProductView | null;

  @Column({ type: 'integer', default: 0 })
  seq!: number;

  @Column({ name: 'workflow_id', type: 'varchar', length: 64 })
  workflowId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
