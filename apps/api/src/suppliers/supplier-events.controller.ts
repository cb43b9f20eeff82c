// Staff watch what a product's suppliers were sent about its orders.
import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { ApiErrors } from '../common/api-errors';
import { CurrentProduct } from '../products/current-product.decorator';
import { ProductAccessGuard, type ProductRef } from '../products/product-access.guard';
import { SupplierEventDto } from './dto/supplier.dto';
import { SuppliersService } from './suppliers.service';

@ApiTags('suppliers')
@ApiBearerAuth()
@Controller()
export class SupplierEventsController {
  constructor(private readonly suppliers: SuppliersService) {}

  @Get('products/:id/supplier-events')
  @Roles('staff')
  @UseGuards(ProductAccessGuard)
  @ApiOperation({ summary: "The order events sent to the product's registered suppliers (requests and cancellations), oldest first, each with its status and attempts." })
  @ApiOkResponse({ type: [SupplierEventDto] })
  @ApiErrors(401, 403, 404)
  list(@CurrentProduct() product: ProductRef): Promise<SupplierEventDto[]> {
    return this.suppliers.eventsOfProduct(product.id);
  }
}
