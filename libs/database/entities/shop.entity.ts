// A shop that sells products: it posts orders, cancellations and refunds (and may post reservations)
// signed with its inbound secret, and is told about reservations at its outbound endpoint, signed with
// the outbound secret. Both secrets are sealed (SecretBox), never stored in the clear.
import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const SHOP_KINDS = ['standard', 'shopify'] as const;
export type ShopKind = (typeof SHOP_KINDS)[number];

@Entity({ name: 'shops' })
@Check('shops_kind_check', `"kind" IN ('standard', 'shopify')`)
export class ShopEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** standard: Standard Webhooks envelopes; shopify: Shopify's own order webhooks (X-Shopify-Hmac-Sha256). */
  @Column({ type: 'varchar', length: 16 })
  kind!: ShopKind;

  @Column({ name: 'inbound_secret_sealed', type: 'text' })
  inboundSecretSealed!: string;

  /** Where reservation events go (checked by the outbound guard at every attempt); null: the shop gets none. */
  @Column({ name: 'outbound_url', type: 'text', nullable: true })
  outboundUrl!: string | null;

  @Column({ name: 'outbound_secret_sealed', type: 'text', nullable: true })
  outboundSecretSealed!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;
}
