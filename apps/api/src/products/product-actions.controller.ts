// The staff's lifecycle actions on a product (/products/:id/…): poll close and extension, design and sample
// rounds, production, launch and cancellation. Each is one Temporal Update of the product's workflow.

import { Body, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { cancelProduct, closePoll, extendPoll, recordMilestone, recordSample, scheduleLaunch, startProduction, submitDesign } from '@app/domain';
import { CurrentPrincipal } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import {
  CancelProductDto,
  ExtendPollDto,
  RecordMilestoneDto,
  RecordSampleDto,
  ScheduleLaunchDto,
  StartProductionDto,
  SubmitDesignDto,
} from './dto/actions.dto';
import type { ProductDto } from './dto/product.dto';
import { CurrentProduct } from './current-product.decorator';
import type { ProductRef } from './product-access.guard';
import { ProductAction } from './product-action.decorator';
import { ProductsService } from './products.service';

@ApiTags('products')
@ApiBearerAuth()
@Controller('products')
export class ProductActionsController {
  constructor(private readonly products: ProductsService) {}

  @ProductAction(':id/poll/close', 'staff', 'Close the poll now and tally it. Below the minimum, the product waits for extend or cancel.', 401, 403, 404, 409)
  closePoll(@CurrentProduct() product: ProductRef, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    return this.products.act(product, closePoll, {}, principal);
  }

  @ProductAction(':id/poll/extend', 'staff', 'Move the closing time later; reopens a poll that closed below its minimum.', 401, 403, 404, 409, 422)
  extendPoll(@CurrentProduct() product: ProductRef, @Body() dto: ExtendPollDto, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    return this.products.act(product, extendPoll, { closesAt: dto.closesAt }, principal);
  }

  @ProductAction(':id/designs', 'staff', 'Submit the next design round for the influencer to review (DESIGN).', 401, 403, 404, 409, 422)
  submitDesign(@CurrentProduct() product: ProductRef, @Body() dto: SubmitDesignDto, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    return this.products.act(product, submitDesign, { title: dto.title, description: dto.description, imageUrls: dto.imageUrls ?? [] }, principal);
  }

  @ProductAction(':id/samples', 'staff', 'Record the next physical sample round (SAMPLING).', 401, 403, 404, 409, 422)
  recordSample(@CurrentProduct() product: ProductRef, @Body() dto: RecordSampleDto, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    return this.products.act(product, recordSample, { supplier: dto.supplier, notes: dto.notes ?? '', photoUrls: dto.photoUrls ?? [] }, principal);
  }

  @ProductAction(':id/production', 'staff', 'Start the production run; quantity defaults to the one suggested from poll demand.', 401, 403, 404, 409, 422)
  startProduction(@CurrentProduct() product: ProductRef, @Body() dto: StartProductionDto, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    return this.products.act(product, startProduction, { quantity: dto.quantity, supplier: dto.supplier, dueDate: dto.dueDate }, principal);
  }

  @ProductAction(':id/production/milestones', 'staff', 'Record the next production milestone, in order: MATERIALS, CUTTING, SEWING, QUALITY_CHECK, SHIPPED (→ LAUNCH).', 401, 403, 404, 409, 422)
  recordMilestone(@CurrentProduct() product: ProductRef, @Body() dto: RecordMilestoneDto, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    return this.products.act(product, recordMilestone, { milestone: dto.milestone, note: dto.note }, principal);
  }

  @ProductAction(':id/launch', 'staff', 'Schedule (or reschedule) the launch; countdown updates go out before it and the product is LAUNCHED at the time.', 401, 403, 404, 409, 422)
  scheduleLaunch(@CurrentProduct() product: ProductRef, @Body() dto: ScheduleLaunchDto, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    return this.products.act(product, scheduleLaunch, { launchAt: dto.launchAt }, principal);
  }

  @ProductAction(':id/cancel', 'staff', 'Cancel the product with a reason, from any stage before LAUNCHED.', 401, 403, 404, 409, 422)
  cancel(@CurrentProduct() product: ProductRef, @Body() dto: CancelProductDto, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    return this.products.act(product, cancelProduct, { reason: dto.reason }, principal);
  }
}
