// Staff watch a product's deliveries and re-send a failed one.

import { Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { ApiErrors } from '../common/api-errors';
import { CurrentProduct } from '../products/current-product.decorator';
import { ProductAccessGuard, type ProductRef } from '../products/product-access.guard';
import { DeliveriesService } from './deliveries.service';
import { DeliveriesDto, DeliveriesQueryDto, DeliveryDto } from './dto/delivery.dto';

@ApiTags('social')
@ApiBearerAuth()
// operationIds as before the social controller was split, so clients generated from the OpenAPI document keep their names.
@Controller()
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Get('products/:id/deliveries')
  @Roles('staff')
  @UseGuards(ProductAccessGuard)
  @ApiOperation({ operationId: 'SocialController_deliveries', summary: "Every delivery of the product's updates: pending, delivered (with the receiver's answer) or failed (attempts, last error)." })
  @ApiOkResponse({ type: DeliveriesDto })
  @ApiErrors(401, 403, 404, 422)
  list(@CurrentProduct() product: ProductRef, @Query() query: DeliveriesQueryDto): Promise<DeliveriesDto> {
    return this.deliveries.list(product, query.status);
  }

  @Post('products/:id/deliveries/:deliveryId/resend')
  @HttpCode(200)
  @Roles('staff')
  @UseGuards(ProductAccessGuard)
  @ApiOperation({ operationId: 'SocialController_resend', summary: 'Send a failed delivery again: the same webhook-id and body, a fresh round of attempts.' })
  @ApiOkResponse({ type: DeliveryDto })
  @ApiErrors(401, 403, 404, 409)
  resend(@CurrentProduct() product: ProductRef, @Param('deliveryId') deliveryId: string): Promise<DeliveryDto> {
    return this.deliveries.resend(product, deliveryId);
  }
}
