// A supplier the incubator orders samples, production runs and restocks from: a registered party told of each
// order, and of its cancellation, at its outbound endpoint, signed with its secret (sealed by the SecretBox,
// never stored in the clear). Suppliers are disabled, never deleted: their orders keep naming them.
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'suppliers' })
// Unique on lower(name), an expression TypeORM does not describe: the migration owns it.
@Index('suppliers_name_key', { synchronize: false })
export class SupplierEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  /** Unique regardless of case. */
  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** Whom staff write to about an order; the engine sends nothing there. */
  @Column({ name: 'contact_email', type: 'varchar', length: 254, nullable: true })
  contactEmail!: string | null;

  /** Where order events go (checked by the outbound guard at registration and at every attempt). */
  @Column({ name: 'outbound_url', type: 'text' })
  outboundUrl!: string;

  @Column({ name: 'outbound_secret_sealed', type: 'text' })
  outboundSecretSealed!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;
}
