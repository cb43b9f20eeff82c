// Hands a handler the product that ProductAccessGuard resolved and checked.
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { ProductRef } from './product-access.guard';

export const CurrentProduct = createParamDecorator((_data: unknown, ctx: ExecutionContext): ProductRef => {
  return ctx.switchToHttp().getRequest<{ product: ProductRef }>().product;
});
