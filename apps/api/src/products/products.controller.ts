// /products: create products (each starts its workflow) and read them: list, one product, its timeline.
// Staff create; influencer keys read only their own products. Lifecycle actions are in
// product-actions.controller.ts (staff) and reviews.controller.ts (the influencer).

import { Body, Controller, Get, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ApiErrors } from '../common/api-errors';
import { CreateProductDto } from './dto/create-product.dto';
import { ListProductsQueryDto, ProductDto, ProductPageDto, TimelineDto, TimelineQueryDto } from './dto/product.dto';
import { CurrentProduct } from './current-product.decorator';
import { ProductAccessGuard, type ProductRef } from './product-access.guard';
import { ProductsService } from './products.service';

@ApiTags('products')
@ApiBearerAuth()
@Controller('products')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  @Post()
  @Roles('staff')
  @ApiOperation({ summary: "Create a product with its fan poll; starts the product's workflow in POLL." })
  @ApiCreatedResponse({ type: ProductDto })
  @ApiErrors(401, 403, 422)
  create(@Body() dto: CreateProductDto, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    return this.products.create(dto, principal);
  }

  @Get()
  @ApiOperation({ summary: 'List products, newest first; influencer keys see only their own.' })
  @ApiOkResponse({ type: ProductPageDto })
  @ApiErrors(401, 422)
  list(@Query() query: ListProductsQueryDto, @CurrentPrincipal() principal: Principal): Promise<ProductPageDto> {
    return this.products.list(query, principal);
  }

  @Get(':id')
  @UseGuards(ProductAccessGuard)
  @ApiOperation({ summary: 'A product: stage, pending action, poll, designs, samples, production and launch.' })
  @ApiOkResponse({ type: ProductDto })
  @ApiErrors(401, 403, 404)
  get(@CurrentProduct() product: ProductRef): Promise<ProductDto> {
    return this.products.get(product);
  }

  @Get(':id/timeline')
  @UseGuards(ProductAccessGuard)
  @ApiOperation({
    summary: 'Every stage change and action of the product, with actor and time, in order.',
    description: 'Paginated: at most `limit` events (default 500, at most 1000) after `afterSeq`; `nextAfterSeq` is the `afterSeq` of the next page, null on the last.',
  })
  @ApiOkResponse({ type: TimelineDto })
  @ApiErrors(401, 403, 404, 422)
  timeline(@CurrentProduct() product: ProductRef, @Query() query: TimelineQueryDto): Promise<TimelineDto> {
    return this.products.timeline(product, query.afterSeq, query.limit);
  }
}
