// Products' read model: the only place its SQL lives.
import type { DataSource, EntityManager } from 'typeorm';
import type { ProductView } from '../../domain';
import { ProductEntity } from '../entities/product.entity';

export class ProductRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** The workflow's whole view of the product as last recorded; null when there is no such product (yet). */
  async findSnapshot(productId: string): Promise<ProductView | null> {
    const row = await this.db.getRepository(ProductEntity).findOne({ where: { id: productId }, select: { id: true, snapshot: true } });
    return row?.snapshot ?? null;
  }
}
