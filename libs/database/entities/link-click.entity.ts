// Counted clicks on tracked links and counted views of share pages. Only counted ones are stored: a bot
// (by its user agent) or the same visitor again within the window is not a row. A visitor is an HMAC of
// address, user agent and day under a key of the engine's own, so no address is stored.
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SocialUpdateEntity } from './social-update.entity';
import { TrackedLinkEntity } from './tracked-link.entity';

@Entity({ name: 'link_clicks' })
@Index('link_clicks_code_visitor_idx', ['code', 'visitor', 'clickedAt'])
export class LinkClickEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  code!: string;

  @ManyToOne(() => TrackedLinkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'code' })
  link?: TrackedLinkEntity;

  @Column({ type: 'char', length: 32 })
  visitor!: string;

  @Column({ name: 'clicked_at', type: 'timestamptz', default: () => 'now()' })
  clickedAt!: Date;
}

@Entity({ name: 'share_views' })
@Index('share_views_update_visitor_idx', ['updateId', 'visitor', 'viewedAt'])
@Index('share_views_product_idx', ['productId'])
export class ShareViewEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'product_id', type: 'varchar', length: 32 })
  productId!: string;

  @Column({ name: 'update_id', type: 'varchar', length: 32 })
  updateId!: string;

  @ManyToOne(() => SocialUpdateEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'update_id' })
  update?: SocialUpdateEntity;

  /** The tracked link the visitor came through (?c=, when it is this update's); null: direct. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  code!: string | null;

  @ManyToOne(() => TrackedLinkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'code' })
  link?: TrackedLinkEntity;

  @Column({ type: 'char', length: 32 })
  visitor!: string;

  @Column({ name: 'viewed_at', type: 'timestamptz', default: () => 'now()' })
  viewedAt!: Date;
}
