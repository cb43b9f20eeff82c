// Suppliers (registered parties told of orders at their outbound endpoint): the only place their SQL lives.
import type { DataSource, EntityManager } from 'typeorm';
import { SupplierEntity } from '../entities/supplier.entity';

export type NewSupplier = Omit<SupplierEntity, 'createdAt' | 'disabledAt'>;

export class SupplierRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  findById(id: string): Promise<SupplierEntity | null> {
    return this.db.getRepository(SupplierEntity).findOneBy({ id });
  }

  /** Inserts the supplier; a name already taken (in any case) raises the unique violation of suppliers_name_key. */
  async insert(supplier: NewSupplier): Promise<SupplierEntity> {
    const repo = this.db.getRepository(SupplierEntity);
    const entity = repo.create(supplier);
    await repo.insert(entity);
    return entity;
  }

  list(): Promise<SupplierEntity[]> {
    return this.db.getRepository(SupplierEntity).find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Disables it (once: a second call keeps the first time); null when it does not exist. */
  async disable(id: string): Promise<SupplierEntity | null> {
    await this.db.query(`UPDATE suppliers SET disabled_at = COALESCE(disabled_at, now()) WHERE id = $1`, [id]);
    return this.findById(id);
  }
}
