// A product's variants (written once, when the API creates the product) and the SKU look-up shop order
// webhooks need: the only place their SQL lives.
import type { DataSource, EntityManager } from 'typeorm';
import type { ProductVariant } from '../../domain';
import { ProductVariantEntity } from '../entities/product-variant.entity';

/** Where a SKU points. */
export interface SkuTarget {
  sku: string;
  productId: string;
  variantId: string;
}

export class ProductVariantRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Inserts the product's variants in their order; meant to run in the transaction that inserts the product. */
  async insertForProduct(productId: string, variants: readonly ProductVariant[]): Promise<void> {
    if (variants.length === 0) return;
    await this.db.getRepository(ProductVariantEntity).insert(
      variants.map((v, position) => ({ productId, variantId: v.id, label: v.label, sku: v.sku ?? null, position })),
    );
  }

  async listForProduct(productId: string): Promise<ProductVariant[]> {
    const rows = await this.db.getRepository(ProductVariantEntity).find({ where: { productId }, order: { position: 'ASC' } });
    return rows.map((r) => ({ id: r.variantId, label: r.label, ...(r.sku ? { sku: r.sku } : {}) }));
  }

  /** The SKUs among these that some product sells (one index probe each). */
  async findBySkus(skus: string[]): Promise<SkuTarget[]> {
    if (skus.length === 0) return [];
    const rows: { sku: string; product_id: string; variant_id: string }[] = await this.db.query(
      'SELECT sku, product_id, variant_id FROM product_variants WHERE sku = ANY($1::text[])',
      [skus],
    );
    return rows.map((r) => ({ sku: r.sku, productId: r.product_id, variantId: r.variant_id }));
  }

  /** The SKUs among these already taken by another product's variant (to refuse a duplicate with a clear message). */
  async takenSkus(skus: string[]): Promise<string[]> {
    return (await this.findBySkus(skus)).map((t) => t.sku);
  }
}
