// A product's social updates (staff and the owning influencer read them) and its launch announcement
// (the influencer approves it).

import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ApiErrors } from '../common/api-errors';
import { CurrentProduct } from '../products/current-product.decorator';
import { ProductAccessGuard, type ProductRef } from '../products/product-access.guard';
import { ApproveAnnouncementDto, LaunchAnnouncementDto } from './dto/launch-announcement.dto';
import { SocialUpdatesDto } from './dto/social-update.dto';
import { LaunchAnnouncementService } from './launch-announcement.service';
import { SocialUpdatesService } from './social-updates.service';

@ApiTags('social')
@ApiBearerAuth()
// operationIds as before the social controller was split, so clients generated from the OpenAPI document keep their names.
@Controller()
export class SocialUpdatesController {
  constructor(
    private readonly updates: SocialUpdatesService,
    private readonly announcements: LaunchAnnouncementService,
  ) {}

  @Get('products/:id/social-updates')
  @UseGuards(ProductAccessGuard)
  @ApiOperation({ operationId: 'SocialController_updates', summary: "The product's social updates in timeline order, with share URL, image URL and optimisation score (internal ones for staff only)." })
  @ApiOkResponse({ type: SocialUpdatesDto })
  @ApiErrors(401, 403, 404)
  list(@CurrentProduct() product: ProductRef, @CurrentPrincipal() principal: Principal): Promise<SocialUpdatesDto> {
    return this.updates.list(product, principal);
  }

  @Get('products/:id/launch-announcement')
  @UseGuards(ProductAccessGuard)
  @ApiOperation({ operationId: 'SocialController_announcement', summary: 'The launch announcement: the approved text, or the draft waiting for approval, and the time to approve it by.' })
  @ApiOkResponse({ type: LaunchAnnouncementDto })
  @ApiErrors(401, 403, 404)
  announcement(@CurrentProduct() product: ProductRef): Promise<LaunchAnnouncementDto> {
    return this.announcements.get(product);
  }

  @Post('products/:id/launch-announcement/approve')
  @HttpCode(200)
  @Roles('influencer')
  @UseGuards(ProductAccessGuard)
  @ApiOperation({ operationId: 'SocialController_approve', summary: "The product's influencer approves the announcement as drafted, or with their own title/body (LAUNCH stage); exactly this goes out at launch." })
  @ApiOkResponse({ type: LaunchAnnouncementDto })
  @ApiErrors(401, 403, 404, 409, 422)
  approve(@CurrentProduct() product: ProductRef, @Body() dto: ApproveAnnouncementDto, @CurrentPrincipal() principal: Principal): Promise<LaunchAnnouncementDto> {
    return this.announcements.approve(product, dto, principal);
  }
}
