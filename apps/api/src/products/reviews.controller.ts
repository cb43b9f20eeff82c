// The influencer's reviews: of the draft poll's options before the poll opens (/products/:id/poll/approve|request-changes),
// and of a product's design and sample rounds (/products/:id/designs|samples/:round/review): approve to move on, or
// request changes with feedback. Only the product's own influencer key may review.

import { Body, Controller, Param, ParseIntPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import { approvePoll, requestPollChanges, reviewDesign, reviewSample } from '@app/domain';
import { CurrentPrincipal } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { RequestValidationError } from '../common/validation';
import { RequestPollChangesDto, ReviewDto } from './dto/actions.dto';
import type { ProductDto } from './dto/product.dto';
import { CurrentProduct } from './current-product.decorator';
import type { ProductRef } from './product-access.guard';
import { ProductAction } from './product-action.decorator';
import { ProductsService } from './products.service';

const round = new ParseIntPipe({ exceptionFactory: () => new RequestValidationError([{ field: 'round', messages: ['round must be a whole number'] }]) });

@ApiTags('products')
@ApiBearerAuth()
@Controller('products')
export class ReviewsController {
  constructor(private readonly products: ProductsService) {}

  @ProductAction(':id/poll/approve', 'influencer', "The product's influencer approves the draft poll's options: the poll opens now (its first public update) and its duration starts now.", 401, 403, 404, 409)
  approvePoll(@CurrentProduct() product: ProductRef, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    return this.products.act(product, approvePoll, {}, principal);
  }

  @ProductAction(':id/poll/request-changes', 'influencer', "The product's influencer asks staff to change the draft poll's options, saying what; the poll stays in DRAFT until staff edit them.", 401, 403, 404, 409, 422)
  requestPollChanges(@CurrentProduct() product: ProductRef, @Body() dto: RequestPollChangesDto, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    return this.products.act(product, requestPollChanges, { feedback: dto.feedback }, principal);
  }

  @ProductAction(':id/designs/:round/review', 'influencer', "The product's influencer approves a design round (→ SAMPLING) or requests changes with feedback.", 401, 403, 404, 409, 422)
  @ApiParam({ name: 'round', type: Number })
  reviewDesign(@CurrentProduct() product: ProductRef, @Param('round', round) roundNo: number, @Body() dto: ReviewDto, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    return this.products.act(product, reviewDesign, { round: roundNo, decision: dto.decision, feedback: dto.feedback }, principal);
  }

  @ProductAction(':id/samples/:round/review', 'influencer', "The product's influencer approves a sample round (→ PRODUCTION) or requests changes with feedback.", 401, 403, 404, 409, 422)
  @ApiParam({ name: 'round', type: Number })
  reviewSample(@CurrentProduct() product: ProductRef, @Param('round', round) roundNo: number, @Body() dto: ReviewDto, @CurrentPrincipal() principal: Principal): Promise<ProductDto> {
    return this.products.act(product, reviewSample, { round: roundNo, decision: dto.decision, feedback: dto.feedback }, principal);
  }
}
