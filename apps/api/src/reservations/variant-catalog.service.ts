// What reservation and order intake check before writing: does the product exist, and what it sells (its
// variants, DEFAULT_VARIANTS for products created without). Variants never change after creation, so they
// are cached.

import { Injectable } from '@nestjs/common';
import { isEntityId, ProductRepository, ProductVariantRepository } from '@app/database';
import { DEFAULT_VARIANTS, type ProductVariant } from '@app/domain';
import { PromiseCache } from '../common/promise-cache';

export interface ProductVariants {
  variants: ProductVariant[];
  byId: Map<string, ProductVariant>;
}

const KNOWN_TTL_MS = 5 * 60_000;
// An unknown product may be created a moment later; forget that it was unknown quickly.
const UNKNOWN_TTL_MS = 1_000;
const MAX_CACHED = 50_000;

@Injectable()
export class VariantCatalog {
  private readonly cache = new PromiseCache<string, ProductVariants | null>({
    maxEntries: MAX_CACHED,
    ttlMs: (found) => (found ? KNOWN_TTL_MS : UNKNOWN_TTL_MS),
    pendingMs: UNKNOWN_TTL_MS,
  });

  constructor(
    private readonly products: ProductRepository,
    private readonly variants: ProductVariantRepository,
  ) {}

  /** The product's variants, or null when the product does not exist. */
  get(productId: string): Promise<ProductVariants | null> {
    return this.cache.get(productId, () => this.load(productId));
  }

  private async load(productId: string): Promise<ProductVariants | null> {
    if (!isEntityId(productId)) return null;
    const ref = await this.products.findRef(productId);
    if (!ref) return null;
    const listed = await this.variants.listForProduct(productId);
    const variants = listed.length > 0 ? listed : [...DEFAULT_VARIANTS];
    return { variants, byId: new Map(variants.map((v) => [v.id, v])) };
  }
}
