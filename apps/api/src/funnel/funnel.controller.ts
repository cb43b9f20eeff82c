// A product's attribution funnel (staff, and the product's influencer): JSON or CSV, and a bar chart as SVG.
import { Controller, Get, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiErrors } from '../common/api-errors';
import { CurrentProduct } from '../products/current-product.decorator';
import { ProductAccessGuard, type ProductRef } from '../products/product-access.guard';
import { FunnelDto, FunnelQueryDto } from './dto/funnel.dto';
import { FunnelService } from './funnel.service';

@ApiTags('funnel')
@ApiBearerAuth()
@Controller('products/:id')
export class FunnelController {
  constructor(private readonly funnel: FunnelService) {}

  @Get('funnel')
  @UseGuards(ProductAccessGuard)
  @ApiOperation({
    summary: 'What each stage’s posts brought, per channel: share-page views, clicks, votes, reservations, orders and revenue, with totals and conversions.',
    description: '`?format=csv` answers text/csv: a header, a line per row, then a total line; revenue has a column per currency (minor units).',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: FunnelDto })
  @ApiErrors(401, 403, 404, 422)
  async get(@CurrentProduct() product: ProductRef, @Query() query: FunnelQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<FunnelDto | string> {
    void reply.header('cache-control', 'no-store');
    if (query.format !== 'csv') return this.funnel.get(product);
    void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="funnel-${product.id}.csv"`);
    return this.funnel.csv(product);
  }

  @Get('funnel.svg')
  @UseGuards(ProductAccessGuard)
  @ApiOperation({ summary: 'The funnel’s totals as a bar chart (views → clicks → votes → reservations → orders), an SVG image.' })
  @ApiProduces('image/svg+xml')
  @ApiOkResponse({ description: 'An SVG image', schema: { type: 'string' } })
  @ApiErrors(401, 403, 404)
  async svg(@CurrentProduct() product: ProductRef, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    void reply.header('content-type', 'image/svg+xml; charset=utf-8').header('cache-control', 'no-store');
    return this.funnel.svg(product);
  }
}
