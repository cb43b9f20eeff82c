// What every lifecycle action route shares: POST, 200 with the product's new state, one role, the
// ownership guard, and its OpenAPI summary and error answers.
import { applyDecorators, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { ApiKeyRole } from '@app/database';
import { Roles } from '../auth/decorators';
import { ApiErrors } from '../common/api-errors';
import { ProductDto } from './dto/product.dto';
import { ProductAccessGuard } from './product-access.guard';

export function ProductAction(path: string, role: ApiKeyRole, summary: string, ...errors: number[]) {
  return applyDecorators(
    Post(path),
    HttpCode(200),
    Roles(role),
    UseGuards(ProductAccessGuard),
    ApiOperation({ summary }),
    ApiOkResponse({ type: ProductDto }),
    ApiErrors(...errors),
  );
}
