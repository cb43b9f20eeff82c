// The staff's lifecycle actions on a product (/products/:id/…): poll close and extension, the demand window,
// design and sample rounds (and sample requests to registered suppliers), production, launch, cancellation, restocks and ending sales. Each is one
// Temporal Update of the product's workflow.

import { Body, Controller, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  approveRestock,
  cancelProduct,
  cancelRestock,
  closeDemand,
  closePoll,
  declineRestock,
  endSales,
  extendDemand,
  extendPoll,
  overrideDemand,
  recordMilestone,
  recordRestockMilestone,
  recordSample,
  requestSample,
  scheduleLaunch,
  startProduction,
  submitDesign,
} from '@app/domain';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import { ApiErrors } from '../common/api-errors';
import type { Principal } from '../auth/principal';
import {
  ApproveRestockDto,
  CancelProductDto,
  EditPollOptionsDto,
  ExtendDemandDto,
  ExtendPollDto,
  ReasonDto,
  RecordRestockMilestoneDto,
  RecordMilestoneDto,
  RecordSampleDto,
  RequestSampleDto,
  ScheduleLaunchDto,
  StartProductionDto,
  SubmitDesignDto,
} from './dto/actions.dto';
import { ProductDto } from './dto/product.dto';
import { CurrentProduct } from './current-product.decorator';
import { ProductAccessGuard, type ProductRef } from './product-access.guard';
import { ProductAction } from './product-action.decorator';
import { ProductsService } from './products.service';
import { SuppliersService } from '../suppliers/suppliers.service';
import { ImageReferences } from '../images/image-references';

@ApiTags('products')
@ApiBearerAuth()
@Controller('products')
export class ProductActionsController {
  constructor(
    private readonly products: ProductsService,
    private readonly suppliers: SuppliersService,
    private readonly imageReferences: ImageReferences,
  ) {}

  @Put(':id/poll/options')
  @Roles('staff')
  @UseGuards(ProductAccessGuard)
  @ApiOperation({
    summary: "Replace the question (optional) and options of a poll waiting for the influencer's approval (DRAFT); screened again, and the influencer is asked to approve the new set.",
  })
  @ApiOkResponse({ type: ProductDto })
  @ApiErrors(401, 403, 404, 409, 422)
  editPollOptions(@CurrentProduct() product: ProductRef, @Body() dto: EditPollOptionsDto, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    return this.products.editPollOptions(product, dto, principal);
  }

  @ProductAction(':id/poll/close', 'staff', 'Close the poll now and tally it. Below the minimum, the product waits for extend or cancel.', 401, 403, 404, 409)
  closePoll(@CurrentProduct() product: ProductRef, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    return this.products.act(product, closePoll, {}, principal);
  }

  @ProductAction(':id/poll/extend', 'staff', 'Move the closing time later; reopens a poll that closed below its minimum.', 401, 403, 404, 409, 422)
  extendPoll(@CurrentProduct() product: ProductRef, @Body() dto: ExtendPollDto, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    return this.products.act(product, extendPoll, { closesAt: dto.closesAt }, principal);
  }

  @ProductAction(':id/designs', 'staff', "Submit the next design round for the influencer to review (DESIGN); imageUrls may name the product's uploaded images (/images/{id}/display).", 401, 403, 404, 409, 422)
  async submitDesign(@CurrentProduct() product: ProductRef, @Body() dto: SubmitDesignDto, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    const imageUrls = dto.imageUrls ?? [];
    await this.imageReferences.assertOfProduct(product.id, 'imageUrls', imageUrls);
    return this.products.act(product, submitDesign, { title: dto.title, description: dto.description, imageUrls }, principal);
  }

  @ProductAction(':id/samples', 'staff', "Record the next physical sample round (SAMPLING); photoUrls may name the product's uploaded images (/images/{id}/display).", 401, 403, 404, 409, 422)
  async recordSample(@CurrentProduct() product: ProductRef, @Body() dto: RecordSampleDto, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    const photoUrls = dto.photoUrls ?? [];
    await this.imageReferences.assertOfProduct(product.id, 'photoUrls', photoUrls);
    const from = await this.suppliers.orderedFrom(dto, false);
    return this.products.act(product, recordSample, { ...from, notes: dto.notes ?? '', photoUrls }, principal);
  }

  @ProductAction(':id/samples/requests', 'staff', 'Request the next sample of a registered supplier (SAMPLING): it is sent to the supplier, and the sample recorded when it arrives closes the request.', 401, 403, 404, 409, 422)
  async requestSample(@CurrentProduct() product: ProductRef, @Body() dto: RequestSampleDto, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    const { supplierId, supplier } = await this.suppliers.orderedFrom({ supplierId: dto.supplierId }, true);
    return this.products.act(product, requestSample, { supplierId: supplierId!, supplier: supplier!, notes: dto.notes ?? '', dueDate: dto.dueDate }, principal);
  }

  @ProductAction(':id/production', 'staff', 'Start the production run; quantities per variant default to the demand suggestion (reservations, else poll votes).', 401, 403, 404, 409, 422)
  async startProduction(@CurrentProduct() product: ProductRef, @Body() dto: StartProductionDto, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    const from = await this.suppliers.orderedFrom(dto, true);
    return this.products.act(product, startProduction, { quantity: dto.quantity, quantities: dto.quantities, supplier: from.supplier!, supplierId: from.supplierId, dueDate: dto.dueDate }, principal);
  }

  @ProductAction(':id/production/milestones', 'staff', 'Record the next production milestone, in order: MATERIALS, CUTTING, SEWING, QUALITY_CHECK, SHIPPED (→ LAUNCH).', 401, 403, 404, 409, 422)
  recordMilestone(@CurrentProduct() product: ProductRef, @Body() dto: RecordMilestoneDto, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    return this.products.act(product, recordMilestone, { milestone: dto.milestone, note: dto.note }, principal);
  }

  @ProductAction(':id/launch', 'staff', 'Schedule (or reschedule) the launch; countdown updates go out before it and the product goes ON_SALE at the time.', 401, 403, 404, 409, 422)
  scheduleLaunch(@CurrentProduct() product: ProductRef, @Body() dto: ScheduleLaunchDto, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    return this.products.act(product, scheduleLaunch, { launchAt: dto.launchAt }, principal);
  }

  @ProductAction(':id/cancel', 'staff', 'Cancel the product with a reason, from any stage before ON_SALE; in DEMAND its reservations are released.', 401, 403, 404, 409, 422)
  cancel(@CurrentProduct() product: ProductRef, @Body() dto: CancelProductDto, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    return this.products.act(product, cancelProduct, { reason: dto.reason }, principal);
  }

  @ProductAction(':id/demand/close', 'staff', 'Close the demand window now and count the reservations: the goal met unlocks DESIGN, below it the product waits for extend, override or cancel.', 401, 403, 404, 409)
  closeDemand(@CurrentProduct() product: ProductRef, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    return this.products.act(product, closeDemand, {}, principal);
  }

  @ProductAction(':id/demand/extend', 'staff', 'Move the demand window\'s closing time later; reopens a window that closed below its goal.', 401, 403, 404, 409, 422)
  extendDemand(@CurrentProduct() product: ProductRef, @Body() dto: ExtendDemandDto, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    return this.products.act(product, extendDemand, { closesAt: dto.closesAt }, principal);
  }

  @ProductAction(':id/demand/override', 'staff', 'Unlock production although the demand goal was missed, with a reason (→ DESIGN).', 401, 403, 404, 409, 422)
  overrideDemand(@CurrentProduct() product: ProductRef, @Body() dto: ReasonDto, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    return this.products.act(product, overrideDemand, { reason: dto.reason }, principal);
  }

  @ProductAction(':id/restocks/approve', 'staff', 'Approve the proposed restock (quantities default to the proposal); it is produced with the usual milestones.', 401, 403, 404, 409, 422)
  async approveRestock(@CurrentProduct() product: ProductRef, @Body() dto: ApproveRestockDto, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    const from = await this.suppliers.orderedFrom(dto, true);
    return this.products.act(product, approveRestock, { quantities: dto.quantities, supplier: from.supplier!, supplierId: from.supplierId, dueDate: dto.dueDate }, principal);
  }

  @ProductAction(':id/restocks/decline', 'staff', 'Decline the proposed restock with a reason; none is proposed again until more stock ships.', 401, 403, 404, 409, 422)
  declineRestock(@CurrentProduct() product: ProductRef, @Body() dto: ReasonDto, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    return this.products.act(product, declineRestock, { reason: dto.reason }, principal);
  }

  @ProductAction(':id/restocks/cancel', 'staff', 'Cancel the restock in production with a reason; the product stays on sale.', 401, 403, 404, 409, 422)
  cancelRestock(@CurrentProduct() product: ProductRef, @Body() dto: ReasonDto, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    return this.products.act(product, cancelRestock, { reason: dto.reason }, principal);
  }

  @ProductAction(':id/restocks/milestones', 'staff', 'Record the restock\'s next milestone, in order: MATERIALS, CUTTING, SEWING, QUALITY_CHECK, SHIPPED (→ back in stock).', 401, 403, 404, 409, 422)
  recordRestockMilestone(@CurrentProduct() product: ProductRef, @Body() dto: RecordRestockMilestoneDto, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    return this.products.act(product, recordRestockMilestone, { milestone: dto.milestone, note: dto.note }, principal);
  }

  @ProductAction(':id/end', 'staff', 'End the product\'s sales with a reason (an open restock is cancelled first); the product is ENDED.', 401, 403, 404, 409, 422)
  endSales(@CurrentProduct() product: ProductRef, @Body() dto: ReasonDto, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    return this.products.act(product, endSales, { reason: dto.reason }, principal);
  }
}
