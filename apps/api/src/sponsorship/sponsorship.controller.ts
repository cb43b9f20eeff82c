// Staff declare a product's sponsorship, list its sponsored posts with order references and fees, and record
// the platform's paid-post order (or its refusal) for each post.

import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { ApiErrors } from '../common/api-errors';
import { CurrentProduct } from '../products/current-product.decorator';
import { ProductAccessGuard, type ProductRef } from '../products/product-access.guard';
import { DeclareSponsorshipDto, RecordSponsoredOrderDto, SponsoredPostDto, SponsorshipDto } from './dto/sponsorship.dto';
import { SponsorshipService } from './sponsorship.service';

@ApiTags('social')
@ApiBearerAuth()
@Controller()
export class SponsorshipController {
  constructor(private readonly sponsorship: SponsorshipService) {}

  @Get('products/:id/sponsorship')
  @Roles('staff')
  @UseGuards(ProductAccessGuard)
  @ApiOperation({ summary: "The product's sponsorship and its sponsored posts: disclosure, order reference, fee and status (held, released, blocked, withdrawn), with fee totals per currency." })
  @ApiOkResponse({ type: SponsorshipDto })
  @ApiErrors(401, 403, 404)
  get(@CurrentProduct() product: ProductRef): Promise<SponsorshipDto> {
    return this.sponsorship.get(product);
  }

  @Put('products/:id/sponsorship')
  @Roles('staff')
  @UseGuards(ProductAccessGuard)
  @ApiOperation({ summary: 'Declare (or replace) the brand partner paying for the product\'s posts: updates made from now on carry the disclosure and are held until their paid-post order is recorded.' })
  @ApiOkResponse({ type: SponsorshipDto })
  @ApiErrors(401, 403, 404, 409, 422)
  declare(@CurrentProduct() product: ProductRef, @Body() dto: DeclareSponsorshipDto): Promise<SponsorshipDto> {
    return this.sponsorship.declare(product, dto);
  }

  @Delete('products/:id/sponsorship')
  @Roles('staff')
  @UseGuards(ProductAccessGuard)
  @ApiOperation({ summary: "End the product's sponsorship for later updates; posts already made stay sponsored (held until their order is recorded)." })
  @ApiOkResponse({ type: SponsorshipDto })
  @ApiErrors(401, 403, 404)
  remove(@CurrentProduct() product: ProductRef): Promise<SponsorshipDto> {
    return this.sponsorship.remove(product);
  }

  @Post('products/:id/social-updates/:updateId/sponsorship')
  @HttpCode(200)
  @Roles('staff')
  @UseGuards(ProductAccessGuard)
  @ApiOperation({
    summary:
      "Record the platform's paid-post order for a sponsored post: accepted (order reference and fee) releases its held deliveries; refused (reason) blocks them. Repeating an accepted order is harmless; another reference for a released post is 409.",
  })
  @ApiOkResponse({ type: SponsoredPostDto })
  @ApiErrors(401, 403, 404, 409, 422)
  record(@CurrentProduct() product: ProductRef, @Param('updateId') updateId: string, @Body() dto: RecordSponsoredOrderDto): Promise<SponsoredPostDto> {
    return this.sponsorship.record(product, updateId, dto);
  }
}
