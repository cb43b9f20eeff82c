// The one place product ownership is checked: resolves :id to the product (404 when unknown) and
// refuses an influencer key on another influencer's product (403). Runs after AuthGuard.

import { CanActivate, Injectable, type ExecutionContext } from '@nestjs/common';
import { isEntityId, ProductRepository, type ProductRefRow } from '@app/database';
import { DomainError, DomainErrorCode } from '@app/domain';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal';

/** What never changes about a product, so it may be cached. */
export type ProductRef = ProductRefRow;

const MAX_CACHED = 50_000;

@Injectable()
export class ProductAccessGuard implements CanActivate {
  private readonly refs = new Map<string, ProductRef>();

  constructor(private readonly products: ProductRepository) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<FastifyRequest & { principal: Principal; product?: ProductRef }>();
    const id = (req.params as { id?: string }).id ?? '';
    const product = await this.resolve(id);
    if (req.principal.role === 'influencer' && req.principal.influencerId !== product.influencerId) {
      throw new DomainError(DomainErrorCode.Forbidden, `product ${id} belongs to another influencer`);
    }
    req.product = product;
    return true;
  }

  private async resolve(id: string): Promise<ProductRef> {
    const cached = this.refs.get(id);
    if (cached) return cached;
    const row = isEntityId(id) ? await this.products.findRef(id) : null;
    if (!row) throw new DomainError(DomainErrorCode.NotFound, `product ${id} does not exist`);
    const ref = { id: row.id, influencerId: row.influencerId, workflowId: row.workflowId };
    if (this.refs.size >= MAX_CACHED) this.refs.delete(this.refs.keys().next().value!);
    this.refs.set(id, ref);
    return ref;
  }
}
