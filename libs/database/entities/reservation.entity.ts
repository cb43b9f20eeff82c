// One fan's reservation ("I'd buy it") of a variant: durable before the connector's 2xx, one per fan and
// variant (normalised identity) and one per webhook delivery. Its code goes into the shop's checkout, so
// the order that follows carries it.
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { ProductEntity } from './product.entity';

export const RESERVATION_STATUSES = ['held', 'released', 'expired', 'converted'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

@Entity({ name: 'reservations' })
@Check('reservations_quantity_check', `"quantity" > 0`)
@Check('reservations_via_check', `"via" IN ('fan', 'shop')`)
@Check('reservations_status_check', `"status" IN ('held', 'released', 'expired', 'converted')`)
@Unique('reservations_code_key', ['code'])
@Unique('reservations_one_per_fan_and_variant', ['productId', 'variantId', 'platform', 'platformUserId'])
@Unique('reservations_one_per_delivery', ['sourceId', 'webhookId'])
export class ReservationEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  /** What the holder types at the shop's checkout; unguessable. */
  @Column({ type: 'varchar', length: 16 })
  code!: string;

  @Column({ name: 'product_id', type: 'varchar', length: 32 })
  productId!: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  @Column({ name: 'variant_id', type: 'varchar', length: 48 })
  variantId!: string;

  @Column({ type: 'integer' })
  quantity!: number;

  /** A fan platform (fan connector) or `shop` (the shop connector, with the shop's customer id). */
  @Column({ type: 'varchar', length: 32 })
  platform!: string;

  /** Normalised (libs/domain fan-identity) for fan platforms: the same fan as in the votes. */
  @Column({ name: 'platform_user_id', type: 'varchar', length: 128 })
  platformUserId!: string;

  @Column({ name: 'platform_user_id_raw', type: 'text' })
  platformUserIdRaw!: string;

  @Column({ type: 'varchar', length: 16 })
  via!: 'fan' | 'shop';

  /** The webhook source (via fan) or the shop (via shop) that delivered it, with its webhook-id. */
  @Column({ name: 'source_id', type: 'varchar', length: 32 })
  sourceId!: string;

  @Column({ name: 'webhook_id', type: 'varchar', length: 128 })
  webhookId!: string;

  /** The tracked link's code the fan came through, when the connector knows it. */
  @Column({ name: 'attribution_code', type: 'varchar', length: 16, nullable: true })
  attributionCode!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'held' })
  status!: ReservationStatus;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'status_changed_at', type: 'timestamptz', nullable: true })
  statusChangedAt!: Date | null;
}
