// Hands a handler the product that ProductAccessGuard resolved and checked, and declares the route's `id`
// path parameter in the OpenAPI document: the guard reads it, so no @Param('id') shows it to Swagger.
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { ProductRef } from './product-access.guard';

const declareProductId = ApiParam({ name: 'id', description: 'The product id (p-…).', example: 'p-7k2m9q4x8v3d' });

export const CurrentProduct = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): ProductRef => ctx.switchToHttp().getRequest<{ product: ProductRef }>().product,
  [
    (target: object, key: string | symbol | undefined) => {
      if (key === undefined) return;
      declareProductId(target, key, { value: (target as Record<string | symbol, unknown>)[key] });
    },
  ],
);
