// The staff's lifecycle actions on a product (/products/:id/…): poll close and extension, design and sample
// rounds, production, launch and cancellation. Each is one Temporal Update of the product's workflow.

import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { cancelProduct, closePoll, extendPoll, recordMilestone, recordSample, scheduleLaunch, startProduction, submitDesign } from '@app/domain';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ApiErrors } from '../common/api-errors';
import {
  CancelProductDto,
  ExtendPollDto,
  RecordMilestoneDto,
  RecordSampleDto,
  ScheduleLaunchDto,
  StartProductionDto,
  SubmitDesignDto,
} from './dto/actions.dto';
import { ProductDto } from './dto/product.dto';
import { CurrentProduct } from './current-product.decorator';
import { ProductAccessGuard, type ProductRef } from './product-access.guard';
import { ProductsService } from './products.service';

@ApiTags('products')
@ApiBearerAuth()
@Controller('products')
export class ProductActionsController {
  constructor(private readonly products: ProductsService) {}

  @Post(':id/poll/close')
  @HttpCode(200)
  @Roles('staff')
  @UseGuards(ProductAccessGuard)
  @ApiOperation({ summary: 'Close the poll now and tally it. Below the minimum, the product waits for extend or cancel.' })
  @ApiOkResponse({ type: ProductDto })
  @ApiErrors(401, 403, 404, 409)
  closePoll(@CurrentProduct() product: ProductRef, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    return this.products.act(product, closePoll, {}, principal);
  }

  @Post(':id/poll/extend')
  @HttpCode(200)
  @Roles('staff')
  @UseGuards(ProductAccessGuard)
  @ApiOperation({ summary: 'Move the closing time later; reopens a poll that closed below its minimum.' })
  @ApiOkResponse({ type: ProductDto })
  @ApiErrors(401, 403, 404, 409, 422)
  extendPoll(@CurrentProduct() product: ProductRef, @Body() dto: ExtendPollDto, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    return this.products.act(product, extendPoll, { closesAt: dto.closesAt }, principal);
  }

  @Post(':id/designs')
  @HttpCode(200)
  @Roles('staff')
  @UseGuards(ProductAccessGuard)
  @ApiOperation({ summary: 'Submit the next design round for the influencer to review (DESIGN).' })
  @ApiOkResponse({ type: ProductDto })
  @ApiErrors(401, 403, 404, 409, 422)
  submitDesign(@CurrentProduct() product: ProductRef, @Body() dto: SubmitDesignDto, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    return this.products.act(product, submitDesign, { title: dto.title, description: dto.description, imageUrls: dto.imageUrls ?? [] }, principal);
  }

  @Post(':id/samples')
  @HttpCode(200)
  @Roles('staff')
  @UseGuards(ProductAccessGuard)
  @ApiOperation({ summary: 'Record the next physical sample round (SAMPLING).' })
  @ApiOkResponse({ type: ProductDto })
  @ApiErrors(401, 403, 404, 409, 422)
  recordSample(@CurrentProduct() product: ProductRef, @Body() dto: RecordSampleDto, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    return this.products.act(product, recordSample, { supplier: dto.supplier, notes: dto.notes ?? '', photoUrls: dto.photoUrls ?? [] }, principal);
  }

  @Post(':id/production')
  @HttpCode(200)
  @Roles('staff')
  @UseGuards(ProductAccessGuard)
  @ApiOperation({ summary: 'Start the production run; quantity defaults to the one suggested from poll demand.' })
  @ApiOkResponse({ type: ProductDto })
  @ApiErrors(401, 403, 404, 409, 422)
  startProduction(@CurrentProduct() product: ProductRef, @Body() dto: StartProductionDto, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    return this.products.act(product, startProduction, { quantity: dto.quantity, supplier: dto.supplier, dueDate: dto.dueDate }, principal);
  }

  @Post(':id/production/milestones')
  @HttpCode(200)
  @Roles('staff')
  @UseGuards(ProductAccessGuard)
  @ApiOperation({ summary: 'Record the next production milestone, in order: MATERIALS, CUTTING, SEWING, QUALITY_CHECK, SHIPPED (→ LAUNCH).' })
  @ApiOkResponse({ type: ProductDto })
  @ApiErrors(401, 403, 404, 409, 422)
  recordMilestone(@CurrentProduct() product: ProductRef, @Body() dto: RecordMilestoneDto, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    return this.products.act(product, recordMilestone, { milestone: dto.milestone, note: dto.note }, principal);
  }

  @Post(':id/launch')
  @HttpCode(200)
  @Roles('staff')
  @UseGuards(ProductAccessGuard)
  @ApiOperation({ summary: 'Schedule (or reschedule) the launch; countdown updates go out before it and the product is LAUNCHED at the time.' })
  @ApiOkResponse({ type: ProductDto })
  @ApiErrors(401, 403, 404, 409, 422)
  scheduleLaunch(@CurrentProduct() product: ProductRef, @Body() dto: ScheduleLaunchDto, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    return this.products.act(product, scheduleLaunch, { launchAt: dto.launchAt }, principal);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('staff')
  @UseGuards(ProductAccessGuard)
  @ApiOperation({ summary: 'Cancel the product with a reason, from any stage before LAUNCHED.' })
  @ApiOkResponse({ type: ProductDto })
  @ApiErrors(401, 403, 404, 409, 422)
  cancel(@CurrentProduct() product: ProductRef, @Body() dto: CancelProductDto, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    return this.products.act(product, cancelProduct, { reason: dto.reason }, principal);
  }
}
