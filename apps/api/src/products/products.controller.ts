// /products: create and read products, and drive them through their lifecycle. Staff run the product;
// the owning influencer reads it and reviews designs and samples.

import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  cancelProduct,
  closePoll,
  extendPoll,
  recordMilestone,
  recordSample,
  reviewDesign,
  reviewSample,
  scheduleLaunch,
  startProduction,
  submitDesign,
} from '@app/domain';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ApiErrors } from '../common/api-errors';
import { RequestValidationError } from '../common/validation';
import {
  CancelProductDto,
  ExtendPollDto,
  RecordMilestoneDto,
  RecordSampleDto,
  ReviewDto,
  ScheduleLaunchDto,
  StartProductionDto,
  SubmitDesignDto,
} from './dto/actions.dto';
import { CreateProductDto } from './dto/create-product.dto';
import { ListProductsQueryDto, ProductDto, ProductPageDto, TimelineDto, TimelineQueryDto } from './dto/product.dto';
import { CurrentProduct } from './current-product.decorator';
import { ProductAccessGuard, type ProductRef } from './product-access.guard';
import { ProductsService } from './products.service';

const round = new ParseIntPipe({ exceptionFactory: () => new RequestValidationError([{ field: 'round', messages: ['round must be a whole number'] }]) });

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
  @ApiOperation({ summary: 'Every stage change and action of the product, with actor and time, in order.' })
  @ApiOkResponse({ type: TimelineDto })
  @ApiErrors(401, 403, 404, 422)
  timeline(@CurrentProduct() product: ProductRef, @Query() query: TimelineQueryDto): Promise<TimelineDto> {
    return this.products.timeline(product, query.afterSeq);
  }

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

  @Post(':id/designs/:round/review')
  @HttpCode(200)
  @Roles('influencer')
  @UseGuards(ProductAccessGuard)
  @ApiParam({ name: 'round', type: Number })
  @ApiOperation({ summary: "The product's influencer approves a design round (→ SAMPLING) or requests changes with feedback." })
  @ApiOkResponse({ type: ProductDto })
  @ApiErrors(401, 403, 404, 409, 422)
  reviewDesign(
    @CurrentProduct() product: ProductRef,
    @Param('round', round) roundNo: number,
    @Body() dto: ReviewDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ProductDto> {
    return this.products.act(product, reviewDesign, { round: roundNo, decision: dto.decision, feedback: dto.feedback }, principal);
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

  @Post(':id/samples/:round/review')
  @HttpCode(200)
  @Roles('influencer')
  @UseGuards(ProductAccessGuard)
  @ApiParam({ name: 'round', type: Number })
  @ApiOperation({ summary: "The product's influencer approves a sample round (→ PRODUCTION) or requests changes with feedback." })
  @ApiOkResponse({ type: ProductDto })
  @ApiErrors(401, 403, 404, 409, 422)
  reviewSample(
    @CurrentProduct() product: ProductRef,
    @Param('round', round) roundNo: number,
    @Body() dto: ReviewDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ProductDto> {
    return this.products.act(product, reviewSample, { round: roundNo, decision: dto.decision, feedback: dto.feedback }, principal);
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
