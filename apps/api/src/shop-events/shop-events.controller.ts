// Staff watch what a product's shop was told about its reservations.
import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { ApiErrors } from '../common/api-errors';
import { CurrentProduct } from '../products/current-product.decorator';
import { ProductAccessGuard, type ProductRef } from '../products/product-access.guard';
import { ShopEventsDto, ShopEventsQueryDto } from './dto/shop-event.dto';
import { ShopEventsService } from './shop-events.service';

@ApiTags('shops')
@ApiBearerAuth()
@Controller()
export class ShopEventsController {
  constructor(private readonly shopEvents: ShopEventsService) {}

  @Get('products/:id/shop-events')
  @Roles('staff')
  @UseGuards(ProductAccessGuard)
  @ApiOperation({
    summary: "The reservation events sent to the product's shop (ready at launch, released, expired): each one pending, delivered or failed, with its attempts and last error.",
    description: 'Paginated: at most `limit` events (default 100, at most 1000) from `offset`, oldest notification first; `counts` covers every event of the product.',
  })
  @ApiOkResponse({ type: ShopEventsDto })
  @ApiErrors(401, 403, 404, 422)
  list(@CurrentProduct() product: ProductRef, @Query() query: ShopEventsQueryDto): Promise<ShopEventsDto> {
    return this.shopEvents.list(product, query);
  }
}
