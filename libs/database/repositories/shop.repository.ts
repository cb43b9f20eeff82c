// Shops that sell products (their connectors post orders; their outbound endpoint is told about
// reservations): the only place their SQL lives.
import type { DataSource, EntityManager } from 'typeorm';
import { ShopEntity } from '../entities/shop.entity';

export type NewShop = Omit<ShopEntity, 'createdAt' | 'disabledAt'>;

export class ShopRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  findById(id: string): Promise<ShopEntity | null> {
    return this.db.getRepository(ShopEntity).findOneBy({ id });
  }

  async insert(shop: NewShop): Promise<ShopEntity> {
    const repo = this.db.getRepository(ShopEntity);
    const entity = repo.create(shop);
    await repo.insert(entity);
    return entity;
  }

  list(): Promise<ShopEntity[]> {
    return this.db.getRepository(ShopEntity).find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
